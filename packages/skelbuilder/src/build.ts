import { join } from 'node:path';
import {
  EnvscalerError,
  parseEnvironmentPackage,
  parseQualityReport,
  type ChatModel,
  type EmbeddingModel,
  type EnvironmentPackage,
  type JsonSchema,
  type QualityReport,
  type ToolSpec,
} from '@envscaler/core';
import type { ModelStageOptions } from './ask.js';
import { StageCache } from './cache.js';
import type { CorpusTask } from './corpus.js';
import { buildEnvironmentCode, type LogicModel } from './logic/model-logic.js';
import { EnvTypeChecker } from './logic/typecheck.js';
import { evaluateQuality, type OpenSession } from './quality/evaluate.js';
import {
  renderReportMarkdown,
  tokensReport,
  type BuildReport,
  type EnvOutcome,
  type FunnelStage,
} from './report.js';
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
import { UsageMeter, type Pricing } from './usage.js';
import { isAbortError, kebabCase, mapConcurrent, throwIfAborted, writeFileAtomic } from './util.js';

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
  /** Token prices, to report cost per stage. */
  pricing?: Pricing;
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

/**
 * The whole skelbuilder pipeline: topic mining (judge, infer, score, dedup), then per topic, up to
 * `concurrency` at once, logic modelling with type-checking and repair, schema derivation, quality
 * evaluation and output. Every model answer is cached under `out/.cache/stages`, so re-running with the
 * same inputs reuses finished work. Returns the report also written to `out/report.json`.
 */
export async function buildEnvironments(options: BuildEnvironmentsOptions): Promise<BuildReport> {
  const started = performance.now();
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const minScore = options.thresholds?.minScore ?? 7;
  const qualityThreshold = options.thresholds?.quality ?? 0.85;
  const meter = new UsageMeter();
  const cache = new StageCache({ dir: join(options.out, '.cache', 'stages') });
  const ownChecker = options.checker === undefined;
  const checker = options.checker ?? new EnvTypeChecker({ thread: options.typecheckThread ?? true });
  const runtime = options.runtime ?? defaultRuntime;
  const stage: ModelStageOptions = {
    model: meter.chat(options.model),
    cache,
    signal: options.signal,
    maxAttempts: options.maxAttempts,
    temperature: options.temperature,
  };
  const progress = { onProgress: options.onProgress, concurrency };
  const funnel: FunnelStage[] = [];
  const envs: EnvOutcome[] = [];
  let dedup: DedupResult | undefined;
  const method = options.embeddings ? 'embeddings' : 'tfidf';

  const finish = async (aborted: boolean): Promise<BuildReport> => {
    const { tokens, total } = tokensReport(meter, options.pricing);
    const report: BuildReport = {
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      wallTimeMs: Math.round(performance.now() - started),
      aborted,
      ...(meter.modelName ? { model: meter.modelName } : {}),
      corpus: { tasks: options.tasks.length },
      dedup: {
        method,
        threshold: dedup?.threshold ?? options.thresholds?.dedupSimilarity ?? defaultDedupThreshold[method],
        merged: dedup?.merged ?? [],
      },
      thresholds: {
        minScore,
        quality: qualityThreshold,
        dedupSimilarity:
          dedup?.threshold ?? options.thresholds?.dedupSimilarity ?? defaultDedupThreshold[method],
      },
      funnel,
      tokens,
      totalTokens: total,
      cache: { hits: cache.hits, misses: cache.misses },
      envs: [...envs].sort((a, b) => a.envId.localeCompare(b.envId)),
    };
    await writeFileAtomic(join(options.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(join(options.out, 'report.md'), renderReportMarkdown(report));
    return report;
  };

  try {
    // 1. Topic mining.
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
    dedup = await cache.run(
      'topic-dedup',
      { topics: scored.kept, method, threshold: options.thresholds?.dedupSimilarity ?? null },
      () =>
        dedupTopics({
          topics: scored.kept,
          embeddings,
          similarity: options.thresholds?.dedupSimilarity,
          signal: options.signal,
        }),
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

    // 2–4. Per environment: logic, derivation, quality, output.
    const topics = dedup.topics;
    const envIds = assignEnvIds(topics);
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
    await mapConcurrent(topics, concurrency, async (topic) => {
      throwIfAborted(options.signal);
      const envId = envIds.get(topic.id)!;
      const outcome: EnvOutcome = {
        envId,
        topicId: topic.id,
        topic: topic.topic,
        taskIds: topic.taskIds,
        status: 'dropped',
      };
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
        if (logicResult.source) {
          await writeFileAtomic(join(options.out, 'dropped', envId, 'env.ts'), logicResult.source);
          outcome.path = join('dropped', envId);
        }
        envs.push(outcome);
        tick('logic', { stage: logicResult.stage, id: envId, reason: logicResult.reason });
        return;
      }
      const logic = logicResult.logic;
      outcome.className = logic.model.className;
      outcome.repairRounds = logic.repairs.length;
      let derived: { tools: ToolSpec[]; stateSchema: JsonSchema };
      try {
        derived = await runtime.derive({ source: logic.source, fileName: `${envId}/env.ts` });
      } catch (error) {
        if (!(error instanceof EnvscalerError) || isAbortError(error)) throw error;
        const reason = `schema derivation failed: ${error.message}`;
        Object.assign(outcome, { stage: 'logic-derive', reason });
        envs.push(outcome);
        tick('logic', { stage: 'logic-derive', id: envId, reason });
        return;
      }
      tick('logic');

      counters.quality.in++;
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
        envs.push(outcome);
        tick('quality', { stage: 'quality', id: envId, reason });
        return;
      }
      const report: QualityReport = parseQualityReport(quality.report, `${envId}/quality.json`);
      outcome.qualityScore = report.score;
      if (!report.kept) {
        Object.assign(outcome, {
          stage: 'quality',
          reason: report.dropReason ?? 'below threshold',
          path: join('dropped', envId),
        });
        await writeFileAtomic(join(options.out, 'dropped', envId, 'env.ts'), logic.source);
        await writeFileAtomic(
          join(options.out, 'dropped', envId, 'quality.json'),
          `${JSON.stringify(report, null, 2)}\n`,
        );
        envs.push(outcome);
        tick('quality', { stage: 'quality', id: envId, reason: outcome.reason! });
        return;
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
          },
        },
        `${envId}/env.json`,
      );
      const dir = join(options.out, 'envs', envId);
      await writeFileAtomic(join(dir, 'env.ts'), logic.source);
      await writeFileAtomic(join(dir, 'quality.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFileAtomic(join(dir, 'env.json'), `${JSON.stringify(pkg, null, 2)}\n`);
      Object.assign(outcome, { status: 'kept', path: join('envs', envId) });
      envs.push(outcome);
      tick('quality');
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
