#!/usr/bin/env node
/**
 * `node bench/workspace-inbox.mjs`: inbound → visible in the inbox, with 500
 * open interactions, on the simulated carrier and on the REST source against
 * the reference server (PGlite, in this process, 127.0.0.1 only). "Visible"
 * is the moment the source's watcher — what <ucrm-inbox> listens to — gets
 * the new pending interaction: on the simulated carrier from the
 * `simulateInbound` call; on REST from the carrier's `POST
 * /__test/interactions/inbound` (the server's write, the change feed and the
 * SSE stream included). Bounded: 500 open + 200 samples per source, each
 * sample timing out after 10 s. Results in bench/README.md, "Agent workspace".
 *
 *   node bench/workspace-inbox.mjs [--samples 200] [--open 500]
 */
import os from 'node:os';
import process from 'node:process';
import { importTs } from '../scripts/run-ts.mjs';
import { startTestServer } from '../scripts/test-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SAMPLES = option('--samples', 200);
const OPEN = option('--open', 500);
const TOKEN = 'bench-token';

const { createSimulatedInteractionSource, createRestInteractionSource, summarize } = await importTs('bench/workspace-sources.ts');

const campaigns = [
  { id: 'inbox', name: 'Inbox', channels: ['whatsapp', 'webchat'], outboundChannels: [], dispositions: [{ id: 'done', label: 'Done' }] },
];
const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

/** Waits for the watcher to see `id`; rejects after 10 s so a lost event cannot hang the run. */
function arrival(waiting, id) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${id} never reached the watcher`)), 10_000);
    waiting.set(id, () => {
      clearTimeout(timer);
      resolve(performance.now());
    });
  });
}

async function measure(name, { inbound, watch, take }) {
  const waiting = new Map();
  const unwatch = watch((change) => {
    if (change.type !== 'interaction') return;
    const done = waiting.get(change.interaction.id);
    if (done && change.interaction.status === 'pending') {
      waiting.delete(change.interaction.id);
      done();
    }
  });
  log(`${name}: opening ${OPEN} interactions (half taken into Active)`);
  for (let i = 0; i < OPEN; i++) {
    const interaction = await inbound(i);
    if (i % 2 === 0) await take(interaction.id);
  }
  log(`${name}: ${SAMPLES} samples`);
  const samples = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    // The id is known only when the call answers; the change may come first: match it afterwards.
    const early = new Map();
    const stopEarly = watch(
      (change) => change.type === 'interaction' && change.interaction.status === 'pending' && early.set(change.interaction.id, performance.now()),
    );
    const interaction = await inbound(OPEN + i);
    const seen = early.get(interaction.id) ?? (await arrival(waiting, interaction.id));
    stopEarly();
    waiting.delete(interaction.id);
    samples.push(seen - started);
  }
  unwatch();
  const summary = summarize(samples);
  log(`${name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms, max ${summary.max} ms`);
  return summary;
}

const results = {};

// ---- simulated carrier -------------------------------------------------------------
{
  const source = createSimulatedInteractionSource({ agentId: 'agent-1', campaigns, capacity: { whatsapp: OPEN, webchat: OPEN } });
  results.simulated = await measure('simulated', {
    inbound: (i) => source.simulateInbound({ channel: 'whatsapp', campaign: 'inbox', clientId: `+5989${String(1_000_000 + i)}`, text: 'Hola' }),
    take: (id) => source.take(id),
    watch: (listener) => source.watch(listener),
  });
  source.dispose();
}

// ---- REST + SSE against the reference server ---------------------------------------
{
  const server = await startTestServer({ auth: { tokens: { [TOKEN]: 'agent-1' } }, seed: { campaigns }, log: { level: 'silent' } });
  try {
    const driver = async (path, body, method = 'POST') => {
      const response = await fetch(`${server.url}/__test/interactions${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    };
    await driver('/agents/agent-1', { capacity: { whatsapp: OPEN, webchat: OPEN } }, 'PUT');
    const source = createRestInteractionSource({ baseUrl: server.url, token: TOKEN });
    results.rest = await measure('rest', {
      inbound: (i) => driver('/inbound', { channel: 'whatsapp', campaign: 'inbox', clientId: `+5989${String(1_000_000 + i)}`, text: 'Hola' }),
      take: (id) => source.take(id),
      watch: (listener) => source.watch(listener),
    });
  } finally {
    await server.close();
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${cpu}, Node ${process.version}`, open: OPEN, samples: SAMPLES, ...results }, null, 2));
process.exit(0);
