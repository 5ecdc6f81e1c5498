import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFsArtifactStore,
  createInProcessBackend,
  createRedisBackend,
  createRedisRateLimiter,
  getQueueStatus,
  jobKey,
  runJobs,
  startRedisServer,
  startWorker,
  type ArtifactStore,
  type JobHandler,
  type JobSpec,
  type JobWorker,
  type RedisServer,
} from './index.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-jobs-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function specs(n: number, prefix = 'j'): JobSpec<{ n: number }>[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'episode' as const,
    key: jobKey('episode', { prefix, i }),
    payload: { n: i },
    artifact: `out/${prefix}-${i}.json`,
  }));
}

/** Writes `{ n }` to the job's artifact after `delayMs`; counts calls per key. */
function writer(store: ArtifactStore, options: { delayMs?: number; failOn?: number } = {}) {
  const calls = new Map<string, number>();
  const handler: JobHandler<{ n: number }> = async (job) => {
    calls.set(job.key, (calls.get(job.key) ?? 0) + 1);
    await sleep(options.delayMs ?? 5);
    if (job.payload.n === options.failOn) throw new Error(`job ${job.payload.n} is broken`);
    await store.put(job.artifact!, JSON.stringify({ n: job.payload.n }));
  };
  return { handler, calls };
}

describe('filesystem artifact store', () => {
  it('writes atomically, keeps the first write, lists sorted and rejects escaping names', async () => {
    const store = createFsArtifactStore({ root: path.join(root, 'store') });
    expect(await store.put('a/b/x.json', '1')).toBe(true);
    expect(await store.put('a/b/x.json', '2')).toBe(false);
    expect(await store.get('a/b/x.json')).toBe('1');
    await store.put('a/b/w.json', '3');
    expect(await store.list('a/b')).toEqual(['a/b/w.json', 'a/b/x.json']);
    expect(await readdir(path.join(root, 'store', 'a', 'b'))).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]),
    );
    expect(await store.get('missing.json')).toBeUndefined();
    expect(await store.list('nothing')).toEqual([]);
    await expect(store.put('../escape', 'x')).rejects.toThrow(/invalid artifact name/);
    await expect(store.put('/abs', 'x')).rejects.toThrow(/invalid artifact name/);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('race.json', String(i))));
    expect([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
    ]).toContain(await store.get('race.json'));
  });
});

