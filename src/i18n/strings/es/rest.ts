import type { Translation } from '../../localize.js';
import type { RestStrings } from '../rest.js';

const es: Translation<RestStrings> = {
  resolve: 'Resolver la interacción',
  getContact: 'Cargar el contacto',
  findByIdentity: 'Buscar contactos',
  search: 'Buscar contactos',
  createContact: 'Crear el contacto',
  updateContact: 'Guardar el contacto',
  addIdentity: 'Asignar el ClientID',
  removeIdentity: 'Quitar el ClientID',
  listSections: 'Cargar las secciones personalizadas',
  listCampaigns: 'Cargar las campañas',
  queryContacts: 'Filtrar contactos',
  getContacts: 'Cargar los contactos',
  deleteContacts: 'Eliminar los contactos',
  mergeContacts: 'Combinar los contactos',
  bulkUpdate: 'Actualizar los contactos',
  importContacts: 'Importar los contactos',
  listViews: 'Cargar las vistas guardadas',
  saveView: 'Guardar la vista',
  deleteView: 'Eliminar la vista',
  listTags: 'Cargar las etiquetas',
  addNote: 'Agregar la nota',
  findDuplicates: 'Buscar duplicados',
  syncStatus: 'Cargar el estado de sincronización',
  retrySync: 'Reintentar la sincronización',
  cancelled: (op: string) => `${op}: se canceló.`,
  timedOut: (op: string) => `${op}: tiempo agotado, el servidor CRM no respondió a tiempo.`,
  unreachable: (op: string) => `${op}: no se puede acceder al servidor CRM.`,
  notJson: (op: string) => `${op}: el servidor CRM envió una respuesta que no es JSON válido.`,
  unexpectedShape: (op: string) => `${op}: el servidor CRM envió una respuesta con una forma inesperada.`,
  httpStatus: (op: string, status: number) => `${op}: el servidor CRM respondió ${status}.`,
  noToken: 'No se pudo obtener un token de acceso para el servidor CRM.',
};

export default es;
