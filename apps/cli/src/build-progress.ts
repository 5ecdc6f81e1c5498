import type { ProgressEvent } from '@envscaler/skelbuilder';
import type { ProgressReporter, StageProgress } from './progress.js';

/**
 * `buildEnvironments`' progress events as one reporter line per stage (topic-judge … quality), the same
 * for an in-process build and one over a job backend.
 */
export function buildProgressListener(
  progress: ProgressReporter | undefined,
): ((event: ProgressEvent) => void) | undefined {
  if (!progress) return undefined;
  const stages = new Map<string, StageProgress>();
  return (event) => {
    let stage = stages.get(event.stage);
    if (!stage) {
      stage = progress.stage(event.stage, event.total);
      stages.set(event.stage, stage);
    }
    stage.update({ done: event.done, total: event.total, dropped: event.dropped });
    if (event.total > 0 && event.done >= event.total)
      stage.finish(`${event.done - event.dropped} kept, ${event.dropped} dropped`);
  };
}
