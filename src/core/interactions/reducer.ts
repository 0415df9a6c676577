/**
 * The interaction lifecycle: a pure reducer `(state, event) → state`
 * (DESIGN.md, "The interaction workspace"; seeds 001, 002). `step` also says
 * why an event was refused (a lost take, a close without its disposition…);
 * a source turns that into a `CrmError`. Nothing here reads a clock or the
 * DOM: time arrives in the events.
 *
 * pending → active (take, auto-assign, a transfer accepted) → finished (the
 * call ended; a text channel finished by its agent) → closed (with its
 * disposition when the campaign has them). Closed never reopens.
 */
import { isComplete } from '../disposition/index.js';
import { isAutoAssigned, pickAgent } from './assignment.js';
import { applyCallCommand, endCall, newCall } from './call-rules.js';
import { computeLoads, freeCapacity, capacityFor, loadOf } from './capacity.js';
import { closeBlocker } from './close-rules.js';
import type { InteractionEvent, Rejection } from './events.js';
import { canMoveStatus, whatsappWindowEnd } from './message-rules.js';
import type { Interaction, Message } from './model.js';
import { isoAt, putInteraction, putAgent, withoutPending, type AgentState, type WorkspaceState } from './state.js';
import { applyTransferEvent, expireTransfers } from './transfer-rules.js';
import { agentLeavesRoom, applyConferenceEvent, leaveRoom } from './conference-rules.js';

export interface StepOutcome {
  state: WorkspaceState;
  /** Set when the event was refused; `state` is then the unchanged input. */
  rejection?: Rejection;
}

const reject = (state: WorkspaceState, code: Rejection['code'], message: string): StepOutcome => ({
  state,
  rejection: { code, message },
});

/** The lifecycle reducer: the next state (the same object when the event changed nothing or was refused). */
export function reduceWorkspace(state: WorkspaceState, event: InteractionEvent): WorkspaceState {
  return stepWorkspace(state, event).state;
}

/** Like `reduceWorkspace`, and says why an event was refused. */
export function stepWorkspace(state: WorkspaceState, event: InteractionEvent): StepOutcome {
  // Time has passed up to the event: what fell due before it (a wrap-up's end, a transfer's deadline)
  // happens first, so the outcome does not depend on how promptly the source's timer fired.
  const outcome = apply(expireDue(state, event.at), event);
  if (outcome.rejection) return { state, rejection: outcome.rejection };
  if (outcome.state === state) return outcome;
  // Anything may have freed capacity or made an agent available: serve the queue.
  return { state: assignPending(expireDue(outcome.state, event.at), event.at) };
}

function apply(state: WorkspaceState, event: InteractionEvent): StepOutcome {
  switch (event.type) {
    case 'inbound':
      return inbound(state, event);
    case 'start':
      return start(state, event);
    case 'take':
      return take(state, event.id, event.agentId, event.at);
    case 'call-answered': {
      const found = state.interactions.get(event.id);
      if (!found?.call) return reject(state, 'not-found', `No call "${event.id}".`);
      if (found.call.state !== 'ringing' || found.status !== 'active') return { state };
      return { state: putInteraction(state, { ...found, call: { ...found.call, state: 'connected' }, updatedAt: isoAt(event.at) }) };
    }
    case 'call-command':
      return callCommand(state, event);
    case 'call-ended':
      return callEnded(state, event.id, event.at);
    case 'signal': {
      const found = state.interactions.get(event.id);
      if (!found?.call) return reject(state, 'not-found', `No call "${event.id}".`);
      if (found.call.signal === event.level) return { state };
      return { state: putInteraction(state, { ...found, call: { ...found.call, signal: event.level } }) };
    }
    case 'finish':
      return finish(state, event.id, event.agentId, event.at);
    case 'save-disposition':
      return saveDisposition(state, event);
    case 'close':
      return close(state, event.id, event.agentId, event.at);
    case 'link-contact': {
      const found = state.interactions.get(event.id);
      if (!found) return notFound(state, event.id);
      return {
        state: putInteraction(state, {
          ...found,
          contactId: event.contactId,
          context: { ...found.context, contactId: event.contactId },
          ...(event.title ? { title: event.title } : {}),
        }),
      };
    }
    case 'message':
      return message(state, event.message, event.at);
    case 'message-status':
      return messageStatus(state, event);
    case 'read': {
      const found = state.interactions.get(event.id);
      if (!found) return notFound(state, event.id);
      if (found.assignee !== event.agentId || found.unread === 0) return { state };
      return { state: putInteraction(state, { ...found, unread: 0 }) };
    }
    case 'presence':
      return { state: setPresence(state, event.agentId, event.presence, event.at) };
    case 'tick':
      // Due wrap-ups and transfers are handled by `step` after every event.
      return { state: { ...state } };
    case 'transfer':
    case 'transfer-answer':
    case 'transfer-complete':
    case 'transfer-cancel':
      return applyTransferEvent(state, event, { take: assignTo, endCall: callEnded });
    case 'conference-send':
    case 'conference-join':
    case 'participant':
      return applyConferenceEvent(state, event, { endCall: callEnded });
    case 'tag':
      return tag(state, event.ids, event.add ?? [], event.remove ?? []);
    case 'delete':
      return remove(state, event.ids, event.at);
  }
}

