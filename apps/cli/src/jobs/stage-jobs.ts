import { EnvscalerError } from '@envscaler/core';
import { runJobs, type ArtifactStore, type JobBackend, type JobHandler, type JobSpec } from '@envscaler/jobs';
import type { ProgressReporter, StageProgress } from '../progress.js';

export interface RunStageJobsOptions<P> {
  backend: JobBackend;
  jobs: JobSpec<P>[];
  handler?: JobHandler<P>;
  store: ArtifactStore;
  signal?: AbortSignal;
  progress?: ProgressReporter;
  /** The progress stage's name. */
  stage: string;
  running: (count: number) => string;
  /** What one job is, in the error ('episode', 'scenario', 'build-env'). */
  what: string;
  /** Names a failed job in the error. */
  describe: (payload: P) => string;
  /** What was kept and what to do, in the error. */
  hint: string;
}

/**
 * Runs a coordinator's jobs with one progress line, and turns failed jobs into one BACKEND_ERROR that
 * lists the first few; the stage is left open for the caller's closing line.
 */
export async function runStageJobs<P>(
  options: RunStageJobsOptions<P>,
): Promise<{ stage: StageProgress | undefined; skipped: number }> {
  const stage = options.progress?.stage(options.stage, options.jobs.length);
  const result = await runJobs({
    backend: options.backend,
    jobs: options.jobs,
    handler: options.handler,
    store: options.store,
    signal: options.signal,
    onProgress: (p) => stage?.update({ done: p.done, failed: p.failed, detail: options.running(p.running) }),
  });
  throwIfFailed({ ...options, failed: result.failed, total: options.jobs.length });
  return { stage, skipped: result.skipped };
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
