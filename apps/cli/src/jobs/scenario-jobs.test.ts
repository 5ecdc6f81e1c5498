import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBackend, type JobHandler } from '@envscaler/jobs';
import { model, writeShelves } from '../commands/worker-scenarios.fixtures.js';
import { runScenarios } from '../commands/scenarios.js';
import { createJobScenarioSets, createScenariosHandler, type ScenariosPayload } from './scenario-jobs.js';

let root: string;
let envs: string;
const ENV_IDS = ['shelf-a', 'shelf-b', 'shelf-c'];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-scenario-jobs-'));
  envs = path.join(root, 'envs');
  await writeShelves(envs, ENV_IDS);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The real handler, except that the environments in `failing` fail; records the environments it ran. */
function handler(failing: ReadonlySet<string>): JobHandler<ScenariosPayload> & { ran: string[] } {
  const real = createScenariosHandler({ model: model() });
  const ran: string[] = [];
  const run: JobHandler<ScenariosPayload> = async (job, context) => {
    ran.push(job.payload.envId);
    if (failing.has(job.payload.envId)) throw new Error(`${job.payload.envId}: endpoint down`);
    return real(job, context);
  };
  return Object.assign(run, { ran });
}

const settings = { count: 1, concurrency: 1, solverAttempts: 1 };

// These are rules of scengen's `generateScenarioSets`, which a job run must go through: a coordinator with
// its own flow (queue everything, collect the failures into one error, read the markers) would show none
// of them.
describe('scenario jobs go through generateScenarioSets', () => {
  it('stop at the first failed job without keep-going, skip it with, and count markers as earlier', async () => {
    const out = path.join(root, 'out');
    const broken = new Set(['shelf-b']);
    const stopping = handler(broken);
    const error = await runScenarios({
      ...settings,
      envs,
      out,
      executor: createJobScenarioSets({
        backend: createInProcessBackend({ concurrency: 1 }),
        handler: stopping,
      }),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BACKEND_ERROR',
      message: `environment ${path.join(envs, 'shelf-b')}: shelf-b: endpoint down`,
    });
    expect(stopping.ran).toEqual(['shelf-a', 'shelf-b']); // nothing started after the failure

    const going = handler(broken);
    const kept = await runScenarios({
      ...settings,
      envs,
      out,
      keepGoing: true,
      executor: createJobScenarioSets({
        backend: createInProcessBackend({ concurrency: 1 }),
        handler: going,
      }),
    });
    expect(going.ran).toEqual(['shelf-b', 'shelf-c']); // shelf-a's marker is there
    expect(kept.results.map((r) => [r.set.envId, r.report.kept, r.earlier ?? false])).toEqual([
      ['shelf-a', 1, true],
      ['shelf-c', 1, false],
    ]);
    expect(kept.results[1]!.paths.scenarios).toBe(path.join(out, 'scenarios', 'shelf-c.jsonl'));
    expect(kept.skipped).toEqual([{ dir: path.join(envs, 'shelf-b'), reason: 'shelf-b: endpoint down' }]);

    // The finished directory, retried: only the skipped environment runs, and results keep their order.
    const retry = handler(new Set());
    const all = await runScenarios({
      ...settings,
      envs,
      out,
      executor: createJobScenarioSets({
        backend: createInProcessBackend({ concurrency: 2 }),
        handler: retry,
      }),
    });
    expect(retry.ran).toEqual(['shelf-b']);
    expect(all.results.map((r) => [r.set.envId, r.earlier ?? false])).toEqual([
      ['shelf-a', true],
      ['shelf-b', false],
      ['shelf-c', true],
    ]);
  }, 120_000);

  it('refuses difficulty labelling, which the jobs do not carry', async () => {
    await expect(
      runScenarios({
        ...settings,
        envs,
        out: path.join(root, 'out-difficulty'),
        difficultySamples: 2,
        executor: createJobScenarioSets({
          backend: createInProcessBackend({ concurrency: 1 }),
          handler: handler(new Set()),
        }),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('--difficulty-samples'),
    });
  });
});
