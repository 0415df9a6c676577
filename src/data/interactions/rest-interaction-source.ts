/**
 * `createRestInteractionSource`: the `InteractionSource` over the reference
 * server's interaction routes and its Server-Sent Events stream
 * (docs/rest-api.md, "Interaction workspace"). It returns at once; the
 * implementation (rest-interaction-client.ts: ky, the event feed) loads on
 * the first call or watch, so a page on the simulated carrier never
 * downloads the HTTP client.
 */
import { CrmError } from '../../core/errors.js';
import type { InteractionChange } from '../../core/interactions/index.js';
import { resolveLocale, translate } from '../../i18n/localize.js';
import { commonStrings } from '../../i18n/strings/common.js';
import { forwardMethods, Lazy } from '../lazy-source.js';
import type { InteractionSource } from './source.js';

export interface RestInteractionSourceOptions {
  /** Where the contract is served, e.g. `https://crm.example.com/api/ucrm`. */
  baseUrl: string;
  /** The bearer token, or a function asked before every request and every (re)connection of the event stream. */
  token?: string | (() => string | Promise<string>);
  /** Per request, in ms (default 10000). */
  timeout?: number;
  /** The UI language, sent as Accept-Language. */
  locale?: () => string;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /** The agent the token identifies, when the host knows it; otherwise the server is asked once (`GET /interactions/presence`). */
  agentId?: string;
  /** Backoff of the event stream's reconnections, in ms (default 500 doubling up to 15000, with jitter). */
  reconnect?: { initialMs?: number; maxMs?: number };
}

/** Every required method of `InteractionSource` but `watch` (which returns at once and cannot wait for the code). */
const METHODS = [
  'list',
  'get',
  'history',
  'take',
  'start',
  'linkContact',
  'messages',
  'send',
  'call',
  'transferTargets',
  'transfer',
  'answerTransfer',
  'completeTransfer',
  'cancelTransfer',
  'sendToConference',
  'joinConference',
  'conferenceParticipants',
  'muteParticipant',
  'muteAll',
  'removeParticipant',
  'saveDisposition',
  'finish',
  'close',
  'setPresence',
  'presence',
  'views',
  'saveView',
  'deleteView',
  'batch',
  // Optional in the contract; the reference server has them.
  'reportActivity',
  'scheduled',
] as const satisfies readonly Exclude<keyof InteractionSource, 'watch'>[];

// The compiler refuses a method missing from the list.
type RequiredMethod = { [K in keyof InteractionSource]-?: undefined extends InteractionSource[K] ? never : K }[keyof InteractionSource];
type Missing = Exclude<RequiredMethod, 'watch' | (typeof METHODS)[number]>;
const complete: Record<Missing, never> = {};
void complete;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below only types the generated methods
class LazyInteractionSource extends Lazy<InteractionSource> {
  static {
    forwardMethods<LazyInteractionSource, InteractionSource>(this, METHODS, (self) => self.loaded());
  }

  /** Known once the implementation has loaded (it asks the server before its first answer). */
  get agentId(): string | undefined {
    return this.implementation?.agentId;
  }

  /** Subscribes at once; the stream opens when the implementation has loaded. */
  watch(listener: (change: InteractionChange) => void): () => void {
    let stop: (() => void) | undefined;
    let stopped = false;
    const loaded = this.implementation;
    if (loaded) return loaded.watch(listener);
    void this.loaded().then(
      (source) => {
        if (!stopped) stop = source.watch(listener);
      },
      () => undefined, // the next call or watch tries to load again
    );
    return () => {
      stopped = true;
      stop?.();
    };
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
interface LazyInteractionSource extends InteractionSource {}

/**
 * An `InteractionSource` on the reference server: commands and reads over
 * REST, changes over Server-Sent Events (resumed with Last-Event-ID after a
 * drop, and on every reconnection the open interactions are read again).
 * Throws `invalid` at once without a `baseUrl`.
 *
 * @example
 * const interactions = createRestInteractionSource({ baseUrl: 'https://crm.example.com/ucrm', token: () => auth.accessToken() });
 */
export function createRestInteractionSource(options: RestInteractionSourceOptions): InteractionSource {
  if (!options?.baseUrl) throw new CrmError('invalid', translate(commonStrings, resolveLocale(options?.locale?.())).noBaseUrl);
  return new LazyInteractionSource(() => import('./rest-interaction-client.js').then((m) => m.openRestInteractionSource(options)));
}
