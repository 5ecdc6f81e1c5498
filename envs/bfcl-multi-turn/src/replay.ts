/**
 * Host-side gold replay of a BFCL entry (not loaded into the sandbox): run each ground-truth turn's Python
 * call strings against the environment and take the state digest after every turn, as
 * `data/README.md` describes.
 */
import type { ToolResult } from '@envscaler/core';
import { stateDigest } from './digest.js';
import { BfclMultiTurn, type State } from '../env.js';
import { parsePythonCall } from './python-call.js';

/** Private helper methods of the class (TypeScript `private` is not visible at run time). */
const HELPERS = new Set([
  'constructor',
  'dispatch',
  'fsPlace',
  'findTicket',
  'tradingTimestamp',
  'flightCost',
]);

/** Names of the environment's tools: its public methods. */
export const TOOL_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(BfclMultiTurn.prototype).filter(
    (name) => !HELPERS.has(name) && typeof Reflect.get(BfclMultiTurn.prototype, name) === 'function',
  ),
);

/** Call a tool by name; a name that is no tool fails with `UNKNOWN_TOOL`, like a call no class can route. */
export function callTool(env: BfclMultiTurn, name: string, args: Record<string, unknown>): ToolResult {
  if (!TOOL_NAMES.has(name)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_TOOL', message: `Method '${name}' not found in any class.` },
    };
  }
  const method = Reflect.get(env, name) as (args: Record<string, unknown>) => ToolResult;
  return method.call(env, args);
}

export interface GoldTurn {
  calls: { source: string; name: string; args: Record<string, unknown>; result: ToolResult }[];
  /** 0-based positions of calls that failed (raised in the reference, or could not be routed). */
  errors: number[];
  /** `BfclMultiTurn.publicState` after the turn. */
  snapshot: unknown;
  digest: string;
}

export interface GoldReplay {
  initialDigest: string;
  turns: GoldTurn[];
  /** The full state after the last turn. */
  state: State;
}

export interface ReplayGoldOptions {
  involved_classes: string[];
  initial_config: Record<string, unknown>;
  /** Ground-truth turns: Python call expressions. */
  groundTruth: string[][];
  /** Parameter order per function (for positional arguments), see `parameterOrderFromDocs`. */
  parameterOrder: ReadonlyMap<string, readonly string[]>;
  /** Rebuild the environment from a JSON copy of its state before every turn (as snapshot/restore would). */
  roundTripState?: boolean;
  /** Load the classes in long-context mode (BFCL's `multi_turn_long_context`). */
  long_context?: boolean;
}

export function replayGold(options: ReplayGoldOptions): GoldReplay {
  let state = BfclMultiTurn.fromConfig({
    involved_classes: options.involved_classes,
    initial_config: options.initial_config,
    long_context: options.long_context === true,
  });
  const initialDigest = stateDigest(BfclMultiTurn.publicState(state));
  const turns: GoldTurn[] = [];
  for (const turn of options.groundTruth) {
    if (options.roundTripState) state = JSON.parse(JSON.stringify(state)) as State;
    const env = new BfclMultiTurn(state);
    const calls: GoldTurn['calls'] = [];
    const errors: number[] = [];
    turn.forEach((source, index) => {
      const { name, args } = parsePythonCall(source, { parameterOrder: options.parameterOrder });
      const result = callTool(env, name, args);
      if (!result.ok) errors.push(index);
      calls.push({ source, name, args, result });
    });
    state = env.state;
    const snapshot = BfclMultiTurn.publicState(state);
    turns.push({ calls, errors, snapshot, digest: stateDigest(snapshot) });
  }
  return { initialDigest, turns, state };
}
