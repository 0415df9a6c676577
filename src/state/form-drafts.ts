/**
 * Campaign form drafts (seed 002: "if you leave the Inbox and come back, the
 * form retains the data you entered"): what the agent typed in a form, per
 * agent, per campaign and per interaction (or `-` for a form opened without
 * one), kept in localStorage through @nanostores/persistent like the
 * composer's drafts, so leaving the inbox, a reload or another tab finds it.
 * Removed when the form is saved.
 */
import { persistentMap } from '@nanostores/persistent';
import type { MapStore } from 'nanostores';

/** A form's values as typed: text, a checkbox state, or what an external form sent. */
export type FormDraftValue = string | number | boolean | null;
export type FormDraft = Record<string, FormDraftValue>;

/** Storage keys are `ucrm:form:<agent>:<campaign>|<interaction or ->`. */
export const FORM_DRAFTS_PREFIX = 'ucrm:form:';
const ANONYMOUS_AGENT = '-';
/** The interaction part of the key of a form opened from the forms menu, without an interaction. */
export const NO_INTERACTION = '-';

const stores = new Map<string, MapStore<Record<string, FormDraft | undefined>>>();

function decode(encoded: string): FormDraft | undefined {
  try {
    const value: unknown = JSON.parse(encoded);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as FormDraft) : undefined;
  } catch {
    // A draft damaged by hand or by another version is dropped, not fatal.
    return undefined;
  }
}

const isEmpty = (draft: FormDraft | undefined) => !draft || Object.keys(draft).length === 0;

function formDrafts(agentId: string | undefined): MapStore<Record<string, FormDraft | undefined>> {
  const key = agentId || ANONYMOUS_AGENT;
  let store = stores.get(key);
  if (!store) {
    store = persistentMap<Record<string, FormDraft | undefined>>(`${FORM_DRAFTS_PREFIX}${key}:`, {}, {
      encode: (draft: FormDraft | undefined) => (isEmpty(draft) ? undefined : JSON.stringify(draft)),
      decode,
    });
    stores.set(key, store);
  }
  return store;
}

export function formDraftKey(campaign: string, interactionId?: string): string {
  return `${campaign}|${interactionId || NO_INTERACTION}`;
}

export function loadFormDraft(agentId: string | undefined, campaign: string, interactionId?: string): FormDraft | undefined {
  return formDrafts(agentId).get()[formDraftKey(campaign, interactionId)];
}

/** Saves (or, when empty, removes) a form's draft. */
export function saveFormDraft(agentId: string | undefined, campaign: string, interactionId: string | undefined, draft: FormDraft): void {
  formDrafts(agentId).setKey(formDraftKey(campaign, interactionId), isEmpty(draft) ? undefined : { ...draft });
}

export function clearFormDraft(agentId: string | undefined, campaign: string, interactionId?: string): void {
  formDrafts(agentId).setKey(formDraftKey(campaign, interactionId), undefined);
}
