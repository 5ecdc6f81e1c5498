import { resolve } from 'node:path';
import {
  EnvscalerError,
  parseArtifact,
  type ChatModel,
  type EmbeddingModel,
  type PriceTable,
} from '@envscaler/core';
import {
  createFsArtifactStore,
  jobKey,
  type ArtifactStore,
  type JobHandler,
  type JobSpec,
} from '@envscaler/jobs';
import {
  buildEnvironments,
  buildTopicEnvironment,
  EnvTypeChecker,
  type BuildReport,
  type BuildThresholds,
  type CorpusReport,
  type CorpusTask,
  type EnvironmentBuildExecutor,
  type EnvironmentBuildRequest,
  type EnvironmentBuildSettings,
  type RuntimeHooks,
  type Topic,
  type TopicBuild,
} from '@envscaler/skelbuilder';
import { buildProgressListener } from '../build-progress.js';
import type { StageProgress } from '../progress.js';
import { runMarkerJobs, throwIfFailed, type StageJobsOptions } from './stage-jobs.js';

/** Settings of a `build-env` job (everything besides the topic that determines its environment). */
export type BuildEnvSettings = EnvironmentBuildSettings;

/** What a `build-env` job carries: one mined topic, its environment id and the build settings. */
export interface BuildEnvPayload {
  topic: Topic;
  envId: string;
  /** Output root shared by the workers (`envs/<envId>/`, `dropped/<envId>/`, `.cache/stages/`). */
  out: string;
  settings: BuildEnvSettings;
}

/** What a finished `build-env` job leaves at `.jobs/build-env/<envId>.<key>.json`. */
export type BuildEnvOutcome = TopicBuild;

/**
 * Runs `build-env` jobs with skelbuilder's `buildTopicEnvironment` (which writes `envs/<envId>/` or
 * `dropped/<envId>/` atomically and reuses `.cache/stages/`), then writes the job's marker holding the
 * environment's outcome. An error fails the job (no marker), so a re-run builds that topic again.
 */
export function createBuildHandler(options: { model: ChatModel; runtime?: RuntimeHooks }): {
  handler: JobHandler<BuildEnvPayload>;
  dispose: () => Promise<void>;
} {
  let checker: EnvTypeChecker | undefined;
  const handler: JobHandler<BuildEnvPayload> = async (job, context) => {
    const p = job.payload;
    const store = createFsArtifactStore({ root: p.out });
    const marker = job.artifact ?? buildEnvArtifact(p.envId, job.key);
    if (await store.exists(marker)) return { marker, skipped: true };
    checker ??= new EnvTypeChecker({ thread: true });
    const built = await buildTopicEnvironment({
      ...p.settings,
      topic: p.topic,
      envId: p.envId,
      out: p.out,
      model: options.model,
      checker,
      runtime: options.runtime,
      signal: context.signal,
    });
    if (context.signal.aborted) throw new EnvscalerError('ABORTED', 'worker shutting down');
    await store.put(marker, `${JSON.stringify(built)}\n`);
    return { marker, status: built.outcome.status };
  };
  return {
    handler,
    async dispose() {
      await checker?.dispose();
      checker = undefined;
    },
  };
}

export function buildEnvArtifact(envId: string, key: string): string {
  return `.jobs/build-env/${envId}.${key}.json`;
}

/** One `build-env` job per requested environment, keyed by the content hash of (topic, envId, settings). */
export function buildEnvJobs(options: {
  builds: readonly EnvironmentBuildRequest[];
  out: string;
  settings: BuildEnvSettings;
}): JobSpec<BuildEnvPayload>[] {
  const out = resolve(options.out);
  return options.builds.map(({ topic, envId }) => {
    const payload: BuildEnvPayload = { topic, envId, out, settings: options.settings };
    const key = jobKey('build-env', payload);
    return { kind: 'build-env', key, payload, artifact: buildEnvArtifact(envId, key) };
  });
}

