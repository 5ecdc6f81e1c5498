export {
  loadEnvironment,
  type CreateSessionOptions,
  type LoadEnvironmentOptions,
  type LoadedEnvironment,
  type RuntimeLimits,
  type SandboxKind,
} from './load.js';
export type { EnvironmentSession } from './session.js';
export { replayCalls, type ReplayCallsOptions, type ReplayResult } from './replay.js';
export {
  deriveEnvironmentSchema,
  type DeriveEnvironmentSchemaOptions,
  type DerivedEnvironmentSchema,
} from './schema/derive.js';
export * from './check-runner.js';
export { environmentDigest } from './digest.js';
