import { expect } from '@open-wc/testing';
import { planBulkUpdate } from '../src/core/contacts/bulk.js';
import { importCsv } from '../src/core/import/csv-import.js';
import type { ContactFilter } from '../src/core/filters/filter.js';
import { planMerge } from '../src/core/merge/merge.js';
import type { CustomSection, Identity } from '../src/core/types.js';
import { createLocalSource, type LocalSource, type LocalSourceOptions } from '../src/data/local-source.js';
import { contactAdminOf, hasContactAdmin, type CrmSource } from '../src/data/source.js';
import { seedContact } from './support/contacts.js';
import { errorOf } from './support/errors.js';
import { throwawayDatabases } from './support/databases.js';

const phone = (value: string): Identity => ({ kind: 'phone', value });
const ALL: ContactFilter = { match: 'all', conditions: [] };
const BLOCKED: ContactFilter = { match: 'all', conditions: [{ field: 'blocked', op: 'is', value: 'true' }] };

const SECTIONS: CustomSection[] = [
  { id: 'general', title: 'General', campaigns: [], fields: [{ key: 'score', label: 'Score', type: 'number' }] },
];

const PEOPLE = [
  seedContact('ana', { firstName: 'Ana', lastName: 'Souza', phones: ['+598 99 123 456'], emails: ['ana@example.com'], tags: ['VIP'], custom: { score: 90 } }),
  seedContact('ana2', { firstName: 'Ana', lastName: 'Souza', emails: ['ANA@example.com'], tags: ['Lead'], notes: [{ id: 'n1', text: 'Called', createdAt: '2025-02-01T00:00:00.000Z' }] }),
  seedContact('jose', { firstName: 'José', lastName: 'Núñez', phones: ['099 555 111'], tags: ['Lead'], custom: { score: 40 } }),
  seedContact('maria', { firstName: 'María', lastName: 'Gómez', emails: ['maria@example.org'], blocked: true }),
  seedContact('luis', { firstName: 'Luis', lastName: 'Pérez', tags: ['vip'], custom: { score: 75 } }),
];

const ids = (contacts: { id: string }[]) => contacts.map((c) => c.id).sort();

