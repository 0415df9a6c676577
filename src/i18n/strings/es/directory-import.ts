import type { Translation } from '../../localize.js';
import type { ImportStrings, ReasonMatch, ReportColumn } from '../directory-import.js';
import type { ImportOutcome, ImportRowReason, ImportRowStatus } from '../../../core/import/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `detail` is the offending cell, the column or the earlier row; `m` the existing contact matched. */
type ReasonText = (detail: string, m: ReasonMatch) => string;

const by = (m: ReasonMatch) => `${m.kind === 'email' ? 'correo' : m.kind === 'phone' ? 'teléfono' : m.kind} ${m.value}`;

const esReasons: Record<ImportRowReason, ReasonText> = {
  new: () => 'Contacto nuevo.',
  'no-identity': () => 'Contacto nuevo (sin teléfono ni correo con que comparar).',
  matched: (_, m) => `Coincide con ${m.name} por ${by(m)}.`,
  'same-as-row': (d) => `Mismo contacto que la fila ${d}: se agrega a ella.`,
  unchanged: (_, m) => `Coincide con ${m.name} por ${by(m)}; no hay nada que cambiar.`,
  exists: (_, m) => `Coincide con ${m.name} por ${by(m)}; los contactos existentes se omiten.`,
  'malformed-quotes': () => 'Hay comillas sin cerrar.',
  'too-many-columns': () => 'La fila tiene más columnas que el encabezado.',
  'no-data': () => 'Fila vacía: no hay nada que importar.',
  'invalid-phone': (d) => `«${d}» no es un teléfono válido.`,
  'invalid-email': (d) => `«${d}» no es un correo válido.`,
  'invalid-value': (d) => `El valor de la columna «${d}» no corresponde al campo.`,
  'duplicate-in-file': (d) => `Duplicado de la fila ${d} del archivo.`,
};

const esOutcomes: Record<ImportOutcome, string> = { create: 'Crear', update: 'Actualizar', skip: 'Omitir' };
const esStatuses: Record<ImportRowStatus, string> = {
  planned: 'Aún no importada',
  written: 'Escrita',
  failed: 'Falló',
  'not-written': 'No escrita',
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
  preview: (rows: number) => `Vista previa de ${n(rows, 'es')} ${rows === 1 ? 'fila' : 'filas'}`,
  back: 'Atrás',
  planning: 'Revisando las filas…',
  modeLegend: 'Contactos que ya existen',
  modeSkip: 'Omitir los contactos que ya existen',
  modeUpdate: 'Actualizar los contactos existentes',
  counts: (create: number, update: number, skip: number) =>
    `${n(create, 'es')} para crear · ${n(update, 'es')} para actualizar · ${n(skip, 'es')} para omitir`,
  filterLabel: 'Mostrar filas',
  filterAll: (count: number) => `Todas (${n(count, 'es')})`,
  filterOutcome: (outcome: ImportOutcome, count: number) => `${esOutcomes[outcome]} (${n(count, 'es')})`,
  outcome: (outcome: ImportOutcome) => esOutcomes[outcome],
  previewLabel: 'Filas del archivo y qué hace la importación con cada una',
  rowNumber: (row: number) => `Fila ${n(row, 'es')}`,
  updateRow: (row: number, name: string) => `Actualizar a ${name} con la fila ${n(row, 'es')}`,
  noRows: 'No hay filas para mostrar.',
  start: (contacts: number) => `Importar ${n(contacts, 'es')} ${contacts === 1 ? 'contacto' : 'contactos'}`,
  nothingToImport: 'Nada que importar: se omiten todas las filas.',
  progressLabel: 'Progreso de la importación',
  progress: (done: number, total: number) => `${n(done, 'es')} de ${n(total, 'es')} filas`,
  writing: (done: number, total: number) => `Escritas ${n(done, 'es')} de ${n(total, 'es')} filas`,
  cancelImport: 'Detener la importación',
  stopping: 'Deteniendo al terminar el lote actual…',
  report: (created: number, updated: number, unchanged: number, skipped: number) =>
    `Creados ${n(created, 'es')} · Actualizados ${n(updated, 'es')} · Sin cambios ${n(unchanged, 'es')} · Omitidos ${n(skipped, 'es')}`,
  finished: 'Importación terminada.',
  cancelled: (written: number, total: number) =>
    `Importación detenida: se escribieron ${n(written, 'es')} de ${n(total, 'es')} filas; las demás no. El informe detalla cada fila.`,
  writeFailed: (written: number, total: number) =>
    `La importación se detuvo por un error: se escribieron ${n(written, 'es')} de ${n(total, 'es')} filas. Vuelva a intentarlo para escribir las demás, o descargue el informe para ver qué filas no se escribieron.`,
  sentToHost: 'La importación se entregó a la página para que la escriba.',
  downloadReport: 'Descargar informe (CSV)',
  reportHeader: (column: ReportColumn) => ({ row: 'Fila', outcome: 'Resultado previsto', result: 'Estado', reason: 'Motivo', contact: 'Contacto' })[column],
  status: (status: ImportRowStatus | undefined) => (status ? esStatuses[status] : ''),
  reason: (reason: ImportRowReason, detail: string, m: ReasonMatch) => esReasons[reason](detail, m),
  readFailed: 'No se pudo leer el archivo. Compruebe que sea un archivo CSV (texto separado por comas o punto y coma) y elíjalo de nuevo.',
  loadFailed: 'La importación no pudo empezar porque una parte de la página no se cargó. Compruebe la conexión y vuelva a intentarlo.',
  checkFailed: 'No se pudieron comprobar los contactos existentes: el CRM no respondió. Compruebe la conexión y vuelva a intentarlo.',
  retry: 'Reintentar',
  fileError: 'No se pudo leer el archivo',
};

export default es;
