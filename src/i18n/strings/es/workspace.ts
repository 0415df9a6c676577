import type { Translation } from '../../localize.js';
import type { CallState, Presence, WorkStatus } from '../../../core/interactions/index.js';
import type { Channel } from '../../../core/types.js';
import type { WorkspaceStrings } from '../workspace.js';

const channels: Record<Channel, string> = {
  phone: 'Teléfono',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  email: 'Email',
  webchat: 'Chat web',
  instagram: 'Instagram',
  messenger: 'Messenger',
  telegram: 'Telegram',
};

const presences: Record<Presence, string> = {
  available: 'Disponible',
  busy: 'Ocupado',
  break: 'En pausa',
  'wrap-up': 'Post-llamada',
  disconnected: 'Desconectado',
};

const statuses: Record<WorkStatus, string> = {
  pending: 'Pendiente',
  active: 'Activa',
  finished: 'Finalizada',
  closed: 'Cerrada',
};

const callStates: Record<CallState, string> = {
  ringing: 'sonando',
  connected: 'conectada',
  held: 'en espera',
  parked: 'estacionada',
  consulting: 'en consulta',
  conference: 'en conferencia',
  ended: 'terminada',
};

const es: Translation<WorkspaceStrings> = {
  channelName: (channel: Channel) => channels[channel] ?? channel,
  presenceName: (presence: Presence) => presences[presence] ?? presence,
  statusName: (status: WorkStatus) => statuses[status] ?? status,

  inbox: 'Bandeja',
  tabs: 'Listas de interacciones',
  pendingTab: 'Pendientes',
  activeTab: 'Activas',
  tabCount: (count: string) => `${count} interacciones`,
  tabUnread: 'tiene mensajes sin leer',
  pendingList: 'Interacciones pendientes',
  activeList: 'Interacciones activas',
  emptyPending: 'No hay interacciones pendientes. Las nuevas aparecen aquí al llegar.',
  emptyActive: 'No hay interacciones activas. Toma una de Pendientes o inicia una nueva.',
  loadingList: 'Cargando interacciones…',
  unread: (count: string) => `${count} sin leer`,
  finishedMark: 'Finalizada',
  dispositionSaved: 'Tipificación guardada',
  takeAction: 'Tomar:',
  openAction: 'Abrir:',
  taking: 'Tomando…',
  disposition: 'Tipificación',
  dispositionFor: (title: string) => `Tipificación de ${title}`,
  newInteraction: 'Nueva',
  newInteractionTitle: 'Nueva interacción',
  closeDialog: 'Cerrar',
  taken: (title: string) => `${title} ahora está en Activas.`,
  started: (title: string) => `${title} iniciada.`,
  takenByOther: 'Otro agente ya tomó esta interacción.',
  keyboardHint: 'Las flechas mueven, Enter abre.',

  actionsMenu: 'Acciones de la interacción',
  finish: 'Finalizar',
  finishPhoneNote: 'Una llamada finaliza cuando termina.',
  finishedNote: 'Ya está finalizada.',
  transfer: 'Transferir',
  transferUnavailable: 'Las transferencias aún no están disponibles aquí.',
  form: 'Formulario',
  noForm: 'Esta campaña no tiene formulario.',
  dispositionAction: 'Tipificación',
  noDispositions: 'Esta campaña no tiene tipificaciones.',
  closeAction: 'Cerrar',
  closeNeedsFinish: 'Finaliza la interacción antes de cerrarla.',
  closeNeedsDisposition: 'Guarda una tipificación antes de cerrar.',
  working: 'Procesando…',
  finishedDone: 'Interacción finalizada.',
  closedDone: 'Interacción cerrada.',
  noInteraction: 'No hay ninguna interacción seleccionada.',
  interactionNotFound: (id: string) => `No se encontró la interacción ${id}.`,

  workspace: 'Escritorio del agente',
  presence: 'Estado',
  presenceChanging: 'Cambiando el estado…',
  presenceNow: (name: string) => `Tu estado: ${name}.`,
  backToInbox: 'Volver a la bandeja',
  nothingOpen: 'Selecciona una interacción en la bandeja o inicia una nueva.',
  contactPanel: 'Contacto',
  conversation: 'Conversación',
  conversationPlaceholder: (channel: string) => `La conversación de ${channel} aparecerá aquí.`,
  callArea: 'Llamada',
  callPlaceholder: 'Los controles de la llamada aparecerán aquí.',
  callState: (state: CallState) => `Llamada ${callStates[state] ?? state}`,
  endCall: 'Colgar',
  dispositionPanel: 'Tipificación',
  formPlaceholder: 'El formulario de la campaña se abrirá en un panel lateral.',
  interactionFinished: 'Esta interacción está finalizada: guarda una tipificación y ciérrala.',
  interactionClosed: (title: string) => `${title} se cerró.`,
  startedAt: (time: string) => `Iniciada ${time}`,
};

export default es;
