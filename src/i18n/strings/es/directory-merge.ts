import type { Translation } from '../../localize.js';
import type { MergeStrings } from '../directory-merge.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** "1 tag", "2 tags": the count with its singular or plural noun. */
const count = (value: number, locale: string, one: string, other: string) => `${n(value, locale)} ${value === 1 ? one : other}`;

const es: Translation<MergeStrings> = {
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
};

export default es;
