/**
 * Host-side helper: replays tool calls on an airline world in-process, the way τ-bench replays a
 * task's gold actions (a failure is recorded and the replay goes on; whatever the failing call
 * changed before it failed stays).
 */
import type { ToolResult } from '@envscaler/core';
import { TauAirline, type State } from '../env.js';

/** The tools of the airline environment, i.e. the public methods of {@link TauAirline}. */
export const TOOL_NAMES = [
  'book_reservation',
  'calculate',
  'cancel_reservation',
  'get_reservation_details',
  'get_user_details',
  'list_all_airports',
  'search_direct_flight',
  'search_onestop_flight',
  'send_certificate',
  'think',
  'transfer_to_human_agents',
  'update_reservation_baggages',
  'update_reservation_flights',
  'update_reservation_passengers',
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

/** Runs `calls` in order on `state`, in this process (arguments are not schema-checked here). */
export function replayInProcess(state: State, calls: readonly ToolCall[]): InProcessReplay {
  const env = new TauAirline(state);
  const methods = env as unknown as Record<string, (args: unknown) => ToolResult>;
  const results = calls.map((call): ToolResult => {
    if (!TOOLS.has(call.name)) {
      return { ok: false, error: { code: 'UNKNOWN_TOOL', message: `Unknown action ${call.name}` } };
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
 * Hands out private worlds that share the parts of one deep-frozen initial world that some calls
 * cannot change. A world for some calls deep-copies every reservation and user the calls name (and
 * the owners of those reservations, whose payment methods changes use) and shares everything else
 * frozen, the flights included (no tool writes them). A tool that wrote a shared part would throw
 * instead of corrupting the initial world, and the replay would record the failure. Frozen parts
 * are hashed once (see canonicalDigest).
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
    const { flights, reservations, users } = this.initial;
    const own = (map: object, key: string): boolean => Object.prototype.hasOwnProperty.call(map, key);
    const world: State = { flights, reservations: { ...reservations }, users: { ...users } };
    for (const name of [...names]) {
      if (own(reservations, name)) {
        const reservation = reservations[name] as State['reservations'][string];
        world.reservations[name] = JSON.parse(JSON.stringify(reservation)) as State['reservations'][string];
        names.add(reservation.user_id);
      }
    }
    for (const name of names) {
      if (own(users, name))
        world.users[name] = JSON.parse(JSON.stringify(users[name])) as State['users'][string];
    }
    return world;
  }
}
