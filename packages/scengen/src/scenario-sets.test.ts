import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvscalerError, type ScenarioReport } from '@envscaler/core';
import { MockChatModel } from '@envscaler/testing';
import {
  createInProcessScenarioSets,
  type ExecuteScenarioSetsOptions,
  type ScenarioSet,
  type ScenarioSetExecutor,
} from './scenario-set-executor.js';
import { generateScenarioSets, type ScenarioSetsProgressEvent } from './scenario-sets.js';
import { libraryEnv } from './test/library-env.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const SETS: ScenarioSet[] = ['alpha', 'beta', 'gamma'].map((envId) => ({ envId, dir: `/envs/${envId}` }));

/** A report as generateScenarios writes it; `kept` tells one report of an environment from another. */
function reportFor(envId: string, kept = 1): ScenarioReport {
  return {
    schemaVersion: 1,
    envId,
    createdAt: '2026-01-01T00:00:00.000Z',
    requested: 1,
    candidates: kept,
    kept,
    funnel: [],
    dropped: [],
    checks: { generated: 0, repaired: 0, droppedTypecheck: 0, rewritten: 0, droppedDoNothing: 0 },
    checkErrors: [],
    tokens: {},
    totals: { promptTokens: 0, completionTokens: 0, calls: 0, cachedCalls: 0 },
    tokensByModel: {},
  } as ScenarioReport;
}

const finishedOf = (set: ScenarioSet, kept = 1, earlier?: boolean) => ({
  set,
  report: reportFor(set.envId, kept),
  paths: {
    scenarios: `/out/scenarios/${set.envId}.jsonl`,
    report: `/out/scenarios/${set.envId}.report.json`,
  },
  ...(earlier ? { earlier } : {}),
});

/**
 * An executor that runs `step` for each set in `order` (default: the sets' order), one at a time, and
 * like every executor starts nothing new once the run's signal is aborted.
 */
function scripted(
  step: (set: ScenarioSet, run: ExecuteScenarioSetsOptions) => Promise<void>,
  order?: (sets: readonly ScenarioSet[]) => ScenarioSet[],
): ScenarioSetExecutor & { started: string[] } {
  const started: string[] = [];
  return {
    name: 'fake',
    started,
    async run(run) {
      for (const set of order ? order(run.sets) : run.sets) {
        if (run.signal.aborted) return;
        started.push(set.envId);
        await step(set, run);
      }
    },
  };
}

const base = { sets: SETS, out: '/out', count: 1 };

