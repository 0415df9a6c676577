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
  errName: 'Ingresa un nombre o un apellido, o elige “Crear sin nombre”.',
  errIdentify: 'Un contacto sin nombre necesita un teléfono o un correo.',
  createUnnamed: 'Crear sin nombre',
  createUnnamedHint: 'Crea el contacto solo con su teléfono, correo o identidad del canal.',
};

export default es;
