export * from './disposition.js';
export * from './reschedule.js';
export * from './wrap-up.js';
