import { EnvscalerError } from '@envscaler/core';

/**
 * A terminal's Ctrl-C reaches the whole process group: under the launcher (bin/envscaler.js without
 * --no-node-snapshot) the child gets it once from the terminal and once forwarded by the launcher. Repeats
 * this soon after the first are that echo, not a second Ctrl-C.
 */
const ECHO_MS = 300;

/**
 * Ctrl-C handling for long commands: the first SIGINT/SIGTERM aborts the returned signal so the
 * pipeline stops taking new work and saves what finished; a second one (after `echoMs`) exits at once.
 */
export function createInterruptSignal(options: { onFirst?: (signal: string) => void; echoMs?: number } = {}): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  let firstAt = 0;
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      if (Date.now() - firstAt < (options.echoMs ?? ECHO_MS)) return;
      return process.exit(130);
    }
    firstAt = Date.now();
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
