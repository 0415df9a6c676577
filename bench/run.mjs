// `npm run bench` (node bench/run.mjs): builds the benchmark page with
// esbuild, serves it on 127.0.0.1, runs every case in headless Chromium
// (playwright-core, the system Chromium), prints one table per case and
// writes bench/results.json. See bench/README.md.
//
//   node bench/run.mjs                 all cases
//   node bench/run.mjs --quick         10k contacts only, short budgets (a smoke run)
//   node bench/run.mjs --only=search,identity,pop,filter,size
//   node bench/run.mjs --only=search --engines=ours --sizes=100000   (while tuning)
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium-path.mjs';
import { measureAll } from './sizes.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (name) => !only || only.includes(name);
const engines = args.find((a) => a.startsWith('--engines='))?.slice(10).split(',');
const sizeArg = args.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number);
const sizes = sizeArg ?? (quick ? [10_000] : [10_000, 100_000]);

const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const results = {
  date: new Date().toISOString(),
  quick,
  environment: {},
  search: [],
  identity: [],
  screenPop: [],
  filter: [],
  bundle: [],
  notes: [],
};

/** Production build of the page (Lit in production mode, minified like a host's build). */
async function bundle(outdir) {
  const common = {
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'error',
  };
  await build({ ...common, entryPoints: { page: join(root, 'bench/page.ts') }, outdir });
  try {
    await build({ ...common, entryPoints: { 'screen-pop': join(root, 'bench/lib/screen-pop-case.ts') }, outdir });
    return true;
  } catch (error) {
    results.notes.push(`screen pop case not built: ${String(error.message).split('\n').slice(0, 3).join(' ')}`);
    return false;
  }
}

