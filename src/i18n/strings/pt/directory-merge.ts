import type { Translation } from '../../localize.js';
import type { MergeStrings } from '../directory-merge.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** "1 tag", "2 tags": the count with its singular or plural noun. */
const count = (value: number, locale: string, one: string, other: string) => `${n(value, locale)} ${value === 1 ? one : other}`;

const pt: Translation<MergeStrings> = {
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
};

export default pt;
