import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
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
import { runCli } from '../index.js';
import { createScenariosHandler, runScenarioJobs } from '../jobs/scenario-jobs.js';
import { model, writeShelves } from './worker-scenarios.fixtures.js';

let root: string;
let envs: string;
let redis: RedisServer;
const ENV_IDS = ['shelf-a', 'shelf-b', 'shelf-c'];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-scenario-jobs-'));
  envs = path.join(root, 'envs');
  await writeShelves(envs, ENV_IDS);
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
  await rm(root, { recursive: true, force: true });
});

/** scenarios/<envId>.jsonl without timestamps. */
async function scenarioFiles(out: string): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {};
  for (const name of (await readdir(path.join(out, 'scenarios')))
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    files[name] = (await readFile(path.join(out, 'scenarios', name), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => {
        const s = JSON.parse(l);
        delete s.provenance.createdAt;
        return s;
      });
  }
  return files;
}

describe('scenario generation as jobs (one per environment)', () => {
  it('in-process and on two Redis workers give the same scenario files; a re-run queues nothing', async () => {
    const common = { envs, count: 1, concurrency: 1, solverAttempts: 1 };
    const local = path.join(root, 'local');
    const a = await runScenarioJobs({
      ...common,
      out: local,
      backend: createInProcessBackend({ concurrency: 2 }),
      handler: createScenariosHandler({ model: model() }),
    });
    expect(a.map((o) => [o.envId, o.kept])).toEqual(ENV_IDS.map((id) => [id, 1]));

    const models = [model(), model()];
    const workers = models.map((m) =>
      startWorker({
        url: redis.url,
        queueName: 'scen',
        concurrency: 1,
        handlers: { scenarios: createScenariosHandler({ model: m }) as JobHandler<never> },
      }),
    );
    try {
      const distributed = path.join(root, 'distributed');
      const b = await runScenarioJobs({
        ...common,
        out: distributed,
        backend: createRedisBackend({
          url: redis.url,
          queueName: 'scen',
          concurrency: 0,
          pollIntervalMs: 50,
        }),
      });
      expect(b).toEqual(a.map((o) => ({ ...o, scenarios: o.scenarios.replace(local, distributed) })));
      expect(await scenarioFiles(distributed)).toEqual(await scenarioFiles(local));
      const calls = models.map((m) => m.calls.length);
      expect(calls.every((n) => n > 0)).toBe(true);
      await runScenarioJobs({
        ...common,
        out: distributed,
        backend: createRedisBackend({
          url: redis.url,
          queueName: 'scen',
          concurrency: 0,
          pollIntervalMs: 50,
        }),
      });
      expect(models.map((m) => m.calls.length)).toEqual(calls);

      // The same coordinator through the CLI flag: a third run over the finished directory queues nothing.
      const printed: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => (
        printed.push(String(chunk)),
        true
      )) as typeof process.stdout.write;
      try {
        const code = await runCli({
          argv: [
            'scenarios',
            '--envs',
            envs,
            '--out',
            distributed,
            '--count',
            '1',
            '--solver-attempts',
            '1',
            '--concurrency',
            '1',
            '--backend',
            'redis',
            '--redis',
            redis.url,
            '--queue',
            'scen',
            '--quiet',
          ],
        });
        expect(code).toBe(0);
      } finally {
        process.stdout.write = write;
      }
      // the lines of an in-process run, read back from each environment's report
      expect(printed.join('')).toBe(
        ENV_IDS.map(
          (id) =>
            `${id}: 1/1 scenarios (1 candidates) → ${path.join(distributed, 'scenarios', `${id}.jsonl`)}\n`,
        ).join(''),
      );
      expect(models.map((m) => m.calls.length)).toEqual(calls);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 120_000);
});
