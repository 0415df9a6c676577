/**
 * The simulated carrier behind the workspace stories: no traffic, each story
 * sets its state with driver calls, so every state is reproducible.
 */
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import {
  createSimulatedInteractionSource,
  type SimulatedInteractionSource,
  type SimulatedSourceOptions,
} from '../src/data/interactions/simulated-source.js';
import { DEMO_CAMPAIGNS, DEMO_FIXTURES } from '../src/data/demo-data.js';

export const AGENT = 'agent-1';
/** The demo campaigns, all manual: auto-assign would hand the stories' customers out before a story takes them. */
export const CAMPAIGNS: readonly Campaign[] = DEMO_CAMPAIGNS.map((campaign) => ({ ...campaign, assignment: 'manual' }));

/** The fixed demo contacts (in memory), so screen pops resolve to known people. */
export const storyContacts = () =>
  createLocalSource({
    persist: false,
    contacts: Object.values(DEMO_FIXTURES).map((fixture) => fixture.contact),
    campaigns: [...DEMO_CAMPAIGNS],
    defaultRegion: 'UY',
  });

export function storySimulator(options: Partial<SimulatedSourceOptions> = {}): SimulatedInteractionSource {
  return createSimulatedInteractionSource({
    agentId: AGENT,
    agentName: 'Alex Morgan',
    campaigns: CAMPAIGNS,
    agents: [{ id: AGENT, name: 'Alex Morgan' }, { id: 'agent-2', name: 'Ana Pérez' }],
    ...options,
  });
}

/** Three customers waiting: a WhatsApp, a call and a web chat. */
export async function withPending(sim: SimulatedInteractionSource) {
  const whatsapp = await sim.simulateInbound({ channel: 'whatsapp', campaign: 'sales', clientId: DEMO_FIXTURES.uruguayMobile.ring.clientId!, text: 'Hola, ¿tienen el plan anual?' });
  const call = await sim.simulateInbound({ channel: 'phone', campaign: 'support', clientId: DEMO_FIXTURES.familyParent.ring.clientId! });
  const chat = await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-7f3a9c', text: 'My order has not arrived.', preChat: { name: 'Robin' } });
  return { whatsapp: whatsapp!, call: call!, chat: chat! };
}

/** Two taken: one being handled, one finished (not yet closed). */
export async function withActive(sim: SimulatedInteractionSource) {
  const { whatsapp, call, chat } = await withPending(sim);
  await sim.take(whatsapp.id);
  await sim.take(chat.id);
  await sim.finish(chat.id);
  return { whatsapp, call, chat };
}

/** `source` with `method` always failing: the interaction server is down. */
export function unreachable(source: InteractionSource, method: keyof InteractionSource): InteractionSource {
  return new Proxy(source, {
    get(target, key) {
      if (key === method) return () => Promise.reject(new CrmError('unavailable', 'The interaction server cannot be reached.'));
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
