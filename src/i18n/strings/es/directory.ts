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

const esProblems: Record<ConditionProblem, string> = {
  'unknown-field': 'Este campo ya no existe.',
  'operator-not-allowed': 'Esta comparación no se aplica a este campo.',
  'missing-value': 'Escribe un valor. Mientras tanto, esta condición se ignora.',
  'invalid-number': 'Escribe un número.',
  'invalid-date': 'Escribe una fecha válida.',
  'invalid-boolean': 'Elige sí o no.',
  'invalid-phone': 'Escribe los dígitos del teléfono.',
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

const es: Translation<DirectoryStrings> = {
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
  conditionsIgnored: (numbers: string, count: number) =>
    count === 1
      ? `La condición ${numbers} todavía no tiene valor: la lista la ignora hasta que la completes.`
      : `Las condiciones ${numbers} todavía no tienen valor: la lista las ignora hasta que las completes.`,
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
};

export default es;
