import { defineConfig } from 'vite';

/**
 * Storybook's own Vite config: a plain app build, nothing from the library
 * build. Storybook's manager and axe are large by nature; don't warn on them.
 */
export default defineConfig({ build: { target: 'es2022', chunkSizeWarningLimit: 2500 } });
