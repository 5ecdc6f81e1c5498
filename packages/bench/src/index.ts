export {
  BFCL_ERROR_PREFIX,
  BFCL_MAX_STEPS_PER_TURN,
  missingGoldResults,
  publicStateDifference,
  replayBfclGold,
  runBfclEntry,
  type BfclEntryResult,
  type BfclFailureType,
  type BfclGoldTurn,
  type BfclTurnResult,
} from './bfcl-entry.js';
export type { BenchmarkRunOptions } from './common.js';
export {
  runBfclBenchmark,
  summarizeBfcl,
  type AccuracyStat,
  type BfclBenchmarkResult,
  type BfclProgress,
  type BfclSummary,
  type RunBfclBenchmarkOptions,
} from './bfcl.js';
export {
  runBfclSuite,
  summarizeBfclSuite,
  type BfclSuiteResult,
  type BfclSuiteSummary,
  type RunBfclSuiteOptions,
} from './bfcl-suite.js';
export { createBfclGoldAgent, turnPosition } from './bfcl-gold-agent.js';
export {
  BFCL_ADDITIONAL_FUNCTIONS_PROMPT,
  BFCL_CATEGORIES,
  BFCL_DOC_FILES,
  bfclCategoryOf,
  bfclDocToTool,
  bfclEntryNumber,
  bfclSplitOf,
  bfclToolsAt,
  bfclToolsFor,
  bfclTurnMessages,
  bfclWithheldFunctions,
  bfclEnvHelpers,
  isBfclCategory,
  readBfclData,
  selectBfclEntries,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
  type BfclEnvHelpers,
  type BfclExpectedEntry,
  type BfclFunctionDoc,
} from './bfcl-data.js';
export {
  TAU2_AGENT_STOP_TOKEN,
  TAU2_MAX_ERRORS,
  TAU2_MAX_STEPS,
  TAU2_USER_STOP_TOKENS,
  communicateChecks,
  runTau2Episode,
  tau2GoldDigest,
  tau2Reward,
  type Tau2Termination,
  type Tau2TrialResult,
} from './tau2-episode.js';
export { TAU2_GREETING, tau2AgentSystemPrompt, tau2UserSystemPrompt } from './tau2-prompts.js';
export {
  runTau2Benchmark,
  runTau2RetailBenchmark,
  summarizeTau2,
  type RunTau2BenchmarkOptions,
  type RunTau2RetailBenchmarkOptions,
  type Tau2BenchmarkResult,
  type Tau2Progress,
  type Tau2Summary,
} from './tau2.js';
export {
  loadTau2Environment,
  readTau2Data,
  selectTau2Tasks,
  tau2Digest,
  type Tau2Data,
  type Tau2Task,
} from './tau2-data.js';
export {
  TAU2_DOMAINS,
  tau2Domain,
  tauAirlineTaskAsTau2,
  type Tau2BenchData,
  type Tau2BenchmarkId,
  type Tau2Domain,
  type Tau2DomainName,
} from './tau2-domains.js';
export { passHatKTable, type PassHatKRow } from './passk.js';
export {
  runTrials,
  type RunTrialsOptions,
  type TrialRecord,
  type TrialsOutcome,
  type TrialsProgress,
  type TrialsShared,
} from './trials.js';
export { bfclDataDir, bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
export { tau2DataDir, tau2EnvironmentDir } from '@envscaler/env-tau2-retail';
export {
  readTauAirlineData,
  tauAirlineDataDir,
  tauAirlineEnvironmentDir,
  type TauAirlineData,
  type TauAirlineTask,
} from '@envscaler/env-tau-airline';
export {
  ACEBENCH_AGENT_TEMPERATURE,
  ACEBENCH_EMPTY_ACTION,
  ACEBENCH_ERROR_PREFIX,
  ACEBENCH_MAX_STEPS,
  ACEBENCH_NO_FUNCTION,
  ACEBENCH_NO_QUESTIONS,
  ACEBENCH_USER_TEMPERATURE,
  runAcebenchEpisode,
  type AcebenchTaskResult,
  type AcebenchTermination,
} from './acebench-episode.js';
export {
  loadAcebenchEnvironment,
  runAcebenchBenchmark,
  selectAcebenchTasks,
  summarizeAcebench,
  type AcebenchBenchmarkResult,
  type AcebenchModelSource,
  type AcebenchProgress,
  type AcebenchStat,
  type AcebenchSubsetSummary,
  type AcebenchSummary,
  type RunAcebenchBenchmarkOptions,
} from './acebench.js';
export {
  ACEBENCH_MULTI_STEP_PROMPT,
  ACEBENCH_MULTI_TURN_PROMPT,
  ACEBENCH_PHONE_INTRODUCTION,
  ACEBENCH_TASK_COMPLETED,
  ACEBENCH_TRAVEL_INTRODUCTION,
  ACEBENCH_USER_STOP,
  acebenchAgentSystemPrompt,
  acebenchIntroduction,
  acebenchUserSystemPrompt,
} from './acebench-prompts.js';
export {
  createAcebenchGoldAgent,
  createAcebenchScriptedAgent,
  createAcebenchScriptedUser,
} from './acebench-gold-agent.js';
export { SimulatedUser, type SimulatedUserOptions } from './simulated-user.js';
export {
  ACEBENCH_SUBSETS,
  acebenchDataDir,
  acebenchEnvironmentDir,
  isAcebenchSubset,
  readAcebenchData,
  readAcebenchGoldTrain,
  type AcebenchData,
  type AcebenchGoldTrain,
  type AcebenchSubset,
  type AcebenchTask,
} from '@envscaler/env-acebench';
