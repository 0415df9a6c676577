import type { Translation } from '../../localize.js';
import type { DirectoryStrings } from '../directory.js';
import type { ConditionProblem, ExpressionErrorReason, FilterOp, SystemFieldKey } from '../../../core/filters/index.js';
import type { MergeRefusal } from '../../../core/merge/index.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** What the expression error says about a reason; `token` is the offending text, `count` the number of conditions. */
type ReasonText = (token: string, count: number) => string;

/** System fields, plus the `name` column (first and last name together). */
type ColumnLabel = SystemFieldKey | 'name';

const ptReasons: Record<ExpressionErrorReason, ReasonText> = {
  'no-conditions': () => 'Adicione condições antes de digitar uma expressão.',
  empty: () => 'Digite uma expressão como (1 or 2) and 3.',
  'unknown-condition': (t, c) => `Não existe a condição ${t}: use números de 1 a ${c}.`,
  'unbalanced-parenthesis': (t) => (t === '(' ? 'Este “(” nunca é fechado.' : 'Este “)” não tem um “(” correspondente.'),
  'full-width-parenthesis': () => 'Use parênteses de largura normal “(” e “)”.',
  'missing-space': (t) => `Coloque um espaço antes e depois de “${t}”.`,
  'missing-operand': () => 'Falta um número de condição ou “(” aqui.',
  'missing-operator': () => 'Falta “and” ou “or” aqui.',
  'unexpected-token': (t) => `“${t}” não é permitido: use números de condição, and, or e parênteses.`,
};

const ptProblems: Record<ConditionProblem, string> = {
  'unknown-field': 'Este campo não existe mais.',
  'operator-not-allowed': 'Esta comparação não se aplica a este campo.',
  'missing-value': 'Digite um valor. Até lá, esta condição é ignorada.',
  'invalid-number': 'Digite um número.',
  'invalid-date': 'Digite uma data válida.',
  'invalid-boolean': 'Escolha sim ou não.',
  'invalid-phone': 'Digite os dígitos do telefone.',
};

const ptOps: Record<FilterOp, string> = {
  is: 'é',
  'is not': 'não é',
  contains: 'contém',
  'not contains': 'não contém',
  'is empty': 'está vazio',
  'is not empty': 'não está vazio',
  before: 'é anterior a',
  after: 'é posterior a',
  greater: 'é maior que',
  less: 'é menor que',
};

const ptFields: Record<ColumnLabel, string> = {
  name: 'Nome',
  firstName: 'Nome',
  lastName: 'Sobrenome',
  email: 'E-mail',
  phone: 'Telefone',
  tags: 'Etiquetas',
  leadStage: 'Etapa',
  owner: 'Responsável',
  blocked: 'Bloqueado',
  unsubscribed: 'Descadastrado',
  createdAt: 'Criado',
  updatedAt: 'Atualizado',
};

const pt: Translation<DirectoryStrings> = {
  tableLabel: 'Contatos',
  searchLabel: 'Pesquisar contatos',
  searchPlaceholder: 'Nome, telefone, e-mail…',
  count: (shown: number, total: number) =>
    shown === total
      ? `${n(total, 'pt')} ${total === 1 ? 'contato' : 'contatos'}`
      : `${n(shown, 'pt')} de ${n(total, 'pt')} contatos`,
  selectedCount: (count: number) => `${n(count, 'pt')} ${count === 1 ? 'selecionado' : 'selecionados'}`,
  empty: 'Nenhum contato corresponde.',
  unnamed: '(sem nome)',
  yes: 'Sim',
  no: 'Não',
  selectAll: (count: number) => `Selecionar todos os ${n(count, 'pt')} contatos`,
  selectContact: (name: string) => `Selecionar ${name}`,
  field: (key: ColumnLabel) => ptFields[key],
  filterLegend: 'Filtro',
  matchLabel: 'Combinar condições',
  matchAll: 'Atender a todas',
  matchAny: 'Atender a qualquer uma',
  matchExpression: 'Usar uma expressão lógica',
  conditionLabel: (index: number) => `Condição ${index}`,
  fieldLabel: (index: number) => `Campo da condição ${index}`,
  opLabel: (index: number) => `Comparação da condição ${index}`,
  valueLabel: (index: number) => `Valor da condição ${index}`,
  removeCondition: (index: number) => `Remover a condição ${index}`,
  addCondition: 'Adicionar uma condição',
  op: (op: FilterOp) => ptOps[op],
  problem: (problem: ConditionProblem) => ptProblems[problem],
  expressionLabel: 'Expressão lógica',
  expressionHint: 'Combine números de condição com and, or e parênteses, p. ex. (1 or 2) and 3.',
  expressionNeedsConditions: 'Adicione uma condição primeiro.',
  invalidExpression: 'Expressão lógica inválida.',
  expressionReason: (reason: ExpressionErrorReason, token: string, count: number) => ptReasons[reason](token, count),
  atCharacter: (position: number) => `No caractere ${n(position, 'pt')}:`,
  filterNotApplied: 'O filtro tem um problema; a lista mostra o último filtro válido.',
  conditionsIgnored: (numbers: string, count: number) =>
    count === 1
      ? `A condição ${numbers} ainda não tem valor: a lista a ignora até você completá-la.`
      : `As condições ${numbers} ainda não têm valor: a lista as ignora até você completá-las.`,
  deleteButton: 'Excluir',
  mergeButton: 'Mesclar',
  mergeRefusal: (reason: MergeRefusal, limit: number) =>
    reason === 'too-many'
      ? `Você pode mesclar no máximo ${limit} contatos por vez.`
      : reason === 'too-few'
        ? `Selecione pelo menos ${limit} contatos para mesclar.`
        : 'Estes contatos não podem ser mesclados.',
  bulkButton: 'Atualização em massa',
  importButton: 'Importar',
  loadFailed: 'Não foi possível carregar esta parte do diretório. Verifique a conexão e tente de novo.',
  viewsLabel: 'Visualizações',
  allContacts: 'Todos os contatos',
  blockedSegment: 'Bloqueados',
  privateView: 'privada',
  saveView: 'Salvar como visualização',
  viewName: 'Nome da visualização',
  viewPublic: 'Visível para todos os agentes',
  saveViewButton: 'Salvar visualização',
  customizeTable: 'Personalizar tabela',
};

export default pt;
