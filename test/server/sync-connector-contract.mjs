/**
 * What every OAuth CRM connector owes the sync engine (issue 22), run
 * against each connector with its fake: sync-salesforce.test.mjs and
 * sync-zoho.test.mjs call `connectorContract(...)` and add only what is the
 * CRM's own. One record per contact however often it is delivered, email
 * matches, per-record refusals, Retry-After, an expired token, a hanging API,
 * delete and merge, the engine's request count, and a contact created over
 * REST reaching the fake through the reference server.
 *
 * Defines the hooks and the suites when called (this file has no tests of
 * its own); answers the current fake (`crm.fake`, a fresh one for each test),
 * `connector(extra)`, `contact(fields)`, `isFailure(result)`, the connector's
 * module and `restartFake(options)`.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { call, scratchDatabase, storageName, until } from './helpers.mjs';

/**
 * @param {{
 *   name: string,                         // the CRM as the status labels it ('Zoho CRM')
 *   crm: string,                          // its id in the sync status ('zoho')
 *   module: string,                       // 'server/sync/zoho.ts'
 *   create: string,                       // the module's connector factory ('createZohoConnector')
 *   startFake: (options?: object) => Promise<object>,
 *   settings: (fake) => object,           // the least a connector needs to reach the fake
 *   connectorSettings?: (fake) => object, // what the tests' connectors add (a timeout, a record URL)
 *   recordUrl: (fake, id: string) => string,
 *   syncEnv: (fake) => Record<string, string>,   // the server's environment that turns the sync on
 *   fields: { ucrmId: string, lastName: string, email: string },
 *   invalidEmail: RegExp,                 // the refusal of a record with a malformed email
 *   lastNameMissing: { answer: object, message: RegExp },   // a scripted "required field missing" answer
 *   serverError: object,                  // a scripted 5xx answer
 * }} crm
 */
