import { STATUS_CODES } from 'node:http';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { EnvscalerError, LlmCallError, stageHeader, type Stage } from '@envscaler/core';
import { createLimiter, type Limiter } from './limiter.js';
import { withRetry, parseRetryAfter, type AttemptFailure, type RetryOptions } from './retry.js';
import type { UsageTracker } from './usage.js';

export const defaultBaseURL = 'https://api.openai.com/v1';
export const defaultTimeoutMs = 120_000;

/** Environment variables, `process.env` by default. */
export type Env = Record<string, string | undefined>;

/** Options shared by the chat and embedding clients. */
export interface EndpointOptions {
  /** Default: `OPENAI_BASE_URL`, else https://api.openai.com/v1. */
  baseURL?: string;
  /** Default: the variable named by `apiKeyEnv` (`OPENAI_API_KEY`). Optional for non-OpenAI servers. */
  apiKey?: string;
  /** Name of the variable holding the key, used to read it and in error messages (default OPENAI_API_KEY). */
  apiKeyEnv?: string;
  /** Where environment variables are read (default `process.env`). */
  env?: Env;
  /** Time allowed for one attempt, including reading the body (default 120 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt (shorthand for `retry.maxRetries`, default 4). */
  maxRetries?: number;
  retry?: RetryOptions;
  /** Builds a private limiter; pass `limiter` instead to share one across clients. */
  concurrency?: number;
  limiter?: Limiter;
  /** Receives the token usage of every answered call. */
  usage?: UsageTracker;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** A custom fetch implementation (passed to the openai client). */
  fetch?: typeof fetch;
}

/** A failure of one attempt, tagged with whether our own timer aborted it. */
class AttemptError extends Error {
  constructor(
    readonly raw: unknown,
    readonly timedOut: boolean,
  ) {
    super('attempt failed');
  }
}

/** Thrown inside an attempt when a 200 response is unusable (no choices, wrong shape). */
export class MalformedResponseError extends Error {}

