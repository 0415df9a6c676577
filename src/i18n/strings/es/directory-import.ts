import type { Translation } from '../../localize.js';
import type { ImportStrings } from '../directory-import.js';
import type { ImportSkipReason } from '../../../core/import/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `detail` is the offending cell, the column, the earlier row or the existing contact id. */
type SkipText = (detail: string) => string;

const esSkips: Record<ImportSkipReason, SkipText> = {
  'malformed-quotes': () => 'Hay comillas sin cerrar.',
  'too-many-columns': () => 'La fila tiene más columnas que el encabezado.',
  'no-data': () => 'No hay nada que importar en esta fila.',
  'invalid-phone': (d) => `«${d}» no es un teléfono válido.`,
  'invalid-email': (d) => `«${d}» no es un correo válido.`,
  'invalid-value': (d) => `El valor de la columna «${d}» no corresponde al campo.`,
  'duplicate-in-file': (d) => `Es el mismo contacto que la fila ${d}.`,
  exists: () => 'El contacto ya existe.',
};

const es: Translation<ImportStrings> = {
  title: 'Importar contactos desde CSV',
  fileLabel: 'Archivo CSV',
  reading: 'Leyendo el archivo…',
  mappingCaption: 'Columnas del archivo y su destino',
  columnHeader: 'Columna',
  exampleHeader: 'Primera fila',
  targetHeader: 'Importar como',
  ignore: 'No importar',
  modeLegend: 'Cuando una fila coincide con un contacto existente',
  modeUpdate: 'Actualizar el contacto',
  modeSkip: 'Omitir la fila',
  start: (rows: number) => `Importar ${n(rows, 'es')} ${rows === 1 ? 'fila' : 'filas'}`,
  progressLabel: 'Progreso de la importación',
  progress: (done: number, total: number) => `${n(done, 'es')} de ${n(total, 'es')} filas`,
  report: (created: number, updated: number, unchanged: number, skipped: number) =>
    `Creados ${n(created, 'es')} · Actualizados ${n(updated, 'es')} · Sin cambios ${n(unchanged, 'es')} · Omitidos ${n(skipped, 'es')}`,
  skippedCaption: 'Filas omitidas',
  rowHeader: 'Fila',
  reasonHeader: 'Motivo',
  skip: (reason: ImportSkipReason, detail: string) => esSkips[reason](detail),
  failed: 'No se pudo leer el archivo.',
};

export default es;
