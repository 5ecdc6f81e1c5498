/**
 * Conformance: replaying each τ²-bench retail task's gold actions on a fresh copy of db.json must end
 * in the same database as the reference tools (digest from expected-train.json) with the same
 * failing actions. Data: this package's data/ and fixtures/.
 */
import { describe, expect, it } from 'vitest';
import { readTau2Data } from '../src/data.js';
import { canonicalDigest } from '../src/digest.js';
import type { State } from '../env.js';
import { replayInProcess, TOOL_NAMES, WorldFactory, type ToolCall } from '../src/replay.js';

const data = await readTau2Data();

interface Task {
  id: string;
  evaluation_criteria: { actions: (ToolCall & { action_id: string })[] };
}
interface Expected {
  canonicalization: string;
  initial_digest: string;
  tasks: Record<string, { final_digest: string; n_actions: number; failing_actions: number[] }>;
}

const dbText = data.dbText;
const tasks = data.tasks as Task[];
const splits = data.splits as Record<'train' | 'test' | 'base', string[]>;
const expected = data.expectedTrain as Expected;
const taskById = new Map(tasks.map((task) => [task.id, task]));

/** A fresh, private copy of the initial world. */
const freshWorld = (): State => JSON.parse(dbText) as State;

function goldCalls(task: Task): ToolCall[] {
  return task.evaluation_criteria.actions.map((action) => ({
    name: action.name,
    arguments: action.arguments,
  }));
}

describe('tau2-retail data', () => {
  it('has the expected split sizes and a digest for every train task', () => {
    expect(tasks).toHaveLength(114);
    expect(splits.train).toHaveLength(74);
    expect(splits.test).toHaveLength(40);
    expect(Object.keys(expected.tasks).sort()).toEqual([...splits.train].sort());
  });

  it('names only tools that the environment implements', () => {
    const used = new Set(
      tasks.flatMap((task) => task.evaluation_criteria.actions.map((action) => action.name)),
    );
    for (const name of used) expect(TOOL_NAMES).toContain(name);
  });

  it('the untouched db.json has the initial digest', () => {
    expect(canonicalDigest(freshWorld())).toBe(expected.initial_digest);
  });
});

describe('gold replay of the 74 train tasks', () => {
  it.each(splits.train)('task %s: final database and failing actions match the reference', (id) => {
    const task = taskById.get(id);
    const want = expected.tasks[id];
    if (task === undefined || want === undefined) throw new Error(`task ${id} is missing`);
    const calls = goldCalls(task);
    expect(calls).toHaveLength(want.n_actions);
    const { state, failing } = replayInProcess(freshWorld(), calls);
    expect(failing).toEqual(want.failing_actions);
    expect(canonicalDigest(state)).toBe(want.final_digest);
  });
});

describe('gold replay of all 114 tasks (both splits)', () => {
  it('runs every action of every task to a result, without an exception', () => {
    // Worlds share the untouched, frozen parts of one initial world: a tool writing where it should
    // not would throw, which this test would catch.
    const worlds = new WorldFactory(freshWorld());
    let calls = 0;
    for (const task of tasks) {
      const { results } = replayInProcess(worlds.worldFor(goldCalls(task)), goldCalls(task));
      for (const result of results) {
        if (!result.ok) expect(result.error.code).not.toBe('THREW');
        expect(typeof result.ok).toBe('boolean');
      }
      calls += results.length;
    }
    expect(calls).toBe(550);
  });
});
