import type { Translation } from '../../localize.js';
import type { ContactHistoryStrings } from '../contact-history.js';

const pt: Translation<ContactHistoryStrings> = {
  title: 'Interações',
  loading: 'Carregando interações…',
  empty: 'Ainda não há interações com este contato.',
  more: 'Ver interações anteriores',
  agent: (name: string) => `Agente: ${name}`,
  noAgent: 'Sem agente',
  disposition: (path: string) => `Tabulação: ${path}`,
  noDisposition: 'Sem tabulação',
  conversation: (channel: string, when: string) => `Conversa de ${channel} de ${when} (somente leitura)`,
  back: 'Voltar às interações',
  noMessages: 'Esta interação não tem mensagens.',
  loadingMessages: 'Carregando a conversa…',
  replyTo: (text: string) => `Resposta a: ${text}`,
  attachment: (name: string, size: string) => `${name} (${size})`,
  voice: (seconds: string) => `Mensagem de voz, ${seconds} s`,
  internal: 'Nota interna',
  status: (status: string) =>
    ({ pending: 'Enviando', sent: 'Enviada', delivered: 'Entregue', read: 'Lida', failed: 'Não entregue' })[status] ?? status,
};

export default pt;
