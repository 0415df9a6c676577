import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CompiledFilters } from '../../src/core/filters/compiled.js';
import {
  compileFilter,
  evaluate,
  FilterError,
  filterFields,
  operatorsFor,
  parseLogicExpression,
  printExpression,
  resolveFilterField,
  validateFilter,
  type ContactFilter,
  type ExpressionNode,
  type FilterCondition,
} from '../../src/core/filters/filter.js';
import { digitsEqual, digitsInclude, digitsOf, foldForMatch } from '../../src/core/filters/text.js';
import type { Contact, FieldDef } from '../../src/core/types.js';
import { blankContact } from '../support/contacts.js';

/** Reference semantics, written independently of the library: plain every/some. */
function reference(node: ExpressionNode, results: readonly boolean[]): boolean {
  if (node.type === 'condition') return results[node.index - 1];
  return node.type === 'and'
    ? node.operands.every((o) => reference(o, results))
    : node.operands.some((o) => reference(o, results));
}

/** Random expression trees over conditions 1..count (operators nest arbitrarily, same kind included). */
function astArbitrary(count: number): fc.Arbitrary<ExpressionNode> {
  const tree = fc.letrec<{ node: ExpressionNode; leaf: ExpressionNode; and: ExpressionNode; or: ExpressionNode }>(
    (tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('and'), tie('or')),
      leaf: fc.integer({ min: 1, max: count }).map((index) => ({ type: 'condition' as const, index })),
      and: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((operands) => ({ type: 'and' as const, operands })),
      or: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((operands) => ({ type: 'or' as const, operands })),
    }),
  );
  return tree.node;
}

const COUNT = 12;
const withResults = fc.tuple(astArbitrary(COUNT), fc.array(fc.boolean(), { minLength: COUNT, maxLength: COUNT }));

/** Parses text that must be valid. */
function parse(text: string, count = COUNT): ExpressionNode {
  const result = parseLogicExpression(text, count);
  if (!result.ok) throw new Error(`${text}: ${result.error.reason} at ${result.error.position}`);
  return result.ast;
}

function errorOf(text: string, count = COUNT) {
  const result = parseLogicExpression(text, count);
  if (result.ok) throw new Error(`${text} parsed, an error was expected`);
  return result.error;
}

/** Prints a tree the way a person might type it: random case, extra spaces and redundant parentheses. */
function printNoisy(node: ExpressionNode, pick: (n: number) => number): string {
  const space = () => ' '.repeat(1 + pick(2));
  const word = (w: string) => [...w].map((ch) => (pick(1) ? ch.toUpperCase() : ch)).join('');
  if (node.type === 'condition') return pick(4) === 0 ? `(${space()}${node.index})` : String(node.index);
  const text = node.operands
    .map((o) => {
      const inner = printNoisy(o, pick);
      return node.type === 'and' && o.type === 'or' ? `(${inner})` : inner;
    })
    .join(`${space()}${word(node.type)}${space()}`);
  return pick(3) === 0 ? `(${text})` : text;
}