/** Cross-origin isolated (COOP + COEP), so performance.now() has 5 µs resolution instead of 100 µs. */
function serve(dir) {
  const types = { '.js': 'text/javascript', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = req.url === '/' ? '/index.html' : req.url.split('?')[0];
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    try {
      const body = readFileSync(join(dir, path.replace(/\.\./g, '')));
      res.writeHead(200, { ...headers, 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers);
      res.end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const ms = (n) => (Number.isFinite(n) ? n.toFixed(n < 1 ? 3 : 1) : '—');

async function browserCases() {
  const dir = mkdtempSync(join(tmpdir(), 'ucrm-bench-'));
  const server = await serve(dir);
  let browser;
  try {
    log('building the page');
    const popBuilt = await bundle(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>ucrm bench</title><script type="module" src="/page.js"></script>');
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or install Debian\'s chromium package.');
    browser = await chromium.launch({
      executablePath,
      args: [
        ...chromiumArgs,
        '--js-flags=--expose-gc',
        '--enable-precise-memory-info',
        '--enable-blink-features=ForceEagerMeasureMemory',
      ],
    });
    const page = await browser.newPage();
    page.on('pageerror', (error) => log('page error:', error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => Boolean(window.ucrmBench));
    results.environment = await page.evaluate(() => window.ucrmBench.environment());
    const call = (name, ...params) => page.evaluate(([n, p]) => window.ucrmBench[n](...p), [name, params]);

    if (wants('search')) {
      for (const contacts of sizes) {
        log(`search: ${contacts} contacts, 4 engines`);
        const big = contacts > 50_000;
        const rows = await call('search', {
          contacts,
          engines,
          budgetMs: quick ? 2000 : big ? 10_000 : 5000,
          recallBudgetMs: quick ? 5000 : big ? 20_000 : 10_000,
        });
        results.search.push(...rows);
      }
    }
    if (wants('identity')) {
      for (const count of quick ? [100_000] : [100_000, 1_000_000]) {
        log(`identity: ${count} identities`);
        results.identity.push(...(await call('identity', count)));
      }
      log('identity: local source findByIdentity, 100k contacts');
      results.identity.push(await call('sourceLookup', quick ? 10_000 : 100_000));
    }
    if (wants('filter')) {
      const count = quick ? 10_000 : 100_000;
      log(`directory filter: ${count} contacts`);
      results.filter.push(...(await call('filter', count, quick ? 5 : 15)));
    }
    if (wants('pop')) {
      if (!popBuilt) log('screen pop: skipped (the element did not build, see notes)');
      else {
        for (const contacts of sizes) {
          log(`screen pop: ${contacts} contacts`);
          try {
            results.screenPop.push(...(await call('screenPop', contacts, quick ? 60 : 150)));
          } catch (error) {
            results.notes.push(`screen pop at ${contacts}: ${String(error.message).split('\n')[0]}`);
          }
        }
      }
    }
  } finally {
    await browser?.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One case's table under its heading, when the case ran. */
function printTable(heading, rows, toRow) {
  if (!rows.length) return;
  console.log(heading);
  console.table(rows.map(toRow));
}

const kib = (n) => (n / 1024).toFixed(1);

function printTables() {
  printTable('\n3. Search per keystroke (ms; recall@10 over the fixed query list)', results.search, (r) => ({
    engine: r.engine,
    contacts: r.contacts,
    'p50 ms': ms(r.keystroke.p50),
    'p95 ms': ms(r.keystroke.p95),
    keystrokes: r.keystroke.n,
    queries: r.queries,
    'build ms': ms(r.buildMs),
    'first 2 queries ms': ms(r.firstQueriesMs),
    'Map-by-id floor ms': ms(r.mapByIdMs),
    'heap MB': ms(r.heapMB),
    'memory MB': ms(r.memoryMB),
    'recall@10': r.recallAt10,
    ...Object.fromEntries(Object.entries(r.recallByKind).map(([k, v]) => [k, v])),
  }));
  printTable('\n2. Identity lookup (ms per lookup; half hits in another format, half misses)', results.identity, (r) => ({
    what: r.what,
    identities: r.identities,
    'p50 ms': ms(r.lookup.p50),
    'p95 ms': ms(r.lookup.p95),
    'batch mean ms': ms(r.batchMeanMs),
    'build ms': ms(r.buildMs),
  }));
  printTable('\n1. Screen pop (ms from setting the interaction to the result rendered)', results.screenPop, (r) => ({
    scenario: r.scenario,
    contacts: r.contacts,
    'p50 ms': ms(r.pop.p50),
    'p95 ms': ms(r.pop.p95),
    rings: r.pop.n,
    'wrong state': r.wrongState,
  }));
  printTable('\n5. Directory filter (ms per compile + pass over every contact)', results.filter, (r) => ({
    filter: r.what,
    contacts: r.contacts,
    matches: r.matches,
    'p50 ms': ms(r.pass.p50),
    'p95 ms': ms(r.pass.p95),
    passes: r.pass.n,
  }));
  printTable('\n4. Bundle sizes (esbuild, minified, loaded up front; KiB)', results.bundle, (r) =>
    r.error
      ? { entry: r.name, error: r.error }
      : { entry: r.name, min: kib(r.raw), gzip: kib(r.gzip), brotli: kib(r.brotli), 'lazy chunks gzip': kib(r.lazyGzip) },
  );
  for (const note of results.notes) console.log(`note: ${note}`);
}

const started = Date.now();
results.machine = { cpus: cpus().length, model: cpus()[0]?.model, loadAverageAtStart: loadavg().map((n) => +n.toFixed(2)) };
if (['search', 'identity', 'pop', 'filter'].some(wants)) await browserCases();
if (wants('size')) {
  log('bundle sizes');
  results.bundle = await measureAll();
}
results.seconds = Math.round((Date.now() - started) / 1000);
results.machine.loadAverageAtEnd = loadavg().map((n) => +n.toFixed(2));
printTables();
// --quick and tuning runs (--engines, --sizes) write aside; --only updates its sections of results.json.
const aside = quick ? 'results.quick.json' : engines || sizeArg ? 'results.partial.json' : 'results.json';
const out = join(root, 'bench', aside);
const partial = Boolean(only) && aside === 'results.json';
let previous = {};
try {
  if (partial) previous = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  previous = {};
}
const sections = ['search', 'identity', 'screenPop', 'filter', 'bundle'];
const merged = { ...previous, ...results };
for (const section of sections) if (!results[section].length && previous[section]) merged[section] = previous[section];
if (partial) merged.notes = [...results.notes, `partial run ${args.join(' ')}: other sections from ${previous.date ?? 'no earlier run'}`];
writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
log(`done in ${results.seconds} s; wrote ${out}`);
