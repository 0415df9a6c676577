/**
 * Transfers (seed 002): phone to an agent, a campaign or an external number,
 * blind or attended; text channels to an agent or a campaign with the same
 * channel, blind. Valid agents are available (connected, no status, no
 * break). An unanswered transfer returns to the agent who made it after the
 * campaign's `transferTimeoutSeconds`.
 */
import { computeLoads, freeCapacity, occupiesCapacity } from './capacity.js';
import type { InteractionEvent, Rejection } from './events.js';
import type { Interaction, TransferInfo, TransferOutcome } from './model.js';
import { isoAt, putInteraction, withoutPending, type WorkspaceState } from './state.js';

export const DEFAULT_TRANSFER_TIMEOUT_SECONDS = 30;

type Outcome = { state: WorkspaceState; rejection?: Rejection };
type TransferEvent = Extract<InteractionEvent, { type: 'transfer' | 'transfer-answer' | 'transfer-complete' | 'transfer-cancel' }>;

export interface TransferDeps {
  take(state: WorkspaceState, interaction: Interaction, agentId: string, at: number): WorkspaceState;
  endCall(state: WorkspaceState, id: string, at: number): Outcome;
}

const reject = (state: WorkspaceState, code: Rejection['code'], message: string): Outcome => ({ state, rejection: { code, message } });

export function applyTransferEvent(state: WorkspaceState, event: TransferEvent, deps: TransferDeps): Outcome {
  const found = state.interactions.get(event.id);
  if (!found) return reject(state, 'not-found', `No interaction "${event.id}".`);
  switch (event.type) {
    case 'transfer':
      return startTransfer(state, found, event, deps);
    case 'transfer-answer':
      return answerTransfer(state, found, event, deps);
    case 'transfer-complete': {
      if (found.transfer?.from !== event.agentId) return reject(state, 'conflict', 'No transfer of yours is in progress.');
      if (found.transfer.mode !== 'attended') return reject(state, 'conflict', 'A blind transfer completes when it is answered.');
      return deliver(state, found, found.transfer, event.at, deps);
    }
    case 'transfer-cancel':
      if (found.transfer?.from !== event.agentId) return reject(state, 'conflict', 'No transfer of yours is in progress.');
      return { state: returnToSender(state, found, 'cancelled', event.at) };
  }
}

/**
 * The agent a transfer to an agent is offered to answers it (seed 002: "if
 * the time limit is exceeded and nobody responds" it returns; the target
 * may also respond). Only that agent may answer. Blind: accept takes it,
 * decline returns it to the sender. Attended (a consultation): decline ends
 * the consultation and the call is the sender's again; accept means the
 * consulted agent is on the line, so the timeout for an *unanswered*
 * transfer no longer applies — the sender completes or cancels it.
 */
function answerTransfer(
  state: WorkspaceState,
  found: Interaction,
  event: Extract<InteractionEvent, { type: 'transfer-answer' }>,
  deps: TransferDeps,
): Outcome {
  const transfer = found.transfer;
  if (!transfer) return reject(state, 'conflict', 'This transfer is no longer waiting for an answer (it was answered, cancelled or timed out).');
  const target = transfer.target;
  if (!('agentId' in target)) return reject(state, 'conflict', 'A transfer to a campaign is taken from Pending, not answered.');
  if (target.agentId !== event.agentId) return reject(state, 'conflict', 'This transfer is offered to another agent.');
  if (event.answer === 'none') return { state };
  if (event.answer === 'decline') return { state: returnToSender(state, found, 'declined', event.at) };
  if (transfer.mode === 'attended') {
    if (transfer.answeredAt) return { state };
    const { deadline: _deadline, ...answered } = transfer;
    return { state: putInteraction(state, { ...found, transfer: { ...answered, answeredAt: isoAt(event.at) }, updatedAt: isoAt(event.at) }) };
  }
  return { state: deps.take(state, found, target.agentId, event.at) };
}

/**
 * A transfer to `agentId` waits for their answer: the interaction is someone
 * else's (the sender keeps it meanwhile) and its transfer targets this
 * agent. The target's inbox lists it in Pending (the seed: a transfer "will
 * move to the destination agent's or campaign's tab") until it is answered,
 * cancelled or times out.
 */
export function isTransferOfferedTo(interaction: Pick<Interaction, 'transfer' | 'assignee' | 'status'>, agentId: string): boolean {
  const target = interaction.transfer?.target;
  return !!target && 'agentId' in target && target.agentId === agentId && interaction.assignee !== agentId && interaction.status === 'active';
}

