/**
 * The Zoho CRM connector (issue 22): contacts become Zoho Contacts through
 * the v8 upsert API (100 records a call) with `duplicate_check_fields`
 * `Email`, then our unique `Ucrm_Id` field — Zoho itself matches a contact by
 * email where it has one, else by the id a retried delivery shares with the
 * first, so a retry never creates a second record. Each record's answer code
 * (SUCCESS, DUPLICATE_DATA, MANDATORY_NOT_FOUND, INVALID_DATA …) becomes that
 * item's result or failure.
 *
 * A delete deletes the record; a merge uses Zoho's Merge Records API
 * (`/Contacts/{master}/actions/merge`, up to two duplicates a call).
 */
import process from 'node:process';
import { commonSettingsFromEnv, type CrmCommonSettings } from './config.js';
import type { ConnectorContext, CrmConnector, KnownRecord, PropagationResult, UpsertItem, UpsertResult } from './connector.js';
import { SyncFailure } from './connector.js';
import { chunks, DEFAULT_RATE_WAIT_MS, flagged } from './crm-calls.js';
import { resolveMapping } from './field-mapping.js';
import { ZOHO_DEFAULT_FIELDS, ZOHO_EXTERNAL_ID_FIELD, toZohoContact } from './zoho-fields.js';
import { ZohoSession } from './zoho-session.js';

export interface ZohoSettings extends Partial<CrmCommonSettings> {
  /** The Zoho API console client and a refresh token it issued (scope `ZohoCRM.modules.contacts.ALL`). */
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The data centre's accounts server (default `https://accounts.zoho.com`); `baseUrl` is the API's. */
  accountsUrl?: string;
  /** The custom unique field holding our contact id (default `Ucrm_Id`). */
  externalIdField?: string;
  /** A link to a record in Zoho's UI, `{id}` replaced (e.g. `https://crm.zoho.com/crm/org123/tab/Contacts/{id}`). */
  recordUrl?: string;
}

/** Zoho's insert/update/upsert APIs take at most 100 records. */
export const ZOHO_MAX_BATCH = 100;

/** Per-record codes worth a retry rather than a person's attention. */
const TRANSIENT_RECORD_CODES = new Set(['INTERNAL_ERROR', 'RECORD_LOCKED']);

interface ZohoRecordAnswer {
  code?: string;
  status?: string;
  message?: string;
  action?: 'insert' | 'update';
  duplicate_field?: string | null;
  details?: { id?: string; api_name?: string; job_id?: string; [key: string]: unknown };
}

/**
 * Zoho CRM is on when `UCRM_SYNC_ZOHO_CLIENT_ID`, `_CLIENT_SECRET` and
 * `_REFRESH_TOKEN` are set; `_URL` is the API base (else the `api_domain` of
 * the token answer), `_ACCOUNTS_URL` the accounts server of the data centre,
 * `_RECORD_URL` the link to a record (`{id}` replaced), plus the settings
 * every CRM reads.
 */
export function zohoSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): (ZohoSettings & CrmCommonSettings) | undefined {
  const clientId = env.UCRM_SYNC_ZOHO_CLIENT_ID?.trim();
  const clientSecret = env.UCRM_SYNC_ZOHO_CLIENT_SECRET?.trim();
  const refreshToken = env.UCRM_SYNC_ZOHO_REFRESH_TOKEN?.trim();
  if (!clientId && !clientSecret && !refreshToken) return undefined;
  if (!clientId || !clientSecret || !refreshToken) {
    throw new Error('Zoho CRM sync needs UCRM_SYNC_ZOHO_CLIENT_ID, UCRM_SYNC_ZOHO_CLIENT_SECRET and UCRM_SYNC_ZOHO_REFRESH_TOKEN');
  }
  const accountsUrl = env.UCRM_SYNC_ZOHO_ACCOUNTS_URL?.trim();
  const recordUrl = env.UCRM_SYNC_ZOHO_RECORD_URL?.trim();
  return {
    ...commonSettingsFromEnv('zoho', env),
    clientId,
    clientSecret,
    refreshToken,
    ...(accountsUrl ? { accountsUrl } : {}),
    ...(recordUrl ? { recordUrl } : {}),
  };
}

