// `npm run size`: minified + gzip (and brotli) size of each budgeted entry,
// bundled with esbuild the way a host's bundler would, checked against
// size-budgets.json. Exits 1 when an entry is over its budget.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
const decoratorsConfig = { experimentalDecorators: true, useDefineForClassFields: false };

/** Bundles `source` (module text) and returns the minified bytes. */
export async function bundleBytes(source, { external = [] } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    splitting: false,
    external,
    legalComments: 'none',
    tsconfigRaw: { compilerOptions: decoratorsConfig },
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'error',
  });
  return result.outputFiles[0].contents;
}

export function compressed(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function main() {
  let failed = 0;
  const rows = [];
  for (const entry of budgets.entries) {
    const source = entry.imports.map((path) => `export * from ${JSON.stringify(path)};`).join('\n');
    const size = compressed(await bundleBytes(source, { external: entry.external ?? [] }));
    const ok = size.gzip <= entry.gzipBudget;
    if (!ok) failed++;
    rows.push({
      entry: entry.name,
      min: kib(size.raw),
      gzip: kib(size.gzip),
      brotli: kib(size.brotli),
      budget: kib(entry.gzipBudget),
      status: ok ? 'ok' : 'OVER',
    });
  }
  console.table(rows);
  if (failed) {
    console.error(`${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget (size-budgets.json).`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
