import { EnvscalerError } from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import type { JobBackend } from './types.js';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The default backend: runs the handler in this process with at most `concurrency` jobs at once.
 * A job whose handler throws is reported as failed; the others keep running.
 */
export function createInProcessBackend(options: { concurrency: number }): JobBackend {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `concurrency must be a positive integer, got ${options.concurrency}`,
    );
  }
  return {
    name: 'inprocess',
    async run({ jobs, handler, onSettled, onRunning, signal }) {
      if (!handler) throw new EnvscalerError('INVALID_INPUT', 'the in-process backend needs a handler');
      let running = 0;
      await mapConcurrent({
        items: jobs,
        concurrency: options.concurrency,
        fn: async (job) => {
          if (signal?.aborted) return;
          running++;
          onRunning?.(running);
          let outcome: { ok: true } | { ok: false; error: string };
          try {
            await handler(job, { signal: signal ?? new AbortController().signal, attempt: 1 });
            outcome = { ok: true };
          } catch (error) {
            outcome = { ok: false, error: errorText(error) };
          }
          running--;
          onRunning?.(running);
          if (signal?.aborted) return;
          onSettled(job, outcome);
        },
      });
    },
    async close() {},
  };
}
