/**
 * The directory's CSV import: file → mapping → preview (every row's outcome
 * and why, counts, filter, skip or update existing contacts) → batched
 * writing with progress and Stop → summary and downloadable report. On the
 * host's contacts, the embedded source, a gated source (Stop, a refused
 * batch) and the REST source against the reference server (request counts,
 * existing contacts untouched byte for byte).
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import { importCoreImport } from '../src/components/ucrm-contact-directory/import-flow.js';
import { CrmError } from '../src/core/errors.js';
import type { Contact } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import { contactAdminOf, type AdminSource, type CrmSource } from '../src/data/source.js';
import type { UcrmContactsImportEvent } from '../src/events.js';
import { blankContact } from './support/contacts.js';
import { $, $$, settle } from './support/directory-harness.js';
import { requests, resetServer, restSource, server, type ServerInfo } from './support/rest-server.js';

/** waitUntil with a timeout a busy 2-core machine never reaches. */
const until = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 30_000 });

const people = [
  blankContact({
    id: 'jose',
    firstName: 'José',
    lastName: 'Pérez',
    phones: ['+59899123456'],
    identities: [{ kind: 'phone', value: '+59899123456' }],
  }),
];

function chooseFile(el: UcrmContactDirectory, text: string) {
  const input = $<HTMLInputElement>(el, '[part="import-file"]');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'contacts.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const text = (el: UcrmContactDirectory, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The preview's rows on screen: `Row N | Outcome | reason`. */
const shownRows = (el: UcrmContactDirectory) =>
  $$(el, '[part~="import-row"]').map((row) =>
    [...row.querySelectorAll('span')].map((span) => span.textContent!.trim()).join(' | '),
  );

async function openImport(el: UcrmContactDirectory) {
  $<HTMLButtonElement>(el, '[part="import-button"]').click();
  await el.updateComplete;
  await until(() => $<HTMLElement & { open: boolean }>(el, '[part="import-dialog"]')?.open, 'import dialog open');
}

/** Chooses the file, waits for the mapping, asks for the preview and waits for it. */
async function toPreview(el: UcrmContactDirectory, csv: string) {
  chooseFile(el, csv);
  await until(() => $(el, '[part="import-mapping"]'), 'mapping shown');
  $<HTMLButtonElement>(el, '[part="import-preview-button"]').click();
  await until(() => $(el, '[part="import-counts"]'), 'preview shown');
  await until(() => $$(el, '[part~="import-row"]').length > 0 || $(el, '[part="import-preview-empty"]'), 'rows laid out');
  await settle(el);
}

/** Chooses "Update existing contacts" (or skip) and waits for the new plan. */
async function chooseMode(el: UcrmContactDirectory, mode: 'skip' | 'update') {
  $<HTMLInputElement>(el, `[part="import-mode"] input[value="${mode}"]`).click();
  await until(() => !$<HTMLButtonElement>(el, '[part="import-start"]').disabled || /nothing|Nada/i.test(text(el, '[part="import-nothing"]')), 'planned again');
  await settle(el);
}

/** Captures the report the Download button makes. */
async function downloadReport(el: UcrmContactDirectory): Promise<string> {
  const original = URL.createObjectURL;
  let blob: Blob | undefined;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return original.call(URL, object);
  };
  try {
    $<HTMLButtonElement>(el, '[part="import-download"]').click();
  } finally {
    URL.createObjectURL = original;
  }
  expect(blob, 'a report was made').to.not.equal(undefined);
  return (await blob!.text()).replace(/^\ufeff/, '');
}

/** A source whose imports wait for the test: `release()` lets the next batch through, `refuse()` fails it. */
function gated(inner: AdminSource) {
  const waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  const source = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'loaded') return undefined;
      if (prop === 'importContacts') {
        return async (...args: Parameters<AdminSource['importContacts']>) => {
          calls += 1;
          await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
          return target.importContacts(...args);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    source,
    calls: () => calls,
    waiting: () => waiting.length,
    release: () => waiting.shift()!.resolve(),
    refuse: () => waiting.shift()!.reject(new CrmError('unavailable', 'The server refused the batch (test).')),
  };
}

