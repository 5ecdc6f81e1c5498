import { EnvscalerError, LlmCallError } from '@envscaler/core';

/** How failed calls are retried. Delays use exponential backoff with full jitter. */
export interface RetryOptions {
  /** Retries after the first attempt (default 4, so at most 5 attempts). */
  maxRetries?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)] (default 500). */
  baseDelayMs?: number;
  /** Cap on a computed backoff delay (default 30 000). */
  maxDelayMs?: number;
  /** Cap on a server's `Retry-After` (default 60 000); a longer wait is shortened to this. */
  maxRetryAfterMs?: number;
  /** Random source in [0, 1) for the jitter (default Math.random); tests can make it deterministic. */
  random?: () => number;
}

export const defaultRetryOptions: Required<Omit<RetryOptions, 'random'>> = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/** Full-jitter exponential backoff delay for a 0-based retry number. */
export function backoffDelay(options: {
  retry: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}): number {
  const base = options.baseDelayMs ?? defaultRetryOptions.baseDelayMs;
  const cap = options.maxDelayMs ?? defaultRetryOptions.maxDelayMs;
  const ceiling = Math.min(cap, base * 2 ** options.retry);
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/** Anything with a `get(name)` like the Fetch `Headers`. */
interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The delay a server asked for, in ms: `retry-after-ms`, else `retry-after` as seconds or an HTTP date.
 * Undefined when there is no usable header.
 */
export function parseRetryAfter(options: {
  headers: HeaderSource | undefined;
  now?: number;
}): number | undefined {
  const headers = options.headers;
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - (options.now ?? Date.now()));
}

/** Resolves after `ms`, or rejects with an ABORTED error as soon as the signal fires. */
export function sleep(options: { ms: number; signal?: AbortSignal; stage?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    const aborted = () =>
      new EnvscalerError('ABORTED', `stage '${options.stage ?? '?'}' was cancelled while waiting to retry`);
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, options.ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What the retry loop needs from a failed attempt. */
export interface AttemptFailure {
  error: LlmCallError;
  /** Server-requested delay (Retry-After), if any. */
  retryAfterMs?: number;
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error occurs or the budget is spent. `attempt`
 * throws an `AttemptFailure`-carrying error via `classify`; the final error's message says how many
 * attempts were made.
 */
export async function withRetry<T>(options: {
  attempt: (attemptNumber: number) => Promise<T>;
  classify: (error: unknown) => AttemptFailure | EnvscalerError;
  retry?: RetryOptions;
  signal?: AbortSignal;
  stage: string;
  onRetry?: (info: { attempt: number; delayMs: number; error: LlmCallError }) => void;
}): Promise<T> {
  const retry = { ...defaultRetryOptions, ...options.retry };
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.attempt(attempt);
    } catch (raw) {
      const failure = options.classify(raw);
      if (!('error' in failure)) throw failure;
      const { error } = failure;
      if (!error.isRetryable || attempt > retry.maxRetries) {
        if (error.isRetryable && attempt > 1) {
          throw new LlmCallError({
            message: `${error.message} (gave up after ${attempt} attempts)`,
            stage: error.stage,
            status: error.status,
            isRetryable: true,
            cause: error.cause,
          });
        }
        throw error;
      }
      const delayMs =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, retry.maxRetryAfterMs)
          : backoffDelay({
              retry: attempt - 1,
              baseDelayMs: retry.baseDelayMs,
              maxDelayMs: retry.maxDelayMs,
              random: options.retry?.random,
            });
      options.onRetry?.({ attempt, delayMs, error });
      await sleep({ ms: delayMs, signal: options.signal, stage: options.stage });
    }
  }
}
