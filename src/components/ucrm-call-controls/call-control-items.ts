/**
 * Which call controls apply to a call right now (seed 002), as hints: the
 * source stays the authority and may still refuse. No DOM.
 */
import type { Interaction } from '../../core/interactions/index.js';

export type ControlId = 'mute' | 'hold' | 'keypad' | 'park' | 'conference' | 'end';

export interface ControlItem {
  id: ControlId;
  enabled: boolean;
  /** For toggles: whether it is on (aria-pressed). */
  pressed?: boolean;
  /** Park: the call is parked by another agent (only they unpark). */
  parkedByOther?: boolean;
}

/** The controls of `interaction` for agent `me`, in toolbar order. A conference room has mute, join and end. */
export function controlItems(interaction: Interaction | undefined, me: string | undefined): ControlItem[] {
  const call = interaction?.call;
  const state = call?.state;
  const live = !!call && interaction!.status === 'active' && state !== 'ended' && (!me || !interaction!.assignee || interaction!.assignee === me);
  const talking = live && (state === 'connected' || state === 'held');
  const parkedByOther = state === 'parked' && !!call?.parkedBy && call.parkedBy !== me;
  const item = (id: ControlId, enabled: boolean, extra: Partial<ControlItem> = {}): ControlItem => ({ id, enabled, ...extra });
  if (interaction?.conferenceRoom) {
    return [
      item('mute', live && state === 'connected', { pressed: !!call?.muted }),
      item('conference', live && state === 'conference'),
      item('end', live && state === 'connected'),
    ];
  }
  return [
    item('mute', live && state !== 'parked' && state !== 'conference', { pressed: !!call?.muted }),
    item('hold', talking, { pressed: state === 'held' }),
    item('keypad', live && (state === 'connected' || state === 'consulting')),
    item('park', talking || (live && state === 'parked' && !parkedByOther), { pressed: state === 'parked', parkedByOther }),
    item('conference', talking),
    item('end', live && !parkedByOther),
  ];
}

/** DTMF keys: digits, star and pound. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export const isKeypadKey = (key: string): boolean => key.length === 1 && /^[0-9*#]$/.test(key);
