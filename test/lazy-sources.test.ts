/**
 * The public source factories (`createLocalSource`, `createRestSource` from
 * the api module) return at once and load their implementation on the first
 * call; everything the implementations offer works through them.
 */
import { expect } from '@open-wc/testing';
import { createLocalSource, createRestSource, CrmError, hasContactAdmin, contactAdminOf } from '../src/api.js';
import type { LocalSourceOptions, RestSourceOptions } from '../src/api.js';
import type { ContactFilter } from '../src/core/filters/filter.js';
import { LazySource } from '../src/data/lazy-source.js';
import { seedContact } from './support/contacts.js';

/** What `run` throws synchronously, or what the promise it returns rejects with. */
async function thrownBy(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const ALL: ContactFilter = { match: 'all', conditions: [] };
const PEOPLE = [
  seedContact('ana', { firstName: 'Ana', phones: ['099 123 456'], tags: ['vip'] }),
  seedContact('jose', { firstName: 'José', phones: ['099 555 111'] }),
];

/** Options whose `persist` records that it was read: the implementation reads it as soon as it is created. */
function watchedLocalOptions(options: LocalSourceOptions): { options: LocalSourceOptions; read: () => boolean } {
  let read = false;
  return {
    options: {
      ...options,
      get persist() {
        read = true;
        return false;
      },
    },
    read: () => read,
  };
}

describe('createLocalSource (public, lazy)', () => {
  const open = (options: LocalSourceOptions = {}) =>
    createLocalSource({ persist: false, defaultRegion: 'UY', contacts: PEOPLE, ...options });

  it('creates nothing until the first call, then resolves a screen pop', async () => {
    const watched = watchedLocalOptions({ defaultRegion: 'UY', contacts: PEOPLE });
    const source = createLocalSource(watched.options);
    expect(source.kind).to.equal('local');
    expect(watched.read(), 'implementation created before any call').to.equal(false);

    const resolution = await source.resolve!({ clientId: '+598 99 123 456', channel: 'phone' });
    expect(watched.read()).to.equal(true);
    expect(resolution.state).to.equal('contact');
    expect(resolution.contact?.id).to.equal('ana');
  });

  it('loads on reading ready, which settles once the data is in', async () => {
    const watched = watchedLocalOptions({ contacts: PEOPLE });
    const source = createLocalSource(watched.options);
    await source.ready;
    expect(watched.read()).to.equal(true);
    expect(source.persistenceError).to.equal(undefined);
    expect(source.ready, 'the loaded source keeps one ready promise').to.equal(source.ready);
    expect((await source.getContact('jose'))?.firstName).to.equal('José');
  });

  it('has the contact management operations, before and after loading', async () => {
    const source = open();
    expect(hasContactAdmin(source)).to.equal(true);
    expect(await contactAdminOf(source)).to.equal(source);

    expect((await source.queryContacts(ALL)).total).to.equal(2);
    expect(await source.listTags()).to.deep.equal(['vip']);
    const noted = await source.addNote('jose', 'Called back', 'agent-1');
    expect(noted.notes.map((note) => note.text)).to.deep.equal(['Called back']);
    expect(await source.deleteContacts(['ana'])).to.equal(1);
    expect(await source.queryContactIds(ALL)).to.deep.equal(['jose']);
  });

  it('sees writes at once in its pop and its search', async () => {
    const source = open();
    const created = await source.createContact({ firstName: 'Beatriz', phones: ['099 777 888'] });
    const pop = await source.resolve!({ clientId: '099777888', channel: 'phone' });
    expect(pop.contact?.id).to.equal(created.id);
    expect((await source.search('Beatriz')).items.map((c) => c.id)).to.deep.equal([created.id]);
  });
});

describe('createRestSource (public, lazy)', () => {
  /** A server that answers every request with `body`, counting requests. */
  function answering(body: unknown) {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      seen.push(new Request(input, init).url);
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    return { fetch, seen };
  }

  it('throws invalid at once without a baseUrl', async () => {
    // createRestSource returns a source, not a promise: only a synchronous throw is caught here.
    const error = await thrownBy(() => createRestSource({ baseUrl: '' }));
    expect(error).to.be.instanceOf(CrmError);
    expect((error as CrmError).code).to.equal('invalid');
    expect((error as CrmError).message).to.contain('baseUrl');
    expect(() => createRestSource(undefined as unknown as RestSourceOptions)).to.throw(CrmError);
  });

  it('passes hasContactAdmin, and creates its client on the first call', async () => {
    let read = false;
    const { fetch, seen } = answering({ items: ['lead', 'vip'] });
    const source = createRestSource({
      baseUrl: 'https://crm.test/api',
      fetch,
      get timeout() {
        read = true;
        return 5000;
      },
    });
    expect(hasContactAdmin(source)).to.equal(true);
    expect(read, 'HTTP client created before any call').to.equal(false);

    expect(await source.listTags()).to.deep.equal(['lead', 'vip']);
    expect(read).to.equal(true);
    expect(seen).to.deep.equal(['https://crm.test/api/tags']);
  });

  it('resolves a screen pop in one request', async () => {
    const contact = seedContact('ana', { phones: ['+598 99 123 456'] });
    const { fetch, seen } = answering({ state: 'contact', contact, sections: [] });
    const source = createRestSource({ baseUrl: 'https://crm.test/api', fetch, retry: 0 });
    const resolution = await source.resolve!({ clientId: '+59899123456', channel: 'phone' });
    expect(resolution.contact?.id).to.equal('ana');
    expect(seen).to.have.length(1);
  });
});

describe('LazySource', () => {
  it('rejects the call whose load failed, and loads again on the next call', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module');
    let attempts = 0;
    const source = new LazySource(async () => {
      attempts += 1;
      if (attempts === 1) throw failure;
      return createLocalSource({ persist: false, contacts: PEOPLE });
    });

    expect(await thrownBy(() => source.getContacts(['ana']))).to.equal(failure);
    expect((await source.getContacts(['ana', 'jose'])).map((c) => c.id)).to.deep.equal(['ana', 'jose']);
    expect(await source.getContact('jose')).to.have.property('firstName', 'José');
    expect(attempts).to.equal(2);
  });
});
