import { atom } from 'nanostores';
import type { InteractionContext } from '../core/types.js';

/**
 * The interaction the agent is handling right now, shared by every element
 * that follows it (`<ucrm-interaction-view>` without context attributes or
 * with `follow-store`, the disposition form, the composer...). The host CTI
 * integration sets it once per interaction instead of wiring each element.
 */
export const activeInteraction = atom<InteractionContext | undefined>(undefined);

/** Makes `context` the active interaction (a new object, so subscribers always hear it). */
export function setActiveInteraction(context: InteractionContext): void {
  activeInteraction.set({ ...context });
}

/** No interaction is active (the agent is idle). */
export function clearActiveInteraction(): void {
  activeInteraction.set(undefined);
}