describe('parseLogicExpression: grammar', () => {
  it('accepts the documented example and keeps precedence () > and > or', () => {
    expect(parse('(1 or 2 or 3) and (4 and 5)', 5)).to.deep.equal({
      type: 'and',
      operands: [
        { type: 'or', operands: [1, 2, 3].map((index) => ({ type: 'condition', index })) },
        { type: 'and', operands: [4, 5].map((index) => ({ type: 'condition', index })) },
      ],
    });
    expect(printExpression(parse('1 or 2 and 3'))).to.equal('1 or 2 and 3');
    expect(parse('1 or 2 and 3')).to.deep.include({ type: 'or' });
    expect(printExpression(parse('(1 or 2) and 3'))).to.equal('(1 or 2) and 3');
    expect(printExpression(parse('((1))'))).to.equal('1');
  });

  it('reads and/or in any case and tolerates extra whitespace', () => {
    expect(printExpression(parse('1 AND 2  Or\t3'))).to.equal('1 and 2 or 3');
    expect(printExpression(parse('  ( 1 oR 2 )  aNd 3 '))).to.equal('(1 or 2) and 3');
  });

  it('refuses an expression before conditions exist, and an empty one', () => {
    expect(errorOf('1', 0)).to.include({ reason: 'no-conditions', message: 'Invalid logical expression.' });
    expect(errorOf('', 0).reason).to.equal('no-conditions');
    expect(errorOf('   ', 3)).to.include({ reason: 'empty', position: 0 });
  });

  const cases: [text: string, count: number, reason: string, position: number, token?: string][] = [
    ['(1 or 2 or 3) and (4 and 5)', 4, 'unknown-condition', 25, '5'],
    ['0', 3, 'unknown-condition', 0, '0'],
    ['1 and 12', 3, 'unknown-condition', 6, '12'],
    ['1and 2', 3, 'missing-space', 1, 'and'],
    ['1 and2', 3, 'missing-space', 2, 'and'],
    ['(1 or 2)and 3', 3, 'missing-space', 8, 'and'],
    ['(1 or 2', 3, 'unbalanced-parenthesis', 0, '('],
    ['1 or (2 and (3)', 3, 'unbalanced-parenthesis', 5, '('],
    ['1 or 2)', 3, 'unbalanced-parenthesis', 6, ')'],
    ['（1 or 2）', 3, 'full-width-parenthesis', 0, '（'],
    ['(1 or 2）', 3, 'full-width-parenthesis', 7, '）'],
    ['1 2', 3, 'missing-operator', 2, '2'],
    ['1 (2)', 3, 'missing-operator', 2, '('],
    ['1 and', 3, 'missing-operand', 5],
    ['1 and ', 3, 'missing-operand', 6],
    ['()', 3, 'missing-operand', 1, ')'],
    ['or 2', 3, 'missing-operand', 0, 'or'],
    ['1 and or 2', 3, 'missing-operand', 6, 'or'],
    ['1 xor 2', 3, 'unexpected-token', 2, 'xor'],
    ['1 && 2', 3, 'unexpected-token', 2, '&'],
    ['not 1', 3, 'unexpected-token', 0, 'not'],
  ];
  for (const [text, count, reason, position, token] of cases) {
    it(`"${text}" with ${count} conditions → ${reason} at ${position}`, () => {
      const error = errorOf(text, count);
      expect(error.message).to.equal('Invalid logical expression.');
      expect(error.reason).to.equal(reason);
      expect(error.position).to.equal(position);
      expect(error.token).to.equal(token);
      expect(error.detail).to.be.a('string').and.not.equal('');
    });
  }
});

