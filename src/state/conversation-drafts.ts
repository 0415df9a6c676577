/**
 * Conversation drafts: what the agent is writing in each conversation, per
 * agent, kept in localStorage through @nanostores/persistent (like the
 * composer's drafts) so a reload or another tab finds it. Text only: files
 * and voice notes stay in memory.
 */
import { persistentMap } from '@nanostores/persistent';
import type { MapStore } from 'nanostores';
import { isEmptyDraft, type ComposerDraft } from '../core/composer/index.js';

/** The composer's draft shape (message, template, variables, subject, HTML, CC/BCC), plus the quote and the note flag. */
export interface ConversationDraft extends Omit<ComposerDraft, 'campaignId' | 'to'> {
  /** The message being answered (WhatsApp). */
  replyTo?: string;
  /** Writing an internal note (agents only) rather than to the customer. */
  internal?: boolean;
}

/** Storage keys are `ucrm:conversation:<agent>:<interaction id>`. */
export const CONVERSATION_DRAFTS_PREFIX = 'ucrm:conversation:';
const ANONYMOUS = '-';

/** Nothing typed, chosen or quoted (such a draft is not stored). A signature alone is not a draft either. */
export function isEmptyConversationDraft(draft: ConversationDraft | undefined): boolean {
  if (!draft) return true;
  const { replyTo, internal: _internal, signedFor: _signed, html, ...rest } = draft;
  return !replyTo && !html?.trim() && isEmptyDraft(rest);
}

function decode(encoded: string): ConversationDraft | undefined {
  try {
    const value: unknown = JSON.parse(encoded);
    return value && typeof value === 'object' ? (value as ConversationDraft) : undefined;
  } catch {
    // A damaged entry is dropped, not fatal.
    return undefined;
  }
}

const stores = new Map<string, MapStore<Record<string, ConversationDraft | undefined>>>();

/** The drafts of one agent, by interaction id (one store per agent, shared by every conversation). */
export function conversationDrafts(agentId: string = ANONYMOUS): MapStore<Record<string, ConversationDraft | undefined>> {
  const key = agentId || ANONYMOUS;
  let store = stores.get(key);
  if (!store) {
    store = persistentMap<Record<string, ConversationDraft | undefined>>(`${CONVERSATION_DRAFTS_PREFIX}${key}:`, {}, {
      encode: (draft: ConversationDraft | undefined) => (isEmptyConversationDraft(draft) ? undefined : JSON.stringify(draft)),
      decode,
    });
    stores.set(key, store);
  }
  return store;
}

export function loadConversationDraft(agentId: string | undefined, interactionId: string): ConversationDraft {
  return conversationDrafts(agentId).get()[interactionId] ?? {};
}

/** Saves (or, when empty, removes) the draft of one conversation. */
export function saveConversationDraft(agentId: string | undefined, interactionId: string, draft: ConversationDraft): void {
  conversationDrafts(agentId).setKey(interactionId, isEmptyConversationDraft(draft) ? undefined : draft);
}

export function clearConversationDraft(agentId: string | undefined, interactionId: string): void {
  conversationDrafts(agentId).setKey(interactionId, undefined);
}
