import { EnvscalerError, type ChatModel, type Scenario } from '@envscaler/core';
import {
  createFsArtifactStore,
  jobKey,
  type ArtifactStore,
  type JobHandler,
  type JobSpec,
} from '@envscaler/jobs';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { runEpisode, type EpisodeMode, type EpisodePair } from '@envscaler/validate';
import type { EnvDir } from './env-dirs.js';

/** What an `episode` job carries: references to shared files plus the (small) scenario itself. */
export interface EpisodePayload {
  runId: string;
  /** The run directory every worker writes into (`episodes/<scenarioId>__<trial>.json`). */
  out: string;
  /** The environment directory (env.ts + env.json/meta.json). */
  envDir: string;
  scenario: Scenario;
  trial: number;
  mode: EpisodeMode;
  maxSteps?: number;
  maxTokens?: number;
}

/** `<scenarioId>__<trial>.json`, with characters that are unsafe in file names replaced. */
export function episodeArtifact(scenarioId: string, trial: number): string {
  return `episodes/${scenarioId.replace(/[^A-Za-z0-9._-]/g, '_')}__${trial}.json`;
}

/** One job per pair, keyed by the hash of everything that determines the episode (env.ts included). */
export function episodeJobs(options: {
  pairs: readonly EpisodePair[];
  envDirs: ReadonlyMap<string, EnvDir>;
  /** The run directory, absolute (it is part of the payload workers read). */
  out: string;
  runId: string;
  mode: EpisodeMode;
  maxSteps?: number;
  maxTokens?: number;
}): JobSpec<EpisodePayload>[] {
  return options.pairs.map(({ scenario, trial }) => {
    const env = options.envDirs.get(scenario.envId);
    if (!env)
      throw new EnvscalerError(
        'NOT_FOUND',
        `scenario '${scenario.id}' needs environment '${scenario.envId}', which was not given`,
      );
    const payload: EpisodePayload = {
      runId: options.runId,
      out: options.out,
      envDir: env.dir,
      scenario,
      trial,
      mode: options.mode,
      maxSteps: options.maxSteps,
      maxTokens: options.maxTokens,
    };
    return {
      kind: 'episode',
      key: jobKey('episode', { ...payload, envSource: env.sourceHash }),
      payload,
      artifact: episodeArtifact(scenario.id, trial),
    };
  });
}

/**
 * Runs `episode` jobs: loads each environment once per process, runs the episode with `agent` (and
 * `user` in conversational mode) and writes the trajectory to `<out>/episodes/<scenarioId>__<trial>.json`
 * (first writer wins, so a duplicated or retried job leaves one file).
 */
export function createEpisodeHandler(options: { agent: ChatModel; user?: ChatModel }): {
  handler: JobHandler<EpisodePayload>;
  dispose: () => Promise<void>;
} {
  const envs = new Map<string, Promise<LoadedEnvironment>>();
  const stores = new Map<string, ArtifactStore>();
  const handler: JobHandler<EpisodePayload> = async (job, context) => {
    const p = job.payload;
    let store = stores.get(p.out);
    if (!store) stores.set(p.out, (store = createFsArtifactStore({ root: p.out })));
    const artifact = job.artifact ?? episodeArtifact(p.scenario.id, p.trial);
    if (await store.exists(artifact)) return { artifact, skipped: true };
    let env = envs.get(p.envDir);
    if (!env) {
      env = loadEnvironment({ dir: p.envDir });
      env.catch(() => envs.delete(p.envDir));
      envs.set(p.envDir, env);
    }
    const trajectory = await runEpisode({
      env: await env,
      scenario: p.scenario,
      agent: options.agent,
      user: p.mode === 'conversational' ? (options.user ?? options.agent) : undefined,
      mode: p.mode,
      maxSteps: p.maxSteps,
      maxTokens: p.maxTokens,
      trial: p.trial,
      id: `${p.runId}:${p.scenario.id}:${p.trial}`,
      signal: context.signal,
    });
    // Cut short by a shutdown: not a result; the job is retried (by this or another worker).
    if (context.signal.aborted) throw new EnvscalerError('ABORTED', 'worker shutting down');
    await store.put(artifact, `${JSON.stringify(trajectory)}\n`);
    return { artifact, termination: trajectory.termination };
  };
  return {
    handler,
    async dispose() {
      for (const env of envs.values()) await env.then((e) => e.dispose()).catch(() => undefined);
      envs.clear();
    },
  };
}
