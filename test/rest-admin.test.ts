/**
 * createRestSource's contact management (`ContactAdminSource`) against the
 * real reference server, and `<ucrm-contact-directory>` running on it. The
 * server's data is shared with the other REST test files, so every test works
 * on contacts it creates, under a tag of its own.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-contact-details.js';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmContactDetails } from '../src/components/ucrm-contact-details/ucrm-contact-details.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import type { ContactFilter } from '../src/core/filters/filter.js';
import type { Contact, ContactDraft } from '../src/core/types.js';
import { hasContactAdmin } from '../src/data/source.js';
import type { ContactAdminSource, CrmSource } from '../src/data/source.js';
import { $, names, settle, type } from './support/directory-harness.js';
import { failure, freshPhone, inject, requests, resetServer, restSource, server } from './support/rest-server.js';
import type { ServerInfo } from './support/rest-server.js';
import type { UcrmContactUpdatedEvent } from '../src/events.js';

let info: ServerInfo;
let run = 0;

function admin(): CrmSource & ContactAdminSource {
  const source = restSource(info);
  if (!hasContactAdmin(source)) throw new Error('the REST source has no contact management');
  return source;
}

/** A tag no other test (or test file) uses. */
const freshTag = () => `rest-admin-${Date.now().toString(36)}-${(run += 1)}`;
const tagged = (tag: string): ContactFilter => ({ match: 'all', conditions: [{ field: 'tags', op: 'contains', value: tag }] });

async function make(source: CrmSource, drafts: ContactDraft[]): Promise<Contact[]> {
  const made: Contact[] = [];
  for (const draft of drafts) made.push(await source.createContact(draft));
  return made;
}

before(async () => {
  info = await server();
});

beforeEach(async () => {
  await resetServer();
});

