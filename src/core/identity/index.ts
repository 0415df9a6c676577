export * from './identity-index.js';
export * from './identity.js';
export * from './phone-equivalence.js';
