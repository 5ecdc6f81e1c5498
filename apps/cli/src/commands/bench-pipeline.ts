import { setMaxListeners } from 'node:events';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { EnvscalerError, type ChatModel, type ChatRequest, type ChatResponse } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { createOpenAIChatModel, withCassette } from '@envscaler/llm';
import { createSyntheticChatModel } from '@envscaler/testing/synthetic';
import { readTaskCorpus } from '@envscaler/skelbuilder';
import { toJsonl } from '@envscaler/validate';
import { createBackend } from '../backend-options.js';
import type { ProgressReporter } from '../progress.js';
import { runBuild } from './build.js';
import { runExportRlCommand, runExportSftCommand } from './export.js';
import { runRolloutCommand } from './rollout.js';
import { runScenarios } from './scenarios.js';
import { runBuildJobs } from '../jobs/build-jobs.js';
import { runRolloutJobs } from '../jobs/rollout-jobs.js';
import { runScenarioJobs } from '../jobs/scenario-jobs.js';
import {
  clusterError,
  startPipelineCluster,
  type PipelineCluster,
  type WorkerLaunch,
} from './bench-pipeline-cluster.js';
import { pipelineCorpus } from './bench-pipeline-corpus.js';
import {
  fileSizes,
  sampleRss,
  writtenBetween,
  type StageMetrics,
} from './bench-pipeline-metrics.js';

export interface PipelineBenchOptions {
  /** Environments to build (N): one synthetic corpus task, and so one topic, each. */
  envs: number;
  /** Scenarios per environment (M). */
  scenariosPerEnv: number;
  /** Trials per scenario (k). */
  trials: number;
  out: string;
  /** Seed of the synthetic model (default 1). */
  seed?: number;
  /**
   * An OpenAI-compatible endpoint serving the synthetic model (`startSyntheticOpenAIServer`) instead of
   * the synthetic model in this process, e.g. so a test counts calls across killed and resumed runs.
   */
  endpoint?: string;
  /** Environments built, candidates generated per environment, episodes run at once (default 4 / 4 / 8). */
  concurrency?: { build?: number; scenarios?: number; rollouts?: number };
  /** Tool calls in each environment's quality run (default 12). */
  testerSteps?: number;
  /**
   * `local` (default): every stage in this process. `redis`: every stage as jobs on a Redis queue, run by
   * `workers` `envscaler worker` processes this call starts (and stops), with the synthetic model behind
   * a loopback OpenAI-compatible server that the coordinator and the workers share.
   */
  backend?: 'local' | 'redis';
  /** With `redis`: a running Redis (default: a private `redis-server` started on a free loopback port). */
  redis?: string;
  /** With `redis`: worker processes (default 2). */
  workers?: number;
  /** With `redis`: jobs each worker runs at once (default 4). */
  workerConcurrency?: number;
  /** With `redis`: how to start `envscaler worker` (default: this process's own CLI). */
  workerLaunch?: WorkerLaunch;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

export interface PipelineBenchResult {
  envs: number;
  scenariosPerEnv: number;
  trials: number;
  out: string;
  /** Environments kept, scenarios kept, episodes run (earlier runs' included). */
  built: number;
  scenarios: number;
  episodes: number;
  /** True when `out` already held a run's caches, so finished work was reused. */
  resumed: boolean;
  /** Where the stages ran: this process, or `workers` worker processes on Redis. */
  backend: 'local' | 'redis';
  workers?: number;
  wallMs: number;
  /** Lifetime peak RSS of this process (`process.resourceUsage().maxRSS`), in bytes. */
  maxRssBytes: number;
  /** The process's V8 heap limit (`--max-old-space-size` plus the young generation). */
  heapLimitBytes: number;
  stages: StageMetrics[];
}

/** Counts the requests that reach `inner`, per pipeline stage (the one running when the call was made). */
function countingModel(inner: ChatModel): ChatModel & { stage: string; calls: Map<string, number> } {
  const counter = {
    stage: 'none',
    calls: new Map<string, number>(),
    async complete(request: ChatRequest): Promise<ChatResponse> {
      counter.calls.set(counter.stage, (counter.calls.get(counter.stage) ?? 0) + 1);
      return inner.complete(request);
    },
  };
  return counter;
}

/**
 * `envscaler bench pipeline` without the flag parsing: writes a synthetic corpus of `envs` distinct tasks,
 * then builds the environments, generates `scenariosPerEnv` scenarios each, runs `trials` episodes of each
 * and exports SFT and RL data, composed from the functions behind `envscaler build`, `scenarios`,
 * `rollout` and `export`, with the synthetic model at zero latency so only the pipeline's own cost is
 * measured. Every model answer is recorded under `<out>/.cache/llm` (as `envscaler demo` does with an
 * endpoint) and every stage resumes from its artifacts, so re-running the same call after a crash
 * continues where it stopped.
 */
export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineBenchResult> {
  for (const key of ['envs', 'scenariosPerEnv', 'trials'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 1) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `runPipelineBench: ${key} must be a positive integer, got ${JSON.stringify(options[key])}`,
      );
    }
  }
  const backend = options.backend ?? 'local';
  if (backend === 'redis' && options.endpoint)
    throw new EnvscalerError(
      'INVALID_INPUT',
      'runPipelineBench: endpoint is for the local backend; with redis the bench serves the synthetic model to its workers itself',
    );
  const out = resolve(options.out);
  const started = performance.now();
  const resumed = (await stat(join(out, '.cache')).catch(() => undefined)) !== undefined;
  const cluster =
    backend === 'redis'
      ? await startPipelineCluster({
          workers: options.workers ?? 2,
          workerConcurrency: options.workerConcurrency ?? 4,
          redis: options.redis,
          seed: options.seed ?? 1,
          launch: options.workerLaunch,
          log: (line) => options.progress?.message(line),
          signal: options.signal,
        })
      : undefined;
  try {
    const result = await runStages({ ...options, out, cluster });
    return {
      envs: options.envs,
      scenariosPerEnv: options.scenariosPerEnv,
      trials: options.trials,
      out,
      ...result,
      resumed,
      backend,
      ...(cluster ? { workers: options.workers ?? 2 } : {}),
      wallMs: performance.now() - started,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      heapLimitBytes: getHeapStatistics().heap_size_limit,
    };
  } catch (error) {
    throw clusterError(cluster, error);
  } finally {
    await cluster?.stop();
  }
}

