/**
 * The Salesforce connector (issue 22): contacts become Salesforce Contact
 * records through the REST API's sObject Collections (200 records a call).
 *
 * Matching, per batch:
 *  1. a contact whose record id we stored is updated by that id (if the record
 *     was deleted in Salesforce meanwhile, it goes on to the next steps);
 *  2. a contact with an email is matched to an existing Contact with that
 *     email (one SOQL query per 50 emails) and that record is updated — it
 *     also gets our external id, so later deliveries find it by either;
 *  3. the rest are upserted by the external-id field `Ucrm_Id__c`: a retried
 *     delivery updates the record the first one created, never a second one.
 *
 * A delete deletes the record (to the recycle bin); a merge uses the SOAP
 * `merge()` call through jsforce, up to two duplicates per call (Salesforce
 * merges at most three records at once).
 */
import process from 'node:process';
import { commonSettingsFromEnv, type CrmCommonSettings } from './config.js';
import type {
  ConnectorContext,
  CrmConnector,
  KnownRecord,
  PropagationResult,
  UpsertItem,
  UpsertResult,
} from './connector.js';
import { SyncFailure } from './connector.js';
import { chunks, DEFAULT_RATE_WAIT_MS, flagged } from './crm-calls.js';
import { resolveMapping } from './field-mapping.js';
import {
  SALESFORCE_DEFAULT_FIELDS,
  SALESFORCE_EXTERNAL_ID_FIELD,
  toSalesforceContact,
  type SalesforceContactFields,
} from './salesforce-fields.js';
import { SalesforceSession } from './salesforce-session.js';

export interface SalesforceSettings extends Partial<CrmCommonSettings> {
  /** The connected app's consumer key and secret, and a refresh token it issued (scopes `api refresh_token`). */
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** REST API version (default 62.0; sObject Collections upsert needs 46.0 or later). */
  apiVersion?: string;
  /** The custom External ID field holding our contact id (default `Ucrm_Id__c`). */
  externalIdField?: string;
}

/** sObject Collections carry at most 200 records. */
export const SALESFORCE_MAX_BATCH = 200;
const EMAILS_PER_QUERY = 50;

/** Per-record error codes that are worth a retry rather than a person's attention. */
const TRANSIENT_RECORD_ERRORS = new Set(['UNABLE_TO_LOCK_ROW', 'REQUEST_RUNNING_TOO_LONG', 'SERVER_UNAVAILABLE']);
/** Per-record answers meaning the record we knew is no longer there. */
const GONE_RECORD_ERRORS = new Set(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY', 'NOT_FOUND', 'INVALID_ID_FIELD']);

interface RecordError {
  statusCode?: string;
  message?: string;
  fields?: string[];
}
interface SaveResult {
  id?: string | null;
  success: boolean;
  errors?: RecordError[];
  created?: boolean;
}
interface QueryResult {
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<{ Id: string; Email?: string | null } & Record<string, unknown>>;
}

/**
 * Salesforce is on when `UCRM_SYNC_SALESFORCE_CLIENT_ID`, `_CLIENT_SECRET` and
 * `_REFRESH_TOKEN` are set; `_URL` is the login URL (a My Domain, a sandbox's
 * `https://test.salesforce.com`, a fake), plus the settings every CRM reads.
 */
export function salesforceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): (SalesforceSettings & CrmCommonSettings) | undefined {
  const clientId = env.UCRM_SYNC_SALESFORCE_CLIENT_ID?.trim();
  const clientSecret = env.UCRM_SYNC_SALESFORCE_CLIENT_SECRET?.trim();
  const refreshToken = env.UCRM_SYNC_SALESFORCE_REFRESH_TOKEN?.trim();
  if (!clientId && !clientSecret && !refreshToken) return undefined;
  if (!clientId || !clientSecret || !refreshToken) {
    throw new Error('Salesforce sync needs UCRM_SYNC_SALESFORCE_CLIENT_ID, UCRM_SYNC_SALESFORCE_CLIENT_SECRET and UCRM_SYNC_SALESFORCE_REFRESH_TOKEN');
  }
  return { ...commonSettingsFromEnv('salesforce', env), clientId, clientSecret, refreshToken };
}

