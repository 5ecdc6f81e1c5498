export {
  readTau2Data,
  readTau2ExpectedTrain,
  tau2DataDir,
  tau2EnvironmentDir,
  tau2ExpectedTrainFile,
  type Tau2Data,
  type Tau2ExpectedTrain,
  type Tau2Task,
} from './data.js';
// Exported as tau2CanonicalJson: τ²-bench's database canonical form, not core's `canonicalJson`.
export {
  canonicalDigest,
  canonicalJson as tau2CanonicalJson,
  compareCodePoints,
  pythonFloatRepr,
  pythonRound2,
} from './digest.js';
export {
  deepFreeze,
  replayInProcess,
  TOOL_NAMES,
  WorldFactory,
  type InProcessReplay,
  type ToolCall,
} from './replay.js';
export { Tau2Retail, type State as Tau2RetailState } from '../env.js';
