import type { Translation } from '../../localize.js';
import type { ContactStrings } from '../contact.js';

const es: Translation<ContactStrings> = {
  unnamed: 'Contacto sin nombre',
  blocked: 'Bloqueado',
  identities: 'Datos de contacto',
  phone: 'Teléfono',
  email: 'Correo electrónico',
  instagram: 'Instagram',
  messenger: 'Messenger',
  telegram: 'Telegram',
  webchat: 'Chat web',
  currentInteraction: '(esta interacción)',
  tags: 'Etiquetas',
  leadStage: 'Etapa',
  owner: 'Responsable',
  unsubscribed: 'Dado de baja',
  createdAt: 'Creado',
  updatedAt: 'Actualizado',
  properties: 'Propiedades',
  notes: 'Notas',
  noNotes: 'Todavía no hay notas.',
  noteBy: (author: string, time: string) => `${author}, ${time}`,
  fullViewFailed: 'No se pudieron cargar las propiedades y notas de este contacto.',
  stageLead: 'Lead',
  stageProspect: 'Prospecto',
  stageCustomer: 'Cliente',
  yes: 'Sí',
  no: 'No',
  notSet: 'Sin completar',
};

export default es;
