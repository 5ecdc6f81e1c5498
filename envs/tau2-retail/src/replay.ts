/**
 * Host-side helper for tests: replays tool calls on a retail world in-process, the way the reference
 * replays a task's gold actions (a failure is recorded and the replay goes on; whatever the failing
 * call changed before it failed stays).
 */
import type { ToolResult } from '@envscaler/core';
import { Tau2Retail, type State } from '../env.js';

/** The tools of the retail environment, i.e. the public methods of {@link Tau2Retail}. */
export const TOOL_NAMES = [
  'calculate',
  'cancel_pending_order',
  'exchange_delivered_order_items',
  'find_user_id_by_email',
  'find_user_id_by_name_zip',
  'get_item_details',
  'get_order_details',
  'get_product_details',
  'get_user_details',
  'list_all_product_types',
  'modify_pending_order_address',
  'modify_pending_order_items',
  'modify_pending_order_payment',
  'modify_user_address',
  'return_delivered_order_items',
  'transfer_to_human_agents',
] as const;

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface InProcessReplay {
  /** The world after the last call (the object passed in, changed in place). */
  state: State;
  results: ToolResult[];
  /** Indices of the calls that failed (a failed result or a thrown exception). */
  failing: number[];
}

const TOOLS: ReadonlySet<string> = new Set(TOOL_NAMES);

/** Runs `calls` in order on `state`, in this process. */
export function replayInProcess(state: State, calls: readonly ToolCall[]): InProcessReplay {
  const env = new Tau2Retail(state);
  const methods = env as unknown as Record<string, (args: unknown) => ToolResult>;
  const results = calls.map((call): ToolResult => {
    if (!TOOLS.has(call.name)) {
      return { ok: false, error: { code: 'UNKNOWN_TOOL', message: `Tool '${call.name}' not found.` } };
    }
    try {
      return (methods[call.name] as (args: unknown) => ToolResult).call(env, call.arguments);
    } catch (error) {
      return { ok: false, error: { code: 'THREW', message: String(error) } };
    }
  });
  const failing = results.flatMap((result, index) => (result.ok ? [] : [index]));
  return { state: env.state, results, failing };
}

/** Freezes `value` and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const entry of Object.values(value)) deepFreeze(entry);
    Object.freeze(value);
  }
  return value;
}

/**
 * Hands out private worlds that share the parts of one deep-frozen initial world a replay cannot
 * change. A world for some calls deep-copies every order and user that the calls name (and the
 * owners of those orders: cancellations and payment changes update their gift cards) and shares
 * everything else, frozen. A tool that changed a shared part would throw instead of corrupting the
 * initial world, and the replay would record the failure. Frozen parts are hashed once
 * (see canonicalDigest).
 */
export class WorldFactory {
  private readonly initial: State;

  constructor(initial: State) {
    this.initial = deepFreeze(initial);
  }

  /** A world for `calls`. */
  worldFor(calls: readonly ToolCall[]): State {
    const names = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') names.add(value);
      else if (value !== null && typeof value === 'object')
        for (const entry of Object.values(value)) collect(entry);
    };
    for (const call of calls) collect(call.arguments);
    const { products, users, orders } = this.initial;
    const own = (map: object, key: string): boolean => Object.prototype.hasOwnProperty.call(map, key);
    const world: State = { products, users: { ...users }, orders: { ...orders } };
    for (const name of names) {
      if (own(orders, name)) {
        world.orders[name] = structuredClone(orders[name]) as State['orders'][string];
        names.add((orders[name] as State['orders'][string]).user_id);
      }
    }
    for (const name of names) {
      if (own(users, name)) world.users[name] = structuredClone(users[name]) as State['users'][string];
    }
    return world;
  }
}