async function localAdmin(contacts: Contact[]): Promise<AdminSource> {
  const admin = await contactAdminOf(createLocalSource({ persist: false, contacts, defaultRegion: 'UY' }));
  if (!admin) throw new Error('the local source has no contact management');
  return admin;
}

const namesCsv = (count: number, tag: string) =>
  ['First name,Tags', ...Array.from({ length: count }, (_, i) => `Person ${i},${tag}`)].join('\n');

// The virtualizers re-measure rows as they lay out; Chromium reports that as a benign
// "ResizeObserver loop" error, which must not fail a test (Mocha listens on window.onerror).
const mochaOnError = window.onerror;
before(() => {
  window.onerror = (message, ...rest) =>
    /ResizeObserver loop/.test(String(message)) ? true : mochaOnError?.call(window, message, ...rest);
});
after(() => (window.onerror = mochaOnError));

describe('<ucrm-contact-directory> CSV import: preview', () => {
  it('previews every row with its outcome and reason, counts and a filter; existing contacts are skipped by default', async () => {
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory default-region="UY" .contacts=${people}></ucrm-contact-directory>`,
    );
    await openImport(el);
    await expect(el).to.be.accessible();

    chooseFile(
      el,
      '\ufeffNombre,Teléfono,E-mail,Notas\n"Ana María",099 123 456,,x\nNuevo,+1 415 555 0100,nuevo@example.com,\nOtra vez,,NUEVO@example.com,\n,,,y\nMalo,12,,\nSolo,,,\n',
    );
    await until(() => $(el, '[part="import-mapping"]'), 'mapping shown');
    const targets = $$(el, '[part="import-target"]') as HTMLSelectElement[];
    expect(targets.map((t) => t.value)).to.deep.equal(['firstName', 'phone', 'email', 'ignore']);
    expect(text(el, '[part="import-preview-button"]')).to.equal('Preview 6 rows');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="import-preview-button"]').click();
    await until(() => $(el, '[part="import-counts"]'), 'preview shown');
    await settle(el);
    expect($<HTMLInputElement>(el, '[part="import-mode"] input[value="skip"]').checked).to.equal(true);
    expect(text(el, '[part="import-counts"]')).to.equal('2 to create · 0 to update · 4 to skip');
    expect(shownRows(el)).to.deep.equal([
      'Row 2 | Skip | Matches José Pérez by phone +59899123456; existing contacts are skipped.',
      'Row 3 | Create | New contact.',
      'Row 4 | Skip | Duplicate of row 3 in the file.',
      'Row 5 | Skip | Empty row: nothing to import.',
      'Row 6 | Skip | “12” is not a valid phone number.',
      'Row 7 | Create | New contact (no phone or email to match on).',
    ]);
    expect(text(el, '[part="import-start"]')).to.equal('Import 2 contacts');
    await expect(el).to.be.accessible();

    const filter = $<HTMLSelectElement>(el, '[part="import-filter"]');
    expect([...filter.options].map((o) => o.textContent!.trim())).to.deep.equal(['All (6)', 'Create (2)', 'Update (0)', 'Skip (4)']);
    filter.value = 'create';
    filter.dispatchEvent(new Event('change'));
    await settle(el);
    expect(shownRows(el).map((r) => r.split(' | ')[0])).to.deep.equal(['Row 3', 'Row 7']);
    filter.value = 'update';
    filter.dispatchEvent(new Event('change'));
    await settle(el);
    expect(text(el, '[part="import-preview-empty"]')).to.equal('No rows to show.');
    filter.value = 'all';
    filter.dispatchEvent(new Event('change'));
    await settle(el);

    // The default import changes no existing contact.
    setTimeout(() => $<HTMLButtonElement>(el, '[part="import-start"]').click());
    const event: UcrmContactsImportEvent = await oneEvent(el, 'ucrm-contacts-import');
    expect(event.detail.updates).to.deep.equal([]);
    expect(event.detail.creates.map((c) => c.draft.firstName)).to.deep.equal(['Nuevo', 'Solo']);
    await el.updateComplete;
    expect(text(el, '[part="import-outcome"]')).to.equal('The import was handed to the page to write.');
    expect(text(el, '[part="import-report"]')).to.equal('Created 2 · Updated 0 · Unchanged 0 · Skipped 4');
    await expect(el).to.be.accessible();
  });

  it('updates existing contacts only when the user chooses to, for the file or for one row', async () => {
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory default-region="UY" .contacts=${people}></ucrm-contact-directory>`,
    );
    await openImport(el);
    await toPreview(el, 'Name,Phone\nPepe,099 123 456\nOtro,+1 415 555 0101\n');
    expect(shownRows(el)[0]).to.match(/^Row 2 \| Skip \| Matches José Pérez by phone/);

    await chooseMode(el, 'update');
    expect(text(el, '[part="import-counts"]')).to.equal('1 to create · 1 to update · 0 to skip');
    expect(shownRows(el)[0]).to.equal('Row 2 | Update | Matches José Pérez by phone +59899123456.');
    await expect(el).to.be.accessible();

    // Per row: this one is skipped after all.
    const rowChoice = $<HTMLInputElement>(el, '[part~="import-row"] input[type="checkbox"]');
    expect(rowChoice.getAttribute('aria-label')).to.equal('Update José Pérez from row 2');
    expect(rowChoice.checked).to.equal(true);
    rowChoice.click();
    await until(() => text(el, '[part="import-counts"]') === '1 to create · 0 to update · 1 to skip', 'row skipped');
    await chooseMode(el, 'skip');
    $<HTMLInputElement>(el, '[part~="import-row"] input[type="checkbox"]').click();
    await until(() => text(el, '[part="import-counts"]') === '1 to create · 1 to update · 0 to skip', 'row updated');

    setTimeout(() => $<HTMLButtonElement>(el, '[part="import-start"]').click());
    const event: UcrmContactsImportEvent = await oneEvent(el, 'ucrm-contacts-import');
    expect(event.detail.updates).to.deep.equal([{ rows: [2], id: 'jose', patch: { firstName: 'Pepe' } }]);
  });

  it('shows the preview in Spanish and Portuguese', async () => {
    for (const [lang, expected] of [
      ['es', ['Fila 2 | Omitir | Coincide con José Pérez por teléfono +59899123456; los contactos existentes se omiten.', 'Fila 3 | Crear | Contacto nuevo.']],
      ['pt', ['Linha 2 | Ignorar | Corresponde a José Pérez pelo telefone +59899123456; contatos existentes são ignorados.', 'Linha 3 | Criar | Contato novo.']],
    ] as const) {
      const el = await fixture<UcrmContactDirectory>(
        html`<ucrm-contact-directory lang=${lang} default-region="UY" .contacts=${people}></ucrm-contact-directory>`,
      );
      await openImport(el);
      await toPreview(el, 'Nombre;Celular\nPepe;099 123 456\nNueva;+1 415 555 0102\n');
      // The translation may arrive after the preview (English shows meanwhile, never a blank).
      await until(() => shownRows(el)[0]?.startsWith(expected[0].split(' ')[0]), `${lang} preview`);
      expect(shownRows(el)).to.deep.equal(expected);
      expect(text(el, '[part="import-counts"]')).to.equal(
        lang === 'es' ? '1 para crear · 0 para actualizar · 1 para omitir' : '1 para criar · 0 para atualizar · 1 para ignorar',
      );
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });
});


