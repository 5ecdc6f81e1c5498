export { generateScenarios, envFingerprint, scenarioIdFor } from './generate.js';
export type { GenerateScenariosOptions, GenerateScenariosResult, ScenarioProgressEvent } from './generate.js';
export {
  generateScenarioSets,
  type GenerateScenarioSetsOptions,
  type ScenarioSetsResult,
  type ScenarioSetsProgressEvent,
  type SkippedScenarioSet,
} from './scenario-sets.js';
export {
  createInProcessScenarioSets,
  type DisposableScenarioEnvironment,
  type ExecuteScenarioSetsOptions,
  type FailedScenarioSet,
  type FinishedScenarioSet,
  type InProcessScenarioSetsOptions,
  type ScenarioSet,
  type ScenarioSetExecutor,
  type ScenarioSetSettings,
} from './scenario-set-executor.js';
export { generateInitialState, type GenerateInitialStateOptions } from './stages/state.js';
export { generateTask, type GenerateTaskOptions } from './stages/task.js';
export { generateChecklist, type GenerateChecklistOptions } from './stages/checklist.js';
export {
  generateCheckFunctions,
  repairCheck,
  type GenerateCheckFunctionsOptions,
  type CheckFunctionsResult,
  type DroppedCheck,
} from './stages/checks.js';
export { runDoNothingGate, type DoNothingGateOptions, type DoNothingGateResult } from './gates/do-nothing.js';
export {
  runSolvabilityGate,
  type SolvabilityGateOptions,
  type SolvabilityGateResult,
  type SolvabilityAttempt,
  type Memo,
} from './gates/solvability.js';
export {
  runSolver,
  replaySolution,
  scoreSolution,
  type RunSolverOptions,
  type SolverRun,
} from './gates/solver.js';
export { TaskDeduper, DEFAULT_DEDUP_THRESHOLD, tokenize } from './gates/dedup.js';
export {
  labelDifficulty,
  difficultyLabel,
  DEFAULT_DIFFICULTY_THRESHOLDS,
  type DifficultyThresholds,
  type DifficultyLabel,
  type LabelDifficultyOptions,
} from './gates/difficulty.js';
export {
  ChecklistTypeChecker,
  sharedChecklistTypeChecker,
  unwrapCheckSource,
  type CheckDiagnostics,
} from './typecheck.js';
export { schemaToTs } from './schema-to-ts.js';
export { referentialProblems, schemaProblems, stateProblems } from './integrity.js';
export { ScenarioStageCache, type CacheEntry } from './cache.js';
export { UsageLedger, type UsageByStage } from './usage.js';
export {
  FUNNEL_GATES,
  type FunnelGate,
  type FunnelStep,
  type DroppedScenario,
  type ScenarioReport,
} from './report.js';
export type {
  ScenarioEnvironment,
  ScenarioCheckRunner,
  ChecklistEntry,
  TaskDraft,
} from './types.js';
export * as prompts from './prompts/index.js';
