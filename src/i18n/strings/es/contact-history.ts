import type { Translation } from '../../localize.js';
import type { ContactHistoryStrings } from '../contact-history.js';

const es: Translation<ContactHistoryStrings> = {
  title: 'Interacciones',
  loading: 'Cargando interacciones…',
  empty: 'Todavía no hay interacciones con este contacto.',
  more: 'Ver interacciones anteriores',
  agent: (name: string) => `Agente: ${name}`,
  noAgent: 'Sin agente',
  disposition: (path: string) => `Tipificación: ${path}`,
  noDisposition: 'Sin tipificación',
  conversation: (channel: string, when: string) => `Conversación de ${channel} del ${when} (solo lectura)`,
  back: 'Volver a las interacciones',
  noMessages: 'Esta interacción no tiene mensajes.',
  loadingMessages: 'Cargando la conversación…',
  replyTo: (text: string) => `Respuesta a: ${text}`,
  attachment: (name: string, size: string) => `${name} (${size})`,
  voice: (seconds: string) => `Mensaje de voz, ${seconds} s`,
  internal: 'Nota interna',
  status: (status: string) =>
    ({ pending: 'Enviando', sent: 'Enviado', delivered: 'Entregado', read: 'Leído', failed: 'No entregado' })[status] ?? status,
};

export default es;
