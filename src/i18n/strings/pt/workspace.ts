import type { Translation } from '../../localize.js';
import type { CallState, Presence, WorkStatus } from '../../../core/interactions/index.js';
import type { Channel } from '../../../core/types.js';
import type { WorkspaceStrings } from '../workspace.js';

const channels: Record<Channel, string> = {
  phone: 'Telefone',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  email: 'E-mail',
  webchat: 'Chat web',
  instagram: 'Instagram',
  messenger: 'Messenger',
  telegram: 'Telegram',
};

const presences: Record<Presence, string> = {
  available: 'Disponível',
  busy: 'Ocupado',
  break: 'Em pausa',
  'wrap-up': 'Pós-atendimento',
  disconnected: 'Desconectado',
};

const statuses: Record<WorkStatus, string> = {
  pending: 'Pendente',
  active: 'Ativa',
  finished: 'Finalizada',
  closed: 'Fechada',
};

const callStates: Record<CallState, string> = {
  ringing: 'tocando',
  connected: 'conectada',
  held: 'em espera',
  parked: 'estacionada',
  consulting: 'em consulta',
  conference: 'em conferência',
  ended: 'encerrada',
};

const pt: Translation<WorkspaceStrings> = {
  channelName: (channel: Channel) => channels[channel] ?? channel,
  presenceName: (presence: Presence) => presences[presence] ?? presence,
  statusName: (status: WorkStatus) => statuses[status] ?? status,

  inbox: 'Caixa de entrada',
  tabs: 'Listas de interações',
  pendingTab: 'Pendentes',
  activeTab: 'Ativas',
  tabCount: (count: string) => `${count} interações`,
  tabUnread: 'tem mensagens não lidas',
  pendingList: 'Interações pendentes',
  activeList: 'Interações ativas',
  emptyPending: 'Nenhuma interação pendente. As novas aparecem aqui quando chegam.',
  emptyActive: 'Nenhuma interação ativa. Pegue uma em Pendentes ou inicie uma nova.',
  loadingList: 'Carregando interações…',
  unread: (count: string) => `${count} não lidas`,
  finishedMark: 'Finalizada',
  dispositionSaved: 'Tabulação salva',
  takeAction: 'Pegar:',
  openAction: 'Abrir:',
  taking: 'Pegando…',
  disposition: 'Tabulação',
  dispositionFor: (title: string) => `Tabulação de ${title}`,
  newInteraction: 'Nova',
  newInteractionTitle: 'Nova interação',
  closeDialog: 'Fechar',
  taken: (title: string) => `${title} agora está em Ativas.`,
  started: (title: string) => `${title} iniciada.`,
  takenByOther: 'Outro agente já pegou esta interação.',
  keyboardHint: 'As setas movem, Enter abre.',

  actionsMenu: 'Ações da interação',
  finish: 'Finalizar',
  finishPhoneNote: 'Uma chamada é finalizada quando termina.',
  finishedNote: 'Já está finalizada.',
  transfer: 'Transferir',
  transferUnavailable: 'As transferências ainda não estão disponíveis aqui.',
  form: 'Formulário',
  noForm: 'Esta campanha não tem formulário.',
  dispositionAction: 'Tabulação',
  noDispositions: 'Esta campanha não tem tabulações.',
  closeAction: 'Fechar',
  closeNeedsFinish: 'Finalize a interação antes de fechá-la.',
  closeNeedsDisposition: 'Salve uma tabulação antes de fechar.',
  working: 'Processando…',
  finishedDone: 'Interação finalizada.',
  closedDone: 'Interação fechada.',
  noInteraction: 'Nenhuma interação selecionada.',
  interactionNotFound: (id: string) => `A interação ${id} não foi encontrada.`,

  workspace: 'Área de trabalho do agente',
  presence: 'Status',
  presenceChanging: 'Mudando o status…',
  presenceNow: (name: string) => `Seu status: ${name}.`,
  backToInbox: 'Voltar à caixa de entrada',
  nothingOpen: 'Selecione uma interação na caixa de entrada ou inicie uma nova.',
  contactPanel: 'Contato',
  conversation: 'Conversa',
  conversationPlaceholder: (channel: string) => `A conversa de ${channel} aparecerá aqui.`,
  callArea: 'Chamada',
  callPlaceholder: 'Os controles da chamada aparecerão aqui.',
  callState: (state: CallState) => `Chamada ${callStates[state] ?? state}`,
  endCall: 'Desligar',
  dispositionPanel: 'Tabulação',
  formPlaceholder: 'O formulário da campanha será aberto em um painel lateral.',
  interactionFinished: 'Esta interação está finalizada: salve uma tabulação e feche-a.',
  interactionClosed: (title: string) => `${title} foi fechada.`,
  startedAt: (time: string) => `Iniciada ${time}`,
};

export default pt;
