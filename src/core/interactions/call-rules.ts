/**
 * Call state changes (seed 002): mute, hold, park (only the parker unparks),
 * keypad, hang up. Pure: a command and the current call give the next call
 * or the reason it is refused.
 */
import type { CallCommand, CallInfo } from './model.js';
import type { Rejection } from './events.js';

export type CallStep = { call: CallInfo; ended?: boolean } | { rejection: Rejection };

const refuse = (message: string): { rejection: Rejection } => ({ rejection: { code: 'conflict', message } });

/** The call after `command` by `agentId`, or why it is refused. */
export function applyCallCommand(call: CallInfo, command: CallCommand, agentId: string): CallStep {
  if (call.state === 'ended') return refuse('The call has ended.');
  switch (command.type) {
    case 'mute':
    case 'unmute':
      return { call: { ...call, muted: command.type === 'mute' } };
    case 'hold':
      if (call.state !== 'connected') return refuse('Only a connected call can be put on hold.');
      return { call: { ...call, state: 'held' } };
    case 'resume':
      if (call.state !== 'held') return refuse('The call is not on hold.');
      return { call: { ...call, state: 'connected' } };
    case 'park':
      if (call.state !== 'connected' && call.state !== 'held') return refuse('Only a connected call can be parked.');
      return { call: { ...call, state: 'parked', parkedBy: agentId } };
    case 'unpark': {
      if (call.state !== 'parked') return refuse('The call is not parked.');
      if (call.parkedBy !== agentId) return refuse('Only the agent who parked the call can resume it.');
      const { parkedBy: _parkedBy, ...rest } = call;
      return { call: { ...rest, state: 'connected' } };
    }
    case 'hangup':
      if (call.state === 'parked' && call.parkedBy !== agentId) return refuse('Only the agent who parked the call can end it.');
      return { call: endCall(call), ended: true };
    case 'dtmf':
      if (!/^[0-9*#]+$/.test(command.digits)) return { rejection: { code: 'invalid', message: 'Keypad digits are 0-9, * and #.' } };
      if (call.state !== 'connected' && call.state !== 'consulting') return refuse('The keypad works on a connected call.');
      return { call };
  }
}

export function endCall(call: CallInfo): CallInfo {
  const { parkedBy: _parkedBy, ...rest } = call;
  return { ...rest, state: 'ended' };
}

export function newCall(state: CallInfo['state']): CallInfo {
  return { state, muted: false, signal: 'good' };
}
