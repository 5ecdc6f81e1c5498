import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@envscaler/core';
import {
  createInProcessBackend,
  createRedisBackend,
  startRedisServer,
  type RedisServer,
} from '@envscaler/jobs';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { resolveChatModel } from '../model.js';
import { runCli } from '../index.js';
import { runRolloutCommand } from './rollout.js';
import { runStatusCommand } from './status.js';
import { rateLimitOption } from './worker.js';
import { createEpisodeHandler } from '../jobs/episode-jobs.js';
import { runRolloutJobs } from '../jobs/rollout-jobs.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.fixtures.js';
import { writeCountersEnv } from './counters-env.fixtures.js';


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

const SCENARIOS = 8;
const TRIALS = 2;

let root: string;
let envs: string;
let scenarios: string;
let redis: RedisServer;
let mock: MockOpenAIServer;
let modelEnv: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

/** A deterministic agent: one tool call (with a fixed id) to reach the target, then "Done.". */
async function startMock(): Promise<MockOpenAIServer> {
  return createMockOpenAIServer({
    latencyMs: 150,
    script: (request) => {
      if (request.messages.some((m) => m.role === 'tool')) return 'Done.';
      const text = request.messages
        .filter((m) => m.role === 'user')
        .map((m) => m.content)
        .join(' ');
      const target = Number(/(\d+)/.exec(text)?.[1] ?? 1);
      return { toolCalls: [{ id: 'call_add', name: 'add', arguments: { name: 'a', by: target - 1 } }] };
    },
  });
}

/** A worker running two jobs at a time with a short lock; extra flags in `args`. */
function startWorker(args: string[] = []): WorkerProcess {
  const worker = startWorkerProcess({
    args: ['--redis', redis.url, '--concurrency', '2', '--lock-duration', '1500', ...args],
    env: { ...process.env, ...modelEnv },
  });
  children.push(worker.child);
  return worker;
}

/** A trajectory without the fields that depend on timing. */
function stable(t: Record<string, unknown>): Record<string, unknown> {
  const { durationMs: _d, startedAt: _s, ...rest } = t;
  return rest;
}

async function runFiles(dir: string): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {};
  for (const name of (await readdir(path.join(dir, 'episodes'))).sort()) {
    files[`episodes/${name}`] = stable(JSON.parse(await readFile(path.join(dir, 'episodes', name), 'utf8')));
  }
  const lines = (await readFile(path.join(dir, 'trajectories.jsonl'), 'utf8')).trim().split('\n');
  files['trajectories.jsonl'] = lines.map((l) => stable(JSON.parse(l)));
  const { createdAt: _c, ...summary } = JSON.parse(await readFile(path.join(dir, 'summary.json'), 'utf8'));
  files['summary.json'] = summary;
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-worker-'));
  envs = path.join(root, 'envs');
  await writeCountersEnv({ envs, introduction: 'You manage counters.', rules: ['Be exact.'] });
  scenarios = path.join(root, 'scenarios.jsonl');
  const list = Array.from({ length: SCENARIOS }, (_, i) => scenario(`s${String(i).padStart(2, '0')}`, 3 + i));
  await writeFile(scenarios, list.map((s) => JSON.stringify(s)).join('\n') + '\n');
  [redis, mock] = await Promise.all([startRedisServer(), startMock()]);
  modelEnv = { OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'test-key', ENVSCALER_MODEL: 'mock-model' };
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all([redis?.stop(), mock?.close()]);
  await rm(root, { recursive: true, force: true });
});

