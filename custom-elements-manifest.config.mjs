import { defineElementPlugin } from './scripts/cem-define-plugin.mjs';

/** `npm run analyze`: custom-elements.json from the JSDoc of every element. */
export default {
  globs: ['src/components/**/*.ts', 'src/define/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [defineElementPlugin()],
};
