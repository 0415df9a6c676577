import type { Translation } from '../../localize.js';
import type { ContactDetailsStrings } from '../contact-details.js';
import type { NormalizeFailure } from '../../../core/identity/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const es: Translation<ContactDetailsStrings> = {
  title: 'Detalles del contacto',
  loading: 'Cargando el contacto…',
  noContact: 'Elige un contacto para ver sus detalles.',
  notFound: 'Este contacto ya no existe.',
  firstName: 'Nombre',
  lastName: 'Apellido',
  save: 'Guardar cambios',
  saving: 'Guardando…',
  saved: 'Cambios guardados.',
  invalidCount: (count: number) => (count === 1 ? '1 campo requiere atención.' : `${n(count, 'es')} campos requieren atención.`),
  identitiesTitle: 'Identidades',
  noIdentities: 'Todavía no hay identidades.',
  identityKind: 'Canal',
  identityValue: 'Identidad',
  addIdentity: 'Agregar identidad',
  removeIdentity: (value: string) => `Quitar ${value}`,
  identityProblem: (reason: NormalizeFailure) =>
    reason === 'empty'
      ? 'Escribe la identidad primero.'
      : reason === 'invalid-phone'
        ? 'No es un teléfono válido: incluye el código de país (p. ej. +598 99 123 456) o define una región por defecto.'
        : 'No es un correo válido: usa la forma nombre@ejemplo.com.',
  identityExists: 'El contacto ya tiene esta identidad.',
  tagsTitle: 'Etiquetas',
  noTags: 'Todavía no hay etiquetas.',
  newTag: 'Nueva etiqueta',
  addTag: 'Agregar etiqueta',
  removeTag: (tag: string) => `Quitar la etiqueta ${tag}`,
  tagExists: 'El contacto ya tiene esta etiqueta.',
  notesTitle: 'Notas',
  newNote: 'Nueva nota',
  addNote: 'Agregar nota',
  noteEmpty: 'Escribe la nota primero.',
  unknownAuthor: 'Autor desconocido',
  statusTitle: 'Estado',
  unsubscribe: 'Dar de baja del correo',
  resubscribe: 'Volver a suscribir al correo',
  unsubscribedNote: 'Dado de baja del correo: no se le envía correo de marketing.',
  block: 'Bloquear contacto',
  unblock: 'Desbloquear contacto',
  blockedNote: 'Bloqueado: está en el segmento Bloqueados y se marca en la ventana emergente.',
  duplicates: (count: number) => (count === 1 ? '1 posible duplicado' : `${n(count, 'es')} posibles duplicados`),
  duplicateReason: (reason: 'identity' | 'name-email', value: string) =>
    reason === 'identity' ? `misma identidad ${value}` : 'mismo nombre y correo',
  mergeDuplicates: 'Revisar y fusionar',
  updated: 'Contacto actualizado.',
};

export default es;
