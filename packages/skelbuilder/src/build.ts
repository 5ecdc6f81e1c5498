import { join } from 'node:path';
import {
  EnvscalerError,
  parseEnvironmentPackage,
  parseQualityReport,
  type ChatModel,
  type EmbeddingModel,
  type CallUsage,
  type EnvironmentPackage,
  type JsonSchema,
  type PriceTable,
  type QualityReport,
  type StageUsage,
  type ToolSpec,
  type BuildReport,
  type EnvOutcome,
  type FunnelStage,
} from '@envscaler/core';
import { mapConcurrent, writeFileAtomic } from '@envscaler/core/node';
import { environmentDigest } from '@envscaler/runtime';
import type { ModelStageOptions } from './ask.js';
import { StageCache } from './cache.js';
import type { CorpusReport, CorpusTask } from './corpus.js';
import { buildEnvironmentCode, type LogicModel } from './logic/model-logic.js';
import { EnvTypeChecker } from './logic/typecheck.js';
import { evaluateQuality, type OpenSession } from './quality/evaluate.js';
import { renderReportMarkdown, repairReports, tokensReport } from './report.js';
import { deriveSchemas, openSandboxSession } from './runtime-adapter.js';
import {
  dedupTopics,
  defaultDedupThreshold,
  inferTopics,
  judgeTasks,
  scoreTopics,
  type DedupResult,
  type Drop,
  type ProgressEvent,
  type Topic,
} from './topics.js';
import { recordingEmbeddingModel, UsageMeter } from './usage.js';
import { isAbortError, kebabCase, throwIfAborted } from './util.js';

export interface BuildThresholds {
  /** Minimum usefulness and modelability score (0–10) a topic needs (default 7). */
  minScore?: number;
  /** Cosine similarity at which topics merge (default 0.88 with embeddings, 0.5 with TF-IDF). */
  dedupSimilarity?: number;
  /** Minimum (pass + warning) / total share of the quality run (default 0.85). */
  quality?: number;
}

/** Hooks into the runtime, replaceable in tests and benchmarks. */
export interface RuntimeHooks {
  /** Tool specs and State JSON Schema derived from an environment module's source. */
  derive(options: {
    source: string;
    fileName?: string;
  }): Promise<{ tools: ToolSpec[]; stateSchema: JsonSchema }>;
  /** A sandbox session of the module, started from `initialState`. */
  open(options: { source: string; initialState: unknown }): ReturnType<OpenSession>;
}

export interface BuildEnvironmentsOptions {
  tasks: readonly CorpusTask[];
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
  /** Reuse a type checker across builds (one is created otherwise, and disposed at the end). */
  checker?: EnvTypeChecker;
  /** Type-check in a worker thread (one long-lived project there) when creating the checker (default true). */
  typecheckThread?: boolean;
  /** Replace the runtime (tests, benchmarks). */
  runtime?: RuntimeHooks;
}

const sandboxFailures = new Set([
  'ENVIRONMENT_LOAD_FAILED',
  'SANDBOX_ERROR',
  'INVALID_ARTIFACT',
  'INVALID_INPUT',
]);

const defaultRuntime: RuntimeHooks = { derive: deriveSchemas, open: openSandboxSession };

/** Gives each topic an environment id from its name, unique within the run. */
export function assignEnvIds(topics: readonly Topic[]): Map<string, string> {
  const used = new Set<string>();
  const ids = new Map<string, string>();
  for (const topic of topics) {
    const base = kebabCase(topic.topic);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(topic.id, id);
  }
  return ids;
}

/** The agent-facing introduction of an environment: what it is and the rules it enforces. */
export function introductionFor(logic: LogicModel): string {
  const rules = logic.model.rules.map((r) => `- ${r}`).join('\n');
  return `${logic.model.summary}\n\nUse the tools to read and change the system's records. Rules:\n${rules}`.trim();
}

/** What topic mining (stages 1a–1d) leaves: the deduplicated topics and their environment ids. */
export interface MinedTopics {
  topics: Topic[];
  /** Topic id → environment id (unique within the run). */
  envIds: Map<string, string>;
  /** The topic-judge, topic-infer, topic-score and topic-dedup funnel stages. */
  funnel: FunnelStage[];
  dedup: DedupResult;
  method: 'embeddings' | 'tfidf';
}

/** Shared state for running pieces of the pipeline under one report (usage, cache, funnel so far). */
export interface BuildRunState {
  meter?: UsageMeter;
  cache?: StageCache;
  /** Funnel stages are pushed here as they finish (so an aborted run can report the part it did). */
  funnel?: FunnelStage[];
}

