import type { Translation } from '../../localize.js';
import type { DirectoryActionStrings } from '../directory-actions.js';

const es: Translation<DirectoryActionStrings> = {
  actionsColumn: 'Acciones',
  unblock: 'Desbloquear',
  unblockLabel: (name: string) => `Desbloquear a ${name}`,
  unblocked: (name: string) => `${name} está desbloqueado y vuelve a la lista principal.`,
  newConversation: 'Nueva conversación',
  newConversationLabel: (name: string) => `Nueva conversación con ${name}`,
  conversationTitle: (name: string) => `Nueva conversación con ${name}`,
  noAddress: 'Este contacto no tiene teléfono ni correo para iniciar una conversación.',
  newContact: 'Nuevo contacto',
  customFieldsTitle: 'Campos personalizados',
  newContactTitle: 'Nuevo contacto',
  created: (name: string) => `Se creó ${name}.`,
  editView: (name: string) => `Editar la vista «${name}»`,
  editViewTitle: (name: string) => `Editar la vista «${name}»`,
  useCurrentFilter: 'Reemplazar su filtro por el filtro que se ve ahora',
  saveChanges: 'Guardar cambios',
  deleteView: 'Eliminar vista',
  deleteViewLabel: (name: string) => `Eliminar la vista «${name}»`,
  deleteViewTitle: (name: string) => `¿Eliminar la vista «${name}»?`,
  deleteViewWarning: 'La vista se elimina para todos los agentes que la ven. Los contactos no cambian.',
  deleteViewConfirm: 'Eliminar vista',
  viewNameTaken: (name: string) => `Ya existe una vista llamada «${name}». Elige otro nombre.`,
  viewNotYours: 'Solo el agente que creó esta vista puede cambiarla o eliminarla.',
};

export default es;