describe('<ucrm-contact-directory> CSV import: failures', () => {
  it('an unreadable file says so and offers a report, never hangs', async () => {
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${people}></ucrm-contact-directory>`);
    await openImport(el);
    setTimeout(() => chooseFile(el, '\n \n'));
    const error = await oneEvent(el, 'ucrm-error');
    expect(error.detail).to.deep.include({ operation: 'import', code: 'invalid' });
    await until(() => $(el, '[part="import-error"]'), 'error shown');
    expect(text(el, '[part="import-error"] p')).to.match(/^The file could not be read\. Check that it is a CSV file/);
    expect($(el, '[part="import-error"]').getAttribute('role')).to.equal('alert');
    expect($(el, '[part="import-file"]'), 'a file can be chosen again').to.not.equal(null);
    const report = await downloadReport(el);
    expect(report.split('\r\n')[0]).to.equal('"Row","Outcome","Result","Reason","Contact"');
    expect(report).to.contain('The file could not be read').and.contain('no header row');
    await expect(el).to.be.accessible();
  });

  it('the source not answering while the rows are checked says so, with a retry and a report', async () => {
    const local = await localAdmin(people);
    let down = true;
    const source = new Proxy(local, {
      get(target, prop) {
        if (prop === 'loaded') return undefined;
        if (prop === 'findByIdentity' && down) return () => Promise.reject(new CrmError('unavailable', 'Network down (test).'));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .source=${source} default-region="UY"></ucrm-contact-directory>`);
    await until(() => $(el, '[part="open-button"]'), 'rows listed');
    await openImport(el);
    chooseFile(el, 'Name,Phone\nPepe,099 123 456\n');
    await until(() => $(el, '[part="import-mapping"]'), 'mapping shown');
    $<HTMLButtonElement>(el, '[part="import-preview-button"]').click();
    await until(() => $(el, '[part="import-error"]'), 'error shown');
    expect(text(el, '[part="import-error"] p')).to.equal(
      'The existing contacts could not be checked: the CRM did not answer. Check the connection and try again.',
    );
    expect(await downloadReport(el)).to.contain('Network down (test).');
    await expect(el).to.be.accessible();
    down = false;
    $<HTMLButtonElement>(el, '[part="import-retry"]').click();
    await until(() => $(el, '[part="import-counts"]'), 'preview after the retry');
    expect(text(el, '[part="import-counts"]')).to.equal('0 to create · 0 to update · 1 to skip');
  });

  it('the import code failing to load says so with a retry that works', async () => {
    const original = importCoreImport.load;
    importCoreImport.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .contacts=${people}></ucrm-contact-directory>`);
      await openImport(el);
      chooseFile(el, 'Name\nAna\n');
      await until(() => $(el, '[part="import-error"]'), 'error shown');
      expect(text(el, '[part="import-error"] p')).to.equal(
        'The import could not start because part of the page did not load. Check the connection and try again.',
      );
      expect(await downloadReport(el)).to.contain('Failed to fetch dynamically imported module');
      await expect(el).to.be.accessible();
      importCoreImport.load = original;
      $<HTMLButtonElement>(el, '[part="import-retry"]').click();
      await until(() => $(el, '[part="import-mapping"]'), 'mapping after the retry');
    } finally {
      importCoreImport.load = original;
    }
  });
});

describe('<ucrm-contact-directory> CSV import: writing on a source', () => {
  let info: ServerInfo;
  before(async () => {
    info = await server();
  });
  beforeEach(async () => {
    await resetServer();
  });

  it('skip leaves existing contacts byte for byte unchanged, on the local and on the REST source', async () => {
    const stamp = Date.now().toString(36);
    const phone = `+5989${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const email = `skip-${stamp}@example.com`;
    const local = await localAdmin([
      blankContact({ id: 'keep-1', firstName: 'Keep', lastName: 'Me', phones: [phone], identities: [{ kind: 'phone', value: phone }], tags: ['a'] }),
      blankContact({ id: 'keep-2', firstName: 'Also', emails: [email], identities: [{ kind: 'email', value: email }] }),
    ]);
    const rest = restSource(info) as CrmSource & AdminSource;
    const remote = [
      await rest.createContact({ firstName: 'Keep', lastName: 'Me', phones: [phone], tags: ['a'] }),
      await rest.createContact({ firstName: 'Also', emails: [email] }),
    ];
    const csv = `Name,Last name,Phone,Email,Tags\nChanged,Other,${phone},,b\nChanged too,,,${email.toUpperCase()},c\nBrand New ${stamp},,,new-${stamp}@example.com,\n`;

    for (const [source, ids] of [
      [local, ['keep-1', 'keep-2']],
      [rest, remote.map((c) => c.id)],
    ] as const) {
      const before = await Promise.all(ids.map(async (id) => JSON.stringify(await source.getContact(id))));
      const el = await fixture<UcrmContactDirectory>(
        html`<ucrm-contact-directory .source=${source} default-region="UY"></ucrm-contact-directory>`,
      );
      await until(() => $(el, '[part="open-button"]'), 'rows listed');
      await openImport(el);
      await toPreview(el, csv);
      expect(text(el, '[part="import-counts"]')).to.equal('1 to create · 0 to update · 2 to skip');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part="import-start"]').click();
      await until(() => $(el, '[part="import-outcome"]'), 'import done');
      expect(text(el, '[part="import-outcome"]')).to.equal('Import finished.');
      expect(text(el, '[part="import-report"]')).to.equal('Created 1 · Updated 0 · Unchanged 0 · Skipped 2');
      await expect(el).to.be.accessible();
      const after = await Promise.all(ids.map(async (id) => JSON.stringify(await source.getContact(id))));
      expect(after).to.deep.equal(before);
      expect((await source.findByIdentity({ kind: 'email', value: `new-${stamp}@example.com` })).map((c) => c.firstName)).to.deep.equal([
        `Brand New ${stamp}`,
      ]);
      fixtureCleanup();
    }
  });

  it('checks existing contacts in batches on the REST source: 1,200 rows are 3 lookups, no request per row', async function () {
    this.timeout(60_000);
    const stamp = Date.now().toString(36);
    const rest = restSource(info) as CrmSource & AdminSource;
    const existing = await rest.createContact({ firstName: 'Already', lastName: stamp, emails: [`row-7-${stamp}@example.com`] });
    const csv = ['First name,Email', ...Array.from({ length: 1200 }, (_, i) => `Row ${i},row-${i}-${stamp}@example.com`)].join('\n');
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .source=${rest} default-region="UY"></ucrm-contact-directory>`);
    await until(() => $(el, '[part="open-button"]'), 'rows listed');
    await openImport(el);
    const before = (await requests()).byRoute;
    await toPreview(el, csv);
    const after = (await requests()).byRoute;
    const delta = (route: string) => (after[route] ?? 0) - (before[route] ?? 0);
    expect(delta('POST /contacts/lookup')).to.equal(3);
    expect(delta('GET /contacts/by-identity')).to.equal(0);
    expect(text(el, '[part="import-counts"]')).to.equal('1,199 to create · 0 to update · 1 to skip');
    // The same answer as one lookup per row: row 7 of the data (line 9) is the existing contact.
    const plan = await new Promise<UcrmContactsImportEvent>((resolve) => {
      el.addEventListener('ucrm-contacts-import', (e) => (e.preventDefault(), resolve(e)), { once: true });
      $<HTMLButtonElement>(el, '[part="import-start"]').click();
    });
    expect(plan.detail.report.skipped.map((s) => [s.row, s.reason, s.detail])).to.deep.equal([[9, 'exists', existing.id]]);
  });

  it('writes in batches on the REST source: 1,200 rows are 3 requests, with progress, and a report of every row', async function () {
    this.timeout(60_000);
    const tag = `batch-${Date.now().toString(36)}`;
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory .source=${restSource(info)} default-region="UY"></ucrm-contact-directory>`,
    );
    await until(() => $(el, '[part="open-button"]'), 'rows listed');
    await openImport(el);
    await toPreview(el, namesCsv(1200, tag));
    expect(text(el, '[part="import-counts"]')).to.equal('1,200 to create · 0 to update · 0 to skip');
    const before = (await requests()).byRoute['POST /contacts/import'] ?? 0;
    $<HTMLButtonElement>(el, '[part="import-start"]').click();
    await until(() => $(el, '[part="import-progress"]'), 'progress shown');
    expect(text(el, '[part="import-progress-text"]')).to.match(/^Written \d+ of 1,200 rows$/);
    await expect(el).to.be.accessible();
    await until(() => $(el, '[part="import-outcome"]'), 'import done');
    expect(text(el, '[part="import-outcome"]')).to.equal('Import finished.');
    expect(((await requests()).byRoute['POST /contacts/import'] ?? 0) - before).to.equal(3);
    const report = (await downloadReport(el)).split('\r\n');
    expect(report).to.have.length(1201);
    expect(report[1]).to.equal('2,Create,Written,New contact (no phone or email to match on).,');
  });

  it('Stop ends after the current batch and says what was written; the report lists the rest as not written', async () => {
    const gate = gated(await localAdmin([]));
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .source=${gate.source}></ucrm-contact-directory>`);
    await openImport(el);
    await toPreview(el, namesCsv(1200, 'stop'));
    $<HTMLButtonElement>(el, '[part="import-start"]').click();
    await until(() => gate.waiting() === 1, 'first batch sent');
    $<HTMLButtonElement>(el, '[part="import-stop"]').click();
    await el.updateComplete;
    expect(text(el, '[part="import-progress-text"]')).to.equal('Stopping after the current batch…');
    expect($<HTMLButtonElement>(el, '[part="import-stop"]').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    gate.release();
    await until(() => $(el, '[part="import-outcome"]'), 'stopped');
    expect(gate.calls()).to.equal(1);
    expect(text(el, '[part="import-outcome"]')).to.equal(
      'Import stopped: 500 of 1,200 rows were written, the others were not. The report lists each row.',
    );
    const report = await downloadReport(el);
    expect(report.match(/,Written,/g)).to.have.length(500);
    expect(report.match(/,Not written,/g)).to.have.length(700);
    await expect(el).to.be.accessible();
  });

  it('a refused batch ends in a message with what was written, a report, and a retry that writes the rest', async () => {
    const gate = gated(await localAdmin([]));
    const el = await fixture<UcrmContactDirectory>(html`<ucrm-contact-directory .source=${gate.source}></ucrm-contact-directory>`);
    const errors: string[] = [];
    el.addEventListener('ucrm-error', (e) => errors.push((e as CustomEvent<{ operation: string }>).detail.operation));
    await openImport(el);
    await toPreview(el, namesCsv(1200, 'refused'));
    $<HTMLButtonElement>(el, '[part="import-start"]').click();
    await until(() => gate.waiting() === 1, 'first batch sent');
    gate.release();
    await until(() => gate.waiting() === 1 && gate.calls() === 2, 'second batch sent');
    gate.refuse();
    await until(() => $(el, '[part="import-outcome"]'), 'failure shown');
    expect($(el, '[part="import-outcome"]').getAttribute('role')).to.equal('alert');
    expect(text(el, '[part="import-outcome"]')).to.match(/^The import stopped on an error: 500 of 1,200 rows were written\./);
    expect(errors).to.deep.equal(['import']);
    const report = await downloadReport(el);
    expect(report.match(/,Written,/g)).to.have.length(500);
    expect(report.match(/,Failed,/g)).to.have.length(500);
    expect(report.match(/,Not written,/g)).to.have.length(200);
    await expect(el).to.be.accessible();

    // The element's Retry writes what is left: batches 2 and 3.
    $<HTMLButtonElement>(el, '[part="import-dialog"] [part="retry-button"]').click();
    await until(() => gate.waiting() === 1, 'second batch again');
    gate.release();
    await until(() => gate.waiting() === 1, 'third batch');
    gate.release();
    await until(() => text(el, '[part="import-outcome"]') === 'Import finished.', 'finished after the retry');
    expect(gate.calls()).to.equal(4);
  });
});
