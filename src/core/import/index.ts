export * from './csv-import.js';
export * from './csv-read.js';
export * from './import-write.js';
