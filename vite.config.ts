/// <reference types="node" />
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const src = resolve(import.meta.dirname, 'src');

/** One entry per element (its class), per registration file, plus the index. */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: resolve(src, 'index.ts'),
    api: resolve(src, 'api.ts'),
  };
  for (const file of readdirSync(resolve(src, 'define'))) {
    if (file.endsWith('.ts')) entries[`define/${file.slice(0, -3)}`] = resolve(src, 'define', file);
  }
  for (const dir of readdirSync(resolve(src, 'components'), { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'shared') continue;
    entries[`components/${dir.name}/${dir.name}`] = resolve(src, 'components', dir.name, `${dir.name}.ts`);
  }
  return entries;
}

/**
 * The emoji picker's data (emoji-picker-element-data, one JSON per language
 * the kit speaks; src/components/ucrm-conversation/emoji-data.ts) lands in
 * `emoji-data/<language>.json`, next to the modules that point at it.
 */
export function emojiDataFileName(asset: { originalFileNames?: readonly string[] }): string | undefined {
  const language = /emoji-picker-element-data[\\/]([\w-]+)[\\/]/.exec(asset.originalFileNames?.[0] ?? '')?.[1];
  return language ? `emoji-data/${language}[extname]` : undefined;
}

const dependencies = Object.keys(pkg.dependencies ?? {});
/** lit, lit/decorators.js, @tiptap/core/..., every dependency and its subpaths stay external. */
const isExternal = (id: string) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * The npm library build: ES modules, one file per source module
 * (`preserveModules`), dependencies left for the host's bundler. The
 * self-contained `<script type="module">` bundle is vite.bundle.config.ts.
 */
export default defineConfig({
  // Asset URLs relative to the module (`new URL(..., import.meta.url)`), so the kit works from any host path.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    minify: false,
    lib: { entry: libraryEntries(), formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        assetFileNames: (asset) => emojiDataFileName(asset) ?? '[name][extname]',
      },
    },
  },
});
