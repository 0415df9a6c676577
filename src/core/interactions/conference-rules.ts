/**
 * The agent's conference room (seed 002): calls sent to the room wait there,
 * the agent joins to talk with everyone, mutes or removes participants; a
 * participant's hang-up leaves the room, and the room (itself an
 * interaction) ends when all have left.
 */
import type { InteractionEvent, Rejection } from './events.js';
import type { ConferenceParticipant, Interaction } from './model.js';
import { newCall } from './call-rules.js';
import { isoAt, putInteraction, type ConferenceRoom, type WorkspaceState } from './state.js';

type Outcome = { state: WorkspaceState; rejection?: Rejection };
type ConferenceEvent = Extract<InteractionEvent, { type: 'conference-send' | 'conference-join' | 'participant' }>;

const reject = (state: WorkspaceState, code: Rejection['code'], message: string): Outcome => ({ state, rejection: { code, message } });

/** Stores the room, mirrored on its interaction (`participants`), so a watcher hears every change of it. */
function putRoom(state: WorkspaceState, room: ConferenceRoom): WorkspaceState {
  const next = { ...state, rooms: { ...state.rooms, [room.owner]: room } };
  const roomInteraction = next.interactions.get(room.id);
  return roomInteraction ? putInteraction(next, { ...roomInteraction, participants: [...room.participants] }) : next;
}

export function applyConferenceEvent(
  state: WorkspaceState,
  event: ConferenceEvent,
  deps: { endCall(state: WorkspaceState, id: string, at: number): Outcome },
): Outcome {
  switch (event.type) {
    case 'conference-send': {
      const found = state.interactions.get(event.id);
      if (!found) return reject(state, 'not-found', `No interaction "${event.id}".`);
      if (found.assignee !== event.agentId || found.status !== 'active' || !found.call || found.conferenceRoom) {
        return reject(state, 'conflict', 'Only an active call of yours can go to the conference.');
      }
      if (found.call.state !== 'connected' && found.call.state !== 'held') {
        return reject(state, 'conflict', 'Only a connected call can go to the conference.');
      }
      let next = state;
      let room = state.rooms[event.agentId];
      if (!room) {
        room = { id: event.roomId, owner: event.agentId, joined: false, participants: [] };
        const at = isoAt(event.at);
        const roomInteraction: Interaction = {
          id: event.roomId,
          channel: 'phone',
          campaign: found.campaign,
          context: { channel: 'phone', campaign: found.campaign, interactionId: event.roomId },
          status: 'active',
          assignee: event.agentId,
          direction: 'out',
          startedAt: at,
          updatedAt: at,
          unread: 0,
          title: 'Conference',
          conferenceRoom: true,
          call: newCall('conference'),
        };
        next = putInteraction(next, roomInteraction);
      }
      const participant: ConferenceParticipant = { id: found.id, name: found.title ?? found.id, muted: false, speaking: false };
      next = putRoom(next, { ...room, participants: [...room.participants, participant] });
      return { state: putInteraction(next, { ...found, call: { ...found.call, state: 'conference' }, updatedAt: isoAt(event.at) }) };
    }
    case 'conference-join': {
      const room = state.rooms[event.agentId];
      if (!room || room.participants.length === 0) return reject(state, 'invalid', 'Your conference room is empty.');
      const next = putRoom(state, { ...room, joined: true });
      const roomInteraction = next.interactions.get(room.id)!;
      return { state: putInteraction(next, { ...roomInteraction, call: { ...roomInteraction.call!, state: 'connected' }, updatedAt: isoAt(event.at) }) };
    }
    case 'participant': {
      const room = state.rooms[event.agentId];
      const participant = room?.participants.find((p) => p.id === event.participantId);
      if (!room || !participant) return reject(state, 'not-found', `No participant "${event.participantId}" in your room.`);
      if (event.remove) return deps.endCall(state, event.participantId, event.at);
      const updated: ConferenceParticipant = {
        ...participant,
        ...(event.muted !== undefined ? { muted: event.muted } : {}),
        ...(event.speaking !== undefined ? { speaking: event.speaking } : {}),
      };
      let next = putRoom(state, { ...room, participants: room.participants.map((p) => (p.id === participant.id ? updated : p)) });
      const call = next.interactions.get(participant.id);
      if (event.muted !== undefined && call?.call) next = putInteraction(next, { ...call, call: { ...call.call, muted: event.muted } });
      return { state: next };
    }
  }
}

/** A participant's call left (hung up or removed): off the list; the room ends when it is empty. */
export function leaveRoom(state: WorkspaceState, participantId: string, at: number): WorkspaceState {
  let next = state;
  for (const room of Object.values(state.rooms)) {
    if (!room.participants.some((p) => p.id === participantId)) continue;
    const participants = room.participants.filter((p) => p.id !== participantId);
    if (participants.length > 0) {
      next = putRoom(next, { ...room, participants });
      continue;
    }
    const rooms = { ...next.rooms };
    delete rooms[room.owner];
    next = { ...next, rooms };
    const roomInteraction = next.interactions.get(room.id);
    if (roomInteraction) {
      next = putInteraction(next, {
        ...roomInteraction,
        status: 'closed',
        participants: [],
        call: { ...roomInteraction.call!, state: 'ended' },
        finishedAt: isoAt(at),
        updatedAt: isoAt(at),
      });
    }
  }
  return next;
}

/** The agent hung up their room: they leave it; the participants stay until they leave. */
export function agentLeavesRoom(state: WorkspaceState, roomInteraction: Interaction, at: number): WorkspaceState {
  const room = Object.values(state.rooms).find((r) => r.id === roomInteraction.id);
  if (!room) return state;
  const next = putRoom(state, { ...room, joined: false });
  const current = next.interactions.get(roomInteraction.id) ?? roomInteraction;
  return putInteraction(next, { ...current, call: { ...current.call!, state: 'conference' }, updatedAt: isoAt(at) });
}
