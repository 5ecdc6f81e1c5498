/**
 * Conformance with the reference tools themselves: fixtures/reference-sequences.json holds what the
 * τ-bench airline tools (Python) did on every task's gold actions, on 120 random call sequences (valid
 * and invalid arguments mixed, state carried from call to call) and on 400 arithmetic expressions
 * (see fixtures/generate_reference_sequences.py). Every outcome must be the same here: success or
 * failure, the error text, the result (JSON results compared by canonical digest), and the world's
 * digest at the end.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ToolResult } from '@envscaler/core';
import { readTauAirlineData } from '../src/data.js';
import { canonicalDigest } from '../src/digest.js';
import { replayInProcess, WorldFactory, type ToolCall } from '../src/replay.js';
import type { State } from '../env.js';

type Outcome =
  { ok: true; result_digest: string } | { ok: true; result: unknown } | { ok: false; message: string };
interface Fixture {
  initial_digest: string;
  gold: Record<string, { final_digest: string; failing_actions: number[]; outcomes: Outcome[] }>;
  sequences: { seed: number; calls: ToolCall[]; outcomes: Outcome[]; final_digest: string }[];
  calculate: ({ expression: string } & Outcome)[];
}

const fixture = JSON.parse(
  await readFile(new URL('../fixtures/reference-sequences.json', import.meta.url), 'utf8'),
) as Fixture;
const data = await readTauAirlineData();
const fresh = (): State => JSON.parse(data.dbText) as State;
// Worlds share the parts the calls cannot touch with one frozen initial world (a tool writing where
// it should not would throw, and the outcome would differ).
const worlds = new WorldFactory(fresh());

/** Tools whose reference response is JSON text (compared by digest); the others return plain text. */
const JSON_TOOLS = new Set([
  'book_reservation',
  'cancel_reservation',
  'get_reservation_details',
  'get_user_details',
  'list_all_airports',
  'search_direct_flight',
  'search_onestop_flight',
  'update_reservation_baggages',
  'update_reservation_flights',
  'update_reservation_passengers',
]);

function outcome(name: string, result: ToolResult): Outcome {
  if (!result.ok) return { ok: false, message: result.error.message };
  return JSON_TOOLS.has(name)
    ? { ok: true, result_digest: canonicalDigest(result.data) }
    : { ok: true, result: result.data };
}

describe('agreement with the reference airline tools', () => {
  it('the same initial world', () => {
    expect(canonicalDigest(fresh())).toBe(fixture.initial_digest);
  });

  it('every task: each gold action and the final world as the reference', () => {
    for (const task of data.tasks) {
      const want = fixture.gold[task.id]!;
      const calls = task.actions.map((action) => ({ name: action.name, arguments: action.kwargs }));
      const { state, results, failing } = replayInProcess(worlds.worldFor(calls), calls);
      expect({ id: task.id, outcomes: results.map((r, i) => outcome(calls[i]!.name, r)) }).toEqual({
        id: task.id,
        outcomes: want.outcomes,
      });
      expect(failing).toEqual(want.failing_actions);
      expect(canonicalDigest(state)).toBe(want.final_digest);
    }
  });

  it.each(fixture.sequences.map((s) => [s.seed, s] as const))('random sequence %i', (_seed, sequence) => {
    const { state, results } = replayInProcess(worlds.worldFor(sequence.calls), sequence.calls);
    expect(results.map((r, i) => outcome(sequence.calls[i]!.name, r))).toEqual(sequence.outcomes);
    expect(canonicalDigest(state)).toBe(sequence.final_digest);
  });

  it('calculate: the reference answers (CPython eval) on 400 expressions', () => {
    const world = worlds.worldFor([]);
    const mismatches = fixture.calculate.filter(({ expression, ...want }) => {
      const [result] = replayInProcess(world, [{ name: 'calculate', arguments: { expression } }]).results;
      return JSON.stringify(outcome('calculate', result!)) !== JSON.stringify(want);
    });
    expect(mismatches).toEqual([]);
  });
});
