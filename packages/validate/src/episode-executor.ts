import type { ChatModel, Scenario, Trajectory } from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import type { CheckRunner } from '@envscaler/runtime';
import { envById, type EnvCollection, type EpisodeEnvironment } from './environment.js';
import { runEpisode, type EpisodeMode } from './episode.js';

/** One episode a rollout needs: a scenario and its trial number (0-based). */
export interface EpisodePair {
  scenario: Scenario;
  trial: number;
}

export interface FinishedEpisode {
  pair: EpisodePair;
  trajectory: Trajectory;
  /**
   * Finished before this run started (e.g. a worker's episode file that an interrupted coordinator never
   * collected): counted as skipped, and its calls as an earlier run's in summary.json.
   */
  earlier?: boolean;
}

export interface ExecuteEpisodesOptions {
  /** The pairs still to run (resume decisions are already made by `runRollouts`). */
  pairs: readonly EpisodePair[];
  /** Trajectory ids are `<runId>:<scenarioId>:<trial>`. */
  runId: string;
  mode: EpisodeMode;
  maxSteps?: number;
  maxTokens?: number;
  /**
   * Whether an episode that ended with termination 'error' is run again; an executor that keeps its own
   * record of finished episodes applies it to those too.
   */
  retryErrors: boolean;
  /** Episodes running now; `started` names the one that just started, when the executor knows it. */
  onRunning: (running: number, started?: EpisodePair) => void;
  /** Called once per finished episode, in any order; awaited (the trajectory is saved before it resolves). */
  onFinished: (episode: FinishedEpisode) => Promise<void>;
  /**
   * On abort, the executor starts nothing new, reports no episode that was cut short and resolves once the
   * running ones have stopped (`runRollouts` then throws ABORTED).
   */
  signal?: AbortSignal;
}

/**
 * Where a rollout's episodes run: in this process (`createInProcessEpisodes`, the default of
 * `runRollouts`) or on a job backend's workers (the CLI's `--backend redis`). `runRollouts` owns every
 * rule about which episodes to run and what files to write, so all executors resume and write alike.
 */
export interface EpisodeExecutor {
  /** For progress lines ('inprocess', 'redis'). */
  readonly name: string;
  /**
   * Runs every pair. Rejects when an episode could not run at all (a broken environment or scenario, not a
   * model failure, which ends the episode with termination 'error'), after the others have finished.
   */
  run(options: ExecuteEpisodesOptions): Promise<void>;
}

export interface InProcessEpisodesOptions {
  envs: EnvCollection<EpisodeEnvironment>;
  agent: ChatModel;
  /** User simulator; required for conversational mode. */
  user?: ChatModel;
  /** Episodes run at the same time. */
  concurrency: number;
  runner?: CheckRunner;
}

/** Runs episodes in this process with at most `concurrency` in flight, on the given environments. */
export function createInProcessEpisodes(options: InProcessEpisodesOptions): EpisodeExecutor {
  return {
    name: 'inprocess',
    async run(run) {
      let running = 0;
      await mapConcurrent({
        items: run.pairs,
        concurrency: options.concurrency,
        fn: async (pair) => {
          if (run.signal?.aborted) return; // not started: run on resume
          const { scenario, trial } = pair;
          running++;
          run.onRunning(running, pair);
          let trajectory: Trajectory;
          try {
            trajectory = await runEpisode({
              env: envById(options.envs, scenario.envId)!,
              scenario,
              agent: options.agent,
              user: options.user,
              mode: run.mode,
              maxSteps: run.maxSteps,
              maxTokens: run.maxTokens,
              trial,
              id: `${run.runId}:${scenario.id}:${trial}`,
              runner: options.runner,
              signal: run.signal,
            });
          } finally {
            // A throw here is a broken environment or scenario: mapConcurrent starts no new episodes and
            // rethrows once the others are done.
            running--;
            run.onRunning(running);
          }
          if (run.signal?.aborted) return; // cut short by the abort: not a real result, redo on resume
          await run.onFinished({ pair, trajectory });
        },
      });
    },
  };
}
