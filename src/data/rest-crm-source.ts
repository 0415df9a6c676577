/**
 * The REST source's implementation (the public `createRestSource` is in
 * rest-source.ts and loads this module on the first call): the `CrmSource`
 * that talks to a CRM over HTTP, per the
 * contract in docs/rest-api.md (docs/openapi.yaml). One ky instance carries
 * what every call needs: the bearer token and Accept-Language hooks, the
 * timeout, and retries with backoff on 408/429/5xx honouring Retry-After.
 * Non-idempotent calls (POST) are retried only when they carry an
 * Idempotency-Key, so a retry can never create a second contact.
 */
import ky, { HTTPError } from 'ky';
import type { KyInstance, Options as KyOptions, RetryOptions } from 'ky';
import type { BulkPatch } from '../core/contacts/index.js';
import { CrmError, throwIfAborted } from '../core/errors.js';
import type { ImportPlan } from '../core/import/index.js';
import type { ContactFilter } from '../core/filters/index.js';
import type { MergePlan, PotentialDuplicate } from '../core/merge/index.js';
import { randomId } from '../core/util/index.js';
import type { Campaign, Contact, ContactDraft, ContactPatch, CustomSection, Identity, InteractionContext } from '../core/types.js';
import { loadTranslations, resolveLocale, translate } from '../i18n/localize.js';
import { restStrings } from '../i18n/strings/rest.js';
import type { RestOperation, RestStrings } from '../i18n/strings/rest.js';
import { toRestError } from './rest-errors.js';
import type { RestSourceOptions } from './rest-source.js';
import type {
  CallOptions,
  CompleteSource,
  ContactQueryOptions,
  ContactSyncSource,
  ContactSyncStatus,
  CreateOptions,
  IdentityLookup,
  IdentityLookupSource,
  ImportWriteOptions,
  ImportWriteResult,
  Resolution,
  ResolveOptions,
  SearchOptions,
  SearchResult,
  StoredView,
} from './source.js';

/** Safe to repeat: a retry cannot do the work twice. POST joins them only with an Idempotency-Key. */
const IDEMPOTENT_METHODS = ['get', 'put', 'head', 'delete', 'options', 'trace'];
const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
/** How many contact ETags to remember; old ones are forgotten first. */
const ETAG_CAPACITY = 2000;
/** Ids or patches per request: the server refuses more (MAX_BATCH), and bodies stay under its size limit. */
const BATCH = 1000;
/** Rows per import request: each is one transaction and one progress step. */
const IMPORT_BATCH = 500;
/** The largest page the server answers for a filter query. */
const QUERY_PAGE = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Items<T> {
  items: T[];
}

/** Retry-After in ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

function retryOptions(retry: RestSourceOptions['retry']): RetryOptions {
  const options = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const maxRetryAfter = options.maxRetryAfter ?? 10_000;
  return {
    limit: options.limit ?? 2,
    methods: IDEMPOTENT_METHODS,
    statusCodes: RETRY_STATUS,
    afterStatusCodes: [429, 503],
    maxRetryAfter,
    // ky would wait maxRetryAfter and try anyway; a server asking for longer is down for now: say so at once.
    shouldRetry: ({ error }) => {
      if (error instanceof CrmError) return false;
      const wait = error instanceof HTTPError ? retryAfterMs(error.response.headers.get('retry-after')) : undefined;
      return wait !== undefined && wait > maxRetryAfter ? false : undefined;
    },
    backoffLimit: options.backoffLimit ?? 5_000,
    // Spreads the retries of many agents' widgets after one outage.
    jitter: (delay) => delay * (0.5 + Math.random() / 2),
  };
}

function isContact(value: unknown): value is Contact {
  const contact = value as Contact | null;
  return !!contact && typeof contact === 'object' && typeof contact.id === 'string' && Array.isArray(contact.identities);
}


/** The ETag of a contact the server sent in a list: its `updatedAt`, quoted (docs/rest-api.md, "Versions"). */
function etagOf(contact: Contact): string {
  return JSON.stringify(contact.updatedAt);
}

