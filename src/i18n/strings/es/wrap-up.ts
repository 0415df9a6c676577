import type { Channel } from '../../../core/types.js';
import type { Translation } from '../../localize.js';
import type { WrapUpStrings } from '../wrap-up.js';

const channels: Record<Channel, string> = {
  phone: 'Teléfono', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Correo electrónico', webchat: 'Chat web',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const es: Translation<WrapUpStrings> = {
  label: 'Post-llamada',
  endNow: 'Terminar la post-llamada ahora',
  hint: 'Termina la post-llamada: quedas disponible para nuevas llamadas.',
  started: (duration: string) => `Post-llamada iniciada: ${duration} para completar tus notas.`,
  endedTimeout: 'Terminó el tiempo de post-llamada. Vuelves a estar disponible.',
  endedManual: 'Post-llamada terminada. Vuelves a estar disponible.',
  over: 'Post-llamada terminada',
  notApplicable: (channel: Channel) => `Sin post-llamada después de interacciones de ${channels[channel]}`,
  expectedSeconds: 'un número de segundos mayor que 0',
  expectedDeadline: 'milisegundos desde epoch o una fecha y hora ISO 8601',
};

export default es;
