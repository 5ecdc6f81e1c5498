import { EnvscalerError } from '@envscaler/core';
import type { ArtifactStore } from './artifact-store.js';
import type { JobBackend, JobHandler, JobSpec, JobsProgress, RunJobsResult } from './types.js';

export interface RunJobsOptions<P = unknown> {
  backend: JobBackend;
  jobs: readonly JobSpec<P>[];
  /** Required for the in-process backend; with Redis, the coordinator then also works on the jobs. */
  handler?: JobHandler<P>;
  /** Where job artifacts live; a job whose `artifact` exists here is done and not queued. */
  store?: ArtifactStore;
  onProgress?: (progress: JobsProgress) => void;
  signal?: AbortSignal;
}

/**
 * The coordinator side: queues every job that is not done yet, waits until each has completed or
 * failed, and reports progress. Jobs with the same key are one job. Failed jobs do not stop the others;
 * they are returned with their error (a re-run retries them). Throws ABORTED when `signal` fires.
 */
export async function runJobs<P>(options: RunJobsOptions<P>): Promise<RunJobsResult> {
  const unique = new Map<string, JobSpec<P>>();
  for (const job of options.jobs) {
    if (!job.key) throw new EnvscalerError('INVALID_INPUT', `job of kind '${job.kind}' has no key`);
    if (!unique.has(job.key)) unique.set(job.key, job);
  }
  const isDone = async (job: JobSpec) =>
    Boolean(options.store && job.artifact !== undefined && (await options.store.exists(job.artifact)));

  const todo: JobSpec<P>[] = [];
  const done: string[] = [];
  for (const job of unique.values()) {
    if (await isDone(job)) done.push(job.key);
    else todo.push(job);
  }
  const progress: JobsProgress = {
    total: unique.size,
    done: done.length,
    failed: 0,
    skipped: done.length,
    running: 0,
  };
  const emit = (last?: JobsProgress['last']) => options.onProgress?.({ ...progress, last });
  emit();
  const failed: RunJobsResult['failed'] = [];
  if (todo.length > 0) {
    await options.backend.run({
      jobs: todo,
      handler: options.handler as JobHandler | undefined,
      isDone,
      signal: options.signal,
      onRunning: (running) => {
        if (running === progress.running) return;
        progress.running = running;
        emit();
      },
      onSettled: (job, outcome) => {
        if (outcome.ok) {
          done.push(job.key);
          progress.done++;
          emit({ job, event: 'done' });
        } else {
          failed.push({ job, error: outcome.error });
          progress.failed++;
          emit({ job, event: 'failed', error: outcome.error });
        }
      },
    });
  }
  if (options.signal?.aborted) {
    throw new EnvscalerError(
      'ABORTED',
      `interrupted after ${progress.done} of ${progress.total} jobs; run again to resume`,
    );
  }
  return { done, failed, skipped: progress.skipped };
}