describe('createRestSource: contact management', () => {
  it('is a ContactAdminSource: queries by filter and search, pages, lists ids, loads by ids', async () => {
    const crm = admin();
    const tag = freshTag();
    const [a, b, c] = await make(crm, ['Ana', 'Bruno', 'Carla'].map((firstName) => ({ firstName, lastName: 'Admin', tags: [tag] })));
    const page = await crm.queryContacts(tagged(tag), { limit: 2, offset: 0 });
    expect(page.total).to.equal(3);
    expect(page.items).to.have.length(2);
    expect((await crm.queryContacts(tagged(tag), { query: 'Bruno' })).items.map((x) => x.id)).to.deep.equal([b!.id]);
    // No limit: every match, as the embedded source answers.
    expect((await crm.queryContacts(tagged(tag))).items).to.have.length(3);
    expect((await crm.queryContacts(tagged(tag), { limit: 0 })).items).to.deep.equal([]);
    expect(new Set(await crm.queryContactIds(tagged(tag)))).to.deep.equal(new Set([a!.id, b!.id, c!.id]));
    expect((await crm.getContacts([c!.id, 'unknown-id', a!.id])).map((x) => x.id)).to.deep.equal([c!.id, a!.id]);
  });

  it('rejects with `aborted` when the caller aborts, and sends nothing more', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(admin().queryContacts(tagged(freshTag()), { signal: controller.signal }))).code).to.equal('aborted');
    expect((await requests()).byRoute['POST /contacts/query']).to.equal(undefined);
  });

  it('maps an invalid filter to an `invalid` CrmError', async () => {
    const error = await failure(
      admin().queryContacts({ match: 'expression', expression: '1 or (', conditions: [{ field: 'firstName', op: 'is', value: 'x' }] }),
    );
    expect(error.code).to.equal('invalid');
  });

  it('deletes, and the deleted phone no longer finds anyone', async () => {
    const crm = admin();
    const phone = freshPhone();
    const [gone] = await make(crm, [{ firstName: 'Gone', phones: [phone] }]);
    expect(await crm.deleteContacts([gone!.id, 'unknown-id'])).to.equal(1);
    expect(await crm.getContact(gone!.id)).to.equal(undefined);
    expect(await crm.findByIdentity({ kind: 'phone', value: phone })).to.deep.equal([]);
  });

  it('never retries a delete (a POST without an Idempotency-Key), but retries a query', async () => {
    const crm = admin();
    const [kept] = await make(crm, [{ firstName: 'Kept' }]);
    await inject({ kind: 'status', status: 503, path: '/contacts/delete' });
    expect((await failure(crm.deleteContacts([kept!.id]))).code).to.equal('unavailable');
    expect((await requests()).byRoute['POST /contacts/delete']).to.equal(1);
    expect(await crm.getContact(kept!.id)).to.not.equal(undefined);

    await inject({ kind: 'status', status: 503, path: '/contacts/query' });
    expect((await crm.queryContacts(tagged(freshTag()))).total).to.equal(0);
    expect((await requests()).byRoute['POST /contacts/query']).to.equal(2);
  });

  it('merges atomically, finds duplicates first, and maps a missing contact to not-found', async () => {
    const crm = admin();
    const phone = freshPhone();
    const [a, b] = await make(crm, [
      { firstName: 'Merge', lastName: 'Primary', phones: [phone], tags: ['one'] },
      { firstName: 'Merge', lastName: 'Other', phones: [phone], tags: ['two'] },
    ]);
    const duplicates = await crm.findDuplicates(a!.id);
    expect(duplicates.map((d) => [d.contact.id, d.reason])).to.deep.equal([[b!.id, 'identity']]);

    const result = { ...a!, tags: ['one', 'two'] };
    expect((await failure(crm.mergeContacts({ result, removedIds: [b!.id, 'missing-id'] }))).code).to.equal('not-found');
    expect(await crm.getContact(b!.id)).to.not.equal(undefined);

    const merged = await crm.mergeContacts({ result, removedIds: [b!.id] });
    expect(merged.tags).to.deep.equal(['one', 'two']);
    expect(await crm.getContact(b!.id)).to.equal(undefined);
    expect((await crm.findByIdentity({ kind: 'phone', value: phone })).map((c) => c.id)).to.deep.equal([a!.id]);
  });

  it('bulk-updates, imports with progress, adds notes, blocks, unsubscribes and lists tags', async () => {
    const crm = admin();
    const tag = freshTag();
    const [a, b] = await make(crm, [{ firstName: 'Bulk', tags: [tag] }, { firstName: 'Bulk two', tags: [tag] }]);
    const updated = await crm.bulkUpdate([a!, b!].map(({ id }) => ({ id, patch: { owner: 'agent-9' } })));
    expect(updated.map((c) => c.owner)).to.deep.equal(['agent-9', 'agent-9']);

    const progress: [number, number][] = [];
    const imported = await crm.importContacts(
      { creates: [{ row: 2, draft: { firstName: 'Imported', tags: [tag] } }], updates: [{ rows: [3], id: a!.id, patch: { lastName: 'Updated' } }] },
      { onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(imported.created.map((c) => c.firstName)).to.deep.equal(['Imported']);
    expect(imported.updated.map((c) => c.lastName)).to.deep.equal(['Updated']);
    expect(progress).to.deep.equal([[2, 2]]);
    expect((await crm.queryContacts(tagged(tag))).total).to.equal(3);
    expect(await crm.listTags()).to.include(tag);

    const noted = await crm.addNote(a!.id, 'Called back', 'ana');
    expect(noted.notes.map((n) => [n.text, n.author])).to.deep.equal([['Called back', 'ana']]);
    expect((await crm.setBlocked(a!.id, true)).blocked).to.equal(true);
    expect((await crm.setUnsubscribed(a!.id, true)).unsubscribed).to.equal(true);
    expect((await crm.getContact(a!.id))?.blocked).to.equal(true);
  });

  it('saves, lists per owner, replaces and deletes views', async () => {
    const crm = admin();
    const owner = freshTag();
    const mine = await crm.saveView({ name: 'Mine', filter: tagged('vip'), public: false, owner });
    const names = async (who: string) => (await crm.listViews({ owner: who })).filter((v) => v.id === mine.id).map((v) => v.name);
    expect(await names(owner)).to.deep.equal(['Mine']);
    expect(await names('someone-else')).to.deep.equal([]);
    await crm.saveView({ ...mine, name: 'Renamed' });
    expect(await names(owner)).to.deep.equal(['Renamed']);
    await crm.deleteView(mine.id);
    expect(await names(owner)).to.deep.equal([]);
  });
});

