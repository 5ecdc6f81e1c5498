export * from './errors.js';
export * from './environment.js';
export * from './validation.js';
export * from './schemas/artifacts.js';
export type * from './types/json.js';
export type * from './types/tool.js';
export type * from './types/chat.js';
export type * from './types/artifacts.js';
export * from './structured-output.js';
