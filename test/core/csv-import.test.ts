import { expect } from '@open-wc/testing';
import {
  importCsv,
  planImport,
  readCsv,
  suggestMapping,
  type ImportOptions,
  type Progress,
} from '../../src/core/import/csv-import.js';
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
