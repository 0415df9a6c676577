import { defineStrings } from '../localize.js';
import type { ImportSkipReason } from '../../core/csv-import.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `detail` is the offending cell, the column, the earlier row or the existing contact id. */
type SkipText = (detail: string) => string;

const enSkips: Record<ImportSkipReason, SkipText> = {
  'malformed-quotes': () => 'A quote is not closed.',
  'too-many-columns': () => 'The row has more columns than the header.',
  'no-data': () => 'Nothing to import in this row.',
  'invalid-phone': (d) => `“${d}” is not a valid phone number.`,
  'invalid-email': (d) => `“${d}” is not a valid email.`,
  'invalid-value': (d) => `The value in column “${d}” does not fit the field.`,
  'duplicate-in-file': (d) => `Same contact as row ${d}.`,
  exists: () => 'The contact already exists.',
};
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
const ptSkips: Record<ImportSkipReason, SkipText> = {
  'malformed-quotes': () => 'Há aspas sem fechar.',
  'too-many-columns': () => 'A linha tem mais colunas que o cabeçalho.',
  'no-data': () => 'Não há nada para importar nesta linha.',
  'invalid-phone': (d) => `“${d}” não é um telefone válido.`,
  'invalid-email': (d) => `“${d}” não é um e-mail válido.`,
  'invalid-value': (d) => `O valor da coluna “${d}” não corresponde ao campo.`,
  'duplicate-in-file': (d) => `Mesmo contato da linha ${d}.`,
  exists: () => 'O contato já existe.',
};

/** The contact directory's CSV import: file, column mapping, progress and report. */
export const importStrings = defineStrings({
  en: {
    title: 'Import contacts from CSV',
    fileLabel: 'CSV file',
    reading: 'Reading the file…',
    mappingCaption: 'Columns of the file and where they go',
    columnHeader: 'Column',
    exampleHeader: 'First row',
    targetHeader: 'Import as',
    ignore: 'Do not import',
    modeLegend: 'When a row matches an existing contact',
    modeUpdate: 'Update the contact',
    modeSkip: 'Skip the row',
    start: (rows: number) => `Import ${n(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}`,
    progressLabel: 'Import progress',
    progress: (done: number, total: number) => `${n(done, 'en')} of ${n(total, 'en')} rows`,
    report: (created: number, updated: number, unchanged: number, skipped: number) =>
      `Created ${n(created, 'en')} · Updated ${n(updated, 'en')} · Unchanged ${n(unchanged, 'en')} · Skipped ${n(skipped, 'en')}`,
    skippedCaption: 'Skipped rows',
    rowHeader: 'Row',
    reasonHeader: 'Reason',
    skip: (reason: ImportSkipReason, detail: string) => enSkips[reason](detail),
    failed: 'The file could not be read.',
  },
  es: {
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
  },
  pt: {
    title: 'Importar contatos de CSV',
    fileLabel: 'Arquivo CSV',
    reading: 'Lendo o arquivo…',
    mappingCaption: 'Colunas do arquivo e seu destino',
    columnHeader: 'Coluna',
    exampleHeader: 'Primeira linha',
    targetHeader: 'Importar como',
    ignore: 'Não importar',
    modeLegend: 'Quando uma linha corresponde a um contato existente',
    modeUpdate: 'Atualizar o contato',
    modeSkip: 'Ignorar a linha',
    start: (rows: number) => `Importar ${n(rows, 'pt')} ${rows === 1 ? 'linha' : 'linhas'}`,
    progressLabel: 'Progresso da importação',
    progress: (done: number, total: number) => `${n(done, 'pt')} de ${n(total, 'pt')} linhas`,
    report: (created: number, updated: number, unchanged: number, skipped: number) =>
      `Criados ${n(created, 'pt')} · Atualizados ${n(updated, 'pt')} · Sem alterações ${n(unchanged, 'pt')} · Ignorados ${n(skipped, 'pt')}`,
    skippedCaption: 'Linhas ignoradas',
    rowHeader: 'Linha',
    reasonHeader: 'Motivo',
    skip: (reason: ImportSkipReason, detail: string) => ptSkips[reason](detail),
    failed: 'Não foi possível ler o arquivo.',
  },
});
