import type { Translation } from '../../localize.js';
import type { InteractionViewStrings } from '../interaction-view.js';
import type { Channel } from '../../../core/types.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const esChannels: Record<Channel, string> = {
  phone: 'Teléfono', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Chat web',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const es: Translation<InteractionViewStrings> = {
  label: 'Contacto de la interacción',
  channel: (channel: Channel) => esChannels[channel],
  noInteraction: 'No hay una interacción activa. Busca un contacto.',
  searchAnother: 'Buscar otro contacto',
  closeSearch: 'Cerrar búsqueda',
  candidatesTitle: (count: number) => `${n(count, 'es')} contactos coinciden con esta interacción. Elige uno.`,
  createHint: 'Ningún contacto coincide con esta interacción. Créalo o busca uno existente.',
  createInsteadHint: 'Crea un contacto nuevo para esta interacción, o vuelve a los contactos que coinciden.',
  prefilledHint: 'Algunos campos traen lo que el cliente ya dio (formulario previo al chat, bot): revísalos antes de crear.',
  backToCandidates: 'Volver a los contactos que coinciden',
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
};

export default es;