async function readMarker(
  store: ArtifactStore,
  job: JobSpec<BuildEnvPayload>,
): Promise<BuildEnvOutcome | undefined> {
  const text = await store.get(job.artifact!);
  return text === undefined
    ? undefined
    : parseArtifact<BuildEnvOutcome>({ text, source: job.artifact!, artifact: 'build-env marker' });
}

export type JobBuildsOptions = StageJobsOptions<BuildEnvPayload>;

/**
 * `buildEnvironments`' per-topic builds as `build-env` jobs on a backend: each job's worker builds one
 * environment and leaves its `TopicBuild` in a marker, which this side reads back and hands to
 * `buildEnvironments` (which owns the funnel, the report and the resume rules). A marker written before
 * this run counts as an environment an earlier run built, and its job is not queued again.
 */
export function createJobBuilds(options: JobBuildsOptions): EnvironmentBuildExecutor {
  return {
    name: options.backend.name,
    async run(run) {
      const out = resolve(run.out);
      const store = createFsArtifactStore({ root: out });
      const jobs = buildEnvJobs({ builds: run.builds, out, settings: run.settings });
      const requests = new Map(jobs.map((job, i) => [job.key, run.builds[i]!]));
      let kept = 0;
      let stage: StageProgress | undefined;
      const marked = await runMarkerJobs({
        backend: options.backend,
        jobs,
        handler: options.handler,
        store,
        signal: run.signal,
        beforeRun: () => {
          stage = options.progress?.stage('environments', jobs.length);
        },
        onProgress: (p) =>
          stage?.update({
            done: p.done,
            failed: p.failed,
            detail: `running ${p.running} (${options.backend.name})`,
          }),
        report: async (job, earlier) => {
          const build = await readMarker(store, job);
          if (!build)
            throw new EnvscalerError(
              'INTERNAL',
              `build-env marker ${job.artifact} is missing after its job completed`,
            );
          if (build.outcome.status === 'kept') kept++;
          await run.onFinished({ request: requests.get(job.key)!, build, ...(earlier ? { earlier } : {}) });
        },
        onFailed: (failed) =>
          throwIfFailed({
            failed,
            total: jobs.length,
            what: 'build-env',
            describe: (p: BuildEnvPayload) => p.envId,
            hint: 'finished environments are saved; re-run to retry them',
          }),
      });
      if (!marked) return;
      const { before } = marked;
      stage?.finish(`${kept} kept, ${jobs.length - before} built, ${before} already done`);
    },
  };
}

export interface BuildJobsOptions extends JobBuildsOptions {
  tasks: readonly CorpusTask[];
  out: string;
  /** The coordinator's model, for topic mining (workers resolve their own for the per-topic jobs). */
  model: ChatModel;
  embeddings?: EmbeddingModel;
  /** Topic-mining concurrency on the coordinator (with Redis, each worker's --concurrency applies to jobs). */
  concurrency?: number;
  thresholds?: BuildThresholds;
  testerSteps?: number;
  testerCallsPerTurn?: number;
  repairRounds?: number;
  maxAttempts?: number;
  temperature?: number;
  /** USD per million tokens by model name: each call at its own model's price. */
  prices?: PriceTable;
  /** What reading the corpus dropped, for the report. */
  corpus?: CorpusReport;
  signal?: AbortSignal;
}

/**
 * `envscaler build` over a job backend: `buildEnvironments` with one `build-env` job per topic
 * (`createJobBuilds`), so topic mining (corpus-wide dedup) runs here and resume, funnel and report are
 * those of an in-process build. Closes the backend when done.
 */
export async function runBuildJobs(options: BuildJobsOptions): Promise<BuildReport> {
  const { backend, handler, progress, ...build } = options;
  try {
    return await buildEnvironments({
      ...build,
      executor: createJobBuilds({ backend, handler, progress }),
      onProgress: buildProgressListener(progress),
    });
  } finally {
    await backend.close();
  }
}