class RestSource implements CompleteSource, ContactSyncSource, IdentityLookupSource {
  private readonly api: KyInstance;
  private readonly retry: RetryOptions;
  private readonly etags = new Map<string, string>();

  constructor(private readonly options: RestSourceOptions) {
    this.retry = retryOptions(options.retry);
    const { token, locale } = options;
    this.api = ky.create({
      prefixUrl: options.baseUrl,
      timeout: options.timeout ?? 10_000,
      retry: this.retry,
      headers: { accept: 'application/json' },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      hooks: {
        beforeRequest: [
          async (request) => {
            let value = '';
            try {
              value = token ? await token() : '';
            } catch (error) {
              await this.loadStrings();
              // The hook's own reason (e.g. a token-source naming no function) is the developer's clue.
              const reason = error instanceof Error && error.message ? ` ${error.message}` : '';
              throw new CrmError('unauthorized', `${this.strings().noToken}${reason}`, { cause: error });
            }
            if (value) request.headers.set('authorization', `Bearer ${value}`);
            const language = locale?.();
            if (language) request.headers.set('accept-language', language);
          },
        ],
        // A token that expired between two calls: ask the provider again, once. A 401 was not
        // processed, so this is safe for any method.
        afterResponse: [
          (_request, _options, response, { retryCount }) =>
            token && response.status === 401 && retryCount === 0 ? ky.retry({ delay: 0 }) : undefined,
        ],
      },
    });
  }

  /** One call: the response body parsed as JSON (undefined for 404 when `allowMissing`), or a CrmError. */
  private async call<T>(
    operation: RestOperation,
    path: string,
    init: KyOptions & { allowMissing?: boolean },
  ): Promise<{ body: T; response: Response } | undefined> {
    const { allowMissing, ...request } = init;
    // The messages this call may need, fetched alongside it (Spanish and Portuguese are their own chunks).
    const stringsLoad = this.loadStrings();
    try {
      const response = await this.api(path, {
        ...request,
        throwHttpErrors: (status) => !(allowMissing && status === 404),
      });
      await stringsLoad;
      if (allowMissing && response.status === 404) return undefined;
      const text = await response.text();
      // JSON.parse's SyntaxError is reported as "not valid JSON".
      const body = JSON.parse(text) as T;
      return { body, response };
    } catch (error) {
      await stringsLoad;
      const strings = this.strings();
      throw await toRestError(error, strings[operation], strings, init.signal ?? undefined);
    }
  }

  private remember(contact: Contact, response?: Response): Contact {
    const etag = response?.headers.get('etag') ?? etagOf(contact);
    this.etags.delete(contact.id);
    this.etags.set(contact.id, etag);
    if (this.etags.size > ETAG_CAPACITY) this.etags.delete(this.etags.keys().next().value as string);
    return contact;
  }

  /** This call's messages, in the UI's language at the time of the call. */
  private strings(): RestStrings {
    return translate(restStrings, resolveLocale(this.options.locale?.()));
  }

  /** Settles once `strings()` can answer in the UI's language (at once in English). */
  private async loadStrings(): Promise<void> {
    await loadTranslations([restStrings], resolveLocale(this.options.locale?.()));
  }

  private unexpected(operation: RestOperation): CrmError {
    const strings = this.strings();
    return new CrmError('unavailable', strings.unexpectedShape(strings[operation]));
  }

  private contactFrom(operation: RestOperation, result: { body: unknown; response: Response } | undefined): Contact {
    if (!result || !isContact(result.body)) throw this.unexpected(operation);
    return this.remember(result.body, result.response);
  }

  private contactsFrom(operation: RestOperation, body: unknown): Contact[] {
    const items = (body as Items<unknown> | null)?.items;
    if (!Array.isArray(items) || !items.every(isContact)) throw this.unexpected(operation);
    return items.map((contact) => this.remember(contact));
  }

