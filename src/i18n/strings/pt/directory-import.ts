import type { Translation } from '../../localize.js';
import type { ImportStrings } from '../directory-import.js';
import type { ImportSkipReason } from '../../../core/import/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `detail` is the offending cell, the column, the earlier row or the existing contact id. */
type SkipText = (detail: string) => string;

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

const pt: Translation<ImportStrings> = {
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
};

export default pt;
