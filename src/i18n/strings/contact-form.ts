import { defineStrings } from '../localize.js';
import { contactStrings } from './contact.js';

/**
 * Strings of the contact form and the shared field inputs and validation
 * (`field-input`, `field-validation`). Apart from the card's (`contact.ts`) so
 * a screen pop that shows no form does not load them; the form loads them
 * with itself, every language at once. Each language also holds the card's
 * strings (field names such as Phone and Email), so the form reads one catalog.
 */
export const contactFormStrings = defineStrings({
  en: {
    ...contactStrings.en,
    formTitle: 'New contact',
    firstName: 'First name',
    lastName: 'Last name',
    phoneN: (n: number) => `Phone ${n}`,
    emailN: (n: number) => `Email ${n}`,
    addPhone: 'Add phone',
    addEmail: 'Add email',
    removePhone: (n: number) => `Remove phone ${n}`,
    removeEmail: (n: number) => `Remove email ${n}`,
    channelIdentity: (channel: string) => `${channel} (from this interaction)`,
    choose: 'Choose…',
    requiredMark: '(required)',
    submit: 'Create contact',
    saving: 'Saving…',
    invalidCount: (n: number) => (n === 1 ? '1 field needs attention.' : `${n} fields need attention.`),
    errRequired: 'This field is required.',
    errEmail: 'Enter an email address like name@example.com.',
    errUrl: 'Enter a web address starting with https://.',
    errNumber: 'Enter a number.',
    errPhone: 'Enter a phone number: digits, with an optional leading +.',
    errIdentify: 'Enter a name, a phone or an email.',
  },
  es: {
    ...contactStrings.es,
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
  },
  pt: {
    ...contactStrings.pt,
    formTitle: 'Novo contato',
    firstName: 'Nome',
    lastName: 'Sobrenome',
    phoneN: (n: number) => `Telefone ${n}`,
    emailN: (n: number) => `E-mail ${n}`,
    addPhone: 'Adicionar telefone',
    addEmail: 'Adicionar e-mail',
    removePhone: (n: number) => `Remover telefone ${n}`,
    removeEmail: (n: number) => `Remover e-mail ${n}`,
    channelIdentity: (channel: string) => `${channel} (desta interação)`,
    choose: 'Escolher…',
    requiredMark: '(obrigatório)',
    submit: 'Criar contato',
    saving: 'Salvando…',
    invalidCount: (n: number) => (n === 1 ? '1 campo precisa de atenção.' : `${n} campos precisam de atenção.`),
    errRequired: 'Este campo é obrigatório.',
    errEmail: 'Digite um e-mail como nome@exemplo.com.',
    errUrl: 'Digite um endereço web que comece com https://.',
    errNumber: 'Digite um número.',
    errPhone: 'Digite um telefone: dígitos, com um + inicial opcional.',
    errIdentify: 'Digite um nome, um telefone ou um e-mail.',
  },
});

export type ContactFormStrings = (typeof contactFormStrings)['en'];
