export {
  BFCL_CATEGORIES,
  BFCL_DOC_FILES,
  bfclDataDir,
  bfclEnvironmentDir,
  bfclExpectedTrainFileName,
  bfclExpectedTrainFiles,
  isBfclCategory,
  parseJsonLinesText,
  readBfclData,
  readBfclExpectedTrain,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
  type BfclExpectedEntry,
  type BfclFunctionDoc,
} from './data.js';
// Exported as bfclCanonicalJson: BFCL's snapshot canonical form, not core's `canonicalJson`.
export { canonicalJson as bfclCanonicalJson, pythonFloatRepr, roundHalfEven, stateDigest } from './digest.js';
export {
  parameterOrderFromDocs,
  parsePythonCall,
  PythonCallSyntaxError,
  type FunctionDoc,
  type ParsePythonCallOptions,
  type PythonCall,
} from './python-call.js';
export {
  callTool,
  replayGold,
  TOOL_NAMES,
  type GoldReplay,
  type GoldTurn,
  type ReplayGoldOptions,
} from './replay.js';
export { BfclMultiTurn, type State as BfclState } from '../env.js';
