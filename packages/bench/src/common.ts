import { EnvscalerError, type ToolResult, type TokenUsage } from '@envscaler/core';
import { mapConcurrent, writeFileAtomic } from '@envscaler/core/node';

/**
 * Runs `work` over `items` with at most `concurrency` at once. Stops taking new items once `signal` is
 * aborted (items already started finish or fail on their own) and then resolves; the caller reads what
 * was finished. A failing item stops new ones and rejects once the started ones settle.
 */
export async function runPool<T>(options: {
  items: readonly T[];
  concurrency: number;
  signal?: AbortSignal;
  work: (item: T, index: number) => Promise<void>;
}): Promise<void> {
  const { signal, work } = options;
  await mapConcurrent({
    items: options.items,
    concurrency: Math.max(1, Math.floor(options.concurrency)),
    fn: (item, index) => (signal?.aborted ? undefined : work(item, index)),
  });
}

export function addUsage(into: TokenUsage, usage: TokenUsage | undefined): void {
  if (!usage) return;
  into.promptTokens += usage.promptTokens;
  into.completionTokens += usage.completionTokens;
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