describe('<ucrm-contact-directory> on the REST source', () => {
  it('filters, deletes the selected contacts after the typed count, and the server no longer has them', async () => {
    // The virtualizer re-measures rows as pages arrive from the server; Chromium reports that as a
    // benign "ResizeObserver loop" error, which must not fail the test (Mocha listens on window.onerror).
    const mochaOnError = window.onerror;
    window.onerror = (message, ...rest) =>
      /ResizeObserver loop/.test(String(message)) ? true : mochaOnError?.call(window, message, ...rest);
    after(() => (window.onerror = mochaOnError));
    const crm = admin();
    const tag = freshTag();
    const [a, b, c] = await make(
      crm,
      ['Uno', 'Dos', 'Tres'].map((firstName) => ({ firstName, lastName: `Directory ${tag}`, tags: [tag] })),
    );
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory .source=${restSource(info)} agent-id="agent-1" default-region="UY"></ucrm-contact-directory>`,
    );
    await waitUntil(() => names(el).length > 0, 'rows from the server');
    el.filter = tagged(tag);
    await waitUntil(() => names(el).length === 3 && names(el).every((n) => n.includes(tag)), 'filtered on the server');
    await settle(el);
    await expect(el).to.be.accessible();

    for (const name of [`Uno Directory ${tag}`, `Dos Directory ${tag}`]) {
      $<HTMLInputElement>(el, `[part~="row"] input[aria-label="Select ${name}"]`).click();
    }
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="delete-button"]').click();
    await settle(el);
    const confirm = () => $<HTMLButtonElement>(el, '[part="delete-confirm"]');
    type($(el, '[part="delete-count-input"]'), '3');
    await el.updateComplete;
    expect(confirm().disabled).to.equal(true);
    type($(el, '[part="delete-count-input"]'), '2');
    await el.updateComplete;
    expect(confirm().disabled).to.equal(false);
    await expect(el).to.be.accessible();

    confirm().click();
    await waitUntil(() => names(el).length === 1, 'rows reloaded from the server');
    expect(names(el)).to.deep.equal([`Tres Directory ${tag}`]);
    expect($<HTMLDialogElement>(el, '[part="delete-dialog"]').open).to.equal(false);
    await expect(el).to.be.accessible();

    // What the server holds now, read by a fresh source.
    expect((await admin().getContacts([a!.id, b!.id, c!.id])).map((x) => x.id)).to.deep.equal([c!.id]);
    expect((await admin().queryContacts(tagged(tag))).total).to.equal(1);
  });
});

describe('<ucrm-contact-details> on the REST source', () => {
  it('shows the duplicates prompt, adds a note and blocks, all saved on the server', async () => {
    const crm = admin();
    const phone = freshPhone();
    const tag = freshTag();
    const [a] = await make(crm, [
      { firstName: 'Detail', lastName: tag, phones: [phone] },
      { firstName: 'Twin', lastName: tag, phones: [phone] },
    ]);
    const el = await fixture<UcrmContactDetails>(
      html`<ucrm-contact-details .source=${restSource(info)} contact-id=${a!.id} author="Carla" default-region="UY"></ucrm-contact-details>`,
    );
    const part = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    const saved = async (selector: string) => {
      setTimeout(() => part(selector)!.click());
      const event: UcrmContactUpdatedEvent = await oneEvent(el, 'ucrm-contact-updated');
      await el.updateComplete;
      return event.detail.contact;
    };
    await waitUntil(() => part('[part="duplicates"]'), 'duplicates from the server');
    expect(part('[part="duplicate"]')!.textContent).to.contain(`Twin ${tag}`);
    await expect(el).to.be.accessible();

    const note = part('[part="note-input"]') as HTMLTextAreaElement;
    note.value = 'Prefers WhatsApp';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    expect((await saved('[part="add-note-button"]')).notes.at(-1)).to.include({ text: 'Prefers WhatsApp', author: 'Carla' });
    expect((await saved('[part="block-button"]')).blocked).to.equal(true);
    expect(part('[part~="blocked-badge"]')!.textContent!.trim()).to.equal('Blocked');
    await expect(el).to.be.accessible();

    const stored = await admin().getContact(a!.id);
    expect(stored?.blocked).to.equal(true);
    expect(stored?.notes.map((n) => [n.text, n.author])).to.deep.equal([['Prefers WhatsApp', 'Carla']]);
  });
});
