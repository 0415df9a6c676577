import type { Translation } from '../../localize.js';
import type { ContactFormStrings } from '../contact-form.js';
import contact from './contact.js';

const es: Translation<ContactFormStrings> = {
  ...contact,
  formTitle: 'Nuevo contacto',
  firstName: 'Nombre',
  lastName: 'Apellido',
  phoneN: (n: number) => `Teléfono ${n}`,
  emailN: (n: number) => `Correo electrónico ${n}`,
  addPhone: 'Agregar teléfono',
  addEmail: 'Agregar correo',
  removePhone: (n: number) => `Quitar teléfono ${n}`,
  removeEmail: (n: number) => `Quitar correo ${n}`,
  channelIdentity: (channel: string) => `${channel} (de esta interacción)`,
  choose: 'Elegir…',
  requiredMark: '(obligatorio)',
  submit: 'Crear contacto',
  saving: 'Guardando…',
  invalidCount: (n: number) => (n === 1 ? '1 campo requiere atención.' : `${n} campos requieren atención.`),
  errRequired: 'Este campo es obligatorio.',
  errEmail: 'Ingresa un correo como nombre@ejemplo.com.',
  errUrl: 'Ingresa una dirección web que empiece con https://.',
  errNumber: 'Ingresa un número.',
  errPhone: 'Ingresa un teléfono: dígitos, con un + inicial opcional.',
  errIdentify: 'Ingresa un nombre, un teléfono o un correo.',
};

export default es;
