export * from './abortable.js';
export * from './prng.js';
export * from './text-normalize.js';
export * from './ids.js';
