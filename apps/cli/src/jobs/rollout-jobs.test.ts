import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, Scenario } from '@envscaler/core';
import { createInProcessBackend } from '@envscaler/jobs';
import { MockChatModel } from '@envscaler/testing';
import { writeCountersEnv } from '../commands/counters-env.fixtures.js';
import { runRolloutCommand } from '../commands/rollout.js';
import { createEpisodeHandler } from './episode-jobs.js';
import { runRolloutJobs } from './rollout-jobs.js';

function scenario(id: string, target: number): Scenario {
  return {
    schemaVersion: 1,
    id,
    envId: 'counters',
    initialState: { counters: { a: 1 } },
    task: `Make counter a equal ${target}.`,
    checklist: [
      {
        id: 'target',
        description: 'a reached the target',
        source: `(final: Readonly<State>) => final.counters.a === ${target}`,
      },
    ],
    provenance: { createdAt: '2026-01-01T00:00:00.000Z' },
  };
}

/** One tool call (fixed id) to reach the target named in the task, then "Done.". */
function agent() {
  return new MockChatModel({
    script: {
      agent: (request: ChatRequest) => {
        if (request.messages.some((m) => m.role === 'tool')) return 'Done.';
        const text = request.messages
          .filter((m) => m.role === 'user')
          .map((m) => m.content)
          .join(' ');
        const target = Number(/(\d+)/.exec(text)?.[1] ?? 1);
        return { toolCalls: [{ id: 'call_add', name: 'add', arguments: { name: 'a', by: target - 1 } }] };
      },
    },
  });
}

let root: string;
let envs: string;
let scenarios: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-rollout-jobs-'));
  envs = path.join(root, 'envs');
  await writeCountersEnv({ envs });
  scenarios = path.join(root, 'scenarios.jsonl');
  const list = [scenario('s2', 2), scenario('s1', 7), scenario('s3', 4)];
  await writeFile(scenarios, list.map((s) => JSON.stringify(s)).join('\n') + '\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** trajectories.jsonl as `scenarioId#trial` plus the fields that do not depend on timing. */
async function lines(out: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(out, 'trajectories.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => {
      const { durationMs: _d, startedAt: _s, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return rest;
    });
}

async function viaJobs(out: string, trials: number) {
  const episodes = createEpisodeHandler({ agent: agent() });
  try {
    return await runRolloutJobs({
      envs,
      scenarios,
      trials,
      out,
      mode: 'non_conversational',
      backend: createInProcessBackend({ concurrency: 3 }),
      handler: episodes.handler,
    });
  } finally {
    await episodes.dispose();
  }
}

describe('rollouts on a job backend follow the in-process rules', () => {
  it('a re-run with fewer trials keeps the other trials in trajectories.jsonl, as in-process', async () => {
    const jobsOut = path.join(root, 'jobs', 'run');
    const classicOut = path.join(root, 'classic', 'run');
    const common = { envs, scenarios, mode: 'non_conversational' as const, concurrency: 3 };
    await viaJobs(jobsOut, 2);
    await runRolloutCommand({ ...common, trials: 2, out: classicOut, agent: agent() });
    const second = await viaJobs(jobsOut, 1);
    await runRolloutCommand({ ...common, trials: 1, out: classicOut, agent: agent() });

    expect(second).toMatchObject({ ran: 0, skipped: 3 });
    expect(second.summary.episodes).toBe(3);
    const kept = await lines(jobsOut);
    // Before one engine, the job path rewrote trajectories.jsonl with this run's trials only.
    expect(kept.map((t) => `${t.scenarioId}#${t.trial}`)).toEqual([
      's1#0',
      's1#1',
      's2#0',
      's2#1',
      's3#0',
      's3#1',
    ]);
    expect(kept).toEqual(await lines(classicOut));
  });

  it("collects episode files an interrupted coordinator left behind as an earlier run's episodes", async () => {
    const out = path.join(root, 'orphans', 'run');
    const first = await viaJobs(out, 1);
    expect(first).toMatchObject({ ran: 3, skipped: 0 });
    const before = await lines(out);
    // The coordinator died before collecting: the workers' files exist, trajectories.jsonl does not.
    await rm(path.join(out, 'trajectories.jsonl'));
    const again = await viaJobs(out, 1);
    expect(again).toMatchObject({ ran: 0, skipped: 3 });
    expect(await lines(out)).toEqual(before);
    // Their calls count as an earlier run's (cached), as for episodes already in trajectories.jsonl.
    expect(first.summary.usage.calls).toBeGreaterThan(0);
    expect(first.summary.usage.cachedCalls).toBe(0);
    expect(again.summary.usage.promptTokens).toBe(first.summary.usage.promptTokens);
    expect(again.summary.usage.cachedCalls).toBe(first.summary.usage.calls);
  });
});