/** The stages of `runPipelineBench`, in this process or (with `cluster`) as jobs for its workers. */
async function runStages(
  options: PipelineBenchOptions & { out: string; cluster: PipelineCluster | undefined },
): Promise<Pick<PipelineBenchResult, 'built' | 'scenarios' | 'episodes' | 'stages'>> {
  const { out, cluster, progress } = options;
  const modelUrl = cluster?.modelUrl ?? options.endpoint;
  const base: ChatModel = modelUrl
    ? createOpenAIChatModel({
        baseURL: modelUrl,
        apiKey: 'synthetic',
        // with workers, the name they use too (the in-process model's), so every artifact names one model
        model: cluster ? 'synthetic-model' : 'synthetic',
        env: {},
      })
    : createSyntheticChatModel({ seed: options.seed ?? 1 });
  // requests = what the pipeline asked; calls = what reached the model (the rest the cassette answered)
  const calls = countingModel(base);
  const requests = countingModel(
    withCassette({ model: calls, dir: join(out, '.cache', 'llm'), mode: 'auto' }),
  );
  const model: ChatModel = requests;
  // build and scenarios as `envscaler init`'s config sets them: enough work in flight to hide each file's fsync
  const concurrency = { build: 4, scenarios: 4, rollouts: 8, ...options.concurrency };
  // a worker that dies stops the run (its jobs would otherwise wait for a worker that never comes)
  const signal = cluster
    ? options.signal
      ? AbortSignal.any([options.signal, cluster.failed])
      : cluster.failed
    : options.signal;
  // each request waiting in the HTTP client's limiter listens on it: many at once are expected, not a leak
  if (cluster && signal) setMaxListeners(0, signal);
  /** A Redis backend for one stage's jobs (each coordinator closes its own); the workers run them. */
  const jobs = () =>
    createBackend({ backend: 'redis', redis: cluster!.redisUrl, queue: cluster!.queue, concurrency: 0 });
  const stages: StageMetrics[] = [];
  let snapshot: Map<string, number> | undefined;

  /** Runs one stage and records its cost; `work` returns how many items it produced. */
  async function stage(name: string, unit: string, work: () => Promise<number>): Promise<number> {
    signal?.throwIfAborted();
    // the previous stage's closing snapshot opens this one: one walk of --out per stage
    const before = snapshot ?? (await fileSizes(out));
    calls.stage = requests.stage = name;
    // with workers, their calls reach the model without passing here: count them at the server
    const served = cluster?.requestCount() ?? 0;
    const rss = sampleRss();
    const t0 = performance.now();
    let items: number;
    try {
      items = await work();
    } finally {
      calls.stage = requests.stage = 'none';
    }
    const wallMs = performance.now() - t0;
    const peakRssBytes = rss.stop();
    snapshot = await fileSizes(out);
    const written = writtenBetween(before, snapshot);
    const here = calls.calls.get(name) ?? 0;
    stages.push({
      stage: name,
      wallMs,
      unit,
      items,
      modelCalls: cluster ? cluster.requestCount() - served : here,
      // the coordinator's cassette; workers have none (their stage caches resume finished work)
      cacheHits: (requests.calls.get(name) ?? 0) - here,
      peakRssBytes,
      bytesWritten: written.bytes,
      filesWritten: written.files,
    });
    return items;
  }

  const tasksFile = join(out, 'corpus', 'tasks.jsonl');
  await stage('corpus', 'tasks', async () => {
    const tasks = pipelineCorpus({ count: options.envs });
    await writeFileAtomic({ file: tasksFile, data: toJsonl(tasks) });
    return tasks.length;
  });
  const buildSettings = { testerSteps: options.testerSteps ?? 12, repairRounds: 3 };
  const built = await stage('build', 'environments', async () => {
    let report;
    if (cluster) {
      // topic mining (corpus-wide dedup) runs here; one build-env job per topic for the workers
      const corpus = await readTaskCorpus({ path: tasksFile, format: 'jsonl' });
      report = await runBuildJobs({
        backend: jobs(),
        tasks: corpus.tasks,
        corpus: corpus.report,
        out,
        model,
        concurrency: concurrency.build,
        thresholds: { minScore: 7, quality: 0.85 },
        ...buildSettings,
        signal,
        progress,
      });
    } else {
      report = await runBuild({
        tasks: tasksFile,
        tasksFormat: 'jsonl',
        out,
        model,
        concurrency: concurrency.build,
        minScore: 7,
        qualityThreshold: 0.85,
        ...buildSettings,
        signal,
        progress,
      });
    }
    return report.envs.filter((e) => e.status === 'kept').length;
  });
  if (built === 0) {
    throw new EnvscalerError(
      'GENERATION_FAILED',
      `bench pipeline: no environment was kept of ${options.envs} built`,
    );
  }
  const envsDir = join(out, 'envs');
  const scenarios = await stage('scenarios', 'scenarios', async () => {
    const settings = {
      envs: envsDir,
      out,
      count: options.scenariosPerEnv,
      concurrency: concurrency.scenarios,
      signal,
      progress,
    };
    if (cluster) {
      const outcomes = await runScenarioJobs({ ...settings, backend: jobs() });
      return outcomes.reduce((n, o) => n + o.kept, 0);
    }
    const { results } = await runScenarios({ ...settings, model });
    return results.reduce((n, r) => n + r.report.kept, 0);
  });
  const runDir = join(out, 'rollouts', 'run');
  const scenariosDir = join(out, 'scenarios');
  const episodes = await stage('rollouts', 'episodes', async () => {
    const settings = {
      envs: envsDir,
      scenarios: scenariosDir,
      trials: options.trials,
      out: runDir,
      mode: 'non_conversational' as const,
      progress,
      signal,
    };
    const result = cluster
      ? await runRolloutJobs({ ...settings, backend: jobs() })
      : await runRolloutCommand({ ...settings, concurrency: concurrency.rollouts, agent: model });
    return result.summary.episodes;
  });
  await stage('export', 'records', async () => {
    const sft = await runExportSftCommand({
      run: runDir,
      format: 'openai',
      minReward: 1,
      envs: envsDir,
      out: join(out, 'export', 'sft.jsonl'),
    });
    const rl = await runExportRlCommand({
      scenarios: scenariosDir,
      envs: envsDir,
      mode: 'non_conversational',
      out: join(out, 'export', 'rl.jsonl'),
    });
    return sft.written + rl.written;
  });
  return { built, scenarios, episodes, stages };
}

/** The targets on 2 cores, at M = 36 and k = 4. */
