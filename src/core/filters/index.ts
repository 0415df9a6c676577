export * from './compiled.js';
export * from './expression.js';
export * from './fields.js';
export * from './filter.js';
export * from './query-filter.js';
export * from './text.js';
