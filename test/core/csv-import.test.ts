import { expect } from '@open-wc/testing';
import {
  createPlanCache,
  importCsv,
  importReportCsv,
  rowStatuses,
  splitImport,
  planImport,
  readCsv,
  suggestMapping,
  type ImportOptions,
  type Progress,
} from '../../src/core/import/index.js';
import { CrmError } from '../../src/core/errors.js';
import { identityKey } from '../../src/core/identity/identity.js';
import type { Contact, FieldDef, Identity } from '../../src/core/types.js';
import { blankContact } from '../support/contacts.js';

/** A stand-in for the source's identity index. */
function lookup(contacts: Contact[]): ImportOptions['findExisting'] {
  const index = new Map<string, Contact>();
  for (const c of contacts) for (const i of c.identities) index.set(identityKey(i), c);
  return (identities: Identity[]) => identities.map((i) => index.get(identityKey(i))).find(Boolean);
}

const fields: FieldDef[] = [
  { key: 'plan', label: 'Plan', type: 'select', options: ['Gold', 'Silver'] },
  { key: 'score', label: 'Puntaje', type: 'number' },
  { key: 'vip', label: 'VIP', type: 'checkbox' },
];

const noYield = () => Promise.resolve();

describe('readCsv', () => {
  it('reads a BOM, quoted commas, escaped quotes and newlines inside quotes', async () => {
    const text = '\ufeffName,Phone,Notes\r\n"Pérez, Ana",+59899123456,"said ""hi""\nthen left"\r\nLuis,+14155550100,\r\n';
    const table = await readCsv(text, { yieldToHost: noYield });
    expect(table.headers).to.deep.equal(['Name', 'Phone', 'Notes']);
    expect(table.rows).to.deep.equal([
      { row: 2, cells: ['Pérez, Ana', '+59899123456', 'said "hi"\nthen left'] },
      { row: 3, cells: ['Luis', '+14155550100', ''] },
    ]);
    expect(table.problems).to.deep.equal([]);
  });

  it('skips blank lines, keeps spreadsheet row numbers, and reports rows with too many columns', async () => {
    const text = 'Name,Email\n\nAna,ana@example.com\n ,  \nLuis,luis@example.com,extra\nEva,eva@example.com,,\n';
    const table = await readCsv(text, { yieldToHost: noYield });
    expect(table.rows.map((r) => r.row)).to.deep.equal([3, 6]);
    expect(table.problems).to.deep.equal([{ row: 5, reason: 'too-many-columns' }]);
  });

  it('detects the semicolon delimiter of Spanish and Portuguese exports', async () => {
    const table = await readCsv('Nome;Telefone\nJoão;+55 11 98765-4321\n', { yieldToHost: noYield });
    expect(table.delimiter).to.equal(';');
    expect(table.rows[0].cells).to.deep.equal(['João', '+55 11 98765-4321']);
  });

  it('reports an unclosed quote as a bad row', async () => {
    const table = await readCsv('Name,Email\nAna,ana@example.com\n"Luis,luis@example.com\n', { yieldToHost: noYield });
    expect(table.rows.map((r) => r.cells[0])).to.deep.equal(['Ana']);
    expect(table.problems).to.deep.equal([{ row: 3, reason: 'malformed-quotes' }]);
  });

  it('reads a large file in chunks, yielding to the host and reporting progress', async () => {
    const lines = ['First name,Phone'];
    for (let i = 0; i < 5000; i++) lines.push(`"Name, ${i}",+1415555${String(i).padStart(4, '0')}`);
    const text = lines.join('\n');
    let yields = 0;
    const progress: Progress[] = [];
    const table = await readCsv(text, {
      chunkBytes: 8 * 1024,
      yieldToHost: async () => void yields++,
      onProgress: (p) => progress.push(p),
    });
    expect(table.rows).to.have.length(5000);
    expect(table.rows[4999]).to.deep.equal({ row: 5001, cells: ['Name, 4999', '+14155554999'] });
    expect(yields).to.be.greaterThan(5);
    expect(progress.at(-1)).to.deep.equal({ phase: 'read', done: text.length, total: text.length });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1].done)).to.equal(true);
  });

  it('stops with an aborted error when the signal fires between chunks', async () => {
    const controller = new AbortController();
    const text = 'a,b\n' + '1,2\n'.repeat(20000);
    const reading = readCsv(text, {
      chunkBytes: 1024,
      signal: controller.signal,
      yieldToHost: async () => controller.abort(),
    });
    let error: unknown;
    await reading.catch((e) => (error = e));
    expect(error).to.be.instanceOf(CrmError);
    expect((error as CrmError).code).to.equal('aborted');
  });
});

