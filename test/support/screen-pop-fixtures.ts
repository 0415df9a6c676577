/**
 * Contacts, sections and source doubles for the screen-pop tests
 * (`<ucrm-interaction-view>`, `<contact-matcher>`, `<ucrm-provider>`).
 */
import type { Contact, CustomSection, Identity } from '../../src/core/types.js';
import type { CrmSource, SearchOptions, SearchResult } from '../../src/data/source.js';
import { CrmError } from '../../src/core/errors.js';
import { createLocalSource } from '../../src/data/local-source.js';
import { blankContact } from './contacts.js';
import { waitUntil } from './wait.js';

let seq = 0;
export function makeContact(
  first: string,
  last: string,
  fields: Partial<Contact> = {},
): Contact {
  seq += 1;
  return blankContact({ id: fields.id ?? `c${seq}`, firstName: first, lastName: last, ...fields });
}

/** A fixed little CRM: a unique UY mobile, a shared home phone, a BR mobile without its 9th digit, ... */
export function screenPopData() {
  const martin = makeContact('Martín', 'González', { id: 'uy', phones: ['+59899555123'], emails: ['martin@example.com'] });
  const juan = makeContact('Juan', 'Pérez', { id: 'juan', phones: ['+59899123456'] });
  const lucia = makeContact('Lucía', 'Pérez', { id: 'lucia', phones: ['+59899123456'], blocked: true });
  const ana = makeContact('Ana', 'Magalhães', { id: 'ana', phones: ['+551187654321'] });
  const emily = makeContact('Emily', "O'Connor", { id: 'emily', emails: ['emily@example.com'] });
  const sofia = makeContact('Sofía', 'Núñez', { id: 'sofia', identities: [{ kind: 'instagram', value: 'sofi.nunez' }] });
  const sections: CustomSection[] = [
    { id: 'general', title: 'General', campaigns: [], fields: [{ key: 'customerNumber', label: 'Customer number', type: 'text' }] },
    { id: 'sales', title: 'Sales data', campaigns: ['sales'], fields: [{ key: 'budget', label: 'Budget', type: 'number' }] },
    { id: 'support', title: 'Support data', campaigns: ['support'], fields: [{ key: 'plan', label: 'Plan', type: 'text' }] },
  ];
  return { contacts: [martin, juan, lucia, ana, emily, sofia], sections, martin, juan, lucia, ana, emily, sofia };
}

/** The fixed CRM in an in-memory LocalSource, with `extra` contacts after its own. */
export function localScreenPop(extra: Contact[] = []) {
  const data = screenPopData();
  const source = createLocalSource({ persist: false, contacts: [...data.contacts, ...extra], sections: data.sections });
  return { ...data, source };
}

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Rejects with an `aborted` CrmError when the signal fires, like a real source. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new CrmError('aborted', 'aborted')), { once: true });
    promise.then(resolve, reject);
  });
}

/**
 * Wraps a source so each call of `method` waits for the test: every call is
 * recorded with its arguments and signal and settles when the test says so.
 */
export function gated<K extends keyof CrmSource>(source: CrmSource, method: K) {
  const calls: { args: unknown[]; signal?: AbortSignal; release: () => void; fail: (e: unknown) => void }[] = [];
  const wrapped = bound(source);
  (wrapped as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    const options = args[args.length - 1] as { signal?: AbortSignal } | undefined;
    const gate = deferred<void>();
    calls.push({ args, signal: options?.signal, release: () => gate.resolve(), fail: (e) => gate.reject(e) });
    const run = gate.promise.then(() =>
      (source[method] as (...a: unknown[]) => Promise<unknown>).apply(source, args),
    );
    return abortable(run, options?.signal);
  };
  // Methods the wrapper does not gate still run against the real source.
  return { source: wrapped, calls };
}

const METHODS = [
  'getContact', 'findByIdentity', 'search', 'createContact', 'updateContact',
  'addIdentity', 'removeIdentity', 'listSections', 'listCampaigns', 'resolve',
] as const;

/** A plain object calling through to `source`, whose methods a test may replace. */
export function bound(source: CrmSource): CrmSource {
  const out: Record<string, unknown> = {};
  for (const name of METHODS) {
    const method = (source as unknown as Record<string, unknown>)[name];
    if (typeof method === 'function') out[name] = method.bind(source);
  }
  Object.defineProperty(out, 'persistenceError', {
    get: () => (source as { persistenceError?: unknown }).persistenceError,
    configurable: true,
  });
  return out as unknown as CrmSource;
}

/** A search-only source whose answers the test controls. */
export function searchSource(answer: (query: string, options?: SearchOptions) => Promise<SearchResult>): CrmSource {
  const notUsed = () => Promise.reject(new CrmError('unavailable', 'not used in this test'));
  return {
    search: answer,
    getContact: notUsed,
    findByIdentity: notUsed,
    createContact: notUsed,
    updateContact: notUsed,
    addIdentity: notUsed,
    removeIdentity: notUsed,
    listSections: () => Promise.resolve([]),
    listCampaigns: () => Promise.resolve([]),
  } as CrmSource;
}

export const phone = (value: string): Identity => ({ kind: 'phone', value });

/** Waits until `check` passes (re-rendering in between), up to the suite's 30 s: never a fixed short budget. */
export function until(check: () => boolean, what = 'condition'): Promise<void> {
  return waitUntil(check, `Timed out waiting for ${what}`);
}

export const VIEW_EVENTS = [
  'ucrm-resolved',
  'ucrm-contact-selected',
  'ucrm-contact-created',
  'ucrm-client-id-assigned',
  'ucrm-error',
] as const;

/** Every ucrm-* event a container heard, in order. */
export function recordEvents(target: EventTarget): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const name of VIEW_EVENTS) target.addEventListener(name, (e) => events.push(e as CustomEvent));
  return events;
}
