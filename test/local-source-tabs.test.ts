/**
 * The local source with several tabs on one database: two sources on the
 * same IndexedDB name in one page stand for two tabs (they talk over the same
 * BroadcastChannel and share the storage). "Stale" tabs, ones that have not
 * heard of the other's change, are made by opening them with no
 * BroadcastChannel, so the storage rules are tested on their own.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { openDB } from 'idb';
import type { Contact } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { LocalSource, LocalSourceOptions } from '../src/data/local-source.js';
import { seedContact } from './support/contacts.js';
import { collectingWarnings } from './support/console.js';
import { errorOf } from './support/errors.js';
import { throwawayDatabases } from './support/databases.js';
import '../src/define/ucrm-interaction-view.js';

const WAIT = { timeout: 20_000 };

describe('createLocalSource across tabs', () => {
  const dbName = throwawayDatabases('ucrm-tabs');

  const open = async (options: LocalSourceOptions): Promise<LocalSource> => {
    const source = createLocalSource({ defaultRegion: 'UY', ...options });
    await source.ready;
    return source;
  };

  /** A tab that never hears the others (as if their messages had not arrived yet). */
  const openDeaf = async (options: LocalSourceOptions): Promise<LocalSource> => {
    const channel = globalThis.BroadcastChannel;
    (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
    try {
      return await open(options);
    } finally {
      globalThis.BroadcastChannel = channel;
    }
  };

  /** Two tabs on one database seeded with `a` and `b`. */
  async function twoTabs(deaf = false) {
    const name = dbName();
    const first = await open({ name, contacts: [seedContact('a'), seedContact('b')] });
    const second = deaf ? await openDeaf({ name }) : await open({ name });
    return { name, first, second, reload: () => open({ name }) };
  }

  it('keeps both edits when two tabs edit different contacts', async () => {
    const { first, second, reload } = await twoTabs(true);
    await Promise.all([first.updateContact('a', { firstName: 'Alba' }), second.updateContact('b', { firstName: 'Berta' })]);
    const later = await reload();
    expect((await later.getContact('a'))?.firstName).to.equal('Alba');
    expect((await later.getContact('b'))?.firstName).to.equal('Berta');
  });

  it("keeps both edits when a tab that has not heard of the other's edit changes another field of the same contact", async () => {
    const { first, second, reload } = await twoTabs(true);
    await first.updateContact('a', { firstName: 'Alba' });
    // The deaf tab still shows the old name; its edit is stored on top of the stored one.
    expect((await second.getContact('a'))?.firstName).to.equal('a');
    const saved = await second.updateContact('a', { tags: ['vip'] });
    expect(saved).to.deep.include({ firstName: 'Alba', tags: ['vip'] });
    expect(await second.getContact('a')).to.deep.include({ firstName: 'Alba', tags: ['vip'] });
    expect(await (await reload()).getContact('a')).to.deep.include({ firstName: 'Alba', tags: ['vip'] });
  });

  it('a delete in one tab is not undone by a later save in a tab that still shows the contact', async () => {
    const { first, second, reload } = await twoTabs(true);
    expect(await first.deleteContacts(['a'])).to.equal(1);
    expect(await second.getContact('a')).to.not.equal(undefined);
    const error = await errorOf(second.updateContact('a', { firstName: 'Back again' }));
    expect(error.code).to.equal('not-found');
    expect(await second.getContact('a')).to.equal(undefined);
    expect(await second.bulkUpdate([{ id: 'b', patch: { tags: ['x'] } }])).to.have.length(1);
    const later = await reload();
    expect(await later.getContact('a')).to.equal(undefined);
    expect((await later.getContact('b'))?.tags).to.deep.equal(['x']);
    expect((await later.queryContacts({ match: 'all', conditions: [] })).items.map((c: Contact) => c.id)).to.deep.equal(['b']);
  });

  it('a delete wins over a save racing it from the other tab', async () => {
    const { first, second, reload } = await twoTabs();
    await Promise.all([first.deleteContacts(['a']), second.updateContact('a', { firstName: 'Racing' }).catch(() => undefined)]);
    expect(await (await reload()).getContact('a')).to.equal(undefined);
    await waitUntil(async () => (await first.getContact('a')) === undefined && (await second.getContact('a')) === undefined, 'both tabs without the contact', WAIT);
  });

  it("updates the other tab's memory and indexes: edits, new identities, creates and deletes", async () => {
    const { first, second } = await twoTabs();
    await first.updateContact('a', { firstName: 'Alba' });
    await first.addIdentity('a', { kind: 'phone', value: '099 123 456' });
    await waitUntil(async () => (await second.getContact('a'))?.firstName === 'Alba', 'the edit heard', WAIT);
    await waitUntil(async () => (await second.findByIdentity({ kind: 'phone', value: '+59899123456' })).length === 1, 'the identity indexed', WAIT);

    const created = await second.createContact({ firstName: 'Carmen', lastName: 'Quiroga' });
    await waitUntil(async () => (await first.search('Quiroga')).items.some((c) => c.id === created.id), 'the create searchable in the other tab', WAIT);

    await second.deleteContacts(['b']);
    await waitUntil(async () => (await first.getContact('b')) === undefined, 'the delete heard', WAIT);
    expect((await first.search('b Seed')).items.map((c) => c.id)).to.not.include('b');
  });

  it('skips a corrupt record, reports it once, and keeps it in IndexedDB for recovery', async () => {
    const name = dbName();
    const seeded = await open({ name, contacts: [seedContact('good')] });
    await seeded.ready;
    const db = await openDB(name);
    await db.put('contacts', { ...seedContact('broken'), phones: '099 123 456' });
    await db.put('contacts', { id: 42, firstName: 'Numbered' });
    db.close();

    await collectingWarnings(async (warnings) => {
      const source = await open({ name });
      expect(await source.getContact('good')).to.not.equal(undefined);
      expect(await source.getContact('broken')).to.equal(undefined);
      expect((await source.search('Seed')).items.map((c) => c.id)).to.deep.equal(['good']);
      expect(source.unreadableRecords?.code).to.equal('invalid');
      expect(source.unreadableRecords?.ids).to.have.members(['broken', '42']);
      expect(source.unreadableRecords?.message).to.contain('2 saved contacts could not be read');
      expect(source.persistenceError).to.equal(undefined);
      // Writes go on, and nothing removes the unreadable records.
      await source.updateContact('good', { tags: ['still-works'] });
      await source.deleteContacts(['good']);
      expect(warnings.filter((w) => w.includes('could not be read'))).to.have.length(1);

      // The screen pop on that source tells the host once (ucrm-error), and works.
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const reported = oneEvent(host, 'ucrm-error');
      const view = document.createElement('ucrm-interaction-view');
      view.source = source;
      view.setAttribute('client-id', '099 000 111');
      view.setAttribute('default-region', 'UY');
      host.append(view);
      const event = await reported;
      expect(event.detail).to.include({ operation: 'persist', code: 'invalid' });
      expect(event.detail.message).to.contain('could not be read');
      await waitUntil(() => view.state === 'create', 'the create form', WAIT);
    });

    const check = await openDB(name);
    expect((await check.get('contacts', 'broken'))?.phones).to.equal('099 123 456');
    expect((await check.get('contacts', 42))?.firstName).to.equal('Numbered');
    check.close();
  });
});
