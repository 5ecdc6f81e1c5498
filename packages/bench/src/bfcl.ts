import { join } from 'node:path';
import { EnvscalerError, type ChatModel, type TokenUsage } from '@envscaler/core';
import { loadEnvironment } from '@envscaler/runtime';
import { wilsonInterval } from '@envscaler/validate';
import { bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
import {
  bfclEnvHelpers,
  bfclSplitOf,
  readBfclData,
  selectBfclEntries,
  type BfclCategory,
} from './bfcl-data.js';
import { runBfclEntry, type BfclEntryResult, type BfclFailureType } from './bfcl-entry.js';
import { addUsage, writeJson, type BenchmarkRunOptions } from './common.js';
import { runEnvironment, runTrials } from './trials.js';

export interface AccuracyStat {
  entries: number;
  passed: number;
  accuracy: number;
  /** 95% Wilson score interval. */
  interval95: [number, number];
}

/** `summary.json`. */
export interface BfclSummary extends AccuracyStat {
  schemaVersion: 1;
  benchmark: 'bfcl-multi-turn';
  /** The category of the entries (when they all share one). */
  category?: BfclCategory;
  model?: string;
  /** Entries whose run failed (model errors); counted as failed, re-run on resume. */
  errors: number;
  perClass: Record<string, AccuracyStat>;
  perSplit: Partial<Record<'train' | 'test', AccuracyStat>>;
  failures: Partial<Record<BfclFailureType, number>>;
  /** Entries where the agent called tools in a turn whose gold is empty (informational, see `irrelevance`). */
  irrelevance: number;
  usage: TokenUsage;
  createdAt: string;
}

export interface BfclProgress {
  done: number;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  running: number;
  usage: TokenUsage;
}

export interface RunBfclBenchmarkOptions extends BenchmarkRunOptions {
  /** The agent (requests use stage 'agent'). */
  model: ChatModel;
  /** Model name recorded in the summary. */
  modelName?: string;
  /** The BFCL multi-turn category (default `base`); see `runBfclSuite` for several. */
  category?: BfclCategory;
  /** `train`, `test`, `all` (default), a comma-separated list of ids/numbers/ranges, or an array of ids. */
  entries?: string | readonly string[];
  /** Steps with tool calls allowed per user turn; one more force-terminates the entry (default 20, as BFCL). */
  maxStepsPerTurn?: number;
  /** Sampling temperature (default 0.001, BFCL's default). */
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BfclProgress) => void;
}

export interface BfclBenchmarkResult {
  /** One result per selected entry that finished (resumed ones included). */
  results: BfclEntryResult[];
  summary: BfclSummary;
  ran: number;
  skipped: number;
}

function accuracy(entries: number, passed: number): AccuracyStat {
  return {
    entries,
    passed,
    accuracy: entries === 0 ? 0 : passed / entries,
    interval95: wilsonInterval(passed, entries),
  };
}

