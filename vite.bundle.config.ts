import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * `dist/ucrm-widgets.js`: every element registered and the public API
 * exported, with lit and every other dependency bundled in, for a plain
 * `<script type="module">` with no build step. Heavy optional parts (the
 * rich text editor) stay lazy chunks next to it.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(import.meta.dirname, 'src/index.ts'),
      formats: ['es'],
      fileName: () => 'ucrm-widgets.js',
    },
    rolldownOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
