/**
 * The rules of an interaction's end, shared by `<disposition-form>` and hosts:
 *
 * - "finished is not closed": a finished interaction (the call ended, or the
 *   agent finished the chat) stays in the agent's list until it is closed;
 * - "close needs a disposition when the campaign has them";
 * - which disposition actions exist, and why one is not available yet.
 *
 * Pure functions, no DOM.
 */
import { chosenLeaf, hasDispositions, isComplete } from '../disposition/index.js';
import type { Campaign, InteractionStatus } from '../types.js';

export const INTERACTION_STATUSES: readonly InteractionStatus[] = ['active', 'finished', 'closed'];

export function isInteractionStatus(value: unknown): value is InteractionStatus {
  return (INTERACTION_STATUSES as readonly unknown[]).includes(value);
}

/** The conversation is over (finished or already closed). */
export function hasEnded(status: InteractionStatus): boolean {
  return status !== 'active';
}

/** Still in the agent's list: active or finished. Finished is not closed. */
export function isOpen(status: InteractionStatus): boolean {
  return status !== 'closed';
}

/** Only a finished interaction can be closed: an active one must be finished first. */
export function canCloseStatus(status: InteractionStatus): boolean {
  return status === 'finished';
}

/** A campaign with dispositions requires one before its interactions close. */
export function needsDisposition(campaign: Pick<Campaign, 'dispositions'> | undefined): boolean {
  return hasDispositions(campaign?.dispositions);
}

/** Why an action cannot run yet; the form shows a hint for each. */
export type BlockReason =
  | 'closed'
  | 'not-finished'
  | 'incomplete'
  | 'comment-required'
  | 'comment-too-long'
  | 'reschedule-time';

/**
 * Why the interaction cannot be closed right now, or undefined when it can.
 * `selection` is the chosen disposition ids (top level first).
 */
export function closeBlocker(
  status: InteractionStatus,
  campaign: Pick<Campaign, 'dispositions'> | undefined,
  selection: readonly string[],
): BlockReason | undefined {
  if (status === 'closed') return 'closed';
  if (!canCloseStatus(status)) return 'not-finished';
  if (needsDisposition(campaign) && !isComplete(campaign?.dispositions, selection)) return 'incomplete';
  return undefined;
}

/** The comment rule: required (non-blank) when the campaign says so, never over the limit. */
export function commentBlocker(comment: string, required: boolean, maxLength: number): BlockReason | undefined {
  if (required && comment.trim() === '') return 'comment-required';
  if (comment.length > maxLength) return 'comment-too-long';
  return undefined;
}

export type DispositionAction = 'save' | 'save-and-close' | 'reschedule' | 'close';

export interface ActionState {
  action: DispositionAction;
  enabled: boolean;
  /** Set when not enabled. */
  reason?: BlockReason;
}

export interface ActionInput {
  status: InteractionStatus;
  campaign?: Pick<Campaign, 'dispositions' | 'commentRequired' | 'outboundHub'>;
  /** Chosen disposition ids, top level first. */
  selection: readonly string[];
  comment: string;
  commentMaxLength: number;
  /** A valid future reschedule date-time has been entered. */
  rescheduleReady?: boolean;
}

/** True when Reschedule applies: an Outbound Hub campaign and a chosen leaf of kind `reschedule`. */
export function offersReschedule(
  campaign: Pick<Campaign, 'dispositions' | 'outboundHub'> | undefined,
  selection: readonly string[],
): boolean {
  return !!campaign?.outboundHub && chosenLeaf(campaign.dispositions, selection)?.kind === 'reschedule';
}

/**
 * The actions to show, in order, each enabled or with the reason it is not.
 * A closed interaction has none (read-only). A campaign without dispositions
 * has just Close. Otherwise Save (active or finished: a disposition can be
 * filled in early), Save and close (finished only) and, for a reschedule
 * disposition in an Outbound Hub campaign, Reschedule (saves and schedules
 * a new attempt; it keeps the interaction like Save).
 */
export function availableActions(input: ActionInput): ActionState[] {
  const { status, campaign, selection } = input;
  if (status === 'closed') return [];
  if (!needsDisposition(campaign)) {
    return [state('close', status === 'finished' ? undefined : 'not-finished')];
  }
  const incomplete: BlockReason | undefined = isComplete(campaign?.dispositions, selection) ? undefined : 'incomplete';
  const comment = commentBlocker(input.comment, !!campaign?.commentRequired, input.commentMaxLength);
  const saveReason = incomplete ?? comment;
  const actions = [
    state('save', saveReason),
    state('save-and-close', status === 'finished' ? saveReason : 'not-finished'),
  ];
  if (offersReschedule(campaign, selection)) {
    actions.push(state('reschedule', comment ?? (input.rescheduleReady ? undefined : 'reschedule-time')));
  }
  return actions;
}

function state(action: DispositionAction, reason: BlockReason | undefined): ActionState {
  return reason ? { action, enabled: false, reason } : { action, enabled: true };
}
