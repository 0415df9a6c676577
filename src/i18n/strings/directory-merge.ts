import { defineStrings } from '../localize.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);
/** "1 tag", "2 tags": the count with its singular or plural noun. */
const count = (value: number, locale: string, one: string, other: string) => `${n(value, locale)} ${value === 1 ? one : other}`;

/** The contact directory's merge preview, field by field (its button and limits are in directory.ts). */
export const mergeStrings = defineStrings({
  en: {
    title: (count: number) => `Merge ${n(count, 'en')} contacts`,
    primaryLegend: 'Primary contact (kept)',
    previewCaption: 'Result, field by field',
    fieldHeader: 'Field',
    valueHeader: 'Value in the merged contact',
    from: (value: string, name: string) => `${value} — from ${name}`,
    emptyValue: '(empty)',
    united: (identities: number, tags: number, notes: number) =>
      `Kept from every contact: ${count(identities, 'en', 'identity', 'identities')}, ${count(tags, 'en', 'tag', 'tags')}, ${count(notes, 'en', 'note', 'notes')}.`,
    irreversible: (removed: number) =>
      `Merging cannot be undone: ${n(removed, 'en')} ${removed === 1 ? 'contact is' : 'contacts are'} deleted and only the merged contact remains.`,
    confirm: 'Merge contacts',
  },
  es: {
    title: (count: number) => `Fusionar ${n(count, 'es')} contactos`,
    primaryLegend: 'Contacto principal (se conserva)',
    previewCaption: 'Resultado, campo por campo',
    fieldHeader: 'Campo',
    valueHeader: 'Valor en el contacto fusionado',
    from: (value: string, name: string) => `${value} — de ${name}`,
    emptyValue: '(vacío)',
    united: (identities: number, tags: number, notes: number) =>
      `Se conservan de todos los contactos: ${count(identities, 'es', 'identidad', 'identidades')}, ${count(tags, 'es', 'etiqueta', 'etiquetas')}, ${count(notes, 'es', 'nota', 'notas')}.`,
    irreversible: (removed: number) =>
      `La fusión no se puede deshacer: ${removed === 1 ? 'se elimina 1 contacto' : `se eliminan ${n(removed, 'es')} contactos`} y solo queda el contacto fusionado.`,
    confirm: 'Fusionar contactos',
  },
  pt: {
    title: (count: number) => `Mesclar ${n(count, 'pt')} contatos`,
    primaryLegend: 'Contato principal (mantido)',
    previewCaption: 'Resultado, campo a campo',
    fieldHeader: 'Campo',
    valueHeader: 'Valor no contato mesclado',
    from: (value: string, name: string) => `${value} — de ${name}`,
    emptyValue: '(vazio)',
    united: (identities: number, tags: number, notes: number) =>
      `Mantidos de todos os contatos: ${count(identities, 'pt', 'identidade', 'identidades')}, ${count(tags, 'pt', 'etiqueta', 'etiquetas')}, ${count(notes, 'pt', 'nota', 'notas')}.`,
    irreversible: (removed: number) =>
      `A mesclagem não pode ser desfeita: ${removed === 1 ? '1 contato é excluído' : `${n(removed, 'pt')} contatos são excluídos`} e só o contato mesclado permanece.`,
    confirm: 'Mesclar contatos',
  },
});
