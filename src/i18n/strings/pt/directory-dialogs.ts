import type { Translation } from '../../localize.js';
import type { DirectoryDialogStrings } from '../directory-dialogs.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const pt: Translation<DirectoryDialogStrings> = {
  deleteTitle: (count: number) => `Excluir ${n(count, 'pt')} ${count === 1 ? 'contato' : 'contatos'}`,
  deleteWarning: 'Contatos excluídos não podem ser recuperados.',
  deleteTypeLabel: (count: number) => `Digite ${count} para confirmar`,
  deleteConfirm: 'Excluir contatos',
  columnsLegend: 'Colunas exibidas na tabela',
  moveUp: (label: string) => `Mover ${label} para cima`,
  moveDown: (label: string) => `Mover ${label} para baixo`,
};

export default pt;
