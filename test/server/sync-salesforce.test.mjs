/**
 * The Salesforce connector (server/sync/salesforce.ts) against the fake org
 * (test/server/fakes/salesforce-fake.mjs): the connector contract
 * (sync-connector-contract.mjs: one record per contact however often it is
 * delivered, email matches, per-record refusals, limits, an expired token, a
 * hanging API, through the server), then what is Salesforce's own: its
 * refusal codes, a limit answer without Retry-After, the org's daily
 * allocation, and its settings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectorContract } from './sync-connector-contract.mjs';
import { startSalesforceFake } from './fakes/salesforce-fake.mjs';

const crm = connectorContract({
  name: 'Salesforce',
  crm: 'salesforce',
  module: 'server/sync/salesforce.ts',
  create: 'createSalesforceConnector',
  startFake: startSalesforceFake,
  settings: (sf) => ({ ...sf.credentials, baseUrl: sf.url }),
  recordUrl: (sf, id) => `${sf.url}/lightning/r/Contact/${id}/view`,
  syncEnv: (sf) => ({
    UCRM_SYNC_SALESFORCE_CLIENT_ID: sf.credentials.clientId,
    UCRM_SYNC_SALESFORCE_CLIENT_SECRET: sf.credentials.clientSecret,
    UCRM_SYNC_SALESFORCE_REFRESH_TOKEN: sf.credentials.refreshToken,
    UCRM_SYNC_SALESFORCE_URL: sf.url,
    UCRM_SYNC_SALESFORCE_TIMEOUT_MS: '2000',
  }),
  fields: { ucrmId: 'Ucrm_Id__c', lastName: 'LastName', email: 'Email' },
  invalidEmail: /INVALID_EMAIL_ADDRESS/,
  lastNameMissing: {
    answer: {
      status: 200,
      body: [{ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }] }],
    },
    message: /REQUIRED_FIELD_MISSING.*LastName/,
  },
  serverError: { status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Service unavailable' }] },
});
const { connector, contact, isFailure } = crm;

describe('Salesforce connector, its own', () => {
  it('gives a Contact id, and clears a field the contact no longer has', async () => {
    const sync = connector();
    const ana = contact();
    const [created] = await sync.upsert([{ contact: ana }]);
    assert.match(created.externalId, /^003/);
    await sync.upsert([{ contact: { ...ana, phones: [] }, known: { externalId: created.externalId } }]);
    assert.equal(crm.fake.records.get(created.externalId).Phone, null);
  });

  it('a duplicate rule refusal is the rejection of that record alone', async () => {
    const sf = crm.fake;
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

  it('a limit answer without Retry-After is rate-limited for a minute', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]); // a session first
    crm.fake.limitNext(1);
    await assert.rejects(sync.upsert([{ contact: contact({ emails: [] }) }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.equal(error.retryAfterMs, 60_000);
      return true;
    });
    assert.equal(crm.fake.counts.created, 1);
  });

  it("the org's daily allocation spent is rate-limited", async () => {
    await crm.restartFake({ dailyLimit: 1 });
    const sync = connector();
    await sync.upsert([{ contact: contact({ emails: [] }) }]);
    await assert.rejects(sync.upsert([{ contact: contact({ emails: [] }) }]), (error) => error.kind === 'rate-limited');
    assert.equal(crm.fake.counts.created, 1);
  });

  it('reads its settings from the environment, with a field mapping change', async () => {
    const sf = crm.fake;
    assert.equal(crm.mod.salesforceSettingsFromEnv({}), undefined);
    assert.throws(() => crm.mod.salesforceSettingsFromEnv({ UCRM_SYNC_SALESFORCE_CLIENT_ID: 'x' }), /UCRM_SYNC_SALESFORCE_REFRESH_TOKEN/);
    const settings = crm.mod.salesforceSettingsFromEnv({
      UCRM_SYNC_SALESFORCE_CLIENT_ID: sf.credentials.clientId,
      UCRM_SYNC_SALESFORCE_CLIENT_SECRET: sf.credentials.clientSecret,
      UCRM_SYNC_SALESFORCE_REFRESH_TOKEN: sf.credentials.refreshToken,
      UCRM_SYNC_SALESFORCE_URL: `${sf.url}/`,
      UCRM_SYNC_SALESFORCE_FIELDS: '{"blocked":null,"phone":"MobilePhone"}',
    });
    assert.equal(settings.baseUrl, sf.url);
    const [result] = await crm.mod.createSalesforceConnector(settings).upsert([{ contact: contact({ blocked: true }) }]);
    const record = sf.records.get(result.externalId);
    assert.equal(record.MobilePhone, '+59899123456');
    assert.equal(record.Phone, undefined);
    assert.equal(record.DoNotCall, undefined);
    assert.equal(record.HasOptedOutOfEmail, false);
  });
});
