import { join } from 'node:path';
import {
  EnvscalerError,
  parseEnvironmentPackage,
  parseQualityReport,
  type ChatModel,
  type CallUsage,
  type EnvironmentPackage,
  type JsonSchema,
  type QualityReport,
  type StageUsage,
  type ToolSpec,
  type EnvOutcome,
  type FunnelStage,
} from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { environmentDigest } from '@envscaler/runtime';
import type { ModelStageOptions } from './ask.js';
import { StageCache } from './cache.js';
import { buildEnvironmentCode, type LogicModel } from './logic/model-logic.js';
import { EnvTypeChecker } from './logic/typecheck.js';
import { evaluateQuality, type OpenSession } from './quality/evaluate.js';
import { repairReports } from './report.js';
import { deriveSchemas, openSandboxSession } from './runtime-adapter.js';
import type { Drop, Topic } from './topics.js';
import { UsageMeter } from './usage.js';
import { isAbortError, throwIfAborted } from './util.js';

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

const sandboxFailures = new Set([
  'ENVIRONMENT_LOAD_FAILED',
  'SANDBOX_ERROR',
  'INVALID_ARTIFACT',
  'INVALID_INPUT',
]);

const defaultRuntime: RuntimeHooks = { derive: deriveSchemas, open: openSandboxSession };

/** Shared state for running pieces of the pipeline under one report (usage, cache, funnel so far). */
export interface BuildRunState {
  meter?: UsageMeter;
  cache?: StageCache;
  /** Funnel stages are pushed here as they finish (so an aborted run can report the part it did). */
  funnel?: FunnelStage[];
}

/** The stage cache of a build under `out` (`.cache/stages`). */
export function stageCacheFor(out: string): StageCache {
  return new StageCache({ dir: join(out, '.cache', 'stages') });
}

/** The agent-facing introduction of an environment: what it is and the rules it enforces. */
export function introductionFor(logic: LogicModel): string {
  const rules = logic.model.rules.map((r) => `- ${r}`).join('\n');
  return `${logic.model.summary}\n\nUse the tools to read and change the system's records. Rules:\n${rules}`.trim();
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
