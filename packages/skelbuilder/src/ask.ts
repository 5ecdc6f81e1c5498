import { completeJson, GenerationFailedError, type CallUsage, type ChatModel } from '@envscaler/core';
import type { StageCache } from './cache.js';
import type { Prompt } from './prompts/common.js';
import { recordingChatModel, type MeteredChatModel } from './usage.js';
import { throwIfAborted } from './util.js';

/** What every model-calling stage function accepts besides its own inputs. */
export interface ModelStageOptions {
  model: ChatModel;
  /** Stores each answer under the hash of its prompt; without one, nothing is reused. */
  cache?: StageCache;
  signal?: AbortSignal;
  /** Attempts per JSON answer, including the first (default 3). */
  maxAttempts?: number;
  /** Sampling temperature sent with every request (default: the endpoint's). */
  temperature?: number;
}

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; stage: string; attempts: number; lastOutput: string };

/**
 * Sends a prompt through `completeJson` (JSON extraction, schema validation, `check`, bounded re-asks)
 * and caches the outcome under the prompt's hash. A `GenerationFailedError` is cached too, so a resumed
 * run does not pay again for an answer that already failed; endpoint errors and aborts are not cached.
 * The calls behind an outcome are stored with it; when `model` comes from a `UsageMeter` and a later run
 * reads the outcome back, they are counted as that run's (replayed) calls.
 */
export async function ask<T>(
  options: ModelStageOptions & {
    prompt: Prompt;
    check?: (value: T) => string[];
    /** Extra cache-key input, so an identical prompt asked again on purpose (a later repair round) is not served from the cache. */
    cacheKey?: unknown;
  },
): Promise<T> {
  const { prompt } = options;
  throwIfAborted(options.signal);
  const calls: CallUsage[] = [];
  const compute = async (): Promise<Outcome<T>> => {
    try {
      const value = await completeJson<T>({
        model: options.cache ? recordingChatModel(options.model, calls) : options.model,
        request: {
          stage: prompt.stage,
          messages: prompt.messages,
          signal: options.signal,
          ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        },
        schema: prompt.schema,
        maxAttempts: options.maxAttempts ?? 3,
        check: options.check ? (value) => options.check!(value as T) : undefined,
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof GenerationFailedError) {
        return {
          ok: false,
          message: error.message,
          stage: error.stage,
          attempts: error.attempts,
          lastOutput: error.lastOutput,
        };
      }
      throw error;
    }
  };
  const inputs = {
    messages: prompt.messages,
    schema: prompt.schema,
    maxAttempts: options.maxAttempts ?? 3,
    extra: options.cacheKey,
  };
  const replayed = (options.model as Partial<MeteredChatModel>).replayed;
  const outcome = options.cache
    ? await options.cache.runRecorded(
        prompt.stage,
        inputs,
        async () => ({ value: await compute(), calls }),
        typeof replayed === 'function' ? (stored) => replayed.call(options.model, stored) : undefined,
      )
    : await compute();
  if (!outcome.ok) {
    throw new GenerationFailedError({
      message: outcome.message,
      stage: outcome.stage,
      attempts: outcome.attempts,
      lastOutput: outcome.lastOutput,
    });
  }
  return outcome.value;
}
