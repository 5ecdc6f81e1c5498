import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve, basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  EnvscalerError,
  parseTrajectory,
  type CallUsage,
  type ChatModel,
  type EmbeddingModel,
  type PriceTable,
  type Scenario,
  type Trajectory,
} from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import {
  createFsArtifactStore,
  createInProcessBackend,
  createRedisBackend,
  createRedisRateLimiter,
  jobKey,
  runJobs,
  startWorker,
  withRateLimit,
  type ArtifactStore,
  type JobBackend,
  type JobHandler,
  type JobSpec,
  type WorkerEvent,
} from '@envscaler/jobs';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { generateScenarios } from '@envscaler/scengen';
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
  type Pricing,
  type RuntimeHooks,
  type Topic,
  type TopicBuild,
} from '@envscaler/skelbuilder';
import {
  readJsonlTolerant,
  runEpisode,
  summarize,
  type RolloutResult,
  type TokenPrices,
} from '@envscaler/validate';
import { createInterruptSignal } from '../interrupt.js';
import { resolveChatModel } from '../model.js';
import type { ProgressReporter, StageProgress } from '../progress.js';
import { findEnvironmentDirs, positiveInt, readScenarios } from '../inputs.js';

/** What an `episode` job carries: references to shared files plus the (small) scenario itself. */
export interface EpisodePayload {
  runId: string;
  /** The run directory every worker writes into (`episodes/<scenarioId>__<trial>.json`). */
  out: string;
  /** The environment directory (env.ts + env.json/meta.json). */
  envDir: string;
  scenario: Scenario;
  trial: number;
  mode: 'conversational' | 'non_conversational';
  maxSteps?: number;
  maxTokens?: number;
}

/** `<scenarioId>__<trial>.json`, with characters that are unsafe in file names replaced. */
export function episodeArtifact(scenarioId: string, trial: number): string {
  return `episodes/${scenarioId.replace(/[^A-Za-z0-9._-]/g, '_')}__${trial}.json`;
}