function stageCacheFor(out: string): StageCache {
  return new StageCache({ dir: join(out, '.cache', 'stages') });
}

/**
 * Topic mining over the whole corpus: judge, infer, score and deduplicate, every answer cached under
 * `out/.cache/stages`. Corpus-wide (dedup compares all topics), so a distributed build runs it on the
 * coordinator and queues one job per returned topic.
 */
export async function mineTopics(
  options: BuildEnvironmentsOptions,
  state: BuildRunState = {},
): Promise<MinedTopics> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const minScore = options.thresholds?.minScore ?? 7;
  const meter = state.meter ?? new UsageMeter();
  const cache = state.cache ?? stageCacheFor(options.out);
  const funnel = state.funnel ?? [];
  const method = options.embeddings ? 'embeddings' : 'tfidf';
  const stage: ModelStageOptions = {
    model: meter.chat(options.model),
    cache,
    signal: options.signal,
    maxAttempts: options.maxAttempts,
    temperature: options.temperature,
  };
  const progress = { onProgress: options.onProgress, concurrency };
  const judged = await judgeTasks({ ...stage, ...progress, tasks: options.tasks });
  funnel.push({
    stage: 'topic-judge',
    in: options.tasks.length,
    out: judged.kept.length,
    dropped: judged.dropped,
  });
  const inferred = await inferTopics({ ...stage, ...progress, tasks: judged.kept });
  funnel.push({
    stage: 'topic-infer',
    in: judged.kept.length,
    out: inferred.kept.length,
    dropped: inferred.dropped,
  });
  const scored = await scoreTopics({ ...stage, ...progress, topics: inferred.kept, minScore });
  funnel.push({
    stage: 'topic-score',
    in: inferred.kept.length,
    out: scored.kept.length,
    dropped: scored.dropped,
  });
  const embeddings = options.embeddings ? meter.embeddings(options.embeddings) : undefined;
  options.onProgress?.({ stage: 'topic-dedup', done: 0, total: scored.kept.length, dropped: 0 });
  const dedup = await cache.runRecorded(
    'topic-dedup',
    { topics: scored.kept, method, threshold: options.thresholds?.dedupSimilarity ?? null },
    async () => {
      const calls: CallUsage[] = [];
      const value = await dedupTopics({
        topics: scored.kept,
        embeddings: embeddings ? recordingEmbeddingModel(embeddings, calls) : undefined,
        similarity: options.thresholds?.dedupSimilarity,
        signal: options.signal,
      });
      return { value, calls };
    },
    (calls) => meter.replay(calls),
  );
  funnel.push({
    stage: 'topic-dedup',
    in: scored.kept.length,
    out: dedup.topics.length,
    dropped: dedup.dropped,
  });
  options.onProgress?.({
    stage: 'topic-dedup',
    done: scored.kept.length,
    total: scored.kept.length,
    dropped: dedup.dropped.length,
  });
  return { topics: dedup.topics, envIds: assignEnvIds(dedup.topics), funnel, dedup, method };
}

export interface BuildTopicEnvironmentOptions {
  topic: Topic;
  envId: string;
  model: ChatModel;
  /** Output root: writes `envs/<envId>/` or `dropped/<envId>/`; answers are cached under `.cache/stages`. */
  out: string;
  /** A type checker to use (one is created and disposed otherwise). */
  checker?: EnvTypeChecker;
  runtime?: RuntimeHooks;
  repairRounds?: number;
  testerSteps?: number;
  testerCallsPerTurn?: number;
  /** Minimum (pass + warning) / total share of the quality run (default 0.85). */
  qualityThreshold?: number;
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
  /** Usage and cache shared with the rest of a run (a fresh cache on `out` otherwise). */
  state?: Pick<BuildRunState, 'meter' | 'cache'>;
  /** Called when logic (with derivation) finished, when quality starts, and when quality finished. */
  onStep?: (step: 'logic' | 'quality-start' | 'quality', drop?: Drop) => void;
}

/** One topic's environment, built: its outcome and what building it cost. */
export interface TopicBuild {
  outcome: EnvOutcome;
  /** Model calls and tokens by stage tag behind this environment (replayed answers as `cachedCalls`). */
  tokens: Record<string, StageUsage>;
  /**
   * Every model call behind this environment, with its model name: made now, or (`cached`) made by an
   * earlier run and replayed from the stage cache. Absent in outcomes written before it existed.
   */
  calls?: CallUsage[];
  cache: { hits: number; misses: number };
  /** The model name the endpoint reported, if any. */
  model?: string;
}

