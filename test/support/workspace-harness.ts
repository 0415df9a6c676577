/**
 * Shared set-up for the workspace element tests: the simulated carrier on a
 * fake clock, two campaigns, and helpers to read what the agent sees.
 */
import { waitUntil } from './wait.js';
import type { Campaign } from '../../src/core/types.js';
import { CrmError } from '../../src/core/errors.js';
import type { InteractionSource } from '../../src/data/interactions/source.js';
import {
  createSimulatedInteractionSource,
  type SimulatedSourceOptions,
} from '../../src/data/interactions/simulated-source.js';
import { FakeClock } from './fake-clock.js';

export const SUPPORT: Campaign = {
  id: 'support',
  name: 'Support',
  channels: ['whatsapp', 'webchat', 'phone', 'email'],
  outboundChannels: ['whatsapp', 'phone'],
  dispositions: [
    { id: 'solved', label: 'Solved' },
    { id: 'escalated', label: 'Escalated' },
  ],
  wrapUpSeconds: 30,
};

/** No dispositions: an interaction closes straight after it finishes. */
export const SALES: Campaign = {
  id: 'sales',
  name: 'Sales',
  channels: ['phone', 'whatsapp'],
  outboundChannels: ['phone'],
  form: { kind: 'sections', name: 'Lead form' },
};

export const CAMPAIGNS = [SUPPORT, SALES];

export const AGENT = 'ana';
export const OTHER_AGENT = 'bruno';

export function simulator(options: Partial<SimulatedSourceOptions> = {}) {
  const clock = new FakeClock();
  const sim = createSimulatedInteractionSource({
    agentId: AGENT,
    campaigns: CAMPAIGNS,
    agents: [
      { id: AGENT, name: 'Ana' },
      { id: OTHER_AGENT, name: 'Bruno' },
    ],
    clock,
    ...options,
  });
  return { sim, clock };
}

/**
 * The source with `method` failing `times` times (a CRM that is down), the
 * rest of it untouched: failure injection on the real simulator.
 */
export function failing<K extends keyof InteractionSource>(source: InteractionSource, method: K, times = 1) {
  let left = times;
  return new Proxy(source, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === method && left > 0) {
        return () => {
          left--;
          return Promise.reject(new CrmError('unavailable', 'The interaction server cannot be reached.'));
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export const shadowOf = (el: Element) => el.shadowRoot!;

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits for `check` (sync or async) to hold, with a generous timeout for a busy machine. */
export const until = (check: () => unknown, message = 'condition') =>
  waitUntil(async () => !!(await check()), `timed out waiting for ${message}`, { timeout: 8000 });
