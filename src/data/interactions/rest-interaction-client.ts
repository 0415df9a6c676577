/**
 * The REST interaction source's implementation (the public
 * `createRestInteractionSource` is in rest-interaction-source.ts and loads
 * this module on the first call): one ky instance with the bearer token,
 * Accept-Language, the timeout and retries of reads; every failure becomes
 * a `CrmError` through the REST source's mapping (rest-errors.ts), so a
 * lost take is `conflict` and a refused close `invalid`, with the server's
 * message. `watch` is the event feed (rest-event-feed.ts).
 */
import ky from 'ky';
import type { KyInstance, Options as KyOptions } from 'ky';
import { CrmError } from '../../core/errors.js';
import type { ContactFilter } from '../../core/filters/index.js';
import type {
  CallCommand,
  ConferenceParticipant,
  ConversationActivity,
  Interaction,
  InteractionChange,
  InteractionStartDraft,
  Message,
  Presence,
  TransferMode,
  TransferTo,
} from '../../core/interactions/index.js';
import { loadTranslations, resolveLocale, translate } from '../../i18n/localize.js';
import { restStrings } from '../../i18n/strings/rest.js';
import { restInteractionStrings, type RestInteractionOperation } from '../../i18n/strings/rest-interactions.js';
import { toRestError } from '../rest-errors.js';
import type { CallOptions } from '../source.js';
import { EventFeed } from './rest-event-feed.js';
import type { RestInteractionSourceOptions } from './rest-interaction-source.js';
import type { DispositionInput, InboxView, InteractionSource, ListOptions, ScheduledAttempt, SendDraft, TransferTargets } from './source.js';

interface Items<T> {
  items: T[];
}

const READ_RETRY = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfter: 10_000,
  backoffLimit: 5_000,
};

const path = (id: string) => `interactions/${encodeURIComponent(id)}`;

/** An upload may take longer than a request: 16 MB on a slow uplink (ms). */
const UPLOAD_TIMEOUT_MS = 120_000;

/** What `POST /interactions/{id}/attachments` answers. */
interface Uploaded {
  id: string;
}

/** `GET`/`PUT /interactions/presence`; servers before the agent's id was added answer without it. */
type PresenceAnswer = { presence: Presence; agentId?: string };

class RestInteractionSource implements InteractionSource {
  private readonly api: KyInstance;
  private readonly feed: EventFeed;
  /** The agent the token identifies: given, or answered by the server with every presence. */
  agentId: string | undefined;

  constructor(private readonly options: RestInteractionSourceOptions) {
    this.agentId = options.agentId;
    const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    this.api = ky.create({
      prefixUrl: options.baseUrl,
      timeout: options.timeout ?? 10_000,
      retry: READ_RETRY,
      headers: { accept: 'application/json' },
      fetch: fetchImpl,
      hooks: {
        beforeRequest: [
          async (request) => {
            for (const [name, value] of Object.entries(await this.headers())) request.headers.set(name, value);
          },
        ],
      },
    });
    this.feed = new EventFeed({
      url: `${options.baseUrl.replace(/\/+$/, '')}/interactions/events`,
      fetch: fetchImpl,
      headers: () => this.headers(),
      list: (tab) => this.list({ tab }),
      get: (id) => this.get(id),
      initialMs: options.reconnect?.initialMs ?? 500,
      maxMs: options.reconnect?.maxMs ?? 15_000,
    });
  }

  private async headers(): Promise<Record<string, string>> {
    const { token, locale } = this.options;
    let value = '';
    try {
      value = typeof token === 'function' ? await token() : (token ?? '');
    } catch (error) {
      await this.loadStrings();
      throw new CrmError('unauthorized', translate(restStrings, this.locale()).noToken, { cause: error });
    }
    const language = locale?.();
    return { ...(value ? { authorization: `Bearer ${value}` } : {}), ...(language ? { 'accept-language': language } : {}) };
  }

  private locale() {
    return resolveLocale(this.options.locale?.());
  }

  private async loadStrings(): Promise<void> {
    await loadTranslations([restStrings, restInteractionStrings], this.locale());
  }

