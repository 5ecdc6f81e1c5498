/**
 * Host-side replay of calls against the environment class (not loaded into the sandbox), for tests and
 * checks: the same routing as a session, without the runtime's argument validation.
 */
import type { ToolResult } from '@envscaler/core';
import { AceBench, type State } from '../env.js';
import { acebenchTaskConfig, type AcebenchGoldCall, type AcebenchTask } from './data.js';

/** Private helper members of the class (TypeScript `private` is not visible at run time). */
const HELPERS = new Set([
  'constructor',
  'run',
  'messages',
  'reminders',
  'food',
  'travel',
  'extremeMessage',
  'authenticate',
  'allowance',
  'baggageFee',
  'updateBalance',
  'cabinPrice',
]);

/** Names of the environment's tools: its public methods. */
export const TOOL_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(AceBench.prototype).filter((name) => {
    if (HELPERS.has(name)) return false;
    const descriptor = Object.getOwnPropertyDescriptor(AceBench.prototype, name);
    return typeof descriptor?.value === 'function';
  }),
);

/** Call a tool by name; a name that is no tool fails with `UNKNOWN_TOOL`, like a call no class can route. */
export function callAcebenchTool(env: AceBench, name: string, args: Record<string, unknown>): ToolResult {
  if (!TOOL_NAMES.has(name))
    return { ok: false, error: { code: 'UNKNOWN_TOOL', message: `No matching function found: '${name}'.` } };
  const method = Reflect.get(env, name) as (args: Record<string, unknown>) => ToolResult;
  return method.call(env, args);
}

export interface AcebenchReplay {
  results: ToolResult[];
  /** `AceBench.publicState` at the end. */
  publicState: Record<string, Record<string, unknown>>;
  state: State;
}

/** Runs `calls` from a task's initial state. */
export function replayAcebenchCalls(options: {
  task: Pick<AcebenchTask, 'involved_classes' | 'initial_config'>;
  calls: readonly AcebenchGoldCall[];
}): AcebenchReplay {
  const env = new AceBench(AceBench.fromConfig(acebenchTaskConfig(options.task)));
  const results = options.calls.map((call) =>
    callAcebenchTool(env, call.name, structuredClone(call.arguments)),
  );
  return { results, publicState: AceBench.publicState(env.state), state: env.state };
}
