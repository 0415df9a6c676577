import { defineStrings } from '../localize.js';

const en = {
  assignQuestion: (clientId: string, name: string) => `Assign ${clientId} to ${name}?`,
  assignConflict: (clientId: string, owners: string) => `${clientId} already belongs to ${owners}.`,
  assign: 'Assign',
  assignAnyway: 'Assign anyway',
  openWithoutAssigning: 'Open without assigning',
  assigned: (clientId: string, name: string) => `${clientId} assigned to ${name}.`,
  undo: 'Undo',
  undone: (clientId: string, name: string) => `${clientId} removed from ${name}.`,
};

/** The English strings; each translation must have the same keys and arguments. */
export type InteractionAssignStrings = typeof en;

/**
 * `<ucrm-interaction-view>`: assigning the interaction's ClientID to a contact
 * found by search, and undoing it. Loads with the search (not on the pop path).
 */
export const interactionAssignStrings = defineStrings(en, {
  es: () => import('./es/interaction-assign.js'),
  pt: () => import('./pt/interaction-assign.js'),
});
