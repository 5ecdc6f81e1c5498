/**
 * The gold fixture (fixtures/gold-train.json): a hand-written call sequence for every train task. Replayed
 * from the task's initial state, every call succeeds and the end state matches the ground truth, so both
 * ACEBench scores are 1; doing nothing scores 0 on both for every train task (all of them change state).
 */
import { describe, expect, it } from 'vitest';
import { AceBench } from '../env.js';
import { acebenchTaskConfig, readAcebenchData, readAcebenchGoldTrain } from '../src/data.js';
import { formatAcebenchCall } from '../src/python.js';
import { replayAcebenchCalls } from '../src/replay.js';
import { acebenchEndState, acebenchProcess, acebenchScore } from '../src/score.js';

const data = await readAcebenchData();
const gold = await readAcebenchGoldTrain();
const train = data.tasks.filter((t) => t.split === 'train');

describe('data', () => {
  it('has 20 multi-step and 30 multi-turn tasks, split by the parity of their number', () => {
    expect(data.tasks.filter((t) => t.subset === 'multi_step')).toHaveLength(20);
    expect(data.tasks.filter((t) => t.subset === 'multi_turn')).toHaveLength(30);
    for (const t of data.tasks) {
      expect(t.id).toBe(`agent_${t.subset}_${t.index}`);
      expect(t.split).toBe(t.index % 2 === 0 ? 'train' : 'test');
    }
    expect(train).toHaveLength(25);
  });

  it("has data/README.md's 90 and 124 milestone entries (an alternatives list counts once), 5 tasks with alternatives", () => {
    const entries = (subset: string) =>
      data.tasks.filter((t) => t.subset === subset).reduce((n, t) => n + t.mile_stone.length, 0);
    expect(entries('multi_step')).toBe(90);
    expect(entries('multi_turn')).toBe(124);
    const alternatives = data.tasks.filter((t) => Array.isArray(t.mile_stone[0]));
    expect(alternatives.map((t) => [t.index, t.mile_stone.length])).toEqual([
      [6, 2],
      [7, 2],
      [8, 2],
      [9, 2],
      [10, 3],
    ]);
    // Counting calls: 110 in multi-step with the first alternative of each task, 146 with all of them.
    const calls = (pick: (t: (typeof data.tasks)[number]) => unknown[]) =>
      data.tasks.filter((t) => t.subset === 'multi_step').reduce((n, t) => n + pick(t).length, 0);
    expect(
      calls((t) => (Array.isArray(t.mile_stone[0]) ? (t.mile_stone[0] as string[]) : t.mile_stone)),
    ).toBe(110);
    expect(calls((t) => (t.mile_stone as unknown[]).flat())).toBe(146);
  });

  it('has gold calls for exactly the train tasks', () => {
    expect(Object.keys(gold.tasks).sort()).toEqual(train.map((t) => t.id).sort());
  });
});

describe.each(train.map((t) => [t.id, t] as const))('%s', (_, task) => {
  const calls = gold.tasks[task.id]!;

  it('gold calls all succeed and reach the ground truth: end-to-end 1, process 1', () => {
    const replay = replayAcebenchCalls({ task, calls });
    replay.results.forEach((result, i) => {
      expect(result.ok, `call ${i} ${calls[i]!.name}`).toBe(true);
      const value = result.ok ? (result.data as { status?: unknown }) : undefined;
      expect(value?.status, `call ${i} ${calls[i]!.name}`).not.toBe(false);
    });
    const end = acebenchEndState({ predicted: replay.publicState, groundTruth: task.ground_truth });
    expect(end.errors).toEqual([]);
    const score = acebenchScore({
      predicted: replay.publicState,
      groundTruth: task.ground_truth,
      milestones: task.mile_stone,
      calls: calls.map((c) => formatAcebenchCall(c.name, c.arguments)),
    });
    expect(score).toMatchObject({ endToEnd: 1, process: 1 });
  });

  it('doing nothing: end-to-end 0, process 0', () => {
    const state = AceBench.publicState(AceBench.fromConfig(acebenchTaskConfig(task)));
    expect(
      acebenchScore({
        predicted: state,
        groundTruth: task.ground_truth,
        milestones: task.mile_stone,
        calls: [],
      }),
    ).toMatchObject({
      endToEnd: 0,
      process: 0,
    });
    expect(acebenchProcess(task.mile_stone, [])).toBe(0);
  });
});
