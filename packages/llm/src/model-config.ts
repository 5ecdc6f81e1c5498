import { EnvscalerError, type PriceTable, type Stage } from '@envscaler/core';
import type { Env } from './endpoint.js';

/** The model-related part of `envscaler.config.json` (other keys are ignored). */
export interface ModelConfigFile {
  endpoint?: { baseURL?: string; apiKeyEnv?: string };
  embeddings?: { model?: string; baseURL?: string };
  models?: { default?: string; stages?: Record<string, string> };
  /** Parallel model calls across all stages: a number, or `{ llm }` as in the CLI config. */
  concurrency?: number | { llm?: number };
  /** USD per million tokens per model name. */
  prices?: PriceTable;
}

/** Endpoint and model settings after merging the config file with environment variables. */
export interface ResolvedModelConfig {
  /** Undefined means the OpenAI API. */
  baseURL: string | undefined;
  apiKey: string | undefined;
  /** The variable the key is read from (named in error messages). */
  apiKeyEnv: string;
  /** The default model, for stages without their own. */
  model: string | undefined;
  stageModels: Record<string, string>;
  embeddingModel: string | undefined;
  embeddingBaseURL: string | undefined;
  concurrency: number | undefined;
  prices: PriceTable;
}

/** `ENVSCALER_MODEL_<STAGE>`: the stage in upper snake case, e.g. `ENVSCALER_MODEL_LOGIC_METHOD`. */
export function stageModelEnvName(stage: Stage): string {
  return `ENVSCALER_MODEL_${String(stage)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}

const stagePrefix = 'ENVSCALER_MODEL_';

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new EnvscalerError('CONFIG_ERROR', `${name} must be a positive integer, got '${value}'`);
  }
  return n;
}

/**
 * Merges a config-file object with environment variables; a variable wins over the file key it
 * corresponds to: `OPENAI_BASE_URL` over `endpoint.baseURL`, the key variable (`endpoint.apiKeyEnv`,
 * default `OPENAI_API_KEY`), `ENVSCALER_MODEL` over `models.default`, `ENVSCALER_MODEL_<STAGE>` over
 * `models.stages[<stage>]`, `ENVSCALER_EMBEDDING_MODEL` over `embeddings.model`, `ENVSCALER_CONCURRENCY`
 * over `concurrency`.
 */
export function resolveModelConfig(
  options: { config?: ModelConfigFile; env?: Env } = {},
): ResolvedModelConfig {
  const config = options.config ?? {};
  const env = options.env ?? process.env;
  const apiKeyEnv = config.endpoint?.apiKeyEnv ?? 'OPENAI_API_KEY';
  const stageModels: Record<string, string> = { ...config.models?.stages };
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(stagePrefix) || !value) continue;
    const upper = name.slice(stagePrefix.length);
    // Replace a file entry whose env name matches, else add the stage in kebab case.
    const existing = Object.keys(stageModels).find((stage) => stageModelEnvName(stage) === name);
    stageModels[existing ?? upper.toLowerCase().replace(/_/g, '-')] = value;
  }
  const fileConcurrency =
    typeof config.concurrency === 'number' ? config.concurrency : config.concurrency?.llm;
  const envConcurrency = env.ENVSCALER_CONCURRENCY;
  return {
    baseURL: env.OPENAI_BASE_URL || config.endpoint?.baseURL || undefined,
    apiKey: env[apiKeyEnv] || undefined,
    apiKeyEnv,
    model: env.ENVSCALER_MODEL || config.models?.default || undefined,
    stageModels,
    embeddingModel: env.ENVSCALER_EMBEDDING_MODEL || config.embeddings?.model || undefined,
    embeddingBaseURL: config.embeddings?.baseURL || undefined,
    concurrency: envConcurrency ? positiveInteger(envConcurrency, 'ENVSCALER_CONCURRENCY') : fileConcurrency,
    prices: { ...config.prices },
  };
}

/**
 * The model for a stage: `stageModels[stage]`, else `ENVSCALER_MODEL_<STAGE>`, else `model`, else
 * `ENVSCALER_MODEL` — the most specific setting wins, an explicit option before a variable.
 */
export function modelForStage(options: {
  stage: Stage;
  model?: string;
  stageModels?: Partial<Record<string, string>>;
  env?: Env;
}): string | undefined {
  const env = options.env ?? process.env;
  return (
    options.stageModels?.[options.stage] ||
    env[stageModelEnvName(options.stage)] ||
    options.model ||
    env.ENVSCALER_MODEL ||
    undefined
  );
}
