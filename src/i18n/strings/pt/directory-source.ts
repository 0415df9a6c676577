import type { Translation } from '../../localize.js';
import type { DirectorySourceStrings } from '../directory-source.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const pt: Translation<DirectorySourceStrings> = {
  noAdmin:
    'Esta fonte de dados não pode gerenciar contatos (filtros, mesclagem, atualização em massa, importação). Dê ao diretório uma fonte com gestão de contatos, como a fonte local, ou passe os contatos.',
  writing: (done: number, total: number) => `Salvos ${n(done, 'pt')} de ${n(total, 'pt')} contatos…`,
  deleteView: (name: string) => `Excluir a visualização “${name}”`,
  detailsTitle: 'Detalhes do contato',
};

export default pt;