  /** One call: the JSON body (undefined for 204, or 404 when `allowMissing`), or a CrmError. */
  private async request<T>(operation: RestInteractionOperation, url: string, init: KyOptions & { allowMissing?: boolean } = {}): Promise<T> {
    const { allowMissing, ...request } = init;
    const stringsLoad = this.loadStrings();
    try {
      const response = await this.api(url, { ...request, throwHttpErrors: (status) => !(allowMissing && status === 404) });
      await stringsLoad;
      if (response.status === 204 || (allowMissing && response.status === 404)) return undefined as T;
      return JSON.parse(await response.text()) as T;
    } catch (error) {
      await stringsLoad;
      const operationName = translate(restInteractionStrings, this.locale())[operation];
      throw await toRestError(error, operationName, translate(restStrings, this.locale()), init.signal ?? undefined);
    }
  }

  private signal(options?: CallOptions): KyOptions {
    return options?.signal ? { signal: options.signal } : {};
  }

  private async noFiles(files: boolean): Promise<void> {
    if (!files) return;
    await this.loadStrings();
    throw new CrmError('invalid', translate(restInteractionStrings, this.locale()).filesNotSupported);
  }

  // ---- reads ------------------------------------------------------------------------

  async list(options: ListOptions): Promise<Interaction[]> {
    const { tab, filter, viewId } = options;
    const body = filter
      ? await this.request<Items<Interaction>>('listInteractions', 'interactions/query', {
          method: 'post',
          json: { tab, filter, ...(viewId ? { viewId } : {}) },
          // A query changes nothing: safe to retry.
          retry: { ...READ_RETRY, methods: ['post'] },
          ...this.signal(options),
        })
      : await this.request<Items<Interaction>>('listInteractions', 'interactions', {
          searchParams: { tab, ...(viewId ? { viewId } : {}) },
          ...this.signal(options),
        });
    return body.items;
  }

  get(id: string, options?: CallOptions): Promise<Interaction | undefined> {
    return this.request<Interaction | undefined>('getInteraction', path(id), { allowMissing: true, ...this.signal(options) });
  }

  async history(query: { contactId: string; limit?: number; before?: string }, options?: CallOptions): Promise<Interaction[]> {
    const searchParams: Record<string, string> = { contactId: query.contactId };
    if (query.limit !== undefined) searchParams.limit = String(query.limit);
    if (query.before) searchParams.before = query.before;
    return (await this.request<Items<Interaction>>('history', 'interactions/history', { searchParams, ...this.signal(options) })).items;
  }

  watch(listener: (change: InteractionChange) => void): () => void {
    return this.feed.watch((change) => listener(change.type === 'message' ? { ...change, message: this.withLinks(change.message) } : change));
  }

  async messages(id: string, query: { before?: string; limit?: number } = {}, options?: CallOptions): Promise<Message[]> {
    const searchParams: Record<string, string> = {};
    if (query.before) searchParams.before = query.before;
    if (query.limit !== undefined) searchParams.limit = String(query.limit);
    return (await this.request<Items<Message>>('messages', `${path(id)}/messages`, { searchParams, ...this.signal(options) })).items.map((m) =>
      this.withLinks(m),
    );
  }

  /** The server's download links are relative to the API: made absolute so an <img> or <audio> loads them (they are signed). */
  private withLinks(message: Message): Message {
    if (!message.attachments?.length && !message.voice) return message;
    const base = `${this.options.baseUrl.replace(/\/+$/, '')}/`;
    const absolute = (url: string) => (/^[a-z][a-z\d+.-]*:/i.test(url) ? url : new URL(url, new URL(base, globalThis.location?.href)).href);
    return {
      ...message,
      ...(message.attachments ? { attachments: message.attachments.map((a) => ({ ...a, url: absolute(a.url) })) } : {}),
      ...(message.voice ? { voice: { ...message.voice, url: absolute(message.voice.url) } } : {}),
    };
  }

  // ---- commands -----------------------------------------------------------------------

  private post<T>(operation: RestInteractionOperation, url: string, json?: unknown, options?: CallOptions, method = 'post'): Promise<T> {
    return this.request<T>(operation, url, { method, ...(json !== undefined ? { json } : {}), retry: 0, ...this.signal(options) });
  }

