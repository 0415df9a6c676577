import { defineStrings } from '../localize.js';
import { matchReasonStrings } from './match-reason.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/**
 * `<contact-matcher>`: the candidate list and the manual contact search. It
 * loads with the matcher; the match reasons, which the interaction view shows
 * too, are in `match-reason.ts`.
 */
export const matcherStrings = defineStrings({
  en: {
    ...matchReasonStrings.en,
    candidatesLabel: 'Matching contacts',
    resultsLabel: 'Search results',
    searchLabel: 'Search contacts',
    searchPlaceholder: 'Name, phone, email…',
    searchHint: 'Type a name, phone number or email to search.',
    searching: 'Searching…',
    noMatches: 'No contacts match.',
    noMatchesFor: (query: string) => `No contacts match “${query}”.`,
    resultCount: (count: number, total: number) =>
      count === total
        ? `${n(count, 'en')} ${count === 1 ? 'contact matches' : 'contacts match'}`
        : `Showing ${n(count, 'en')} of ${n(total, 'en')} matching contacts`,
    unnamed: '(no name)',
    blocked: 'Blocked',
  },
  es: {
    ...matchReasonStrings.es,
    candidatesLabel: 'Contactos coincidentes',
    resultsLabel: 'Resultados de la búsqueda',
    searchLabel: 'Buscar contactos',
    searchPlaceholder: 'Nombre, teléfono, email…',
    searchHint: 'Escribe un nombre, teléfono o email para buscar.',
    searching: 'Buscando…',
    noMatches: 'Ningún contacto coincide.',
    noMatchesFor: (query: string) => `Ningún contacto coincide con «${query}».`,
    resultCount: (count: number, total: number) =>
      count === total
        ? `${n(count, 'es')} ${count === 1 ? 'contacto coincide' : 'contactos coinciden'}`
        : `Mostrando ${n(count, 'es')} de ${n(total, 'es')} contactos coincidentes`,
    unnamed: '(sin nombre)',
    blocked: 'Bloqueado',
  },
  pt: {
    ...matchReasonStrings.pt,
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
  },
});
