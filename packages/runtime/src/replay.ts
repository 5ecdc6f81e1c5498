import { EnvscalerError, type ToolCallRequest, type ToolResult } from '@envscaler/core';
import type { LoadedEnvironment } from './load.js';

export type ReplayCallsOptions = {
  env: LoadedEnvironment;
  calls: readonly ToolCallRequest[];
  /** Also compute the class's `publicState` of the final world (default true). */
  publicState?: boolean;
} & ({ initialState: unknown } | { config: unknown });

export interface ReplayResult {
  /** The full final state (the session snapshot). */
  finalState: unknown;
  /** `publicState` of the final world (the snapshot when the class defines none); when requested. */
  publicState?: unknown;
  /** One result per call, in order; tool failures are recorded here and never stop the replay. */
  results: ToolResult[];
}

/** Runs `calls` in order in one fresh session and returns the final state and every call's result. */
export async function replayCalls(options: ReplayCallsOptions): Promise<ReplayResult> {
  if (!Array.isArray(options.calls))
    throw new EnvscalerError('INVALID_INPUT', 'replayCalls: calls must be an array');
  const session = await options.env.createSession(
    'config' in options ? { config: options.config } : { initialState: options.initialState },
  );
  try {
    const results: ToolResult[] = [];
    for (const call of options.calls) results.push(await session.call(call.name, call.arguments ?? {}));
    const finalState = await session.snapshot();
    const out: ReplayResult = { finalState, results };
    if (options.publicState !== false) {
      out.publicState = options.env.hasPublicState ? await session.publicState() : finalState;
    }
    return out;
  } finally {
    session.dispose();
  }
}
