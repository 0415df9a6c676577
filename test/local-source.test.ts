import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { deleteDB, openDB } from 'idb';
import type { Campaign, Contact, CustomSection, Identity } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { LocalSource, LocalSourceOptions } from '../src/data/local-source.js';
import { seedContact } from './support/contacts.js';
import { errorOf } from './support/errors.js';
import { throwawayDatabases } from './support/databases.js';

const phone = (value: string): Identity => ({ kind: 'phone', value });

const SECTIONS: CustomSection[] = [
  { id: 'general', title: 'General', campaigns: [], fields: [{ key: 'plan', label: 'Plan', type: 'text' }] },
  { id: 'sales', title: 'Sales', campaigns: ['sales'], fields: [] },
];
const CAMPAIGNS: Campaign[] = [{ id: 'sales', name: 'Sales', channels: ['phone'], outboundChannels: ['phone'] }];

const ids = (contacts: Contact[]) => contacts.map((c) => c.id).sort();

describe('createLocalSource', () => {
  /** A fresh database name per test, deleted afterwards; console warnings silenced (the fallback cases assert theirs). */
  const dbName = throwawayDatabases('ucrm-test');
  const open = async (options: LocalSourceOptions): Promise<LocalSource> => {
    const source = createLocalSource({ defaultRegion: 'UY', ...options });
    await source.ready;
    return source;
  };

  describe('persistence', () => {
    it('keeps created and edited contacts across a reload (a new source on the same database)', async () => {
      const name = dbName();
      const first = await open({ name });
      expect(first.kind).to.equal('local');
      expect(first.persistenceError).to.equal(undefined);
      const created = await first.createContact({ firstName: 'José', lastName: 'Núñez', phones: ['099 123 456'] });
      await first.addIdentity(created.id, { kind: 'email', value: 'Jose@Example.com' });
      await first.updateContact(created.id, { tags: ['vip'] });

      const reloaded = await open({ name });
      const stored = await reloaded.getContact(created.id);
      expect(stored).to.deep.include({ firstName: 'José', lastName: 'Núñez', tags: ['vip'] });
      expect(stored?.emails).to.deep.equal(['jose@example.com']);
      // The identity index is rebuilt from storage.
      expect(ids(await reloaded.findByIdentity(phone('+59899123456')))).to.deep.equal([created.id]);
      expect(ids(await reloaded.findByIdentity({ kind: 'email', value: 'jose@example.com' }))).to.deep.equal([
        created.id,
      ]);
    });

    it('serves reads from memory while a write is still being stored', async () => {
      const source = await open({ name: dbName(), contacts: [seedContact('a')] });
      let stored = false;
      const writing = source.updateContact('a', { firstName: 'Beatriz' }).then(() => {
        stored = true;
      });
      expect((await source.getContact('a'))?.firstName).to.equal('Beatriz');
      expect(stored).to.equal(false);
      await writing;
      expect(stored).to.equal(true);
    });

    it('seeds only an empty store: stored data wins after a reload', async () => {
      const name = dbName();
      const first = await open({ name, contacts: [seedContact('a', { phones: ['+598 94 111 222'] })] });
      expect(await first.getContact('a')).to.not.equal(undefined);
      // The seed's phones became identities.
      expect(ids(await first.findByIdentity(phone('+59894111222')))).to.deep.equal(['a']);

      const second = await open({ name, contacts: [seedContact('b')] });
      expect(await second.getContact('a')).to.not.equal(undefined);
      expect(await second.getContact('b')).to.equal(undefined);
    });

    it('takes campaigns and sections given as options over stored ones, and stores them', async () => {
      const name = dbName();
      await open({ name, campaigns: CAMPAIGNS, sections: SECTIONS });
      const reloaded = await open({ name });
      expect(await reloaded.listCampaigns()).to.deep.equal(CAMPAIGNS);
      expect(await reloaded.listSections()).to.deep.equal(SECTIONS);

      const replaced = await open({ name, sections: [SECTIONS[1]!] });
      expect((await replaced.listSections()).map((s) => s.id)).to.deep.equal(['sales']);
    });

    it('with persist: false keeps everything in memory and creates no database', async () => {
      const name = dbName();
      const memory = await open({ name, persist: false });
      const created = await memory.createContact({ firstName: 'Ana' });
      expect(await memory.getContact(created.id)).to.deep.include({ firstName: 'Ana' });
      expect(memory.persistenceError).to.equal(undefined);
      const databases = await indexedDB.databases();
      expect(databases.map((db) => db.name)).to.not.include(name);
      expect(await (await open({ name, persist: false })).getContact(created.id)).to.equal(undefined);
    });
  });

  describe('when IndexedDB cannot be used', () => {
    it('works from memory when a newer version of the database is held open', async () => {
      const name = dbName();
      const newer = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 5);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const source = await open({ name, contacts: [seedContact('seeded', { emails: ['a@b.com'] })] });
        expect(source.persistenceError?.code).to.equal('unavailable');
        expect(source.persistenceError?.message).to.match(/newer version/);
        const created = await source.createContact({ firstName: 'Ana', phones: ['099 000 111'] });
        expect(ids(await source.findByIdentity(phone('+59899000111')))).to.deep.equal([created.id]);
        expect(ids(await source.findByIdentity({ kind: 'email', value: 'A@B.com' }))).to.deep.equal(['seeded']);
      } finally {
        newer.close();
      }
    });

    it('works from memory when opening IndexedDB throws (private browsing, disabled)', async () => {
      const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
      Object.defineProperty(factory, 'open', {
        configurable: true,
        value: () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
      let source: LocalSource;
      try {
        source = await open({ name: dbName() });
      } finally {
        delete (factory as { open?: unknown }).open;
      }
      expect(source.persistenceError?.code).to.equal('unavailable');
      expect(source.persistenceError?.message).to.match(/unavailable/);
      const created = await source.createContact({ firstName: 'Ana' });
      expect((await source.getContact(created.id))?.firstName).to.equal('Ana');
    });

    it('works from memory when a database with its name belongs to something else', async () => {
      const name = dbName();
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('other');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const source = await open({ name });
      expect(source.persistenceError?.code).to.equal('unavailable');
      await source.createContact({ firstName: 'Ana' });
    });

    it('switches to memory with a clear error when storage is full, keeping the write', async () => {
      const name = dbName();
      const source = await open({ name });
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
      let created: Contact;
      try {
        created = await source.createContact({ firstName: 'Ana', emails: ['ana@example.com'] });
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      expect(source.persistenceError?.code).to.equal('unavailable');
      expect(source.persistenceError?.message).to.match(/storage for this site is full/);
      expect((await source.getContact(created.id))?.firstName).to.equal('Ana');
      expect(ids(await source.findByIdentity({ kind: 'email', value: 'ana@example.com' }))).to.deep.equal([
        created.id,
      ]);
      // Later writes keep working in memory.
      expect((await source.updateContact(created.id, { lastName: 'Silva' })).lastName).to.equal('Silva');
    });

    it('goes on from memory when another tab deletes or upgrades the database', async () => {
      const name = dbName();
      const source = await open({ name, contacts: [seedContact('a', { emails: ['a@b.com'] })] });
      await deleteDB(name);
      expect(source.persistenceError?.code).to.equal('unavailable');
      expect(source.persistenceError?.message).to.match(/another tab/);
      expect((await source.updateContact('a', { lastName: 'Silva' })).lastName).to.equal('Silva');
      expect(ids(await source.findByIdentity({ kind: 'email', value: 'a@b.com' }))).to.deep.equal(['a']);
    });

    it('warns once in the console, naming the problem', async () => {
      const messages: string[] = [];
      console.warn = (message: string) => messages.push(message);
      const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
      Object.defineProperty(factory, 'open', {
        configurable: true,
        value: () => {
          throw new DOMException('nope', 'InvalidStateError');
        },
      });
      try {
        const source = await open({ name: dbName() });
        await source.createContact({ firstName: 'Ana' });
      } finally {
        delete (factory as { open?: unknown }).open;
      }
      expect(messages).to.have.length(1);
      expect(messages[0]).to.match(/ucrm-widgets: .*IndexedDB/);
    });
  });

  describe('createContact', () => {
    it('fills ids, dates, defaults and identities from phones and emails', async () => {
      const source = await open({ persist: false });
      const created = await source.createContact({
        firstName: 'Lucía',
        phones: [' (099) 123-456 '],
        emails: ['Lucia@Example.com'],
        identities: [{ kind: 'instagram', value: '@Lucia.P' }],
      });
      expect(created.id).to.be.a('string').and.not.equal('');
      expect(created.createdAt).to.equal(created.updatedAt);
      expect(created).to.deep.include({
        firstName: 'Lucía',
        lastName: '',
        phones: ['(099) 123-456'],
        emails: ['Lucia@Example.com'],
        tags: [],
        notes: [],
        custom: {},
        blocked: false,
        unsubscribed: false,
      });
      expect(created.identities).to.deep.equal([
        { kind: 'instagram', value: 'lucia.p' },
        phone('+59899123456'),
        { kind: 'email', value: 'lucia@example.com' },
      ]);
    });

    it('makes UUID v4 ids even where crypto.randomUUID is missing (plain http intranets)', async () => {
      const source = await open({ persist: false });
      Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined });
      let created: Contact;
      try {
        expect(crypto.randomUUID).to.equal(undefined);
        created = await source.createContact({ firstName: '  Ana ', lastName: undefined });
      } finally {
        delete (crypto as { randomUUID?: unknown }).randomUUID;
      }
      expect(created.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(created).to.deep.include({ firstName: 'Ana', lastName: '' });
      expect(typeof crypto.randomUUID).to.equal('function');
    });

    it('creates one contact for a concurrent double submit with the same idempotency key', async () => {
      const name = dbName();
      const source = await open({ name });
      const draft = { firstName: 'Ana', phones: ['099 555 000'] };
      const [a, b] = await Promise.all([
        source.createContact(draft, { idempotencyKey: 'k1' }),
        source.createContact(draft, { idempotencyKey: 'k1' }),
      ]);
      expect(a.id).to.equal(b.id);
      expect(await source.findByIdentity(phone('+59899555000'))).to.have.length(1);
      // Also after the first one settled, and after a reload.
      expect((await source.createContact(draft, { idempotencyKey: 'k1' })).id).to.equal(a.id);
      const reloaded = await open({ name });
      expect((await reloaded.createContact(draft, { idempotencyKey: 'k1' })).id).to.equal(a.id);
      expect(await reloaded.findByIdentity(phone('+59899555000'))).to.have.length(1);
      // A different key is a different contact.
      expect((await reloaded.createContact(draft, { idempotencyKey: 'k2' })).id).to.not.equal(a.id);
    });

    it('forgets, once the page is idle, the keys of contacts created over a week ago or since deleted', async () => {
      const name = dbName();
      const source = await open({ name, contacts: [seedContact('old')] });
      const fresh = await source.createContact({ firstName: 'Bea' }, { idempotencyKey: 'fresh-key' });
      const db = await openDB(name);
      await db.put('idempotency', { key: 'old-key', contactId: 'old' });
      await db.put('idempotency', { key: 'gone-key', contactId: 'deleted' });
      const keys = () => db.getAllKeys('idempotency');
      expect(await keys()).to.have.members(['fresh-key', 'old-key', 'gone-key']);

      const reloaded = await open({ name });
      await waitUntil(async () => (await keys()).length === 1, 'the old keys were never forgotten');
      expect(await keys()).to.deep.equal(['fresh-key']);
      expect((await reloaded.createContact({ firstName: 'Bea' }, { idempotencyKey: 'fresh-key' })).id).to.equal(fresh.id);
      expect((await reloaded.createContact({ firstName: 'Old' }, { idempotencyKey: 'old-key' })).id).to.not.equal('old');
      db.close();
    });

    it('creates two contacts for two submits without a key', async () => {
      const source = await open({ persist: false });
      const [a, b] = await Promise.all([
        source.createContact({ firstName: 'Ana' }),
        source.createContact({ firstName: 'Ana' }),
      ]);
      expect(a.id).to.not.equal(b.id);
    });

    it('rejects an invalid phone or email as invalid, creating nothing', async () => {
      const source = await open({ persist: false });
      const error = await errorOf(source.createContact({ firstName: 'Ana', phones: ['12-34'] }));
      expect(error.code).to.equal('invalid');
      expect(error.message).to.contain('12-34');
      expect((await errorOf(source.createContact({ emails: ['nope'] }))).code).to.equal('invalid');
      expect((await source.search('Ana')).total).to.equal(0);
    });
  });

  describe('identities', () => {
    const family = () => [
      seedContact('legacy-br', { phones: ['+55 11 8765-4321'] }),
      seedContact('parent', { phones: ['+598 99 123 456'] }),
      seedContact('child', { phones: ['099 123 456'] }),
      seedContact('ar', { phones: ['+54 11 2345-6789'] }),
      seedContact('mx', { phones: ['+52 55 1234 5678'] }),
    ];

    it('finds contacts through every equivalent form of a phone', async () => {
      const source = await open({ persist: false, contacts: family() });
      expect(ids(await source.findByIdentity(phone('+5511987654321')))).to.deep.equal(['legacy-br']);
      expect(ids(await source.findByIdentity(phone('+551187654321')))).to.deep.equal(['legacy-br']);
      expect(ids(await source.findByIdentity(phone('+5491123456789')))).to.deep.equal(['ar']);
      expect(ids(await source.findByIdentity(phone('+5215512345678')))).to.deep.equal(['mx']);
      expect(ids(await source.findByIdentity(phone('+59899123456')))).to.deep.equal(['child', 'parent']);
      expect(await source.findByIdentity(phone('+59899123457'))).to.deep.equal([]);
    });

    it('normalizes the identity it is asked about', async () => {
      const source = await open({ persist: false, contacts: family() });
      expect(ids(await source.findByIdentity(phone('(099) 123-456')))).to.deep.equal(['child', 'parent']);
    });

    it('assigns a ClientID (identity + display phone) and undoes it', async () => {
      const source = await open({ persist: false, contacts: family() });
      const assigned = await source.addIdentity('ar', phone('+598 98 765 432'));
      expect(assigned.phones).to.deep.equal(['+54 11 2345-6789', '+598 98 765 432']);
      expect(assigned.identities).to.deep.include(phone('+59898765432'));
      expect(ids(await source.findByIdentity(phone('+59898765432')))).to.deep.equal(['ar']);
      // Assigning twice changes nothing.
      expect((await source.addIdentity('ar', phone('098765432'))).phones).to.have.length(2);

      const undone = await source.removeIdentity('ar', phone('+59898765432'));
      expect(undone.phones).to.deep.equal(['+54 11 2345-6789']);
      expect(undone.identities).to.not.deep.include(phone('+59898765432'));
      expect(await source.findByIdentity(phone('+59898765432'))).to.deep.equal([]);
      // The other identity still matches, including its equivalent form.
      expect(ids(await source.findByIdentity(phone('+5491123456789')))).to.deep.equal(['ar']);
    });

    it('assigns emails and social ids to the right lists', async () => {
      const source = await open({ persist: false, contacts: family() });
      const withEmail = await source.addIdentity('mx', { kind: 'email', value: ' Andres@Example.com' });
      expect(withEmail.emails).to.deep.equal(['andres@example.com']);
      const withInstagram = await source.addIdentity('mx', { kind: 'instagram', value: '@Andres' });
      expect(withInstagram.emails).to.deep.equal(['andres@example.com']);
      expect(withInstagram.phones).to.deep.equal(['+52 55 1234 5678']);
      expect(ids(await source.findByIdentity({ kind: 'instagram', value: 'andres' }))).to.deep.equal(['mx']);
    });

    it('rejects an invalid identity and an unknown contact', async () => {
      const source = await open({ persist: false, contacts: family() });
      expect((await errorOf(source.addIdentity('mx', phone('abc')))).code).to.equal('invalid');
      expect((await errorOf(source.addIdentity('nobody', phone('+59899123456')))).code).to.equal('not-found');
      expect((await errorOf(source.removeIdentity('nobody', phone('+59899123456')))).code).to.equal('not-found');
      expect((await errorOf(source.updateContact('nobody', { firstName: 'X' }))).code).to.equal('not-found');
    });
  });

  describe('updateContact', () => {
    it('re-indexes changed phones and keeps other identities', async () => {
      const source = await open({
        persist: false,
        contacts: [
          seedContact('a', { phones: ['+598 99 111 222'], identities: [{ kind: 'telegram', value: '@ana' }] }),
        ],
      });
      const updated = await source.updateContact('a', { phones: ['094 333 444'], firstName: 'Ana María' });
      expect(updated.firstName).to.equal('Ana María');
      expect(updated.id).to.equal('a');
      expect(updated.createdAt).to.equal('2025-01-01T00:00:00.000Z');
      expect(updated.updatedAt).to.not.equal('2025-01-01T00:00:00.000Z');
      expect(await source.findByIdentity(phone('+59899111222'))).to.deep.equal([]);
      expect(ids(await source.findByIdentity(phone('+59894333444')))).to.deep.equal(['a']);
      expect(ids(await source.findByIdentity({ kind: 'telegram', value: '@ana' }))).to.deep.equal(['a']);
      expect((await errorOf(source.updateContact('a', { emails: ['bad'] }))).code).to.equal('invalid');
    });

    it('keeps the store safe from changes to returned objects', async () => {
      const source = await open({ persist: false, contacts: [seedContact('a')] });
      const copy = (await source.getContact('a'))!;
      copy.firstName = 'Changed';
      copy.tags.push('x');
      expect(await source.getContact('a')).to.deep.include({ firstName: 'a', tags: [] });
    });
  });

  describe('search, lists and resolve', () => {
    it('searches through the index and returns contacts', async () => {
      const source = await open({
        persist: false,
        contacts: [seedContact('a', { firstName: 'Valentina' }), seedContact('b', { firstName: 'Bruno' })],
      });
      const result = await source.search('Valentina', { limit: 10 });
      expect(result.total).to.equal(1);
      expect(result.items.map((c) => c.firstName)).to.deep.equal(['Valentina']);
    });

    it('resolves a screen pop in one call, with reasons and the campaign sections', async () => {
      const source = await open({
        persist: false,
        sections: SECTIONS,
        contacts: [seedContact('legacy-br', { phones: ['+55 11 8765-4321'] })],
      });
      const resolution = await source.resolve!({ channel: 'whatsapp', clientId: '+55 11 98765-4321', campaign: 'sales' });
      expect(resolution.state).to.equal('contact');
      expect(resolution.contact?.id).to.equal('legacy-br');
      expect(resolution.candidates?.[0]?.reason.rule).to.equal('br-ninth-digit');
      expect(resolution.sections.map((s) => s.id)).to.deep.equal(['general', 'sales']);
      // The default region: the call's, else the source's.
      expect((await source.resolve!({ channel: 'phone', clientId: '099 123 456' })).state).to.equal('create');
      expect((await source.resolve!({ channel: 'phone', clientId: '099 123 456' }, { defaultRegion: 'BR' })).state).to.equal(
        'invalid',
      );
    });
  });

  describe('abort', () => {
    it('rejects every call with an aborted signal, changing nothing', async () => {
      const source = await open({ persist: false, contacts: [seedContact('a', { phones: ['+598 99 111 222'] })] });
      const signal = AbortSignal.abort();
      const calls: Promise<unknown>[] = [
        source.getContact('a', { signal }),
        source.findByIdentity(phone('+59899111222'), { signal }),
        source.search('a', { signal }),
        source.createContact({ firstName: 'New' }, { signal }),
        source.updateContact('a', { firstName: 'Changed' }, { signal }),
        source.addIdentity('a', phone('+59894000000'), { signal }),
        source.removeIdentity('a', phone('+59899111222'), { signal }),
        source.listSections({ signal }),
        source.listCampaigns({ signal }),
        source.resolve!({ channel: 'phone', contactId: 'a' }, { signal }),
      ];
      for (const call of calls) expect((await errorOf(call)).code).to.equal('aborted');
      expect((await source.getContact('a'))?.firstName).to.equal('a');
      expect((await source.search('New')).total).to.equal(0);
    });

    it('creates nothing when a create without a key is aborted while the data loads', async () => {
      const source = createLocalSource({ persist: false });
      const controller = new AbortController();
      const pending = source.createContact({ firstName: 'Ghost', emails: ['ghost@example.com'] }, {
        signal: controller.signal,
      });
      controller.abort();
      expect((await errorOf(pending)).code).to.equal('aborted');
      await source.ready;
      await Promise.resolve();
      expect(await source.findByIdentity({ kind: 'email', value: 'ghost@example.com' })).to.deep.equal([]);
    });

    it('stops waiting for the stored data when aborted during loading', async () => {
      const source = createLocalSource({ name: dbName() });
      const controller = new AbortController();
      const pending = source.getContact('a', { signal: controller.signal });
      controller.abort();
      expect((await errorOf(pending)).code).to.equal('aborted');
      await source.ready;
    });
  });
});
