export * from './blank-contact.js';
export * from './bulk.js';
export * from './fields.js';
export * from './friendly-name.js';
export * from './sections.js';
export * from './writes.js';
