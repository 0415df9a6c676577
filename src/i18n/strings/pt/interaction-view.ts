import type { Translation } from '../../localize.js';
import type { InteractionViewStrings } from '../interaction-view.js';
import type { Channel } from '../../../core/types.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const ptChannels: Record<Channel, string> = {
  phone: 'Telefone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', webchat: 'Chat web',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const pt: Translation<InteractionViewStrings> = {
  label: 'Contato da interação',
  channel: (channel: Channel) => ptChannels[channel],
  noInteraction: 'Nenhuma interação ativa. Pesquise um contato.',
  searchAnother: 'Pesquisar outro contato',
  closeSearch: 'Fechar pesquisa',
  candidatesTitle: (count: number) => `${n(count, 'pt')} contatos correspondem a esta interação. Escolha um.`,
  createHint: 'Nenhum contato corresponde a esta interação. Crie-o ou pesquise um existente.',
  createInsteadHint: 'Crie um contato novo para esta interação, ou volte aos contatos que coincidem.',
  prefilledHint: 'Alguns campos trazem o que o cliente já informou (formulário pré-chat, bot): confira-os antes de criar.',
  backToCandidates: 'Voltar aos contatos que coincidem',
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
};

export default pt;