  private region(override?: string): Record<string, string> {
    const region = override ?? this.options.defaultRegion;
    return region ? { defaultRegion: region } : {};
  }

  async getContact(id: string, options: CallOptions = {}): Promise<Contact | undefined> {
    const result = await this.call<unknown>('getContact', `contacts/${encodeURIComponent(id)}`, {
      signal: options.signal,
      allowMissing: true,
    });
    return result ? this.contactFrom('getContact', result) : undefined;
  }

  async findByIdentity(identity: Identity, options: CallOptions = {}): Promise<Contact[]> {
    const result = await this.call<unknown>('findByIdentity', 'contacts/by-identity', {
      searchParams: { kind: identity.kind, value: identity.value },
      signal: options.signal,
    });
    return this.contactsFrom('findByIdentity', result?.body);
  }

  /** `POST /contacts/lookup`: the batch form of `findByIdentity` (at most 1,000 identities a request). A read: retried like one. */
  async findByIdentities(identities: readonly Identity[], options: CallOptions = {}): Promise<IdentityLookup> {
    const result = await this.call<Partial<IdentityLookup>>('findByIdentity', 'contacts/lookup', {
      method: 'post',
      json: { identities },
      signal: options.signal,
      ...this.readRetry(),
    });
    const contacts = this.contactsFrom('findByIdentity', { items: result?.body.contacts });
    const matches = result?.body.matches;
    const known = new Set(contacts.map((contact) => contact.id));
    const valid =
      Array.isArray(matches) &&
      matches.every(
        (m) =>
          Number.isInteger(m?.index) &&
          m.index >= 0 &&
          m.index < identities.length &&
          Array.isArray(m.contactIds) &&
          m.contactIds.every((id) => known.has(id)),
      );
    if (!valid) throw this.unexpected('findByIdentity');
    return { matches, contacts };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const result = await this.call<Partial<SearchResult>>('search', 'contacts', {
      searchParams: { q: query, limit: options.limit, offset: options.offset },
      signal: options.signal,
    });
    const items = this.contactsFrom('search', result?.body);
    const total = result?.body.total;
    if (typeof total !== 'number') throw this.unexpected('search');
    return { items, total };
  }

  async createContact(draft: ContactDraft, options: CreateOptions = {}): Promise<Contact> {
    const key = options.idempotencyKey;
    const result = await this.call<unknown>('createContact', 'contacts', {
      method: 'post',
      json: draft,
      searchParams: this.region(),
      signal: options.signal,
      ...(key
        ? { headers: { 'idempotency-key': key }, retry: { ...this.retry, methods: [...IDEMPOTENT_METHODS, 'post'] } }
        : {}),
    });
    return this.contactFrom('createContact', result);
  }

  async updateContact(id: string, patch: ContactPatch, options: CallOptions = {}): Promise<Contact> {
    // The version this client last saw; a stale one makes the server answer 409 (conflict).
    const etag = this.etags.get(id);
    const result = await this.call<unknown>('updateContact', `contacts/${encodeURIComponent(id)}`, {
      method: 'patch',
      json: patch,
      searchParams: this.region(),
      signal: options.signal,
      // PATCH is not retried: a repeat after a lost response would meet its own new ETag as a conflict.
      ...(etag ? { headers: { 'if-match': etag } } : {}),
    });
    return this.contactFrom('updateContact', result);
  }

  private identityPath(contactId: string, identity: Identity): string {
    return `contacts/${encodeURIComponent(contactId)}/identities/${encodeURIComponent(identity.kind)}/${encodeURIComponent(identity.value)}`;
  }

  async addIdentity(contactId: string, identity: Identity, options: CallOptions = {}): Promise<Contact> {
    const result = await this.call<unknown>('addIdentity', this.identityPath(contactId, identity), {
      method: 'put',
      searchParams: this.region(),
      signal: options.signal,
    });
    return this.contactFrom('addIdentity', result);
  }

