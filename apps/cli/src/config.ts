import { readFile, writeFile, access } from 'node:fs/promises';
import { EnvscalerError } from '@envscaler/core';

/**
 * `envscaler.config.json`: endpoints, per-stage models, concurrency and thresholds.
 * Precedence: command-line flags > environment variables > config file > defaults, so a CI secret or a
 * one-off `OPENAI_BASE_URL=... envscaler ...` always wins over a checked-in file.
 */
export interface EnvscalerConfig {
  endpoint?: { baseURL?: string; apiKeyEnv?: string };
  embeddings?: { model?: string; baseURL?: string };
  models?: { default?: string; stages?: Record<string, string> };
  concurrency?: { llm?: number; environments?: number; scenarios?: number; rollouts?: number };
  thresholds?: { topicScore?: number; quality?: number };
  prices?: Record<string, { promptPerMillion: number; completionPerMillion: number }>;
}

export const configFileName = 'envscaler.config.json';

/** The commented template `envscaler init` writes (JSON allows no comments, so `//` keys carry them). */
export function configTemplate(): Record<string, unknown> {
  return {
    '//': 'envscaler configuration. Command-line flags override these values; environment variables (OPENAI_BASE_URL, OPENAI_API_KEY, ENVSCALER_MODEL, ENVSCALER_MODEL_<STAGE>) override the models and endpoint.',
    endpoint: {
      '//': 'Any OpenAI-compatible server: OpenAI, vLLM, Ollama, LiteLLM... The API key is read from the environment variable named here.',
      baseURL: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
    },
    embeddings: { '//': 'Optional; without it topic deduplication falls back to TF-IDF.', model: '' },
    models: {
      '//': 'A default model and optional per-stage overrides, e.g. a strong model for code, a cheap one for judging.',
      default: 'gpt-4.1-mini',
      stages: { 'logic-method': 'gpt-4.1', 'logic-repair': 'gpt-4.1', 'quality-checker': 'gpt-4.1-mini' },
    },
    concurrency: {
      '//': 'Parallel model calls across all stages, and parallel units of work.',
      llm: 8,
      environments: 4,
      scenarios: 4,
      rollouts: 16,
    },
    thresholds: {
      '//': 'Topic score to keep (0-10) and quality score to keep an environment (0-1).',
      topicScore: 7,
      quality: 0.85,
    },
    prices: {
      '//': 'USD per million tokens, for the cost report.',
      'gpt-4.1-mini': { promptPerMillion: 0.4, completionPerMillion: 1.6 },
    },
  };
}

function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== '//')
        .map(([key, v]) => [key, stripComments(v)]),
    );
  }
  return value;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Reads the config file if present (explicit path must exist); a broken file is a user error. */
export async function loadConfig(options: { path?: string; cwd?: string }): Promise<EnvscalerConfig> {
  const path = options.path ?? `${options.cwd ?? process.cwd()}/${configFileName}`;
  if (!(await exists(path))) {
    if (options.path) throw new EnvscalerError('NOT_FOUND', `config file not found: ${path}`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      `config file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EnvscalerError('CONFIG_ERROR', `config file ${path} must hold a JSON object`);
  }
  return stripComments(parsed) as EnvscalerConfig;
}

export async function writeConfigTemplate(options: { path: string; force?: boolean }): Promise<void> {
  if (!options.force && (await exists(options.path))) {
    throw new EnvscalerError('INVALID_INPUT', `${options.path} already exists (use --force to overwrite)`);
  }
  await writeFile(options.path, `${JSON.stringify(configTemplate(), null, 2)}\n`);
}
