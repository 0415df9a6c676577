import { defineStrings } from '../localize.js';
import type { Channel } from '../../core/types.js';

const enChannels: Record<Channel, string> = {
  phone: 'Phone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Web chat',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};
const esChannels: Record<Channel, string> = {
  phone: 'Teléfono', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Chat web',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};
const ptChannels: Record<Channel, string> = {
  phone: 'Telefone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Chat web',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** `<ucrm-interaction-view>`: the screen pop. */
export const interactionViewStrings = defineStrings({
  en: {
    label: 'Interaction contact',
    channel: (channel: Channel) => enChannels[channel],
    noInteraction: 'No active interaction. Search for a contact.',
    searchAnother: 'Search another contact',
    closeSearch: 'Close search',
    candidatesTitle: (count: number) => `${n(count, 'en')} contacts match this interaction. Pick one.`,
    createHint: 'No contact matches this interaction. Create it, or search for an existing one.',
    invalidClientId: (clientId: string, channel: string) =>
      `“${clientId}” is not a valid ${channel} ClientID. Search for the contact or create it by hand.`,
    persistenceWarning: 'Changes are kept in this tab only: the browser storage is not available.',
    unnamed: '(no name)',
    loading: 'Looking up the contact…',
    announceContact: 'Contact found',
    announceCandidates: (count: number) => `${n(count, 'en')} contacts match`,
    announceCreate: 'New contact',
    announceInvalid: 'Invalid ClientID',
    announceIdle: 'No active interaction',
    announceCreated: 'Contact created',
    announceError: 'The contact could not be loaded',
  },
  es: {
    label: 'Contacto de la interacción',
    channel: (channel: Channel) => esChannels[channel],
    noInteraction: 'No hay una interacción activa. Busca un contacto.',
    searchAnother: 'Buscar otro contacto',
    closeSearch: 'Cerrar búsqueda',
    candidatesTitle: (count: number) => `${n(count, 'es')} contactos coinciden con esta interacción. Elige uno.`,
    createHint: 'Ningún contacto coincide con esta interacción. Créalo o busca uno existente.',
    invalidClientId: (clientId: string, channel: string) =>
      `«${clientId}» no es un ClientID de ${channel} válido. Busca el contacto o créalo a mano.`,
    persistenceWarning: 'Los cambios solo se guardan en esta pestaña: el almacenamiento del navegador no está disponible.',
    unnamed: '(sin nombre)',
    loading: 'Buscando el contacto…',
    announceContact: 'Contacto encontrado',
    announceCandidates: (count: number) => `${n(count, 'es')} contactos coinciden`,
    announceCreate: 'Nuevo contacto',
    announceInvalid: 'ClientID no válido',
    announceIdle: 'No hay una interacción activa',
    announceCreated: 'Contacto creado',
    announceError: 'No se pudo cargar el contacto',
  },
  pt: {
    label: 'Contato da interação',
    channel: (channel: Channel) => ptChannels[channel],
    noInteraction: 'Nenhuma interação ativa. Pesquise um contato.',
    searchAnother: 'Pesquisar outro contato',
    closeSearch: 'Fechar pesquisa',
    candidatesTitle: (count: number) => `${n(count, 'pt')} contatos correspondem a esta interação. Escolha um.`,
    createHint: 'Nenhum contato corresponde a esta interação. Crie-o ou pesquise um existente.',
    invalidClientId: (clientId: string, channel: string) =>
      `“${clientId}” não é um ClientID de ${channel} válido. Pesquise o contato ou crie-o manualmente.`,
    persistenceWarning: 'As alterações ficam só nesta aba: o armazenamento do navegador não está disponível.',
    unnamed: '(sem nome)',
    loading: 'Procurando o contato…',
    announceContact: 'Contato encontrado',
    announceCandidates: (count: number) => `${n(count, 'pt')} contatos correspondem`,
    announceCreate: 'Novo contato',
    announceInvalid: 'ClientID inválido',
    announceIdle: 'Nenhuma interação ativa',
    announceCreated: 'Contato criado',
    announceError: 'Não foi possível carregar o contato',
  },
});
