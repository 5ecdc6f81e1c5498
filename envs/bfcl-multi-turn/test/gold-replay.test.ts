/**
 * Conformance: gold replay of BFCL v3 multi_turn_base against the expected per-turn state digests of the
 * train split, and a crash-free replay of all 200 entries, on the data shipped in data/ and fixtures/.
 */
import { describe, expect, it } from 'vitest';
import { readBfclData, type BfclExpectedEntry } from '../src/data.js';
import { parameterOrderFromDocs } from '../src/python-call.js';
import { replayGold, TOOL_NAMES } from '../src/replay.js';

type Expected = BfclExpectedEntry;
type Entry = Awaited<ReturnType<typeof readBfclData>>['entries'][number];

const data = await readBfclData();
const docs = [...data.docsByClass.values()].flat();
const parameterOrder = parameterOrderFromDocs(docs);
const entries = data.entries;
const answers = data.groundTruth;
const expected = Object.fromEntries(data.expectedTrain);

const isTrain = (id: string): boolean => Number(id.split('_').pop()) % 2 === 0;
const trainEntries = entries.filter((entry) => isTrain(entry.id));

function replay(entry: Entry, roundTripState = false) {
  const groundTruth = answers.get(entry.id);
  if (!groundTruth) throw new Error(`no ground truth for ${entry.id}`);
  return replayGold({
    involved_classes: entry.involved_classes,
    initial_config: entry.initial_config,
    groundTruth,
    parameterOrder,
    roundTripState,
  });
}

describe('BFCL multi_turn_base data', () => {
  it('has 200 entries, 100 of them train, each with ground truth and (train) expected digests', () => {
    expect(entries).toHaveLength(200);
    expect(trainEntries).toHaveLength(100);
    expect(Object.keys(expected).sort()).toEqual(trainEntries.map((e) => e.id).sort());
    for (const entry of entries) expect(answers.has(entry.id)).toBe(true);
  });

  it('every documented function is a tool, except the two the reference class lacks', () => {
    const documented = new Set(docs.map((doc) => doc.name));
    const missing = [...documented].filter((name) => !TOOL_NAMES.has(name)).sort();
    expect(missing).toEqual(['make_transaction', 'update_stock_price']);
    const undocumented = [...TOOL_NAMES].filter((name) => !documented.has(name)).sort();
    expect(undocumented).toEqual(['get_booking_history', 'withdraw_funds']);
    expect(TOOL_NAMES.size).toBe(129);
  });
});

describe('gold replay, train split: per-turn state digests', () => {
  it.each(trainEntries.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
    const want = expected[id] as Expected;
    expect(entry.involved_classes).toEqual(want.classes);
    // Rebuilding the environment from a JSON copy of its state before every turn must not change anything.
    const got = replay(entry, true);
    expect(got.initialDigest).toBe(want.initial_state_digest);
    expect(got.turns).toHaveLength(want.turns.length);
    got.turns.forEach((turn, t) => {
      const wantTurn = want.turns[t] as Expected['turns'][number];
      expect({ turn: t, calls: turn.calls.length, errors: turn.errors, digest: turn.digest }).toEqual({
        turn: t,
        calls: wantTurn.n_calls,
        errors: wantTurn.errors,
        digest: wantTurn.state_digest,
      });
    });
  });
});

describe('gold replay, all 200 entries', () => {
  it('replays without crashing; the only failing call is the unimplemented make_transaction', () => {
    const failures: string[] = [];
    let calls = 0;
    for (const entry of entries) {
      const got = replay(entry);
      got.turns.forEach((turn, t) => {
        calls += turn.calls.length;
        for (const index of turn.errors) {
          const call = turn.calls[index];
          failures.push(
            `${entry.id} turn ${t}: ${call?.name} -> ${call && !call.result.ok ? call.result.error.code : ''}`,
          );
        }
      });
      expect(() => JSON.stringify(got.state)).not.toThrow();
    }
    expect(calls).toBe(1161);
    expect(failures).toEqual(['multi_turn_base_121 turn 3: make_transaction -> UNKNOWN_TOOL']);
  });

  it('replays deterministically', () => {
    for (const entry of entries.slice(0, 40)) {
      expect(replay(entry).turns.map((t) => t.digest)).toEqual(
        replay(entry, true).turns.map((t) => t.digest),
      );
    }
  });
});
