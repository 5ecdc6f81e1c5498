export {
  BFCL_ERROR_PREFIX,
  BFCL_MAX_STEPS_PER_TURN,
  missingGoldResults,
  replayBfclGold,
  runBfclBenchmark,
  runBfclEntry,
  summarizeBfcl,
  type AccuracyStat,
  type BfclBenchmarkResult,
  type BfclEntryResult,
  type BfclFailureType,
  type BfclGoldTurn,
  type BfclProgress,
  type BfclSummary,
  type BfclTurnResult,
  type RunBfclBenchmarkOptions,
} from './bfcl.js';
export { createBfclGoldAgent, turnPosition } from './bfcl-gold-agent.js';
export {
  BFCL_DOC_FILES,
  bfclDocToTool,
  bfclEntryNumber,
  bfclSplitOf,
  bfclToolsFor,
  bfclEnvHelpers,
  readBfclData,
  selectBfclEntries,
  type BfclData,
  type BfclEntry,
  type BfclEnvHelpers,
  type BfclExpectedEntry,
  type BfclFunctionDoc,
} from './bfcl-data.js';
export {
  TAU2_AGENT_STOP_TOKEN,
  TAU2_GREETING,
  TAU2_MAX_ERRORS,
  TAU2_MAX_STEPS,
  TAU2_USER_STOP_TOKENS,
  communicateChecks,
  runTau2Episode,
  runTau2RetailBenchmark,
  summarizeTau2,
  tau2AgentSystemPrompt,
  tau2GoldDigest,
  tau2Reward,
  tau2UserSystemPrompt,
  type RunTau2RetailBenchmarkOptions,
  type Tau2BenchmarkResult,
  type Tau2Progress,
  type Tau2Summary,
  type Tau2Termination,
  type Tau2TrialResult,
} from './tau2.js';
export {
  loadTau2Environment,
  readTau2Data,
  selectTau2Tasks,
  tau2Digest,
  type Tau2Data,
  type Tau2Task,
} from './tau2-data.js';
export { passHatKTable, type PassHatKRow } from './passk.js';
export { runPool } from './common.js';
export { bfclDataDir, bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
export { tau2DataDir, tau2EnvironmentDir } from '@envscaler/env-tau2-retail';