/** Environment directories under `dir` by environment id (read from env.json / meta.json, not compiled). */
export async function envDirsById(dir: string): Promise<Map<string, { dir: string; sourceHash: string }>> {
  const dirs = await findEnvironmentDirs(dir);
  const byId = new Map<string, { dir: string; sourceHash: string }>();
  for (const envDir of dirs) {
    let id: string | undefined;
    for (const name of ['env.json', 'meta.json']) {
      const text = await readFile(join(envDir, name), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      try {
        id = (JSON.parse(text) as { id?: string }).id;
      } catch {
        /* the worker's loadEnvironment reports the broken file */
      }
      break;
    }
    const source = await readFile(join(envDir, 'env.ts'), 'utf8');
    byId.set(id ?? basename(envDir), {
      dir: envDir,
      sourceHash: createHash('sha256').update(source).digest('hex').slice(0, 16),
    });
  }
  if (byId.size === 0)
    throw new EnvscalerError('NOT_FOUND', `no environment (a directory with env.ts) under ${dir}`);
  return byId;
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

export interface RolloutJobsOptions {
  backend: JobBackend;
  envs: string;
  scenarios: string;
  trials: number;
  out: string;
  mode: 'conversational' | 'non_conversational';
  maxSteps?: number;
  maxTokens?: number;
  /** Accepted for symmetry with the in-process command; with Redis each worker's --concurrency applies. */
  concurrency?: number;
  /** Runs jobs in this process too (required for the in-process backend). */
  handler?: JobHandler<EpisodePayload>;
  progress?: ProgressReporter;
  signal?: AbortSignal;
  prices?: TokenPrices;
  /** USD per million tokens by model name: summary.json prices each call at its own model's price. */
  modelPrices?: PriceTable;
  /** Fixed `createdAt` for summary.json (tests). */
  createdAt?: string;
}

/** One job per (scenario, trial), keyed by the hash of everything that determines the episode. */
export async function episodeJobs(
  options: Omit<RolloutJobsOptions, 'backend' | 'handler' | 'progress' | 'signal' | 'scenarios'> & {
    scenarios: readonly Scenario[];
  },
): Promise<JobSpec<EpisodePayload>[]> {
  const envDirs = await envDirsById(options.envs);
  const out = resolve(options.out);
  const runId = basename(out);
  const jobs: JobSpec<EpisodePayload>[] = [];
  for (const scenario of options.scenarios) {
    const env = envDirs.get(scenario.envId);
    if (!env)
      throw new EnvscalerError(
        'NOT_FOUND',
        `scenario '${scenario.id}' needs environment '${scenario.envId}', which is not under ${options.envs}`,
      );
    for (let trial = 0; trial < options.trials; trial++) {
      const payload: EpisodePayload = {
        runId,
        out,
        envDir: env.dir,
        scenario,
        trial,
        mode: options.mode,
        maxSteps: options.maxSteps,
        maxTokens: options.maxTokens,
      };
      jobs.push({
        kind: 'episode',
        key: jobKey('episode', { ...payload, envSource: env.sourceHash }),
        payload,
        artifact: episodeArtifact(scenario.id, trial),
      });
    }
  }
  return jobs;
}

/**
 * Runs a coordinator's jobs with one progress line, and turns failed jobs into one BACKEND_ERROR that
 * lists the first few (`describe` names a job, `hint` says what was kept and what to do).
 */
async function runJobsOrThrow<P>(options: {
  backend: JobBackend;
  jobs: JobSpec<P>[];
  handler?: JobHandler<P>;
  store: ArtifactStore;
  signal?: AbortSignal;
  progress?: ProgressReporter;
  stage: string;
  running: (count: number) => string;
  what: string;
  describe: (payload: P) => string;
  hint: string;
}): Promise<{ stage: StageProgress | undefined; skipped: number }> {
  const stage = options.progress?.stage(options.stage, options.jobs.length);
  const result = await runJobs({
    backend: options.backend,
    jobs: options.jobs,
    handler: options.handler,
    store: options.store,
    signal: options.signal,
    onProgress: (p) => stage?.update({ done: p.done, failed: p.failed, detail: options.running(p.running) }),
  });
  if (result.failed.length > 0) {
    const list = result.failed
      .slice(0, 5)
      .map((f) => `  - ${options.describe(f.job.payload as P)}: ${f.error}`);
    throw new EnvscalerError(
      'BACKEND_ERROR',
      `${result.failed.length} of ${options.jobs.length} ${options.what} jobs failed (${options.hint}):\n${list.join('\n')}`,
      { details: { failed: result.failed.map((f) => ({ key: f.job.key, error: f.error })) } },
    );
  }
  return { stage, skipped: result.skipped };
}

/**
 * `envscaler rollout` over a job backend: one `episode` job per (scenario, trial); each trajectory is
 * its own file under `<out>/episodes/`; when every job is done, `trajectories.jsonl` (sorted by scenario
 * id, then trial) and `summary.json` are written from those files. Re-running resumes: episodes whose
 * file exists are not queued (ones that ended with termination 'error' are retried, as in-process).
 * Closes the backend when done.
 */
export async function runRolloutJobs(options: RolloutJobsOptions): Promise<RolloutResult> {
  try {
    return await rolloutJobs(options);
  } finally {
    await options.backend.close();
  }
}

async function rolloutJobs(options: RolloutJobsOptions): Promise<RolloutResult> {
  const scenarios = await readScenarios({ path: options.scenarios });
  const out = resolve(options.out);
  const store = createFsArtifactStore({ root: out });
  const jobs = await episodeJobs({ ...options, scenarios });

  // Carry over episodes an in-process run already appended to trajectories.jsonl.
  const previous = await readJsonlTolerant({
    path: join(out, 'trajectories.jsonl'),
    parse: parseTrajectory,
    repair: false,
  }).catch(() => undefined);
  for (const t of previous?.records ?? []) {
    if (t.termination !== 'error')
      await store.put(episodeArtifact(t.scenarioId, t.trial), `${JSON.stringify(t)}\n`);
  }
  // Like runRollouts: an episode that ended with an error is run again.
  for (const job of jobs) {
    const text = await store.get(job.artifact!);
    if (text !== undefined && (JSON.parse(text) as Trajectory).termination === 'error')
      await store.remove(job.artifact!);
  }
  // Episodes finished before this run: their calls count in the summary as an earlier run's.
  const doneBefore = new Set<string>();
  for (const job of jobs) if (await store.exists(job.artifact!)) doneBefore.add(job.artifact!);

  const { stage, skipped } = await runJobsOrThrow({
    backend: options.backend,
    jobs,
    handler: options.handler,
    store,
    signal: options.signal,
    progress: options.progress,
    stage: 'rollouts',
    running: (n) => `running ${n} (${options.backend.name})`,
    what: 'episode',
    describe: (p: EpisodePayload) => `${p.scenario.id} trial ${p.trial}`,
    hint: 'finished episodes are saved; fix the cause and re-run',
  });

  const trajectories: Trajectory[] = [];
  const earlier = new Set<string>();
  for (const job of jobs) {
    const text = await store.get(job.artifact!);
    if (text === undefined)
      throw new EnvscalerError(
        'INTERNAL',
        `episode artifact ${job.artifact} is missing after its job completed`,
      );
    const trajectory = parseTrajectory(JSON.parse(text), join(out, job.artifact!));
    trajectories.push(trajectory);
    if (doneBefore.has(job.artifact!)) earlier.add(trajectory.id);
  }
  trajectories.sort((a, b) =>
    a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : a.trial - b.trial,
  );
  await writeFileAtomic({
    file: join(out, 'trajectories.jsonl'),
    data: trajectories.map((t) => JSON.stringify(t)).join('\n') + '\n',
  });
  const summary = summarize({
    trajectories,
    scenarios,
    prices: options.prices,
    modelPrices: options.modelPrices,
    earlier,
    runId: basename(out),
    createdAt: options.createdAt,
  });
  await writeFileAtomic({ file: join(out, 'summary.json'), data: `${JSON.stringify(summary, null, 2)}\n` });
  stage?.finish(
    `${jobs.length - skipped} run, ${skipped} already done → ${join(options.out, 'trajectories.jsonl')}`,
  );
  return { summary, trajectories, ran: jobs.length - skipped, skipped: skipped };
}

/** What a `scenarios` job carries: one environment's generation settings. */
export interface ScenariosPayload {
  envId: string;
  envDir: string;
  /** Output root shared by the workers (`scenarios/<envId>.jsonl`, `.cache/scengen/`). */
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
}

/** What a finished `scenarios` job leaves: a marker written after scengen wrote its files. */
export interface ScenariosOutcome {
  envId: string;
  kept: number;
  candidates: number;
  scenarios: string;
}

/** One `scenarios` job per environment under `envs`; done when its marker exists under `<out>/.jobs/`. */
export async function scenarioJobs(options: {
  envs: string;
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
}): Promise<JobSpec<ScenariosPayload>[]> {
  const out = resolve(options.out);
  const jobs: JobSpec<ScenariosPayload>[] = [];
  for (const [envId, env] of await envDirsById(options.envs)) {
    const payload: ScenariosPayload = {
      envId,
      envDir: env.dir,
      out,
      count: options.count,
      concurrency: options.concurrency,
      solverAttempts: options.solverAttempts,
      maxSteps: options.maxSteps,
    };
    const key = jobKey('scenarios', { ...payload, envSource: env.sourceHash });
    jobs.push({ kind: 'scenarios', key, payload, artifact: `.jobs/scenarios/${envId}.${key}.json` });
  }
  return jobs;
}

/**
 * Runs `scenarios` jobs with scengen's `generateScenarios` (which writes `scenarios/<envId>.jsonl` and
 * `.report.json` atomically and resumes from its own `.cache/scengen/`), then writes the job's marker.
 * A fatal generation error fails the job (no marker), so a re-run tries that environment again.
 */
export function createScenariosHandler(options: { model: ChatModel }): JobHandler<ScenariosPayload> {
  return async (job, context) => {
    const p = job.payload;
    const store = createFsArtifactStore({ root: p.out });
    const marker = job.artifact ?? `.jobs/scenarios/${p.envId}.${job.key}.json`;
    if (await store.exists(marker)) return { marker, skipped: true };
    const env = await loadEnvironment({ dir: p.envDir });
    try {
      const result = await generateScenarios({
        env,
        count: p.count,
        model: options.model,
        out: p.out,
        concurrency: p.concurrency,
        solverAttempts: p.solverAttempts,
        maxSteps: p.maxSteps,
        signal: context.signal,
      });
      const outcome: ScenariosOutcome = {
        envId: p.envId,
        kept: result.report.kept,
        candidates: result.report.candidates,
        scenarios: result.paths.scenarios,
      };
      await store.put(marker, `${JSON.stringify(outcome)}\n`);
      return { marker };
    } finally {
      env.dispose();
    }
  };
}

/**
 * `envscaler scenarios` over a job backend: one job per environment. Returns each environment's outcome;
 * throws BACKEND_ERROR listing the environments whose job failed (the others' files are kept).
 */
export async function runScenarioJobs(options: {
  backend: JobBackend;
  envs: string;
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
  handler?: JobHandler<ScenariosPayload>;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}): Promise<ScenariosOutcome[]> {
  try {
    const jobs = await scenarioJobs(options);
    const store = createFsArtifactStore({ root: resolve(options.out) });
    const { stage } = await runJobsOrThrow({
      backend: options.backend,
      jobs,
      handler: options.handler,
      store,
      signal: options.signal,
      progress: options.progress,
      stage: 'scenarios',
      running: (n) => `environments running ${n}`,
      what: 'scenario',
      describe: (p: ScenariosPayload) => p.envId,
      hint: 're-run to retry them',
    });
    const outcomes: ScenariosOutcome[] = [];
    for (const job of jobs) outcomes.push(JSON.parse((await store.get(job.artifact!))!) as ScenariosOutcome);
    stage?.finish(
      `${outcomes.reduce((n, o) => n + o.kept, 0)} scenarios for ${outcomes.length} environments`,
    );
    return outcomes;
  } finally {
    await options.backend.close();
  }
}

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
  /** One price for models without an entry in `prices`. */
  pricing?: Pricing;
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
    const { stage, skipped } = await runJobsOrThrow({
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
      pricing: options.pricing,
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

/** The backend the rollout/build/scenarios commands use for `--backend`. */
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

export function backendChoice(value: string): 'inprocess' | 'redis' {
  if (value !== 'inprocess' && value !== 'redis')
    throw new InvalidArgumentError("must be 'inprocess' or 'redis'");
  return value;
}

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
