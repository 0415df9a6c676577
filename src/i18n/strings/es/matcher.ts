import type { Translation } from '../../localize.js';
import type { MatcherStrings } from '../matcher.js';
import matchReason from './match-reason.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const es: Translation<MatcherStrings> = {
  ...matchReason,
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
  createNew: 'Ninguno de estos: crear un contacto nuevo',
};

export default es;
