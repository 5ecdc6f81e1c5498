import { EnvscalerError } from '@envscaler/core';

/** Caps how many tasks run at once; share one limiter between every model client of a run. */
export interface Limiter {
  readonly concurrency: number;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
  /** Runs `task` when a slot is free; a task still waiting when `signal` fires is dropped with ABORTED. */
  run<T>(task: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
}

export function createLimiter(options: { concurrency: number }): Limiter {
  const { concurrency } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new EnvscalerError('INVALID_INPUT', `concurrency must be a positive integer, got ${concurrency}`);
  }
  let active = 0;
  const waiting: (() => void)[] = [];

  // A finishing task hands its slot straight to the next waiter, so a newcomer can never slip in
  // between and push `active` over the limit.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  return {
    concurrency,
    get active() {
      return active;
    },
    get pending() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>, runOptions: { signal?: AbortSignal } = {}): Promise<T> {
      const { signal } = runOptions;
      if (signal?.aborted) throw new EnvscalerError('ABORTED', 'cancelled before it started');
      if (active < concurrency) active++;
      else {
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          };
          const onAbort = () => {
            const index = waiting.indexOf(start);
            if (index >= 0) waiting.splice(index, 1);
            reject(new EnvscalerError('ABORTED', 'cancelled while waiting for a free model slot'));
          };
          waiting.push(start);
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