describe('suggestMapping', () => {
  it('recognizes header names in English, Spanish and Portuguese, and custom fields', () => {
    expect(
      suggestMapping(
        ['Nombre', 'Apellido', 'Teléfono', 'Celular', 'E-mail', 'Etiquetas', 'Puntaje', 'plan', 'Whatever', 'Nome'],
        fields,
      ),
    ).to.deep.equal([
      'firstName',
      'lastName',
      'phone',
      'phone',
      'email',
      'tags',
      'custom.score',
      'custom.plan',
      'ignore',
      // A second first-name column is not mapped twice.
      'ignore',
    ]);
    expect(suggestMapping(['First Name', 'Last name', 'Email Address', 'Telefone', 'Sobrenome', 'Owner'])).to.deep.equal([
      'firstName',
      'lastName',
      'email',
      'phone',
      'ignore',
      'owner',
    ]);
  });
});

describe('planImport', () => {
  const existing = [
    blankContact({
      id: 'ana',
      firstName: 'Ana',
      phones: ['+59899123456'],
      identities: [{ kind: 'phone', value: '+59899123456' }],
      tags: ['VIP'],
      custom: { plan: 'Silver' },
    }),
    blankContact({ id: 'luis', firstName: 'Luis', emails: ['luis@example.com'], identities: [{ kind: 'email', value: 'luis@example.com' }] }),
  ];
  const csv = [
    'Nombre,Teléfono,Email,Etiquetas,Plan,VIP',
    'Ana María,099 123 456,,"vip, Newsletter",gold,sí',
    'Luis,,LUIS@example.com,,,',
    'Eva,+54 9 11 2345-6789,eva@example.com,Lead,,no',
    'Eva Duplicate,,EVA@EXAMPLE.COM,Promo,,',
    'Bad Phone,12,,,,',
    'Bad Email,,not-an-email,,,',
    'Bad Plan,,bad@example.com,,Bronze,',
    ',,,,,',
    'No Identity,,,,,',
  ].join('\n');

  async function run(mode: 'update' | 'skip') {
    const table = await readCsv(csv, { yieldToHost: noYield });
    return planImport(table, {
      mapping: suggestMapping(table.headers, fields),
      mode,
      findExisting: lookup(existing),
      customFields: fields,
      defaultRegion: 'UY',
      yieldToHost: noYield,
    });
  }

  it('update mode: creates new contacts, updates matches, merges duplicate rows, reports skipped rows', async () => {
    const { creates, updates, report } = await run('update');
    expect(creates.map((c) => c.row)).to.deep.equal([4, 10]);
    expect(creates[0].draft).to.deep.include({
      firstName: 'Eva Duplicate',
      phones: ['+5491123456789'],
      emails: ['eva@example.com'],
      tags: ['Lead', 'Promo'],
      custom: { vip: false },
    });
    expect(creates[1].draft).to.deep.include({ firstName: 'No Identity', phones: [], emails: [] });
    expect(updates).to.deep.equal([
      {
        rows: [2],
        id: 'ana',
        patch: { firstName: 'Ana María', tags: ['VIP', 'Newsletter'], custom: { plan: 'Gold', vip: true } },
      },
    ]);
    expect(report).to.deep.equal({
      created: 2,
      updated: 2,
      unchanged: 1,
      skipped: [
        { row: 6, reason: 'invalid-phone', detail: '12' },
        { row: 7, reason: 'invalid-email', detail: 'not-an-email' },
        { row: 8, reason: 'invalid-value', detail: 'Plan' },
      ],
    });
  });

  it('skip mode: leaves existing contacts alone and skips duplicate rows, naming the earlier row', async () => {
    const { creates, updates, report } = await run('skip');
    expect(updates).to.deep.equal([]);
    expect(creates.map((c) => c.draft.firstName)).to.deep.equal(['Eva', 'No Identity']);
    expect(report.created).to.equal(2);
    expect(report.updated).to.equal(0);
    expect(report.skipped).to.deep.include.members([
      { row: 2, reason: 'exists', detail: 'ana' },
      { row: 3, reason: 'exists', detail: 'luis' },
      { row: 5, reason: 'duplicate-in-file', detail: '4' },
    ]);
  });

  it('treats equivalent phone forms in one file as the same person', async () => {
    const plan = await importCsv('Name,Phone\nJoão,+55 11 98765-4321\nJoão Old,+55 11 8765-4321\n', {
      mapping: ['firstName', 'phone'],
      mode: 'update',
      findExisting: () => undefined,
      yieldToHost: noYield,
    });
    expect(plan.creates).to.have.length(1);
    expect(plan.creates[0].draft.phones).to.have.length(2);
    expect(plan.report).to.include({ created: 1, updated: 1 });
  });

  it('accepts an async lookup, processes rows in chunks with progress, and includes read problems', async () => {
    const lines = ['Email'];
    for (let i = 0; i < 1200; i++) lines.push(`user${i}@example.com`);
    lines.push('"broken');
    let yields = 0;
    const progress: Progress[] = [];
    const plan = await importCsv(lines.join('\n'), {
      mapping: ['email'],
      mode: 'skip',
      findExisting: async (ids) => (ids[0].value === 'user7@example.com' ? existing[1] : undefined),
      chunkRows: 250,
      yieldToHost: async () => void yields++,
      onProgress: (p) => progress.push(p),
    });
    expect(plan.report.created).to.equal(1199);
    expect(plan.report.skipped).to.deep.equal([
      { row: 9, reason: 'exists', detail: 'luis' },
      { row: 1202, reason: 'malformed-quotes' },
    ]);
    expect(progress.filter((p) => p.phase === 'plan').map((p) => p.done)).to.deep.equal([250, 500, 750, 1000, 1200]);
    expect(yields).to.be.at.least(4);
  });
});

