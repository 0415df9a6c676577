export * from './resolution.js';
