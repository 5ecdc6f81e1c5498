export {
  envById,
  sessionInitFor,
  type EnvCollection,
  type EpisodeEnvironment,
  type SessionInit,
} from './environment.js';
export {
  evaluateChecklist,
  getDefaultCheckRunner,
  disposeDefaultCheckRunner,
  initialStateOf,
  type EvaluateChecklistOptions,
} from './checklist.js';
export {
  validateEnvironmentPackage,
  validateScenario,
  validateTrajectory,
  type EnvironmentDescription,
  type ValidationReport,
} from './validate-artifacts.js';
export { CheckTypeChecker, getCheckTypeChecker, type CheckTypeIssue } from './typecheck.js';
export { regrade, type RegradeEntry, type RegradeOptions, type RegradeReport } from './regrade.js';
export { summarize, formatSummaryTable, type SummarizeOptions, type SummarizedEpisode } from './summarize.js';
export { bootstrapMeanInterval, choose, passAtKOne, passHatKOne, wilsonInterval } from './stats.js';
export {
  createEpisode,
  runEpisode,
  toChatTools,
  type CreateEpisodeOptions,
  type Episode,
  type EpisodeInfo,
  type EpisodeMode,
  type ResetResult,
  type RunEpisodeOptions,
  type StepInfo,
  type StepResult,
} from './episode.js';
export {
  parseToolCall,
  runToolCall,
  type ParsedToolCall,
  type ToolCallOutcome,
  type ToolCallRules,
} from './tool-call.js';
export { AGENT_GREETING, USER_STOP_MARKER, agentSystemPrompt, userSimulatorPrompt } from './prompts.js';
export {
  byScenarioThenTrial,
  runRollouts,
  type RolloutProgress,
  type RolloutResult,
  type RolloutPlanOptions,
  type RunRolloutsOptions,
} from './rollouts.js';
export {
  createInProcessEpisodes,
  type EpisodeExecutor,
  type EpisodePair,
  type ExecuteEpisodesOptions,
  type FinishedEpisode,
  type InProcessEpisodesOptions,
} from './episode-executor.js';
export {
  JsonlAppender,
  readJsonlTolerant,
  scanJsonlTolerant,
  jsonlRecords,
  type JsonlReadOptions,
  type LineSpan,
  type TolerantJsonl,
} from './jsonl.js';
export {
  exportRl,
  exportSft,
  toJsonl,
  type AlpacaRecord,
  type ExportEnvironment,
  type ExportSftOptions,
  type OpenAiSftRecord,
  type RlRecord,
  type SftFormat,
  type SftRecord,
  type ShareGptRecord,
  type ShareGptRole,
} from './exports.js';
export { firstDifference, jsonEqual } from './canonical.js';
