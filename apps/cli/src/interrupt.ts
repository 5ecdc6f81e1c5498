import { EnvscalerError } from '@envscaler/core';

/**
 * Ctrl-C handling for long commands: the first SIGINT/SIGTERM aborts the returned signal so the
 * pipeline stops taking new work and saves what finished; a second one exits at once.
 */
export function createInterruptSignal(options: { onFirst?: (signal: string) => void } = {}): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    options.onFirst?.(name);
    controller.abort(
      new EnvscalerError('ABORTED', `interrupted by ${name}; finished work is saved, re-run to resume`),
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