  take(id: string, options?: CallOptions): Promise<Interaction> {
    return this.post('take', `${path(id)}/take`, undefined, options);
  }

  async start(draft: InteractionStartDraft, options?: CallOptions): Promise<Interaction> {
    await this.noFiles(draft.attachments.length > 0 || !!draft.voiceNote);
    const { attachments: _attachments, voiceNote: _voiceNote, ...request } = draft;
    return this.post('start', 'interactions', request, options);
  }

  linkContact(id: string, contactId: string, options?: CallOptions): Promise<Interaction> {
    return this.post('linkContact', `${path(id)}/contact`, { contactId }, options, 'put');
  }

  /**
   * Uploads the files and the voice note first, then sends the message that
   * references them. Each upload has a key made from the message's, so a
   * retried send re-uploads nothing twice and the message is made once. A
   * failure keeps the source's two kinds: a network error or timeout
   * (`unavailable`/`timeout`: it may never have left the page) and the
   * server's refusal (`invalid` with the reason: a size, a format, a channel).
   */
  async send(id: string, draft: SendDraft, options: CallOptions & { idempotencyKey: string }): Promise<Message> {
    const { files = [], voice, ...body } = draft;
    const key = options.idempotencyKey;
    const uploads = await Promise.all(files.map((file, i) => this.upload(id, file, { name: file.name }, `${key}:file:${i}`, options)));
    const voiceNote = voice ? await this.upload(id, voice, { kind: 'voice' }, `${key}:voice`, options) : undefined;
    const message = await this.request<Message>('send', `${path(id)}/messages`, {
      method: 'post',
      json: { ...body, ...(uploads.length ? { attachments: uploads.map((u) => u.id) } : {}), ...(voiceNote ? { voice: voiceNote.id } : {}) },
      headers: { 'idempotency-key': key },
      // With its key a repeat cannot send twice: safe to retry.
      retry: { ...READ_RETRY, methods: ['post'] },
      ...this.signal(options),
    });
    return this.withLinks(message);
  }

  /** One file or voice note, its bytes as the body (`POST /interactions/{id}/attachments`). */
  private upload(id: string, blob: Blob, searchParams: Record<string, string>, key: string, options: CallOptions): Promise<Uploaded> {
    return this.request<Uploaded>('upload', `${path(id)}/attachments`, {
      method: 'post',
      body: blob,
      searchParams,
      headers: { 'content-type': blob.type || 'application/octet-stream', 'idempotency-key': key },
      timeout: Math.max(this.options.timeout ?? 10_000, UPLOAD_TIMEOUT_MS),
      // With its key a repeated upload answers the first one's attachment.
      retry: { ...READ_RETRY, methods: ['post'] },
      ...this.signal(options),
    });
  }

  /** Who is viewing or typing: told to the other agents through the server's change feed. */
  async reportActivity(id: string, activity: ConversationActivity, options?: CallOptions): Promise<void> {
    await this.post('activity', `${path(id)}/activity`, { activity }, options);
  }

  call(id: string, command: CallCommand, options?: CallOptions): Promise<Interaction> {
    return this.post('call', `${path(id)}/call`, command, options);
  }

  transferTargets(id: string, options?: CallOptions): Promise<TransferTargets> {
    return this.request('transferTargets', `${path(id)}/transfer-targets`, this.signal(options));
  }

  transfer(id: string, request: { to: TransferTo; mode: TransferMode }, options?: CallOptions): Promise<Interaction> {
    return this.post('transfer', `${path(id)}/transfer`, request, options);
  }

  answerTransfer(id: string, answer: 'accept' | 'decline', options?: CallOptions): Promise<Interaction> {
    return this.post('transfer', `${path(id)}/transfer/answer`, { answer }, options);
  }

  completeTransfer(id: string, options?: CallOptions): Promise<Interaction> {
    return this.post('transfer', `${path(id)}/transfer/complete`, undefined, options);
  }

