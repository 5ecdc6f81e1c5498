import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvscalerError, type ChatModel, type EmbeddingModel } from '@envscaler/core';
import {
  createOpenAIChatModel,
  createOpenAIEmbeddingModel,
  createUsageTracker,
  defaultBaseURL,
  resolveModelConfig,
  withCassette,
  withEmbeddingCache,
  type UsageTracker,
} from '@envscaler/llm';
import { loadConfig } from './config.js';

/** Everything a command needs to talk to models, resolved once from flags, environment and config file. */
export interface ModelSetup {
  model: ChatModel;
  /** Present when an embeddings model is configured (topic deduplication falls back to TF-IDF otherwise). */
  embeddings?: EmbeddingModel;
  usage: UsageTracker;
  /** 'scripted' when answers come from a bundled cassette instead of an endpoint. */
  source: 'endpoint' | 'scripted';
  /** One line for logs: where answers come from. */
  description: string;
}

export interface ResolveModelOptions {
  configPath?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** `--model` flag: the default model for every stage without its own setting. */
  modelFlag?: string;
  /**
   * Record every answer under `<cacheDir>` and replay it on a re-run, so an interrupted run resumes
   * without paying twice (usually `<out>/.cache/llm`).
   */
  cacheDir?: string;
  /** Answer from this hand-written cassette instead of an endpoint (`--scripted`, the offline demo). */
  scriptedDir?: string;
  /**
   * With `scriptedDir`: where to remember which request used which scripted reply (usually
   * `<out>/.scripted-cursor.json`), so a resumed run continues where it stopped.
   */
  scriptedCursor?: string;
}

/** The `--scripted <dir>` option, the same on every command that calls a model. */
export const scriptedOption = {
  flags: '--scripted <dir>',
  description:
    'answer from a hand-written cassette (<dir>/scripted/<stage>.jsonl, docs/cassettes.md) instead of an endpoint',
} as const;

/** Scripted answers are read in this process, so a queue backend's workers would never see them. */
export function assertScriptedInProcess(options: { scripted?: string; backend: string }): void {
  if (options.scripted && options.backend !== 'inprocess') {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `--scripted runs in this process; drop --backend ${options.backend}`,
    );
  }
}

/** The `--scripted` cursor of a command writing to `out` (see docs/cassettes.md). */
export function scriptedCursorFile(options: { out: string }): string {
  return join(options.out, '.scripted-cursor.json');
}

/** True when the user configured an endpoint through the environment (the demo then calls it). */
export function endpointConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OPENAI_BASE_URL || env.OPENAI_API_KEY);
}

/**
 * Builds the ChatModel for a command. Precedence: flags > environment variables > config file, which
 * `resolveModelConfig` applies per setting; missing essentials are user errors (exit code 2).
 */
export async function resolveModelSetup(options: ResolveModelOptions = {}): Promise<ModelSetup> {
  const env = options.env ?? process.env;
  const config = await loadConfig({ path: options.configPath, cwd: options.cwd });
  const resolved = resolveModelConfig({ config, env });
  const usage = createUsageTracker({ prices: resolved.prices });
  if (options.scriptedDir) {
    const found = await stat(options.scriptedDir).catch(() => undefined);
    if (!found?.isDirectory()) {
      throw new EnvscalerError('NOT_FOUND', `scripted cassette directory ${options.scriptedDir} not found`);
    }
    const model = withCassette({
      dir: options.scriptedDir,
      mode: 'replay',
      usage,
      modelName: 'scripted',
      cursorFile: options.scriptedCursor,
    });
    return {
      model,
      usage,
      source: 'scripted',
      description: `scripted responses from ${options.scriptedDir} (no model is called)`,
    };
  }
  const defaultModel = options.modelFlag ?? resolved.model;
  if (!defaultModel && Object.keys(resolved.stageModels).length === 0) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      'no model configured: pass --model, set ENVSCALER_MODEL, or set models.default in envscaler.config.json (`envscaler init` writes one)',
    );
  }
  const baseURL = resolved.baseURL ?? defaultBaseURL;
  if (!resolved.apiKey && baseURL === defaultBaseURL) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      `no API key: set ${resolved.apiKeyEnv} (or OPENAI_BASE_URL for a local OpenAI-compatible server)`,
    );
  }
  const endpoint = {
    baseURL,
    apiKey: resolved.apiKey ?? 'not-needed',
    env,
    concurrency: resolved.concurrency,
  };
  let model: ChatModel = createOpenAIChatModel({
    ...endpoint,
    model: defaultModel,
    stageModels: resolved.stageModels,
    usage,
  });
  let embeddings: EmbeddingModel | undefined = resolved.embeddingModel
    ? createOpenAIEmbeddingModel({
        ...endpoint,
        baseURL: resolved.embeddingBaseURL ?? baseURL,
        model: resolved.embeddingModel,
        usage,
      })
    : undefined;
  if (options.cacheDir) {
    model = withCassette({ model, dir: options.cacheDir, mode: 'auto', usage });
    if (embeddings)
      embeddings = withEmbeddingCache({ model: embeddings, dir: join(options.cacheDir, 'embeddings') });
  }
  return {
    model,
    embeddings,
    usage,
    source: 'endpoint',
    description: `${baseURL} (default model ${defaultModel ?? 'per stage'})`,
  };
}

/** The chat model alone, for commands that need nothing else. */
export async function resolveChatModel(options: ResolveModelOptions = {}): Promise<ChatModel> {
  return (await resolveModelSetup(options)).model;
}
