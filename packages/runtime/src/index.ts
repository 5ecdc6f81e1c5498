export {};
export * from './check-runner.js';