  cancelTransfer(id: string, options?: CallOptions): Promise<Interaction> {
    return this.post('transfer', `${path(id)}/transfer/cancel`, undefined, options);
  }

  sendToConference(id: string, options?: CallOptions): Promise<Interaction> {
    return this.post('conference', `${path(id)}/conference`, undefined, options);
  }

  joinConference(options?: CallOptions): Promise<Interaction> {
    return this.post('conference', 'interactions/conference/join', undefined, options);
  }

  async conferenceParticipants(options?: CallOptions): Promise<ConferenceParticipant[]> {
    return (await this.request<Items<ConferenceParticipant>>('conference', 'interactions/conference/participants', this.signal(options))).items;
  }

  async muteParticipant(participantId: string, on: boolean, options?: CallOptions): Promise<void> {
    await this.post('conference', `interactions/conference/participants/${encodeURIComponent(participantId)}/mute`, { on }, options);
  }

  async muteAll(options?: CallOptions): Promise<void> {
    await this.post('conference', 'interactions/conference/mute-all', undefined, options);
  }

  async removeParticipant(participantId: string, options?: CallOptions): Promise<void> {
    await this.post('conference', `interactions/conference/participants/${encodeURIComponent(participantId)}`, undefined, options, 'delete');
  }

  saveDisposition(id: string, disposition: DispositionInput, options: CallOptions & { close: boolean }): Promise<Interaction> {
    return this.post('saveDisposition', `${path(id)}/disposition`, { ...disposition, close: options.close }, options, 'put');
  }

  /** The agent's rescheduled attempts still to come, soonest first (`GET /interactions/scheduled`). */
  async scheduled(options?: CallOptions): Promise<ScheduledAttempt[]> {
    return (await this.request<Items<ScheduledAttempt>>('scheduled', 'interactions/scheduled', this.signal(options))).items;
  }

  finish(id: string, options?: CallOptions): Promise<Interaction> {
    return this.post('finish', `${path(id)}/finish`, undefined, options);
  }

  close(id: string, options?: CallOptions): Promise<Interaction> {
    return this.post('close', `${path(id)}/close`, undefined, options);
  }

  async setPresence(presence: Presence, options?: CallOptions): Promise<Presence> {
    return this.learn(await this.post<PresenceAnswer>('presence', 'interactions/presence', { presence }, options, 'put'));
  }

  async presence(options?: CallOptions): Promise<Presence> {
    return this.learn(await this.request<PresenceAnswer>('presence', 'interactions/presence', this.signal(options)));
  }

  /** Asks the server who this token is, once, unless the host said so; a failure leaves it unknown. */
  async identify(): Promise<void> {
    if (!this.agentId) await this.presence().catch(() => undefined);
  }

  private learn(answer: PresenceAnswer): Presence {
    if (answer.agentId) this.agentId = answer.agentId;
    return answer.presence;
  }

  async views(options?: CallOptions): Promise<InboxView[]> {
    return (await this.request<Items<InboxView>>('views', 'interactions/views', this.signal(options))).items;
  }

  saveView(view: Omit<InboxView, 'id' | 'owner'> & { id?: string }, options?: CallOptions): Promise<InboxView> {
    const body: { id?: string; name: string; public: boolean; filter: ContactFilter } = {
      ...(view.id ? { id: view.id } : {}),
      name: view.name,
      public: view.public,
      filter: view.filter,
    };
    return this.post('saveView', 'interactions/views', body, options);
  }

  async deleteView(id: string, options?: CallOptions): Promise<void> {
    await this.post('deleteView', `interactions/views/${encodeURIComponent(id)}`, undefined, options, 'delete');
  }

  async batch(ids: string[], action: { tags?: { add?: string[]; remove?: string[] }; delete?: true }, options?: CallOptions): Promise<void> {
    if (!ids.length) return;
    await this.post('batch', 'interactions/batch', { ids, ...action }, options);
  }
}

/** Internal: what `createRestInteractionSource` loads, once it knows its agent (so elements never take another's call for theirs). */
export async function openRestInteractionSource(options: RestInteractionSourceOptions): Promise<InteractionSource> {
  const source = new RestInteractionSource(options);
  await source.identify();
  return source;
}

