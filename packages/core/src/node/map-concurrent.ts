import { EnvscalerError } from '../errors.js';

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight and returns the results in input
 * order. The first failure stops new calls from starting and is rethrown once the calls in flight have
 * settled (so nothing keeps running behind the caller's back, and no rejection goes unhandled). An
 * aborted `signal` also stops new calls; when the running ones settle without failing, the promise
 * rejects with ABORTED.
 */
export async function mapConcurrent<T, R>(options: {
  items: readonly T[];
  /** A positive integer, or Infinity for no bound. */
  concurrency: number;
  fn: (item: T, index: number) => Promise<R> | R;
  signal?: AbortSignal;
}): Promise<R[]> {
  const { items, concurrency, fn, signal } = options;
  if (!Array.isArray(items))
    throw new EnvscalerError('INVALID_INPUT', 'mapConcurrent: items must be an array');
  if (!(Number.isInteger(concurrency) && concurrency >= 1) && concurrency !== Infinity) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `mapConcurrent: concurrency must be a positive integer or Infinity, got ${String(concurrency)}`,
    );
  }
  if (typeof fn !== 'function')
    throw new EnvscalerError('INVALID_INPUT', 'mapConcurrent: fn must be a function');
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && !signal?.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
        done++;
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failure) throw failure.error;
  if (signal?.aborted && done < items.length) {
    throw new EnvscalerError('ABORTED', `aborted after ${done} of ${items.length} items`, {
      cause: signal.reason,
    });
  }
  return results;
}
