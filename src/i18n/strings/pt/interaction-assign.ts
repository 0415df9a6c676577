import type { Translation } from '../../localize.js';
import type { InteractionAssignStrings } from '../interaction-assign.js';

const pt: Translation<InteractionAssignStrings> = {
  assignQuestion: (clientId: string, name: string) => `Atribuir ${clientId} a ${name}?`,
  assignConflict: (clientId: string, owners: string) => `${clientId} já pertence a ${owners}.`,
  assign: 'Atribuir',
  assignAnyway: 'Atribuir mesmo assim',
  openWithoutAssigning: 'Abrir sem atribuir',
  assigned: (clientId: string, name: string) => `${clientId} atribuído a ${name}.`,
  undo: 'Desfazer',
  undone: (clientId: string, name: string) => `${clientId} removido de ${name}.`,
};

export default pt;
