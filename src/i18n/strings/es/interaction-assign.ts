import type { Translation } from '../../localize.js';
import type { InteractionAssignStrings } from '../interaction-assign.js';

const es: Translation<InteractionAssignStrings> = {
  assignQuestion: (clientId: string, name: string) => `¿Asignar ${clientId} a ${name}?`,
  assignConflict: (clientId: string, owners: string) => `${clientId} ya pertenece a ${owners}.`,
  assign: 'Asignar',
  assignAnyway: 'Asignar de todos modos',
  openWithoutAssigning: 'Abrir sin asignar',
  assigned: (clientId: string, name: string) => `${clientId} asignado a ${name}.`,
  undo: 'Deshacer',
  undone: (clientId: string, name: string) => `${clientId} quitado de ${name}.`,
};

export default es;
