/**
 * The Salesforce connector (server/sync/salesforce.ts) against the fake org
 * (test/server/fakes/salesforce-fake.mjs): one record per contact however
 * often it is delivered, email matches, per-record refusals, limits, an
 * expired token and a hanging API.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { importTs } from '../../scripts/run-ts.mjs';
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
  mod.createSalesforceConnector({ ...sf.credentials, loginUrl: sf.url, timeoutMs: 2_000, ...extra });

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

  it('refreshes an expired token transparently, and refused credentials are an auth failure', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    assert.equal(sf.counts.token, 1);
    sf.expireTokens();
    const [result] = await sync.upsert([{ contact: contact() }]);
    assert.equal(result.created, true);
    assert.equal(sf.counts.token, 2);

    const wrong = mod.createSalesforceConnector({ ...sf.credentials, refreshToken: 'revoked', loginUrl: sf.url });
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
});
