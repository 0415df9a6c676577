import { defineStrings } from '../localize.js';
import type { ConditionProblem, ExpressionErrorReason, FilterOp, SystemFieldKey } from '../../core/filter.js';
import type { MergeRefusal } from '../../core/merge.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** What the expression error says about a reason; `token` is the offending text, `count` the number of conditions. */
type ReasonText = (token: string, count: number) => string;

const enReasons: Record<ExpressionErrorReason, ReasonText> = {
  'no-conditions': () => 'Add conditions before typing an expression.',
  empty: () => 'Type an expression such as (1 or 2) and 3.',
  'unknown-condition': (t, c) => `There is no condition ${t}: use numbers from 1 to ${c}.`,
  'unbalanced-parenthesis': (t) => (t === '(' ? 'This “(” is never closed.' : 'This “)” has no matching “(”.'),
  'full-width-parenthesis': () => 'Use half-width parentheses “(” and “)”.',
  'missing-space': (t) => `Put a space before and after “${t}”.`,
  'missing-operand': () => 'A condition number or “(” is missing here.',
  'missing-operator': () => '“and” or “or” is missing here.',
  'unexpected-token': (t) => `“${t}” is not allowed: use condition numbers, and, or, and parentheses.`,
};
const esReasons: Record<ExpressionErrorReason, ReasonText> = {
  'no-conditions': () => 'Agrega condiciones antes de escribir una expresión.',
  empty: () => 'Escribe una expresión como (1 or 2) and 3.',
  'unknown-condition': (t, c) => `No existe la condición ${t}: usa números del 1 al ${c}.`,
  'unbalanced-parenthesis': (t) => (t === '(' ? 'Este «(» nunca se cierra.' : 'Este «)» no tiene un «(» que le corresponda.'),
  'full-width-parenthesis': () => 'Usa paréntesis de ancho normal «(» y «)».',
  'missing-space': (t) => `Pon un espacio antes y después de «${t}».`,
  'missing-operand': () => 'Falta un número de condición o «(» aquí.',
  'missing-operator': () => 'Falta «and» u «or» aquí.',
  'unexpected-token': (t) => `«${t}» no está permitido: usa números de condición, and, or y paréntesis.`,
};
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

const enProblems: Record<ConditionProblem, string> = {
  'unknown-field': 'This field no longer exists.',
  'operator-not-allowed': 'This comparison does not apply to this field.',
  'missing-value': 'Enter a value.',
  'invalid-number': 'Enter a number.',
  'invalid-date': 'Enter a valid date.',
  'invalid-boolean': 'Choose yes or no.',
  'invalid-phone': 'Enter phone digits.',
};
const esProblems: Record<ConditionProblem, string> = {
  'unknown-field': 'Este campo ya no existe.',
  'operator-not-allowed': 'Esta comparación no se aplica a este campo.',
  'missing-value': 'Escribe un valor.',
  'invalid-number': 'Escribe un número.',
  'invalid-date': 'Escribe una fecha válida.',
  'invalid-boolean': 'Elige sí o no.',
  'invalid-phone': 'Escribe los dígitos del teléfono.',
};
const ptProblems: Record<ConditionProblem, string> = {
  'unknown-field': 'Este campo não existe mais.',
  'operator-not-allowed': 'Esta comparação não se aplica a este campo.',
  'missing-value': 'Digite um valor.',
  'invalid-number': 'Digite um número.',
  'invalid-date': 'Digite uma data válida.',
  'invalid-boolean': 'Escolha sim ou não.',
  'invalid-phone': 'Digite os dígitos do telefone.',
};

