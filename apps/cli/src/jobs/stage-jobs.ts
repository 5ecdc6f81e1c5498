import { EnvscalerError, isEnvscalerError } from '@envscaler/core';
import {
  runJobs,
  type ArtifactStore,
  type JobBackend,
  type JobHandler,
  type JobSpec,
  type JobsProgress,
  type RunJobsOptions,
  type RunJobsResult,
} from '@envscaler/jobs';
import type { ProgressReporter } from '../progress.js';

/** How a stage runs its per-environment jobs. */
export interface StageJobsOptions<P> {
  backend: JobBackend;
  /** Runs jobs in this process too (required for the in-process backend). */
  handler?: JobHandler<P>;
  /** Shows the stage's jobs line (done, failed, running). */
  progress?: ProgressReporter;
}

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

/**
 * `runJobsCollecting` for jobs that each leave a marker (a stage's per-environment jobs), handing every
 * finished job to `report` exactly once: first the jobs whose marker an earlier run left (`earlier`),
 * then each as it finishes, and last any a worker of an earlier coordinator finished meanwhile (runJobs
 * found its marker). `onFailed` sees the failed jobs before that last sweep, which skips them; it may
 * throw to end the stage. Returns undefined on an interrupt, else how many markers were there before.
 */
export async function runMarkerJobs<P>(
  options: RunJobsOptions<P> & {
    /** Where the markers are: required, the earlier ones are found there. */
    store: ArtifactStore;
    report: (job: JobSpec<P>, earlier: boolean) => Promise<void>;
    onFailed?: (failed: RunJobsResult['failed']) => void;
    onProgress?: (progress: JobsProgress) => void;
    /** After the earlier markers are reported, before any job runs (where a stage starts its line). */
    beforeRun?: () => void;
  },
): Promise<{ before: number } | undefined> {
  const { report, onFailed, beforeRun, ...run } = options;
  const reported = new Set<string>();
  const reportOnce = async (job: JobSpec<P>, earlier: boolean) => {
    if (reported.has(job.key)) return;
    reported.add(job.key);
    await report(job, earlier);
  };
  let before = 0;
  for (const job of run.jobs)
    if (await run.store.exists(job.artifact!)) {
      before++;
      await reportOnce(job, true);
    }
  beforeRun?.();
  const result = await runJobsCollecting({ ...run, collect: (job) => reportOnce(job, false) });
  if (!result) return undefined;
  onFailed?.(result.failed);
  const failedKeys = new Set(result.failed.map((f) => f.job.key));
  for (const job of run.jobs) if (!failedKeys.has(job.key)) await reportOnce(job, false);
  return { before };
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
