import { EnvscalerError, isEnvscalerError } from '@envscaler/core';
import {
  runJobs,
  type JobSpec,
  type JobsProgress,
  type RunJobsOptions,
  type RunJobsResult,
} from '@envscaler/jobs';

/**
 * `runJobs`, handing each job that finishes to `collect`, one at a time in the order they finished; a
 * collect error fails the run once the others are collected. On an interrupt (`signal` aborted) what
 * finished is collected and `undefined` is returned: the stage's engine reports the interruption. Any
 * other error is passed on after collecting what finished before it.
 */
export async function runJobsCollecting<P>(
  options: RunJobsOptions<P> & {
    collect: (job: JobSpec<P>) => Promise<void>;
    onProgress?: (progress: JobsProgress) => void;
  },
): Promise<RunJobsResult | undefined> {
  const { collect, onProgress, ...run } = options;
  let collecting = Promise.resolve();
  let collectError: unknown;
  const result = await runJobs({
    ...run,
    onProgress: (p) => {
      onProgress?.(p);
      if (p.last?.event !== 'done') return;
      const job = p.last.job as JobSpec<P>;
      collecting = collecting
        .then(() => collect(job))
        .catch((error: unknown) => void (collectError ??= error));
    },
  }).catch(async (error: unknown) => {
    if (options.signal?.aborted && isEnvscalerError(error) && error.code === 'ABORTED') return undefined;
    await collecting; // collect what finished before passing the error on
    throw error;
  });
  await collecting;
  if (collectError) throw collectError;
  return result;
}

/** One BACKEND_ERROR for a run's failed jobs (the first five listed, every key in `details`). */
export function throwIfFailed<P>(options: {
  failed: readonly { job: JobSpec; error: string }[];
  total: number;
  what: string;
  describe: (payload: P) => string;
  hint: string;
}): void {
  if (options.failed.length === 0) return;
  const list = options.failed
    .slice(0, 5)
    .map((f) => `  - ${options.describe(f.job.payload as P)}: ${f.error}`);
  throw new EnvscalerError(
    'BACKEND_ERROR',
    `${options.failed.length} of ${options.total} ${options.what} jobs failed (${options.hint}):\n${list.join('\n')}`,
    { details: { failed: options.failed.map((f) => ({ key: f.job.key, error: f.error })) } },
  );
}
