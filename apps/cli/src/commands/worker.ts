import { InvalidArgumentError, type Command } from 'commander';
import { EnvscalerError, type ChatModel } from '@envscaler/core';
import {
  createRedisRateLimiter,
  startWorker,
  withRateLimit,
  type JobHandler,
  type JobSpec,
  type WorkerEvent,
} from '@envscaler/jobs';
import { createInterruptSignal } from '../interrupt.js';
import { resolveChatModel } from '../model.js';
import { positiveInt } from '../inputs.js';
import { createBuildHandler, type BuildEnvPayload } from '../jobs/build-jobs.js';
import { createEpisodeHandler, type EpisodePayload } from '../jobs/episode-jobs.js';
import { createScenariosHandler, type ScenariosPayload } from '../jobs/scenario-jobs.js';

/** `--rate-limit 100/60s`: at most 100 model calls per 60 s across all workers. */
export function rateLimitOption(value: string): { max: number; durationMs: number } {
  const m = /^(\d+)\/(\d+)(ms|s|m)?$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new InvalidArgumentError('must look like 100/60s (calls per window; units ms, s, m)');
  const unit = m[3] === 'm' ? 60_000 : m[3] === 'ms' ? 1 : 1000;
  return { max: Number(m[1]), durationMs: Number(m[2]) * unit };
}

export interface WorkerCommandOptions {
  redis: string;
  queue?: string;
  concurrency: number;
  agent: ChatModel;
  user?: ChatModel;
  /** Shared model-call quota (every worker with the same `rateKey` shares it). */
  rateLimit?: { max: number; durationMs: number };
  rateKey?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  signal: AbortSignal;
  log?: (line: string) => void;
}

/** `envscaler worker` without the flag parsing: serves episode jobs until `signal` aborts. */
export async function runWorkerCommand(
  options: WorkerCommandOptions,
): Promise<{ completed: number; failed: number }> {
  const limiter = options.rateLimit
    ? createRedisRateLimiter({ url: options.redis, ...options.rateLimit, key: options.rateKey })
    : undefined;
  const agent = limiter ? withRateLimit({ model: options.agent, limiter }) : options.agent;
  const user = limiter && options.user ? withRateLimit({ model: options.user, limiter }) : options.user;
  const episodes = createEpisodeHandler({ agent, user });
  const scenarios = createScenariosHandler({ model: agent });
  const build = createBuildHandler({ model: agent });
  let completed = 0;
  let failed = 0;
  const describe = (job: JobSpec) => {
    if (job.kind === 'scenarios') return `scenarios ${(job.payload as ScenariosPayload).envId}`;
    if (job.kind === 'build-env') return `build-env ${(job.payload as BuildEnvPayload).envId}`;
    const p = job.payload as EpisodePayload;
    return `${p.runId} ${p.scenario.id}#${p.trial}`;
  };
  const onEvent = (event: WorkerEvent) => {
    if (event.type === 'completed') completed++;
    if (event.type === 'failed') failed++;
    if (!options.log) return;
    if (event.type === 'error') options.log(`redis: ${event.error}`);
    else
      options.log(`${event.type} ${describe(event.job)}${event.type === 'failed' ? `: ${event.error}` : ''}`);
  };
  const worker = startWorker({
    url: options.redis,
    queueName: options.queue,
    handlers: {
      episode: episodes.handler as JobHandler<never>,
      scenarios: scenarios as JobHandler<never>,
      'build-env': build.handler as JobHandler<never>,
    },
    concurrency: options.concurrency,
    lockDurationMs: options.lockDurationMs,
    stalledIntervalMs: options.stalledIntervalMs,
    name: `pid-${process.pid}`,
    onEvent,
  });
  try {
    await worker.ready;
    options.log?.(`worker ${process.pid} ready: ${options.redis}, concurrency ${options.concurrency}`);
    if (!options.signal.aborted)
      await new Promise((resolve) => options.signal.addEventListener('abort', resolve, { once: true }));
    options.log?.('stopping: finishing running jobs');
  } finally {
    await worker.close();
    await episodes.dispose();
    await build.dispose();
    await limiter?.close();
  }
  return { completed, failed };
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'run jobs (per-topic environment builds, per-environment scenario generation, episodes) from a Redis queue; start any number on any machine that shares the output directory',
    )
    .option('--redis <url>', 'Redis URL (default $REDIS_URL)')
    .option('--queue <name>', 'base queue name (match the coordinator)', 'envscaler')
    .option('--concurrency <n>', 'jobs this worker runs at once', positiveInt, 4)
    .option('--rate-limit <calls/window>', 'model calls allowed per window across ALL workers, e.g. 600/60s')
    .option(
      '--rate-key <key>',
      'Redis key of the shared rate limit (one per endpoint quota)',
      'envscaler:ratelimit:model',
    )
    .option(
      '--lock-duration <ms>',
      "how long a crashed worker's job stays locked before another worker retries it",
      positiveInt,
      30_000,
    )
    .option('--config <file>', 'config file (default ./envscaler.config.json)')
    .option('--model <name>', 'default model for every stage without its own setting')
    .option('--quiet', 'no log lines')
    .addHelpText(
      'after',
      [
        '',
        'Workers read job inputs (topic, scenario, environment directory, run directory) from the queue and',
        "write each environment to <out>/envs/<envId>/ (or dropped/), each environment's scenarios to",
        '<out>/scenarios/ and each episode to <run>/episodes/<scenarioId>__<trial>.json, plus a marker under',
        '<out>/.jobs/; the directories must be mounted at the same path on every machine. Ctrl-C finishes the running jobs, then exits (twice: exit at once).',
        '',
        'Examples:',
        '  $ envscaler worker --redis redis://10.0.0.5:6379 --concurrency 8',
        '  $ envscaler worker --redis redis://10.0.0.5:6379 --rate-limit 500/60s',
      ].join('\n'),
    )
    .action(
      async (flags: {
        redis?: string;
        queue: string;
        concurrency: number;
        rateLimit?: string;
        rateKey: string;
        lockDuration: number;
        config?: string;
        model?: string;
        quiet?: boolean;
      }) => {
        const redis = flags.redis ?? process.env.REDIS_URL;
        if (!redis) throw new EnvscalerError('INVALID_INPUT', 'worker needs --redis <url> (or REDIS_URL)');
        const model = await resolveChatModel({ configPath: flags.config, modelFlag: flags.model });
        const interrupt = createInterruptSignal();
        const log = flags.quiet
          ? undefined
          : (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        try {
          const stats = await runWorkerCommand({
            redis,
            queue: flags.queue,
            concurrency: flags.concurrency,
            agent: model,
            user: model,
            rateLimit: flags.rateLimit ? rateLimitOption(flags.rateLimit) : undefined,
            rateKey: flags.rateKey,
            lockDurationMs: flags.lockDuration,
            stalledIntervalMs: Math.min(30_000, flags.lockDuration),
            signal: interrupt.signal,
            log,
          });
          log?.(`stopped: ${stats.completed} completed, ${stats.failed} failed`);
        } finally {
          interrupt.dispose();
        }
      },
    );
}
