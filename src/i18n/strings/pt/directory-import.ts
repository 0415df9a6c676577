import type { Translation } from '../../localize.js';
import type { ImportStrings, ReasonMatch, ReportColumn } from '../directory-import.js';
import type { ImportOutcome, ImportRowReason, ImportRowStatus } from '../../../core/import/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `detail` is the offending cell, the column or the earlier row; `m` the existing contact matched. */
type ReasonText = (detail: string, m: ReasonMatch) => string;

const by = (m: ReasonMatch) => `${m.kind === 'email' ? 'e-mail' : m.kind === 'phone' ? 'telefone' : m.kind} ${m.value}`;

const ptReasons: Record<ImportRowReason, ReasonText> = {
  new: () => 'Contato novo.',
  'no-identity': () => 'Contato novo (sem telefone nem e-mail para comparar).',
  matched: (_, m) => `Corresponde a ${m.name} pelo ${by(m)}.`,
  'same-as-row': (d) => `Mesmo contato da linha ${d}: adicionado a ela.`,
  unchanged: (_, m) => `Corresponde a ${m.name} pelo ${by(m)}; nada a mudar.`,
  exists: (_, m) => `Corresponde a ${m.name} pelo ${by(m)}; contatos existentes são ignorados.`,
  'malformed-quotes': () => 'Há aspas sem fechar.',
  'too-many-columns': () => 'A linha tem mais colunas que o cabeçalho.',
  'no-data': () => 'Linha vazia: nada para importar.',
  'invalid-phone': (d) => `“${d}” não é um telefone válido.`,
  'invalid-email': (d) => `“${d}” não é um e-mail válido.`,
  'invalid-value': (d) => `O valor da coluna “${d}” não corresponde ao campo.`,
  'duplicate-in-file': (d) => `Duplicata da linha ${d} do arquivo.`,
};

const ptOutcomes: Record<ImportOutcome, string> = { create: 'Criar', update: 'Atualizar', skip: 'Ignorar' };
const ptStatuses: Record<ImportRowStatus, string> = {
  planned: 'Ainda não importada',
  written: 'Gravada',
  failed: 'Falhou',
  'not-written': 'Não gravada',
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
  preview: (rows: number) => `Pré-visualizar ${n(rows, 'pt')} ${rows === 1 ? 'linha' : 'linhas'}`,
  back: 'Voltar',
  planning: 'Verificando as linhas…',
  modeLegend: 'Contatos que já existem',
  modeSkip: 'Ignorar contatos que já existem',
  modeUpdate: 'Atualizar contatos existentes',
  counts: (create: number, update: number, skip: number) =>
    `${n(create, 'pt')} para criar · ${n(update, 'pt')} para atualizar · ${n(skip, 'pt')} para ignorar`,
  filterLabel: 'Mostrar linhas',
  filterAll: (count: number) => `Todas (${n(count, 'pt')})`,
  filterOutcome: (outcome: ImportOutcome, count: number) => `${ptOutcomes[outcome]} (${n(count, 'pt')})`,
  outcome: (outcome: ImportOutcome) => ptOutcomes[outcome],
  previewLabel: 'Linhas do arquivo e o que a importação faz com cada uma',
  rowNumber: (row: number) => `Linha ${n(row, 'pt')}`,
  updateRow: (row: number, name: string) => `Atualizar ${name} com a linha ${n(row, 'pt')}`,
  noRows: 'Nenhuma linha para mostrar.',
  start: (contacts: number) => `Importar ${n(contacts, 'pt')} ${contacts === 1 ? 'contato' : 'contatos'}`,
  nothingToImport: 'Nada para importar: todas as linhas são ignoradas.',
  progressLabel: 'Progresso da importação',
  progress: (done: number, total: number) => `${n(done, 'pt')} de ${n(total, 'pt')} linhas`,
  writing: (done: number, total: number) => `Gravadas ${n(done, 'pt')} de ${n(total, 'pt')} linhas`,
  cancelImport: 'Parar a importação',
  stopping: 'Parando ao terminar o lote atual…',
  report: (created: number, updated: number, unchanged: number, skipped: number) =>
    `Criados ${n(created, 'pt')} · Atualizados ${n(updated, 'pt')} · Sem alterações ${n(unchanged, 'pt')} · Ignorados ${n(skipped, 'pt')}`,
  finished: 'Importação concluída.',
  cancelled: (written: number, total: number) =>
    `Importação interrompida: ${n(written, 'pt')} de ${n(total, 'pt')} linhas foram gravadas; as outras não. O relatório mostra cada linha.`,
  writeFailed: (written: number, total: number) =>
    `A importação parou por um erro: ${n(written, 'pt')} de ${n(total, 'pt')} linhas foram gravadas. Tente de novo para gravar as outras, ou baixe o relatório para ver quais linhas não foram gravadas.`,
  sentToHost: 'A importação foi entregue à página para gravar.',
  downloadReport: 'Baixar relatório (CSV)',
  reportHeader: (column: ReportColumn) => ({ row: 'Linha', outcome: 'Resultado previsto', result: 'Situação', reason: 'Motivo', contact: 'Contato' })[column],
  status: (status: ImportRowStatus | undefined) => (status ? ptStatuses[status] : ''),
  reason: (reason: ImportRowReason, detail: string, m: ReasonMatch) => ptReasons[reason](detail, m),
  readFailed: 'Não foi possível ler o arquivo. Verifique se é um arquivo CSV (texto separado por vírgula ou ponto e vírgula) e escolha-o de novo.',
  loadFailed: 'A importação não pôde começar porque uma parte da página não carregou. Verifique a conexão e tente de novo.',
  checkFailed: 'Não foi possível verificar os contatos existentes: o CRM não respondeu. Verifique a conexão e tente de novo.',
  retry: 'Tentar de novo',
  fileError: 'Não foi possível ler o arquivo',
};

export default pt;
