import { defineStrings } from '../localize.js';

import type { Channel } from '../../core/types.js';
import type { CallState, Presence, WorkStatus } from '../../core/interactions/index.js';

const enChannels: Record<Channel, string> = {
  phone: 'Phone',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  email: 'Email',
  webchat: 'Web chat',
  instagram: 'Instagram',
  messenger: 'Messenger',
  telegram: 'Telegram',
};

const enPresence: Record<Presence, string> = {
  available: 'Available',
  busy: 'Busy',
  break: 'On a break',
  'wrap-up': 'Wrap-up',
  disconnected: 'Disconnected',
};

const enStatus: Record<WorkStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  finished: 'Finished',
  closed: 'Closed',
};

const enCallStates: Record<CallState, string> = {
  ringing: 'ringing',
  connected: 'connected',
  held: 'on hold',
  parked: 'parked',
  consulting: 'consulting',
  conference: 'in conference',
  ended: 'ended',
};

const en = {
  channelName: (channel: Channel) => enChannels[channel] ?? channel,
  presenceName: (presence: Presence) => enPresence[presence] ?? presence,
  statusName: (status: WorkStatus) => enStatus[status] ?? status,

  // <ucrm-inbox>
  inbox: 'Inbox',
  tabs: 'Interaction lists',
  pendingTab: 'Pending',
  activeTab: 'Active',
  tabCount: (count: string) => `${count} interactions`,
  tabUnread: 'has unread messages',
  pendingList: 'Pending interactions',
  activeList: 'Active interactions',
  emptyPending: 'No pending interactions. New ones appear here as they arrive.',
  emptyActive: 'No active interactions. Take one from Pending or start a new one.',
  loadingList: 'Loading interactions…',
  unread: (count: string) => `${count} unread`,
  finishedMark: 'Finished',
  dispositionSaved: 'Disposition saved',
  takeAction: 'Take:',
  openAction: 'Open:',
  taking: 'Taking…',
  disposition: 'Disposition',
  dispositionFor: (title: string) => `Disposition of ${title}`,
  newInteraction: 'New',
  newInteractionTitle: 'New interaction',
  closeDialog: 'Close',
  taken: (title: string) => `${title} is now in Active.`,
  started: (title: string) => `${title} started.`,
  takenByOther: 'Another agent already took this interaction.',
  keyboardHint: 'Arrow keys move, Enter opens.',

  // <ucrm-interaction-actions>
  actionsMenu: 'Interaction actions',
  finish: 'Finish',
  finishPhoneNote: 'A call finishes when it ends.',
  finishedNote: 'Already finished.',
  transfer: 'Transfer',
  transferUnavailable: 'Transfers are not available here yet.',
  form: 'Form',
  noForm: 'This campaign has no form.',
  dispositionAction: 'Disposition',
  noDispositions: 'This campaign has no dispositions.',
  closeAction: 'Close',
  closeNeedsFinish: 'Finish the interaction before closing it.',
  closeNeedsDisposition: 'Save a disposition before closing.',
  working: 'Working…',
  finishedDone: 'Interaction finished.',
  closedDone: 'Interaction closed.',
  noInteraction: 'No interaction selected.',
  interactionNotFound: (id: string) => `Interaction ${id} was not found.`,

  // <ucrm-agent-workspace>
  workspace: 'Agent workspace',
  presence: 'Status',
  presenceChanging: 'Changing status…',
  presenceNow: (name: string) => `You are ${name}.`,
  backToInbox: 'Back to inbox',
  nothingOpen: 'Select an interaction in the inbox, or start a new one.',
  contactPanel: 'Contact',
  conversation: 'Conversation',
  conversationPlaceholder: (channel: string) => `The ${channel} conversation will appear here.`,
  callArea: 'Call',
  callPlaceholder: 'Call controls will appear here.',
  callState: (state: CallState) => `Call ${enCallStates[state] ?? state}`,
  endCall: 'End call',
  dispositionPanel: 'Disposition',
  formPlaceholder: 'The campaign form will open in a side panel.',
  interactionFinished: 'This interaction is finished: save a disposition and close it.',
  interactionClosed: (title: string) => `${title} was closed.`,
  startedAt: (time: string) => `Started ${time}`,
};

/** The English strings; each translation must have the same keys and arguments. */
export type WorkspaceStrings = typeof en;

/** `<ucrm-inbox>`, `<ucrm-interaction-actions>`, `<ucrm-agent-workspace>`. Numbers arrive formatted with `Intl`. */
export const workspaceStrings = defineStrings(en, {
  es: () => import('./es/workspace.js'),
  pt: () => import('./pt/workspace.js'),
});
