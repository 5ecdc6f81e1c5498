import type { CallUsage, ChatModel } from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import { EnvTypeChecker } from './logic/typecheck.js';
import { buildTopicEnvironment, stageCacheFor, type RuntimeHooks, type TopicBuild } from './topic-build.js';
import type { Drop, Topic } from './topics.js';
import { UsageMeter } from './usage.js';
import { isAbortError, throwIfAborted } from './util.js';

/** One environment a build needs: a mined topic and the environment id it was given. */
export interface EnvironmentBuildRequest {
  topic: Topic;
  envId: string;
}

/** Everything besides the topic that determines an environment (the per-topic build settings). */
export interface EnvironmentBuildSettings {
  repairRounds?: number;
  testerSteps?: number;
  testerCallsPerTurn?: number;
  qualityThreshold?: number;
  maxAttempts?: number;
  temperature?: number;
}

export interface FinishedEnvironmentBuild {
  request: EnvironmentBuildRequest;
  build: TopicBuild;
  /**
   * Built before this run started (e.g. a job's marker that an interrupted coordinator never collected):
   * its calls count as replayed calls of this build, and its cache counts and model name as not this run's.
   */
  earlier?: boolean;
}

export interface InterruptedEnvironmentBuild {
  request: EnvironmentBuildRequest;
  calls: CallUsage[];
  cache: { hits: number; misses: number };
}

/** A per-environment step, as `buildTopicEnvironment`'s `onStep` reports it. */
export type EnvironmentBuildStep = 'logic' | 'quality-start' | 'quality';

export interface ExecuteBuildsOptions {
  /** The environments to build (which ones is decided by `buildEnvironments`). */
  builds: readonly EnvironmentBuildRequest[];
  /** Output root: `envs/<envId>/`, `dropped/<envId>/`, `.cache/stages/`. */
  out: string;
  settings: EnvironmentBuildSettings;
  /** Steps of an environment being built, when the executor sees them (a job backend's workers do not). */
  onStep?: (envId: string, step: EnvironmentBuildStep, drop?: Drop) => void;
  /** Called once per finished environment, in any order; awaited. */
  onFinished: (finished: FinishedEnvironmentBuild) => Promise<void>;
  /**
   * What a build cut short by the abort had used (its calls so far and its cache counts), when the
   * executor knows it, so the partial report counts every call made.
   */
  onInterrupted?: (interrupted: InterruptedEnvironmentBuild) => void;
  /**
   * On abort, the executor starts nothing new and settles once the running builds have stopped
   * (`buildEnvironments` then writes the partial report and throws ABORTED).
   */
  signal?: AbortSignal;
}

/**
 * Where a build's per-topic environments are built: in this process (`createInProcessBuilds`, the
 * default of `buildEnvironments`) or on a job backend's workers (the CLI's `--backend redis`).
 * `buildEnvironments` owns topic mining, which environments to build, the funnel and the report, so all
 * executors resume and write alike.
 */
export interface EnvironmentBuildExecutor {
  /** For progress lines ('inprocess', 'redis'). */
  readonly name: string;
  /** Builds every request; rejects when one could not be built at all, after the others have finished. */
  run(options: ExecuteBuildsOptions): Promise<void>;
}

export interface InProcessBuildsOptions {
  model: ChatModel;
  /** Environments built at once (default 4). */
  concurrency?: number;
  /** Reuse a type checker across builds (one is created for each run otherwise, and disposed after it). */
  checker?: EnvTypeChecker;
  /** Type-check in a worker thread when creating the checker (default true). */
  typecheckThread?: boolean;
  /** Replace the runtime (tests, benchmarks). */
  runtime?: RuntimeHooks;
}

/**
 * Builds environments in this process, up to `concurrency` at once, with one type checker shared by
 * them. Each build has its own usage meter and stage cache (on `out`), so its `TopicBuild` counts exactly
 * its own calls and cache hits, as a job worker's does.
 */
export function createInProcessBuilds(options: InProcessBuildsOptions): EnvironmentBuildExecutor {
  return {
    name: 'inprocess',
    async run(run) {
      const ownChecker = options.checker === undefined;
      const checker = options.checker ?? new EnvTypeChecker({ thread: options.typecheckThread ?? true });
      try {
        await mapConcurrent({
          items: run.builds,
          concurrency: Math.max(1, options.concurrency ?? 4),
          fn: async (request) => {
            throwIfAborted(run.signal);
            const meter = new UsageMeter();
            const cache = stageCacheFor(run.out);
            let build: TopicBuild;
            try {
              build = await buildTopicEnvironment({
                ...run.settings,
                topic: request.topic,
                envId: request.envId,
                model: options.model,
                out: run.out,
                checker,
                runtime: options.runtime,
                signal: run.signal,
                state: { meter, cache },
                onStep: (step, drop) => run.onStep?.(request.envId, step, drop),
              });
            } catch (error) {
              if (isAbortError(error) || run.signal?.aborted)
                run.onInterrupted?.({
                  request,
                  calls: [...meter.calls],
                  cache: { hits: cache.hits, misses: cache.misses },
                });
              throw error;
            }
            await run.onFinished({ request, build });
          },
        });
      } finally {
        if (ownChecker) await checker.dispose();
      }
    },
  };
}
