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
export { CANONICALIZATION, canonicalDigest, canonicalJson, compareCodePoints } from './digest.js';
export {
  deepFreeze,
  replayInProcess,
  TOOL_NAMES,
  WorldFactory,
  type InProcessReplay,
  type ToolCall,
} from './replay.js';
export { TauAirline, type State as TauAirlineState } from '../env.js';