/**
 * The per-topic part of the pipeline: logic modelling with type-checking and repair, schema derivation,
 * quality evaluation, and output to `out/envs/<envId>/` (kept) or `out/dropped/<envId>/` (dropped), each
 * file written atomically. Every model answer is cached under `out/.cache/stages`.
 */
export async function buildTopicEnvironment(options: BuildTopicEnvironmentOptions): Promise<TopicBuild> {
  const { topic, envId } = options;
  const shared = options.state?.meter;
  const own = new UsageMeter({ parent: shared });
  const meter = shared ?? own;
  const cache = options.state?.cache ?? stageCacheFor(options.out);
  const hits = cache.hits;
  const misses = cache.misses;
  const ownChecker = options.checker === undefined;
  const checker = options.checker ?? new EnvTypeChecker({ thread: false });
  const runtime = options.runtime ?? defaultRuntime;
  const qualityThreshold = options.qualityThreshold ?? 0.85;
  const stage: ModelStageOptions = {
    model: own.chat(options.model),
    cache,
    signal: options.signal,
    maxAttempts: options.maxAttempts,
    temperature: options.temperature,
  };
  const outcome: EnvOutcome = {
    envId,
    topicId: topic.id,
    topic: topic.topic,
    taskIds: topic.taskIds,
    status: 'dropped',
  };
  const done = (): TopicBuild => ({
    outcome,
    tokens: Object.fromEntries([...own.byStage].sort(([a], [b]) => a.localeCompare(b))),
    calls: [...own.calls],
    cache: { hits: cache.hits - hits, misses: cache.misses - misses },
    ...(own.modelName ? { model: own.modelName } : {}),
  });
  try {
    throwIfAborted(options.signal);
    const logicResult = await buildEnvironmentCode({
      ...stage,
      topic,
      checker,
      repairRounds: options.repairRounds,
      fileName: `/envs/${envId}/env.ts`,
    });
    if (!logicResult.ok) {
      Object.assign(outcome, {
        stage: logicResult.stage,
        reason: logicResult.reason,
        repairRounds: logicResult.repairs.length,
      });
      if (logicResult.repairs.length > 0) outcome.repairs = repairReports(logicResult.repairs);
      if (logicResult.source) {
        await writeFileAtomic({
          file: join(options.out, 'dropped', envId, 'env.ts'),
          data: logicResult.source,
        });
        outcome.path = join('dropped', envId);
      }
      options.onStep?.('logic', { stage: logicResult.stage, id: envId, reason: logicResult.reason });
      return done();
    }
    const logic = logicResult.logic;
    outcome.className = logic.model.className;
    outcome.repairRounds = logic.repairs.length;
    if (logic.repairs.length > 0) outcome.repairs = repairReports(logic.repairs);
    let derived: { tools: ToolSpec[]; stateSchema: JsonSchema };
    try {
      derived = await runtime.derive({ source: logic.source, fileName: `${envId}/env.ts` });
    } catch (error) {
      if (!(error instanceof EnvscalerError) || isAbortError(error)) throw error;
      const reason = `schema derivation failed: ${error.message}`;
      Object.assign(outcome, { stage: 'logic-derive', reason });
      options.onStep?.('logic', { stage: 'logic-derive', id: envId, reason });
      return done();
    }
    options.onStep?.('logic');

    options.onStep?.('quality-start');
    let quality: Awaited<ReturnType<typeof evaluateQuality>>;
    try {
      quality = await evaluateQuality({
        ...stage,
        envId,
        entities: logic.model,
        stateTypes: logic.stateTypes,
        stateSchema: derived.stateSchema,
        tools: derived.tools,
        openSession: (initialState) => runtime.open({ source: logic.source, initialState }),
        steps: options.testerSteps,
        callsPerTurn: options.testerCallsPerTurn,
        threshold: qualityThreshold,
      });
    } catch (error) {
      // The module compiled but the sandbox could not run it: drop it rather than the whole build.
      if (!(error instanceof EnvscalerError) || !sandboxFailures.has(error.code)) throw error;
      const reason = `could not run in the sandbox: ${error.message}`;
      Object.assign(outcome, { stage: 'quality', reason });
      options.onStep?.('quality', { stage: 'quality', id: envId, reason });
      return done();
    }
    const report: QualityReport = parseQualityReport(quality.report, `${envId}/quality.json`);
    outcome.qualityScore = report.score;
    if (!report.kept) {
      Object.assign(outcome, {
        stage: 'quality',
        reason: report.dropReason ?? 'below threshold',
        path: join('dropped', envId),
      });
      await writeFileAtomic({ file: join(options.out, 'dropped', envId, 'env.ts'), data: logic.source });
      await writeFileAtomic({
        file: join(options.out, 'dropped', envId, 'quality.json'),
        data: `${JSON.stringify(report, null, 2)}\n`,
      });
      options.onStep?.('quality', { stage: 'quality', id: envId, reason: outcome.reason! });
      return done();
    }
    const pkg: EnvironmentPackage = parseEnvironmentPackage(
      {
        schemaVersion: 1,
        id: envId,
        className: logic.model.className,
        topic: topic.topic,
        summary: logic.model.summary,
        introduction: introductionFor(logic),
        rules: logic.model.rules,
        stateSchema: derived.stateSchema,
        tools: derived.tools,
        source: logic.source,
        initialization: 'state',
        provenance: {
          seedTask: topic.tasks[0],
          seedTaskIds: topic.taskIds,
          ...(meter.modelName ? { model: meter.modelName } : {}),
          quality: report,
          createdAt: new Date().toISOString(),
          // lets the runtime tell this env.json from one edited by hand without deriving again
          digest: environmentDigest({
            source: logic.source,
            tools: derived.tools,
            stateSchema: derived.stateSchema,
          }),
        },
      },
      `${envId}/env.json`,
    );
    const dir = join(options.out, 'envs', envId);
    await writeFileAtomic({ file: join(dir, 'env.ts'), data: logic.source });
    await writeFileAtomic({ file: join(dir, 'quality.json'), data: `${JSON.stringify(report, null, 2)}\n` });
    await writeFileAtomic({ file: join(dir, 'env.json'), data: `${JSON.stringify(pkg, null, 2)}\n` });
    Object.assign(outcome, { status: 'kept', path: join('envs', envId) });
    options.onStep?.('quality');
    return done();
  } finally {
    if (ownChecker) await checker.dispose();
  }
}

