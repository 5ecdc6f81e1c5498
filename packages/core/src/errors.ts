/**
 * Every error envscaler throws on purpose is an `EnvscalerError` with one of these codes, so callers
 * (and the CLI's exit codes) can branch on `code` instead of on message text.
 */
export type ErrorCode =
  | 'INVALID_ARTIFACT' // a file or value does not match its JSON Schema or semantic rules
  | 'INVALID_INPUT' // a caller passed bad options or arguments
  | 'CONFIG_ERROR' // configuration is missing or invalid (e.g. no API key)
  | 'NOT_FOUND' // a file, environment, scenario or tool does not exist
  | 'LLM_CALL_FAILED' // the model endpoint failed (after retries, if retryable)
  | 'GENERATION_FAILED' // the model answered, but never with a usable result within the attempt budget
  | 'TYPECHECK_FAILED' // generated TypeScript did not compile
  | 'ENVIRONMENT_LOAD_FAILED' // an environment module could not be compiled or instantiated
  | 'SANDBOX_ERROR' // the sandbox itself failed (isolate disposed, out of memory)
  | 'BACKEND_ERROR' // the job backend (e.g. Redis) failed
  | 'ABORTED' // the operation was cancelled through an AbortSignal
  | 'INTERNAL'; // a bug

export interface EnvscalerErrorOptions {
  cause?: unknown;
  /** Structured context for logs and machine-readable output. */
  details?: Record<string, unknown>;
}

/**
 * Marks every EnvscalerError. `Symbol.for` is shared by all copies of this module in a process, so an error
 * thrown by one installed copy of @envscaler/core is still recognised by another (where `instanceof`
 * against the other copy's class would say no).
 */
const BRAND: unique symbol = Symbol.for('@envscaler/core/EnvscalerError') as never;

export class EnvscalerError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: EnvscalerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** `x instanceof EnvscalerError` by brand (works across copies); subclasses keep the usual prototype test. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== EnvscalerError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** One schema violation, located by a JSON path such as `$.checklist[2].source`. */
export interface ArtifactIssue {
  path: string;
  message: string;
}

export class InvalidArtifactError extends EnvscalerError {
  readonly artifact: string;
  readonly issues: ArtifactIssue[];

  constructor(options: {
    artifact: string;
    issues: ArtifactIssue[];
    source?: string;
    /** Extra context, e.g. the file, line and column of a JSON syntax error. */
    details?: Record<string, unknown>;
  }) {
    const where = options.source ? ` (${options.source})` : '';
    const list = options.issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join('\n');
    super('INVALID_ARTIFACT', `Invalid ${options.artifact}${where}:\n${list}`, {
      details: {
        ...options.details,
        artifact: options.artifact,
        issues: options.issues,
        source: options.source,
      },
    });
    this.artifact = options.artifact;
    this.issues = options.issues;
  }
}

/** A model endpoint call that failed; `isRetryable` tells whether trying again may help. */
export class LlmCallError extends EnvscalerError {
  readonly isRetryable: boolean;
  readonly status: number | undefined;
  readonly stage: string;

  constructor(options: {
    message: string;
    stage: string;
    status?: number;
    isRetryable: boolean;
    cause?: unknown;
  }) {
    super('LLM_CALL_FAILED', options.message, {
      cause: options.cause,
      details: { stage: options.stage, status: options.status, isRetryable: options.isRetryable },
    });
    this.isRetryable = options.isRetryable;
    this.status = options.status;
    this.stage = options.stage;
  }
}

/** The model kept answering, but never with output that passed validation. */
export class GenerationFailedError extends EnvscalerError {
  readonly stage: string;
  readonly attempts: number;
  readonly lastOutput: string;

  constructor(options: {
    message: string;
    stage: string;
    attempts: number;
    lastOutput: string;
    cause?: unknown;
  }) {
    super('GENERATION_FAILED', options.message, {
      cause: options.cause,
      details: { stage: options.stage, attempts: options.attempts, lastOutput: options.lastOutput },
    });
    this.stage = options.stage;
    this.attempts = options.attempts;
    this.lastOutput = options.lastOutput;
  }
}

/** True for an EnvscalerError from any copy of @envscaler/core (checked by brand, not by class identity). */
export function isEnvscalerError(value: unknown): value is EnvscalerError {
  return value instanceof EnvscalerError;
}
