/**
 * HubSpot (CRM v3 contacts) through `@hubspot/api-client`, with a private
 * app's token. Contacts go in batches of up to 100 to
 * `POST /crm/v3/objects/contacts/batch/upsert`: matched by email
 * (`idProperty: email`) the first time where the contact has one, else — and
 * once we know the record — by `ucrm_id`, a unique property this connector
 * creates on first use and sets on every record it writes. Each input carries
 * the contact id as its `objectWriteTraceId`, so answers (which come in no
 * particular order) and per-record errors find their contact. A retried
 * upsert updates the record it created: never a second one.
 *
 * HubSpot's answers, as its docs describe them: 401/403 auth; 429 with
 * `X-HubSpot-RateLimit-Interval-Milliseconds` (and `policyName: DAILY` when
 * the day's allowance is spent); 400/409 VALIDATION_ERROR/CONFLICT for the
 * whole batch — then each record is sent alone to find which one HubSpot
 * refuses; 207 with `errors` for some records; 5xx.
 */
import { Client } from '@hubspot/api-client';
import type { Contact } from '../../src/core/types.js';
import type { HubSpotSettings } from './config.js';
import { SyncFailure } from './connector.js';
import type { ConnectorContext, CrmConnector, KnownRecord, PropagationResult, UpsertItem, UpsertResult } from './connector.js';
import { mapContact, resolveMapping } from './field-mapping.js';
import type { FieldMapping } from './field-mapping.js';

export const HUBSPOT_MAX_BATCH = 100;
/** The unique property holding our contact id on every record we write. */
export const HUBSPOT_ID_PROPERTY = 'ucrm_id';
/** HubSpot's own contact properties (internal names) for our fields; `UCRM_SYNC_HUBSPOT_FIELDS` changes them. */
export const HUBSPOT_DEFAULT_FIELDS: FieldMapping = {
  firstName: 'firstname',
  lastName: 'lastname',
  email: 'email',
  phone: 'phone',
};

interface HubSpotError {
  code?: number;
  body?: unknown;
  headers?: Record<string, string>;
  message?: string;
}

interface BatchAnswer {
  results?: Array<{ id: string; objectWriteTraceId?: string; properties?: Record<string, string | null>; _new?: boolean; new?: boolean }>;
  errors?: Array<{ message?: string; context?: Record<string, unknown> }>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function messageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  if (typeof body === 'string' && body) {
    try {
      return messageOf(JSON.parse(body), fallback);
    } catch {
      return body.slice(0, 500);
    }
  }
  return fallback;
}

function bodyField(body: unknown, field: string): unknown {
  if (typeof body === 'string') {
    try {
      return bodyField(JSON.parse(body), field);
    } catch {
      return undefined;
    }
  }
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
}

