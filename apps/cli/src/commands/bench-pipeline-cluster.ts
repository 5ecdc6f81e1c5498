import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvscalerError, isEnvscalerError } from '@envscaler/core';
import { startRedisServer, type RedisServer } from '@envscaler/jobs';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { chatRequestOf, createSyntheticChatModel } from '@envscaler/testing/synthetic';

/** How to start `envscaler worker`: the program and the arguments before `worker`. */
export interface WorkerLaunch {
  command: string;
  args: string[];
}

export interface PipelineClusterOptions {
  /** `envscaler worker` processes to start. */
  workers: number;
  /** Jobs each worker runs at once (its `--concurrency`). */
  workerConcurrency: number;
  /** A running Redis; without it a private `redis-server` is started on a free loopback port. */
  redis?: string;
  /** Seed of the synthetic model behind the loopback server. */
  seed: number;
  /** Default: this process's own CLI (`process.execPath` with its exec flags and `process.argv[1]`). */
  launch?: WorkerLaunch;
  /** Called with a line when the workers are ready (a progress message). */
  log?: (line: string) => void;
  /** How long the workers may take to connect and report ready (default 60 s). */
  readyTimeoutMs?: number;
  /** Stops waiting for the workers (and stops everything started) when it aborts. */
  signal?: AbortSignal;
}

/**
 * What `envscaler bench pipeline --backend redis` runs its stages against: the synthetic model behind a
 * loopback OpenAI-compatible server, a Redis, and W worker processes taking jobs from a queue of their own.
 */
export interface PipelineCluster {
  /** Base URL of the synthetic model's server (the coordinator's model uses it too). */
  readonly modelUrl: string;
  readonly redisUrl: string;
  /** This run's queue name: no other `envscaler worker` on the same Redis takes its jobs. */
  readonly queue: string;
  /** Requests the synthetic server answered so far, from the coordinator and every worker. */
  requestCount(): number;
  /** Aborts when a worker exits before `stop()` (its reason names the worker and ends with its log). */
  readonly failed: AbortSignal;
  /** Stops the workers (SIGTERM, then SIGKILL after `graceMs`), the Redis it started and the server. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** This process's CLI: works for the built bin and for `node --import tsx src/main.ts` alike. */
export function ownCli(): WorkerLaunch {
  const main = process.argv[1];
  if (!main)
    throw new EnvscalerError('INTERNAL', 'bench pipeline: cannot tell how this CLI was started (no argv[1])');
  return { command: process.execPath, args: [...process.execArgv, main] };
}

/** Environment variables that pick a model or endpoint: a worker must see only the bench's own. */
const modelEnvPrefixes = ['OPENAI_', 'ENVSCALER_'];

interface WorkerChild {
  index: number;
  child: ChildProcess;
  lines: string[];
  ready: Promise<void>;
}

function spawnWorker(options: {
  index: number;
  launch: WorkerLaunch;
  args: string[];
  env: NodeJS.ProcessEnv;
}): WorkerChild {
  const child = spawn(options.launch.command, [...options.launch.args, 'worker', ...options.args], {
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // the log's tail only: a worker logs every job, and only the end explains an exit
  const lines: string[] = [];
  let buffer = '';
  let markReady: () => void = () => undefined;
  let markFailed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => undefined);
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      if (/ worker \d+ ready: /.test(line)) markReady();
    }
  });
  const failure = (why: string) =>
    new EnvscalerError(
      'BACKEND_ERROR',
      `bench pipeline: worker ${options.index + 1} ${why}; its last log lines:\n${[...lines, buffer].join('\n').trim()}`,
    );
  child.on('error', (error) => markFailed(failure(`could not start (${error.message})`)));
  child.on('exit', (code, signal) =>
    markFailed(failure(`exited (${signal ?? `code ${code}`}) before it was ready`)),
  );
  return { index: options.index, child, lines, ready };
}

/**
 * Starts the synthetic model server, a Redis when none is given, and `workers` `envscaler worker`
 * processes on a fresh queue, and waits until every worker is ready. Whatever it started is stopped on
 * `stop()`, on a failure while starting, and (SIGKILL) when this process exits without calling `stop()`.
 */