/** Accuracy with a 95% Wilson interval, overall, per involved class and per split. */
export function summarizeBfcl(options: {
  results: readonly BfclEntryResult[];
  model?: string;
  category?: BfclCategory;
}): BfclSummary {
  const { results } = options;
  const passed = results.filter((r) => r.passed).length;
  const perClassCounts = new Map<string, [number, number]>();
  const perSplitCounts = new Map<'train' | 'test', [number, number]>();
  const failures: Partial<Record<BfclFailureType, number>> = {};
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const categories = new Set(results.map((r) => r.category ?? 'base'));
  for (const r of results) {
    for (const cls of r.classes) {
      const c = perClassCounts.get(cls) ?? [0, 0];
      perClassCounts.set(cls, [c[0] + 1, c[1] + (r.passed ? 1 : 0)]);
    }
    const s = perSplitCounts.get(r.split) ?? [0, 0];
    perSplitCounts.set(r.split, [s[0] + 1, s[1] + (r.passed ? 1 : 0)]);
    if (r.failure) failures[r.failure.type] = (failures[r.failure.type] ?? 0) + 1;
    addUsage(usage, r.usage);
  }
  const category = options.category ?? (categories.size === 1 ? [...categories][0] : undefined);
  return {
    schemaVersion: 1,
    benchmark: 'bfcl-multi-turn',
    ...(category ? { category } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...accuracy(results.length, passed),
    errors: results.filter((r) => r.error !== undefined).length,
    perClass: Object.fromEntries(
      [...perClassCounts].sort(([a], [b]) => a.localeCompare(b)).map(([k, [n, p]]) => [k, accuracy(n, p)]),
    ),
    perSplit: Object.fromEntries(
      [...perSplitCounts].sort(([a], [b]) => a.localeCompare(b)).map(([k, [n, p]]) => [k, accuracy(n, p)]),
    ),
    failures,
    irrelevance: results.filter((r) => r.turns.some((t) => t.irrelevance)).length,
    usage,
    createdAt: new Date().toISOString(),
  };
}

function parseResult(value: unknown, source?: string): BfclEntryResult {
  const r = value as Partial<BfclEntryResult> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    r.benchmark !== 'bfcl-multi-turn' ||
    typeof r.id !== 'string' ||
    typeof r.passed !== 'boolean'
  ) {
    throw new EnvscalerError('INVALID_ARTIFACT', `${source ?? 'results'}: not a BFCL entry result`);
  }
  return r as BfclEntryResult;
}

/**
 * One BFCL v3 multi-turn category (default `base`) as BFCL scores it: per entry, each user turn is sent,
 * the agent calls tools until it answers without one, and after each turn whose gold has calls the
 * environment's public state must equal the gold replay's (state check) and the gold results of the turn
 * must be among the agent's results so far (response check). miss_func withholds functions until the turn
 * that adds them; long_context loads the classes in long-context mode. Resumable through
 * `<out>/results.jsonl`; entries whose run errored are run again.
 */
export async function runBfclBenchmark(options: RunBfclBenchmarkOptions): Promise<BfclBenchmarkResult> {
  const envDir = options.envDir ?? bfclEnvironmentDir;
  const category = options.category ?? 'base';
  const data = await readBfclData({ dataDir: options.dataDir, category });
  const selected = Array.isArray(options.entries)
    ? selectBfclEntries(data.entries, (options.entries as readonly string[]).join(','))
    : selectBfclEntries(data.entries, (options.entries as string | undefined) ?? 'all');
  const helpers = bfclEnvHelpers;
  const parameterOrder = helpers.parameterOrderFromDocs([...data.docsByClass.values()].flat());

  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const run = await runTrials({
    items: selected,
    key: (entry) => entry.id,
    resultKey: (r: BfclEntryResult) => r.id,
    out: options.out,
    parse: parseResult,
    open: runEnvironment(options.env, () =>
      loadEnvironment({ dir: envDir, sandbox: options.sandbox, limits: options.limits }),
    ),
    run: (entry, env) =>
      runBfclEntry({
        env,
        entry,
        data,
        helpers,
        parameterOrder,
        model: options.model,
        maxStepsPerTurn: options.maxStepsPerTurn,
        temperature: options.temperature,
        signal: options.signal,
      }),
    failed: (entry, error): BfclEntryResult => ({
      schemaVersion: 1,
      benchmark: 'bfcl-multi-turn',
      category,
      id: entry.id,
      split: bfclSplitOf(entry.id),
      classes: [...entry.involved_classes],
      passed: false,
      failure: { type: 'error', message: error },
      turns: [],
      usage: { promptTokens: 0, completionTokens: 0 },
      durationMs: 0,
      error,
    }),
    // Tokens of this run only (resumed entries spent theirs before).
    onResult: (result) => addUsage(usage, result.usage),
    concurrency: options.concurrency,
    signal: options.signal,
    onProgress: ({ finished, ...p }) =>
      options.onProgress?.({
        ...p,
        passed: finished.filter((r) => r.passed).length,
        failed: finished.filter((r) => !r.passed).length,
        usage,
      }),
  });
  // Errored entries stay in selection order, each in its place.
  const results = run.results;
  const summary = summarizeBfcl({ results, model: options.modelName, category });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran: run.ran, skipped: run.skipped };
}
