/**
 * The interaction workspace on the reference server, for REST tests (the
 * server is started for the run by scripts/rest-server-plugin.mjs): REST
 * interaction sources in this file's test scope (X-Test-Scope on every
 * request, the event stream's included), the carrier's side through the
 * `/__test/interactions` driver, and watching what a source hears.
 *
 *   before(async () => { await server(); });
 *   afterEach(stopWatching);
 *   const interactions = source();                                   // agent `default`
 *   const other = source({ token: (await server()).second.token });  // another agent
 *   const changes = watched(interactions);
 *   const call = await driver('/inbound', { channel: 'phone', campaign: 'sales', clientId: freshPhone() });
 *   await waitUntil(() => latest(changes, call.id)?.status === 'pending', '…');
 *   const ana = await desk('Ana');                                   // an agent of this test's own
 */
import { expect } from '@open-wc/testing';
import type { Interaction, InteractionChange } from '../../src/core/interactions/index.js';
import type { DispositionNode } from '../../src/core/types.js';
import { createRestInteractionSource, type RestInteractionSourceOptions } from '../../src/data/interactions/rest-interaction-source.js';
import type { InteractionSource } from '../../src/data/interactions/source.js';
import { agentToken, loadedServer, scope, scopedFetch } from './rest-server.js';

/** A test route of the server in this file's scope; the answer's JSON (undefined for 204). */
export async function testApi<T = unknown>(path: string, body: unknown = {}, method = 'POST'): Promise<T> {
  const response = await fetch(`${loadedServer().url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-test-scope': scope },
    body: JSON.stringify(body),
  });
  expect(response.status, path).to.be.lessThan(300);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The carrier's side: `/__test/interactions<path>` (server/interactions/test-routes.ts). */
export const driver = <T = Interaction>(path: string, body: unknown = {}) => testApi<T>(`/__test/interactions${path}`, body);

/** A REST interaction source on the test server (agent `default` unless `token` names another), with a fast reconnect. */
export function source(options: Partial<RestInteractionSourceOptions> = {}): InteractionSource {
  const info = loadedServer();
  return createRestInteractionSource({
    baseUrl: info.url,
    token: () => info.token ?? '',
    fetch: scopedFetch,
    reconnect: { initialMs: 20, maxMs: 200 },
    ...options,
  });
}

const stops: (() => void)[] = [];

/** Watches `interactions`; the returned list fills with every change (until `stopWatching`). */
export function watched(interactions: InteractionSource): InteractionChange[] {
  const changes: InteractionChange[] = [];
  stops.push(interactions.watch((change) => changes.push(change)));
  return changes;
}

/** Ends every watch `watched` started: call it in afterEach. */
export function stopWatching(): void {
  stops.splice(0).forEach((stop) => stop());
}

/** The last state of interaction `id` among `changes`. */
export const latest = (changes: InteractionChange[], id: string): Interaction | undefined =>
  changes
    .filter((c): c is Extract<InteractionChange, { type: 'interaction' }> => c.type === 'interaction' && c.interaction.id === id)
    .at(-1)?.interaction;

/** The first leaf of a disposition tree: a path a disposition can be saved with. */
export function leafPath(nodes: readonly DispositionNode[] = []): string[] {
  const path: string[] = [];
  let level: readonly DispositionNode[] | undefined = nodes;
  while (level?.length) {
    path.push(level[0]!.id);
    level = level[0]!.children;
  }
  return path;
}

/** An agent of the test's own at the test server: its id, name, token and a REST source acting as it. */
export interface Desk {
  id: string;
  name: string;
  token: string;
  interactions: InteractionSource;
}

let desks = 0;

/**
 * A fresh agent, available, named `name` and a number (`Ana 3`), with a signed
 * token of its own: a test that occupies an agent (a call takes its one phone
 * line; a transfer waits on it) never shares it with another test, nor with a
 * file running beside this one on the same server.
 */
export async function desk(name: string): Promise<Desk> {
  desks += 1;
  const id = `${name.toLowerCase()}-${desks}-${scope.slice(0, 8)}`;
  const token = await agentToken(id);
  await testApi(`/__test/interactions/agents/${encodeURIComponent(id)}`, { name: `${name} ${desks}` }, 'PUT');
  return { id, name: `${name} ${desks}`, token, interactions: source({ token: () => token }) };
}
