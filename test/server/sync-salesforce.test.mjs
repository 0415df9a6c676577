/**
 * The Salesforce connector (server/sync/salesforce.ts) against the fake org
 * (test/server/fakes/salesforce-fake.mjs): one record per contact however
 * often it is delivered, email matches, per-record refusals, limits, an
 * expired token and a hanging API.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { call, scratchDatabase, storageName } from './helpers.mjs';
import { startSalesforceFake } from './fakes/salesforce-fake.mjs';

let mod;
let sf;

before(async () => {
  mod = await importTs('server/sync/salesforce.ts');
});
beforeEach(async () => {
  await sf?.close();
  sf = await startSalesforceFake();
});
after(async () => {
  await sf?.close();
});

const connector = (extra = {}) =>
  mod.createSalesforceConnector({ ...sf.credentials, baseUrl: sf.url, timeoutMs: 2_000, ...extra });

let serial = 0;
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

const isFailure = (result) => result instanceof Error && result.name === 'SyncFailure';

describe('Salesforce connector', () => {
  it('creates one Contact, and a second delivery of the same contact updates it', async () => {
    const sync = connector();
    const ana = contact();
    const [first] = await sync.upsert([{ contact: ana }]);
    assert.equal(first.created, true);
    assert.match(first.externalId, /^003/);
    assert.equal(first.url, `${sf.url}/lightning/r/Contact/${first.externalId}/view`);
    assert.equal(sf.records.get(first.externalId).Ucrm_Id__c, ana.id);

    // A retry that never stored the id (the worker died after the call): found by email, not created again.
    const [retried] = await sync.upsert([{ contact: { ...ana, lastName: 'Pérez Gómez' } }]);
    assert.deepEqual({ id: retried.externalId, created: retried.created }, { id: first.externalId, created: false });
    assert.equal(sf.records.get(first.externalId).LastName, 'Pérez Gómez');
    // A later update by the stored id.
    const [updated] = await sync.upsert([{ contact: { ...ana, phones: [] }, known: { externalId: first.externalId } }]);
    assert.equal(updated.created, false);
    assert.equal(sf.counts.created, 1);
    assert.equal(sf.records.size, 1);
    assert.equal(sf.records.get(first.externalId).Phone, null);
  });

  it('a contact without email is matched by the external id on every delivery', async () => {
    const sync = connector();
    const anon = contact({ emails: [] });
    const [a] = await sync.upsert([{ contact: anon }]);
    const [b] = await sync.upsert([{ contact: anon }]);
    assert.equal(a.externalId, b.externalId);
    assert.deepEqual([a.created, b.created], [true, false]);
    assert.equal(sf.counts.created, 1);
  });

  it('matches a Contact that already exists in Salesforce by email (any case) and links it', async () => {
    const existing = sf.seed({ FirstName: 'Ana', LastName: 'P', Email: 'Ana.Existing@Example.com' });
    const ana = contact({ emails: ['ana.existing@example.com'] });
    const [result] = await connector().upsert([{ contact: ana }]);
    assert.deepEqual({ id: result.externalId, created: result.created }, { id: existing, created: false });
    assert.equal(sf.records.get(existing).Ucrm_Id__c, ana.id);
    assert.equal(sf.counts.created, 0);
  });

  it('answers per record in a batch: a refused record fails alone, a nameless contact is named', async () => {
    const sync = connector();
    const good = contact();
    const tooLong = contact({ lastName: 'x'.repeat(300), emails: ['not an email'] });
    const nameless = contact({ firstName: '', lastName: '', emails: ['who@example.com'] });
    const results = await sync.upsert([{ contact: good }, { contact: tooLong }, { contact: nameless }]);
    assert.equal(results[0].created, true);
    assert.ok(isFailure(results[1]));
    assert.equal(results[1].kind, 'rejected');
    assert.match(results[1].message, /INVALID_EMAIL_ADDRESS/);
    assert.equal(results[2].created, true);
    assert.equal(sf.records.get(results[2].externalId).LastName, 'who@example.com');
  });

  it('a duplicate rule refusal is the rejection of that record alone', async () => {
    sf.blockDuplicates = true;
    sf.seed({ LastName: 'Someone else', Email: 'taken@example.com' });
    const sync = connector();
    const mine = contact();
    const [created] = await sync.upsert([{ contact: mine }]);
    // The contact's email changed here to one another Salesforce record has: its own record is updated by id and refused.
    const [refused, fine] = await sync.upsert([
      { contact: { ...mine, emails: ['taken@example.com'] }, known: { externalId: created.externalId } },
      { contact: contact() },
    ]);
    assert.ok(isFailure(refused));
    assert.equal(refused.kind, 'rejected');
    assert.match(refused.message, /DUPLICATES_DETECTED/);
    assert.equal(fine.created, true);
  });

  it('a REQUIRED_FIELD_MISSING answer is a rejection with the reason', async () => {
    sf.failNext({
      status: 200,
      body: [{ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }] }],
    });
    const [result] = await connector().upsert([{ contact: contact({ emails: [] }) }]);
    assert.ok(isFailure(result));
    assert.equal(result.kind, 'rejected');
    assert.match(result.message, /REQUIRED_FIELD_MISSING.*LastName/);
  });

  it('a limit answer is rate-limited with the wait (Retry-After, else a minute)', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]); // a session first
    sf.limitNext(1, { retryAfter: 7 });
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.equal(error.retryAfterMs, 7_000);
      return true;
    });
    sf.limitNext(1);
    await assert.rejects(sync.upsert([{ contact: contact({ emails: [] }) }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.equal(error.retryAfterMs, 60_000);
      return true;
    });
    assert.equal(sf.counts.created, 1);
  });

  it("the org's daily allocation spent is rate-limited", async () => {
    await sf.close();
    sf = await startSalesforceFake({ dailyLimit: 1 });
    const sync = connector();
    await sync.upsert([{ contact: contact({ emails: [] }) }]);
    await assert.rejects(sync.upsert([{ contact: contact({ emails: [] }) }]), (error) => error.kind === 'rate-limited');
    assert.equal(sf.counts.created, 1);
  });

  it('refreshes an expired token transparently, and refused credentials are an auth failure', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    assert.equal(sf.counts.token, 1);
    sf.expireTokens();
    const [result] = await sync.upsert([{ contact: contact() }]);
    assert.equal(result.created, true);
    assert.equal(sf.counts.token, 2);

    const wrong = mod.createSalesforceConnector({ ...sf.credentials, refreshToken: 'revoked', baseUrl: sf.url });
    await assert.rejects(wrong.upsert([{ contact: contact() }]), (error) => error.kind === 'auth');
  });

  it('a hanging API is a transient failure after the timeout; a 5xx too', async () => {
    const sync = connector({ timeoutMs: 300 });
    await sync.upsert([{ contact: contact() }]);
    sf.hangNext(1);
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'transient');
    sf.failNext({ status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Service unavailable' }] });
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'transient');
  });

  it('deletes the record, and a record already gone is done too', async () => {
    const sync = connector();
    const ana = contact();
    const [created] = await sync.upsert([{ contact: ana }]);
    assert.deepEqual(await sync.remove(ana.id, { externalId: created.externalId }), { outcome: 'done' });
    assert.equal(sf.records.size, 0);
    assert.deepEqual(await sync.remove(ana.id, { externalId: created.externalId }), { outcome: 'done' });
  });

  it('merges duplicates into the survivor through the SOAP merge, two at a time', async () => {
    const sync = connector();
    const people = [contact(), contact(), contact(), contact()];
    const created = await sync.upsert(people.map((c) => ({ contact: c })));
    const [survivor, ...duplicates] = created.map((r) => ({ externalId: r.externalId }));
    const outcome = await sync.merge(people[0], survivor, duplicates);
    assert.deepEqual(outcome, { outcome: 'done' });
    assert.equal(sf.counts.merged, 2);
    assert.deepEqual([...sf.records.keys()], [survivor.externalId]);
  });

  it('reads its settings from the environment, with a field mapping change', async () => {
    assert.equal(mod.salesforceSettingsFromEnv({}), undefined);
    assert.throws(() => mod.salesforceSettingsFromEnv({ UCRM_SYNC_SALESFORCE_CLIENT_ID: 'x' }), /UCRM_SYNC_SALESFORCE_REFRESH_TOKEN/);
    const settings = mod.salesforceSettingsFromEnv({
      UCRM_SYNC_SALESFORCE_CLIENT_ID: sf.credentials.clientId,
      UCRM_SYNC_SALESFORCE_CLIENT_SECRET: sf.credentials.clientSecret,
      UCRM_SYNC_SALESFORCE_REFRESH_TOKEN: sf.credentials.refreshToken,
      UCRM_SYNC_SALESFORCE_URL: `${sf.url}/`,
      UCRM_SYNC_SALESFORCE_FIELDS: '{"blocked":null,"phone":"MobilePhone"}',
    });
    assert.equal(settings.baseUrl, sf.url);
    const [result] = await mod.createSalesforceConnector(settings).upsert([{ contact: contact({ blocked: true }) }]);
    const record = sf.records.get(result.externalId);
    assert.equal(record.MobilePhone, '+59899123456');
    assert.equal(record.Phone, undefined);
    assert.equal(record.DoNotCall, undefined);
    assert.equal(record.HasOptedOutOfEmail, false);
  });

  it('counts each API call with the engine before making it; a spent day is rate-limited without a call', async () => {
    let counted = 0;
    let spent = false;
    const context = {
      async countRequest() {
        if (spent) throw Object.assign(new Error('daily limit'), { name: 'SyncFailure', kind: 'rate-limited', retryAfterMs: 1000 });
        counted += 1;
      },
    };
    const sync = connector();
    const counting = mod.createSalesforceConnector({ ...sf.credentials, baseUrl: sf.url }, context);
    assert.equal(counting.countsRequests, true);
    await counting.upsert([{ contact: contact() }]); // the email query, then the upsert
    assert.equal(counted, sf.counts.api);
    spent = true;
    const before = sf.counts.api;
    await assert.rejects(counting.upsert([{ contact: contact() }]), (error) => error.kind === 'rate-limited');
    assert.equal(sf.counts.api, before);
    assert.equal(sync.countsRequests, true);
  });
});

/** Through the reference server and the sync engine: a contact created over REST reaches the fake Salesforce. */
describe(`Salesforce sync through the server (${storageName})`, () => {
  let fake;
  let server;
  let scratch;
  before(async () => {
    fake = await startSalesforceFake();
    scratch = await scratchDatabase('ucrm_sync_salesforce');
    const { startServer } = await importTs('server/start.ts');
    const syncEnv = {
      UCRM_SYNC_SALESFORCE_CLIENT_ID: fake.credentials.clientId,
      UCRM_SYNC_SALESFORCE_CLIENT_SECRET: fake.credentials.clientSecret,
      UCRM_SYNC_SALESFORCE_REFRESH_TOKEN: fake.credentials.refreshToken,
      UCRM_SYNC_SALESFORCE_URL: fake.url,
      UCRM_SYNC_SALESFORCE_TIMEOUT_MS: '2000',
    };
    server = await startServer({ port: 0, databaseUrl: scratch?.url, seed: {}, testMode: true, log: { level: 'silent' }, syncEnv });
  });
  after(async () => {
    await server?.close();
    await scratch?.drop();
    await fake?.close();
  });

  const status = async (id) => (await call(server, `/contacts/${id}/sync`)).body.items.find((item) => item.crm === 'salesforce');
  async function until(check, what) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const inState = (id, state) => async () => {
    const item = await status(id);
    return item?.state === state ? item : undefined;
  };
  const mine = (id) => [...fake.records.values()].filter((record) => record.Ucrm_Id__c === id);

  it('a POST /contacts reaches Salesforce exactly once, and its status links the record', async () => {
    const email = `ada.${Date.now().toString(36)}@example.com`;
    const created = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Ada', lastName: 'Lovelace', emails: [email] } });
    assert.equal(created.status, 201);
    const { id } = created.body;
    const synced = await until(inState(id, 'synced'), `${id} synced`);
    assert.equal(synced.label, 'Salesforce');
    const records = mine(id);
    assert.equal(records.length, 1);
    assert.equal(records[0].LastName, 'Lovelace');
    assert.equal(fake.withEmail(email).length, 1);
    assert.ok(fake.records.has(synced.externalId));
    // An update goes to the same record.
    const patched = await call(server, `/contacts/${id}`, { method: 'PATCH', json: { lastName: 'King' } });
    assert.equal(patched.status, 200);
    await until(() => mine(id)[0]?.LastName === 'King', 'the update delivered');
    assert.equal(mine(id).length, 1);
  });

  it('waits out a limit answer and still delivers once', async () => {
    fake.limitNext(2, { retryAfter: 1 });
    const { id } = (await call(server, '/contacts', { method: 'POST', json: { firstName: 'Grace', lastName: 'Hopper' } })).body;
    await until(inState(id, 'synced'), `${id} synced after the limit`);
    assert.equal(mine(id).length, 1);
  });
});

