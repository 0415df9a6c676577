// Case 4 of the benchmark: bundle sizes (minified, gzip, brotli), bundled by
// scripts/size.mjs the way `npm run size` does (esbuild, production build,
// code splitting), here with the production export conditions too. `eager` is
// what a page loads up front (the entry chunk and the chunks it imports
// statically); lazy chunks (dynamic import()) load only when used.
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { compressed, splitFiles } from '../scripts/size.mjs';

const root = resolve(import.meta.dirname, '..');
export const LIT = ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit-labs/*'];
export const PHONE_METADATA = ['libphonenumber-js', 'libphonenumber-js/*'];

/**
 * Size of one entry: `entry` is a file path relative to the repository (or
 * several, bundled together); `external` packages are left out of the count.
 * @returns {Promise<{raw: number, gzip: number, brotli: number, lazyGzip: number}>}
 */
export async function measure(entry, { external = [] } = {}) {
  const files = (Array.isArray(entry) ? entry : [entry]).map((file) => resolve(root, file));
  const { eager, lazy } = await splitFiles(files, { external, conditions: ['production'] });
  return { ...compressed(eager), lazyGzip: compressed(lazy).gzip };
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
    // The local source's core, which the public createLocalSource loads on a pop's first call.
    'src/data/local-crm-source.ts',
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