export function connectorContract(crm) {
  const { fields } = crm;
  const handle = { fake: undefined, mod: undefined, connector, contact, isFailure, restartFake };

  before(async () => {
    handle.mod = await importTs(crm.module);
  });
  beforeEach(() => restartFake());
  after(async () => {
    await handle.fake?.close();
  });

  async function restartFake(options) {
    await handle.fake?.close();
    handle.fake = await crm.startFake(options);
  }

  function connector(extra = {}) {
    const { fake } = handle;
    // A generous timeout: the fake answers at once, but on a busy machine "at once" can take seconds
    // (the hanging-API test sets its own short one, since that API never answers).
    return handle.mod[crm.create]({ ...crm.settings(fake), timeoutMs: 30_000, ...crm.connectorSettings?.(fake), ...extra });
  }

  describe(`${crm.name} connector`, () => {
    it('creates one record, and a later delivery of the same contact updates it', async () => {
      const { fake } = handle;
      const sync = connector();
      const ana = contact();
      const [first] = await sync.upsert([{ contact: ana }]);
      assert.equal(first.created, true);
      assert.equal(first.url, crm.recordUrl(fake, first.externalId));
      assert.equal(fake.records.get(first.externalId)[fields.ucrmId], ana.id);

      // A retry that never stored the id (the worker died after the call): found again, not created again.
      const [second] = await sync.upsert([{ contact: { ...ana, lastName: 'Pérez Gómez' } }]);
      assert.deepEqual({ id: second.externalId, created: second.created }, { id: first.externalId, created: false });
      assert.equal(fake.records.get(first.externalId)[fields.lastName], 'Pérez Gómez');
      // A later update by the stored id, the email changed here: still the same record.
      const [third] = await sync.upsert([{ contact: { ...ana, emails: ['new@example.com'] }, known: { externalId: first.externalId } }]);
      assert.deepEqual({ id: third.externalId, created: third.created }, { id: first.externalId, created: false });
      assert.equal(fake.counts.created, 1);
      assert.equal(fake.records.size, 1);
      assert.equal(fake.records.get(first.externalId)[fields.email], 'new@example.com');
    });

    it('a contact without email is matched by the external id on every delivery (named by its phone when nameless)', async () => {
      const { fake } = handle;
      const sync = connector();
      const anon = contact({ emails: [], firstName: '', lastName: '' });
      const [a] = await sync.upsert([{ contact: anon }]);
      const [b] = await sync.upsert([{ contact: anon }]);
      assert.equal(a.externalId, b.externalId);
      assert.deepEqual([a.created, b.created], [true, false]);
      assert.equal(fake.records.get(a.externalId)[fields.lastName], '+59899123456');
      assert.equal(fake.counts.created, 1);
    });

    it(`matches a record that already exists in ${crm.name} by email (any case) and links it`, async () => {
      const { fake } = handle;
      const existing = fake.seed({ [fields.lastName]: 'P', [fields.email]: 'Ana.Existing@Example.com' });
      const ana = contact({ emails: ['ana.existing@example.com'] });
      const [result] = await connector().upsert([{ contact: ana }]);
      assert.deepEqual({ id: result.externalId, created: result.created }, { id: existing, created: false });
      assert.equal(fake.records.get(existing)[fields.ucrmId], ana.id);
      assert.equal(fake.counts.created, 0);
    });

    it('answers per record in a batch: a refused record fails alone, a nameless contact is named by its email', async () => {
      const { fake } = handle;
      const results = await connector().upsert([
        { contact: contact() },
        { contact: contact({ emails: ['not an email'] }) },
        { contact: contact({ firstName: '', lastName: '', emails: ['who@example.com'] }) },
      ]);
      assert.equal(results[0].created, true);
      assert.ok(isFailure(results[1]));
      assert.equal(results[1].kind, 'rejected');
      assert.match(results[1].message, crm.invalidEmail);
      assert.equal(results[2].created, true);
      assert.equal(fake.records.get(results[2].externalId)[fields.lastName], 'who@example.com');
    });

    it('a "required field missing" answer is a rejection with the field', async () => {
      handle.fake.failNext(crm.lastNameMissing.answer);
      // No email: the scripted answer goes to the upsert itself, not to a search by email first.
      const [result] = await connector().upsert([{ contact: contact({ emails: [] }) }]);
      assert.ok(isFailure(result));
      assert.equal(result.kind, 'rejected');
      assert.match(result.message, crm.lastNameMissing.message);
    });

    it('a limit answer with Retry-After is rate-limited for that long', async () => {
      const sync = connector();
      await sync.upsert([{ contact: contact() }]); // a session first
      handle.fake.limitNext(1, { retryAfter: 7 });
      await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
        assert.equal(error.kind, 'rate-limited');
        assert.equal(error.retryAfterMs, 7_000);
        return true;
      });
      assert.equal(handle.fake.counts.created, 1);
    });

    it('refreshes an expired token transparently, and refused credentials are an auth failure', async () => {
      const { fake } = handle;
      const sync = connector();
      await sync.upsert([{ contact: contact() }]);
      assert.equal(fake.counts.token, 1);
      fake.expireTokens();
      const [result] = await sync.upsert([{ contact: contact() }]);
      assert.equal(result.created, true);
      assert.equal(fake.counts.token, 2);

      const wrong = connector({ refreshToken: 'revoked' });
      await assert.rejects(wrong.upsert([{ contact: contact() }]), (error) => error.kind === 'auth');
    });

    it('a hanging API is a transient failure after the timeout; a 5xx too', async () => {
      const { fake } = handle;
      const sync = connector({ timeoutMs: 300 });
      await sync.upsert([{ contact: contact() }]);
      fake.hangNext(1);
      await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'transient');
      fake.failNext(crm.serverError);
      await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'transient');
    });

    it('deletes the record, and a record already gone is done too', async () => {
      const sync = connector();
      const ana = contact();
      const [created] = await sync.upsert([{ contact: ana }]);
      assert.deepEqual(await sync.remove(ana.id, { externalId: created.externalId }), { outcome: 'done' });
      assert.equal(handle.fake.records.size, 0);
      assert.deepEqual(await sync.remove(ana.id, { externalId: created.externalId }), { outcome: 'done' });
    });

    it('merges duplicates into the survivor, two at a time', async () => {
      const { fake } = handle;
      const sync = connector();
      const people = [contact(), contact(), contact(), contact()];
      const created = await sync.upsert(people.map((c) => ({ contact: c })));
      const [survivor, ...duplicates] = created.map((r) => ({ externalId: r.externalId }));
      assert.deepEqual(await sync.merge(people[0], survivor, duplicates), { outcome: 'done' });
      assert.equal(fake.counts.merged, 2);
      assert.deepEqual([...fake.records.keys()], [survivor.externalId]);
    });

    it('counts each API call with the engine before making it; a spent day is rate-limited without a call', async () => {
      const { fake } = handle;
      let counted = 0;
      let spent = false;
      const context = {
        async countRequest() {
          if (spent) throw Object.assign(new Error('daily limit'), { name: 'SyncFailure', kind: 'rate-limited', retryAfterMs: 1000 });
          counted += 1;
        },
      };
      const counting = handle.mod[crm.create](crm.settings(fake), context);
      assert.equal(counting.countsRequests, true);
      await counting.upsert([{ contact: contact() }]);
      assert.equal(counted, fake.counts.api);
      spent = true;
      const before = fake.counts.api;
      await assert.rejects(counting.upsert([{ contact: contact() }]), (error) => error.kind === 'rate-limited');
      assert.equal(fake.counts.api, before);
    });
  });

  /** Through the reference server and the sync engine: a contact created over REST reaches the fake. */
  describe(`${crm.name} sync through the server (${storageName})`, () => {
    let fake;
    let server;
    let scratch;
    before(async () => {
      fake = await crm.startFake();
      scratch = await scratchDatabase(`ucrm_sync_${crm.crm}`);
      const { startServer } = await importTs('server/start.ts');
      server = await startServer({ port: 0, databaseUrl: scratch?.url, seed: {}, testMode: true, log: { level: 'silent' }, syncEnv: crm.syncEnv(fake) });
    });
    after(async () => {
      await server?.close();
      await scratch?.drop();
      await fake?.close();
    });

    const inState = (id, state) => async () => {
      const item = (await call(server, `/contacts/${id}/sync`)).body.items.find((i) => i.crm === crm.crm);
      return item?.state === state ? item : undefined;
    };
    const mine = (id) => [...fake.records.values()].filter((record) => record[fields.ucrmId] === id);

    it(`a POST /contacts reaches ${crm.name} exactly once, and its status links the record`, async () => {
      const email = `ada.${Date.now().toString(36)}@example.com`;
      const created = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Ada', lastName: 'Lovelace', emails: [email] } });
      assert.equal(created.status, 201);
      const { id } = created.body;
      const synced = await until(inState(id, 'synced'), { message: `${id} synced` });
      assert.equal(synced.label, crm.name);
      const records = mine(id);
      assert.equal(records.length, 1);
      assert.equal(records[0][fields.lastName], 'Lovelace');
      assert.equal(fake.withEmail(email).length, 1);
      assert.ok(fake.records.has(synced.externalId));
      // An update goes to the same record.
      const patched = await call(server, `/contacts/${id}`, { method: 'PATCH', json: { lastName: 'King' } });
      assert.equal(patched.status, 200);
      await until(() => mine(id)[0]?.[fields.lastName] === 'King', { message: 'the update delivered' });
      assert.equal(mine(id).length, 1);
    });

    it('waits out a limit answer and still delivers once', async () => {
      fake.limitNext(2, { retryAfter: 1 });
      const { id } = (await call(server, '/contacts', { method: 'POST', json: { firstName: 'Grace', lastName: 'Hopper' } })).body;
      await until(inState(id, 'synced'), { message: `${id} synced after the limit` });
      assert.equal(mine(id).length, 1);
    });
  });

  return handle;
}

let serial = 0;
/** A contact as the engine hands it to a connector; `fields` overrides. */
function contact(fields = {}) {
  serial += 1;
  const now = new Date().toISOString();
  return {
    id: `c-${serial}`,
    firstName: 'Ana',
    lastName: 'Pérez',
    phones: ['+59899123456'],
    emails: [`ana${serial}@example.com`],
    identities: [],
    tags: [],
    notes: [],
    custom: {},
    blocked: false,
    unsubscribed: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A per-record failure (a `SyncFailure` in the results, not thrown). */
const isFailure = (result) => result instanceof Error && result.name === 'SyncFailure';
