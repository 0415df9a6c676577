import type { Translation } from '../../localize.js';
import type { MatcherStrings } from '../matcher.js';
import matchReason from './match-reason.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const pt: Translation<MatcherStrings> = {
  ...matchReason,
  candidatesLabel: 'Contatos correspondentes',
  resultsLabel: 'Resultados da pesquisa',
  searchLabel: 'Pesquisar contatos',
  searchPlaceholder: 'Nome, telefone, email…',
  searchHint: 'Digite um nome, telefone ou email para pesquisar.',
  searching: 'Pesquisando…',
  noMatches: 'Nenhum contato corresponde.',
  noMatchesFor: (query: string) => `Nenhum contato corresponde a “${query}”.`,
  resultCount: (count: number, total: number) =>
    count === total
      ? `${n(count, 'pt')} ${count === 1 ? 'contato corresponde' : 'contatos correspondem'}`
      : `Mostrando ${n(count, 'pt')} de ${n(total, 'pt')} contatos correspondentes`,
  unnamed: '(sem nome)',
  blocked: 'Bloqueado',
  createNew: 'Nenhum destes: criar um contato novo',
};

export default pt;
