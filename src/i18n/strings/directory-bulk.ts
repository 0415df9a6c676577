import { defineStrings } from '../localize.js';
import type { BulkAction, BulkRefusal } from '../../core/bulk.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

type ActionKind = BulkAction['kind'];

/** The contact directory's bulk update dialog. */
export const bulkStrings = defineStrings({
  en: {
    title: 'Bulk update',
    scopeSelection: (count: number) =>
      `This changes the ${n(count, 'en')} selected ${count === 1 ? 'contact' : 'contacts'}.`,
    scopeFilter: (count: number) =>
      `Nothing is selected: this changes all ${n(count, 'en')} ${count === 1 ? 'contact' : 'contacts'} matching the current filter.`,
    actionLabel: 'Action',
    action: (kind: ActionKind) =>
      ({ 'assign-owner': 'Assign owner', 'add-tags': 'Add tags', 'remove-tags': 'Remove tags', 'set-field': 'Set a field' })[kind],
    ownerLabel: 'Owner',
    ownerHint: 'Leave empty to remove the owner.',
    tagsLabel: 'Tags, separated by commas',
    fieldLabel: 'Field',
    valueLabel: 'New value',
    refusal: (reason: BulkRefusal) =>
      ({
        'no-tags': 'Enter at least one tag.',
        'invalid-value': 'This value does not fit the field.',
        'unknown-field': 'Choose a field.',
        'field-not-settable': 'This field cannot be changed in bulk.',
      })[reason],
    confirm: (count: number) => `Update ${n(count, 'en')} ${count === 1 ? 'contact' : 'contacts'}`,
  },
  es: {
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
  },
  pt: {
    title: 'Atualização em massa',
    scopeSelection: (count: number) =>
      `Isto altera ${count === 1 ? 'o contato selecionado' : `os ${n(count, 'pt')} contatos selecionados`}.`,
    scopeFilter: (count: number) =>
      `Nada está selecionado: isto altera ${count === 1 ? 'o contato' : `todos os ${n(count, 'pt')} contatos`} que atendem ao filtro atual.`,
    actionLabel: 'Ação',
    action: (kind: ActionKind) =>
      ({
        'assign-owner': 'Atribuir responsável',
        'add-tags': 'Adicionar etiquetas',
        'remove-tags': 'Remover etiquetas',
        'set-field': 'Alterar um campo',
      })[kind],
    ownerLabel: 'Responsável',
    ownerHint: 'Deixe vazio para remover o responsável.',
    tagsLabel: 'Etiquetas, separadas por vírgulas',
    fieldLabel: 'Campo',
    valueLabel: 'Novo valor',
    refusal: (reason: BulkRefusal) =>
      ({
        'no-tags': 'Digite pelo menos uma etiqueta.',
        'invalid-value': 'Este valor não corresponde ao campo.',
        'unknown-field': 'Escolha um campo.',
        'field-not-settable': 'Este campo não pode ser alterado em massa.',
      })[reason],
    confirm: (count: number) => `Atualizar ${n(count, 'pt')} ${count === 1 ? 'contato' : 'contatos'}`,
  },
});