const enOps: Record<FilterOp, string> = {
  is: 'is',
  'is not': 'is not',
  contains: 'contains',
  'not contains': 'does not contain',
  'is empty': 'is empty',
  'is not empty': 'is not empty',
  before: 'is before',
  after: 'is after',
  greater: 'is greater than',
  less: 'is less than',
};
const esOps: Record<FilterOp, string> = {
  is: 'es',
  'is not': 'no es',
  contains: 'contiene',
  'not contains': 'no contiene',
  'is empty': 'está vacío',
  'is not empty': 'no está vacío',
  before: 'es anterior a',
  after: 'es posterior a',
  greater: 'es mayor que',
  less: 'es menor que',
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

/** System fields, plus the `name` column (first and last name together). */
type ColumnLabel = SystemFieldKey | 'name';
const enFields: Record<ColumnLabel, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  tags: 'Tags',
  leadStage: 'Lead stage',
  owner: 'Owner',
  blocked: 'Blocked',
  unsubscribed: 'Unsubscribed',
  createdAt: 'Created',
  updatedAt: 'Updated',
};
const esFields: Record<ColumnLabel, string> = {
  name: 'Nombre',
  firstName: 'Nombre',
  lastName: 'Apellido',
  email: 'Correo electrónico',
  phone: 'Teléfono',
  tags: 'Etiquetas',
  leadStage: 'Etapa',
  owner: 'Responsable',
  blocked: 'Bloqueado',
  unsubscribed: 'Dado de baja',
  createdAt: 'Creado',
  updatedAt: 'Actualizado',
};
const ptFields: Record<ColumnLabel, string> = {
  name: 'Nome',
  firstName: 'Nome',
  lastName: 'Sobrenome',
  email: 'E-mail',
  phone: 'Telefone',
  tags: 'Etiquetas',
  leadStage: 'Estágio',
  owner: 'Responsável',
  blocked: 'Bloqueado',
  unsubscribed: 'Descadastrado',
  createdAt: 'Criado',
  updatedAt: 'Atualizado',
};

