import { join, resolve } from 'node:path';
import {
  EnvscalerError,
  type CallUsage,
  type ChatModel,
  type EmbeddingModel,
  type PriceTable,
} from '@envscaler/core';
import {
  createFsArtifactStore,
  jobKey,
  type JobBackend,
  type JobHandler,
  type JobSpec,
} from '@envscaler/jobs';
import {
  buildTopicEnvironment,
  envFunnel,
  EnvTypeChecker,
  mineTopics,
  StageCache,
  UsageMeter,
  writeBuildReport,
  type BuildReport,
  type BuildThresholds,
  type CorpusReport,
  type CorpusTask,
  type EnvOutcome,
  type RuntimeHooks,
  type Topic,
  type TopicBuild,
} from '@envscaler/skelbuilder';
import type { ProgressReporter } from '../progress.js';
import { runStageJobs } from './stage-jobs.js';

/** Settings of a `build-env` job (everything besides the topic that determines its environment). */
export interface BuildEnvSettings {
  repairRounds?: number;
  testerSteps?: number;
  testerCallsPerTurn?: number;
  qualityThreshold?: number;
  maxAttempts?: number;
  temperature?: number;
}

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

/** One `build-env` job per mined topic, keyed by the content hash of (topic, envId, settings). */
export function buildEnvJobs(options: {
  topics: readonly Topic[];
  envIds: ReadonlyMap<string, string>;
  out: string;
  settings: BuildEnvSettings;
}): JobSpec<BuildEnvPayload>[] {
  const out = resolve(options.out);
  return options.topics.map((topic) => {
    const envId = options.envIds.get(topic.id)!;
    const payload: BuildEnvPayload = { topic, envId, out, settings: options.settings };
    const key = jobKey('build-env', payload);
    return { kind: 'build-env', key, payload, artifact: buildEnvArtifact(envId, key) };
  });
}

export interface BuildJobsOptions {
  backend: JobBackend;
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
  /** Runs jobs in this process too (required for the in-process backend). */
  handler?: JobHandler<BuildEnvPayload>;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

/**
 * `envscaler build` over a job backend: topic mining runs here (corpus-wide dedup), then one `build-env`
 * job per topic; when every job is done, report.json/report.md are written from the jobs' markers (the
 * logic and quality funnel in environment-id order). Re-running resumes: topics whose marker exists are
 * not queued, and mining answers come from `.cache/stages`. Closes the backend when done.
 */
export async function runBuildJobs(options: BuildJobsOptions): Promise<BuildReport> {
  try {
    const started = performance.now();
    const out = resolve(options.out);
    const meter = new UsageMeter();
    const cache = new StageCache({ dir: join(out, '.cache', 'stages') });
    const mining = options.progress?.stage('topics', options.tasks.length);
    const mined = await mineTopics(
      {
        tasks: options.tasks,
        model: options.model,
        embeddings: options.embeddings,
        out,
        concurrency: options.concurrency,
        thresholds: options.thresholds,
        maxAttempts: options.maxAttempts,
        temperature: options.temperature,
        signal: options.signal,
      },
      { meter, cache },
    );
    mining?.finish(`${mined.topics.length} topic(s) from ${options.tasks.length} task(s)`);
    const jobs = buildEnvJobs({
      topics: mined.topics,
      envIds: mined.envIds,
      out,
      settings: {
        repairRounds: options.repairRounds,
        testerSteps: options.testerSteps,
        testerCallsPerTurn: options.testerCallsPerTurn,
        qualityThreshold: options.thresholds?.quality,
        maxAttempts: options.maxAttempts,
        temperature: options.temperature,
      },
    });
    const store = createFsArtifactStore({ root: out });
    const doneBefore = new Set<string>();
    for (const job of jobs) if (await store.exists(job.artifact!)) doneBefore.add(job.key);
    const { stage, skipped } = await runStageJobs({
      backend: options.backend,
      jobs,
      handler: options.handler,
      store,
      signal: options.signal,
      progress: options.progress,
      stage: 'environments',
      running: (n) => `running ${n} (${options.backend.name})`,
      what: 'build-env',
      describe: (p: BuildEnvPayload) => p.envId,
      hint: 'finished environments are saved; re-run to retry them',
    });
    const envs: EnvOutcome[] = [];
    const calls: CallUsage[] = [...meter.calls];
    const cacheCounts = { hits: cache.hits, misses: cache.misses };
    let model = meter.modelName;
    for (const job of jobs) {
      const text = await store.get(job.artifact!);
      if (text === undefined)
        throw new EnvscalerError(
          'INTERNAL',
          `build-env marker ${job.artifact} is missing after its job completed`,
        );
      const built = JSON.parse(text) as BuildEnvOutcome;
      envs.push(built.outcome);
      // Every call counts; those of environments an earlier run built are replayed calls of this build.
      const builtCalls = built.calls ?? [];
      if (doneBefore.has(job.key)) {
        calls.push(...builtCalls.map((call) => ({ ...call, cached: true })));
        continue;
      }
      calls.push(...builtCalls);
      cacheCounts.hits += built.cache.hits;
      cacheCounts.misses += built.cache.misses;
      model ??= built.model;
    }
    const report = await writeBuildReport({
      out,
      tasks: options.tasks.length,
      funnel: [...mined.funnel, ...envFunnel(envs)],
      envs,
      dedup: mined.dedup,
      method: mined.method,
      thresholds: options.thresholds,
      calls,
      prices: options.prices,
      corpus: options.corpus,
      model,
      cache: cacheCounts,
      wallTimeMs: Math.round(performance.now() - started),
      aborted: false,
    });
    stage?.finish(
      `${envs.filter((e) => e.status === 'kept').length} kept, ${jobs.length - skipped} built, ${skipped} already done`,
    );
    return report;
  } finally {
    await options.backend.close();
  }
}