  async removeIdentity(contactId: string, identity: Identity, options: CallOptions = {}): Promise<Contact> {
    const result = await this.call<unknown>('removeIdentity', this.identityPath(contactId, identity), {
      method: 'delete',
      searchParams: this.region(),
      signal: options.signal,
    });
    return this.contactFrom('removeIdentity', result);
  }

  async listSections(options: CallOptions = {}): Promise<CustomSection[]> {
    const result = await this.call<Items<CustomSection>>('listSections', 'sections', { signal: options.signal });
    if (!Array.isArray(result?.body.items)) throw this.unexpected('listSections');
    return result.body.items;
  }

  async listCampaigns(options: CallOptions = {}): Promise<Campaign[]> {
    const result = await this.call<Items<Campaign>>('listCampaigns', 'campaigns', { signal: options.signal });
    if (!Array.isArray(result?.body.items)) throw this.unexpected('listCampaigns');
    return result.body.items;
  }

  async resolve(context: InteractionContext, options: ResolveOptions = {}): Promise<Resolution> {
    const operation = 'resolve';
    const result = await this.call<Resolution>(operation, 'interactions/resolve', {
      searchParams: {
        contactId: context.contactId || undefined,
        clientId: context.clientId || undefined,
        channel: context.channel,
        campaign: context.campaign || undefined,
        ...this.region(options.defaultRegion),
      },
      signal: options.signal,
    });
    const resolution = result?.body;
    if (!resolution || typeof resolution.state !== 'string' || !Array.isArray(resolution.sections)) throw this.unexpected(operation);
    if (resolution.contact) this.remember(resolution.contact);
    for (const candidate of resolution.candidates ?? []) this.remember(candidate.contact);
    return resolution;
  }

  // ---- contact management (ContactAdminSource) -----------------------------

  /** A POST that only reads (its input does not fit a URL): as safe to retry as a GET. */
  private readRetry(): KyOptions {
    return { retry: { ...this.retry, methods: [...IDEMPOTENT_METHODS, 'post'] } };
  }

  /** Without a limit, every match (as the embedded source answers), fetched a server page at a time. */
  async queryContacts(filter: ContactFilter, options: ContactQueryOptions = {}): Promise<SearchResult> {
    const { query, limit, signal } = options;
    const offset = Math.max(0, options.offset ?? 0);
    const items: Contact[] = [];
    for (;;) {
      const want = limit === undefined ? QUERY_PAGE : Math.min(QUERY_PAGE, Math.max(0, limit) - items.length);
      const result = await this.call<Partial<SearchResult>>('queryContacts', 'contacts/query', {
        method: 'post',
        json: { filter, query, limit: want, offset: offset + items.length },
        signal,
        ...this.readRetry(),
      });
      const page = this.contactsFrom('queryContacts', result?.body);
      const total = result?.body.total;
      if (typeof total !== 'number') throw this.unexpected('queryContacts');
      items.push(...page);
      const done = page.length < want || offset + items.length >= total || (limit !== undefined && items.length >= limit);
      if (done) return { items, total };
    }
  }

  async queryContactIds(filter: ContactFilter, options: Omit<ContactQueryOptions, 'limit' | 'offset'> = {}): Promise<string[]> {
    const result = await this.call<{ ids?: unknown }>('queryContacts', 'contacts/query/ids', {
      method: 'post',
      json: { filter, query: options.query },
      signal: options.signal,
      ...this.readRetry(),
    });
    const ids = result?.body.ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw this.unexpected('queryContacts');
    return ids as string[];
  }