/** `<ucrm-contact-directory>`: the contact list, its search, filter builder and bulk actions. */
export const directoryStrings = defineStrings({
  en: {
    tableLabel: 'Contacts',
    searchLabel: 'Search contacts',
    searchPlaceholder: 'Name, phone, email…',
    count: (shown: number, total: number) =>
      shown === total
        ? `${n(total, 'en')} ${total === 1 ? 'contact' : 'contacts'}`
        : `${n(shown, 'en')} of ${n(total, 'en')} contacts`,
    selectedCount: (count: number) => `${n(count, 'en')} selected`,
    empty: 'No contacts match.',
    unnamed: '(no name)',
    yes: 'Yes',
    no: 'No',
    selectAll: (count: number) => `Select all ${n(count, 'en')} contacts`,
    selectContact: (name: string) => `Select ${name}`,
    field: (key: ColumnLabel) => enFields[key],
    filterLegend: 'Filter',
    matchLabel: 'Combine conditions',
    matchAll: 'Meet all',
    matchAny: 'Meet any',
    matchExpression: 'Use a logic expression',
    conditionLabel: (index: number) => `Condition ${index}`,
    fieldLabel: (index: number) => `Field of condition ${index}`,
    opLabel: (index: number) => `Comparison of condition ${index}`,
    valueLabel: (index: number) => `Value of condition ${index}`,
    removeCondition: (index: number) => `Remove condition ${index}`,
    addCondition: 'Add a condition',
    op: (op: FilterOp) => enOps[op],
    problem: (problem: ConditionProblem) => enProblems[problem],
    expressionLabel: 'Logic expression',
    expressionHint: 'Combine condition numbers with and, or and parentheses, e.g. (1 or 2) and 3.',
    expressionNeedsConditions: 'Add a condition first.',
    invalidExpression: 'Invalid logical expression.',
    expressionReason: (reason: ExpressionErrorReason, token: string, count: number) => enReasons[reason](token, count),
    atCharacter: (position: number) => `At character ${n(position, 'en')}:`,
    filterNotApplied: 'The filter has a problem; the list shows the last valid filter.',
    deleteButton: 'Delete',
    mergeButton: 'Merge',
    mergeRefusal: (reason: MergeRefusal, limit: number) =>
      reason === 'too-many'
        ? `You can merge at most ${limit} contacts at a time.`
        : reason === 'too-few'
          ? `Select at least ${limit} contacts to merge.`
          : 'These contacts cannot be merged.',
    bulkButton: 'Bulk update',
    importButton: 'Import',
    loadFailed: 'This part of the directory could not be loaded. Check the connection and retry.',
    viewsLabel: 'Views',
    allContacts: 'All contacts',
    blockedSegment: 'Blocked',
    privateView: 'private',
    saveView: 'Save as view',
    viewName: 'View name',
    viewPublic: 'Visible to every agent',
    saveViewButton: 'Save view',
    customizeTable: 'Customize table',
  },
  es: {
    tableLabel: 'Contactos',
    searchLabel: 'Buscar contactos',
    searchPlaceholder: 'Nombre, teléfono, correo…',
    count: (shown: number, total: number) =>
      shown === total
        ? `${n(total, 'es')} ${total === 1 ? 'contacto' : 'contactos'}`
        : `${n(shown, 'es')} de ${n(total, 'es')} contactos`,
    selectedCount: (count: number) => `${n(count, 'es')} ${count === 1 ? 'seleccionado' : 'seleccionados'}`,
    empty: 'Ningún contacto coincide.',
    unnamed: '(sin nombre)',
    yes: 'Sí',
    no: 'No',
    selectAll: (count: number) => `Seleccionar los ${n(count, 'es')} contactos`,
    selectContact: (name: string) => `Seleccionar a ${name}`,
    field: (key: ColumnLabel) => esFields[key],
    filterLegend: 'Filtro',
    matchLabel: 'Combinar condiciones',
    matchAll: 'Cumplir todas',
    matchAny: 'Cumplir alguna',
    matchExpression: 'Usar una expresión lógica',
    conditionLabel: (index: number) => `Condición ${index}`,
    fieldLabel: (index: number) => `Campo de la condición ${index}`,
    opLabel: (index: number) => `Comparación de la condición ${index}`,
    valueLabel: (index: number) => `Valor de la condición ${index}`,
    removeCondition: (index: number) => `Quitar la condición ${index}`,
    addCondition: 'Agregar una condición',
    op: (op: FilterOp) => esOps[op],
    problem: (problem: ConditionProblem) => esProblems[problem],
    expressionLabel: 'Expresión lógica',
    expressionHint: 'Combina números de condición con and, or y paréntesis, p. ej. (1 or 2) and 3.',
    expressionNeedsConditions: 'Primero agrega una condición.',
    invalidExpression: 'Expresión lógica no válida.',
    expressionReason: (reason: ExpressionErrorReason, token: string, count: number) => esReasons[reason](token, count),
    atCharacter: (position: number) => `En el carácter ${n(position, 'es')}:`,
    filterNotApplied: 'El filtro tiene un problema; la lista muestra el último filtro válido.',
    deleteButton: 'Eliminar',
    mergeButton: 'Fusionar',
    mergeRefusal: (reason: MergeRefusal, limit: number) =>
      reason === 'too-many'
        ? `Puedes fusionar como máximo ${limit} contactos a la vez.`
        : reason === 'too-few'
          ? `Selecciona al menos ${limit} contactos para fusionar.`
          : 'Estos contactos no se pueden fusionar.',
    bulkButton: 'Actualización masiva',
    importButton: 'Importar',
    loadFailed: 'No se pudo cargar esta parte del directorio. Revisa la conexión y reintenta.',
    viewsLabel: 'Vistas',
    allContacts: 'Todos los contactos',
    blockedSegment: 'Bloqueados',
    privateView: 'privada',
    saveView: 'Guardar como vista',
    viewName: 'Nombre de la vista',
    viewPublic: 'Visible para todos los agentes',
    saveViewButton: 'Guardar vista',
    customizeTable: 'Personalizar tabla',
  },
  pt: {
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
  },
});