/**
 * The logic and quality funnel stages from per-environment outcomes, drops in environment-id order (a
 * drop at 'quality' counts against quality; any other drop against logic).
 */
export function envFunnel(envs: readonly EnvOutcome[]): FunnelStage[] {
  const sorted = [...envs].sort((a, b) => a.envId.localeCompare(b.envId));
  const drop = (e: EnvOutcome): Drop => ({ stage: e.stage ?? 'logic', id: e.envId, reason: e.reason ?? '' });
  const logicDrops = sorted.filter((e) => e.status === 'dropped' && e.stage !== 'quality').map(drop);
  const qualityDrops = sorted.filter((e) => e.status === 'dropped' && e.stage === 'quality').map(drop);
  const qualityIn = sorted.length - logicDrops.length;
  return [
    { stage: 'logic', in: sorted.length, out: sorted.length - logicDrops.length, dropped: logicDrops },
    { stage: 'quality', in: qualityIn, out: qualityIn - qualityDrops.length, dropped: qualityDrops },
  ];
}

export interface WriteBuildReportOptions {
  out: string;
  /** Corpus size. */
  tasks: number;
  funnel: FunnelStage[];
  envs: readonly EnvOutcome[];
  /** The dedup result (undefined when the run stopped before dedup). */
  dedup?: DedupResult;
  method: 'embeddings' | 'tfidf';
  thresholds?: BuildThresholds;
  /** Every call of the build (made by this run, or `cached`: replayed from an earlier run's cache). */
  calls: Iterable<CallUsage>;
  /** USD per million tokens by model name; see `BuildEnvironmentsOptions.prices`. */
  prices?: PriceTable;
  /** What reading the corpus dropped. */
  corpus?: CorpusReport;
  model?: string;
  cache: { hits: number; misses: number };
  wallTimeMs: number;
  aborted: boolean;
}

/** Writes `out/report.json` and `out/report.md` (environments sorted by id) and returns the report. */
export async function writeBuildReport(options: WriteBuildReportOptions): Promise<BuildReport> {
  const { tokens, byModel, total, unpricedModels } = tokensReport(options.calls, { prices: options.prices });
  const dedupSimilarity =
    options.dedup?.threshold ?? options.thresholds?.dedupSimilarity ?? defaultDedupThreshold[options.method];
  const report: BuildReport = {
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    wallTimeMs: options.wallTimeMs,
    aborted: options.aborted,
    ...(options.model ? { model: options.model } : {}),
    corpus: { tasks: options.tasks, ...(options.corpus ? { filters: options.corpus } : {}) },
    dedup: { method: options.method, threshold: dedupSimilarity, merged: options.dedup?.merged ?? [] },
    thresholds: {
      minScore: options.thresholds?.minScore ?? 7,
      quality: options.thresholds?.quality ?? 0.85,
      dedupSimilarity,
    },
    funnel: options.funnel,
    tokens,
    tokensByModel: byModel,
    totalTokens: total,
    unpricedModels,
    cache: options.cache,
    envs: [...options.envs].sort((a, b) => a.envId.localeCompare(b.envId)),
  };
  await writeFileAtomic({
    file: join(options.out, 'report.json'),
    data: `${JSON.stringify(report, null, 2)}\n`,
  });
  await writeFileAtomic({ file: join(options.out, 'report.md'), data: renderReportMarkdown(report) });
  return report;
}

