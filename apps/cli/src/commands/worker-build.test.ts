import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInProcessBackend,
  createRedisBackend,
  startRedisServer,
  startWorker,
  type JobHandler,
  type RedisServer,
} from '@envscaler/jobs';
import { buildEnvironments, type BuildReport } from '@envscaler/skelbuilder';
import { createScriptedChatModel, scriptedAnswer } from '@envscaler/skelbuilder/testing';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { runCli } from '../index.js';
import { createBuildHandler, runBuildJobs } from '../jobs/build-jobs.js';
import { envFiles, envs, settings, tasks } from './worker-build.fixtures.js';

let root: string;
let redis: RedisServer;
let server: MockOpenAIServer;
const saved = { ...process.env };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-build-jobs-'));
  await writeFile(path.join(root, 'tasks.jsonl'), tasks.map((t) => JSON.stringify(t)).join('\n'));
  redis = await startRedisServer();
  server = await createMockOpenAIServer({
    script: (request) =>
      scriptedAnswer({ envs }, { stage: request.stage ?? 'unknown', messages: request.messages }),
  });
});
afterAll(async () => {
  process.env = saved;
  await server?.close();
  await redis?.stop();
  await rm(root, { recursive: true, force: true });
});

const redisBackend = () =>
  createRedisBackend({ url: redis.url, queueName: 'build', concurrency: 0, pollIntervalMs: 50 });

describe('envscaler build as jobs (topic mining on the coordinator, one build-env job per topic)', () => {
  it('two Redis workers give the environments and funnel of an in-process build; a re-run queues nothing', async () => {
    const local = path.join(root, 'local');
    const reference: BuildReport = await buildEnvironments({
      ...settings,
      tasks,
      model: createScriptedChatModel({ envs }),
      out: local,
      typecheckThread: false,
    });
    expect(reference.envs.map((e) => [e.envId, e.status, e.stage])).toEqual([
      ['bike-sharing-docks', 'dropped', 'quality'],
      ['gym-class-timetable', 'dropped', 'logic-repair'],
      ['public-library-loans', 'kept', undefined],
      ['volunteer-shift-rota', 'kept', undefined],
    ]);
    expect(Object.keys(await envFiles(local))).toEqual(
      expect.arrayContaining([
        path.join('envs', 'public-library-loans', 'env.ts'),
        path.join('envs', 'public-library-loans', 'env.json'),
        path.join('envs', 'public-library-loans', 'quality.json'),
      ]),
    );

    // The same coordinator with the in-process backend.
    const inprocess = path.join(root, 'inprocess');
    const build = createBuildHandler({ model: createScriptedChatModel({ envs }) });
    let viaJobs: BuildReport;
    try {
      viaJobs = await runBuildJobs({
        ...settings,
        tasks,
        out: inprocess,
        model: createScriptedChatModel({ envs }),
        backend: createInProcessBackend({ concurrency: 2 }),
        handler: build.handler,
      });
    } finally {
      await build.dispose();
    }
    expect(await envFiles(inprocess)).toEqual(await envFiles(local));
    expect(viaJobs.funnel).toEqual(reference.funnel);
    expect(viaJobs.envs).toEqual(reference.envs);

    const models = [createScriptedChatModel({ envs }), createScriptedChatModel({ envs })];
    const handlers = models.map((model) => createBuildHandler({ model }));
    const workers = handlers.map((h) =>
      startWorker({
        url: redis.url,
        queueName: 'build',
        concurrency: 1,
        handlers: { 'build-env': h.handler as JobHandler<never> },
      }),
    );
    try {
      const distributed = path.join(root, 'distributed');
      const coordinator = createScriptedChatModel({ envs });
      const report = await runBuildJobs({
        ...settings,
        tasks,
        out: distributed,
        model: coordinator,
        backend: redisBackend(),
      });
      expect(await envFiles(distributed)).toEqual(await envFiles(local));
      expect(report.funnel).toEqual(reference.funnel);
      expect(report.envs).toEqual(reference.envs);
      expect(report.dedup).toEqual(reference.dedup);
      const saved = JSON.parse(await readFile(path.join(distributed, 'report.json'), 'utf8')) as BuildReport;
      expect(saved.funnel).toEqual(reference.funnel);
      // Mining ran on the coordinator; only the per-topic stages ran on the workers.
      expect(coordinator.calls.every((c) => c.stage?.startsWith('topic-'))).toBe(true);
      const workerCalls = models.flatMap((m) => m.calls);
      expect(workerCalls.length).toBeGreaterThan(0);
      expect(workerCalls.some((c) => c.stage?.startsWith('topic-'))).toBe(false);
      expect(report.totalTokens.calls).toBe(coordinator.calls.length + workerCalls.length);

      const calls = models.map((m) => m.calls.length);
      const coordinatorCalls = coordinator.calls.length;
      const again = await runBuildJobs({
        ...settings,
        tasks,
        out: distributed,
        model: coordinator,
        backend: redisBackend(),
      });
      expect(models.map((m) => m.calls.length)).toEqual(calls);
      expect(coordinator.calls.length).toBe(coordinatorCalls);
      expect(again.funnel).toEqual(reference.funnel);
      expect(again.totalTokens.calls).toBe(0);

      // The same coordinator through the CLI flag: over the finished directory it queues nothing.
      process.env.OPENAI_BASE_URL = server.url;
      process.env.OPENAI_API_KEY = 'test-key';
      process.env.ENVSCALER_MODEL = 'mock-model';
      delete process.env.ENVSCALER_EMBEDDING_MODEL;
      const printed: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => (
        printed.push(String(chunk)),
        true
      )) as typeof process.stdout.write;
      try {
        const code = await runCli({
          argv: [
            'build',
            '--tasks',
            path.join(root, 'tasks.jsonl'),
            '--out',
            distributed,
            '--tester-steps',
            '8',
            '--concurrency',
            '2',
            '--backend',
            'redis',
            '--redis',
            redis.url,
            '--queue',
            'build',
            '--quiet',
          ],
        });
        expect(code).toBe(0);
      } finally {
        process.stdout.write = write;
      }
      const kept = reference.envs.filter((e) => e.status === 'kept').length;
      expect(printed.join('')).toContain(`${kept} environment(s) from ${tasks.length} task(s)`);
      expect(models.map((m) => m.calls.length)).toEqual(calls);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(handlers.map((h) => h.dispose()));
    }
  }, 180_000);
});