describe('in-process backend', () => {
  it('runs each key once, skips jobs whose artifact exists, keeps going past a failure', async () => {
    const store = createFsArtifactStore({ root: path.join(root, 'inproc') });
    const jobs = specs(10);
    await store.put(jobs[0]!.artifact!, JSON.stringify({ n: 0 }));
    const { handler, calls } = writer(store, { failOn: 3 });
    const seen: number[] = [];
    const result = await runJobs({
      backend: createInProcessBackend({ concurrency: 3 }),
      jobs: [...jobs, jobs[5]!, jobs[6]!],
      handler,
      store,
      onProgress: (p) => seen.push(p.done + p.failed),
    });
    expect(result.skipped).toBe(1);
    expect(result.done).toHaveLength(9);
    expect(result.failed).toEqual([{ job: jobs[3], error: 'job 3 is broken' }]);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    expect(calls.size).toBe(9);
    expect(Math.max(...seen)).toBe(10);
    expect(await store.list('out')).toHaveLength(9);
  });

  it('throws ABORTED when cancelled and resumes on the next run', async () => {
    const store = createFsArtifactStore({ root: path.join(root, 'inproc-abort') });
    const jobs = specs(12);
    const controller = new AbortController();
    const { handler } = writer(store, { delayMs: 20 });
    await expect(
      runJobs({
        backend: createInProcessBackend({ concurrency: 2 }),
        jobs,
        handler,
        store,
        signal: controller.signal,
        onProgress: (p) => p.done >= 4 && controller.abort(),
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const again = await runJobs({
      backend: createInProcessBackend({ concurrency: 2 }),
      jobs,
      handler,
      store,
    });
    expect(again.skipped).toBeGreaterThanOrEqual(4);
    expect(again.done).toHaveLength(12);
  });
});

describe('redis backend', () => {
  let redis: RedisServer;
  const workers: JobWorker[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });
  afterAll(() => redis?.stop());

  it('distributes jobs over two workers, deduplicates by key, keeps failures with their error, status shows them', async () => {
    const store = createFsArtifactStore({ root: path.join(root, 'redis-1') });
    const jobs = specs(30, 'r1');
    const a = writer(store, { delayMs: 20, failOn: 7 });
    const b = writer(store, { delayMs: 20, failOn: 7 });
    const queueName = 'dist';
    workers.push(
      startWorker({
        url: redis.url,
        queueName,
        handlers: { episode: a.handler as JobHandler<never> },
        concurrency: 3,
      }),
    );
    workers.push(
      startWorker({
        url: redis.url,
        queueName,
        handlers: { episode: b.handler as JobHandler<never> },
        concurrency: 3,
      }),
    );
    const backend = createRedisBackend({ url: redis.url, queueName, pollIntervalMs: 50 });
    try {
      const result = await runJobs({ backend, jobs: [...jobs, ...jobs.slice(0, 5)], store });
      expect(result.done).toHaveLength(29);
      expect(result.failed).toEqual([{ job: jobs[7], error: 'job 7 is broken' }]);
      expect(a.calls.size).toBeGreaterThan(0);
      expect(b.calls.size).toBeGreaterThan(0);
      const perKey = new Map<string, number>();
      for (const m of [a.calls, b.calls]) for (const [k, n] of m) perKey.set(k, (perKey.get(k) ?? 0) + n);
      expect(perKey.size).toBe(30);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
      expect(await store.list('out')).toHaveLength(29);

      const status = await getQueueStatus({ url: redis.url, queueName });
      const episode = status.find((s) => s.kind === 'episode')!;
      expect(episode.counts).toMatchObject({ waiting: 0, active: 0, completed: 0, failed: 1 });
      expect(episode.failed[0]).toMatchObject({ key: jobs[7]!.key, error: 'job 7 is broken' });
      expect(episode.workers).toBeGreaterThanOrEqual(2);

      // A re-run retries the failed job (same id) and skips the rest.
      await Promise.all(workers.splice(0).map((w) => w.close()));
      const fixed = writer(store);
      const again = await runJobs({ backend, jobs, store, handler: fixed.handler });
      expect(again.skipped).toBe(29);
      expect(again.failed).toEqual([]);
      expect(await store.list('out')).toHaveLength(30);
    } finally {
      await backend.close();
    }
  });

  it("retries a crashed worker's job on another worker after its lock expires", async () => {
    const store = createFsArtifactStore({ root: path.join(root, 'redis-stall') });
    const jobs = specs(4, 'stall');
    const queueName = 'stall';
    // Worker 1 takes a job and "dies": its handler never returns and its lock is not renewed.
    let grabbed = 0;
    const dead = startWorker({
      url: redis.url,
      queueName,
      concurrency: 1,
      lockDurationMs: 1000,
      stalledIntervalMs: 500,
      handlers: {
        episode: (async () => {
          grabbed++;
          await new Promise(() => undefined);
        }) as JobHandler<never>,
      },
    });
    const backend = createRedisBackend({ url: redis.url, queueName, pollIntervalMs: 50 });
    const run = runJobs({ backend, jobs, store });
    while (grabbed === 0) await sleep(20);
    // Stop its lock renewal the way a kill -9 would: close the connection under it.
    void dead.close({ force: true }).catch(() => undefined);
    const live = writer(store, { delayMs: 10 });
    workers.push(
      startWorker({
        url: redis.url,
        queueName,
        concurrency: 2,
        lockDurationMs: 1000,
        stalledIntervalMs: 500,
        handlers: { episode: live.handler as JobHandler<never> },
      }),
    );
    try {
      const result = await run;
      expect(result.done).toHaveLength(4);
      expect(live.calls.size).toBe(4);
    } finally {
      await backend.close();
    }
  }, 30_000);

  it('survives a Redis restart mid-run (queue lost): jobs are queued again and finished work is kept', async () => {
    const store = createFsArtifactStore({ root: path.join(root, 'redis-restart') });
    const jobs = specs(40, 'rs');
    const queueName = 'restart';
    const w = writer(store, { delayMs: 40 });
    workers.push(
      startWorker({
        url: redis.url,
        queueName,
        handlers: { episode: w.handler as JobHandler<never> },
        concurrency: 4,
        lockDurationMs: 2000,
        stalledIntervalMs: 1000,
      }),
    );
    const backend = createRedisBackend({ url: redis.url, queueName, pollIntervalMs: 50 });
    let restarted = false;
    try {
      const result = await runJobs({
        backend,
        jobs,
        store,
        onProgress: (p) => {
          if (!restarted && p.done >= 10) {
            restarted = true;
            void redis.restart({ downMs: 300 });
          }
        },
      });
      expect(restarted).toBe(true);
      expect(result.done).toHaveLength(40);
      expect(result.failed).toEqual([]);
      expect(await store.list('out')).toHaveLength(40);
    } finally {
      await backend.close();
    }
  }, 60_000);

  it('fails with a clear BACKEND_ERROR when Redis stays down', async () => {
    const server = await startRedisServer();
    const store = createFsArtifactStore({ root: path.join(root, 'redis-down') });
    const backend = createRedisBackend({
      url: server.url,
      queueName: 'down',
      pollIntervalMs: 50,
      unavailableTimeoutMs: 1500,
    });
    try {
      const run = runJobs({ backend, jobs: specs(3, 'down'), store });
      await sleep(300);
      await server.kill();
      await expect(run).rejects.toMatchObject({
        code: 'BACKEND_ERROR',
        message: expect.stringMatching(/unreachable.*run the same command again/),
      });
    } finally {
      await backend.close();
      await server.stop();
    }
  }, 30_000);

  it('shares a model-call rate limit across limiters', async () => {
    const one = createRedisRateLimiter({ url: redis.url, max: 5, durationMs: 400, key: 'test:rl' });
    const two = createRedisRateLimiter({ url: redis.url, max: 5, durationMs: 400, key: 'test:rl' });
    try {
      const started = Date.now();
      await Promise.all(Array.from({ length: 15 }, (_, i) => (i % 2 ? one : two).acquire()));
      // 15 calls at 5 per 400 ms window need at least two full windows after the first.
      expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
