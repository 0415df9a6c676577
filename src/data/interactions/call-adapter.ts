/**
 * How a client-side interaction source reaches the host's softphone media
 * (WebRTC/SIP): the source calls it when its calls change; elements never do
 * (DESIGN.md, "The interaction workspace"). `onSignal` reports the line's
 * quality; it returns a function that stops listening.
 */
import type { SignalLevel } from '../../core/interactions/index.js';

export interface CallAdapter {
  mute(on: boolean): void | Promise<void>;
  hold(on: boolean): void | Promise<void>;
  dtmf(digits: string): void | Promise<void>;
  hangup(): void | Promise<void>;
  onSignal(listener: (level: SignalLevel) => void): () => void;
}
