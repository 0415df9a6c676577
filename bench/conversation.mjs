#!/usr/bin/env node
/**
 * `node bench/conversation.mjs`: the conversation's benchmark (issue 20) in
 * headless Chromium (the system Chromium, a production build): send → shown
 * as sent, and 10,000 sends with injected failures (lost or doubled). See
 * bench/conversation-case.ts; results in bench/README.md, "Conversation".
 *
 *   node bench/conversation.mjs [--samples 300] [--history 1000] [--sends 10000] [--failure-rate 0.2]
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium-path.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SAMPLES = option('--samples', 300);
const HISTORY = option('--history', 1000);
const SENDS = option('--sends', 10_000);
const FAILURE_RATE = option('--failure-rate', 0.2);
const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

const dir = mkdtempSync(join(tmpdir(), 'ucrm-conversation-bench-'));
let browser;
const server = createServer((req, res) => {
  const path = req.url === '/' ? '/index.html' : req.url.split('?')[0];
  try {
    const body = readFileSync(join(dir, path.replace(/\.\./g, '')));
    res.writeHead(200, { 'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
try {
  log('building the page');
  await build({
    entryPoints: { page: join(root, 'bench/conversation-case.ts') },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>conversation bench</title><script type="module" src="/page.js"></script>');
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const page = await browser.newPage();
  page.on('pageerror', (error) => log('page error:', error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => Boolean(window.conversationBench));
  log(`send → shown as sent: ${SAMPLES} sends, ${HISTORY} messages of history`);
  const latency = await page.evaluate(([s, h]) => window.conversationBench.latency(s, h), [SAMPLES, HISTORY]);
  log(`${SENDS} sends, ${FAILURE_RATE * 100}% failures injected`);
  const reliability = await page.evaluate(([n, r]) => window.conversationBench.reliability(n, r), [SENDS, FAILURE_RATE]);
  const results = { date: new Date().toISOString(), cpus: cpus().length, latency, reliability };
  console.log(JSON.stringify(results, null, 2));
  writeFileSync(join(root, 'bench/conversation-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (reliability.lost || reliability.doubled) process.exitCode = 1;
} finally {
  await browser?.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
