export * from './common.js';
export * from './topic.js';
export * from './logic.js';
export * from './quality.js';
