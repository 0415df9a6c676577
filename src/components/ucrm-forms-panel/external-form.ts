/**
 * The `postMessage` contract between `<ucrm-forms-panel>` and an external
 * form in its sandboxed frame (docs/forms.md): which messages exist, how a
 * value set is checked, and the frame's sandbox. No DOM beyond the URL.
 */
import type { FormDraft } from '../../state/form-drafts.js';

/** Contract version sent in `init`; a frame may refuse a version it does not know. */
export const FORM_PROTOCOL_VERSION = 1;

/** What the panel sends to the frame. */
export type PanelToFrame =
  | {
      type: 'ucrm-form:init';
      version: number;
      campaign: string;
      interactionId?: string;
      contactId?: string;
      locale: string;
      /** The draft kept for this form (what the frame last reported), to fill in again. */
      values: FormDraft;
    }
  | { type: 'ucrm-form:submitted'; version: number };

/** What the frame sends to the panel. */
export type FrameToPanel =
  | { type: 'ucrm-form:ready' }
  | { type: 'ucrm-form:change'; values: FormDraft }
  | { type: 'ucrm-form:submit'; values: FormDraft };

const MAX_KEYS = 500;
const MAX_KEY_LENGTH = 200;
const MAX_TEXT = 100_000;

/** A value set as the contract allows it: a plain object of at most 500 keys with string, finite number, boolean or null values. */
export function readValues(value: unknown): FormDraft | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_KEYS) return undefined;
  const values: FormDraft = {};
  for (const [key, item] of entries) {
    if (!key || key.length > MAX_KEY_LENGTH || key === '__proto__') return undefined;
    if (typeof item === 'string') {
      if (item.length > MAX_TEXT) return undefined;
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return undefined;
    } else if (typeof item !== 'boolean' && item !== null) {
      return undefined;
    }
    values[key] = item;
  }
  return values;
}

/**
 * One message from the frame, checked: `undefined` for anything that is not
 * ours (other scripts post messages too: those are ignored), `'invalid'` for
 * a message of the contract whose values break its rules.
 */
export function readFrameMessage(data: unknown): FrameToPanel | 'invalid' | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const type = (data as { type?: unknown }).type;
  if (type === 'ucrm-form:ready') return { type };
  if (type !== 'ucrm-form:change' && type !== 'ucrm-form:submit') return undefined;
  const values = readValues((data as { values?: unknown }).values);
  return values ? { type, values } : 'invalid';
}

/** The form's URL resolved against the page, when it is http(s); undefined otherwise (javascript:, data:, junk). */
export function formUrl(raw: string | undefined, base: string): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The frame's sandbox: scripts and forms always; `allow-same-origin` (its own
 * storage and cookies) only for another origin — a page of the host's own
 * origin with both scripts and same-origin could lift its sandbox.
 */
export function sandboxFor(url: URL, pageOrigin: string): string {
  return url.origin === pageOrigin ? 'allow-scripts allow-forms' : 'allow-scripts allow-forms allow-same-origin';
}
