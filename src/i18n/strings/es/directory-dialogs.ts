import type { Translation } from '../../localize.js';
import type { DirectoryDialogStrings } from '../directory-dialogs.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const es: Translation<DirectoryDialogStrings> = {
  deleteTitle: (count: number) => `Eliminar ${n(count, 'es')} ${count === 1 ? 'contacto' : 'contactos'}`,
  deleteWarning: 'Los contactos eliminados no se pueden recuperar.',
  deleteTypeLabel: (count: number) => `Escribe ${count} para confirmar`,
  deleteConfirm: 'Eliminar contactos',
  columnsLegend: 'Columnas visibles en la tabla',
  moveUp: (label: string) => `Subir ${label}`,
  moveDown: (label: string) => `Bajar ${label}`,
};

export default es;
