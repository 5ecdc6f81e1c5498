export { completeJson, extractJson, type CompleteJsonOptions } from '@envscaler/core';
export {
  createOpenAIChatModel,
  fromOpenAIResponse,
  toOpenAIRequest,
  type OpenAIChatModel,
  type OpenAIChatModelOptions,
} from './openai-chat-model.js';
export {
  createOpenAIEmbeddingModel,
  type OpenAIEmbeddingModel,
  type OpenAIEmbeddingModelOptions,
} from './openai-embedding-model.js';
export {
  defaultBaseURL,
  defaultTimeoutMs,
  isRetryableStatus,
  type EndpointOptions,
  type Env,
} from './endpoint.js';
export {
  modelForStage,
  resolveModelConfig,
  stageModelEnvName,
  type ModelConfigFile,
  type ResolvedModelConfig,
} from './model-config.js';
export { backoffDelay, defaultRetryOptions, parseRetryAfter, type RetryOptions } from './retry.js';
export { createLimiter, type Limiter } from './limiter.js';
export { createUsageTracker, type UsageReport, type UsageTracker } from './usage.js';
export {
  cassetteHash,
  cassetteKey,
  parseScriptedFile,
  withCassette,
  type CassetteChatModel,
  type CassetteMode,
  type CassetteOptions,
  type CassetteStats,
} from './cassette.js';
export { withEmbeddingCache, type EmbeddingCacheOptions } from './embedding-cache.js';
