import { describe, expect, it } from 'vitest';
import { EnvscalerError, InvalidArtifactError, LlmCallError, isEnvscalerError } from './errors.js';

/** What an error thrown by a second installed copy of @envscaler/core looks like to this copy. */
function errorFromAnotherCopy(): Error {
  class OtherEnvscalerError extends Error {
    readonly code = 'NOT_FOUND';
    constructor() {
      super('not here');
      Object.defineProperty(this, Symbol.for('@envscaler/core/EnvscalerError'), { value: true });
    }
  }
  return new OtherEnvscalerError();
}

describe('EnvscalerError identity', () => {
  it('recognises errors of this copy, their subclasses, and errors of another copy by brand', () => {
    expect(new EnvscalerError('INTERNAL', 'x') instanceof EnvscalerError).toBe(true);
    expect(isEnvscalerError(new InvalidArtifactError({ artifact: 'a', issues: [] }))).toBe(true);
    const foreign = errorFromAnotherCopy();
    expect(foreign instanceof EnvscalerError).toBe(true);
    expect(isEnvscalerError(foreign)).toBe(true);
  });

  it('does not take plain errors, look-alikes or base errors for subclasses', () => {
    expect(isEnvscalerError(new Error('x'))).toBe(false);
    expect(isEnvscalerError({ code: 'NOT_FOUND', message: 'x' })).toBe(false);
    expect(isEnvscalerError(null)).toBe(false);
    expect(new EnvscalerError('INTERNAL', 'x') instanceof LlmCallError).toBe(false);
    expect(new LlmCallError({ message: 'm', stage: 's', isRetryable: false }) instanceof LlmCallError).toBe(true);
  });
});
