import { defineStrings } from '../localize.js';

/**
 * `<ucrm-interaction-view>`: assigning the interaction's ClientID to a contact
 * found by search, and undoing it. Loads with the search (not on the pop path).
 */
export const interactionAssignStrings = defineStrings({
  en: {
    assignQuestion: (clientId: string, name: string) => `Assign ${clientId} to ${name}?`,
    assignConflict: (clientId: string, owners: string) => `${clientId} already belongs to ${owners}.`,
    assign: 'Assign',
    assignAnyway: 'Assign anyway',
    openWithoutAssigning: 'Open without assigning',
    assigned: (clientId: string, name: string) => `${clientId} assigned to ${name}.`,
    undo: 'Undo',
    undone: (clientId: string, name: string) => `${clientId} removed from ${name}.`,
  },
  es: {
    assignQuestion: (clientId: string, name: string) => `¿Asignar ${clientId} a ${name}?`,
    assignConflict: (clientId: string, owners: string) => `${clientId} ya pertenece a ${owners}.`,
    assign: 'Asignar',
    assignAnyway: 'Asignar de todos modos',
    openWithoutAssigning: 'Abrir sin asignar',
    assigned: (clientId: string, name: string) => `${clientId} asignado a ${name}.`,
    undo: 'Deshacer',
    undone: (clientId: string, name: string) => `${clientId} quitado de ${name}.`,
  },
  pt: {
    assignQuestion: (clientId: string, name: string) => `Atribuir ${clientId} a ${name}?`,
    assignConflict: (clientId: string, owners: string) => `${clientId} já pertence a ${owners}.`,
    assign: 'Atribuir',
    assignAnyway: 'Atribuir mesmo assim',
    openWithoutAssigning: 'Abrir sem atribuir',
    assigned: (clientId: string, name: string) => `${clientId} atribuído a ${name}.`,
    undo: 'Desfazer',
    undone: (clientId: string, name: string) => `${clientId} removido de ${name}.`,
  },
});
