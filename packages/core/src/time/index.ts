// Time: the one clock every decision reads, and calendar arithmetic in Danish time.
export * from './clock.js';
export * from './dates.js';
