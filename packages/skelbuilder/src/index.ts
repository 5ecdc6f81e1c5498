export * from './corpus.js';
export * from './cache.js';
export * from './usage.js';
export * from './logic/spec.js';
export * from './logic/codegen.js';
export * from './logic/typecheck.js';
