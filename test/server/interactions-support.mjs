/**
 * Shared by the interaction server tests: a test server with agents' tokens
 * and two campaigns, a JSON fetch as one agent, the /__test/interactions
 * driver, and a Server-Sent Events reader (fetch streaming, as the browser
 * client does) that records every event with its id.
 */
import process from 'node:process';
import { startTestServer } from '../../scripts/test-server.mjs';

export const AGENTS = { ana: 'token-ana', bruno: 'token-bruno', carla: 'token-carla', dario: 'token-dario', erin: 'token-erin', fede: 'token-fede' };

export const CAMPAIGNS = [
  {
    id: 'manual',
    name: 'Manual',
    channels: ['whatsapp', 'webchat', 'phone'],
    outboundChannels: ['whatsapp', 'phone'],
    dispositions: [
      { id: 'sold', label: 'Sold' },
      { id: 'callback', label: 'Call back', children: [{ id: 'tomorrow', label: 'Tomorrow' }] },
    ],
    wrapUpSeconds: 30,
    assignment: 'manual',
  },
  { id: 'auto', name: 'Auto', channels: ['whatsapp', 'phone'], outboundChannels: [], assignment: 'auto' },
  { id: 'plain', name: 'Plain', channels: ['webchat'], outboundChannels: [] },
];

export function start(options = {}) {
  const tokens = Object.fromEntries(Object.entries(AGENTS).map(([agent, token]) => [token, agent]));
  return startTestServer({ auth: { tokens }, seed: { campaigns: CAMPAIGNS }, ...options });
}

/** A JSON call as `agent` (a key of AGENTS); returns {status, body, headers}. */
export async function as(server, agent, path, { method = 'GET', json, headers = {} } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${AGENTS[agent]}`,
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A call to the test driver (/__test/interactions/...). */
export async function driver(server, path, json = {}, { method = 'POST', scope } = {}) {
  const response = await fetch(`${server.url}/__test/interactions${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(scope ? { 'x-test-scope': scope } : {}) },
    body: JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

let unique = 0;
export const freshClient = () => `+598 98 ${String(100_000 + ((process.pid * 31 + ++unique * 7919) % 900_000)).padStart(6, '0')}`;

export function inbound(server, input = {}) {
  return driver(server, '/inbound', { channel: 'whatsapp', campaign: 'manual', clientId: freshClient(), text: 'Hola', ...input });
}

/**
 * Opens `GET /interactions/events` as `agent`; `events` fills as they come
 * ({id, event, data}). `until(predicate)` resolves once `predicate(events)`
 * holds (or the stream ended), never after a fixed wait.
 */
export async function openStream(server, agent, { lastEventId, scope } = {}) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/interactions/events`, {
    headers: {
      authorization: `Bearer ${AGENTS[agent]}`,
      accept: 'text/event-stream',
      ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
      ...(scope ? { 'x-test-scope': scope } : {}),
    },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`events: ${response.status} ${await response.text()}`);
  const events = [];
  const waiters = new Set();
  const state = { ended: false, lastEventId };
  const notify = () => waiters.forEach((w) => w());
  (async () => {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = line.slice(0, colon);
            const value = line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = Number(value);
            else if (field === 'event') event.event = value;
            else if (field === 'data') event.data += value;
          }
          if (event.id !== undefined) state.lastEventId = event.id;
          if (event.data) events.push({ ...event, data: JSON.parse(event.data) });
          notify();
        }
      }
    } catch {
      // aborted
    }
    state.ended = true;
    notify();
  })();
  return {
    events,
    state,
    /** Resolves with the events once `predicate(events)` holds; rejects if the stream ends first. */
    until(predicate) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events)) {
            waiters.delete(check);
            resolve(events);
          } else if (state.ended) {
            waiters.delete(check);
            reject(new Error(`stream ended; saw ${events.map((e) => e.event).join(', ')}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    ready() {
      return this.until((list) => list.some((e) => e.event === 'ready'));
    },
    /** Resolves once the server ended the stream. */
    ended() {
      return new Promise((resolve) => {
        const check = () => state.ended && (waiters.delete(check), resolve());
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}

/** The interaction changes of `events` about `id`. */
export const about = (events, id) =>
  events.filter((e) => (e.event === 'interaction' && e.data.interaction.id === id) || (e.event === 'message' && e.data.message.interactionId === id));
