#!/usr/bin/env node
/**
 * `npm run bench:sync`: 10,000 contacts queued for HubSpot drain through the
 * HubSpot fake (test/server/fakes/hubspot-fake.mjs) at HubSpot's rate limit
 * (a private app: 100 requests per rolling 10 s), in batches of 100. The
 * contacts are written by 10 imports of 1,000 (each queues its 1,000 sync jobs
 * in its own transaction); the clock runs from the first import to the last
 * contact shown `synced`. Prints the drain time, the requests (and 429s) the
 * fake saw, and checks every contact became exactly one HubSpot record.
 *
 *   npm run bench:sync                                   PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:sync         PostgreSQL (a scratch database is made and dropped)
 *   npm run bench:sync -- --contacts 2000 --max 10 --interval-ms 10000   a tighter limit (the 429 path)
 *
 * Results go to bench/README.md by hand ("CRM sync").
 */
import os from 'node:os';
import process from 'node:process';
import { importTs } from '../../scripts/run-ts.mjs';
import { scratchDatabase } from '../../scripts/scratch-database.mjs';
import { startHubSpotFake } from '../../test/server/fakes/hubspot-fake.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const total = option('--contacts', 10_000);
const max = option('--max', 100);
const intervalMs = option('--interval-ms', 10_000);
const IMPORT = 1000;
const deadlineMs = option('--timeout-s', 900) * 1000;

const hubspot = await startHubSpotFake({ rateLimit: { max, intervalMs } });
const scratch = await scratchDatabase('ucrm_bench_sync');
const { startServer } = await importTs('server/start.ts');
const server = await startServer({
  port: 0,
  databaseUrl: scratch?.url,
  seed: {},
  log: { level: 'warn' },
  syncEnv: { UCRM_SYNC_HUBSPOT_TOKEN: hubspot.token, UCRM_SYNC_HUBSPOT_URL: hubspot.url },
});
const storage = server.db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';

const started = performance.now();
for (let at = 0; at < total; at += IMPORT) {
  const creates = Array.from({ length: Math.min(IMPORT, total - at) }, (_, i) => {
    const n = at + i;
    return { draft: { firstName: `Bench${n}`, lastName: `Sync ${n}`, emails: [`bench.${n}@example.com`], phones: [`+5989${String(1_000_000 + n).slice(-7)}`] } };
  });
  const answer = await fetch(`${server.url}/contacts/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ creates, updates: [] }),
  });
  if (answer.status !== 201) throw new Error(`import answered ${answer.status}: ${await answer.text()}`);
}
const queuedMs = performance.now() - started;

let synced = 0;
for (;;) {
  [{ synced }] = await server.db.query(`SELECT count(*)::int AS synced FROM sync_status WHERE state = 'synced'`);
  if (synced >= total) break;
  if (performance.now() - started > deadlineMs) throw new Error(`only ${synced} of ${total} synced after ${deadlineMs / 1000} s`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const drainMs = performance.now() - started;

const upserts = hubspot.upsertRequests();
const limited = upserts.filter((r) => r.status === 429).length;
const records = [...hubspot.records.values()].filter((r) => !r.archived);
const perContact = new Map();
for (const record of records) perContact.set(record.properties.ucrm_id, (perContact.get(record.properties.ucrm_id) ?? 0) + 1);
const doubled = [...perContact.values()].filter((n) => n > 1).length;
// The busiest rolling window the fake saw, against its limit.
const times = hubspot.requests.map((r) => r.at).sort((a, b) => a - b);
let busiest = 0;
for (let i = 0, j = 0; i < times.length; i++) {
  while (times[i] - times[j] >= intervalMs) j++;
  busiest = Math.max(busiest, i - j + 1);
}

const result = {
  storage,
  contacts: total,
  limit: `${max} requests / ${intervalMs / 1000} s`,
  queuedSeconds: +(queuedMs / 1000).toFixed(1),
  drainSeconds: +(drainMs / 1000).toFixed(1),
  contactsPerSecond: Math.round(total / (drainMs / 1000)),
  upsertRequests: upserts.length,
  answered429: limited,
  allRequests: hubspot.requests.length,
  busiestWindow: busiest,
  records: records.length,
  doubled,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`,
};
console.log(JSON.stringify(result, null, 2));
await server.close();
await hubspot.close();
await scratch?.drop();
if (records.length !== total || doubled) {
  console.error(`expected ${total} records, one per contact; got ${records.length} (${doubled} doubled)`);
  process.exit(1);
}