// ---- helpers ------------------------------------------------------------------

const notFound = (state: WorkspaceState, id: string) => reject(state, 'not-found', `No interaction "${id}".`);

/** Refuses a command on someone else's (or no one's) interaction. */
function ownedBy(state: WorkspaceState, id: string, agentId: string): Interaction | StepOutcome {
  const found = state.interactions.get(id);
  if (!found) return notFound(state, id);
  if (found.assignee !== agentId || found.status === 'pending') {
    return reject(state, 'conflict', 'This interaction is not assigned to you.');
  }
  return found;
}

const isOutcome = (value: Interaction | StepOutcome): value is StepOutcome => 'state' in value;

// ---- arrival ------------------------------------------------------------------

function inbound(state: WorkspaceState, event: Extract<InteractionEvent, { type: 'inbound' }>): StepOutcome {
  if (state.interactions.get(event.id) || state.dropped.some((d) => d.id === event.id)) {
    return reject(state, 'conflict', `Interaction "${event.id}" already exists.`);
  }
  if (!state.campaigns[event.campaign]) return reject(state, 'invalid', `No campaign "${event.campaign}".`);
  if (event.blocked) {
    // Seed 003: a blocked contact's inbound never reaches an agent; only a system record remains.
    return {
      state: {
        ...state,
        dropped: [
          ...state.dropped,
          {
            id: event.id,
            channel: event.channel,
            campaign: event.campaign,
            clientId: event.clientId,
            ...(event.contactId ? { contactId: event.contactId } : {}),
            reason: 'blocked',
            at: isoAt(event.at),
          },
        ],
      },
    };
  }
  const at = isoAt(event.at);
  const interaction: Interaction = {
    id: event.id,
    channel: event.channel,
    campaign: event.campaign,
    context: {
      channel: event.channel,
      campaign: event.campaign,
      clientId: event.clientId,
      interactionId: event.id,
      ...(event.contactId ? { contactId: event.contactId } : {}),
    },
    ...(event.contactId ? { contactId: event.contactId } : {}),
    status: 'pending',
    direction: 'in',
    startedAt: at,
    updatedAt: at,
    unread: 0,
    title: event.title ?? event.clientId,
    ...(event.preChat ? { preChat: event.preChat } : {}),
    ...(event.channel === 'phone' ? { call: newCall('ringing') } : {}),
  };
  const next = putInteraction(state, interaction);
  return { state: { ...next, pending: [...next.pending, event.id] } };
}

function start(state: WorkspaceState, event: Extract<InteractionEvent, { type: 'start' }>): StepOutcome {
  if (state.interactions.get(event.id)) return reject(state, 'conflict', `Interaction "${event.id}" already exists.`);
  if (!state.campaigns[event.campaign]) return reject(state, 'invalid', `No campaign "${event.campaign}".`);
  const at = isoAt(event.at);
  const interaction: Interaction = {
    id: event.id,
    channel: event.channel,
    campaign: event.campaign,
    context: {
      channel: event.channel,
      campaign: event.campaign,
      clientId: event.clientId,
      interactionId: event.id,
      ...(event.contactId ? { contactId: event.contactId } : {}),
    },
    ...(event.contactId ? { contactId: event.contactId } : {}),
    status: 'active',
    assignee: event.agentId,
    direction: 'out',
    startedAt: at,
    updatedAt: at,
    unread: 0,
    title: event.title ?? event.clientId,
    ...(event.channel === 'phone' ? { call: newCall('ringing') } : {}),
  };
  const agent = state.agents[event.agentId];
  const next = putInteraction(state, interaction);
  return { state: agent ? putAgent(next, { ...agent, idleSince: event.at }) : next };
}

