import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedEnvironment } from '../src/index.js';
import {
  loadRetail,
  readExpectedTrain,
  readRetailDbText,
  readRetailSplits,
  readRetailTasks,
  retailDigest,
  type RetailTask,
} from './tau2-retail.js';

describe('τ²-bench retail gold replay through sandboxed sessions', () => {
  let env: LoadedEnvironment;
  let db: unknown;
  let tasks: Map<string, RetailTask>;
  let digest: (db: unknown) => string;
  const expected = readExpectedTrain();

  beforeAll(async () => {
    env = await loadRetail();
    db = JSON.parse(readRetailDbText());
    tasks = new Map(readRetailTasks().map((t) => [t.id, t]));
    digest = retailDigest;
  }, 120_000);
  afterAll(() => env?.dispose());

  it('the untouched world has the initial digest', async () => {
    const session = await env.createSession({ initialState: db });
    expect(digest(await session.snapshot())).toBe(expected.initial_digest);
    session.dispose();
  });

  it('replays all 74 train tasks to the reference final databases, failing exactly the listed actions', async () => {
    const train = readRetailSplits().train!;
    expect(train).toHaveLength(74);
    const mismatches: string[] = [];
    for (const id of train) {
      const task = tasks.get(id)!;
      const want = expected.tasks[id]!;
      const session = await env.createSession({ initialState: db });
      const failing: number[] = [];
      for (const [i, call] of task.calls.entries()) {
        const r = await session.call(call.name, call.arguments);
        if (!r.ok) failing.push(i);
      }
      const got = digest(await session.snapshot());
      session.dispose();
      if (got !== want.final_digest)
        mismatches.push(`task ${id}: digest ${got.slice(0, 12)} != ${want.final_digest.slice(0, 12)}`);
      if (JSON.stringify(failing) !== JSON.stringify(want.failing_actions)) {
        mismatches.push(
          `task ${id}: failing actions ${JSON.stringify(failing)} != ${JSON.stringify(want.failing_actions)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    // the shared base was never written
    expect(digest(db)).toBe(expected.initial_digest);
  }, 300_000);
});