function startTransfer(
  state: WorkspaceState,
  found: Interaction,
  event: Extract<InteractionEvent, { type: 'transfer' }>,
  deps: TransferDeps,
): Outcome {
  if (found.assignee !== event.agentId || found.status !== 'active') {
    return reject(state, 'conflict', 'Only an active interaction of yours can be transferred.');
  }
  if (found.transfer) return reject(state, 'conflict', 'A transfer is already in progress.');
  const phone = found.channel === 'phone';
  const { to, mode } = event;
  if (!phone && 'number' in to) return reject(state, 'invalid', 'Text interactions transfer to an agent or a campaign.');
  if (!phone && mode === 'attended') return reject(state, 'invalid', 'Attended transfer is for calls.');
  if (phone && (!found.call || !['connected', 'held'].includes(found.call.state))) {
    return reject(state, 'conflict', 'Only a connected call can be transferred.');
  }
  if ('campaignId' in to) {
    const campaign = state.campaigns[to.campaignId];
    if (!campaign) return reject(state, 'invalid', `No campaign "${to.campaignId}".`);
    if (!campaign.channels.includes(found.channel)) return reject(state, 'invalid', `${campaign.name} does not take this channel.`);
  }
  if ('agentId' in to) {
    const agent = state.agents[to.agentId];
    if (!agent || to.agentId === event.agentId) return reject(state, 'invalid', 'Choose another agent.');
    if (agent.presence !== 'available') return reject(state, 'invalid', `${agent.name} is not available.`);
  }
  if ('number' in to && !/^\+?[0-9*#]{3,}$/.test(to.number.replace(/[\s().-]/g, ''))) {
    return reject(state, 'invalid', 'Enter a phone number to transfer to.');
  }
  const seconds = state.campaigns[found.campaign]?.transferTimeoutSeconds ?? DEFAULT_TRANSFER_TIMEOUT_SECONDS;
  const transfer: TransferInfo = {
    target: to,
    mode,
    from: event.agentId,
    ...(state.agents[event.agentId]?.name ? { fromName: state.agents[event.agentId]!.name } : {}),
    ...('number' in to ? {} : { deadline: isoAt(event.at + seconds * 1000) }),
  };
  if (mode === 'attended') {
    return { state: putInteraction(state, { ...found, transfer, call: { ...found.call!, state: 'consulting' }, updatedAt: isoAt(event.at) }) };
  }
  return deliver(state, { ...found, transfer }, transfer, event.at, deps);
}

/** Hands the interaction to the target (blind at once; attended on complete). */
function deliver(state: WorkspaceState, found: Interaction, transfer: TransferInfo, at: number, deps: TransferDeps): Outcome {
  const to = transfer.target;
  if ('number' in to) {
    const ended = deps.endCall(state, found.id, at);
    if (ended.rejection) return ended;
    const after = ended.state.interactions.get(found.id)!;
    return { state: putInteraction(ended.state, { ...after, lastTransfer: { outcome: 'completed', at: isoAt(at) } }) };
  }
  if ('agentId' in to) {
    if (transfer.mode === 'attended') return { state: deps.take(state, found, to.agentId, at) };
    // Blind to an agent: it stays with the sender (on hold) until answered or timed out.
    const call = found.call ? { call: { ...found.call, state: 'held' as const } } : {};
    return { state: putInteraction(state, { ...found, transfer, ...call, updatedAt: isoAt(at) }) };
  }
  // To a campaign: back to Pending in that campaign, where its agents (or auto-assign) take it.
  const { assignee: _assignee, ...rest } = found;
  const queued: Interaction = {
    ...rest,
    status: 'pending',
    campaign: to.campaignId,
    context: { ...found.context, campaign: to.campaignId },
    transfer: { ...transfer, fromCampaign: found.campaign },
    ...(found.call ? { call: { ...found.call, state: 'ringing' as const } } : {}),
    updatedAt: isoAt(at),
  };
  const next = putInteraction(withoutPending(state, found.id), queued);
  return { state: { ...next, pending: [...next.pending, found.id] } };
}

/**
 * Back to the agent who made the transfer: active, the call connected again —
 * or parked by them when they took another call meanwhile (their line is
 * busy; they resume it when free, and nobody else can).
 */
export function returnToSender(state: WorkspaceState, found: Interaction, outcome: TransferOutcome, at: number): WorkspaceState {
  const { transfer, ...rest } = found;
  if (!transfer) return state;
  const campaign = transfer.fromCampaign ?? found.campaign;
  const live = found.call && found.call.state !== 'ended' ? found.call : undefined;
  const parked = live && transfer.from && !senderHasRoom(state, found, transfer.from);
  const call = live ? { call: parked ? { ...live, state: 'parked' as const, parkedBy: transfer.from! } : { ...live, state: 'connected' as const } } : {};
  return putInteraction(withoutPending(state, found.id), {
    ...rest,
    status: 'active',
    ...(transfer.from ? { assignee: transfer.from } : {}),
    campaign,
    context: { ...found.context, campaign },
    ...call,
    lastTransfer: { outcome, at: isoAt(at) },
    updatedAt: isoAt(at),
  });
}

/** Whether the sender's line is free for the returning call (not counting the call itself, when it stayed with them). */
function senderHasRoom(state: WorkspaceState, found: Interaction, senderId: string): boolean {
  const sender = state.agents[senderId];
  if (!sender) return true;
  const loads = computeLoads(state);
  const own = occupiesCapacity(found) && found.assignee === senderId ? 1 : 0;
  return freeCapacity(loads, sender, found.channel) + own > 0;
}

/** Transfers whose deadline has passed return to their sender. */
export function expireTransfers(state: WorkspaceState, at: number): WorkspaceState {
  let next = state;
  for (const interaction of [...state.interactions.values()]) {
    const deadline = interaction.transfer?.deadline;
    if (deadline && Date.parse(deadline) <= at) next = returnToSender(next, interaction, 'timeout', at);
  }
  return next;
}
