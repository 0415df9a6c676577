/**
 * The interaction source used by workspace elements that have neither an
 * `interactions` property nor a `<ucrm-provider>` above them: the simulated
 * carrier for agent `agent-1` on the demo campaigns, quiet (no traffic: a
 * host that wants a lively demo sets its own with `traffic`), with the
 * default contacts source for names and blocked contacts.
 */
import { DEMO_CAMPAIGNS } from '../demo-data.js';
import { getDefaultSource } from '../default-source.js';
import type { AgentSetup } from '../../core/interactions/index.js';
import type { InteractionSource } from './source.js';
import { createSimulatedInteractionSource } from './simulated-source.js';

/** The demo's agents: `agent-1` is the one at the desk. */
export const DEMO_AGENTS: readonly AgentSetup[] = [
  { id: 'agent-1', name: 'Alex Morgan', capacity: { phone: 1, whatsapp: 3, webchat: 3, email: 5 } },
  { id: 'agent-2', name: 'Ana Pérez', campaigns: ['sales', 'support', 'vendas-br'] },
  { id: 'agent-3', name: 'Luis Silva', campaigns: ['support', 'collections'] },
  { id: 'agent-4', name: 'Carla Souza', presence: 'break', campaigns: ['vendas-br'] },
];

let defaultSource: InteractionSource | undefined;

export function getDefaultInteractionSource(): InteractionSource {
  defaultSource ??= createSimulatedInteractionSource({
    agentId: 'agent-1',
    campaigns: DEMO_CAMPAIGNS,
    agents: DEMO_AGENTS,
    contacts: getDefaultSource(),
  });
  return defaultSource;
}

/** Replaces the library-wide default interaction source (e.g. with a REST one). */
export function setDefaultInteractionSource(source: InteractionSource): void {
  defaultSource = source;
}
