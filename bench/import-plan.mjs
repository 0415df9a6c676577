// node bench/import-plan.mjs [--rows=100000]: the longest main-thread stall
// while the CSV import plans 100,000 rows, on the main thread and in the Web
// Worker (bench/import-plan-case.ts). Writes bench/import-plan-results.json.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium-path.mjs';

const root = resolve(import.meta.dirname, '..');
const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'ucrm-import-bench-'));
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
await build({
  ...common,
  entryPoints: {
    page: join(root, 'bench/import-plan-case.ts'),
    'import-plan.worker': join(root, 'src/components/ucrm-contact-directory/import-plan.worker.ts'),
  },
  outdir: dir,
});
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>');
const server = createServer((req, res) => {
  const path = req.url === '/' ? '/index.html' : req.url.split('?')[0];
  try {
    const body = readFileSync(join(dir, path.replace(/\.\./g, '')));
    res.writeHead(200, { 'Content-Type': extname(path) === '.html' ? 'text/html' : 'text/javascript' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => Boolean(window.importPlanBench));
  const result = await page.evaluate((n) => window.importPlanBench.importPlan(n), rows);
  const ms = (n) => `${n.toFixed(0)} ms`;
  console.log(`planning ${rows.toLocaleString('en')} rows (${result.counts})`);
  console.log('| where | total | longest task | tasks ≥ 50 ms | longest heartbeat gap |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [where, r] of [['main thread', result.mainThread], ['worker', result.worker]]) {
    console.log(`| ${where} | ${ms(r.totalMs)} | ${ms(r.longestTaskMs)} | ${r.longTasks} | ${ms(r.longestGapMs)} |`);
  }
  console.log(`structured clone on the main thread: table ${ms(result.cloneTableMs)}, plan ${ms(result.clonePlanMs)}`);
  writeFileSync(
    join(root, 'bench/import-plan-results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), ...result }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
