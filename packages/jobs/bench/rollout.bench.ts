// Scale-out benchmark: the same 100-episode rollout on 1 and on 2 worker processes, alternating, five
// times each (the ratio 2/1 paired per round). The endpoint is the mock OpenAI server answering after
// 200 ms; each worker runs at most 4 episodes at once (the per-worker cap), so one worker's throughput is
// bounded by the cap and a second worker should halve the time. Every run must finish every episode.
//   pnpm --filter @envscaler/jobs bench      (needs redis-server on PATH)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockOpenAIServer } from '@envscaler/testing';
import { BenchSuite, alternate, per } from '@envscaler/testing/bench';
import {
  createFsArtifactStore,
  createRedisBackend,
  jobKey,
  runJobs,
  startRedisServer,
  type JobSpec,
} from '../src/index.js';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 100);
const ROUNDS = 5;
const CAP = Number(process.env.BENCH_CAP ?? 4);
const LATENCY_MS = 200;
const here = path.dirname(fileURLToPath(import.meta.url));

const redis = await startRedisServer();
const mock = await createMockOpenAIServer({
  latencyMs: LATENCY_MS,
  script: (request) =>
    request.messages.some((m) => m.role === 'tool')
      ? 'Done.'
      : { toolCalls: [{ id: 'call_0', name: 'add', arguments: { by: 1 } }] },
});
const root = await mkdtemp(path.join(tmpdir(), 'envscaler-jobs-bench-'));
const children: ChildProcess[] = [];

async function startWorkers(n: number, queueName: string, out: string): Promise<ChildProcess[]> {
  const started = Array.from({ length: n }, () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@envscaler/source',
        path.join(here, 'worker.ts'),
        redis.url,
        queueName,
        String(CAP),
        mock.url,
        out,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    return child;
  });
  await Promise.all(
    started.map(
      (child) =>
        new Promise<void>((resolve) =>
          child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
        ),
    ),
  );
  return started;
}

/** One rollout on `workers` worker processes; `name` keeps each run's queue and artifacts apart. */
async function run(workers: number, name: string): Promise<number> {
  const queueName = `bench-${name}`;
  const out = path.join(root, queueName);
  const procs = await startWorkers(workers, queueName, out);
  const jobs: JobSpec[] = Array.from({ length: EPISODES }, (_, i) => {
    const payload = { scenario: `s${Math.floor(i / 2)}`, trial: i % 2 };
    return {
      kind: 'episode',
      key: jobKey('episode', payload),
      payload,
      artifact: `episodes/${payload.scenario}__${payload.trial}.json`,
    };
  });
  const backend = createRedisBackend({ url: redis.url, queueName, concurrency: 0, pollIntervalMs: 50 });
  const started = performance.now();
  try {
    const result = await runJobs({ backend, jobs, store: createFsArtifactStore({ root: out }) });
    if (result.done.length !== EPISODES) throw new Error(`only ${result.done.length} of ${EPISODES} done`);
  } finally {
    await backend.close();
  }
  const seconds = (performance.now() - started) / 1000;
  for (const p of procs) p.kill('SIGTERM');
  return seconds;
}

const suite = new BenchSuite('@envscaler/jobs');
let runs = 0;
try {
  const times = { one: [] as number[], two: [] as number[] };
  await alternate(
    { rounds: ROUNDS, warmup: 0 },
    {
      one: async () => void times.one.push(await run(1, `one${runs++}`)),
      two: async () => void times.two.push(await run(2, `two${runs++}`)),
    },
  );
  const ideal = (EPISODES * 2 * LATENCY_MS) / 1000 / CAP;
  suite.compare({
    id: 'scale-out',
    name: `scale-out: ${EPISODES} episodes (2 model calls each, mock endpoint answering after ${LATENCY_MS} ms, per-worker cap ${CAP}) on 2 worker processes, wall-clock`,
    unit: 's',
    samples: per(times.two, 1),
    baseline: { name: 'the same on 1 worker process', samples: per(times.one, 1) },
    target: { op: '<=', limit: 0.6 },
    note: `ideal ${ideal.toFixed(1)} s on 1 worker, ${(ideal / 2).toFixed(1)} s on 2; mock endpoint: ${mock.requestCount} requests, max ${mock.maxInFlight} in flight`,
  });
  suite.check({
    id: 'scale-out-results',
    name: 'scale-out results checked',
    ok: true,
    detail: `all ${2 * ROUNDS} runs finished all ${EPISODES} episodes (a run that does not throws)`,
  });
  suite.finish();
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await mock.close();
  await redis.stop();
  await rm(root, { recursive: true, force: true });
}
