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
