import { EnvscalerError, type ErrorCode } from '@envscaler/core';

const userMistakes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_ARTIFACT',
  'INVALID_INPUT',
  'CONFIG_ERROR',
  'NOT_FOUND',
  'ENVIRONMENT_LOAD_FAILED',
  'TYPECHECK_FAILED',
]);
const serviceFailures: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'LLM_CALL_FAILED',
  'GENERATION_FAILED',
  'BACKEND_ERROR',
]);

/** Exit code for an error: 2 user mistake, 3 model/service failure, 130 interrupted, 1 bug. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof EnvscalerError) {
    if (userMistakes.has(error.code)) return 2;
    if (serviceFailures.has(error.code)) return 3;
    if (error.code === 'ABORTED') return 130;
  }
  return 1;
}

export function formatError(error: unknown, options: { verbose: boolean }): string {
  if (error instanceof EnvscalerError && exitCodeFor(error) !== 1) {
    return `envscaler: ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = options.verbose && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const hint = options.verbose ? '' : ' (run with --verbose for the stack trace)';
  return `envscaler: internal error: ${message}${hint}${stack}`;
}
