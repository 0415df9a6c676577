/**
 * The Zoho CRM connector (server/sync/zoho.ts) against the fake Zoho
 * (test/server/fakes/zoho-fake.mjs): the connector contract
 * (sync-connector-contract.mjs: one record per contact however often it is
 * delivered, email matches, per-record codes, limits, an expired token, a
 * hanging API, through the server), then what is Zoho's own: DUPLICATE_DATA,
 * 429 with Zoho's headers and its rolling window, a token refused right after
 * its refresh, 100 records a call, a refused merge, and its settings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectorContract } from './sync-connector-contract.mjs';
import { startZohoFake } from './fakes/zoho-fake.mjs';

const RECORD_URL = 'https://crm.zoho.example/crm/org1/tab/Contacts/{id}';
const zohoError = (code, message, details = {}) => ({ code, details, message, status: 'error' });

const crm = connectorContract({
  name: 'Zoho CRM',
  crm: 'zoho',
  module: 'server/sync/zoho.ts',
  create: 'createZohoConnector',
  startFake: startZohoFake,
  settings: (zoho) => ({ ...zoho.credentials, accountsUrl: zoho.url, baseUrl: zoho.url }),
  connectorSettings: () => ({ recordUrl: RECORD_URL }),
  recordUrl: (_zoho, id) => RECORD_URL.replace('{id}', id),
  syncEnv: (zoho) => ({
    UCRM_SYNC_ZOHO_CLIENT_ID: zoho.credentials.clientId,
    UCRM_SYNC_ZOHO_CLIENT_SECRET: zoho.credentials.clientSecret,
    UCRM_SYNC_ZOHO_REFRESH_TOKEN: zoho.credentials.refreshToken,
    UCRM_SYNC_ZOHO_URL: zoho.url,
    UCRM_SYNC_ZOHO_ACCOUNTS_URL: zoho.url,
    UCRM_SYNC_ZOHO_TIMEOUT_MS: '2000',
  }),
  fields: { ucrmId: 'Ucrm_Id', lastName: 'Last_Name', email: 'Email' },
  invalidEmail: /INVALID_DATA.*\(Email\)/,
  lastNameMissing: {
    answer: {
      status: 400,
      body: { data: [zohoError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name', json_path: '$.data[0].Last_Name' })] },
    },
    message: /MANDATORY_NOT_FOUND.*Last_Name/,
  },
  serverError: { status: 500, body: zohoError('INTERNAL_ERROR', 'Internal Server Error') },
});
const { connector, contact, isFailure } = crm;

describe('Zoho CRM connector, its own', () => {
  it('DUPLICATE_DATA (our id already on another record) fails that record alone', async () => {
    const sync = connector();
    const taken = contact();
    await sync.upsert([{ contact: taken }]);
    crm.fake.seed({ Last_Name: 'Other', Email: 'other@example.com' });
    const [fine, clash] = await sync.upsert([
      { contact: contact() },
      // Another record's email, but our id is already on a different one.
      { contact: { ...taken, emails: ['other@example.com'] } },
    ]);
    assert.equal(fine.created, true);
    assert.ok(isFailure(clash));
    assert.match(clash.message, /DUPLICATE_DATA.*\(Ucrm_Id\)/);
  });

  it('429 without Retry-After waits until X-RATELIMIT-RESET', async () => {
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    crm.fake.limitNext(1, { resetInMs: 40_000 });
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.ok(error.retryAfterMs > 30_000 && error.retryAfterMs <= 40_000, String(error.retryAfterMs));
      return true;
    });
    assert.equal(crm.fake.counts.created, 1);
  });

  it('a rolling rate limit spent is rate-limited until the window frees up', async () => {
    await crm.restartFake({ rateLimit: { max: 2, intervalMs: 30_000 } });
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    await sync.upsert([{ contact: contact() }]);
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'rate-limited');
      assert.ok(error.retryAfterMs > 0 && error.retryAfterMs <= 30_000, String(error.retryAfterMs));
      return true;
    });
    assert.equal(crm.fake.counts.created, 2);
  });

  it('a token refused right after its refresh is an auth failure, not a loop; a refused grant says why', async () => {
    const zoho = crm.fake;
    const sync = connector();
    await sync.upsert([{ contact: contact() }]);
    zoho.failNext({ status: 401, body: zohoError('INVALID_TOKEN', 'invalid oauth token') }, 2);
    await assert.rejects(sync.upsert([{ contact: contact() }]), (error) => error.kind === 'auth');
    assert.equal(zoho.counts.token, 2);

    await assert.rejects(connector({ refreshToken: 'revoked' }).upsert([{ contact: contact() }]), (error) => {
      assert.equal(error.kind, 'auth');
      assert.match(error.message, /invalid_code/);
      return true;
    });
  });

  it('sends at most 100 records a call', async () => {
    const results = await connector().upsert(Array.from({ length: 150 }, () => ({ contact: contact() })));
    assert.equal(results.filter((r) => r.created).length, 150);
    assert.equal(crm.fake.counts.api, 2);
  });

  it('a merge Zoho refuses is flagged', async () => {
    const sync = connector();
    const ana = contact();
    const [survivor] = await sync.upsert([{ contact: ana }]);
    const gone = await sync.merge(ana, { externalId: survivor.externalId }, [{ externalId: '5725767000000999999' }]);
    assert.equal(gone.outcome, 'flagged');
    assert.match(gone.reason, /INVALID_DATA/);
  });

  it('reads its settings from the environment, with a field mapping change', async () => {
    const zoho = crm.fake;
    assert.equal(crm.mod.zohoSettingsFromEnv({}), undefined);
    assert.throws(() => crm.mod.zohoSettingsFromEnv({ UCRM_SYNC_ZOHO_CLIENT_SECRET: 'x' }), /UCRM_SYNC_ZOHO_CLIENT_ID/);
    const settings = crm.mod.zohoSettingsFromEnv({
      UCRM_SYNC_ZOHO_CLIENT_ID: zoho.credentials.clientId,
      UCRM_SYNC_ZOHO_CLIENT_SECRET: zoho.credentials.clientSecret,
      UCRM_SYNC_ZOHO_REFRESH_TOKEN: zoho.credentials.refreshToken,
      UCRM_SYNC_ZOHO_URL: zoho.url,
      UCRM_SYNC_ZOHO_ACCOUNTS_URL: zoho.url,
      UCRM_SYNC_ZOHO_FIELDS: '{"phone":"Mobile","unsubscribed":null}',
    });
    const [result] = await crm.mod.createZohoConnector(settings).upsert([{ contact: contact({ unsubscribed: true }) }]);
    const record = zoho.records.get(result.externalId);
    assert.equal(record.Mobile, '+59899123456');
    assert.equal(record.Phone, undefined);
    assert.equal(record.Email_Opt_Out, undefined);
    assert.equal(result.url, undefined);
  });
});