// ---- assignment -----------------------------------------------------------------

/** Gives a pending interaction to an agent: it becomes active; a ringing call is answered. */
export function assignTo(state: WorkspaceState, interaction: Interaction, agentId: string, at: number): WorkspaceState {
  const { transfer, ...rest } = interaction;
  const call = interaction.call && interaction.call.state !== 'ended' ? { ...interaction.call, state: 'connected' as const } : interaction.call;
  let next = putInteraction(withoutPending(state, interaction.id), {
    ...rest,
    status: 'active',
    assignee: agentId,
    updatedAt: isoAt(at),
    ...(call ? { call } : {}),
    ...(transfer ? { lastTransfer: { outcome: 'completed' as const, at: isoAt(at) } } : {}),
  });
  const agent = next.agents[agentId];
  if (agent) next = putAgent(next, { ...agent, idleSince: at });
  return next;
}

function take(state: WorkspaceState, id: string, agentId: string, at: number): StepOutcome {
  const found = state.interactions.get(id);
  if (!found) return notFound(state, id);
  if (found.status !== 'pending') {
    return reject(
      state,
      'conflict',
      found.assignee && found.assignee !== agentId
        ? 'Another agent took this interaction first.'
        : 'This interaction is no longer pending.',
    );
  }
  const agent = state.agents[agentId];
  if (agent?.campaigns && !agent.campaigns.includes(found.campaign)) {
    return reject(state, 'invalid', 'You are not a member of this interaction’s campaign.');
  }
  if (agent) {
    const loads = computeLoads(state);
    if (freeCapacity(loads, agent, found.channel) <= 0) {
      const limit = capacityFor(agent, found.channel);
      return reject(state, 'invalid', `You already handle ${loadOf(loads, agentId, found.channel)} of ${limit} ${found.channel} interactions at once.`);
    }
  }
  return { state: assignTo(state, found, agentId, at) };
}

/** Serves the Pending queue in arrival order: each auto-assigned interaction goes to the fairest agent with room. */
export function assignPending(state: WorkspaceState, at: number): WorkspaceState {
  if (state.pending.length === 0) return state;
  let loads = undefined as ReturnType<typeof computeLoads> | undefined;
  let next = state;
  for (const id of state.pending) {
    const interaction = next.interactions.get(id);
    if (!interaction || !isAutoAssigned(next, interaction.campaign)) continue;
    loads ??= computeLoads(next);
    const agent = pickAgent(next.agents, loads, interaction);
    if (!agent) continue;
    next = assignTo(next, interaction, agent.id, at);
    const perChannel = (loads[agent.id] ??= {});
    perChannel[interaction.channel] = (perChannel[interaction.channel] ?? 0) + 1;
  }
  return next;
}

// ---- calls --------------------------------------------------------------------

function callCommand(state: WorkspaceState, event: Extract<InteractionEvent, { type: 'call-command' }>): StepOutcome {
  const found = ownedBy(state, event.id, event.agentId);
  if (isOutcome(found)) return found;
  if (!found.call) return reject(state, 'invalid', 'This interaction has no call.');
  // Parking freed the line for other calls (seed 002); resuming must not put the agent over capacity.
  if (event.command.type === 'unpark' && found.call.state === 'parked' && found.call.parkedBy === event.agentId) {
    const agent = state.agents[event.agentId];
    if (agent && freeCapacity(computeLoads(state), agent, found.channel) === 0) {
      return reject(state, 'conflict', 'Park or end your current call before resuming this one.');
    }
  }
  const result = applyCallCommand(found.call, event.command, event.agentId);
  if ('rejection' in result) return { state, rejection: result.rejection };
  if (result.ended) return callEnded(state, event.id, event.at);
  if (result.call === found.call) return { state };
  return { state: putInteraction(state, { ...found, call: result.call, updatedAt: isoAt(event.at) }) };
}

/**
 * The call ended (either side). An answered call finishes (phone finishes when
 * the call ends) and starts its agent's wrap-up; a call still waiting in the
 * queue was abandoned and closes.
 */
