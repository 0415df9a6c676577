export * from './close-rules.js';
export * from './model.js';
