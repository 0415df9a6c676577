import type { Translation } from '../../localize.js';
import type { ContactStrings } from '../contact.js';

const pt: Translation<ContactStrings> = {
  unnamed: 'Contato sem nome',
  blocked: 'Bloqueado',
  identities: 'Dados de contato',
  phone: 'Telefone',
  email: 'E-mail',
  instagram: 'Instagram',
  messenger: 'Messenger',
  telegram: 'Telegram',
  webchat: 'Chat web',
  currentInteraction: '(esta interação)',
  tags: 'Etiquetas',
  leadStage: 'Etapa',
  owner: 'Responsável',
  unsubscribed: 'Descadastrado',
  createdAt: 'Criado',
  updatedAt: 'Atualizado',
  properties: 'Propriedades',
  notes: 'Notas',
  noNotes: 'Ainda não há notas.',
  noteBy: (author: string, time: string) => `${author}, ${time}`,
  fullViewFailed: 'Não foi possível carregar as propriedades e notas deste contato.',
  stageLead: 'Lead',
  stageProspect: 'Prospect',
  stageCustomer: 'Cliente',
  yes: 'Sim',
  no: 'Não',
  notSet: 'Não preenchido',
};

export default pt;
