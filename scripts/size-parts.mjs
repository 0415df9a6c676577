// `node scripts/size-parts.mjs "<entry name>"`: what each part of a budgeted
// entry (size-budgets.json) costs in gzip, by folder (src/<layer>/<folder>,
// node_modules/<package>). Built as `npm run size` builds it, with a source
// map: each byte of each file a page loads up front is attributed to its
// source, and a run of bytes costs what it adds to its file's gzip (gzip of
// the file up to the run's end minus up to its start), so the parts add up to
// the entry's gzip size. "glue" is what the bundler writes between modules
// (imports and exports joining the files, its helpers).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
const entry = budgets.entries.find((e) => e.name === process.argv[2]);
if (!entry) {
  console.error(`Name an entry of size-budgets.json:\n${budgets.entries.map((e) => `  ${e.name}`).join('\n')}`);
  process.exit(1);
}
const external = (entry.external ?? []).flatMap((name) => budgets.externals?.[name] ?? [name]);
const result = await build({
  stdin: {
    contents: entry.imports.map((path) => `export * from ${JSON.stringify(path)};`).join('\n'),
    resolveDir: process.cwd(),
    loader: 'ts',
    sourcefile: 'entry.ts',
  },
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  outdir: 'size-parts-out',
  write: false,
  metafile: true,
  sourcemap: 'external',
  external,
  legalComments: 'none',
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});
const outputs = result.metafile.outputs;
const files = new Map(result.outputFiles.map((file) => [file.path.slice(process.cwd().length + 1), file]));
const eager = new Set();
const visit = (path) => {
  if (eager.has(path)) return;
  eager.add(path);
  for (const dependency of outputs[path].imports) {
    if (dependency.kind === 'import-statement' && !dependency.external) visit(dependency.path);
  }
};
visit(Object.keys(outputs).find((path) => outputs[path].entryPoint === 'entry.ts'));

/** src/<layer>/<folder> (or src/<layer> for its top files), node_modules/<package>. */
function partOf(source) {
  if (source === null) return 'glue';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (inModules) return inModules[1];
  const inSrc = /(?:^|\/)src\/(.*)$/.exec(source);
  if (!inSrc) return source;
  const folders = inSrc[1].split('/').slice(0, -1);
  return folders.length === 0 ? 'src/*.ts' : folders.length === 1 ? `src/${folders[0]}/*.ts` : `src/${folders.slice(0, 2).join('/')}`;
}

const parts = new Map();
let totalGzip = 0;
let totalRaw = 0;
for (const path of eager) {
  const bytes = Buffer.from(files.get(path).contents);
  const map = JSON.parse(files.get(`${path}.map`).text);
  const lines = bytes.toString('utf8').split('\n');
  // The part of each byte, through the source map (minified output has few, long lines).
  const owner = [];
  decode(map.mappings).forEach((segments, index) => {
    const line = lines[index] ?? '';
    let column = 0;
    let source = null;
    const place = (until) => {
      for (; column < until; column++) owner.push(...Array(Buffer.byteLength(line[column] ?? '')).fill(source));
    };
    for (const segment of segments) {
      place(segment[0]);
      source = segment.length > 1 ? map.sources[segment[1]] : null;
    }
    place(line.length);
    if (index < lines.length - 1) owner.push(null);
  });
  let start = 0;
  let before = 0;
  for (let at = 1; at <= bytes.length; at++) {
    if (at < bytes.length && partOf(owner[at] ?? null) === partOf(owner[start] ?? null)) continue;
    const gzip = gzipSync(bytes.subarray(0, at), { level: 9 }).length;
    const part = parts.get(partOf(owner[start] ?? null)) ?? { raw: 0, gzip: 0 };
    part.raw += at - start;
    part.gzip += gzip - before;
    parts.set(partOf(owner[start] ?? null), part);
    before = gzip;
    start = at;
  }
  totalGzip += before;
  totalRaw += bytes.length;
}
const kib = (n) => (n / 1024).toFixed(2);
console.log(`${entry.name}: ${eager.size} files, ${kib(totalRaw)} KiB minified, ${kib(totalGzip)} KiB gzip\n`);
console.log('| part | KiB minified | KiB gzip |\n| --- | ---: | ---: |');
for (const [name, { raw, gzip }] of [...parts].sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`| ${name} | ${kib(raw)} | ${kib(gzip)} |`);
}
