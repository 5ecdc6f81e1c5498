import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildReport, EnvOutcome } from '@envscaler/core';
import {
  buildEnvironments,
  createInProcessBuilds,
  EnvTypeChecker,
  type EnvironmentBuildExecutor,
  type EnvironmentBuildRequest,
  type ExecuteBuildsOptions,
  type ProgressEvent,
  type TopicBuild,
} from '../src/index.js';
import { createScriptedChatModel, libraryScriptedEnvs } from '../src/testing.js';
import { inventory, parking } from './fixtures.js';

const packageDir = new URL('..', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
const tempOut = async () => {
  const out = await mkdtemp(join(packageDir, '.tmp-executor-'));
  dirs.push(out);
  return out;
};

const envs = [libraryScriptedEnvs()[0]!, parking, inventory];
const tasks = envs.map((e) => e.task);

/** A made-up build of one request: kept, or dropped at `stage`, with one call of its own. */
function fakeBuild(request: EnvironmentBuildRequest, stage?: 'logic-repair' | 'quality'): TopicBuild {
  const outcome: EnvOutcome = {
    envId: request.envId,
    topicId: request.topic.id,
    topic: request.topic.topic,
    taskIds: request.topic.taskIds,
    status: stage ? 'dropped' : 'kept',
    ...(stage ? { stage, reason: `fake ${stage} drop` } : { path: join('envs', request.envId) }),
  };
  return {
    outcome,
    tokens: {},
    calls: [{ stage: 'logic-model', model: 'fake-worker', promptTokens: 10, completionTokens: 5 }],
    cache: { hits: 2, misses: 1 },
    model: 'fake-worker',
  };
}

/**
 * A job-backend-like executor that never builds anything itself: it reports made-up builds in reverse
 * order, the first one as built by an earlier run and the last one twice (at-least-once delivery), and
 * no steps (like workers on other machines).
 */
function fakeExecutor(seen: ExecuteBuildsOptions[]): EnvironmentBuildExecutor {
  return {
    name: 'fake',
    async run(run) {
      seen.push(run);
      const builds = [...run.builds].reverse();
      for (const [i, request] of builds.entries()) {
        const build = fakeBuild(request, i === 1 ? 'quality' : i === 2 ? 'logic-repair' : undefined);
        await run.onFinished({ request, build, ...(i === 0 ? { earlier: true } : {}) });
        if (i === builds.length - 1) await run.onFinished({ request, build });
      }
    },
  };
}

describe('buildEnvironments with an executor', () => {
  it('applies its own funnel, usage and progress rules to whatever executor builds the environments', async () => {
    const out = await tempOut();
    const seen: ExecuteBuildsOptions[] = [];
    const events: ProgressEvent[] = [];
    const model = createScriptedChatModel({ envs });
    const report = await buildEnvironments({
      tasks,
      model,
      out,
      testerSteps: 8,
      thresholds: { quality: 0.9 },
      executor: fakeExecutor(seen),
      onProgress: (e) => events.push(e),
    });
    // The engine mined the topics and handed every one to the executor, with the settings as given.
    expect(seen).toHaveLength(1);
    const requests = seen[0]!.builds;
    expect(requests.map((r) => r.envId)).toHaveLength(3);
    expect(seen[0]!.settings).toMatchObject({ testerSteps: 8, qualityThreshold: 0.9 });
    expect(model.calls.every((c) => c.stage?.startsWith('topic-'))).toBe(true);

    // Funnel and environments in environment-id order, whatever order they were reported in; the
    // duplicated report counted once.
    const ids = requests.map((r) => r.envId).sort();
    expect(report.envs.map((e) => e.envId)).toEqual(ids);
    const [logic, quality] = report.funnel.slice(-2);
    expect(logic).toMatchObject({ stage: 'logic', in: 3, out: 2 });
    expect(quality).toMatchObject({ stage: 'quality', in: 2, out: 1 });
    expect(logic!.dropped.map((d) => d.stage)).toEqual(['logic-repair']);
    expect(quality!.dropped.map((d) => d.reason)).toEqual(['fake quality drop']);

    // The earlier run's build: its call is a replayed one, its cache counts and model are not this run's.
    const mining = model.calls.length;
    expect(report.totalTokens.calls).toBe(mining + 2);
    expect(report.totalTokens.cachedCalls).toBe(1);
    const saved = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(saved.envs).toEqual(report.envs);

    // Progress for the steps the executor did not see, derived from the outcomes.
    const last = (stage: string) => events.filter((e) => e.stage === stage).at(-1);
    expect(last('logic')).toEqual({ stage: 'logic', done: 3, total: 3, dropped: 1 });
    expect(last('quality')).toEqual({ stage: 'quality', done: 2, total: 2, dropped: 1 });
  }, 60_000);

  it('counts the cache hits of builds made now only, and rejects an executor that skips an environment', async () => {
    const model = createScriptedChatModel({ envs });
    const withFake = await buildEnvironments({
      tasks,
      model,
      out: await tempOut(),
      executor: fakeExecutor([]),
    });
    // Two builds made now add 2 hits and 1 miss each on top of mining's; the earlier one adds none.
    const mining = await buildEnvironments({
      tasks,
      model: createScriptedChatModel({ envs }),
      out: await tempOut(),
      executor: {
        name: 'none-built',
        async run(run) {
          for (const request of run.builds)
            await run.onFinished({ request, build: fakeBuild(request), earlier: true });
        },
      },
    });
    expect(withFake.cache.hits - mining.cache.hits).toBe(4);
    expect(withFake.cache.misses - mining.cache.misses).toBe(2);

    await expect(
      buildEnvironments({
        tasks,
        model: createScriptedChatModel({ envs }),
        out: await tempOut(),
        executor: { name: 'lazy', run: async () => undefined },
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('lazy executor') });
  }, 60_000);

  it('writes a partial report on abort, whichever executor was building', async () => {
    const out = await tempOut();
    const controller = new AbortController();
    await expect(
      buildEnvironments({
        tasks,
        model: createScriptedChatModel({ envs }),
        out,
        signal: controller.signal,
        executor: {
          name: 'aborting',
          async run(run) {
            const request = run.builds[0]!;
            await run.onFinished({ request, build: fakeBuild(request) });
            controller.abort(); // the executor then stops, reporting nothing more
          },
        },
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const partial = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(partial.aborted).toBe(true);
    expect(partial.envs).toHaveLength(1);
    expect(partial.funnel.map((f) => f.stage)).not.toContain('logic');
  }, 60_000);

  it('the default in-process executor is the same engine as an explicit one', async () => {
    const checker = new EnvTypeChecker({ thread: false });
    try {
      const settings = { tasks, testerSteps: 8, concurrency: 1, checker };
      const a = await buildEnvironments({
        ...settings,
        model: createScriptedChatModel({ envs }),
        out: await tempOut(),
      });
      const requested: string[] = [];
      const inner = createInProcessBuilds({
        model: createScriptedChatModel({ envs }),
        concurrency: 1,
        checker,
      });
      const b = await buildEnvironments({
        ...settings,
        model: createScriptedChatModel({ envs }),
        out: await tempOut(),
        executor: {
          name: 'wrapped',
          run: (run) => {
            requested.push(...run.builds.map((r) => r.envId));
            return inner.run(run);
          },
        },
      });
      expect(requested.sort()).toEqual(a.envs.map((e) => e.envId));
      const stable = (r: BuildReport) => ({ ...r, createdAt: '', wallTimeMs: 0 });
      expect(stable(b)).toEqual(stable(a));
    } finally {
      await checker.dispose();
    }
  }, 120_000);
});
