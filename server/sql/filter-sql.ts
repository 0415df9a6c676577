/**
 * A `ContactFilter` as a parameterized SQL condition over the match document
 * (`contacts.m`, server/sql/match-document.ts): the same validation as
 * src/core's `compileFilter` (an invalid filter throws the same
 * `FilterError`), the same operators, the same combination (all / any /
 * expression). Values never enter the SQL text: every one is a parameter.
 */
import {
  FilterError,
  digitsOf,
  foldForMatch,
  resolveFilterField,
  validateFilter,
} from '../../src/core/filters/index.js';
import type { CompileOptions, ContactFilter, ExpressionNode, FilterCondition, FilterField } from '../../src/core/filters/index.js';
import { normalizeIdentity } from '../../src/core/identity/index.js';
import type { FieldDef } from '../../src/core/types.js';
import { matchKey } from './match-document.js';
import type { SqlParams } from './params.js';

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** filter.ts's `timeRange`: a whole local day, or one minute (or second) for a time. */
function timeRange(value: string): [number, number] {
  const day = DAY_ONLY.exec(value.trim());
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
    return [new Date(y, m, d).getTime(), new Date(y, m, d + 1).getTime()];
  }
  const start = Date.parse(value.trim());
  return [start, start + (/T\d{2}:\d{2}:\d{2}/.test(value) ? 1000 : 60_000)];
}

/** `m` holds `value` in its list under `section.key` (GIN-indexed containment). */
const holds = (p: SqlParams, section: string, key: string, value: unknown) =>
  `m @> ${p.json(section === 'b' || section === 'ne' ? { [section]: [key] } : { [section]: { [key]: [value] } })}`;

/** One of the texts under `section.key` contains `needle` (strpos: no wildcards to escape). */
const anyIncludes = (p: SqlParams, section: string, key: string, needle: string) =>
  `EXISTS (SELECT 1 FROM jsonb_array_elements_text(m->'${section}'->${p.add(key)}::text) AS v WHERE strpos(v, ${p.add(needle)}) > 0)`;

const not = (sql: string) => `NOT coalesce(${sql}, false)`;

function textCondition(p: SqlParams, op: string, key: string, value: string): string {
  const needle = foldForMatch(value);
  switch (op) {
    case 'is':
      return holds(p, 's', key, needle);
    case 'is not':
      return not(holds(p, 's', key, needle));
    case 'contains':
      return anyIncludes(p, 's', key, needle);
    default:
      return not(anyIncludes(p, 's', key, needle));
  }
}

function phoneCondition(p: SqlParams, op: string, key: string, value: string, options: CompileOptions): string {
  const typed = digitsOf(value);
  const normalized = normalizeIdentity('phone', value, options);
  const international = normalized.ok ? digitsOf(normalized.identity.value) : typed;
  // Built only for the operators that use it: a parameter the statement never reads has no type.
  const equals = () =>
    typed === international ? holds(p, 'p', key, typed) : `(${holds(p, 'p', key, typed)} OR ${holds(p, 'p', key, international)})`;
  switch (op) {
    case 'is':
      return equals();
    case 'is not':
      return not(equals());
    case 'contains':
      return anyIncludes(p, 'p', key, typed);
    default:
      return not(anyIncludes(p, 'p', key, typed));
  }
}

function numberCondition(p: SqlParams, op: string, key: string, value: string): string {
  const stored = `(m->'n'->>${p.add(key)}::text)::float8`;
  const target = `${p.add(Number(value))}::float8`;
  switch (op) {
    case 'is':
      return `coalesce(${stored} = ${target}, false)`;
    case 'is not':
      return not(`${stored} = ${target}`);
    case 'greater':
      return `coalesce(${stored} > ${target}, false)`;
    default:
      return `coalesce(${stored} < ${target}, false)`;
  }
}

function dateCondition(p: SqlParams, op: string, key: string, value: string): string {
  const [start, end] = timeRange(value);
  const stored = `(m->'t'->>${p.add(key)}::text)::float8`;
  const within = () => `(${stored} >= ${p.add(start)}::float8 AND ${stored} < ${p.add(end)}::float8)`;
  switch (op) {
    case 'is':
      return `coalesce(${within()}, false)`;
    case 'is not':
      return not(within());
    case 'before':
      return `coalesce(${stored} < ${p.add(start)}::float8, false)`;
    default:
      return `coalesce(${stored} >= ${p.add(end)}::float8, false)`;
  }
}

function conditionSql(p: SqlParams, condition: FilterCondition, field: FilterField, options: CompileOptions): string {
  const key = matchKey(field);
  const { op } = condition;
  if (op === 'is empty') return not(holds(p, 'ne', key, undefined));
  if (op === 'is not empty') return holds(p, 'ne', key, undefined);
  const value = condition.value!.trim();
  switch (field.type) {
    case 'boolean': {
      const want = value.toLowerCase() === 'true';
      // A missing checkbox counts as unchecked.
      return (op === 'is') === want ? holds(p, 'b', key, undefined) : not(holds(p, 'b', key, undefined));
    }
    case 'number':
      return numberCondition(p, op, key, value);
    case 'date':
    case 'datetime':
      return dateCondition(p, op, key, value);
    case 'phone':
      return phoneCondition(p, op, key, value, options);
    default:
      return textCondition(p, op, key, value);
  }
}

/** Conditions are compiled when the expression first names them: a parameter nothing uses has no type. */
function combine(node: ExpressionNode, condition: (index: number) => string): string {
  if (node.type === 'condition') return condition(node.index);
  const joiner = node.type === 'and' ? ' AND ' : ' OR ';
  return `(${node.operands.map((operand) => combine(operand, condition)).join(joiner)})`;
}

/**
 * The filter as a SQL boolean over `contacts` (`TRUE` when it has no
 * conditions). Throws `FilterError` (`invalid`) like `compileFilter`.
 */
export function filterSql(
  filter: ContactFilter,
  params: SqlParams,
  customFields: readonly FieldDef[] = [],
  options: CompileOptions = {},
): string {
  const validation = validateFilter(filter, customFields);
  if (!validation.ok) throw new FilterError(validation);
  if (!validation.ast) return 'TRUE';
  const compiled = new Map<number, string>();
  return combine(validation.ast, (index) => {
    let sql = compiled.get(index);
    if (sql === undefined) {
      const condition = filter.conditions[index - 1]!;
      sql = conditionSql(params, condition, resolveFilterField(condition.field, customFields)!, options);
      compiled.set(index, sql);
    }
    return sql;
  });
}