describe('parseLogicExpression: properties', () => {
  it('agrees with a reference evaluation of the random tree it was printed from', () => {
    fc.assert(
      fc.property(withResults, ([ast, results]) => {
        expect(evaluate(parse(printExpression(ast)), results)).to.equal(reference(ast, results));
      }),
      { numRuns: 400 },
    );
  });

  it('reads noisy human typing (case, spaces, redundant parentheses) with the same meaning', () => {
    fc.assert(
      fc.property(withResults, fc.gen(), ([ast, results], g) => {
        const text = printNoisy(ast, (n) => g(fc.integer, { min: 0, max: n }));
        expect(evaluate(parse(text), results), text).to.equal(reference(ast, results));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips: printing is canonical and re-parsing it changes nothing', () => {
    fc.assert(
      fc.property(astArbitrary(COUNT), (ast) => {
        const printed = printExpression(ast);
        const reparsed = parse(printed);
        expect(printExpression(reparsed)).to.equal(printed);
        expect(parse(printExpression(reparsed))).to.deep.equal(reparsed);
      }),
      { numRuns: 400 },
    );
  });

  it('prints only the parentheses precedence needs, and parses back to the flattened tree', () => {
    const flatten = (node: ExpressionNode): ExpressionNode =>
      node.type === 'condition'
        ? node
        : {
            type: node.type,
            operands: node.operands.flatMap((o) => {
              const flat = flatten(o);
              return flat.type === node.type ? (flat as { operands: ExpressionNode[] }).operands : [flat];
            }),
          };
    const needed = (node: ExpressionNode): number =>
      node.type === 'condition'
        ? 0
        : node.operands.reduce((n, o) => n + needed(o) + (node.type === 'and' && o.type === 'or' ? 1 : 0), 0);
    fc.assert(
      fc.property(astArbitrary(COUNT), (ast) => {
        const flat = flatten(ast);
        const printed = printExpression(ast);
        expect(printed.split('(').length - 1).to.equal(needed(flat));
        expect(parse(printed)).to.deep.equal(flat);
      }),
      { numRuns: 300 },
    );
  });

  it('points at an injected unknown condition number', () => {
    fc.assert(
      fc.property(astArbitrary(COUNT), fc.nat(), fc.integer({ min: 1, max: 500 }), (ast, which, extra) => {
        const printed = printExpression(ast);
        const numbers = [...printed.matchAll(/\d+/g)];
        const target = numbers[which % numbers.length];
        const bad = String(COUNT + extra);
        const text = printed.slice(0, target.index) + bad + printed.slice(target.index + target[0].length);
        expect(errorOf(text)).to.include({ reason: 'unknown-condition', position: target.index, token: bad });
      }),
    );
  });

  it('points at an operator whose space was removed', () => {
    fc.assert(
      fc.property(
        astArbitrary(COUNT).filter((a) => a.type !== 'condition'),
        fc.nat(),
        fc.boolean(),
        (ast, which, before) => {
          const printed = printExpression(ast);
          const operators = [...printed.matchAll(/ (and|or) /g)];
          const op = operators[which % operators.length];
          const start = op.index + 1;
          const cut = before ? start - 1 : start + op[1].length;
          const text = printed.slice(0, cut) + printed.slice(cut + 1);
          expect(errorOf(text)).to.include({ reason: 'missing-space', position: before ? start - 1 : start });
        },
      ),
    );
  });

  it('points at a stray character inserted between tokens', () => {
    fc.assert(
      fc.property(astArbitrary(COUNT), fc.nat(), fc.constantFrom('#', '&', '|', '!', '*', 'x'), (ast, which, ch) => {
        const printed = printExpression(ast);
        const spots = [0];
        for (let i = 1; i <= printed.length; i++) if (printed[i - 1] === ' ' || printed[i - 1] === '(') spots.push(i);
        const at = spots[which % spots.length];
        const text = printed.slice(0, at) + ch + printed.slice(at);
        expect(errorOf(text)).to.include({ reason: 'unexpected-token', position: at });
      }),
    );
  });

  /** A printed expression that has parentheses, and where one of them is. */
  const withParenthesis = fc
    .tuple(
      astArbitrary(COUNT).filter((a) => printExpression(a).includes('(')),
      fc.nat(),
    )
    .map(([ast, which]) => {
      const printed = printExpression(ast);
      const parens = [...printed.matchAll(/[()]/g)];
      return { printed, at: parens[which % parens.length].index };
    });

  it('reports a removed parenthesis as unbalanced, pointing at a parenthesis', () => {
    fc.assert(
      fc.property(withParenthesis, ({ printed, at }) => {
        const text = printed.slice(0, at) + printed.slice(at + 1);
        const error = errorOf(text);
        expect(error.reason).to.equal('unbalanced-parenthesis');
        expect(['(', ')']).to.include(text[error.position]);
      }),
    );
  });

  it('points at a full-width parenthesis put in place of a half-width one', () => {
    fc.assert(
      fc.property(withParenthesis, ({ printed, at }) => {
        const wide = printed[at] === '(' ? '（' : '）';
        const text = printed.slice(0, at) + wide + printed.slice(at + 1);
        expect(errorOf(text)).to.include({ reason: 'full-width-parenthesis', position: at });
      }),
    );
  });
});

/** This file's contacts are made at noon UTC, away from midnight, where a time-zone shift would move the day. */
function contact(fields: Partial<Contact> & { id: string }): Contact {
  return blankContact({ createdAt: '2024-01-01T12:00:00.000Z', updatedAt: '2024-01-01T12:00:00.000Z', ...fields });
}

const fields: FieldDef[] = [
  { key: 'score', label: 'Score', type: 'number' },
  { key: 'renewal', label: 'Renewal', type: 'date' },
  { key: 'vip', label: 'VIP', type: 'checkbox' },
  { key: 'city', label: 'City', type: 'text' },
  { key: 'email', label: 'Work email', type: 'email' },
];

const people = [
  contact({
    id: 'jose',
    firstName: 'José',
    lastName: 'Núñez',
    emails: ['Jose.Nunez@Example.com'],
    phones: ['+598 99 123 456'],
    identities: [{ kind: 'phone', value: '+59899123456' }],
    tags: ['VIP', 'Montevideo'],
    owner: 'ana',
    leadStage: 'Customer',
    custom: { score: 42, renewal: '2025-03-10', vip: true, city: 'São Paulo', email: 'jn@work.example' },
    createdAt: '2023-06-15T10:00:00.000Z',
  }),
  contact({
    id: 'maria',
    firstName: 'María',
    lastName: 'Gómez',
    emails: ['maria@example.org'],
    phones: ['(11) 98765-4321'],
    tags: ['lead'],
    leadStage: 'Lead',
    custom: { score: '7', city: 'Buenos Aires' },
    blocked: true,
    createdAt: '2024-02-01T10:00:00.000Z',
  }),
  contact({ id: 'empty', identities: [{ kind: 'phone', value: '+14155550100' }] }),
];

function ids(filter: ContactFilter, options = {}): string[] {
  const test = compileFilter(filter, fields, options);
  return people.filter(test).map((c) => c.id);
}

const all = (...conditions: FilterCondition[]): ContactFilter => ({ match: 'all', conditions });

describe('compileFilter: conditions', () => {
  it('compares text ignoring case and accents', () => {
    expect(ids(all({ field: 'firstName', op: 'is', value: 'jose' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'lastName', op: 'contains', value: 'NUN' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'firstName', op: 'is not', value: 'MARIA' }))).to.deep.equal(['jose', 'empty']);
    expect(ids(all({ field: 'city', op: 'not contains', value: 'sao' }))).to.deep.equal(['maria', 'empty']);
    expect(ids(all({ field: 'leadStage', op: 'is', value: 'lead' }))).to.deep.equal(['maria']);
  });

  it('matches list fields (emails, tags) when any entry matches', () => {
    expect(ids(all({ field: 'email', op: 'contains', value: 'example.com' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'tags', op: 'is', value: 'vip' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'tags', op: 'is not', value: 'vip' }))).to.deep.equal(['maria', 'empty']);
    expect(ids(all({ field: 'tags', op: 'is empty' }))).to.deep.equal(['empty']);
  });

  it('compares phones by their digits, with the default region for national numbers', () => {
    expect(ids(all({ field: 'phone', op: 'contains', value: '99-123' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'phone', op: 'is', value: '+598 (99) 123-456' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'phone', op: 'is', value: '099 123 456' }))).to.deep.equal([]);
    expect(ids(all({ field: 'phone', op: 'is', value: '099 123 456' }), { defaultRegion: 'UY' })).to.deep.equal([
      'jose',
    ]);
    // A contact with only a phone identity still has a phone.
    expect(ids(all({ field: 'phone', op: 'contains', value: '4155550100' }))).to.deep.equal(['empty']);
    expect(ids(all({ field: 'phone', op: 'is empty' }))).to.deep.equal([]);
  });

  it('tests booleans, a missing checkbox counting as unchecked', () => {
    expect(ids(all({ field: 'blocked', op: 'is', value: 'true' }))).to.deep.equal(['maria']);
    expect(ids(all({ field: 'vip', op: 'is', value: 'false' }))).to.deep.equal(['maria', 'empty']);
    expect(ids(all({ field: 'vip', op: 'is empty' }))).to.deep.equal(['maria', 'empty']);
  });

  it('compares numbers, stored as numbers or numeric text', () => {
    expect(ids(all({ field: 'score', op: 'greater', value: '10' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'score', op: 'less', value: '10' }))).to.deep.equal(['maria']);
    expect(ids(all({ field: 'score', op: 'is', value: '7' }))).to.deep.equal(['maria']);
    expect(ids(all({ field: 'score', op: 'is not empty' }))).to.deep.equal(['jose', 'maria']);
  });

  it('compares dates by local day and date-times by instant', () => {
    expect(ids(all({ field: 'renewal', op: 'is', value: '2025-03-10' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'renewal', op: 'after', value: '2025-03-09' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'renewal', op: 'after', value: '2025-03-10' }))).to.deep.equal([]);
    expect(ids(all({ field: 'renewal', op: 'before', value: '2025-03-11' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'createdAt', op: 'before', value: '2024-01-01T00:00:00Z' }))).to.deep.equal(['jose']);
    expect(ids(all({ field: 'createdAt', op: 'after', value: '2023-12-31T23:59:59Z' }))).to.deep.equal([
      'maria',
      'empty',
    ]);
    const created = new Date('2024-02-01T10:00:00.000Z');
    const localDay = [created.getFullYear(), created.getMonth() + 1, created.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-');
    expect(ids(all({ field: 'createdAt', op: 'is', value: localDay }))).to.deep.equal(['maria']);
  });

  it('reaches a custom field shadowed by a system name as custom.<key>', () => {
    expect(ids(all({ field: 'custom.email', op: 'contains', value: 'work' }))).to.deep.equal(['jose']);
    expect(resolveFilterField('email', fields)?.system).to.equal(true);
  });
});

describe('compileFilter: combinations', () => {
  const conditions: FilterCondition[] = [
    { field: 'tags', op: 'is', value: 'vip' },
    { field: 'blocked', op: 'is', value: 'true' },
    { field: 'firstName', op: 'is empty' },
  ];

  it('meet all, meet any, and an expression', () => {
    expect(ids({ match: 'all', conditions })).to.deep.equal([]);
    expect(ids({ match: 'any', conditions })).to.deep.equal(['jose', 'maria', 'empty']);
    expect(ids({ match: 'expression', conditions, expression: '(1 or 2) and 3' })).to.deep.equal([]);
    expect(ids({ match: 'expression', conditions, expression: '1 or 2 and 3' })).to.deep.equal(['jose']);
    expect(ids({ match: 'expression', conditions, expression: '3 or 2' })).to.deep.equal(['maria', 'empty']);
  });

  it('with no conditions the filter is off', () => {
    expect(ids({ match: 'all', conditions: [] })).to.have.length(3);
    expect(ids({ match: 'expression', conditions: [], expression: '' })).to.have.length(3);
  });

  it('a compiled expression agrees with evaluating each condition separately', () => {
    const pool: FilterCondition[] = [
      { field: 'firstName', op: 'contains', value: 'a' },
      { field: 'tags', op: 'is not empty' },
      { field: 'score', op: 'greater', value: '5' },
      { field: 'blocked', op: 'is', value: 'false' },
      { field: 'email', op: 'contains', value: 'example' },
      { field: 'phone', op: 'contains', value: '9' },
    ];
    const single = pool.map((c) => compileFilter(all(c), fields));
    fc.assert(
      fc.property(astArbitrary(pool.length), (ast) => {
        const test = compileFilter({ match: 'expression', conditions: pool, expression: printExpression(ast) }, fields);
        for (const person of people) {
          expect(test(person)).to.equal(reference(ast, single.map((s) => s(person))));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('validateFilter', () => {
  it('names the problem of each condition, in order', () => {
    const validation = validateFilter(
      all(
        { field: 'nope', op: 'is', value: 'x' },
        { field: 'firstName', op: 'before', value: '2024-01-01' },
        { field: 'firstName', op: 'is' },
        { field: 'score', op: 'greater', value: 'ten' },
        { field: 'renewal', op: 'after', value: 'tomorrow' },
        { field: 'vip', op: 'is', value: 'yes' },
        { field: 'phone', op: 'contains', value: 'abc' },
        { field: 'owner', op: 'is empty' },
      ),
      fields,
    );
    expect(validation.ok).to.equal(false);
    expect(validation.conditions).to.deep.equal([
      'unknown-field',
      'operator-not-allowed',
      'missing-value',
      'invalid-number',
      'invalid-date',
      'invalid-boolean',
      'invalid-phone',
      undefined,
    ]);
  });

  it('reports the expression error, and compileFilter refuses with it', () => {
    const filter: ContactFilter = {
      match: 'expression',
      conditions: [{ field: 'owner', op: 'is empty' }],
      expression: '1 and 2',
    };
    expect(validateFilter(filter, fields).expression).to.include({ reason: 'unknown-condition', position: 6 });
    expect(() => compileFilter(filter, fields)).to.throw(FilterError);
    try {
      compileFilter(filter, fields);
    } catch (error) {
      expect((error as FilterError).code).to.equal('invalid');
      expect((error as FilterError).validation.expression?.reason).to.equal('unknown-condition');
    }
    expect(validateFilter({ ...filter, conditions: [] }, fields).expression?.reason).to.equal('no-conditions');
    expect(validateFilter({ ...filter, expression: ' ' }, fields).expression?.reason).to.equal('empty');
  });

  it('offers before/after only for dates and greater/less only for numbers', () => {
    for (const field of filterFields(fields)) {
      const ops = operatorsFor(field.type);
      expect(ops.includes('before'), field.key).to.equal(field.type === 'date' || field.type === 'datetime');
      expect(ops.includes('greater'), field.key).to.equal(field.type === 'number');
    }
  });
});

describe('filter text helpers', () => {
  it('fold case, accents and surrounding space', () => {
    expect(foldForMatch('  Ñandú ÇÃO ')).to.equal('nandu cao');
    expect(foldForMatch('plain')).to.equal('plain');
  });

  it('compare phone digits in place exactly like comparing the extracted digits', () => {
    const phone = fc.stringMatching(/^[+\d ()-]{0,16}$/);
    const digits = fc.stringMatching(/^\d{0,6}$/);
    fc.assert(
      fc.property(phone, digits, (text, d) => {
        expect(digitsEqual(text, d)).to.equal(digitsOf(text) === d);
        expect(digitsInclude(text, d)).to.equal(digitsOf(text).includes(d));
      }),
      { numRuns: 500 },
    );
  });
});

describe('CompiledFilters', () => {
  const byTag = (tag: string): ContactFilter => ({ match: 'all', conditions: [{ field: 'tags', op: 'is', value: tag }] });

  it('compiles a filter once, and again only after newer ones pushed it out', () => {
    const cache = new CompiledFilters(2);
    const gold = cache.get(byTag('gold'), [], {});
    expect(cache.get(byTag('gold'), [], {})).to.equal(gold);
    expect(gold(blankContact({ id: 'g', tags: ['Gold'] }))).to.equal(true);
    cache.get(byTag('silver'), [], {});
    cache.get(byTag('bronze'), [], {});
    expect(cache.get(byTag('gold'), [], {})).to.not.equal(gold);
  });

  it('throws FilterError for an invalid filter and caches nothing', () => {
    const cache = new CompiledFilters(2);
    const bad: ContactFilter = { match: 'all', conditions: [{ field: 'nope', op: 'is', value: 'x' }] };
    expect(() => cache.get(bad, [], {})).to.throw(FilterError);
    expect(() => cache.get(bad, [], {})).to.throw(FilterError);
  });
});
