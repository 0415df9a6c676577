#!/usr/bin/env node
/**
 * `npm run bench:server`: the reference server under screen pops and
 * directory load, side by side, in one run (docs: bench/README.md, "Server").
 *
 *   npm run bench:server                      PGlite with 20,000 demo contacts
 *   npm run bench:server -- --postgres        also PostgreSQL (throwaway cluster, scripts/with-postgres.sh), 20,000 contacts
 *   npm run bench:server -- --postgres --million   PostgreSQL with 1,000,000 contacts (seeding takes minutes)
 *   --only-postgres   skip PGlite; --seconds N  length of each timed phase (default 10)
 *   --seeded          DATABASE_URL already holds the contacts: skip seeding
 *                     (a cluster that outlives the run: bench/server/pg-cluster.sh)
 *
 * Per engine: screen pops alone (2 connections); the directory alone (1
 * client); then pops and 4 directory clients at the same time; then an
 * import of 10 × 500 new contacts. Every request goes to 127.0.0.1 and
 * every phase is bounded in time or count. Results: bench/server/results.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { DIRECTORY_MIX } from './directory-mix.mjs';
import { load } from './load.mjs';
import { seedPostgres } from './seed-postgres.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 10;
const root = fileURLToPath(new URL('../..', import.meta.url));

// Re-run inside a throwaway PostgreSQL cluster when PostgreSQL is asked for and none is given.
if (flag('--postgres') && !process.env.DATABASE_URL) {
  // Settings a server holding a million contacts would have: the hot part of the table and its indexes in shared buffers.
  const env = { ...process.env, PG_SERVER_OPTS: '-c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=32MB -c jit=off' };
  const result = spawnSync('bash', ['scripts/with-postgres.sh', process.execPath, ...process.argv.slice(1)], { cwd: root, stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}

const all = (...conditions) => ({ match: 'all', conditions });
/** What four agents do in the directory (directory-mix.mjs; explain.mjs shows each one's plan). */
const DIRECTORY = DIRECTORY_MIX.map((body) => ({ method: 'POST', path: '/contacts/query', body: JSON.stringify(body) }));

const rotate = (items) => {
  let i = 0;
  return () => items[i++ % items.length];
};

async function startServer(env) {
  const child = spawn(process.execPath, ['bench/server/serve.mjs'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /ucrm reference server on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

async function post(url, path, body) {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Phones of contacts spread over the directory: the pops look them up (each an existing contact). */
async function popPaths(url, total) {
  const phones = [];
  for (let k = 0; k < 10; k++) {
    const offset = Math.floor(((k + 0.5) / 10) * Math.min(total, 1_000_000 - 50));
    const page = await post(url, '/contacts/query', { filter: all(), limit: 50, offset });
    for (const contact of page.items) if (contact.phones[0]) phones.push(contact.phones[0]);
  }
  return phones.map((phone) => ({ path: `/interactions/resolve?channel=phone&clientId=${encodeURIComponent(phone)}` }));
}

async function importRate(url) {
  const started = performance.now();
  let rows = 0;
  for (let batch = 0; batch < 10; batch++) {
    const creates = Array.from({ length: 500 }, (_, i) => ({ draft: { firstName: `Import${batch}`, lastName: `Row${i}`, phones: [`+5521988${String(batch * 500 + i).padStart(6, '0')}`], tags: ['imported'] } }));
    const res = await fetch(`${url}/contacts/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}-${batch}` },
      body: JSON.stringify({ creates, updates: [] }),
    });
    if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
    rows += creates.length;
  }
  return Math.round(rows / ((performance.now() - started) / 1000));
}

async function benchEngine(name, env, count) {
  console.log(`\n${name}, ${count.toLocaleString('en')} contacts`);
  const server = await startServer(env);
  try {
    const pops = rotate(await popPaths(server.url, count));
    const directory = rotate(DIRECTORY);
    const popIdle = await load({ url: server.url, connections: 2, duration: seconds, next: pops });
    console.log(`  pops alone:           ${popIdle.perSecond}/s, p95 ${popIdle.p95} ms`);
    const directoryAlone = await load({ url: server.url, connections: 1, duration: seconds, next: directory });
    console.log(`  directory alone:      ${directoryAlone.perSecond}/s, p95 ${directoryAlone.p95} ms`);
    const [popLoaded, directoryLoaded] = await Promise.all([
      load({ url: server.url, connections: 2, duration: seconds, next: pops }),
      load({ url: server.url, connections: 4, duration: seconds, next: directory }),
    ]);
    console.log(`  pops + 4 directory:   ${popLoaded.perSecond}/s, p95 ${popLoaded.p95} ms (${(popLoaded.p95 / popIdle.p95).toFixed(1)}× alone)`);
    console.log(`  directory (4 + pops): ${directoryLoaded.perSecond}/s, p95 ${directoryLoaded.p95} ms`);
    const rowsPerSecond = await importRate(server.url);
    console.log(`  import:               ${rowsPerSecond} rows/s (10 × 500)`);
    const errors = popIdle.errors + directoryAlone.errors + popLoaded.errors + directoryLoaded.errors;
    if (errors) console.log(`  ${errors} failed requests`);
    return { engine: name, contacts: count, popIdle, directoryAlone, popLoaded, directoryLoaded, importRowsPerSecond: rowsPerSecond, errors };
  } finally {
    await server.stop();
  }
}

async function contactCount(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM contacts');
  await client.end();
  return rows[0].n;
}

async function postgresVersion(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  return `PostgreSQL ${rows[0].server_version.split(' ')[0]}`;
}

const machine = {
  nproc: os.availableParallelism?.() ?? os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  postgres: process.env.DATABASE_URL ? await postgresVersion(process.env.DATABASE_URL) : undefined,
  pglite: JSON.parse((await import('node:fs')).readFileSync(`${root}/node_modules/@electric-sql/pglite/package.json`, 'utf8')).version,
  seconds,
  /** Other work on the machine skews every number: recorded at the start and the end. */
  loadAverage: { start: os.loadavg().map((n) => Number(n.toFixed(1))) },
};
console.log(`bench:server on ${machine.nproc} CPUs (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage.start.join(' ')}`);

const results = [];
if (!flag('--only-postgres')) results.push(await benchEngine('PGlite', { DATABASE_URL: '', UCRM_DEMO_COUNT: '20000' }, 20_000));
if (process.env.DATABASE_URL) {
  let count = flag('--million') ? 1_000_000 : 20_000;
  let seedSeconds;
  if (flag('--seeded')) {
    // An already seeded DATABASE_URL (to rerun the timed phases without seeding again).
    count = await contactCount(process.env.DATABASE_URL);
  } else {
    console.log(`\nseeding PostgreSQL with ${count.toLocaleString('en')} contacts`);
    seedSeconds = await seedPostgres(process.env.DATABASE_URL, count, (line) => console.log(line));
  }
  results.push({ ...(await benchEngine(machine.postgres ?? 'PostgreSQL', { UCRM_DEMO_COUNT: '0' }, count)), seedSeconds });
}
machine.loadAverage.end = os.loadavg().map((n) => Number(n.toFixed(1)));
console.log(`\nload average at the end: ${machine.loadAverage.end.join(' ')}`);
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
