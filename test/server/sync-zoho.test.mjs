/**
 * The Zoho CRM connector (server/sync/zoho.ts) against the fake Zoho
 * (test/server/fakes/zoho-fake.mjs): one record per contact however often it
 * is delivered, email matches, per-record codes, 429 with Zoho's headers, an
 * expired token and a hanging API.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
import { call, scratchDatabase, storageName } from './helpers.mjs';
import { startZohoFake } from './fakes/zoho-fake.mjs';

let mod;
let zoho;

before(async () => {
  mod = await importTs('server/sync/zoho.ts');
});
beforeEach(async () => {
  await zoho?.close();
  zoho = await startZohoFake();
});
after(async () => {
  await zoho?.close();
});

const connector = (extra = {}) =>
  mod.createZohoConnector({
    ...zoho.credentials,
    accountsUrl: zoho.url,
    baseUrl: zoho.url,
    timeoutMs: 2_000,
    recordUrl: 'https://crm.zoho.example/crm/org1/tab/Contacts/{id}',
    ...extra,
  });

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

describe('Zoho CRM connector', () => {
  it('creates one Contact, and a second delivery of the same contact updates it', async () => {
    const sync = connector();
    const ana = contact();
    const [first] = await sync.upsert([{ contact: ana }]);
    assert.equal(first.created, true);
    assert.equal(first.url, `https://crm.zoho.example/crm/org1/tab/Contacts/${first.externalId}`);
    assert.equal(zoho.records.get(first.externalId).Ucrm_Id, ana.id);

    const [second] = await sync.upsert([{ contact: { ...ana, lastName: 'Pérez Gómez' } }]);
    assert.deepEqual({ id: second.externalId, created: second.created }, { id: first.externalId, created: false });
    assert.equal(zoho.records.get(first.externalId).Last_Name, 'Pérez Gómez');
    // The email changed here: still the same record, found by our id.
    const [third] = await sync.upsert([{ contact: { ...ana, emails: ['new@example.com'] }, known: { externalId: first.externalId } }]);
    assert.equal(third.externalId, first.externalId);
    assert.equal(zoho.counts.created, 1);
    assert.equal(zoho.records.size, 1);
    assert.equal(zoho.records.get(first.externalId).Email, 'new@example.com');
  });

  it('a contact without email is matched by the external id on every delivery', async () => {
    const sync = connector();
    const anon = contact({ emails: [], firstName: '', lastName: '' });
    const [a] = await sync.upsert([{ contact: anon }]);
    const [b] = await sync.upsert([{ contact: anon }]);
    assert.equal(a.externalId, b.externalId);
    assert.deepEqual([a.created, b.created], [true, false]);
    assert.equal(zoho.records.get(a.externalId).Last_Name, '+59899123456');
    assert.equal(zoho.counts.created, 1);
  });

  it('matches a Contact that already exists in Zoho by email (any case) and links it', async () => {
    const existing = zoho.seed({ Last_Name: 'P', Email: 'Ana.Existing@Example.com' });
    const ana = contact({ emails: ['ana.existing@example.com'] });
    const [result] = await connector().upsert([{ contact: ana }]);
    assert.deepEqual({ id: result.externalId, created: result.created }, { id: existing, created: false });
    assert.equal(zoho.records.get(existing).Ucrm_Id, ana.id);
    assert.equal(zoho.counts.created, 0);
  });

  it('answers per record in a batch: INVALID_DATA and DUPLICATE_DATA fail alone', async () => {
    const sync = connector();
    const taken = contact();
    await sync.upsert([{ contact: taken }]);
    zoho.seed({ Last_Name: 'Other', Email: 'other@example.com' });
    const results = await sync.upsert([
      { contact: contact() },
      { contact: contact({ emails: ['not an email'] }) },
      // Another contact's email matches a record, but our id is already on a different one.
      { contact: { ...taken, emails: ['other@example.com'] } },
    ]);
    assert.equal(results[0].created, true);
    assert.ok(isFailure(results[1]));
    assert.equal(results[1].kind, 'rejected');
    assert.match(results[1].message, /INVALID_DATA.*\(Email\)/);
    assert.ok(isFailure(results[2]));
    assert.match(results[2].message, /DUPLICATE_DATA.*\(Ucrm_Id\)/);
  });

  it('MANDATORY_NOT_FOUND is a rejection with the field', async () => {
    zoho.failNext({
      status: 400,
      body: { data: [{ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Last_Name', json_path: '$.data[0].Last_Name' }, message: 'required field not found', status: 'error' }] },
    });
    const [result] = await connector().upsert([{ contact: contact() }]);
    assert.ok(isFailure(result));
    assert.equal(result.kind, 'rejected');
    assert.match(result.message, /MANDATORY_NOT_FOUND.*Last_Name/);
  });

  it('429 is rate-limited with the wait from Retry-After, else X-RATELIMIT-RESET', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    zoho.limitNext(1, { retryAfter: 5 });
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.equal(error.retryAfterMs, 5_000);
      return true;
    });
    zoho.limitNext(1, { resetInMs: 40_000 });
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.ok(error.retryAfterMs > 30_000 && error.retryAfterMs <= 40_000, String(error.retryAfterMs));
      return true;
    });
    assert.equal(zoho.counts.created, 1);
  });

  it('a rolling rate limit spent is rate-limited until the window frees up', async () => {
    await zoho.close();
    zoho = await startZohoFake({ rateLimit: { max: 2, intervalMs: 30_000 } });
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    await sync.upsert([{ contact: contact() }]);
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.ok(error.retryAfterMs > 0 && error.retryAfterMs <= 30_000, String(error.retryAfterMs));
      return true;
    });
    assert.equal(zoho.counts.created, 2);
  });

  it('refreshes an expired token transparently (once), and refused credentials are an auth failure', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    assert.equal(zoho.counts.token, 1);
    zoho.expireTokens();
    const [result] = await sync.upsert([{ contact: contact() }]);
    assert.equal(result.created, true);
    assert.equal(zoho.counts.token, 2);

    // A token refused again right after the refresh: auth, not a loop.
    zoho.failNext({ status: 401, body: { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' } }, 2);
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'auth');
    assert.equal(zoho.counts.token, 3);

    const wrong = connector({ refreshToken: 'revoked' });
    await assert.rejects(wrong.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'auth');
      assert.match(error.message, /invalid_code/);
      return true;
    });
  });

  it('a hanging API is a transient failure after the timeout; a 5xx too', async () => {
    const sync = connector({ timeoutMs: 300 });
    await sync.upsert([{ contact: contact() }]);
    zoho.hangNext(1);
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'transient');
    zoho.failNext({ status: 500, body: { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' } });
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'transient');
  });

  it('sends at most 100 records a call', async () => {
    const sync = connector();
    const many = Array.from({ length: 150 }, () => ({ contact: contact() }));
    const results = await sync.upsert(many);
    assert.equal(results.filter((r) => r.created).length, 150);
    assert.equal(zoho.counts.api, 2);
  });

  it('deletes the record, and a record already gone is done too', async () => {
    const sync = connector();
    const ana = contact();
    const [created] = await sync.upsert([{ contact: ana }]);
    assert.deepEqual(await sync.remove(ana.id, { externalId: created.externalId }), { outcome: 'done' });
    assert.equal(zoho.records.size, 0);
    assert.deepEqual(await sync.remove(ana.id, { externalId: created.externalId }), { outcome: 'done' });
  });

  it('merges duplicates into the survivor, two at a time; a refused merge is flagged', async () => {
    const sync = connector();
    const people = [contact(), contact(), contact(), contact()];
    const created = await sync.upsert(people.map((c) => ({ contact: c })));
    const [survivor, ...duplicates] = created.map((r) => ({ externalId: r.externalId }));
    assert.deepEqual(await sync.merge(people[0], survivor, duplicates), { outcome: 'done' });
    assert.equal(zoho.counts.merged, 2);
    assert.deepEqual([...zoho.records.keys()], [survivor.externalId]);

    const gone = await sync.merge(people[0], survivor, [{ externalId: '5725767000000999999' }]);
    assert.equal(gone.outcome, 'flagged');
    assert.match(gone.reason, /INVALID_DATA/);
  });

  it('reads its settings from the environment, with a field mapping change', async () => {
    assert.equal(mod.zohoSettingsFromEnv({}), undefined);
    assert.throws(() => mod.zohoSettingsFromEnv({ UCRM_SYNC_ZOHO_CLIENT_SECRET: 'x' }), /UCRM_SYNC_ZOHO_CLIENT_ID/);
    const settings = mod.zohoSettingsFromEnv({
      UCRM_SYNC_ZOHO_CLIENT_ID: zoho.credentials.clientId,
      UCRM_SYNC_ZOHO_CLIENT_SECRET: zoho.credentials.clientSecret,
      UCRM_SYNC_ZOHO_REFRESH_TOKEN: zoho.credentials.refreshToken,
      UCRM_SYNC_ZOHO_URL: zoho.url,
      UCRM_SYNC_ZOHO_ACCOUNTS_URL: zoho.url,
      UCRM_SYNC_ZOHO_FIELDS: '{"phone":"Mobile","unsubscribed":null}',
    });
    const [result] = await mod.createZohoConnector(settings).upsert([{ contact: contact({ unsubscribed: true }) }]);
    const record = zoho.records.get(result.externalId);
    assert.equal(record.Mobile, '+59899123456');
    assert.equal(record.Phone, undefined);
    assert.equal(record.Email_Opt_Out, undefined);
    assert.equal(result.url, undefined);
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
    const counting = mod.createZohoConnector({ ...zoho.credentials, accountsUrl: zoho.url, baseUrl: zoho.url }, context);
    assert.equal(counting.countsRequests, true);
    await counting.upsert([{ contact: contact() }]);
    assert.equal(counted, zoho.counts.api);
    spent = true;
    const before = zoho.counts.api;
    await assert.rejects(counting.upsert([{ contact: contact() }]), (error) => error.kind === 'rate-limited');
    assert.equal(zoho.counts.api, before);
  });
});

/** Through the reference server and the sync engine: a contact created over REST reaches the fake Zoho CRM. */
describe(`Zoho CRM sync through the server (${storageName})`, () => {
  let fake;
  let server;
  let scratch;
  before(async () => {
    fake = await startZohoFake();
    scratch = await scratchDatabase('ucrm_sync_zoho');
    const { startServer } = await importTs('server/start.ts');
    const syncEnv = {
      UCRM_SYNC_ZOHO_CLIENT_ID: fake.credentials.clientId,
      UCRM_SYNC_ZOHO_CLIENT_SECRET: fake.credentials.clientSecret,
      UCRM_SYNC_ZOHO_REFRESH_TOKEN: fake.credentials.refreshToken,
      UCRM_SYNC_ZOHO_URL: fake.url,
      UCRM_SYNC_ZOHO_ACCOUNTS_URL: fake.url,
      UCRM_SYNC_ZOHO_TIMEOUT_MS: '2000',
    };
    server = await startServer({ port: 0, databaseUrl: scratch?.url, seed: {}, testMode: true, log: { level: 'silent' }, syncEnv });
  });
  after(async () => {
    await server?.close();
    await scratch?.drop();
    await fake?.close();
  });

  const status = async (id) => (await call(server, `/contacts/${id}/sync`)).body.items.find((item) => item.crm === 'zoho');
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
  const mine = (id) => [...fake.records.values()].filter((record) => record.Ucrm_Id === id);

  it('a POST /contacts reaches Zoho CRM exactly once, and its status links the record', async () => {
    const email = `ada.${Date.now().toString(36)}@example.com`;
    const created = await call(server, '/contacts', { method: 'POST', json: { firstName: 'Ada', lastName: 'Lovelace', emails: [email] } });
    assert.equal(created.status, 201);
    const { id } = created.body;
    const synced = await until(inState(id, 'synced'), `${id} synced`);
    assert.equal(synced.label, 'Zoho CRM');
    const records = mine(id);
    assert.equal(records.length, 1);
    assert.equal(records[0].Last_Name, 'Lovelace');
    assert.equal(fake.withEmail(email).length, 1);
    assert.ok(fake.records.has(synced.externalId));
    // An update goes to the same record.
    const patched = await call(server, `/contacts/${id}`, { method: 'PATCH', json: { lastName: 'King' } });
    assert.equal(patched.status, 200);
    await until(() => mine(id)[0]?.Last_Name === 'King', 'the update delivered');
    assert.equal(mine(id).length, 1);
  });

  it('waits out a limit answer and still delivers once', async () => {
    fake.limitNext(2, { retryAfter: 1 });
    const { id } = (await call(server, '/contacts', { method: 'POST', json: { firstName: 'Grace', lastName: 'Hopper' } })).body;
    await until(inState(id, 'synced'), `${id} synced after the limit`);
    assert.equal(mine(id).length, 1);
  });
});

