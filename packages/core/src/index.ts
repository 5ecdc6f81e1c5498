export {
  EnvscalerError,
  GenerationFailedError,
  InvalidArtifactError,
  LlmCallError,
  isEnvscalerError,
  type ArtifactIssue,
  type EnvscalerErrorOptions,
  type ErrorCode,
} from './errors.js';
export { Environment, type EnvironmentClass } from './environment.js';
export {
  compileSchema,
  createAjv,
  formatAjvErrors,
  jsonPath,
  parseBuildReport,
  parseEnvironmentPackage,
  parseQualityReport,
  parseReward,
  parseRunSummary,
  parseScenario,
  parseScenarioReport,
  parseToolResult,
  parseToolSpec,
  parseTrajectory,
  type SchemaValidator,
} from './validation.js';
export {
  cassetteRecordSchema,
  estimateTokens,
  parseCassetteRecord,
  parseScriptedReply,
  pickScriptedReply,
  scriptedReplySchema,
  scriptedReplyToResponse,
} from './scripted-reply.js';
export {
  chatMessageSchema,
  environmentPackageSchema,
  qualityReportSchema,
  rewardSchema,
  runSummarySchema,
  scenarioSchema,
  toolResultSchema,
  toolSpecSchema,
  trajectorySchema,
} from './schemas/artifacts.js';
export { buildReportSchema, scenarioReportSchema, stageUsageSchema } from './schemas/reports.js';
export {
  scenarioFunnelGates,
  type BuildReport,
  type CorpusFilters,
  type DroppedScenario,
  type EnvOutcome,
  type FunnelDrop,
  type FunnelStage,
  type RepairReport,
  type ScenarioFunnelGate,
  type ScenarioFunnelStep,
  type ScenarioReport,
} from './types/reports.js';
export { type JsonSchema, type JsonValue } from './types/json.js';
export {
  type ToolCallRequest,
  type ToolError,
  type ToolResult,
  type ToolSession,
  type ToolSpec,
} from './types/tool.js';
export {
  type AssistantMessage,
  type CassetteRecord,
  type CassetteRequest,
  type ChatFunctionTool,
  type ChatMessage,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type ChatToolCall,
  type EmbeddingModel,
  type EmbeddingRequest,
  type EmbeddingResponse,
  type KnownStage,
  type ResponseFormat,
  type ScriptedMatch,
  type ScriptedReply,
  type ScriptedToolCall,
  type Stage,
  type SystemMessage,
  type TokenUsage,
  type ToolMessage,
  type UserMessage,
  stageHeader,
} from './types/chat.js';
export {
  type CheckItem,
  type CheckResult,
  type EnvironmentPackage,
  type GateResult,
  type QualityReport,
  type QualityStep,
  type RateWithInterval,
  type Reward,
  type RunSummary,
  type Scenario,
  type ScenarioUser,
  type Termination,
  type Trajectory,
} from './types/artifacts.js';
export { completeJson, extractJson, type CompleteJsonOptions } from './structured-output.js';
export { canonicalJson } from './canonical-json.js';
export { jsonSyntaxError, parseArtifact, parseJsonLines, type JsonSyntaxProblem } from './json-text.js';
export { callCostUsd, modelNameOf, priceFor, summarizeCallUsage, UsageTally } from './usage.js';
export {
  type CallUsage,
  type CallUsageSummary,
  type ModelPrice,
  type PriceTable,
  type StageUsage,
} from './types/usage.js';