describe('local source: contact management', () => {
  const dbName = throwawayDatabases('ucrm-admin-test');
  const open = async (options: LocalSourceOptions = {}): Promise<LocalSource> => {
    const source = createLocalSource({ defaultRegion: 'UY', sections: SECTIONS, ...options });
    await source.ready;
    return source;
  };
  const seeded = () => open({ name: dbName(), contacts: PEOPLE });

  it('is recognized by hasContactAdmin; a source without the operations is not', async () => {
    const source = await open({ persist: false });
    expect(hasContactAdmin(source)).to.equal(true);
    const bare = { getContact: async () => undefined } as unknown as CrmSource;
    expect(hasContactAdmin(bare)).to.equal(false);
    expect(hasContactAdmin(undefined)).to.equal(false);
  });

  it('finds the operations of a lazily loaded source through its loaded()', async () => {
    const source = await open({ persist: false });
    expect(await contactAdminOf(source)).to.equal(source);
    const bare = { getContact: async () => undefined } as unknown as CrmSource;
    expect(await contactAdminOf(bare)).to.equal(undefined);
    const lazy = { ...bare, loaded: async () => source } as unknown as CrmSource;
    expect(await contactAdminOf(lazy)).to.equal(source);
    const lazyBare = { ...bare, loaded: async () => bare } as unknown as CrmSource;
    expect(await contactAdminOf(lazyBare)).to.equal(undefined);
  });

  describe('queries', () => {
    it('filters, counts every match and pages through them', async () => {
      const source = await seeded();
      const vip: ContactFilter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] };
      const all = await source.queryContacts(vip);
      expect(ids(all.items)).to.deep.equal(['ana', 'luis']);
      expect(all.total).to.equal(2);
      const page = await source.queryContacts(ALL, { limit: 2, offset: 2 });
      expect(page.total).to.equal(5);
      expect(page.items.map((c) => c.id)).to.deep.equal(['jose', 'maria']);
      const scored: ContactFilter = {
        match: 'expression',
        conditions: [
          { field: 'score', op: 'greater', value: '50' },
          { field: 'tags', op: 'is', value: 'lead' },
        ],
        expression: '1 or 2',
      };
      expect(ids((await source.queryContacts(scored)).items)).to.deep.equal(['ana', 'ana2', 'jose', 'luis']);
      expect(await source.queryContactIds(BLOCKED)).to.deep.equal(['maria']);
    });

    it('combines the search text with the filter', async () => {
      const source = await seeded();
      const result = await source.queryContacts(
        { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'lead' }] },
        { query: 'ana' },
      );
      expect(result.items.map((c) => c.id)).to.deep.equal(['ana2']);
      expect(result.total).to.equal(1);
    });

    it('filters and pages 100,000 contacts', async () => {
      const many = Array.from({ length: 100_000 }, (_, i) =>
        seedContact(`c${i}`, { firstName: `P${i}`, tags: i % 3 === 0 ? ['VIP'] : [], custom: { score: i % 100 } }),
      );
      const source = await open({ persist: false, contacts: many });
      const filter: ContactFilter = {
        match: 'expression',
        conditions: [
          { field: 'tags', op: 'is', value: 'vip' },
          { field: 'score', op: 'greater', value: '94' },
        ],
        expression: '1 and 2',
      };
      // i % 3 === 0 and i % 100 in 95..99.
      const first = await source.queryContacts(filter, { limit: 3 });
      expect(first.total).to.equal(1667);
      expect(first.items.map((c) => c.id)).to.deep.equal(['c96', 'c99', 'c195']);
      const last = await source.queryContacts(filter, { offset: first.total - 1, limit: 10 });
      expect(last.items.map((c) => c.id)).to.deep.equal(['c99999']);
    });

    it('refuses an invalid filter with code invalid', async () => {
      const source = await seeded();
      const error = await errorOf(source.queryContacts({ match: 'expression', conditions: [{ field: 'firstName', op: 'is', value: 'a' }], expression: '1 and 2' }));
      expect(error.code).to.equal('invalid');
    });

    it('lists every tag in use once, sorted', async () => {
      const source = await seeded();
      expect(await source.listTags()).to.deep.equal(['Lead', 'VIP']);
    });
  });

  describe('delete', () => {
    it('removes contacts from reads, identity lookups, search and storage', async () => {
      const name = dbName();
      const source = await open({ name, contacts: PEOPLE });
      expect(await source.deleteContacts(['ana', 'jose', 'nobody'])).to.equal(2);
      expect(await source.getContact('ana')).to.equal(undefined);
      expect(await source.findByIdentity(phone('+59899123456'))).to.deep.equal([]);
      expect(ids((await source.search('Núñez')).items)).to.deep.equal([]);
      expect((await source.queryContacts(ALL)).total).to.equal(3);
      const reloaded = await open({ name });
      expect(await reloaded.getContact('jose')).to.equal(undefined);
      expect((await reloaded.queryContacts(ALL)).total).to.equal(3);
    });
  });

  describe('merge', () => {
    it('writes the planned result and removes the others; their identities now find the merged contact', async () => {
      const name = dbName();
      const source = await open({ name, contacts: PEOPLE });
      const plan = planMerge(await source.getContacts(['ana2', 'jose']), 'ana2');
      if (!plan.ok) throw new Error('plan refused');
      const merged = await source.mergeContacts(plan);
      expect(merged.id).to.equal('ana2');
      expect(await source.getContact('jose')).to.equal(undefined);
      // José's phone, in any form, now resolves to the merged contact.
      expect(ids(await source.findByIdentity(phone('+59899555111')))).to.deep.equal(['ana2']);
      expect(ids(await source.findByIdentity(phone('099 555 111')))).to.deep.equal(['ana2']);
      expect(merged.tags).to.deep.equal(['Lead']);
      expect(merged.notes.map((n) => n.id)).to.deep.equal(['n1']);
      // The search index follows: the merged contact is found by the removed contact's phone digits.
      expect(ids((await source.search('099555111')).items)).to.deep.equal(['ana2']);
      const reloaded = await open({ name });
      expect(await reloaded.getContact('jose')).to.equal(undefined);
      expect(ids(await reloaded.findByIdentity(phone('+59899555111')))).to.deep.equal(['ana2']);
    });

    it('is all or nothing: an unknown contact changes nothing', async () => {
      const source = await seeded();
      const plan = planMerge(await source.getContacts(['ana', 'luis']), 'ana');
      if (!plan.ok) throw new Error('plan refused');
      await source.deleteContacts(['luis']);
      const error = await errorOf(source.mergeContacts({ ...plan, removedIds: ['luis', 'jose'] }));
      expect(error.code).to.equal('not-found');
      expect(await source.getContact('jose')).to.not.equal(undefined);
      expect((await source.getContact('ana'))?.tags).to.deep.equal(['VIP']);
    });
  });

  describe('bulk update', () => {
    it('applies every patch in one write, kept after a reload', async () => {
      const name = dbName();
      const source = await open({ name, contacts: PEOPLE });
      const targets = await source.getContacts(await source.queryContactIds(ALL, { query: 'Souza' }));
      const plan = planBulkUpdate(targets, { kind: 'add-tags', tags: ['Gold'] });
      if (!plan.ok) throw new Error('plan refused');
      const updated = await source.bulkUpdate(plan.patches);
      expect(ids(updated)).to.deep.equal(['ana', 'ana2']);
      const gold: ContactFilter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'gold' }] };
      expect(await source.queryContactIds(gold)).to.have.members(['ana', 'ana2']);
      const reloaded = await open({ name });
      expect((await reloaded.getContact('ana2'))?.tags).to.deep.equal(['Lead', 'Gold']);
    });

    it('keeps the search index in step with renamed contacts', async () => {
      const source = await seeded();
      expect((await source.search('Zelda')).total).to.equal(0);
      const plan = planBulkUpdate(await source.getContacts(['luis']), { kind: 'set-field', field: 'firstName', value: 'Zelda' });
      if (!plan.ok) throw new Error('plan refused');
      await source.bulkUpdate(plan.patches);
      expect(ids((await source.search('Zelda')).items)).to.deep.equal(['luis']);
      expect(ids((await source.queryContacts(ALL, { query: 'zelda' })).items)).to.deep.equal(['luis']);
    });

    it('drops the identity of a phone or email a patch removes, so it no longer pops the contact', async () => {
      const name = dbName();
      const source = await open({ name, contacts: PEOPLE });
      await source.bulkUpdate([{ id: 'ana', patch: { phones: ['099 222 333'], emails: [] } }]);
      expect(await source.findByIdentity(phone('+59899123456'))).to.deep.equal([]);
      expect(ids(await source.findByIdentity({ kind: 'email', value: 'ana@example.com' }))).to.deep.equal(['ana2']);
      expect(ids(await source.findByIdentity(phone('+59899222333')))).to.deep.equal(['ana']);
      const reloaded = await open({ name });
      expect(await reloaded.findByIdentity(phone('+59899123456'))).to.deep.equal([]);
      expect((await reloaded.getContact('ana'))?.identities.map((i) => i.value)).to.deep.equal(['+59899222333']);
    });

    it('refuses patches for an unknown contact before writing any', async () => {
      const source = await seeded();
      const error = await errorOf(
        source.bulkUpdate([
          { id: 'ana', patch: { owner: 'bob' } },
          { id: 'ghost', patch: { owner: 'bob' } },
        ]),
      );
      expect(error.code).to.equal('not-found');
      expect((await source.getContact('ana'))?.owner).to.equal(undefined);
    });
  });

  describe('import', () => {
    it('creates and updates contacts with progress; new identities are found at once and after a reload', async () => {
      const name = dbName();
      const source = await open({ name, contacts: PEOPLE });
      const csv = 'First name,Last name,Phone,Tags\nBea,Lima,099 777 888,New\nJosé,Núñez,+598 99 555 111,Imported\n';
      const plan = await importCsv(csv, {
        mapping: ['firstName', 'lastName', 'phone', 'tags'],
        mode: 'update',
        defaultRegion: 'UY',
        findExisting: async (identities) => (await source.findByIdentity(identities[0]))[0],
      });
      const progress: number[] = [];
      const written = await source.importContacts(plan, { onProgress: (done) => progress.push(done) });
      expect(written.created.map((c) => c.firstName)).to.deep.equal(['Bea']);
      expect(ids(written.updated)).to.deep.equal(['jose']);
      expect(progress.at(-1)).to.equal(2);
      const [bea] = await source.findByIdentity(phone('+59899777888'));
      expect(bea.firstName).to.equal('Bea');
      expect((await source.getContact('jose'))?.tags).to.deep.equal(['Lead', 'Imported']);
      const reloaded = await open({ name });
      expect((await reloaded.findByIdentity(phone('099 777 888')))[0]?.id).to.equal(bea.id);
    });

    it('stops between chunks when aborted', async () => {
      const source = await open({ persist: false });
      const creates = Array.from({ length: 2500 }, (_, i) => ({ row: i + 2, draft: { firstName: `P${i}` } }));
      const abort = new AbortController();
      const error = await errorOf(
        source.importContacts({ creates, updates: [] }, { signal: abort.signal, onProgress: () => abort.abort() }),
      );
      expect(error.code).to.equal('aborted');
      expect((await source.queryContacts(ALL)).total).to.equal(1000);
    });
  });

  describe('views', () => {
    it('lists public views to everyone and private views to their owner only, across reloads', async () => {
      const name = dbName();
      const source = await open({ name });
      const vip: ContactFilter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] };
      const mine = await source.saveView({ name: ' My VIPs ', filter: vip, public: false, owner: 'agent-1' });
      const shared = await source.saveView({ name: 'Blocked', filter: BLOCKED, public: true, owner: 'agent-2' });
      expect(mine.name).to.equal('My VIPs');
      expect((await source.listViews({ owner: 'agent-1' })).map((v) => v.name).sort()).to.deep.equal(['Blocked', 'My VIPs']);
      expect((await source.listViews({ owner: 'agent-2' })).map((v) => v.name)).to.deep.equal(['Blocked']);
      const reloaded = await open({ name });
      expect((await reloaded.listViews({ owner: 'agent-1' })).map((v) => v.id).sort()).to.deep.equal([mine.id, shared.id].sort());
      await reloaded.deleteView(mine.id);
      expect((await (await open({ name })).listViews({ owner: 'agent-1' })).map((v) => v.id)).to.deep.equal([shared.id]);
    });

    it('upgrades a database of the previous version: contacts kept, views stored', async () => {
      const name = dbName();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('contacts', { keyPath: 'id' }).put(seedContact('old', { phones: ['+59899000111'], identities: [phone('+59899000111')] }));
          db.createObjectStore('campaigns', { keyPath: 'id' });
          db.createObjectStore('sections', { keyPath: 'id' });
          db.createObjectStore('idempotency', { keyPath: 'key' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const source = await open({ name });
      expect(source.persistenceError).to.equal(undefined);
      expect((await source.getContact('old'))?.firstName).to.equal('old');
      await source.saveView({ name: 'Kept', filter: ALL, public: true });
      expect((await (await open({ name })).listViews()).map((v) => v.name)).to.deep.equal(['Kept']);
    });

    it('refuses a view without a name', async () => {
      const source = await open({ persist: false });
      expect((await errorOf(source.saveView({ name: '  ', filter: ALL, public: true }))).code).to.equal('invalid');
    });
  });

  describe('details operations', () => {
    it('adds notes with author and time, blocks and unsubscribes', async () => {
      const name = dbName();
      const source = await open({ name, contacts: PEOPLE });
      const noted = await source.addNote('jose', '  Prefers WhatsApp ', 'Carla');
      const note = noted.notes.at(-1)!;
      expect(note).to.include({ text: 'Prefers WhatsApp', author: 'Carla' });
      expect(Number.isNaN(Date.parse(note.createdAt))).to.equal(false);
      expect((await errorOf(source.addNote('jose', '   '))).code).to.equal('invalid');
      await source.setBlocked('jose', true);
      await source.setUnsubscribed('jose', true);
      expect(await source.queryContactIds(BLOCKED)).to.have.members(['maria', 'jose']);
      const reloaded = await open({ name });
      expect(await reloaded.getContact('jose')).to.deep.include({ blocked: true, unsubscribed: true });
      expect((await reloaded.getContact('jose'))?.notes.at(-1)?.text).to.equal('Prefers WhatsApp');
    });

    it('finds potential duplicates by a shared identity in any form, or by the same name and email', async () => {
      const source = await seeded();
      const twin = await source.createContact({ firstName: 'Joe', phones: ['+598 99 555 111'] });
      const byIdentity = await source.findDuplicates('jose');
      expect(byIdentity.map((d) => [d.contact.id, d.reason])).to.deep.equal([[twin.id, 'identity']]);
      // ana and ana2 share the email (case differs): an identity match as well.
      expect((await source.findDuplicates('ana')).map((d) => d.contact.id)).to.deep.equal(['ana2']);
      expect(await source.findDuplicates('luis')).to.deep.equal([]);
      expect((await errorOf(source.findDuplicates('ghost'))).code).to.equal('not-found');
    });
  });
});