/**
 * The whole skelbuilder pipeline: topic mining (judge, infer, score, dedup; `mineTopics`), then per topic,
 * up to `concurrency` at once, logic modelling with type-checking and repair, schema derivation, quality
 * evaluation and output (`buildTopicEnvironment`), then the report (`writeBuildReport`). Every model
 * answer is cached under `out/.cache/stages`, so re-running with the same inputs reuses finished work.
 * Returns the report also written to `out/report.json`.
 */
export async function buildEnvironments(options: BuildEnvironmentsOptions): Promise<BuildReport> {
  const started = performance.now();
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const qualityThreshold = options.thresholds?.quality ?? 0.85;
  const meter = new UsageMeter();
  const cache = stageCacheFor(options.out);
  const ownChecker = options.checker === undefined;
  const checker = options.checker ?? new EnvTypeChecker({ thread: options.typecheckThread ?? true });
  const runtime = options.runtime ?? defaultRuntime;
  const funnel: FunnelStage[] = [];
  const envs: EnvOutcome[] = [];
  let dedup: DedupResult | undefined;
  const method = options.embeddings ? 'embeddings' : 'tfidf';

  const finish = (aborted: boolean): Promise<BuildReport> =>
    writeBuildReport({
      out: options.out,
      tasks: options.tasks.length,
      funnel,
      envs,
      dedup,
      method,
      thresholds: options.thresholds,
      calls: meter.calls,
      prices: options.prices,
      corpus: options.corpus,
      model: meter.modelName,
      cache: { hits: cache.hits, misses: cache.misses },
      wallTimeMs: Math.round(performance.now() - started),
      aborted,
    });

  try {
    // 1. Topic mining.
    const mined = await mineTopics(options, { meter, cache, funnel });
    dedup = mined.dedup;

    // 2–4. Per environment: logic, derivation, quality, output.
    const { topics, envIds } = mined;
    const counters = {
      logic: { done: 0, dropped: 0, in: 0, drops: [] as Drop[] },
      quality: { done: 0, dropped: 0, in: 0, drops: [] as Drop[] },
    };
    const tick = (name: 'logic' | 'quality', drop?: Drop) => {
      const c = counters[name];
      c.done++;
      if (drop) {
        c.dropped++;
        c.drops.push(drop);
      }
      options.onProgress?.({
        stage: name,
        done: c.done,
        total: name === 'logic' ? topics.length : c.in,
        dropped: c.dropped,
      });
    };
    options.onProgress?.({ stage: 'logic', done: 0, total: topics.length, dropped: 0 });
    counters.logic.in = topics.length;
    await mapConcurrent({
      items: topics,
      concurrency,
      fn: async (topic) => {
        throwIfAborted(options.signal);
        const built = await buildTopicEnvironment({
          topic,
          envId: envIds.get(topic.id)!,
          model: options.model,
          out: options.out,
          checker,
          runtime,
          repairRounds: options.repairRounds,
          testerSteps: options.testerSteps,
          testerCallsPerTurn: options.testerCallsPerTurn,
          qualityThreshold,
          maxAttempts: options.maxAttempts,
          temperature: options.temperature,
          signal: options.signal,
          state: { meter, cache },
          onStep: (step, drop) => {
            if (step === 'quality-start') counters.quality.in++;
            else tick(step, drop);
          },
        });
        envs.push(built.outcome);
      },
    });
    funnel.push({
      stage: 'logic',
      in: counters.logic.in,
      out: counters.logic.in - counters.logic.dropped,
      dropped: counters.logic.drops,
    });
    funnel.push({
      stage: 'quality',
      in: counters.quality.in,
      out: counters.quality.in - counters.quality.dropped,
      dropped: counters.quality.drops,
    });
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) {
      await finish(true);
      throw isAbortError(error)
        ? error
        : new EnvscalerError('ABORTED', 'the build was aborted', { cause: error });
    }
    throw error;
  } finally {
    if (ownChecker) await checker.dispose();
  }
  return finish(false);
}
