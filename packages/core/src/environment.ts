import type { ToolResult } from './types/tool.js';

/**
 * Base class of every environment. The class holds the whole world in `state`; each public method
 * is one tool: it takes one arguments object and returns a `ToolResult`.
 *
 * This file must stay self-contained (no imports at run time): the runtime injects its compiled text
 * into the sandbox as the `@envscaler/core` module that environment code imports.
 */
export abstract class Environment<S> {
  state: S;

  constructor(state: S) {
    this.state = state;
  }

  /** A successful tool result. */
  protected ok<T>(data: T): ToolResult<T> {
    return { ok: true, data };
  }

  /** A failed tool result; `code` is a short machine-readable reason such as `NOT_FOUND`. */
  protected fail(code: string, message: string): ToolResult<never> {
    return { ok: false, error: { code, message } };
  }
}

/**
 * The constructor an environment module exports. `fromConfig` is optional: environments that build
 * their initial state from a scenario config (BFCL, EnvScaler) implement it; `publicState` optionally
 * maps the full state to the part that is compared and reported (e.g. dropping private fields).
 */
export interface EnvironmentClass<S = unknown> {
  new (state: S): Environment<S>;
  fromConfig?(config: unknown): S;
  publicState?(state: S): unknown;
}
