import { defineConfig } from 'vite';

/** `npm start`: the demo host contact-center page in demo/, importing ../src directly. */
export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173, open: false, fs: { allow: ['..'] } },
  build: { outDir: '../dist-demo', emptyOutDir: true, target: 'es2022' },
});