export async function startPipelineCluster(options: PipelineClusterOptions): Promise<PipelineCluster> {
  for (const key of ['workers', 'workerConcurrency'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 1)
      throw new EnvscalerError(
        'INVALID_INPUT',
        `startPipelineCluster: ${key} must be a positive integer, got ${JSON.stringify(options[key])}`,
      );
  }
  const launch = options.launch ?? ownCli();
  const seed = options.seed;
  const children: WorkerChild[] = [];
  let server: MockOpenAIServer | undefined;
  let redis: RedisServer | undefined;
  let configDir: string | undefined;
  let stopping = false;
  const failed = new AbortController();
  // the last resort when this process exits without stop(): `exit` handlers run synchronously, so kill
  const onExit = () => {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
    void redis?.kill();
  };
  process.on('exit', onExit);

  async function stop(stopOptions: { graceMs?: number } = {}): Promise<void> {
    stopping = true;
    const grace = stopOptions.graceMs ?? 15_000;
    await Promise.all(
      children.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // SIGTERM: the worker finishes its running jobs (their results are kept), then exits
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), grace);
        await exited;
        clearTimeout(timer);
      }),
    );
    await redis?.stop();
    await server?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
    process.off('exit', onExit);
  }

  try {
    // A fresh model per request makes every answer a pure function of the request: one synthetic model
    // numbers a task's agent episodes in the order they arrive, and two workers asking the same first
    // turn of trials 0 and 1 would then get different tool-call ids (and so different trajectories)
    // from what an in-process run gets, whose cassette shares one answer between identical requests.
    server = await createMockOpenAIServer({
      script: (request) => createSyntheticChatModel({ seed }).reply(chatRequestOf(request)),
    });
    let redisUrl = options.redis;
    if (!redisUrl) {
      try {
        redis = await startRedisServer();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new EnvscalerError(
          'BACKEND_ERROR',
          `bench pipeline --backend redis: no --redis <url> (or REDIS_URL) given, and a local redis-server could not be started (${why}); install redis-server (or set REDIS_SERVER_BIN) or pass --redis`,
          { cause: error },
        );
      }
      redisUrl = redis.url;
    }
    // Its own queue: other workers on a shared Redis (with a real, paid model) never take these jobs.
    const queue = `envscaler-bench-${process.pid}-${randomBytes(4).toString('hex')}`;
    // An empty config, so the workers read no envscaler.config.json of the working directory.
    configDir = await mkdtemp(join(tmpdir(), 'envscaler-bench-workers-'));
    const config = join(configDir, 'envscaler.config.json');
    await writeFile(config, '{}\n');
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !modelEnvPrefixes.some((p) => k.startsWith(p))),
    );
    Object.assign(env, {
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'synthetic',
      // the in-process synthetic model's name, so trajectories and reports name the same model
      ENVSCALER_MODEL: 'synthetic-model',
    });
    const args = [
      '--redis',
      redisUrl,
      '--queue',
      queue,
      '--concurrency',
      String(options.workerConcurrency),
      '--config',
      config,
    ];
    for (let index = 0; index < options.workers; index++) {
      const worker = spawnWorker({ index, launch, args, env });
      worker.child.on('exit', (code, signal) => {
        if (stopping || failed.signal.aborted) return;
        failed.abort(
          new EnvscalerError(
            'BACKEND_ERROR',
            `bench pipeline: worker ${index + 1} (pid ${worker.child.pid}) exited (${signal ?? `code ${code}`}) during the run; its last log lines:\n${worker.lines.join('\n')}`,
          ),
        );
      });
      children.push(worker);
    }
    // An unreachable Redis makes a worker retry its connection forever: wait only so long, or until
    // the caller gives up (Ctrl-C), and stop everything started in either case.
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        Promise.all(children.map((c) => c.ready)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new EnvscalerError(
                  'BACKEND_ERROR',
                  `bench pipeline: the workers were not ready after ${timeoutMs / 1000} s (is Redis at ${redisUrl} reachable?); last log lines:\n${children.map((c) => c.lines.slice(-5).join('\n')).join('\n')}`,
                ),
              ),
            timeoutMs,
          );
          onAbort = () => reject(options.signal!.reason);
          if (options.signal?.aborted) onAbort();
          else options.signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    }
    options.log?.(
      `${options.workers} worker(s) ready on ${redisUrl}${redis ? ' (a private redis-server)' : ''}, queue ${queue}`,
    );
    const modelUrl = server.url;
    const requests = server;
    return {
      modelUrl,
      redisUrl,
      queue,
      requestCount: () => requests.requestCount,
      failed: failed.signal,
      stop,
    };
  } catch (error) {
    await stop({ graceMs: 2000 });
    throw error;
  }
}

/** The error to report when a stage failed while the cluster was up: a dead worker explains it best. */
export function clusterError(cluster: PipelineCluster | undefined, error: unknown): unknown {
  const reason: unknown = cluster?.failed.aborted ? cluster.failed.reason : undefined;
  if (reason && isEnvscalerError(reason) && !(isEnvscalerError(error) && error.code !== 'ABORTED'))
    return reason;
  return error;
}
