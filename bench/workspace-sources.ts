/** The two interaction sources the inbox benchmark (bench/workspace-inbox.mjs) measures, bundled for Node by scripts/run-ts.mjs. */
export { createSimulatedInteractionSource } from '../src/data/interactions/simulated-source.js';
export { createRestInteractionSource } from '../src/data/interactions/rest-interaction-source.js';
export { summarize } from './lib/stats.js';
