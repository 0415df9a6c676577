// `npm run size`: what each budgeted entry costs a page, bundled and minified
// with esbuild the way a host's bundler would, checked against
// size-budgets.json. Lazy chunks (dynamic import()) are not counted: they load
// only when used. Exits 1 when an entry is over its budget.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const decoratorsConfig = { experimentalDecorators: true, useDefineForClassFields: false };

/**
 * Bundles the modules in `imports` (code splitting, as a host's bundler
 * would) and returns its output files in two lists: `eager`, what a page
 * loads up front (the entry chunk and every chunk it imports statically),
 * and `lazy`, the chunks only dynamic `import()`s load. `conditions` adds
 * package export conditions to esbuild's defaults.
 */
export async function splitFiles(imports, { external = [], conditions } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'ucrm-size-'));
  try {
    const result = await build({
      stdin: {
        contents: imports.map((path) => `export * from ${JSON.stringify(path)};`).join('\n'),
        resolveDir: process.cwd(),
        loader: 'ts',
        sourcefile: 'entry.ts',
      },
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      outdir,
      write: false,
      metafile: true,
      external,
      legalComments: 'none',
      tsconfigRaw: { compilerOptions: decoratorsConfig },
      define: { 'process.env.NODE_ENV': '"production"' },
      ...(conditions ? { conditions } : {}),
      logLevel: 'error',
    });
    const outputs = result.metafile.outputs;
    const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const bytesOf = (path) => contents.get(join(process.cwd(), path)) ?? contents.get(path);
    // Lazy chunks are entry points too; the page's entry is the one built from stdin.
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'entry.ts');
    const eager = new Set();
    const visit = (path) => {
      if (eager.has(path)) return;
      eager.add(path);
      for (const dependency of outputs[path].imports) {
        if (dependency.kind === 'import-statement' && !dependency.external) visit(dependency.path);
      }
    };
    visit(entry);
    const lazy = Object.keys(outputs).filter((path) => path.endsWith('.js') && !eager.has(path));
    return { eager: [...eager].map(bytesOf), lazy: lazy.map(bytesOf) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The files a page loads up front for the modules in `imports` (see `splitFiles`). */
export async function eagerFiles(imports, options) {
  return (await splitFiles(imports, options)).eager;
}

/** Sizes summed per file, as a browser fetches them. */
export function compressed(files) {
  const sum = (f) => files.reduce((total, bytes) => total + f(bytes), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b).length),
  };
}

const kib = (n) => (n === undefined ? '' : `${(n / 1024).toFixed(1)} KiB`);

async function main() {
  const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
  const externals = budgets.externals ?? {};
  let failed = 0;
  const rows = [];
  for (const entry of budgets.entries) {
    const external = (entry.external ?? []).flatMap((name) => externals[name] ?? [name]);
    const size = compressed(await eagerFiles(entry.imports, { external }));
    const ok = size.gzip <= entry.gzipBudget;
    if (!ok) failed++;
    rows.push({
      entry: entry.name,
      min: kib(size.raw),
      gzip: kib(size.gzip),
      brotli: kib(size.brotli),
      budget: kib(entry.gzipBudget),
      target: kib(entry.gzipTarget),
      status: ok ? (entry.gzipTarget && size.gzip > entry.gzipTarget ? 'ok (over target)' : 'ok') : 'OVER',
    });
  }
  console.table(rows);
  if (failed) {
    console.error(`${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget (size-budgets.json).`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
