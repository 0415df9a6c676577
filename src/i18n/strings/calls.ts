import { defineStrings } from '../localize.js';

type CallStateName = 'ringing' | 'connected' | 'held' | 'parked' | 'consulting' | 'conference' | 'ended';
type Level = 'good' | 'fair' | 'poor';

const en = {
  // <ucrm-call-controls>
  callControls: 'Call controls',
  notACall: 'This interaction has no call.',
  stateName: (state: CallStateName) =>
    ({
      ringing: 'Ringing',
      connected: 'Connected',
      held: 'On hold',
      parked: 'Parked',
      consulting: 'Consulting',
      conference: 'In your conference room',
      ended: 'Call ended',
    })[state],
  duration: 'Call duration',
  mute: 'Mute',
  muteHint: 'The customer does not hear you; you still hear them.',
  hold: 'Hold',
  holdHint: 'The customer hears hold music.',
  keypad: 'Keypad',
  keypadHint: 'Digits, * and # from the keyboard are sent while the keypad is open.',
  keypadDigits: 'Keypad digits',
  sentDigits: 'Sent',
  key: (key: string) => (key === '*' ? 'Star' : key === '#' ? 'Pound' : key),
  park: 'Park',
  parkHint: 'The customer hears music; the call stays in your Active tab until you unpark it.',
  unpark: 'Unpark',
  parkedByYou: 'Parked by you',
  parkedBy: (name: string) => `Parked by ${name}`,
  onlyParkerUnparks: (name: string) => `Only ${name} can resume this call.`,
  conference: 'Conference',
  conferenceHint: 'Sends the call to your conference room, where the customer waits.',
  joinConference: 'Join',
  joinHint: 'Enter your conference room to talk with everyone.',
  endCall: 'End call',
  working: 'Working…',
  signal: (level: Level) => `Signal: ${({ good: 'good', fair: 'fair', poor: 'poor' })[level]}`,
  signalPoorHint: 'If it persists, check your internet connection.',
  // Announcements: what the source answered.
  nowMuted: 'Muted.',
  nowUnmuted: 'Unmuted.',
  nowState: (state: string) => `${state}.`,
  signalNow: (level: string) => `${level}.`,
  digitsSent: (digits: string) => `Sent ${digits}.`,

  // <ucrm-transfer>
  transfer: 'Transfer',
  transferTitle: (title: string) => `Transfer ${title}`,
  destination: 'Destination',
  toAgent: 'Agent',
  toCampaign: 'Campaign',
  toNumber: 'External number',
  agents: 'Agents',
  noAgents: 'No other agents.',
  available: 'Available',
  notAvailable: (presence: string) => `Not available (${presence})`,
  presenceName: (presence: string) =>
    ({ available: 'available', busy: 'busy', break: 'on a break', 'wrap-up': 'in wrap-up', disconnected: 'disconnected' })[presence] ??
    presence,
  campaigns: 'Campaigns',
  noCampaigns: 'No campaign takes this channel.',
  open: 'Open',
  closed: 'Closed (outside its hours)',
  number: 'Phone number',
  numberHint: 'Type a number or pick one from your contacts.',
  invalidNumber: 'Enter a valid phone number, e.g. +598 99 123 456.',
  searchContacts: 'Search contacts',
  searching: 'Searching…',
  noMatches: 'No contacts with a phone number match.',
  pickNumber: (name: string, phone: string) => `${name}, ${phone}`,
  mode: 'Transfer type',
  blind: 'Blind',
  blindHint: 'You are free at once; the customer waits on hold until it is answered.',
  attended: 'Attended',
  attendedHint: 'Talk to the recipient first, then complete or cancel.',
  chooseAgent: 'Choose an available agent.',
  chooseCampaign: 'Choose a campaign.',
  start: 'Transfer',
  startAttended: 'Call to consult',
  consulting: (target: string) => `Consulting ${target}. The customer is on hold.`,
  consultingNote: 'The other transfer options are disabled until you complete or cancel. Mute, hold and end call keep working.',
  waiting: (target: string) => `Waiting for ${target} to answer. The customer is on hold.`,
  returnsIn: (seconds: string) => `It comes back to you if nobody answers within ${seconds}.`,
  complete: 'Complete transfer',
  cancel: 'Cancel transfer',
  started: (target: string) => `Transfer to ${target} started.`,
  outcome: (outcome: 'completed' | 'cancelled' | 'declined' | 'timeout') =>
    ({
      completed: 'Transfer completed.',
      cancelled: 'Transfer cancelled: the interaction is still yours.',
      declined: 'The transfer was declined: the interaction is back with you.',
      timeout: 'Nobody answered the transfer in time: the interaction is back with you.',
    })[outcome],
  notTransferable: 'Only an active interaction can be transferred.',
  agentTarget: (name: string) => name,
  campaignTarget: (name: string) => `the ${name} campaign`,
  numberTarget: (number: string) => number,

  // <ucrm-conference>
  conferenceRoom: 'Conference room',
  participants: (count: number) => (count === 1 ? '1 participant' : `${count} participants`),
  emptyRoom: 'Your conference room is empty. Send an active call to it with Conference.',
  joined: 'You are in the room.',
  notJoined: 'The participants are waiting; join to talk with them.',
  muteAll: 'Mute all',
  muteAllHint: 'Mutes every participant except you.',
  speaking: 'Speaking',
  mutedBadge: 'Muted',
  muteParticipant: (name: string) => `Mute ${name}`,
  unmuteParticipant: (name: string) => `Unmute ${name}`,
  remove: 'Remove',
  removeParticipant: (name: string) => `Remove ${name}`,
  removeHint: 'Ends their call.',
  participantJoined: (name: string) => `${name} joined the conference.`,
  participantLeft: (name: string) => `${name} left the conference.`,
  allMuted: 'All participants muted.',
  participantMuted: (name: string) => `${name} muted.`,
  participantUnmuted: (name: string) => `${name} unmuted.`,
  roomEnded: 'The conference ended: everyone has left.',
};

/** The English strings; each translation must have the same keys and arguments. */
export type CallStrings = typeof en;

/** `<ucrm-call-controls>`, `<ucrm-transfer>`, `<ucrm-conference>`. Durations arrive formatted with `Intl`. */
export const callStrings = defineStrings(en, {
  es: () => import('./es/calls.js'),
  pt: () => import('./pt/calls.js'),
});
