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
export {
  createCheckRunner,
  normalizeCheckSource,
  transpileCheck,
  type CheckRunInput,
  type CheckRunner,
  type CheckRunnerOptions,
  type CheckSourceForm,
  type CheckSpec,
  type NormalizedCheck,
} from './check-runner.js';
export { environmentDigest } from './digest.js';
