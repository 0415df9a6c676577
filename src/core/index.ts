/**
 * The domain core: pure TypeScript, no DOM, no Lit. One folder per concept,
 * each with an `index.ts` that is its public face; this file gathers them for
 * code outside `src/core`. See docs/architecture.md.
 */
export * from './types.js';
export * from './errors.js';
export * from './util/index.js';
export * from './identity/index.js';
export * from './resolution/index.js';
export * from './contacts/index.js';
export * from './search/index.js';
export * from './filters/index.js';
export * from './merge/index.js';
export * from './import/index.js';
export * from './disposition/index.js';
export * from './composer/index.js';
export * from './interactions/index.js';
