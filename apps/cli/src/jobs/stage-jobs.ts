import { EnvscalerError } from '@envscaler/core';
import type { JobSpec } from '@envscaler/jobs';

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
