// Over 400 lines because createRedisBackend's run() is one polling loop (enqueue, artifact check, queue
// counts, reconcile, requeue) whose steps share the pending map, the requeue counts and the time of last
// contact with Redis; the worker side and getQueueStatus share its connection and timeout helpers.
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { EnvscalerError } from '@envscaler/core';
import { errorText } from './in-process.js';
import { bullJobId } from './keys.js';
import {
  JOB_KINDS,
  type JobBackend,
  type JobHandler,
  type JobHandlers,
  type JobKind,
  type JobSpec,
} from './types.js';

/** Default base name; each job kind has its own queue `<base>-<kind>` (e.g. `envscaler-episode`). */
export const DEFAULT_QUEUE_NAME = 'envscaler';

export function queueNameFor(base: string, kind: JobKind): string {
  if (base.includes(':'))
    throw new EnvscalerError('INVALID_INPUT', `queue name '${base}' may not contain ':'`);
  return `${base}-${kind}`;
}

/** Job-state reads sent to Redis at once. */
const BATCH = 200;

/** What a queued job carries (the `JobSpec` itself). */
type QueuedData = JobSpec;

/** Jobs allowed per time window, shared by every worker of a queue (BullMQ's global rate limit). */
export interface RateLimit {
  max: number;
  durationMs: number;
}

