import { defineStrings } from '../localize.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/**
 * What only the on-demand part of `<ucrm-contact-directory>` shows (the
 * typed-count delete confirmation, the "Customize table" columns): loaded
 * with it, not with the list.
 */
export const directoryDialogStrings = defineStrings({
  en: {
    deleteTitle: (count: number) => `Delete ${n(count, 'en')} ${count === 1 ? 'contact' : 'contacts'}`,
    deleteWarning: 'Deleted contacts cannot be recovered.',
    deleteTypeLabel: (count: number) => `Type ${count} to confirm`,
    deleteConfirm: 'Delete contacts',
    columnsLegend: 'Columns shown in the table',
    moveUp: (label: string) => `Move ${label} up`,
    moveDown: (label: string) => `Move ${label} down`,
  },
  es: {
    deleteTitle: (count: number) => `Eliminar ${n(count, 'es')} ${count === 1 ? 'contacto' : 'contactos'}`,
    deleteWarning: 'Los contactos eliminados no se pueden recuperar.',
    deleteTypeLabel: (count: number) => `Escribe ${count} para confirmar`,
    deleteConfirm: 'Eliminar contactos',
    columnsLegend: 'Columnas visibles en la tabla',
    moveUp: (label: string) => `Subir ${label}`,
    moveDown: (label: string) => `Bajar ${label}`,
  },
  pt: {
    deleteTitle: (count: number) => `Excluir ${n(count, 'pt')} ${count === 1 ? 'contato' : 'contatos'}`,
    deleteWarning: 'Contatos excluídos não podem ser recuperados.',
    deleteTypeLabel: (count: number) => `Digite ${count} para confirmar`,
    deleteConfirm: 'Excluir contatos',
    columnsLegend: 'Colunas exibidas na tabela',
    moveUp: (label: string) => `Mover ${label} para cima`,
    moveDown: (label: string) => `Mover ${label} para baixo`,
  },
});