export function callEnded(state: WorkspaceState, id: string, at: number): StepOutcome {
  const found = state.interactions.get(id);
  if (!found?.call) return reject(state, 'not-found', `No call "${id}".`);
  if (found.call.state === 'ended' || found.status === 'closed' || found.status === 'finished') return { state };
  const { transfer: _transfer, ...rest } = found;
  const ended: Interaction = { ...rest, call: endCall(found.call), updatedAt: isoAt(at), finishedAt: isoAt(at) };
  // The agent hanging up their room leaves it; the room ends when its last participant leaves.
  if (found.conferenceRoom) return { state: agentLeavesRoom(state, found, at) };
  let next = leaveRoom(state, id, at);
  if (found.status === 'pending') {
    return { state: putInteraction(withoutPending(next, id), { ...ended, status: 'closed' }) };
  }
  next = putInteraction(next, { ...ended, status: 'finished' });
  return { state: startWrapUp(next, found, at) };
}

/** Seed 002: after a call the campaign's wrap-up keeps inbound calls from an available agent for a while. */
function startWrapUp(state: WorkspaceState, interaction: Interaction, at: number): WorkspaceState {
  const agent = interaction.assignee ? state.agents[interaction.assignee] : undefined;
  const seconds = state.campaigns[interaction.campaign]?.wrapUpSeconds ?? 0;
  if (!agent || seconds <= 0 || (agent.presence !== 'available' && agent.presence !== 'wrap-up')) return state;
  const until = Math.max(agent.wrapUpUntil ?? 0, at + seconds * 1000);
  return putAgent(state, { ...agent, presence: 'wrap-up', wrapUpUntil: until });
}

// ---- finish and close -----------------------------------------------------------

function finish(state: WorkspaceState, id: string, agentId: string, at: number): StepOutcome {
  const found = ownedBy(state, id, agentId);
  if (isOutcome(found)) return found;
  if (found.status !== 'active') return reject(state, 'conflict', 'This interaction is already finished.');
  if (found.channel === 'phone' || found.call) {
    return reject(state, 'invalid', 'A phone interaction finishes when its call ends.');
  }
  const { transfer: _transfer, ...rest } = found;
  return { state: putInteraction(state, { ...rest, status: 'finished', finishedAt: isoAt(at), updatedAt: isoAt(at) }) };
}

const BLOCK_MESSAGES: Record<string, string> = {
  closed: 'This interaction is already closed.',
  'not-finished': 'Finish the interaction before closing it.',
  incomplete: 'Save a disposition before closing: this campaign requires one.',
};

function close(state: WorkspaceState, id: string, agentId: string, at: number): StepOutcome {
  const found = ownedBy(state, id, agentId);
  if (isOutcome(found)) return found;
  if (found.status === 'pending') return reject(state, 'invalid', BLOCK_MESSAGES['not-finished']!);
  const blocker = closeBlocker(found.status, state.campaigns[found.campaign], found.disposition?.path ?? []);
  if (blocker) return reject(state, blocker === 'closed' ? 'conflict' : 'invalid', BLOCK_MESSAGES[blocker] ?? blocker);
  return { state: putInteraction(state, { ...found, status: 'closed', updatedAt: isoAt(at), unread: 0 }) };
}

function saveDisposition(state: WorkspaceState, event: Extract<InteractionEvent, { type: 'save-disposition' }>): StepOutcome {
  const found = ownedBy(state, event.id, event.agentId);
  if (isOutcome(found)) return found;
  if (found.status === 'closed') return reject(state, 'conflict', BLOCK_MESSAGES.closed!);
  const campaign = state.campaigns[found.campaign];
  if (!isComplete(campaign?.dispositions, event.disposition.path)) {
    return reject(state, 'invalid', 'Choose a disposition down to its last level.');
  }
  if (campaign?.commentRequired && !event.disposition.comment?.trim()) {
    return reject(state, 'invalid', 'This campaign requires a comment.');
  }
  const saved = putInteraction(state, {
    ...found,
    disposition: {
      path: [...event.disposition.path],
      ...(event.disposition.comment ? { comment: event.disposition.comment } : {}),
      ...(event.disposition.rescheduleAt ? { rescheduleAt: event.disposition.rescheduleAt } : {}),
      savedAt: isoAt(event.at),
    },
    updatedAt: isoAt(event.at),
  });
  if (!event.close) return { state: saved };
  const closed = close(saved, event.id, event.agentId, event.at);
  // Save and close is one step: refused as a whole when the close is.
  return closed.rejection ? { state, rejection: closed.rejection } : closed;
}

// ---- messages -------------------------------------------------------------------

