/**
 * The Zoho CRM connector (server/sync/zoho.ts) against the fake Zoho
 * (test/server/fakes/zoho-fake.mjs): one record per contact however often it
 * is delivered, email matches, per-record codes, 429 with Zoho's headers, an
 * expired token and a hanging API.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
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
    apiUrl: zoho.url,
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
});