describe('generateScenarioSets owns the rules whatever the executor', () => {
  it('returns results in the sets order, whatever order the executor reports them in', async () => {
    const events: ScenarioSetsProgressEvent[] = [];
    const executor = scripted(
      (set, run) => run.onFinished(finishedOf(set)),
      (sets) => [...sets].reverse(),
    );
    const result = await generateScenarioSets({ ...base, executor, onProgress: (e) => events.push(e) });
    expect(executor.started).toEqual(['gamma', 'beta', 'alpha']);
    expect(result.results.map((r) => r.set.envId)).toEqual(['alpha', 'beta', 'gamma']);
    expect(result.skipped).toEqual([]);
    expect(events.map((e) => e.type === 'set-finished' && e.finished.set.envId)).toEqual([
      'gamma',
      'beta',
      'alpha',
    ]);
  });

  it('counts an environment reported twice once (the first report), and keeps earlier-run ones', async () => {
    const events: ScenarioSetsProgressEvent[] = [];
    const executor = scripted(async (set, run) => {
      await run.onFinished(finishedOf(set, 1, set.envId === 'beta'));
      // at-least-once delivery: the same environment again, and a failure after it finished
      await run.onFinished(finishedOf(set, 7));
      run.onFailed({ set, error: new Error('late duplicate') });
    });
    const result = await generateScenarioSets({ ...base, executor, onProgress: (e) => events.push(e) });
    expect(result.results.map((r) => [r.set.envId, r.report.kept, r.earlier ?? false])).toEqual([
      ['alpha', 1, false],
      ['beta', 1, true],
      ['gamma', 1, false],
    ]);
    expect(result.skipped).toEqual([]);
    expect(events.filter((e) => e.type === 'set-finished')).toHaveLength(3);
  });

  it('with keepGoing skips a failed environment, lists it and finishes the others', async () => {
    const events: ScenarioSetsProgressEvent[] = [];
    const executor = scripted(async (set, run) => {
      if (set.envId === 'beta')
        run.onFailed({
          set,
          error: new EnvscalerError('LLM_CALL_FAILED', `endpoint\n  down ${'x'.repeat(400)}`),
        });
      else await run.onFinished(finishedOf(set));
    });
    const result = await generateScenarioSets({
      ...base,
      executor,
      keepGoing: true,
      onProgress: (e) => events.push(e),
    });
    expect(executor.started).toEqual(['alpha', 'beta', 'gamma']);
    expect(result.results.map((r) => r.set.envId)).toEqual(['alpha', 'gamma']);
    expect(result.skipped).toEqual([
      { envId: 'beta', dir: '/envs/beta', reason: `endpoint down ${'x'.repeat(286)}…` },
    ]);
    expect(events.filter((e) => e.type === 'set-skipped')).toHaveLength(1);
  });

  it('without keepGoing stops at the first failure and throws it naming the directory', async () => {
    const executor = scripted(async (set, run) => {
      if (set.envId === 'beta')
        run.onFailed({ set, error: new EnvscalerError('LLM_CALL_FAILED', 'endpoint down') });
      else await run.onFinished(finishedOf(set));
    });
    const error = await generateScenarioSets({ ...base, executor }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'LLM_CALL_FAILED',
      message: 'environment /envs/beta: endpoint down',
    });
    expect(executor.started).toEqual(['alpha', 'beta']); // gamma was never started

    // An error that already names the directory, or is not an EnvscalerError, is thrown as it is.
    const named = new EnvscalerError('ENVIRONMENT_LOAD_FAILED', '/envs/alpha/env.ts does not compile');
    const bug = new TypeError('boom');
    for (const cause of [named, bug]) {
      const thrown = await generateScenarioSets({
        ...base,
        executor: scripted(async (set, run) => run.onFailed({ set, error: cause })),
      }).catch((e: unknown) => e);
      expect(thrown).toBe(cause);
    }
  });

  it('is an INTERNAL error when the executor never reports an environment, or reports one not asked for', async () => {
    const silent = scripted(async (set, run) => {
      if (set.envId !== 'beta') await run.onFinished(finishedOf(set));
    });
    await expect(generateScenarioSets({ ...base, executor: silent })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'the fake executor finished without reporting environment(s) beta',
    });
    const stray = scripted(async (set, run) =>
      run.onFinished(finishedOf({ envId: `${set.envId}-x`, dir: set.dir })),
    );
    await expect(generateScenarioSets({ ...base, executor: stray })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('alpha-x, which was not requested'),
    });
  });

  it('throws ABORTED on an interrupt, with or without keepGoing, and skips nothing the interrupt cut', async () => {
    for (const keepGoing of [false, true]) {
      const controller = new AbortController();
      const events: ScenarioSetsProgressEvent[] = [];
      const executor = scripted(async (set, run) => {
        await run.onFinished(finishedOf(set));
        controller.abort();
        // what the interrupt stopped is reported as failed by some executors: not a skip
        run.onFailed({ set: SETS[1]!, error: new EnvscalerError('ABORTED', 'worker shutting down') });
      });
      await expect(
        generateScenarioSets({
          ...base,
          executor,
          keepGoing,
          signal: controller.signal,
          onProgress: (e) => events.push(e),
        }),
      ).rejects.toMatchObject({ code: 'ABORTED' });
      expect(executor.started).toEqual(['alpha']);
      expect(events.some((e) => e.type === 'set-skipped')).toBe(false);
    }
  });

  it('rejects two environments with one id and a bad count before running anything', async () => {
    const executor = scripted(async (set, run) => run.onFinished(finishedOf(set)));
    await expect(
      generateScenarioSets({ ...base, sets: [SETS[0]!, { envId: 'alpha', dir: '/other/alpha' }], executor }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('/other/alpha') });
    await expect(generateScenarioSets({ ...base, count: 0, executor })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(executor.started).toEqual([]);
  });
});

describe('the in-process executor', () => {
  it('reports a directory that fails to load or holds another environment as failed, and disposes it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'scengen-sets-'));
    dirs.push(root);
    const empty = join(root, 'empty');
    await mkdir(empty);
    let disposed = 0;
    const sets = [
      { envId: 'empty', dir: empty },
      { envId: 'not-library', dir: join(root, 'library') },
    ];
    const real = createInProcessScenarioSets({ model: new MockChatModel({ script: {} }) });
    const loadFromLibrary = createInProcessScenarioSets({
      model: new MockChatModel({ script: {} }),
      load: async () => Object.assign(libraryEnv(), { dispose: () => void disposed++ }),
    });
    const first = await generateScenarioSets({
      sets: sets.slice(0, 1),
      out: root,
      count: 1,
      executor: real,
      keepGoing: true,
    });
    expect(first.skipped).toEqual([{ envId: 'empty', dir: empty, reason: expect.stringContaining(empty) }]);
    const second = await generateScenarioSets({
      sets: sets.slice(1),
      out: root,
      count: 1,
      executor: loadFromLibrary,
    }).catch((e: unknown) => e);
    expect(second).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('not not-library'),
    });
    expect(disposed).toBe(1);
  });
});
