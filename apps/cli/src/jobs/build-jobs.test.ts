import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBackend } from '@envscaler/jobs';
import type { BuildReport } from '@envscaler/skelbuilder';
import { createScriptedChatModel } from '@envscaler/skelbuilder/testing';
import { createProgressReporter, type ProgressEvent } from '../progress.js';
import { envs, settings, tasks } from '../commands/worker-build.fixtures.js';
import { createBuildHandler, runBuildJobs } from './build-jobs.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-build-jobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// These are rules of skelbuilder's `buildEnvironments`, which a job build must go through: a coordinator
// with its own flow (mining, queueing, a report from the markers) would show none of them.
describe('runBuildJobs is buildEnvironments with a job executor', () => {
  it('reports the logic and quality steps from the jobs, and writes a partial report on interrupt', async () => {
    const out = path.join(root, 'interrupted');
    const controller = new AbortController();
    const build = createBuildHandler({ model: createScriptedChatModel({ envs }) });
    const events: ProgressEvent[] = [];
    // Interrupted once the first environment is reported built: the other jobs are not started.
    const progress = createProgressReporter({
      mode: 'json',
      write: (text) => {
        const event = JSON.parse(text) as ProgressEvent;
        events.push(event);
        if (event.stage === 'logic' && event.done === 1) controller.abort();
      },
    });
    try {
      await expect(
        runBuildJobs({
          ...settings,
          concurrency: 1,
          tasks,
          out,
          model: createScriptedChatModel({ envs }),
          backend: createInProcessBackend({ concurrency: 1 }),
          handler: build.handler,
          signal: controller.signal,
          progress,
        }),
      ).rejects.toMatchObject({ code: 'ABORTED' });
    } finally {
      await build.dispose();
    }
    const partial = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(partial.aborted).toBe(true);
    expect(partial.envs).toHaveLength(1);
    expect(partial.funnel.map((f) => f.stage)).toEqual([
      'topic-judge',
      'topic-infer',
      'topic-score',
      'topic-dedup',
    ]);
    expect(events.some((e) => e.stage === 'logic' && e.done === 1)).toBe(true);

    // The re-run counts the finished environment as an earlier run's and builds the rest.
    const rebuild = createBuildHandler({ model: createScriptedChatModel({ envs }) });
    let again: BuildReport;
    try {
      again = await runBuildJobs({
        ...settings,
        tasks,
        out,
        model: createScriptedChatModel({ envs }),
        backend: createInProcessBackend({ concurrency: 2 }),
        handler: rebuild.handler,
      });
    } finally {
      await rebuild.dispose();
    }
    expect(again.aborted).toBe(false);
    expect(again.envs.map((e) => e.envId)).toEqual([...again.envs.map((e) => e.envId)].sort());
    expect(again.envs).toContainEqual(partial.envs[0]);
    expect(again.funnel.map((f) => f.stage).slice(-2)).toEqual(['logic', 'quality']);
  }, 120_000);
});
