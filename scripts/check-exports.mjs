// After `npm run build`: every element has its own `exports` entry, every
// file the exports map (and `types`, `customElements`) points to exists, and
// the single-file bundle imports no chunk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const problems = [];

const tags = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);
for (const tag of tags) {
  if (!pkg.exports[`./${tag}`]) problems.push(`package.json exports has no "./${tag}" entry`);
  if (!existsSync(`src/define/${tag}.ts`)) problems.push(`src/define/${tag}.ts is missing`);
}

const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
for (const [key, value] of Object.entries(pkg.exports)) {
  for (const target of targets(value)) {
    const path = target.replace('*', tags.includes('ucrm-interaction-view') ? 'ucrm-interaction-view' : tags[0]);
    if (!existsSync(path)) problems.push(`exports["${key}"] points to ${target}, which the build did not produce`);
  }
}
for (const field of ['main', 'types', 'customElements']) {
  if (pkg[field] && !existsSync(pkg[field])) problems.push(`"${field}": ${pkg[field]} does not exist`);
}

// The single-file bundle is for hosts that serve one file: nothing in it may fetch a chunk.
const single = 'dist/ucrm-widgets.single.js';
if (!existsSync(single)) problems.push(`${single} was not built (vite.bundle-single.config.ts)`);
else {
  const code = readFileSync(single, 'utf8');
  const fetches = code.match(/\bimport\(\s*["'`][^"'`]*["'`]\s*\)|new URL\([^)]*import\.meta\.url\)/g) ?? [];
  if (fetches.length) problems.push(`${single} still loads other files at run time: ${fetches.slice(0, 3).join(', ')}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`exports: ${tags.length} elements, every entry resolves; ${single} loads no other file.`);