/** Removes credentials from a URL before it is shown in an error message. */
function displayURL(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function errorCode(error: unknown): string | undefined {
  for (let e = error, i = 0; e && typeof e === 'object' && i < 6; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let e = error, i = 0; e && typeof e === 'object' && i < 6; e = (e as { cause?: unknown }).cause, i++) {
    if (e instanceof Error && e.message) message = e.message;
  }
  return message;
}

function serverMessage(error: APIError): string | undefined {
  const body = error.error as { message?: unknown } | undefined;
  const text = typeof body?.message === 'string' ? body.message : undefined;
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Whether an HTTP status is worth retrying: 408, 409, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The openai client, limiter and retry policy behind one model client. */
export interface Endpoint {
  readonly client: OpenAI;
  readonly baseURL: string;
  readonly limiter: Limiter | undefined;
  readonly usage: UsageTracker | undefined;
  /** Runs `call` under the limiter, with the timeout and retry policy, and maps failures to LlmCallError. */
  call<T>(options: {
    stage: Stage;
    model: string;
    signal?: AbortSignal;
    run: (request: { signal: AbortSignal; headers: Record<string, string> }) => Promise<T>;
  }): Promise<T>;
}

export function createEndpoint(options: EndpointOptions): Endpoint {
  const env = options.env ?? process.env;
  const apiKeyEnv = options.apiKeyEnv ?? 'OPENAI_API_KEY';
  const baseURL = (options.baseURL ?? env.OPENAI_BASE_URL ?? defaultBaseURL).replace(/\/+$/, '');
  const apiKey = options.apiKey ?? env[apiKeyEnv];
  if (!apiKey && baseURL === defaultBaseURL) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      `${apiKeyEnv} is not set: the OpenAI API needs a key (or set OPENAI_BASE_URL to a local OpenAI-compatible server)`,
    );
  }
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const retry: RetryOptions = {
    ...options.retry,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  };
  const limiter =
    options.limiter ??
    (options.concurrency !== undefined ? createLimiter({ concurrency: options.concurrency }) : undefined);
  const client = new OpenAI({
    baseURL,
    // Local servers (vLLM, Ollama) accept any key; the client insists on one.
    apiKey: apiKey || 'no-key',
    organization: null,
    project: null,
    // We retry ourselves (with jitter, Retry-After caps and our error messages) and time out ourselves.
    maxRetries: 0,
    timeout: timeoutMs + 1_000,
    ...(options.headers ? { defaultHeaders: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const where = `model endpoint ${displayURL(baseURL)}`;

  function classify(
    raw: unknown,
    context: { stage: Stage; model: string; signal?: AbortSignal },
  ): AttemptFailure | EnvscalerError {
    const { stage, model } = context;
    const timedOut = raw instanceof AttemptError && raw.timedOut;
    const error = raw instanceof AttemptError ? raw.raw : raw;
    if (error instanceof EnvscalerError) return error;
    const fail = (
      message: string,
      isRetryable: boolean,
      status?: number,
      retryAfterMs?: number,
    ): AttemptFailure => ({
      error: new LlmCallError({ message, stage, status, isRetryable, cause: error }),
      retryAfterMs,
    });
    if (timedOut || error instanceof APIConnectionTimeoutError) {
      return fail(
        `${where} did not answer within ${timeoutMs} ms for stage '${stage}' (model '${model}'); raise timeoutMs if the model is slow`,
        true,
      );
    }
    if (context.signal?.aborted || error instanceof APIUserAbortError) {
      return new EnvscalerError('ABORTED', `stage '${stage}' was cancelled`, { cause: error });
    }
    if (error instanceof APIError && typeof error.status === 'number') {
      const status = error.status;
      const said = serverMessage(error);
      const head =
        `${where} returned ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() +
        ` for stage '${stage}' (model '${model}')`;
      const hints: Record<number, string> = {
        400: 'the endpoint rejected the request',
        401: `check ${apiKeyEnv}`,
        403: `the key in ${apiKeyEnv} may not be allowed to use model '${model}'`,
        404: `check the model name '${model}' and the base URL (OpenAI-compatible servers usually end in /v1)`,
        422: 'the endpoint could not process the request',
        429: 'rate limited; lower the concurrency or wait',
      };
      const hint = hints[status] ?? (status >= 500 ? 'the server failed' : 'unexpected status');
      const message = `${head}: ${hint}${said ? ` (server said: ${said})` : ''}`;
      const retryable = isRetryableStatus(status);
      return fail(
        message,
        retryable,
        status,
        retryable ? parseRetryAfter({ headers: error.headers }) : undefined,
      );
    }
    if (error instanceof MalformedResponseError || error instanceof SyntaxError) {
      return fail(
        `${where} sent an unusable response for stage '${stage}' (model '${model}'): ${error.message}`,
        true,
      );
    }
    if (error instanceof APIConnectionError || error instanceof TypeError || errorCode(error)) {
      const code = errorCode(error);
      const detail = code ? `${code}: ${innermostMessage(error)}` : innermostMessage(error);
      const hint = code === 'ECONNREFUSED' || code === 'ENOTFOUND' ? '; check OPENAI_BASE_URL' : '';
      // Before the response headers the client wraps the failure in APIConnectionError; a failure while
      // reading the body (a truncated response) surfaces as the raw fetch error.
      const what =
        error instanceof APIConnectionError
          ? `could not reach ${where}`
          : `the connection to ${where} broke while reading the response`;
      return fail(`${what} for stage '${stage}' (model '${model}'): ${detail}${hint}`, true);
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail(`calling ${where} for stage '${stage}' (model '${model}') failed: ${message}`, false);
  }

  return {
    client,
    baseURL,
    limiter,
    usage: options.usage,
    call({ stage, model, signal, run }) {
      const attempt = async () => {
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
        const onAbort = () => controller.abort();
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          if (signal?.aborted) throw new EnvscalerError('ABORTED', `stage '${stage}' was cancelled`);
          return await run({ signal: controller.signal, headers: { [stageHeader]: String(stage) } });
        } catch (error) {
          throw new AttemptError(error, timedOut);
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        }
      };
      return withRetry({
        stage,
        signal,
        retry,
        attempt: () => (limiter ? limiter.run(attempt, { signal }) : attempt()),
        classify: (error) => classify(error, { stage, model, signal }),
      });
    },
  };
}
