import type { JsonSchema } from './json.js';

/** A tool as shown to an agent: derived from an environment method's signature and JSDoc. */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the single arguments object. */
  parameters: JsonSchema;
  /** Queries read state; mutations may change it. */
  kind: 'query' | 'mutation';
}

export interface ToolError {
  code: string;
  message: string;
}

/** What every tool call returns; failures are data for the agent, never exceptions. */
export type ToolResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ToolError };

/** One tool invocation by name with its arguments object. */
export interface ToolCallRequest {
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * One private world of an environment, as every consumer drives it: rollouts and `serve`, regrading, the
 * solvability gate, quality evaluation and the benchmark harnesses. `@envscaler/runtime`'s sandboxed
 * sessions satisfy it, and so can any in-process world (tests, other sandboxes).
 */
export interface ToolSession {
  /**
   * Runs one tool. Tool-level problems (unknown tool, arguments that fail the tool's schema, a throwing
   * method) come back as `{ ok: false, error }`, not as a rejection.
   */
  call(name: string, args: unknown): Promise<ToolResult>;
  /**
   * Optional: `call` answered as the result's JSON text, exactly `JSON.stringify(await call(name, args))`
   * (the runtime's sessions, whose sandbox prints it). Tool-call steps use it when present, so a loop
   * that only puts the result into a message neither parses the text on the host nor prints it again.
   */
  callJson?(name: string, args: unknown): Promise<string>;
  /** The full state as plain JSON, a private copy (a promise for sandboxed worlds). */
  snapshot(): unknown;
  dispose(): unknown;
}
