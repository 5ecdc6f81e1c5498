import {
  EnvscalerError,
  type BuildReport,
  type CallUsage,
  type ChatModel,
  type EmbeddingModel,
  type FunnelStage,
  type PriceTable,
} from '@envscaler/core';
import {
  createInProcessBuilds,
  type EnvironmentBuildExecutor,
  type EnvironmentBuildRequest,
  type EnvironmentBuildStep,
  type FinishedEnvironmentBuild,
  type InterruptedEnvironmentBuild,
} from './build-executor.js';
import { droppedBeforeQuality, envFunnel, outcomeDrop, writeBuildReport } from './build-report.js';
import type { CorpusReport, CorpusTask } from './corpus.js';
import type { EnvTypeChecker } from './logic/typecheck.js';
import { mineTopics, type BuildThresholds, type MinedTopics } from './mine.js';
import { stageCacheFor, type RuntimeHooks } from './topic-build.js';
import type { Drop, ProgressEvent } from './topics.js';
import { UsageMeter } from './usage.js';
import { isAbortError } from './util.js';

export interface BuildEnvironmentsOptions {
  tasks: readonly CorpusTask[];
  /** Topic mining's model (and, in process, every per-topic stage's). */
  model: ChatModel;
  /** Used for topic deduplication; without it, TF-IDF cosine is used (and the report says so). */
  embeddings?: EmbeddingModel;
  /** Output directory: `envs/`, `dropped/`, `report.json`, `report.md`, `.cache/stages/`. */
  out: string;
  /** Environments (and, in topic mining, tasks) processed at once (default 4). */
  concurrency?: number;
  thresholds?: BuildThresholds;
  /** Tool calls in each quality run (default 30). */
  testerSteps?: number;
  /** Calls the tester proposes per turn (default 5). */
  testerCallsPerTurn?: number;
  /** Type-check repair rounds per environment (default 3). */
  repairRounds?: number;
  /** Attempts per JSON answer including re-asks (default 3). */
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * USD per million tokens by model name (the config file's `prices`): each call is priced at the price
   * of the model it went to, so stages on different models are priced differently.
   */
  prices?: PriceTable;
  /** What reading the corpus dropped (`readTaskCorpus`), shown in the report. */
  corpus?: CorpusReport;
  /**
   * Where the per-topic environments are built (default: in this process, `createInProcessBuilds` with
   * `model`, `concurrency`, `checker`, `typecheckThread` and `runtime`; those four are unused otherwise).
   */
  executor?: EnvironmentBuildExecutor;
  /** Reuse a type checker across builds (one is created otherwise, and disposed at the end). */
  checker?: EnvTypeChecker;
  /** Type-check in a worker thread (one long-lived project there) when creating the checker (default true). */
  typecheckThread?: boolean;
  /** Replace the runtime (tests, benchmarks). */
  runtime?: RuntimeHooks;
}

/**
 * The whole skelbuilder pipeline: topic mining over the whole corpus (judge, infer, score, dedup;
 * `mineTopics`), then one environment per topic built by `executor` (logic modelling with type-checking
 * and repair, schema derivation, quality evaluation and output; in this process by default, up to
 * `concurrency` at once), then the report (`writeBuildReport`). Every model answer is cached under
 * `out/.cache/stages`, so re-running with the same inputs reuses finished work. This function owns the
 * stage's rules whatever the executor: the logic and quality funnel in environment-id order, every call
 * counted (an environment the executor reports as built `earlier` counts its calls as replayed and not its
 * cache counts), and on abort a partial report (`aborted: true`) of what finished. Returns the report
 * also written to `out/report.json`.
 */
export async function buildEnvironments(options: BuildEnvironmentsOptions): Promise<BuildReport> {
  const started = performance.now();
  const meter = new UsageMeter();
  const cache = stageCacheFor(options.out);
  const executor =
    options.executor ??
    createInProcessBuilds({
      model: options.model,
      concurrency: options.concurrency,
      checker: options.checker,
      typecheckThread: options.typecheckThread,
      runtime: options.runtime,
    });
  const funnel: FunnelStage[] = [];
  // by environment id, in the order the executor reported them
  const finished = new Map<string, FinishedEnvironmentBuild>();
  let mined: MinedTopics | undefined;
  const interrupted: InterruptedEnvironmentBuild[] = [];

  const finish = (aborted: boolean): Promise<BuildReport> => {
    const envs = [...finished.values()].map((f) => f.build.outcome);
    const calls: CallUsage[] = [...meter.calls];
    const counts = { hits: cache.hits, misses: cache.misses };
    let model = meter.modelName;
    for (const { build, earlier } of finished.values()) {
      // Every call counts; those of environments an earlier run built are replayed calls of this build.
      if (earlier) {
        calls.push(...(build.calls ?? []).map((call) => ({ ...call, cached: true })));
        continue;
      }
      calls.push(...(build.calls ?? []));
      counts.hits += build.cache.hits;
      counts.misses += build.cache.misses;
      model ??= build.model;
    }
    for (const cut of interrupted) {
      calls.push(...cut.calls);
      counts.hits += cut.cache.hits;
      counts.misses += cut.cache.misses;
    }
    return writeBuildReport({
      out: options.out,
      tasks: options.tasks.length,
      // an aborted run reports the mining stages it finished, not a logic/quality funnel of a part
      funnel: aborted ? funnel : [...funnel, ...envFunnel(envs)],
      envs,
      dedup: mined?.dedup,
      method: options.embeddings ? 'embeddings' : 'tfidf',
      thresholds: options.thresholds,
      calls,
      prices: options.prices,
      corpus: options.corpus,
      model,
      cache: counts,
      wallTimeMs: Math.round(performance.now() - started),
      aborted,
    });
  };

  try {
    // 1. Topic mining, corpus-wide (dedup compares all topics).
    mined = await mineTopics(options, { meter, cache, funnel });
    const builds: EnvironmentBuildRequest[] = mined.topics.map((topic) => ({
      topic,
      envId: mined!.envIds.get(topic.id)!,
    }));

    // 2–4. Per environment: logic, derivation, quality, output.
    const progress = stepProgress(builds.length, options.onProgress);
    await executor.run({
      builds,
      out: options.out,
      // as given (defaults applied by buildTopicEnvironment), so job keys stay stable
      settings: {
        repairRounds: options.repairRounds,
        testerSteps: options.testerSteps,
        testerCallsPerTurn: options.testerCallsPerTurn,
        qualityThreshold: options.thresholds?.quality,
        maxAttempts: options.maxAttempts,
        temperature: options.temperature,
      },
      signal: options.signal,
      onStep: progress.step,
      onInterrupted: (cut) => void interrupted.push(cut),
      onFinished: async (done) => {
        const { envId } = done.request;
        if (finished.has(envId)) return; // reported twice (at-least-once delivery): the first one counts
        finished.set(envId, done);
        progress.finished(done);
      },
    });
    if (options.signal?.aborted) throw new EnvscalerError('ABORTED', 'the build was aborted');
    const missing = builds.filter((b) => !finished.has(b.envId)).map((b) => b.envId);
    if (missing.length > 0)
      throw new EnvscalerError(
        'INTERNAL',
        `the ${executor.name} executor finished without reporting environment(s) ${missing.join(', ')}`,
      );
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) {
      await finish(true);
      throw isAbortError(error)
        ? error
        : new EnvscalerError('ABORTED', 'the build was aborted', { cause: error });
    }
    throw error;
  }
  return finish(false);
}

