export {
  readTauAirlineData,
  readTauAirlineExpectedTasks,
  readTauAirlineTasks,
  TAU_AIRLINE_FILES,
  tauAirlineDataDir,
  tauAirlineEnvironmentDir,
  tauAirlineExpectedTasksFile,
  tauAirlineSplits,
  type TauAirlineData,
  type TauAirlineExpectedTasks,
} from './data.js';
export { parseTauAirlineTasks, type TauAirlineAction, type TauAirlineTask } from './tasks-file.js';
// Exported as tauAirlineCanonicalJson: τ-bench airline's world canonical form, not core's `canonicalJson`.
export {
  CANONICALIZATION,
  canonicalDigest,
  canonicalJson as tauAirlineCanonicalJson,
  compareCodePoints,
} from './digest.js';
export {
  deepFreeze,
  replayInProcess,
  TOOL_NAMES,
  WorldFactory,
  type InProcessReplay,
  type ToolCall,
} from './replay.js';
export { TauAirline, type State as TauAirlineState } from '../env.js';
