import { resolve } from 'node:path';
import {
  EnvscalerError,
  parseArtifact,
  parseTrajectory,
  type PriceTable,
  type Trajectory,
} from '@envscaler/core';
import {
  createFsArtifactStore,
  type ArtifactStore,
  type JobBackend,
  type JobHandler,
  type JobSpec,
} from '@envscaler/jobs';
import type { EpisodeExecutor, EpisodePair, RolloutResult } from '@envscaler/validate';
import { readScenarios } from '../inputs.js';
import type { ProgressReporter } from '../progress.js';
import { runRolloutStage } from '../rollout-stage.js';
import { envDirsById, type EnvDir } from './env-dirs.js';
import { episodeJobs, type EpisodePayload } from './episode-jobs.js';
import { runJobsCollecting, throwIfFailed } from './stage-jobs.js';

export interface JobEpisodesOptions {
  backend: JobBackend;
  /** Environment directories by id (see `envDirsById`). */
  envDirs: ReadonlyMap<string, EnvDir>;
  /** The run directory; workers write `episodes/<scenarioId>__<trial>.json` under it. */
  out: string;
  /** Runs jobs in this process too (required for the in-process backend). */
  handler?: JobHandler<EpisodePayload>;
}

async function readEpisode(store: ArtifactStore, job: JobSpec<EpisodePayload>, out: string) {
  const text = await store.get(job.artifact!);
  if (text === undefined) return undefined;
  return parseArtifact({
    text,
    source: resolve(out, job.artifact!),
    parse: parseTrajectory,
    artifact: 'trajectory',
  });
}

/**
 * `runRollouts`'s episodes as `episode` jobs on a backend: each job's worker writes its trajectory to
 * its own file, which this side reads back and hands to `runRollouts` (which appends it to
 * trajectories.jsonl and applies the resume and output rules). A file finished before this run (its
 * coordinator was stopped before collecting it) counts as an earlier run's episode, not queued again.
 */
export function createJobEpisodes(options: JobEpisodesOptions): EpisodeExecutor {
  return {
    name: options.backend.name,
    async run(run) {
      const out = resolve(options.out);
      const store = createFsArtifactStore({ root: out });
      const jobs = episodeJobs({ ...run, envDirs: options.envDirs, out });
      const pairs = new Map<string, EpisodePair>(jobs.map((job, i) => [job.key, run.pairs[i]!]));
      const todo: JobSpec<EpisodePayload>[] = [];
      for (const job of jobs) {
        const saved = await readEpisode(store, job, out);
        if (saved && !(run.retryErrors && saved.termination === 'error'))
          await run.onFinished({ pair: pairs.get(job.key)!, trajectory: saved, earlier: true });
        else {
          if (saved) await store.remove(job.artifact!);
          todo.push(job);
        }
      }
      const collect = async (job: JobSpec<EpisodePayload>) => {
        const trajectory: Trajectory | undefined = await readEpisode(store, job, out);
        if (!trajectory)
          throw new EnvscalerError(
            'INTERNAL',
            `episode artifact ${job.artifact} is missing after its job completed`,
          );
        await run.onFinished({ pair: pairs.get(job.key)!, trajectory });
      };
      let running = 0;
      // interrupted: runRollouts reports it
      const result = await runJobsCollecting({
        backend: options.backend,
        jobs: todo,
        handler: options.handler,
        store,
        signal: run.signal,
        onProgress: (p) => {
          if (p.running !== running) run.onRunning((running = p.running));
        },
        collect,
      });
      if (result)
        throwIfFailed({
          failed: result.failed,
          total: jobs.length,
          what: 'episode',
          describe: (p: EpisodePayload) => `${p.scenario.id} trial ${p.trial}`,
          hint: 'finished episodes are saved; fix the cause and re-run',
        });
    },
  };
}

export interface RolloutJobsOptions {
  backend: JobBackend;
  envs: string;
  scenarios: string;
  trials: number;
  out: string;
  mode: 'conversational' | 'non_conversational';
  maxSteps?: number;
  maxTokens?: number;
  /** Runs jobs in this process too (required for the in-process backend). */
  handler?: JobHandler<EpisodePayload>;
  progress?: ProgressReporter;
  signal?: AbortSignal;
  /** USD per million tokens by model name: summary.json prices each call at its own model's price. */
  modelPrices?: PriceTable;
}

/**
 * `envscaler rollout` over a job backend: `runRollouts` with one `episode` job per (scenario, trial)
 * still to run, so resume and output are those of an in-process run (trajectories.jsonl in
 * `byScenarioThenTrial` order, summary.json). The coordinator compiles no environment: workers load them
 * from the directories under `envs`. Closes the backend when done.
 */
export async function runRolloutJobs(options: RolloutJobsOptions): Promise<RolloutResult> {
  try {
    const scenarios = await readScenarios({ path: options.scenarios });
    const envDirs = await envDirsById(options.envs);
    for (const scenario of scenarios)
      if (!envDirs.has(scenario.envId))
        throw new EnvscalerError(
          'NOT_FOUND',
          `scenario '${scenario.id}' needs environment '${scenario.envId}', which is not under ${options.envs}`,
        );
    return await runRolloutStage({
      executor: createJobEpisodes({
        backend: options.backend,
        envDirs,
        out: options.out,
        handler: options.handler,
      }),
      scenarios,
      trials: options.trials,
      out: options.out,
      mode: options.mode,
      maxSteps: options.maxSteps,
      maxTokens: options.maxTokens,
      modelPrices: options.modelPrices,
      progress: options.progress,
      signal: options.signal,
    });
  } finally {
    await options.backend.close();
  }
}
