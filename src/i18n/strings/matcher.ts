import { defineStrings } from '../localize.js';
import type { EquivalenceRule } from '../../core/types.js';

/** Counts through Intl, in the catalog's own language. */
const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `longer`: the contact's stored form is the one with the extra digit or prefix. */
type ReasonText = (identity: string, longer: boolean) => string;

const enReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `matched ${id}`,
  'br-ninth-digit': (id, longer) => `matched ${id} ${longer ? 'with' : 'without'} the 9th digit`,
  'mx-mobile-prefix': (id, longer) => `matched ${id} ${longer ? 'with' : 'without'} the old +52 1 mobile prefix`,
  'ar-mobile-nine': (id, longer) => `matched ${id} ${longer ? 'with' : 'without'} the mobile 9`,
};
const esReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `coincide con ${id}`,
  'br-ninth-digit': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el 9.º dígito`,
  'mx-mobile-prefix': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el antiguo prefijo móvil +52 1`,
  'ar-mobile-nine': (id, longer) => `coincide con ${id} ${longer ? 'con' : 'sin'} el 9 de móvil`,
};
const ptReasons: Record<EquivalenceRule, ReasonText> = {
  exact: (id) => `corresponde a ${id}`,
  'br-ninth-digit': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o 9º dígito`,
  'mx-mobile-prefix': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o antigo prefixo móvel +52 1`,
  'ar-mobile-nine': (id, longer) => `corresponde a ${id} ${longer ? 'com' : 'sem'} o 9 de celular`,
};

/** `<contact-matcher>`: the candidate list and the manual contact search. */
export const matcherStrings = defineStrings({
  en: {
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
    reason: (rule: EquivalenceRule, identity: string, longer: boolean) => enReasons[rule](identity, longer),
  },
  es: {
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
    reason: (rule: EquivalenceRule, identity: string, longer: boolean) => esReasons[rule](identity, longer),
  },
  pt: {
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
    reason: (rule: EquivalenceRule, identity: string, longer: boolean) => ptReasons[rule](identity, longer),
  },
});
