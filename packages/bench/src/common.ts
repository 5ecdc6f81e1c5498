import { EnvscalerError, type ToolResult, type TokenUsage } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import type { LoadedEnvironment, RuntimeLimits, SandboxKind } from '@envscaler/runtime';

export function addUsage(into: TokenUsage, usage: TokenUsage | undefined): void {
  if (!usage) return;
  into.promptTokens += usage.promptTokens;
  into.completionTokens += usage.completionTokens;
}

/** Zero token counts of an agent and its simulated user (fresh objects: callers add to them). */
export function agentUserUsage(): { agent: TokenUsage; user: TokenUsage } {
  return { agent: { promptTokens: 0, completionTokens: 0 }, user: { promptTokens: 0, completionTokens: 0 } };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return (
    (error instanceof EnvscalerError && error.code === 'ABORTED') ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'ABORT_ERR'))
  );
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFileAtomic({ file: path, data: `${JSON.stringify(value, null, 2)}\n` });
}

/** A tool result as the text the agent sees: strings as-is, other values as JSON, failures with a prefix. */
export function toolResultText(result: ToolResult, errorPrefix: string): string {
  if (!result.ok) return `${errorPrefix}${result.error.message}`;
  const data = result.data;
  if (typeof data === 'string') return data;
  if (data === undefined) return 'null';
  return JSON.stringify(data);
}

/** Where a benchmark run takes its data and environment from, how it runs them and where it writes. */
export interface BenchmarkRunOptions {
  /** Data directory (default: the data shipped in the benchmark's environment package). */
  dataDir?: string;
  /** Environment directory (default: the environment of the benchmark's environment package). */
  envDir?: string;
  /** An already loaded environment of the benchmark (not disposed here); default: loaded from `envDir`. */
  env?: LoadedEnvironment;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
  /** Entries or episodes run at once (default 4). */
  concurrency?: number;
  /** Run directory: `results.jsonl` (appended, resumable) and `summary.json`; omit to keep results in memory. */
  out?: string;
}
