import type { Translation } from '../../localize.js';
import type { RestInteractionStrings } from '../rest-interactions.js';

const es: Translation<RestInteractionStrings> = {
  listInteractions: 'Cargar la bandeja',
  getInteraction: 'Cargar la interacción',
  history: 'Cargar las interacciones del contacto',
  take: 'Tomar la interacción',
  start: 'Iniciar la interacción',
  linkContact: 'Vincular el contacto',
  messages: 'Cargar la conversación',
  send: 'Enviar el mensaje',
  upload: 'Subir el adjunto',
  activity: 'Avisar a los demás que estás en la conversación',
  call: 'Controlar la llamada',
  transferTargets: 'Cargar los destinos de transferencia',
  transfer: 'Transferir la interacción',
  conference: 'Gestionar la conferencia',
  saveDisposition: 'Guardar la tipificación',
  scheduled: 'Cargar los reintentos programados',
  finish: 'Finalizar la interacción',
  close: 'Cerrar la interacción',
  presence: 'Actualizar tu estado',
  views: 'Cargar las vistas de la bandeja',
  saveView: 'Guardar la vista de la bandeja',
  deleteView: 'Eliminar la vista de la bandeja',
  batch: 'Actualizar las interacciones',
  filesNotSupported: 'Este servidor todavía no acepta adjuntos ni mensajes de voz: envía texto o una plantilla.',
};

export default es;