function recordFailure(answer: ZohoRecordAnswer | undefined): SyncFailure {
  const code = answer?.code ?? 'NO_ANSWER';
  const field = answer?.details?.api_name ? ` (${answer.details.api_name})` : '';
  const message = `Zoho CRM: ${code}: ${answer?.message ?? 'the record was refused'}${field}`;
  if (code === 'TOO_MANY_REQUESTS') return new SyncFailure('rate-limited', message, DEFAULT_RATE_WAIT_MS);
  return new SyncFailure(TRANSIENT_RECORD_CODES.has(code) || code === 'NO_ANSWER' ? 'transient' : 'rejected', message);
}

const recordsOf = (body: unknown): ZohoRecordAnswer[] => {
  const data = (body as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? (data as ZohoRecordAnswer[]) : [];
};

export function createZohoConnector(config: ZohoSettings, context?: ConnectorContext): CrmConnector {
  const externalIdField = config.externalIdField ?? ZOHO_EXTERNAL_ID_FIELD;
  const mapping = resolveMapping(ZOHO_DEFAULT_FIELDS, config.fields).filter(([, field]) => field !== externalIdField);
  const session = new ZohoSession({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: config.refreshToken,
    accountsUrl: (config.accountsUrl ?? 'https://accounts.zoho.com').replace(/\/+$/, ''),
    ...(config.baseUrl ? { apiUrl: config.baseUrl.replace(/\/+$/, '') } : {}),
    timeoutMs: config.timeoutMs ?? 10_000,
    ...(context ? { beforeRequest: () => context.countRequest() } : {}),
  });
  const result = (id: string, created: boolean): UpsertResult => ({
    externalId: id,
    created,
    ...(config.recordUrl ? { url: config.recordUrl.replace('{id}', encodeURIComponent(id)) } : {}),
  });

  async function upsertBatch(items: readonly UpsertItem[]): Promise<Array<UpsertResult | SyncFailure>> {
    const answer = await session.request('POST', '/crm/v8/Contacts/upsert', {
      // A field the contact no longer has is cleared only on a record the sync wrote before.
      data: items.map((item) => toZohoContact(item.contact, mapping, externalIdField, !!item.known)),
      duplicate_check_fields: ['Email', externalIdField],
    });
    const records = recordsOf(answer.body);
    return items.map((_item, i) => {
      const record = records[i];
      if (record?.code === 'SUCCESS' && record.details?.id) return result(record.details.id, record.action === 'insert');
      return recordFailure(record);
    });
  }

  return {
    name: 'zoho',
    label: 'Zoho CRM',
    maxBatch: ZOHO_MAX_BATCH,
    countsRequests: true,

    async upsert(items) {
      const out: Array<UpsertResult | SyncFailure> = [];
      for (const batch of chunks(items, ZOHO_MAX_BATCH)) out.push(...(await upsertBatch(batch)));
      return out;
    },

    async remove(_contactId: string, record: KnownRecord): Promise<PropagationResult> {
      const answer = await session.request('DELETE', `/crm/v8/Contacts?ids=${encodeURIComponent(record.externalId)}`);
      const [first] = recordsOf(answer.body);
      // INVALID_DATA on a delete: "the id given seems to be invalid" — the record is no longer there.
      if (!first || first.code === 'SUCCESS' || first.code === 'INVALID_DATA') return { outcome: 'done' };
      return flagged(recordFailure(first));
    },

    async merge(_survivor, survivorRecord, duplicates): Promise<PropagationResult> {
      const victims = duplicates.map((d) => d.externalId).filter((id) => id !== survivorRecord.externalId);
      // Zoho merges up to three records at once: the master and two more per call.
      for (const pair of chunks(victims, 2)) {
        const answer = await session.request(
          'POST',
          `/crm/v8/Contacts/${encodeURIComponent(survivorRecord.externalId)}/actions/merge`,
          { merge: [{ data: pair.map((id) => ({ id })) }] },
        );
        const [first] = recordsOf(answer.body);
        // SCHEDULED: Zoho merges in the background (its job status is at GET …/actions/merge).
        if (first?.code !== 'SUCCESS' && first?.code !== 'SCHEDULED') {
          const failure = recordFailure(first);
          return flagged(failure, `Zoho CRM could not merge: ${failure.message}`);
        }
      }
      return { outcome: 'done' };
    },
  };
}