/** ioredis options BullMQ needs for blocking workers: never give up on a command while reconnecting. */
export function redisConnection(url: string): {
  url: string;
  maxRetriesPerRequest: null;
  retryStrategy: (times: number) => number;
} {
  checkUrl(url);
  return { url, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(200 * times, 2000) };
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `--redis must be a URL such as redis://127.0.0.1:6379, got '${url}'`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new EnvscalerError('INVALID_INPUT', `--redis must be a redis:// or rediss:// URL, got '${url}'`);
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes gracefully, or drops the connection when Redis does not answer in time (it may be down). */
async function closeOrDisconnect(
  client: { close(): Promise<void>; disconnect(): Promise<void> },
  ms: number,
): Promise<void> {
  try {
    await withTimeout(client.close(), ms, 'closing');
  } catch {
    await client.disconnect().catch(() => undefined);
  }
}

export interface WorkerTuning {
  /** Lock held by a worker on its job; a crashed worker's job is retried after it expires (default 30000). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired (default 30000, or lockDurationMs if smaller). */
  stalledIntervalMs?: number;
  /** Times a job may be recovered from a crashed worker before it fails (default 3). */
  maxStalledCount?: number;
}

export interface RedisBackendOptions extends WorkerTuning {
  url: string;
  /** Base queue name (default 'envscaler'); runs that share it share workers. */
  queueName?: string;
  /** Jobs this process runs itself when `runJobs` gets a handler (default 0 with no handler). */
  concurrency?: number;
  /** Sets the queues' global rate limit (jobs started per window across all workers). */
  limiter?: RateLimit;
  /** Attempts per job when its handler throws (default 1: a failing job is kept for inspection). */
  attempts?: number;
  /** Failed jobs are kept this long, then removed (default 7 days). */
  keepFailedSeconds?: number;
  /** How often the coordinator checks progress (default 250 ms). */
  pollIntervalMs?: number;
  /** How long Redis may be unreachable before the run fails with BACKEND_ERROR (default 60 s). */
  unavailableTimeoutMs?: number;
  /** A completed job whose artifact is missing is queued again at most this often (default 3). */
  maxRequeues?: number;
}

function jobOptions(job: JobSpec, options: { attempts: number; keepFailedSeconds: number }): JobsOptions {
  return {
    jobId: bullJobId(job.kind, job.key),
    attempts: options.attempts,
    backoff: { type: 'exponential', delay: 1000 },
    // Completed jobs go at once (their artifact is the result), so Redis holds only pending and failed work.
    removeOnComplete: true,
    removeOnFail: { age: options.keepFailedSeconds },
  };
}

/** Starts a BullMQ worker per handled kind. */
function createWorkers(options: {
  url: string;
  base: string;
  handlers: JobHandlers;
  concurrency: number;
  tuning: WorkerTuning;
  limiter?: RateLimit;
  name?: string;
  onEvent?: (event: WorkerEvent) => void;
}): Worker[] {
  const lockDuration = options.tuning.lockDurationMs ?? 30_000;
  const stalledInterval = options.tuning.stalledIntervalMs ?? Math.min(30_000, lockDuration);
  const workers: Worker[] = [];
  for (const kind of JOB_KINDS) {
    const handler = options.handlers[kind] as JobHandler | undefined;
    if (!handler) continue;
    const worker = new Worker<QueuedData>(
      queueNameFor(options.base, kind),
      async (job: Job<QueuedData>, _token?: string, signal?: AbortSignal) => {
        options.onEvent?.({ type: 'started', job: job.data });
        return handler(job.data, {
          signal: signal ?? new AbortController().signal,
          attempt: job.attemptsMade + 1,
        });
      },
      {
        connection: redisConnection(options.url),
        concurrency: options.concurrency,
        lockDuration,
        stalledInterval,
        maxStalledCount: options.tuning.maxStalledCount ?? 3,
        limiter: options.limiter
          ? { max: options.limiter.max, duration: options.limiter.durationMs }
          : undefined,
        name: options.name,
      },
    );
    worker.on('completed', (job) => options.onEvent?.({ type: 'completed', job: job.data }));
    worker.on(
      'failed',
      (job, error) => job && options.onEvent?.({ type: 'failed', job: job.data, error: error.message }),
    );
    worker.on('error', (error) => options.onEvent?.({ type: 'error', error: errorText(error) }));
    workers.push(worker);
  }
  return workers;
}

export type WorkerEvent =
  | { type: 'started' | 'completed'; job: JobSpec }
  | { type: 'failed'; job: JobSpec; error: string }
  /** A connection problem (e.g. Redis restarting); the worker keeps reconnecting. */
  | { type: 'error'; error: string };

/**
 * The BullMQ backend. `run` adds one job per spec to the queue of its kind with job id `<kind>-<key>`
 * (adding an id that is already queued does nothing), retries jobs a previous run left failed, and
 * waits. A job is done when its artifact exists (or, without an artifact, when it has left the queue);
 * a job that vanished without its artifact — Redis restarted without persistence — is queued again.
 */
export function createRedisBackend(options: RedisBackendOptions): JobBackend {
  const base = options.queueName ?? DEFAULT_QUEUE_NAME;
  checkUrl(options.url);
  const poll = options.pollIntervalMs ?? 250;
  const unavailableTimeout = options.unavailableTimeoutMs ?? 60_000;
  const attempts = options.attempts ?? 1;
  const keepFailedSeconds = options.keepFailedSeconds ?? 7 * 24 * 3600;
  const maxRequeues = options.maxRequeues ?? 3;
  const queues = new Map<JobKind, Queue<QueuedData>>();
  // One connection of our own for every queue, so close() can drop it even while Redis is down.
  let client: Redis | undefined;
  let workers: Worker[] = [];
  let lastRedisError = '';

  function queueFor(kind: JobKind): Queue<QueuedData> {
    let queue = queues.get(kind);
    if (!queue) {
      if (!client) {
        client = new Redis(options.url, {
          maxRetriesPerRequest: null,
          retryStrategy: (times) => Math.min(200 * times, 2000),
        });
        client.on('error', (error) => (lastRedisError = errorText(error)));
      }
      queue = new Queue<QueuedData>(queueNameFor(base, kind), { connection: client });
      queue.on('error', (error) => (lastRedisError = errorText(error)));
      queues.set(kind, queue);
    }
    return queue;
  }

  const backend: JobBackend = {
    name: 'redis',
    async run({ jobs, handler, isDone, onSettled, onRunning, signal }) {
      const pending = new Map<string, JobSpec>(jobs.map((job) => [bullJobId(job.kind, job.key), job]));
      const requeues = new Map<string, number>();
      let lastContact = Date.now();

      /** Runs one Redis round; Redis being down is retried until `unavailableTimeout`. */
      async function redisRound<T>(what: string, fn: () => Promise<T>, size = 0): Promise<T | undefined> {
        try {
          // Rounds over many jobs get more time: about one second per batch of 200 round trips.
          const value = await withTimeout(
            fn(),
            Math.max(2000, poll * 8) + Math.ceil(size / BATCH) * 1000,
            what,
          );
          lastContact = Date.now();
          return value;
        } catch (error) {
          if (Date.now() - lastContact > unavailableTimeout) {
            throw new EnvscalerError(
              'BACKEND_ERROR',
              `Redis at ${options.url} has been unreachable for ${Math.round((Date.now() - lastContact) / 1000)} s (${lastRedisError || errorText(error)}); finished work is saved — run the same command again to resume`,
              { cause: error },
            );
          }
          return undefined;
        }
      }

      /** The BullMQ state of each job, read in concurrent batches (one round trip per batch). */
      async function jobStates(list: readonly JobSpec[]): Promise<string[]> {
        const states: string[] = [];
        for (let i = 0; i < list.length; i += BATCH) {
          const batch = list.slice(i, i + BATCH);
          states.push(
            ...(await Promise.all(
              batch.map((job) => queueFor(job.kind).getJobState(bullJobId(job.kind, job.key))),
            )),
          );
        }
        return states;
      }

      async function enqueue(specs: JobSpec[]): Promise<void> {
        const byKind = new Map<JobKind, JobSpec[]>();
        for (const job of specs) byKind.set(job.kind, [...(byKind.get(job.kind) ?? []), job]);
        for (const [kind, list] of byKind) {
          const queue = queueFor(kind);
          if (options.limiter)
            await queue.setGlobalRateLimit(options.limiter.max, options.limiter.durationMs);
          const fresh: JobSpec[] = [];
          const states = await jobStates(list);
          for (const [i, job] of list.entries()) {
            const id = bullJobId(job.kind, job.key);
            const state = states[i];
            if (state === 'failed' || state === 'completed') {
              // Left by an earlier run: retrying keeps the id (and so the dedup) and clears the old error.
              const existing = await queue.getJob(id);
              await existing?.retry(state).catch(async () => {
                await queue.remove(id);
                fresh.push(job);
              });
            } else if (state === 'unknown') fresh.push(job);
          }
          for (let i = 0; i < fresh.length; i += 500) {
            await queue.addBulk(
              fresh
                .slice(i, i + 500)
                .map((job) => ({
                  name: job.kind,
                  data: job,
                  opts: jobOptions(job, { attempts, keepFailedSeconds }),
                })),
            );
          }
        }
      }

      // The first contact must succeed within `unavailableTimeout` too.
      while (
        !signal?.aborted &&
        (await redisRound(
          'queueing jobs',
          () => enqueue([...pending.values()]).then(() => true),
          pending.size,
        )) === undefined
      ) {
        await sleep(poll, signal);
      }
      if (handler && (options.concurrency ?? 1) > 0) {
        const handlers: JobHandlers = {};
        for (const job of jobs) handlers[job.kind] = handler as JobHandler<never>;
        workers = createWorkers({
          url: options.url,
          base,
          handlers,
          concurrency: options.concurrency ?? 1,
          tuning: options,
          limiter: options.limiter,
        });
      }

      let lastReconcile = 0;
      let lastFailedCount = -1;
      while (pending.size > 0 && !signal?.aborted) {
        await sleep(poll, signal);
        if (signal?.aborted) break;
        // 1. Artifacts are the truth: a job whose artifact exists is done, whatever the queue says.
        for (const [id, job] of pending) {
          if (job.artifact !== undefined && (await isDone(job))) {
            pending.delete(id);
            onSettled(job, { ok: true });
          }
        }
        if (pending.size === 0) break;
        // 2. Counts for progress; failures; jobs the queue lost.
        const kinds = [...new Set([...pending.values()].map((j) => j.kind))];
        const counts = await redisRound('reading queue counts', async () => {
          let active = 0;
          let live = 0;
          let failed = 0;
          for (const kind of kinds) {
            const c = await queueFor(kind).getJobCounts(
              'active',
              'waiting',
              'delayed',
              'prioritized',
              'failed',
            );
            active += c.active ?? 0;
            failed += c.failed ?? 0;
            live += (c.active ?? 0) + (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
          }
          return { active, live, failed };
        });
        if (!counts) continue;
        onRunning?.(counts.active);
        // Checking every pending job costs one round trip each, so only when something changed: a job
        // failed, fewer jobs are queued than we wait for (some were lost), or every 30 s as a backstop.
        const reconcile =
          counts.failed !== lastFailedCount ||
          counts.live < pending.size ||
          Date.now() - lastReconcile > 30_000;
        if (!reconcile) continue;
        const lost: JobSpec[] = [];
        const ok = await redisRound(
          'checking job states',
          async () => {
            const entries = [...pending];
            const states = await jobStates(entries.map(([, job]) => job));
            for (const [i, [id, job]] of entries.entries()) {
              const queue = queueFor(job.kind);
              const state = states[i];
              if (state === 'failed') {
                const stored = await queue.getJob(id);
                pending.delete(id);
                onSettled(job, { ok: false, error: stored?.failedReason || 'failed (no reason stored)' });
              } else if (state === 'unknown' || state === 'completed') {
                if (await isDone(job)) {
                  pending.delete(id);
                  onSettled(job, { ok: true });
                } else if (job.artifact === undefined) {
                  // Without an artifact, leaving the queue means completed (completed jobs are removed).
                  pending.delete(id);
                  onSettled(job, { ok: true });
                } else {
                  const n = (requeues.get(id) ?? 0) + 1;
                  requeues.set(id, n);
                  if (n > maxRequeues) {
                    pending.delete(id);
                    onSettled(job, {
                      ok: false,
                      error: `job completed ${n - 1} times but its artifact '${job.artifact}' is missing — do the workers share the artifact directory?`,
                    });
                  } else lost.push(job);
                }
              }
            }
            if (lost.length > 0) await enqueue(lost);
            return true;
          },
          pending.size,
        );
        if (ok) {
          lastReconcile = Date.now();
          lastFailedCount = counts.failed;
        }
      }
    },
    async close() {
      const ws = workers;
      workers = [];
      await Promise.all(ws.map((w) => closeOrDisconnect(w, 10_000)));
      const qs = [...queues.values()];
      queues.clear();
      await Promise.all(qs.map((q) => withTimeout(q.close(), 2000, 'closing').catch(() => undefined)));
      client?.disconnect();
      client = undefined;
    },
  };
  return backend;
}

export interface StartWorkerOptions extends WorkerTuning {
  url: string;
  queueName?: string;
  handlers: JobHandlers;
  /** Jobs this worker runs at once, per handled kind (default 1). */
  concurrency?: number;
  /** Worker-side limiter: jobs started per window, shared by every worker of the queue. */
  limiter?: RateLimit;
  /** Stored on each job this worker processes (shown by `status`). */
  name?: string;
  onEvent?: (event: WorkerEvent) => void;
}

export interface JobWorker {
  /** Resolves once the worker is connected and waiting for jobs. */
  ready: Promise<void>;
  /**
   * Stops taking jobs, waits for the running ones to finish, disconnects. With `force`, does not wait:
   * running jobs keep their lock until it expires and are then retried by another worker.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

/** Starts a worker process's job loop: one BullMQ worker per kind in `handlers`. */
export function startWorker(options: StartWorkerOptions): JobWorker {
  checkUrl(options.url);
  if (Object.keys(options.handlers).length === 0)
    throw new EnvscalerError('INVALID_INPUT', 'startWorker needs at least one handler');
  const workers = createWorkers({
    url: options.url,
    base: options.queueName ?? DEFAULT_QUEUE_NAME,
    handlers: options.handlers,
    concurrency: options.concurrency ?? 1,
    tuning: options,
    limiter: options.limiter,
    name: options.name,
    onEvent: options.onEvent,
  });
  return {
    ready: Promise.all(workers.map((w) => w.waitUntilReady())).then(() => undefined),
    async close(closeOptions = {}) {
      await Promise.all(workers.map((w) => (closeOptions.force ? w.close(true) : w.close())));
    },
  };
}

export interface QueueStatus {
  queue: string;
  kind: JobKind;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  /** Connected workers. */
  workers: number;
  failed: { id: string; key: string; error: string; attempts: number; failedAt?: string }[];
}

/** Counts and failed jobs of every job queue (for `envscaler status`). */
export async function getQueueStatus(options: {
  url: string;
  queueName?: string;
  failedLimit?: number;
  timeoutMs?: number;
}): Promise<QueueStatus[]> {
  const base = options.queueName ?? DEFAULT_QUEUE_NAME;
  checkUrl(options.url);
  const result: QueueStatus[] = [];
  const limit = options.failedLimit ?? 20;
  for (const kind of JOB_KINDS) {
    const client = new Redis(options.url, {
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
      enableOfflineQueue: true,
    });
    let lastError: unknown;
    client.on('error', (error) => (lastError = error));
    const queue = new Queue<QueuedData>(queueNameFor(base, kind), { connection: client });
    queue.on('error', (error) => (lastError = error));
    try {
      const status = await withTimeout(
        (async () => {
          await queue.waitUntilReady();
          const c = await queue.getJobCounts(
            'waiting',
            'active',
            'delayed',
            'prioritized',
            'completed',
            'failed',
          );
          const failedJobs = c.failed ? await queue.getFailed(0, limit - 1) : [];
          return {
            queue: queue.name,
            kind,
            counts: {
              waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
              active: c.active ?? 0,
              delayed: c.delayed ?? 0,
              completed: c.completed ?? 0,
              failed: c.failed ?? 0,
            },
            workers: await queue.getWorkersCount(),
            failed: failedJobs.map((job) => ({
              id: job.id ?? '',
              key: job.data?.key ?? '',
              error: job.failedReason ?? '',
              attempts: job.attemptsMade,
              failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
            })),
          } satisfies QueueStatus;
        })(),
        options.timeoutMs ?? 5000,
        'reading queue status',
      );
      result.push(status);
    } catch (error) {
      throw new EnvscalerError(
        'BACKEND_ERROR',
        `cannot read queue status from ${options.url}: ${errorText(lastError ?? error)}`,
        { cause: error },
      );
    } finally {
      await withTimeout(queue.close(), 1000, 'closing').catch(() => undefined);
      client.disconnect();
    }
  }
  return result;
}
