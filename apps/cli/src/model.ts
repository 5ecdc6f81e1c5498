import type { ChatModel } from '@envscaler/core';
import { EnvscalerError } from '@envscaler/core';
import { createOpenAIChatModel } from '@envscaler/llm';
import { loadConfig } from './config.js';

/**
 * Minimal model resolution for commands (placeholder until the lead's full version lands): an
 * OpenAI-compatible client from the config file and the environment (OPENAI_BASE_URL, ENVSCALER_MODEL,
 * ENVSCALER_MODEL_<STAGE>; environment variables win over the file). Throws CONFIG_ERROR when no model
 * is configured at all.
 */
export async function resolveChatModel(
  options: { configPath?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ChatModel> {
  const env = options.env ?? process.env;
  const config = await loadConfig({ path: options.configPath, cwd: options.cwd });
  if (!config.models?.default && !env.ENVSCALER_MODEL && !Object.keys(config.models?.stages ?? {}).length) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      'no model configured: set ENVSCALER_MODEL or models.default in envscaler.config.json (see `envscaler init`)',
    );
  }
  return createOpenAIChatModel({
    env,
    baseURL: env.OPENAI_BASE_URL || config.endpoint?.baseURL,
    apiKeyEnv: config.endpoint?.apiKeyEnv,
    model: config.models?.default,
    stageModels: config.models?.stages,
    concurrency: config.concurrency?.llm,
  });
}
