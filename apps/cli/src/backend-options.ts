import { InvalidArgumentError, type Command } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import { createInProcessBackend, createRedisBackend, type JobBackend } from '@envscaler/jobs';
import { chooseProgressMode, createProgressReporter, type ProgressReporter } from './progress.js';

/** The flags `addBackendOptions` adds, as commander parses them. */
export interface BackendFlags {
  backend: 'inprocess' | 'redis';
  redis?: string;
  queue?: string;
  json?: boolean;
  quiet?: boolean;
}

export function backendChoice(value: string): 'inprocess' | 'redis' {
  if (value !== 'inprocess' && value !== 'redis')
    throw new InvalidArgumentError("must be 'inprocess' or 'redis'");
  return value;
}

/**
 * `--backend/--redis/--queue/--json/--quiet`, the same on every command that can queue its work
 * (build, scenarios, rollout); `redisJobs` says what `--backend redis` queues, for the help text.
 */
export function addBackendOptions(command: Command, options: { redisJobs: string }): Command {
  return command
    .option(
      '--backend <name>',
      `inprocess, or redis: ${options.redisJobs} for \`envscaler worker\`s (docs/scale-out.md)`,
      backendChoice,
      'inprocess',
    )
    .option('--redis <url>', 'Redis URL for --backend redis (default $REDIS_URL)')
    .option('--queue <name>', 'base queue name for --backend redis', 'envscaler')
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output');
}

/** The backend for `--backend`; a Redis coordinator only queues (its workers run the jobs). */
export function createBackend(options: {
  backend: 'inprocess' | 'redis';
  redis?: string;
  queue?: string;
  concurrency: number;
}): JobBackend {
  if (options.backend === 'inprocess') return createInProcessBackend({ concurrency: options.concurrency });
  if (!options.redis)
    throw new EnvscalerError('INVALID_INPUT', '--backend redis needs --redis <url> (or REDIS_URL)');
  return createRedisBackend({ url: options.redis, queueName: options.queue, concurrency: 0 });
}

/** `createBackend` from the parsed flags, with `$REDIS_URL` as the default `--redis`. */
export function backendFromFlags(flags: BackendFlags, concurrency: number): JobBackend {
  return createBackend({
    backend: flags.backend,
    redis: flags.redis ?? process.env.REDIS_URL,
    queue: flags.queue,
    concurrency,
  });
}

/** The progress reporter `--json` / `--quiet` ask for (lines on a TTY, else plain). */
export function progressFromFlags(flags: Pick<BackendFlags, 'json' | 'quiet'>): ProgressReporter {
  return createProgressReporter({
    mode: chooseProgressMode({ json: flags.json, quiet: flags.quiet, isTTY: process.stderr.isTTY }),
  });
}