/** How long a 429 asks us to wait: Retry-After, else HubSpot's rolling window, else to the next UTC day for the daily limit. */
export function hubspotRetryAfterMs(headers: Record<string, string> = {}, body?: unknown, now = Date.now()): number {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (bodyField(body, 'policyName') === 'DAILY') return DAY_MS - (now % DAY_MS);
  const retryAfter = Number(lower['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  const interval = Number(lower['x-hubspot-ratelimit-interval-milliseconds']);
  return Number.isFinite(interval) && interval > 0 ? interval : 10_000;
}

/** A thrown client error as the engine's kind of failure. */
export function hubspotFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const e = error as HubSpotError;
  const code = typeof e?.code === 'number' ? e.code : 0;
  const message = messageOf(e?.body, e?.message ?? String(error));
  if (code === 401 || code === 403) return new SyncFailure('auth', `HubSpot refused the token (${code}): ${message}`);
  if (code === 429) return new SyncFailure('rate-limited', `HubSpot rate limit: ${message}`, hubspotRetryAfterMs(e.headers, e.body));
  if (code >= 400 && code < 500) return new SyncFailure('rejected', `HubSpot: ${message}`);
  return new SyncFailure('transient', code ? `HubSpot answered ${code}: ${message}` : `HubSpot unreachable: ${message}`);
}

/** The request, or a transient failure once `ms` have passed (the request is left to finish on its own). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SyncFailure('transient', `HubSpot did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Slot = UpsertResult | SyncFailure;

export class HubSpotConnector implements CrmConnector {
  readonly name = 'hubspot' as const;
  readonly label = 'HubSpot';
  readonly maxBatch = HUBSPOT_MAX_BATCH;
  readonly countsRequests = true;
  private readonly client: Client;
  private readonly mapping: Array<[string, string]>;
  private ready?: Promise<void>;
  private portalId?: string;

  constructor(
    private readonly settings: HubSpotSettings,
    private readonly context: ConnectorContext = { countRequest: async () => undefined },
  ) {
    // No retries inside the client: the queue retries, with backoff and the daily count.
    this.client = new Client({
      accessToken: settings.token,
      numberOfApiCallRetries: 0,
      ...(settings.baseUrl ? { basePath: settings.baseUrl } : {}),
    });
    this.mapping = resolveMapping(HUBSPOT_DEFAULT_FIELDS, settings.fields).filter(([, target]) => target !== HUBSPOT_ID_PROPERTY);
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    await this.context.countRequest();
    try {
      return await within(this.settings.timeoutMs, work());
    } catch (error) {
      throw hubspotFailure(error);
    }
  }

  /** Once per process: the `ucrm_id` property (409 when it exists: fine) and the portal id for record links. */
  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await this.call(() =>
          this.client.crm.properties.coreApi.create('contacts', {
            name: HUBSPOT_ID_PROPERTY,
            label: 'uCRM contact id',
            description: 'The contact id in uCRM; set by the uCRM sync.',
            type: 'string',
            fieldType: 'text',
            groupName: 'contactinformation',
            hasUniqueValue: true,
          } as Parameters<Client['crm']['properties']['coreApi']['create']>[1]),
        );
      } catch (error) {
        if (!(error instanceof SyncFailure && error.kind === 'rejected' && /exist|409|conflict/i.test(error.message))) throw error;
      }
      try {
        const response = await this.call(() => this.client.apiRequest({ method: 'GET', path: '/account-info/v3/details' }));
        if (response.ok) this.portalId = String(((await response.json()) as { portalId?: number | string }).portalId ?? '') || undefined;
      } catch {
        // Links are a convenience: records sync without them.
      }
    })();
    return this.ready.catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
  }

  private urlOf(id: string): string | undefined {
    return this.portalId ? `https://app.hubspot.com/contacts/${this.portalId}/record/0-1/${id}` : undefined;
  }

  async upsert(items: readonly UpsertItem[]): Promise<Slot[]> {
    await this.prepare();
    // Known records (and contacts without email) by our id; the first delivery of one with an email by that email.
    const byEmail = items.filter((item) => !item.known && item.contact.emails.length);
    const byId = items.filter((item) => !byEmail.includes(item));
    const answers = new Map<string, Slot>();
    for (const [group, idProperty] of [
      [byEmail, 'email'],
      [byId, HUBSPOT_ID_PROPERTY],
    ] as const) {
      if (group.length) await this.upsertGroup(group, idProperty, answers);
    }
    return items.map(
      (item) => answers.get(item.contact.id) ?? new SyncFailure('transient', 'HubSpot answered nothing for this contact'),
    );
  }

  private input(item: UpsertItem, idProperty: 'email' | typeof HUBSPOT_ID_PROPERTY) {
    const contact: Contact = item.contact;
    // Fields the contact no longer has are cleared on records we wrote before, never on one first matched by email.
    const properties = { ...mapContact(contact, this.mapping, !!item.known), [HUBSPOT_ID_PROPERTY]: contact.id };
    return {
      idProperty,
      id: idProperty === 'email' ? contact.emails[0] : contact.id,
      objectWriteTraceId: contact.id,
      properties,
    };
  }

  private async upsertGroup(
    group: readonly UpsertItem[],
    idProperty: 'email' | typeof HUBSPOT_ID_PROPERTY,
    answers: Map<string, Slot>,
  ): Promise<void> {
    let answer: BatchAnswer;
    try {
      answer = (await this.call(() =>
        this.client.crm.contacts.batchApi.upsert({ inputs: group.map((item) => this.input(item, idProperty)) }),
      )) as unknown as BatchAnswer;
    } catch (error) {
      if (!(error instanceof SyncFailure) || error.kind !== 'rejected') throw error;
      if (group.length === 1) {
        answers.set(group[0].contact.id, error);
        return;
      }
      // HubSpot refuses the whole batch for one bad record: each alone tells which.
      for (const item of group) await this.upsertGroup([item], idProperty, answers);
      return;
    }
    const ids = new Set(group.map((item) => item.contact.id));
    for (const result of answer.results ?? []) {
      const contactId = result.objectWriteTraceId ?? result.properties?.[HUBSPOT_ID_PROPERTY] ?? undefined;
      if (!contactId || !ids.has(contactId)) continue;
      const url = this.urlOf(result.id);
      answers.set(contactId, { externalId: String(result.id), ...(url ? { url } : {}), created: !!(result._new ?? result.new) });
    }
    for (const error of answer.errors ?? []) {
      const named = Object.values(error.context ?? {}).flat().map(String);
      for (const item of group) {
        if (!answers.has(item.contact.id) && (named.includes(item.contact.id) || named.includes(item.contact.emails[0] ?? '\u0000'))) {
          answers.set(item.contact.id, new SyncFailure('rejected', `HubSpot: ${error.message ?? 'refused'}`));
        }
      }
    }
  }

  /** Archived in HubSpot (restorable there for 90 days); one already gone counts as done. */
  async remove(_contactId: string, known: KnownRecord): Promise<PropagationResult> {
    try {
      await this.call(() => this.client.crm.contacts.basicApi.archive(known.externalId));
    } catch (error) {
      if (!(error instanceof SyncFailure && error.kind === 'rejected' && /404|not found/i.test(error.message))) throw error;
    }
    return { outcome: 'done' };
  }

  /** HubSpot merges two records at a time; one it refuses (e.g. already merged elsewhere) is left for a person. */
  async merge(_survivor: Contact, survivorRecord: KnownRecord, duplicates: KnownRecord[]): Promise<PropagationResult> {
    const refused: string[] = [];
    for (const duplicate of duplicates) {
      if (duplicate.externalId === survivorRecord.externalId) continue;
      const response = await this.call(() =>
        this.client.apiRequest({
          method: 'POST',
          path: '/crm/v3/objects/contacts/merge',
          body: { primaryObjectId: survivorRecord.externalId, objectIdToMerge: duplicate.externalId },
        }),
      );
      if (response.ok) continue;
      const failure = hubspotFailure({ code: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) });
      if (failure.kind !== 'rejected') throw failure;
      refused.push(`${duplicate.externalId}: ${failure.message}`);
    }
    return refused.length
      ? { outcome: 'flagged', reason: `HubSpot did not merge ${refused.join('; ')} into ${survivorRecord.externalId}` }
      : { outcome: 'done' };
  }
}

export function createHubSpotConnector(settings: HubSpotSettings, context?: ConnectorContext): CrmConnector {
  return new HubSpotConnector(settings, context);
}
