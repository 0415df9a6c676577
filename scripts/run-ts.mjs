#!/usr/bin/env node
/**
 * Runs a TypeScript entry point on Node 20 (which cannot run .ts): bundles it
 * with esbuild (already a dev dependency) into node_modules/.cache, with
 * packages left external so they resolve from node_modules as usual, then
 * imports it. Used by `npm run server`:
 *
 *   node scripts/run-ts.mjs server/main.ts
 *
 * `importTs(entry)` is exported for the test helper (scripts/test-server.mjs).
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` and imports it; the bundle file is removed once loaded (its source map is inline). */
export async function importTs(entry) {
  const file = await buildTs(entry);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Bundles `entry` (relative to the repo root or absolute) to an .mjs file and returns its path. */
export async function buildTs(entry) {
  const source = resolve(root, entry);
  const outDir = join(root, 'node_modules', '.cache', 'ucrm-run-ts');
  mkdirSync(outDir, { recursive: true });
  // One output per entry, so concurrent runs of different entries never clash.
  const name = createHash('sha1').update(source).digest('hex').slice(0, 12);
  const outfile = join(outDir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    tsconfig: join(root, 'server', 'tsconfig.json'),
    logLevel: 'warning',
  });
  return outfile;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
    process.exit(2);
  }
  process.argv = [process.argv[0], resolve(root, entry), ...args];
  process.setSourceMapsEnabled(true);
  await importTs(entry);
}
