import { defineConfig } from 'vite';

/** Storybook's own Vite config: plain app build, nothing from the library build. */
export default defineConfig({ build: { target: 'es2022' } });
