import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { emojiDataFileName } from './vite.config.js';

/**
 * `dist/ucrm-widgets.js`: every element registered and the public API
 * exported, with lit and every other dependency bundled in, for a plain
 * `<script type="module">` with no build step. Heavy optional parts (the
 * rich text editor) stay lazy chunks next to it.
 */
export default defineConfig({
  // Library mode leaves process.env alone; a browser with no bundler has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // Asset URLs relative to the bundle (`new URL(..., import.meta.url)`): it works from any host path.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    // Library mode keeps whitespace for downstream tree-shaking; this file is final.
    minify: true,
    lib: {
      entry: resolve(import.meta.dirname, 'src/index.ts'),
      formats: ['es'],
      fileName: () => 'ucrm-widgets.js',
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The emoji data: the same files as the library build's (dist/emoji-data/<language>.json).
        assetFileNames: (asset) => emojiDataFileName(asset) ?? 'assets/[name]-[hash][extname]',
        // Phone metadata is most of libphonenumber's weight and changes on
        // its own schedule: its own chunk, cached apart, fetched in parallel.
        codeSplitting: { groups: [{ name: 'phone-metadata', test: /node_modules[\\/]libphonenumber-js/ }] },
      },
    },
  },
});