/**
 * The 'logic' and 'quality' progress events, from the steps an executor reports and, for the steps it
 * does not see (a job's worker), from each finished environment's outcome.
 */
function stepProgress(total: number, onProgress: BuildEnvironmentsOptions['onProgress']) {
  const counters = {
    logic: { done: 0, dropped: 0, in: total },
    quality: { done: 0, dropped: 0, in: 0 },
  };
  const seen = new Map<string, Set<EnvironmentBuildStep>>();
  const step = (envId: string, name: EnvironmentBuildStep, drop?: Drop) => {
    let steps = seen.get(envId);
    if (!steps) seen.set(envId, (steps = new Set()));
    if (steps.has(name)) return;
    steps.add(name);
    if (name === 'quality-start') {
      counters.quality.in++;
      return;
    }
    const c = counters[name];
    c.done++;
    if (drop) c.dropped++;
    onProgress?.({ stage: name, done: c.done, total: c.in, dropped: c.dropped });
  };
  onProgress?.({ stage: 'logic', done: 0, total, dropped: 0 });
  return {
    step,
    finished({ request, build }: FinishedEnvironmentBuild) {
      const outcome = build.outcome;
      if (droppedBeforeQuality(outcome)) {
        step(request.envId, 'logic', outcomeDrop(outcome));
        return;
      }
      step(request.envId, 'logic');
      step(request.envId, 'quality-start');
      step(request.envId, 'quality', outcome.status === 'dropped' ? outcomeDrop(outcome) : undefined);
    },
  };
}
