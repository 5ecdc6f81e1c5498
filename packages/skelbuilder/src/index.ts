export {
  corpusDropRules,
  extractApiBankTask,
  extractToolAceTask,
  loadTaskCorpus,
  parseCorpus,
  parseTaskCorpus,
  readTaskCorpus,
  taskDropRule,
  type CorpusDropRule,
  type CorpusFormat,
  type CorpusReport,
  type CorpusTask,
  type LoadTaskCorpusOptions,
} from './corpus.js';
export { StageCache, type StageRecord } from './cache.js';
export {
  UsageMeter,
  embeddingModelName,
  recordingChatModel,
  recordingEmbeddingModel,
  type MeteredChatModel,
} from './usage.js';
export { ask, type ModelStageOptions } from './ask.js';
export {
  dedupTopics,
  defaultDedupThreshold,
  inferTopics,
  judgeTasks,
  scoreTopics,
  type DedupResult,
  type DedupTopicsOptions,
  type Drop,
  type InferTopicsOptions,
  type JudgeTasksOptions,
  type ProgressEvent,
  type ScoreTopicsOptions,
  type StageProgressOptions,
  type Topic,
} from './topics.js';
export {
  agglomerativeClusters,
  cosine,
  tfidfSimilarity,
  tfidfVectors,
  vectorSimilarity,
} from './similarity.js';
export {
  checkEntityModel,
  checkOperations,
  normalizeFieldType,
  tsTypeOfField,
  tsTypeOfResult,
  valueTypes,
  type ArgSpec,
  type EntityModel,
  type EntitySpec,
  type FieldSpec,
  type OperationSpec,
  type ValueType,
} from './logic/spec.js';
export {
  assembleEnvironment,
  normalizeBody,
  renderArgsType,
  renderSignature,
  renderStateTypes,
  type AssembleOptions,
} from './logic/codegen.js';
export {
  EnvTypeChecker,
  checkBodySyntax,
  coreDeclarations,
  formatDiagnostics,
  type EnvTypeCheckerOptions,
  type TypeDiagnostic,
} from './logic/typecheck.js';
export {
  buildEnvironmentCode,
  modelEntities,
  modelOperations,
  writeMethod,
  type BuildEnvironmentCodeOptions,
  type LogicModel,
  type LogicTopic,
  type ModelLogicResult,
  type RepairRound,
} from './logic/model-logic.js';
export { checkReferentialIntegrity, referencedEntity } from './quality/integrity.js';
export {
  evaluateQuality,
  generateInitialState,
  type EvaluateQualityOptions,
  type GenerateInitialStateOptions,
  type OpenSession,
  type QualityOutcome,
} from './quality/evaluate.js';
export { renderReportMarkdown, repairReports, reportedDiagnosticsPerRound, tokensReport } from './report.js';
// The report's types are core's (with its JSON Schema, `parseBuildReport`); re-exported for convenience.
export { type BuildReport, type EnvOutcome, type FunnelStage, type RepairReport } from '@envscaler/core';
export { buildEnvironments, type BuildEnvironmentsOptions } from './build.js';
export {
  createInProcessBuilds,
  type EnvironmentBuildExecutor,
  type EnvironmentBuildRequest,
  type EnvironmentBuildSettings,
  type EnvironmentBuildStep,
  type ExecuteBuildsOptions,
  type FinishedEnvironmentBuild,
  type InProcessBuildsOptions,
  type InterruptedEnvironmentBuild,
} from './build-executor.js';
export { envFunnel, writeBuildReport, type WriteBuildReportOptions } from './build-report.js';
export {
  assignEnvIds,
  mineTopics,
  type BuildThresholds,
  type MinedTopics,
  type MineTopicsOptions,
} from './mine.js';
export {
  buildTopicEnvironment,
  introductionFor,
  type BuildRunState,
  type BuildTopicEnvironmentOptions,
  type RuntimeHooks,
  type TopicBuild,
} from './topic-build.js';
export * as prompts from './prompts/index.js';
