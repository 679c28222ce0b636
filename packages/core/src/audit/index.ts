export * from './audit-event.js';
export * from './patients.js';
export * from './minlog.js';
