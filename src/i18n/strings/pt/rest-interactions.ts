import type { Translation } from '../../localize.js';
import type { RestInteractionStrings } from '../rest-interactions.js';

const pt: Translation<RestInteractionStrings> = {
  listInteractions: 'Carregar a caixa de entrada',
  getInteraction: 'Carregar a interação',
  history: 'Carregar as interações do contato',
  take: 'Assumir a interação',
  start: 'Iniciar a interação',
  linkContact: 'Vincular o contato',
  messages: 'Carregar a conversa',
  send: 'Enviar a mensagem',
  upload: 'Enviar o anexo',
  activity: 'Avisar os outros que você está na conversa',
  call: 'Controlar a chamada',
  transferTargets: 'Carregar os destinos de transferência',
  transfer: 'Transferir a interação',
  conference: 'Gerenciar a conferência',
  saveDisposition: 'Salvar a tabulação',
  scheduled: 'Carregar as novas tentativas agendadas',
  finish: 'Finalizar a interação',
  close: 'Fechar a interação',
  presence: 'Atualizar seu status',
  views: 'Carregar as visualizações da caixa de entrada',
  saveView: 'Salvar a visualização da caixa de entrada',
  deleteView: 'Excluir a visualização da caixa de entrada',
  batch: 'Atualizar as interações',
  filesNotSupported: 'Este servidor ainda não aceita anexos nem mensagens de voz: envie texto ou um modelo.',
};

export default pt;
