/**
 * Which entries the three-dot menu shows for an interaction, and why a
 * disabled one is disabled (seed 002: text channels finish from the menu,
 * a call when it ends; close needs a saved disposition when the campaign
 * has dispositions). No DOM.
 */
import { needsDisposition, type Interaction } from '../../core/interactions/index.js';
import type { Campaign } from '../../core/types.js';

export type ActionId = 'finish' | 'transfer' | 'form' | 'disposition' | 'close';

export type ActionNote =
  | 'finish-phone'
  | 'already-finished'
  | 'transfer-unavailable'
  | 'no-form'
  | 'no-dispositions'
  | 'close-needs-finish'
  | 'close-needs-disposition';

export interface ActionItem {
  id: ActionId;
  enabled: boolean;
  /** Why it is disabled. */
  note?: ActionNote;
}

export interface ActionInput {
  interaction: Interaction;
  campaign?: Pick<Campaign, 'dispositions' | 'form'>;
  /** A transfer element is available (part 4 of the workspace). */
  canTransfer: boolean;
}

export function actionItems({ interaction, campaign, canTransfer }: ActionInput): ActionItem[] {
  const status = interaction.status;
  const live = status === 'active';
  const ended = status === 'finished' || status === 'closed';
  const item = (id: ActionId, note?: ActionNote): ActionItem => (note ? { id, enabled: false, note } : { id, enabled: true });
  const dispositions = needsDisposition(campaign);
  return [
    item('finish', interaction.channel === 'phone' ? 'finish-phone' : ended ? 'already-finished' : undefined),
    item('transfer', !canTransfer ? 'transfer-unavailable' : !live ? 'already-finished' : undefined),
    item('form', campaign?.form ? undefined : 'no-form'),
    item('disposition', dispositions ? undefined : 'no-dispositions'),
    item('close', closeNote(interaction, dispositions)),
  ].map((entry) => (status === 'closed' || status === 'pending' ? { ...entry, enabled: false } : entry));
}

function closeNote(interaction: Interaction, dispositions: boolean): ActionNote | undefined {
  if (interaction.status !== 'finished') return 'close-needs-finish';
  if (dispositions && !interaction.disposition) return 'close-needs-disposition';
  return undefined;
}