describe('distributed rollouts (real redis-server, worker processes)', () => {
  it('3 workers, one killed -9 mid-job, then a Redis restart: same artifacts as an in-process run, no duplicates', async () => {
    const agent = await resolveChatModel({ env: modelEnv, cwd: root });
    // Reference 1: the in-process job backend (same handler, same files).
    const reference = path.join(root, 'inprocess', 'run1');
    const episodes = createEpisodeHandler({ agent });
    const common = { envs, scenarios, trials: TRIALS, mode: 'non_conversational' as const };
    try {
      await runRolloutJobs({
        ...common,
        out: reference,
        backend: createInProcessBackend({ concurrency: 4 }),
        handler: episodes.handler,
      });
    } finally {
      await episodes.dispose();
    }
    // Reference 2: the classic in-process rollout (runRollouts): same trajectories, same summary.
    const classic = path.join(root, 'classic', 'run1');
    await runRolloutCommand({ ...common, concurrency: 4, out: classic, agent });

    const workers = [startWorker(), startWorker(), startWorker()];
    await Promise.all(workers.map((w) => w.waitFor(/ready/)));

    // Run A: kill -9 the first worker as soon as it has started a job.
    const outA = path.join(root, 'redis-a', 'run1');
    const victim = workers[0]!;
    const runA = runRolloutJobs({
      ...common,
      out: outA,
      backend: createRedisBackend({
        url: redis.url,
        queueName: 'envscaler',
        concurrency: 0,
        pollIntervalMs: 100,
      }),
    });
    const startedLine = await victim.waitFor(/^\S+ started /);
    victim.child.kill('SIGKILL');
    const killedJob = startedLine.split(' started ')[1]!;
    const resultA = await runA;
    expect(resultA.ran).toBe(SCENARIOS * TRIALS);
    // The killed worker's job was finished by a survivor.
    const survivorsDone = workers.slice(1).flatMap((w) => w.lines.filter((l) => / completed /.test(l)));
    expect(survivorsDone.some((l) => l.endsWith(` completed ${killedJob}`))).toBe(true);

    const expected = await runFiles(reference);
    expect(await runFiles(outA)).toEqual(expected);
    const lines = (await readFile(path.join(outA, 'trajectories.jsonl'), 'utf8')).trim().split('\n');
    expect(
      new Set(
        lines.map((l) => {
          const t = JSON.parse(l);
          return `${t.scenarioId}#${t.trial}`;
        }),
      ).size,
    ).toBe(SCENARIOS * TRIALS);
    expect(lines).toHaveLength(SCENARIOS * TRIALS);
    // The classic run has the same trajectories in the same order (scenario id, then trial, whatever order
    // they finished in) and the same summary.
    const classicLines = (await readFile(path.join(classic, 'trajectories.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => stable(JSON.parse(l)));
    expect(classicLines).toEqual(expected['trajectories.jsonl']);
    const { createdAt: _c, ...classicSummary } = JSON.parse(
      await readFile(path.join(classic, 'summary.json'), 'utf8'),
    );
    expect(classicSummary).toEqual(expected['summary.json']);

    // Run B, through the CLI flag: Redis is killed and restarted (losing every queued job) mid-run.
    const outB = path.join(root, 'redis-b', 'run1');
    const saved = { ...process.env };
    Object.assign(process.env, modelEnv);
    let restarted = false;
    const watcher = setInterval(() => {
      void readdir(path.join(outB, 'episodes')).then(
        (names) => {
          if (!restarted && names.length >= 4) {
            restarted = true;
            void redis.restart({ downMs: 500 });
          }
        },
        () => undefined,
      );
    }, 50);
    let code: number;
    try {
      code = await runCli({
        argv: [
          'rollout',
          '--backend',
          'redis',
          '--redis',
          redis.url,
          '--envs',
          envs,
          '--scenarios',
          scenarios,
          '--trials',
          String(TRIALS),
          '--out',
          outB,
          '--quiet',
        ],
      });
    } finally {
      clearInterval(watcher);
      process.env = saved;
    }
    expect(code).toBe(0);
    expect(restarted).toBe(true);
    expect(await runFiles(outB)).toEqual(expected);

    // A re-run finds everything done and queues nothing.
    const again = await runRolloutJobs({
      ...common,
      out: outB,
      backend: createRedisBackend({ url: redis.url, concurrency: 0, pollIntervalMs: 100 }),
    });
    expect(again).toMatchObject({ ran: 0, skipped: SCENARIOS * TRIALS });

    const { status, text } = await runStatusCommand({ redis: redis.url });
    const episode = status.find((s) => s.kind === 'episode')!;
    expect(episode.counts).toMatchObject({ waiting: 0, active: 0, failed: 0 });
    expect(episode.workers).toBe(2);
    expect(text).toContain('envscaler-episode');

    // SIGTERM: a worker finishes its running jobs, disconnects and exits 0.
    const exits = workers
      .slice(1)
      .map((w) => new Promise<number | null>((resolve) => w.child.once('exit', (c) => resolve(c))));
    for (const w of workers.slice(1)) w.child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
    expect(workers[1]!.lines.some((l) => /stopped: \d+ completed/.test(l))).toBe(true);
  }, 240_000);

  it('--rate-limit is shared by all workers: 2 workers × concurrency 2 stay within 4 calls per second', async () => {
    const times: number[] = [];
    const limited = await createMockOpenAIServer({
      latencyMs: () => (times.push(Date.now()), 0),
      script: (request) =>
        request.messages.some((m) => m.role === 'tool')
          ? 'Done.'
          : { toolCalls: [{ id: 'call_add', name: 'add', arguments: { name: 'a', by: 1 } }] },
    });
    const saved = modelEnv;
    modelEnv = { ...modelEnv, OPENAI_BASE_URL: limited.url };
    const args = ['--queue', 'limited', '--rate-limit', '4/1s', '--rate-key', 'test:limited'];
    const pair = [startWorker(args), startWorker(args)];
    modelEnv = saved;
    try {
      await Promise.all(pair.map((w) => w.waitFor(/ready/)));
      const out = path.join(root, 'limited', 'run1');
      const result = await runRolloutJobs({
        envs,
        scenarios,
        trials: 1,
        mode: 'non_conversational',
        out,
        backend: createRedisBackend({
          url: redis.url,
          queueName: 'limited',
          concurrency: 0,
          pollIntervalMs: 100,
        }),
      });
      expect(result.ran).toBe(SCENARIOS);
      // At least one agent call per step of every episode. On a heavily loaded machine a worker can lose a
      // job's lock and the job runs again (at-least-once delivery), so extra calls are possible here; the
      // rate limit below must hold for all of them.
      expect(times.length).toBeGreaterThanOrEqual(SCENARIOS * 2);
      // 16 calls at 4 per fixed 1 s window need at least 3 window changes.
      expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2900);
      // No sliding second ever sees more than two windows' worth.
      for (const t of times)
        expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(8);
      expect(pair.every((w) => w.lines.some((l) => / completed /.test(l)))).toBe(true);
    } finally {
      for (const w of pair) w.child.kill('SIGKILL');
      await limited.close();
    }
  }, 120_000);

  it('parses --rate-limit and rejects a missing --redis', async () => {
    expect(rateLimitOption('600/60s')).toEqual({ max: 600, durationMs: 60_000 });
    expect(rateLimitOption('10/500ms')).toEqual({ max: 10, durationMs: 500 });
    expect(rateLimitOption('5/1m')).toEqual({ max: 5, durationMs: 60_000 });
    expect(() => rateLimitOption('fast')).toThrow(/100\/60s/);
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      expect(await runCli({ argv: ['status'] })).toBe(2);
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved;
    }
  });
});
