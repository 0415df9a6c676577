import type { Translation } from '../../localize.js';
import type { WrapUpStrings } from '../wrap-up.js';

const es: Translation<WrapUpStrings> = {
  label: 'Post-llamada',
  endNow: 'Terminar la post-llamada ahora',
  hint: 'Termina la post-llamada: quedas disponible para nuevas llamadas.',
  started: (duration: string) => `Post-llamada iniciada: ${duration} para completar tus notas.`,
  endedTimeout: 'Terminó el tiempo de post-llamada. Vuelves a estar disponible.',
  endedManual: 'Post-llamada terminada. Vuelves a estar disponible.',
  over: 'Post-llamada terminada',
  expectedSeconds: 'un número de segundos mayor que 0',
  expectedDeadline: 'milisegundos desde epoch o una fecha y hora ISO 8601',
};

export default es;
