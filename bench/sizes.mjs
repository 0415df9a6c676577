// Case 4 of the benchmark: bundle sizes (minified, gzip, brotli) with esbuild,
// bundled the way a host's bundler would (production build, code splitting).
// `eager` is what a page loads up front (the entry chunk and the chunks it
// imports statically); lazy chunks (dynamic import()) load only when used.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
export const LIT = ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit-labs/*'];
export const PHONE_METADATA = ['libphonenumber-js', 'libphonenumber-js/*'];

/**
 * Size of one entry: `entry` is a file path (or several, bundled together);
 * `external` packages are left out of the count.
 * @returns {Promise<{raw: number, gzip: number, brotli: number, lazyGzip: number}>}
 */
export async function measure(entry, { external = [] } = {}) {
  const files = Array.isArray(entry) ? entry : [entry];
  const result = await build({
    stdin: {
      contents: files.map((file) => `export * from ${JSON.stringify('./' + relative(root, resolve(root, file)))};`).join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'entry.ts',
    },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: resolve(root, 'bench/.size-out'),
    write: false,
    metafile: true,
    external,
    legalComments: 'none',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const bytes = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const dep of outputs[path].imports) if (dep.kind === 'import-statement' && !dep.external) visit(dep.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path].entryPoint));
  const gzip = (b) => gzipSync(b, { level: 9 }).length;
  const sum = (paths, f) => paths.reduce((n, p) => n + f(bytes.get(p)), 0);
  const eagerPaths = [...eager];
  const lazyPaths = [...bytes.keys()].filter((p) => p.endsWith('.js') && !eager.has(p));
  return {
    raw: sum(eagerPaths, (b) => b.length),
    gzip: sum(eagerPaths, gzip),
    brotli: sum(eagerPaths, (b) => brotliCompressSync(b).length),
    lazyGzip: sum(lazyPaths, gzip),
  };
}

/** The entries the benchmark reports; those whose files do not exist yet are listed as missing. */
export function defaultEntries() {
  const defines = existsSync(resolve(root, 'src/define'))
    ? readdirSync(resolve(root, 'src/define')).filter((f) => f.endsWith('.ts')).sort()
    : [];
  const screenPop = [
    'src/define/ucrm-interaction-view.ts',
    'src/define/contact-matcher.ts',
    'src/define/ucrm-contact-card.ts',
    'src/define/ucrm-contact-form.ts',
    'src/data/local-source.ts',
  ];
  return [
    { name: 'lit (floor)', files: ['node_modules/lit/index.js'], external: [] },
    ...defines.map((f) => ({ name: `<${basename(f, '.ts')}> (lit external)`, files: [`src/define/${f}`], external: LIT })),
    { name: 'screen-pop set (lit + phone metadata external)', files: screenPop, external: [...LIT, ...PHONE_METADATA] },
    { name: 'screen-pop set (lit external, with phone metadata)', files: screenPop, external: LIT },
    { name: 'full: src/index.ts (self-contained)', files: ['src/index.ts'], external: [] },
  ];
}

export async function measureAll(entries = defaultEntries()) {
  const rows = [];
  for (const entry of entries) {
    const missing = entry.files.filter((f) => !existsSync(resolve(root, f)));
    if (missing.length) {
      rows.push({ name: entry.name, error: `missing ${missing.join(', ')}` });
      continue;
    }
    try {
      rows.push({ name: entry.name, ...(await measure(entry.files, { external: entry.external })) });
    } catch (error) {
      rows.push({ name: entry.name, error: String(error.message ?? error).split('\n')[0] });
    }
  }
  return rows;
}