describe('planImport: the preview rows', () => {
  const ana = blankContact({
    id: 'ana',
    firstName: 'Ana',
    lastName: 'Pérez',
    phones: ['+59899123456'],
    identities: [{ kind: 'phone', value: '+59899123456' }],
  });
  const luis = blankContact({ id: 'luis', firstName: 'Luis', emails: ['luis@example.com'], identities: [{ kind: 'email', value: 'luis@example.com' }] });
  const csv = [
    'Nombre,Teléfono,Email',
    'Ana María,099 123 456,', // 2: matches Ana by phone
    'Luis,,luis@example.com', // 3: matches Luis, nothing to change
    'Eva,,eva@example.com', // 4: new
    'Eva Again,,EVA@example.com', // 5: same person as row 4
    'Bad,,not-an-email', // 6: invalid email
    ',,', // 7: nothing mapped
    'Solo,,', // 8: new without identity
    'Ana Again,+598 99 123 456,', // 9: Ana again
  ].join('\n');

  async function plan(mode: 'update' | 'skip', choices?: Map<number, 'update' | 'skip'>) {
    const table = await readCsv(csv, { yieldToHost: noYield });
    return planImport(table, {
      mapping: ['firstName', 'phone', 'email'],
      mode,
      choices,
      findExisting: lookup([ana, luis]),
      defaultRegion: 'UY',
      yieldToHost: noYield,
    });
  }

  it('skip mode: every row gets an outcome and a reason, matches name the contact and the identity, nothing updates', async () => {
    const { rows, counts, updates } = await plan('skip');
    expect(updates).to.deep.equal([]);
    expect(rows).to.deep.equal([
      { row: 2, outcome: 'skip', reason: 'exists', match: { id: 'ana', name: 'Ana Pérez', by: { kind: 'phone', value: '+59899123456' } }, choosable: true },
      { row: 3, outcome: 'skip', reason: 'exists', match: { id: 'luis', name: 'Luis', by: { kind: 'email', value: 'luis@example.com' } }, choosable: true },
      { row: 4, outcome: 'create', reason: 'new' },
      { row: 5, outcome: 'skip', reason: 'duplicate-in-file', detail: '4' },
      { row: 6, outcome: 'skip', reason: 'invalid-email', detail: 'not-an-email' },
      { row: 8, outcome: 'create', reason: 'no-identity' },
      { row: 9, outcome: 'skip', reason: 'exists', match: { id: 'ana', name: 'Ana Pérez', by: { kind: 'phone', value: '+59899123456' } }, choosable: true },
    ]);
    expect(counts).to.deep.equal({ create: 2, update: 0, skip: 5 });
  });

  it('update mode: matched rows update, an unchanged contact is a skip, a repeat adds to the earlier row', async () => {
    const { rows, counts, updates } = await plan('update');
    expect(rows.map((r) => [r.row, r.outcome, r.reason, r.detail])).to.deep.equal([
      [2, 'update', 'matched', undefined],
      [3, 'skip', 'unchanged', undefined],
      [4, 'create', 'new', undefined],
      [5, 'update', 'same-as-row', '4'],
      [6, 'skip', 'invalid-email', 'not-an-email'],
      [8, 'create', 'no-identity', undefined],
      [9, 'update', 'matched', undefined],
    ]);
    expect(updates).to.deep.equal([{ rows: [2, 9], id: 'ana', patch: { firstName: 'Ana Again' } }]);
    expect(counts).to.deep.equal({ create: 2, update: 3, skip: 2 });
  });

  it('a row choice overrides the mode for that row only', async () => {
    const updateOne = await plan('skip', new Map([[9, 'update']]));
    expect(updateOne.updates).to.deep.equal([{ rows: [9], id: 'ana', patch: { firstName: 'Ana Again' } }]);
    expect(updateOne.rows.find((r) => r.row === 2)).to.include({ outcome: 'skip', reason: 'exists' });
    const skipOne = await plan('update', new Map([[2, 'skip'], [9, 'skip']]));
    expect(skipOne.updates).to.deep.equal([]);
    expect(skipOne.counts.update).to.equal(1); // row 5 still adds to row 4's new contact
  });

  it('plans again from a cache: another mode or choice parses nothing and looks nothing up again', async () => {
    const table = await readCsv(csv, { yieldToHost: noYield });
    const cache = createPlanCache();
    let lookups = 0;
    const counted = lookup([ana, luis]);
    const options = {
      mapping: ['firstName', 'phone', 'email'] as ImportOptions['mapping'],
      findExisting: (ids: Identity[]) => (lookups++, counted(ids)),
      defaultRegion: 'UY',
      yieldToHost: noYield,
      cache,
    };
    const skip = await planImport(table, { ...options, mode: 'skip' });
    const first = lookups;
    const update = await planImport(table, { ...options, mode: 'update' });
    expect(lookups).to.equal(first);
    expect(update.rows).to.deep.equal((await plan('update')).rows);
    expect(skip.rows).to.deep.equal((await plan('skip')).rows);
    // Another mapping reads again.
    await planImport(table, { ...options, mapping: ['firstName', 'phone', 'ignore'], mode: 'skip' });
    expect(lookups).to.be.greaterThan(first);
  });

  it('skip mode never plans a change to an existing contact, whatever the file', async () => {
    const fc = await import('fast-check');
    const existing = [ana, luis];
    const cell = fc.constantFrom('', 'Ana', 'Luis', '099 123 456', '+59899123456', 'luis@example.com', 'LUIS@EXAMPLE.COM', 'x@y.z', '12');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { maxLength: 12 }), async (lines) => {
        const text = ['Name,Phone,Email', ...lines.map((l) => l.join(','))].join('\n');
        const table = await readCsv(text, { yieldToHost: noYield });
        const result = await planImport(table, {
          mapping: ['firstName', 'phone', 'email'],
          mode: 'skip',
          findExisting: lookup(existing),
          defaultRegion: 'UY',
          yieldToHost: noYield,
        });
        expect(result.updates).to.deep.equal([]);
        expect(result.rows.filter((r) => r.outcome === 'update' && r.reason !== 'same-as-row')).to.deep.equal([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('splitImport, rowStatuses and importReportCsv', () => {
  const plan = {
    creates: [1, 2, 3].map((row) => ({ row, draft: { firstName: `C${row}` } })),
    updates: [
      { rows: [4, 7], id: 'a', patch: { lastName: 'A' } },
      { rows: [5], id: 'b', patch: { lastName: 'B' } },
    ],
  };

  it('splits creates then updates into batches of at most the size, with the rows each covers', () => {
    const batches = splitImport(plan, 2);
    expect(batches.map((b) => [b.creates.length, b.updates.length, b.rows])).to.deep.equal([
      [2, 0, [1, 2]],
      [1, 1, [3, 4, 7]],
      [0, 1, [5]],
    ]);
    expect(splitImport({ creates: [], updates: [] })).to.deep.equal([]);
  });

  it('marks rows written, failed or not written from where the import stopped', () => {
    const batches = splitImport(plan, 2);
    expect([...rowStatuses(batches, 1, 1)]).to.deep.equal([
      [1, 'written'],
      [2, 'written'],
      [3, 'failed'],
      [4, 'failed'],
      [7, 'failed'],
      [5, 'not-written'],
    ]);
  });

  it('writes the report as CSV with headers, one line per row, formulas escaped', () => {
    const rows = [
      { row: 2, outcome: 'create', reason: 'new' },
      { row: 3, outcome: 'skip', reason: 'exists', match: { id: 'x1', name: '=Evil', by: { kind: 'phone', value: '+1' } } },
    ] as const;
    const csv = importReportCsv(rows.map((r) => ({ ...r })), new Map([[2, 'written']]), {
      headers: ['Row', 'Outcome', 'Result', 'Reason', 'Contact'],
      outcome: (o) => o.toUpperCase(),
      status: (s) => s ?? '',
      reason: (r) => `because ${r.reason}`,
    });
    expect(csv.split('\r\n')).to.deep.equal([
      'Row,Outcome,Result,Reason,Contact',
      '2,CREATE,written,because new,',
      `3,SKIP,,because exists,"'=Evil (x1)"`,
    ]);
  });
});

describe('planImport at 100k rows', () => {
  it('plans 100,000 rows in chunks that leave the page responsive (measured, logged, never asserted)', async function () {
    this.timeout(300_000);
    const existing: Contact[] = [];
    for (let i = 0; i < 1000; i++) {
      const phone = `+1415555${String(i).padStart(4, '0')}`;
      existing.push(blankContact({ id: `c${i}`, firstName: `Existing ${i}`, phones: [phone], identities: [{ kind: 'phone', value: phone }] }));
    }
    const lines = ['First name,Last name,Phone,Email,Tags'];
    for (let i = 0; i < 100_000; i++) {
      const phone = `+1415555${String(i % 10_000).padStart(4, '0')}`;
      lines.push(`Name ${i},Last ${i % 97},${phone},user${i}@example.com,"a, b"`);
    }
    const text = lines.join('\n');
    // The longest stretch the main thread ran without yielding, as the page would feel it, per phase.
    let longest = 0;
    let last = 0;
    const yieldToHost = async () => {
      longest = Math.max(longest, performance.now() - last);
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = performance.now();
    };
    let longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      await settle();
      longTasks = [];
      longest = 0;
      last = performance.now();
      const t0 = performance.now();
      const out = await work();
      const elapsed = performance.now() - t0;
      longest = Math.max(longest, performance.now() - last);
      await settle();
      console.log(
        `[import 100k] ${name}: ${Math.round(elapsed)} ms, longest stretch between yields ${Math.round(longest)} ms, ` +
          `longest task ${Math.round(Math.max(0, ...longTasks))} ms (${longTasks.length} tasks over 50 ms)`,
      );
      return out;
    };
    const table = await phase('read', () => readCsv(text, { yieldToHost }));
    const result = await phase('plan', () =>
      planImport(table, { mapping: suggestMapping(table.headers), mode: 'skip', findExisting: lookup(existing), yieldToHost }),
    );
    observer.disconnect();
    console.log(`[import 100k] outcomes ${JSON.stringify(result.counts)}`);
    expect(result.rows).to.have.length(100_000);
  });
});