  async getContacts(ids: readonly string[], options: CallOptions = {}): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const batch of chunks(ids, BATCH)) {
      const result = await this.call<unknown>('getContacts', 'contacts/batch-get', {
        method: 'post',
        json: { ids: batch },
        signal: options.signal,
        ...this.readRetry(),
      });
      out.push(...this.contactsFrom('getContacts', result?.body));
    }
    return out;
  }

  /** Not retried: a repeat after a lost answer would count 0. Each batch is one transaction. */
  async deleteContacts(ids: readonly string[], options: CallOptions = {}): Promise<number> {
    let deleted = 0;
    for (const batch of chunks([...new Set(ids)], BATCH)) {
      const result = await this.call<{ deleted?: unknown }>('deleteContacts', 'contacts/delete', {
        method: 'post',
        json: { ids: batch },
        signal: options.signal,
      });
      const count = result?.body.deleted;
      if (typeof count !== 'number') throw this.unexpected('deleteContacts');
      batch.forEach((id) => this.etags.delete(id));
      deleted += count;
    }
    return deleted;
  }

  /** One transaction on the server; not retried (a repeat would find the others gone: 404). */
  async mergeContacts(plan: Pick<MergePlan, 'result' | 'removedIds'>, options: CallOptions = {}): Promise<Contact> {
    const result = await this.call<unknown>('mergeContacts', 'contacts/merge', {
      method: 'post',
      json: { result: plan.result, removedIds: plan.removedIds },
      signal: options.signal,
    });
    plan.removedIds.forEach((id) => this.etags.delete(id));
    return this.contactFrom('mergeContacts', result);
  }

  async bulkUpdate(patches: readonly BulkPatch[], options: CallOptions = {}): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const batch of chunks(patches, BATCH)) {
      const result = await this.call<unknown>('bulkUpdate', 'contacts', {
        method: 'patch',
        json: { patches: batch },
        signal: options.signal,
      });
      out.push(...this.contactsFrom('bulkUpdate', result?.body));
    }
    return out;
  }

  /**
   * Sends the import in batches, each one transaction with its own
   * Idempotency-Key, so a batch is retried safely and never written twice.
   * An abort stops between batches: what was written stays written.
   */
  async importContacts(plan: Pick<ImportPlan, 'creates' | 'updates'>, options: ImportWriteOptions = {}): Promise<ImportWriteResult> {
    const { signal, onProgress } = options;
    const rows = [
      ...plan.creates.map(({ draft }) => ({ draft })),
      ...plan.updates.map(({ id, patch }) => ({ id, patch })),
    ];
    const runId = randomId();
    const out: ImportWriteResult = { created: [], updated: [] };
    const batches = chunks(rows, IMPORT_BATCH);
    for (const [index, batch] of batches.entries()) {
      throwIfAborted(signal);
      const json = {
        creates: batch.filter((row): row is { draft: ContactDraft } => 'draft' in row),
        updates: batch.filter((row): row is { id: string; patch: ContactPatch } => 'id' in row),
      };
      const result = await this.call<Partial<ImportWriteResult>>('importContacts', 'contacts/import', {
        method: 'post',
        json,
        signal,
        headers: { 'idempotency-key': `${runId}-${index}` },
        retry: { ...this.retry, methods: [...IDEMPOTENT_METHODS, 'post'] },
      });
      out.created.push(...this.contactsFrom('importContacts', { items: result?.body.created }));
      out.updated.push(...this.contactsFrom('importContacts', { items: result?.body.updated }));
      onProgress?.(Math.min((index + 1) * IMPORT_BATCH, rows.length), rows.length);
    }
    return out;
  }

  async listViews(options: CallOptions & { owner?: string } = {}): Promise<StoredView[]> {
    const result = await this.call<Items<StoredView>>('listViews', 'views', {
      searchParams: options.owner ? { owner: options.owner } : {},
      signal: options.signal,
    });
    if (!Array.isArray(result?.body.items)) throw this.unexpected('listViews');
    return result.body.items;
  }

  /** A new view is a POST (not retried); replacing one is a PUT (idempotent). */
  async saveView(view: Omit<StoredView, 'id'> & { id?: string }, options: CallOptions = {}): Promise<StoredView> {
    const { id, ...body } = view;
    const result = await this.call<StoredView>('saveView', id ? `views/${encodeURIComponent(id)}` : 'views', {
      method: id ? 'put' : 'post',
      json: body,
      signal: options.signal,
    });
    if (!result || typeof result.body?.id !== 'string') throw this.unexpected('saveView');
    return result.body;
  }

  async deleteView(id: string, options: CallOptions = {}): Promise<void> {
    try {
      await this.api(`views/${encodeURIComponent(id)}`, { method: 'delete', signal: options.signal });
    } catch (error) {
      await this.loadStrings();
      const strings = this.strings();
      throw await toRestError(error, strings.deleteView, strings, options.signal);
    }
  }

  async listTags(options: CallOptions = {}): Promise<string[]> {
    const result = await this.call<Items<string>>('listTags', 'tags', { signal: options.signal });
    if (!Array.isArray(result?.body.items)) throw this.unexpected('listTags');
    return result.body.items;
  }

  /** Not retried: a repeat after a lost answer would add the note twice. */
  async addNote(contactId: string, text: string, author?: string, options: CallOptions = {}): Promise<Contact> {
    const result = await this.call<unknown>('addNote', `contacts/${encodeURIComponent(contactId)}/notes`, {
      method: 'post',
      json: { text, ...(author ? { author } : {}) },
      signal: options.signal,
    });
    return this.contactFrom('addNote', result);
  }

  /** A PATCH of the contact, with its If-Match: a concurrent edit is a conflict, as for any save. */
  setBlocked(contactId: string, blocked: boolean, options?: CallOptions): Promise<Contact> {
    return this.updateContact(contactId, { blocked }, options);
  }

  setUnsubscribed(contactId: string, unsubscribed: boolean, options?: CallOptions): Promise<Contact> {
    return this.updateContact(contactId, { unsubscribed }, options);
  }

  async findDuplicates(contactId: string, options: CallOptions = {}): Promise<PotentialDuplicate[]> {
    const result = await this.call<Items<PotentialDuplicate>>('findDuplicates', `contacts/${encodeURIComponent(contactId)}/duplicates`, {
      signal: options.signal,
    });
    const items = result?.body.items;
    if (!Array.isArray(items) || !items.every((item) => isContact(item?.contact))) throw this.unexpected('findDuplicates');
    items.forEach((item) => this.remember(item.contact));
    return items;
  }

  async syncStatus(contactId: string, options: CallOptions = {}): Promise<ContactSyncStatus[]> {
    const result = await this.call<Items<ContactSyncStatus>>('syncStatus', `contacts/${encodeURIComponent(contactId)}/sync`, {
      signal: options.signal,
    });
    const items = result?.body.items;
    if (!Array.isArray(items) || !items.every(isSyncStatus)) throw this.unexpected('syncStatus');
    return items;
  }

  /** Safe to repeat (the server queues one delivery per contact and CRM), so retried like a GET. */
  async retrySync(contactId: string, crm: string, options: CallOptions = {}): Promise<void> {
    try {
      await this.api(`contacts/${encodeURIComponent(contactId)}/sync/${encodeURIComponent(crm)}/retry`, {
        method: 'post',
        signal: options.signal,
        retry: { ...this.retry, methods: [...(this.retry.methods ?? []), 'post'] },
      });
    } catch (error) {
      await this.loadStrings();
      const strings = this.strings();
      throw await toRestError(error, strings.retrySync, strings, options.signal);
    }
  }
}

const SYNC_STATES = new Set(['pending', 'synced', 'failed', 'flagged']);

function isSyncStatus(value: unknown): value is ContactSyncStatus {
  const item = value as Partial<ContactSyncStatus> | null;
  return (
    !!item &&
    typeof item.crm === 'string' &&
    typeof item.label === 'string' &&
    SYNC_STATES.has(item.state as string) &&
    (item.url === undefined || typeof item.url === 'string') &&
    (item.syncedAt === undefined || typeof item.syncedAt === 'string') &&
    (item.error === undefined || typeof item.error === 'string')
  );
}

/**
 * The REST source itself, built at once. Internal: pages get it through the
 * public `createRestSource` (rest-source.ts), which checks the options and
 * loads this module on the first call.
 */
export function openRestSource(options: RestSourceOptions): CompleteSource {
  return new RestSource(options);
}
