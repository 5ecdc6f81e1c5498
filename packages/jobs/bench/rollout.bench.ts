// Scale-out benchmark: the same 200-episode rollout on 1 and on 2 worker processes. The endpoint is the
// mock OpenAI server answering after 200 ms; each worker runs at most 4 episodes at once (the per-worker
// cap), so one worker's throughput is bounded by the cap and a second worker should halve the time.
//   pnpm --filter @envscaler/jobs bench      (needs redis-server on PATH)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockOpenAIServer } from '@envscaler/testing';
import {
  createFsArtifactStore,
  createRedisBackend,
  jobKey,
  runJobs,
  startRedisServer,
  type JobSpec,
} from '../src/index.js';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 200);
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

async function run(workers: number): Promise<number> {
  const queueName = `bench${workers}`;
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

try {
  const one = await run(1);
  const two = await run(2);
  const ideal = (EPISODES * 2 * LATENCY_MS) / 1000 / CAP;
  const ratio = two / one;
  console.log(`episodes ${EPISODES}, 2 model calls each at ${LATENCY_MS} ms, per-worker cap ${CAP}`);
  console.log(`1 worker : ${one.toFixed(2)} s (ideal ${ideal.toFixed(2)} s)`);
  console.log(`2 workers: ${two.toFixed(2)} s (ideal ${(ideal / 2).toFixed(2)} s)`);
  console.log(`ratio 2/1: ${ratio.toFixed(3)} (target ≤ 0.6) ${ratio <= 0.6 ? 'OK' : 'ABOVE TARGET'}`);
  console.log(`mock endpoint: ${mock.requestCount} requests, max ${mock.maxInFlight} in flight`);
  process.exitCode = ratio <= 0.6 ? 0 : 1;
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await mock.close();
  await redis.stop();
  await rm(root, { recursive: true, force: true });
}
