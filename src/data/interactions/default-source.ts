/**
 * The interaction source used by workspace elements that have neither an
 * `interactions` property nor a `<ucrm-provider>` above them: the simulated
 * carrier for agent `agent-1` on the demo campaigns, quiet (no traffic: a
 * host that wants a lively demo sets its own with `traffic`), with the
 * default contacts source for names and blocked contacts.
 *
 * The demo campaigns (demo-data.ts, the largest module of the library) and
 * the simulator load on the first call to the default source, not with the
 * element: a page that gives its elements a source never downloads them.
 */
import { getDefaultSource } from '../default-source.js';
import type { AgentSetup } from '../../core/interactions/index.js';
import type { InteractionSource } from './source.js';

/** The demo's agents: `agent-1` is the one at the desk. */
export const DEMO_AGENTS: readonly AgentSetup[] = [
  { id: 'agent-1', name: 'Alex Morgan', capacity: { phone: 1, whatsapp: 3, webchat: 3, email: 5 } },
  { id: 'agent-2', name: 'Ana Pérez', campaigns: ['sales', 'support', 'vendas-br'] },
  { id: 'agent-3', name: 'Luis Silva', campaigns: ['support', 'collections'] },
  { id: 'agent-4', name: 'Carla Souza', presence: 'break', campaigns: ['vendas-br'] },
];

async function loadDemoSource(): Promise<InteractionSource> {
  const [{ DEMO_CAMPAIGNS }, { createSimulatedInteractionSource }] = await Promise.all([
    import('../demo-data.js'),
    import('./simulated-source.js'),
  ]);
  return createSimulatedInteractionSource({
    agentId: 'agent-1',
    campaigns: DEMO_CAMPAIGNS,
    agents: DEMO_AGENTS,
    contacts: getDefaultSource(),
  });
}

/**
 * An `InteractionSource` that loads the real one (`load`) on its first use
 * and hands every call to it. `watch` answers at once (elements subscribe
 * while connecting) and subscribes when the source is there. A failed load
 * fails the calls that waited for it (the element shows it with Retry) and
 * is tried again on the next call.
 */
function deferredSource(load: () => Promise<InteractionSource>): InteractionSource {
  let loading: Promise<InteractionSource> | undefined;
  const ready = (): Promise<InteractionSource> =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const watch: InteractionSource['watch'] = (listener) => {
    let stopped = false;
    let unwatch: (() => void) | undefined;
    ready().then(
      (source) => {
        if (!stopped) unwatch = source.watch(listener);
      },
      // The element's first read fails with the same error and shows it.
      () => undefined,
    );
    return () => {
      stopped = true;
      unwatch?.();
    };
  };
  // Every other member of InteractionSource is a method returning a promise: one forwarder each, made once.
  const methods = new Map<PropertyKey, unknown>([['watch', watch]]);
  return new Proxy({} as InteractionSource, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (!methods.has(name)) {
        methods.set(name, async (...args: unknown[]) => {
          const source = (await ready()) as unknown as Record<string, (...a: unknown[]) => unknown>;
          return source[name](...args);
        });
      }
      return methods.get(name);
    },
  });
}

let defaultSource: InteractionSource | undefined;

export function getDefaultInteractionSource(): InteractionSource {
  defaultSource ??= deferredSource(loadDemoSource);
  return defaultSource;
}

/** Replaces the library-wide default interaction source (e.g. with a REST one). */
export function setDefaultInteractionSource(source: InteractionSource): void {
  defaultSource = source;
}
