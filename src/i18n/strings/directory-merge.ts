import { defineStrings } from '../localize.js';
import type { MergeRefusal } from '../../core/merge.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** The contact directory's merge: the button, its limits, and the field-by-field preview. */
export const mergeStrings = defineStrings({
  en: {
    mergeButton: 'Merge',
    refusal: (reason: MergeRefusal, limit: number) =>
      reason === 'too-many'
        ? `You can merge at most ${limit} contacts at a time.`
        : reason === 'too-few'
          ? `Select at least ${limit} contacts to merge.`
          : 'These contacts cannot be merged.',
    title: (count: number) => `Merge ${n(count, 'en')} contacts`,
    primaryLegend: 'Primary contact (kept)',
    previewCaption: 'Result, field by field',
    fieldHeader: 'Field',
    valueHeader: 'Value in the merged contact',
    from: (value: string, name: string) => `${value} — from ${name}`,
    emptyValue: '(empty)',
    united: (identities: number, tags: number, notes: number) =>
      `Kept from every contact: ${n(identities, 'en')} identities, ${n(tags, 'en')} tags, ${n(notes, 'en')} notes.`,
    irreversible: (removed: number) =>
      `Merging cannot be undone: ${n(removed, 'en')} ${removed === 1 ? 'contact is' : 'contacts are'} deleted and only the merged contact remains.`,
    confirm: 'Merge contacts',
  },
  es: {
    mergeButton: 'Fusionar',
    refusal: (reason: MergeRefusal, limit: number) =>
      reason === 'too-many'
        ? `Puedes fusionar como máximo ${limit} contactos a la vez.`
        : reason === 'too-few'
          ? `Selecciona al menos ${limit} contactos para fusionar.`
          : 'Estos contactos no se pueden fusionar.',
    title: (count: number) => `Fusionar ${n(count, 'es')} contactos`,
    primaryLegend: 'Contacto principal (se conserva)',
    previewCaption: 'Resultado, campo por campo',
    fieldHeader: 'Campo',
    valueHeader: 'Valor en el contacto fusionado',
    from: (value: string, name: string) => `${value} — de ${name}`,
    emptyValue: '(vacío)',
    united: (identities: number, tags: number, notes: number) =>
      `Se conservan de todos los contactos: ${n(identities, 'es')} identidades, ${n(tags, 'es')} etiquetas, ${n(notes, 'es')} notas.`,
    irreversible: (removed: number) =>
      `La fusión no se puede deshacer: ${removed === 1 ? 'se elimina 1 contacto' : `se eliminan ${n(removed, 'es')} contactos`} y solo queda el contacto fusionado.`,
    confirm: 'Fusionar contactos',
  },
  pt: {
    mergeButton: 'Mesclar',
    refusal: (reason: MergeRefusal, limit: number) =>
      reason === 'too-many'
        ? `Você pode mesclar no máximo ${limit} contatos por vez.`
        : reason === 'too-few'
          ? `Selecione pelo menos ${limit} contatos para mesclar.`
          : 'Estes contatos não podem ser mesclados.',
    title: (count: number) => `Mesclar ${n(count, 'pt')} contatos`,
    primaryLegend: 'Contato principal (mantido)',
    previewCaption: 'Resultado, campo a campo',
    fieldHeader: 'Campo',
    valueHeader: 'Valor no contato mesclado',
    from: (value: string, name: string) => `${value} — de ${name}`,
    emptyValue: '(vazio)',
    united: (identities: number, tags: number, notes: number) =>
      `Mantidos de todos os contatos: ${n(identities, 'pt')} identidades, ${n(tags, 'pt')} etiquetas, ${n(notes, 'pt')} notas.`,
    irreversible: (removed: number) =>
      `A mesclagem não pode ser desfeita: ${removed === 1 ? '1 contato é excluído' : `${n(removed, 'pt')} contatos são excluídos`} e só o contato mesclado permanece.`,
    confirm: 'Mesclar contatos',
  },
});
