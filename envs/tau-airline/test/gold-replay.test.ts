/**
 * Gold replay: each τ-bench airline task's gold actions, in order, on a fresh copy of the world, must
 * end in the state whose digest `fixtures/expected-tasks.json` records (computed by this port; the
 * reference tools agree, see reference-sequences.test.ts), with the recorded failing actions.
 */
import { describe, expect, it } from 'vitest';
import { readTauAirlineData, tauAirlineSplits } from '../src/data.js';
import { canonicalDigest } from '../src/digest.js';
import { replayInProcess, TOOL_NAMES, WorldFactory, type ToolCall } from '../src/replay.js';
import type { TauAirlineTask } from '../src/tasks-file.js';
import type { State } from '../env.js';

const data = await readTauAirlineData();
const expected = data.expectedTasks!;
const freshWorld = (): State => JSON.parse(data.dbText) as State;
// Private worlds sharing the untouched parts of one frozen initial world (faster to copy and hash).
const worlds = new WorldFactory(freshWorld());
const goldCalls = (task: TauAirlineTask): ToolCall[] =>
  task.actions.map((action) => ({ name: action.name, arguments: action.kwargs }));

describe('tau-airline data', () => {
  it('has the 50 tasks of tasks_test.py, split 30 train / 20 test by index mod 5', () => {
    expect(data.tasks).toHaveLength(50);
    expect(data.tasks.map((task) => task.id)).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
    expect(data.splits.train).toHaveLength(30);
    expect(data.splits.test).toHaveLength(20);
    expect(data.splits.test!.slice(0, 6)).toEqual(['1', '3', '6', '8', '11', '13']);
    expect([...data.splits.train!, ...data.splits.test!].sort()).toEqual([...data.splits.base!].sort());
    expect(tauAirlineSplits(['0', '1', '2', '3', '4', '5'])).toEqual({
      train: ['0', '2', '4', '5'],
      test: ['1', '3'],
      base: ['0', '1', '2', '3', '4', '5'],
    });
  });

  it('reads every task field: user, instruction, gold actions and outputs', () => {
    const first = data.tasks[0]!;
    expect(first).toMatchObject({ id: '0', annotator: '0', user_id: 'mia_li_3668' });
    expect(first.instruction).toMatch(
      /^Your user id is mia_li_3668\. You want to fly from New York to Seattle/,
    );
    expect(first.actions[0]!.kwargs).toMatchObject({
      origin: 'JFK',
      destination: 'SEA',
      payment_methods: [
        { payment_id: 'certificate_7504069', amount: 250 },
        { payment_id: 'credit_card_4421486', amount: 5 },
      ],
    });
    expect(
      data.tasks.filter((task) => task.outputs.length > 0).map((task) => [task.id, task.outputs]),
    ).toEqual([
      ['2', ['23553']],
      ['8', ['327', '1000', '1786']],
      ['9', ['327', '1000', '1286']],
      ['44', ['4']],
    ]);
    expect(data.tasks.reduce((n, task) => n + task.actions.length, 0)).toBe(158);
    expect(data.policy).toMatch(/^# Airline Agent Policy/);
  });

  it('names only tools that the environment implements', () => {
    const used = new Set(data.tasks.flatMap((task) => task.actions.map((action) => action.name)));
    for (const name of used) expect(TOOL_NAMES).toContain(name);
  });

  it('the untouched world has the initial digest', () => {
    expect(canonicalDigest(freshWorld())).toBe(expected.initial_digest);
    expect(Object.keys(expected.tasks)).toEqual(data.tasks.map((task) => task.id));
  });
});

describe('gold replay of the 50 tasks', () => {
  it.each(data.tasks.map((task) => task.id))('task %s: final state and failing actions as expected', (id) => {
    const task = data.tasks.find((candidate) => candidate.id === id)!;
    const want = expected.tasks[id]!;
    const calls = goldCalls(task);
    expect(calls).toHaveLength(want.n_actions!);
    const { state, failing } = replayInProcess(worlds.worldFor(calls), calls);
    expect(failing).toEqual(want.failing_actions);
    expect(canonicalDigest(state)).toBe(want.final_digest);
  });

  it('no gold action fails, and 20 tasks leave the world unchanged', () => {
    // Unlike τ²-bench retail, every gold action of the airline tasks succeeds: the reservations,
    // flights (bookable on the dates used), payment methods and balances they name all exist.
    expect(Object.values(expected.tasks).every((task) => task.failing_actions.length === 0)).toBe(true);
    // Tasks whose gold actions only look things up or transfer, or that have none: doing nothing
    // matches their final state, so only their outputs (task 44) separate agents there.
    const unchanged = Object.entries(expected.tasks)
      .filter(([, task]) => task.final_digest === expected.initial_digest)
      .map(([id]) => id);
    expect(unchanged).toEqual([
      '12',
      '13',
      '15',
      '17',
      '18',
      '21',
      '24',
      '29',
      '35',
      '36',
      '37',
      '38',
      '39',
      '40',
      '41',
      '42',
      '44',
      '47',
      '48',
      '49',
    ]);
  });
});