const soqlString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function recordFailure(result: SaveResult): SyncFailure {
  const error = result.errors?.[0];
  const code = error?.statusCode ?? 'UNKNOWN_ERROR';
  const fields = error?.fields?.length ? ` (${error.fields.join(', ')})` : '';
  const message = `Salesforce: ${code}: ${error?.message ?? 'the record was refused'}${fields}`;
  if (code === 'REQUEST_LIMIT_EXCEEDED') return new SyncFailure('rate-limited', message, DEFAULT_RATE_WAIT_MS);
  return new SyncFailure(TRANSIENT_RECORD_ERRORS.has(code) ? 'transient' : 'rejected', message);
}

const isGone = (result: SaveResult) => GONE_RECORD_ERRORS.has(result.errors?.[0]?.statusCode ?? '');

export function createSalesforceConnector(settings: SalesforceSettings, context?: ConnectorContext): CrmConnector {
  const externalIdField = settings.externalIdField ?? SALESFORCE_EXTERNAL_ID_FIELD;
  const mapping = resolveMapping(SALESFORCE_DEFAULT_FIELDS, settings.fields).filter(([, field]) => field !== externalIdField);
  const session = new SalesforceSession({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    refreshToken: settings.refreshToken,
    loginUrl: (settings.baseUrl ?? 'https://login.salesforce.com').replace(/\/+$/, ''),
    apiVersion: settings.apiVersion ?? '62.0',
    timeoutMs: settings.timeoutMs ?? 10_000,
    ...(context ? { beforeRequest: () => context.countRequest() } : {}),
  });
  const recordUrl = (id: string) => `${session.instanceUrl}/lightning/r/Contact/${id}/view`;
  const done = (id: string, created: boolean): UpsertResult => ({ externalId: id, url: recordUrl(id), created });

  async function updateById(records: SalesforceContactFields[]): Promise<SaveResult[]> {
    const out: SaveResult[] = [];
    for (const part of chunks(records, SALESFORCE_MAX_BATCH)) {
      out.push(
        ...(await session.request<SaveResult[]>('PATCH', '/composite/sobjects', {
          allOrNone: false,
          records: part.map((record) => ({ attributes: { type: 'Contact' }, ...record })),
        })),
      );
    }
    return out;
  }

  async function upsertByExternalId(records: SalesforceContactFields[]): Promise<SaveResult[]> {
    const out: SaveResult[] = [];
    for (const part of chunks(records, SALESFORCE_MAX_BATCH)) {
      out.push(
        ...(await session.request<SaveResult[]>('PATCH', `/composite/sobjects/Contact/${externalIdField}`, {
          allOrNone: false,
          records: part.map((record) => ({ attributes: { type: 'Contact' }, ...record })),
        })),
      );
    }
    return out;
  }

  /** Existing Contacts by lower-cased email; oldest first, so the match is stable across deliveries. */
  async function findByEmail(emails: string[]): Promise<Map<string, Array<{ id: string; ucrmId: unknown }>>> {
    const found = new Map<string, Array<{ id: string; ucrmId: unknown }>>();
    const unique = [...new Set(emails.map((email) => email.toLowerCase()))];
    for (const part of chunks(unique, EMAILS_PER_QUERY)) {
      const soql =
        `SELECT Id, Email, ${externalIdField} FROM Contact WHERE Email IN (${part.map(soqlString).join(', ')}) ` +
        'ORDER BY CreatedDate ASC';
      let page = await session.request<QueryResult>('GET', `/query?q=${encodeURIComponent(soql)}`);
      for (;;) {
        for (const record of page.records) {
          const key = (record.Email ?? '').toLowerCase();
          const list = found.get(key) ?? [];
          list.push({ id: record.Id, ucrmId: record[externalIdField] });
          found.set(key, list);
        }
        if (page.done || !page.nextRecordsUrl) break;
        const next = page.nextRecordsUrl.replace(/^\/services\/data\/v[\d.]+/, '');
        page = await session.request<QueryResult>('GET', next);
      }
    }
    return found;
  }

  return {
    name: 'salesforce',
    label: 'Salesforce',
    maxBatch: SALESFORCE_MAX_BATCH,
    countsRequests: true,

    async upsert(items: readonly UpsertItem[]) {
      const results: Array<UpsertResult | SyncFailure | undefined> = items.map(() => undefined);
      // A field the contact no longer has is cleared only on a record the sync wrote before.
      const records = items.map((item) => toSalesforceContact(item.contact, mapping, externalIdField, !!item.known));

      // 1. Records we know: update by id.
      const known = items.flatMap((item, i) => (item.known ? [i] : []));
      const open = new Set(items.flatMap((item, i) => (item.known ? [] : [i])));
      if (known.length) {
        const answers = await updateById(known.map((i) => ({ id: items[i]!.known!.externalId, ...records[i]! })));
        answers.forEach((answer, k) => {
          const i = known[k]!;
          if (answer.success) results[i] = done(answer.id ?? items[i]!.known!.externalId, false);
          else if (isGone(answer)) open.add(i);
          else results[i] = recordFailure(answer);
        });
      }

      // 2. By email: update the Contact that already has it.
      const emailOf = (i: number) => items[i]!.contact.emails[0];
      const withEmail = [...open].filter((i) => emailOf(i));
      if (withEmail.length) {
        const existing = await findByEmail(withEmail.map((i) => emailOf(i)!));
        const matched: Array<{ i: number; id: string }> = [];
        for (const i of withEmail) {
          const candidates = existing.get(emailOf(i)!.toLowerCase());
          if (!candidates?.length) continue;
          const mine = candidates.find((candidate) => candidate.ucrmId === items[i]!.contact.id) ?? candidates[0]!;
          matched.push({ i, id: mine.id });
          open.delete(i);
        }
        if (matched.length) {
          const answers = await updateById(matched.map(({ i, id }) => ({ id, ...records[i]! })));
          answers.forEach((answer, k) => {
            const { i, id } = matched[k]!;
            results[i] = answer.success ? done(answer.id ?? id, false) : recordFailure(answer);
          });
        }
      }

      // 3. The rest: upsert by our external id (created once, updated after).
      const rest = [...open].sort((a, b) => a - b);
      if (rest.length) {
        const answers = await upsertByExternalId(rest.map((i) => records[i]!));
        answers.forEach((answer, k) => {
          const i = rest[k]!;
          results[i] = answer.success && answer.id ? done(answer.id, answer.created === true) : recordFailure(answer);
        });
      }

      return results.map(
        (result) => result ?? new SyncFailure('transient', 'Salesforce did not answer for this record'),
      );
    },

    async remove(_contactId: string, record: KnownRecord): Promise<PropagationResult> {
      const answers = await session.request<SaveResult[]>(
        'DELETE',
        `/composite/sobjects?ids=${encodeURIComponent(record.externalId)}&allOrNone=false`,
      );
      const answer = answers[0];
      if (!answer || answer.success || isGone(answer)) return { outcome: 'done' };
      return flagged(recordFailure(answer));
    },

    async merge(_survivor, survivorRecord, duplicates): Promise<PropagationResult> {
      const victims = duplicates.map((duplicate) => duplicate.externalId).filter((id) => id !== survivorRecord.externalId);
      // Salesforce merges up to three records at once: the survivor and two more per call.
      for (const pair of chunks(victims, 2)) {
        const answer = await session.run((conn) =>
          conn.soap.merge({
            masterRecord: { type: 'Contact', Id: survivorRecord.externalId },
            recordToMergeIds: pair,
          } as Parameters<typeof conn.soap.merge>[0]),
        );
        const result = Array.isArray(answer) ? answer[0] : answer;
        if (!result?.success) {
          const errors = (result?.errors ?? []) as RecordError[];
          const code = errors[0]?.statusCode ?? 'UNKNOWN_ERROR';
          if (GONE_RECORD_ERRORS.has(code)) continue;
          return { outcome: 'flagged', reason: `Salesforce could not merge: ${code}: ${errors[0]?.message ?? ''}`.trim() };
        }
      }
      return { outcome: 'done' };
    },
  };
}
