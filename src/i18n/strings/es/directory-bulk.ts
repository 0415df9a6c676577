import type { Translation } from '../../localize.js';
import type { BulkStrings } from '../directory-bulk.js';
import type { BulkAction, BulkRefusal } from '../../../core/contacts/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

type ActionKind = BulkAction['kind'];

const es: Translation<BulkStrings> = {
  title: 'Actualización masiva',
  scopeSelection: (count: number) =>
    `Esto cambia ${count === 1 ? 'el contacto seleccionado' : `los ${n(count, 'es')} contactos seleccionados`}.`,
  scopeFilter: (count: number) =>
    `No hay nada seleccionado: esto cambia ${count === 1 ? 'el contacto' : `los ${n(count, 'es')} contactos`} que cumplen el filtro actual.`,
  actionLabel: 'Acción',
  action: (kind: ActionKind) =>
    ({
      'assign-owner': 'Asignar responsable',
      'add-tags': 'Agregar etiquetas',
      'remove-tags': 'Quitar etiquetas',
      'set-field': 'Cambiar un campo',
    })[kind],
  ownerLabel: 'Responsable',
  ownerHint: 'Déjalo vacío para quitar el responsable.',
  tagsLabel: 'Etiquetas, separadas por comas',
  fieldLabel: 'Campo',
  valueLabel: 'Nuevo valor',
  refusal: (reason: BulkRefusal) =>
    ({
      'no-tags': 'Escribe al menos una etiqueta.',
      'invalid-value': 'Este valor no corresponde al campo.',
      'unknown-field': 'Elige un campo.',
      'field-not-settable': 'Este campo no se puede cambiar de forma masiva.',
    })[reason],
  confirm: (count: number) => `Actualizar ${n(count, 'es')} ${count === 1 ? 'contacto' : 'contactos'}`,
};

export default es;
