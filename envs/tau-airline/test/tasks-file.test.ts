import { describe, expect, it } from 'vitest';
import { parseTauAirlineTasks } from '../src/tasks-file.js';

const wrap = (body: string) =>
  `from ...tau_bench_types import Action, Task\n\n# a comment\nTASKS = [\n${body}\n]\n`;

describe('parseTauAirlineTasks (the Python literal subset of tasks_test.py)', () => {
  it('reads Task/Action calls with keyword arguments, literals, tuples, trailing commas and comments', () => {
    const tasks = parseTauAirlineTasks(
      wrap(`    Task(
        annotator="1",
        user_id='u_1',  # trailing comment
        instruction="Say \\"hi\\"\\n" 'twice',
        actions=[
            Action(name="calculate", kwargs={"expression": "2 + 2", "n": -3, "x": 1.5, "t": (1, 2), "f": False, "z": None,}),
        ],
        outputs=["4"],
    ),
    Task(user_id="u_2", instruction="", actions=[], outputs=[]),`),
    );
    expect(tasks).toEqual([
      {
        id: '0',
        annotator: '1',
        user_id: 'u_1',
        instruction: 'Say "hi"\ntwice',
        actions: [
          { name: 'calculate', kwargs: { expression: '2 + 2', n: -3, x: 1.5, t: [1, 2], f: false, z: null } },
        ],
        outputs: ['4'],
      },
      { id: '1', user_id: 'u_2', instruction: '', actions: [], outputs: [] },
    ]);
  });

  it('refuses anything that is not a literal, a Task or an Action', () => {
    expect(() => parseTauAirlineTasks(wrap('Task(user_id=os.system("x"))'))).toThrow(
      /unexpected name 'os'|expected/,
    );
    expect(() => parseTauAirlineTasks(wrap('open("x")'))).toThrow(/unexpected name 'open'/);
    expect(() =>
      parseTauAirlineTasks(wrap('Task(user_id="u", instruction="i", actions=[1], outputs=[])')),
    ).toThrow(/TASKS\[0\]\.actions\[0\] is not an Action/);
    expect(() => parseTauAirlineTasks('import os\nos.system("x")\nTASKS = []\n')).toThrow(
      /unexpected statement/,
    );
    expect(() => parseTauAirlineTasks('TASKS = [\n')).toThrow(/tasks_test\.py:2: expected a value/);
    expect(() => parseTauAirlineTasks('X = 1\n')).toThrow(/no 'TASKS = \[\.\.\.\]' assignment/);
  });
});
