/**
 * What happens in the workspace, as data: the simulated carrier and the
 * server's event stream feed these to the same reducer (STYLE.md, "One event
 * model, two producers"). `at` is epoch milliseconds; `agentId` is who acts.
 */
import type { Channel } from '../types.js';
import type {
  CallCommand,
  Message,
  MessageStatus,
  Presence,
  SignalLevel,
  TransferMode,
  TransferTo,
} from './model.js';

export interface InboundEvent {
  type: 'inbound';
  at: number;
  id: string;
  channel: Channel;
  campaign: string;
  clientId: string;
  contactId?: string;
  title?: string;
  preChat?: Record<string, string>;
  /** The contact is blocked: the interaction is dropped with a system record and reaches nobody. */
  blocked?: boolean;
}

export interface StartEvent {
  type: 'start';
  at: number;
  id: string;
  agentId: string;
  channel: Channel;
  campaign: string;
  clientId: string;
  contactId?: string;
  title?: string;
}

export interface DispositionEventInput {
  path: string[];
  comment?: string;
  rescheduleAt?: string;
}

export type InteractionEvent =
  | InboundEvent
  | StartEvent
  | { type: 'take'; at: number; id: string; agentId: string }
  /** The customer picked up an outbound call. */
  | { type: 'call-answered'; at: number; id: string }
  | { type: 'call-command'; at: number; id: string; agentId: string; command: CallCommand }
  /** The customer (or the carrier) ended the call. */
  | { type: 'call-ended'; at: number; id: string }
  | { type: 'signal'; at: number; id: string; level: SignalLevel }
  | { type: 'finish'; at: number; id: string; agentId: string }
  | { type: 'save-disposition'; at: number; id: string; agentId: string; disposition: DispositionEventInput; close: boolean }
  | { type: 'close'; at: number; id: string; agentId: string }
  | { type: 'link-contact'; at: number; id: string; contactId: string; title?: string }
  | { type: 'message'; at: number; message: Message }
  | { type: 'message-status'; at: number; interactionId: string; messageId: string; status: MessageStatus; error?: string }
  /** The assignee opened the conversation: unread goes to zero. */
  | { type: 'read'; at: number; id: string; agentId: string }
  | { type: 'presence'; at: number; agentId: string; presence: Presence }
  /** Time passed: wrap-ups and transfer timeouts that are due take effect. */
  | { type: 'tick'; at: number }
  | { type: 'transfer'; at: number; id: string; agentId: string; to: TransferTo; mode: TransferMode }
  /**
   * The agent a transfer is offered to (`agentId`, who must be its target) answers it: `accept` takes a
   * blind transfer (an attended one stays with the sender until they complete it), `decline` returns it to
   * the sender, `none` (the simulator's "nobody answers") changes nothing.
   */
  | { type: 'transfer-answer'; at: number; id: string; agentId: string; answer: 'accept' | 'decline' | 'none' }
  | { type: 'transfer-complete'; at: number; id: string; agentId: string }
  | { type: 'transfer-cancel'; at: number; id: string; agentId: string }
  | { type: 'conference-send'; at: number; id: string; agentId: string; roomId: string }
  | { type: 'conference-join'; at: number; agentId: string }
  | {
      type: 'participant';
      at: number;
      agentId: string;
      participantId: string;
      muted?: boolean;
      speaking?: boolean;
      remove?: boolean;
    }
  | { type: 'tag'; at: number; ids: string[]; add?: string[]; remove?: string[] }
  | { type: 'delete'; at: number; ids: string[] };

export type InteractionEventType = InteractionEvent['type'];

/** Why the reducer refused an event; a source turns it into a `CrmError` with this code. */
export interface Rejection {
  code: 'conflict' | 'invalid' | 'not-found';
  message: string;
}