function message(state: WorkspaceState, msg: Message, at: number): StepOutcome {
  const found = state.interactions.get(msg.interactionId);
  if (!found) return notFound(state, msg.interactionId);
  if (found.status === 'closed') return reject(state, 'invalid', 'This interaction is closed.');
  const list = state.messages.get(found.id) ?? [];
  if (list.some((m) => m.id === msg.id)) return { state };
  const fromCustomer = msg.direction === 'in' && msg.author.kind === 'customer';
  const updated: Interaction = {
    ...found,
    updatedAt: isoAt(at),
    ...(fromCustomer ? { unread: found.unread + 1 } : {}),
    ...(fromCustomer && found.channel === 'whatsapp' ? { whatsappWindowEndsAt: whatsappWindowEnd(at) } : {}),
  };
  const next = putInteraction(state, updated);
  return { state: { ...next, messages: new Map(next.messages).set(found.id, [...list, msg]) } };
}

function messageStatus(state: WorkspaceState, event: Extract<InteractionEvent, { type: 'message-status' }>): StepOutcome {
  const list = state.messages.get(event.interactionId);
  const index = list?.findIndex((m) => m.id === event.messageId) ?? -1;
  if (!list || index < 0) return reject(state, 'not-found', `No message "${event.messageId}".`);
  const current = list[index]!;
  // Receipts arrive out of order: a late "delivered" after "read" changes nothing.
  if (!canMoveStatus(current.status, event.status)) return { state };
  const updated: Message = { ...current, status: event.status, ...(event.error ? { error: event.error } : {}) };
  const copy = list.slice();
  copy[index] = updated;
  return { state: { ...state, messages: new Map(state.messages).set(event.interactionId, copy) } };
}

// ---- presence -------------------------------------------------------------------

function setPresence(state: WorkspaceState, agentId: string, presence: AgentState['presence'], at: number): WorkspaceState {
  const agent = state.agents[agentId] ?? { id: agentId, name: agentId, presence: 'disconnected', idleSince: at };
  if (agent.presence === presence && state.agents[agentId]) return state;
  const { wrapUpUntil: _until, ...rest } = agent;
  const becameAvailable = presence === 'available' && agent.presence !== 'available' && agent.presence !== 'wrap-up';
  return putAgent(state, { ...rest, presence, ...(becameAvailable ? { idleSince: at } : {}) });
}

/** Wrap-ups and transfer deadlines that are due at `at`. */
function expireDue(state: WorkspaceState, at: number): WorkspaceState {
  let next = state;
  for (const agent of Object.values(state.agents)) {
    if (agent.presence === 'wrap-up' && agent.wrapUpUntil !== undefined && agent.wrapUpUntil <= at) {
      const { wrapUpUntil: _until, ...rest } = agent;
      next = putAgent(next, { ...rest, presence: 'available' });
    }
  }
  return expireTransfers(next, at);
}

/** The next instant something is due (a wrap-up end, a transfer timeout), for the source's timer. */
export function nextDeadline(state: WorkspaceState): number | undefined {
  let next: number | undefined;
  const consider = (t: number | undefined) => {
    if (t !== undefined && Number.isFinite(t) && (next === undefined || t < next)) next = t;
  };
  for (const agent of Object.values(state.agents)) if (agent.presence === 'wrap-up') consider(agent.wrapUpUntil);
  for (const interaction of [...state.interactions.values()]) {
    if (interaction.transfer?.deadline) consider(Date.parse(interaction.transfer.deadline));
  }
  return next;
}

// ---- drawer batch ---------------------------------------------------------------

function tag(state: WorkspaceState, ids: string[], add: string[], removeTags: string[]): StepOutcome {
  let next = state;
  for (const id of ids) {
    const found = next.interactions.get(id);
    if (!found) continue;
    const tags = [...new Set([...(found.tags ?? []), ...add])].filter((t) => !removeTags.includes(t));
    next = putInteraction(next, { ...found, tags });
  }
  return { state: next };
}

function remove(state: WorkspaceState, ids: string[], at: number): StepOutcome {
  const interactions = new Map(state.interactions);
  const messages = new Map(state.messages);
  let rooms = state.rooms;
  for (const id of ids) {
    if (interactions.get(id)?.conferenceRoom) continue;
    interactions.delete(id);
    messages.delete(id);
    rooms = leaveRoom({ ...state, rooms }, id, at).rooms;
  }
  return { state: { ...state, interactions, messages, rooms, pending: state.pending.filter((id) => interactions.has(id)) } };
}

