import { join } from 'node:path';
import type { ChatModel, TokenUsage } from '@envscaler/core';
import { loadEnvironment } from '@envscaler/runtime';
import { bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
import { BFCL_CATEGORIES, type BfclCategory } from './bfcl-data.js';
import {
  runBfclBenchmark,
  type AccuracyStat,
  type BfclBenchmarkResult,
  type BfclProgress,
  type BfclSummary,
  type RunBfclBenchmarkOptions,
} from './bfcl.js';
import { addUsage, writeJson } from './common.js';

/** `summary.json` of a run over several categories. */
export interface BfclSuiteSummary {
  schemaVersion: 1;
  benchmark: 'bfcl-multi-turn';
  model?: string;
  /** Each category's accuracy (its `summary.json` is in `<out>/<category>/`). */
  categories: Partial<Record<BfclCategory, AccuracyStat>>;
  /**
   * BFCL's multi-turn score: the unweighted mean of the category accuracies (`calculate_unweighted_accuracy`
   * in BFCL's `eval_runner_helper.py`); `entries` and `passed` are the totals.
   */
  overall: { accuracy: number; entries: number; passed: number };
  errors: number;
  usage: TokenUsage;
  createdAt: string;
}

export interface RunBfclSuiteOptions extends Omit<
  RunBfclBenchmarkOptions,
  'category' | 'model' | 'onProgress'
> {
  /** Categories to run, in order (default: all four). */
  categories?: readonly BfclCategory[];
  /** The agent, or one per category (e.g. a gold agent built from that category's data). */
  model: ChatModel | ((category: BfclCategory) => ChatModel | Promise<ChatModel>);
  /** Run directory: one subdirectory per category (`<out>/<category>/`) and the suite's `summary.json`. */
  out?: string;
  onProgress?: (category: BfclCategory, progress: BfclProgress) => void;
}

export interface BfclSuiteResult {
  categories: Partial<Record<BfclCategory, BfclBenchmarkResult>>;
  summary: BfclSuiteSummary;
}

/** The suite summary of per-category summaries: each category's accuracy and their unweighted mean. */
export function summarizeBfclSuite(options: {
  summaries: Partial<Record<BfclCategory, BfclSummary>>;
  model?: string;
}): BfclSuiteSummary {
  const entries = BFCL_CATEGORIES.flatMap((c) => {
    const s = options.summaries[c];
    return s ? [[c, s] as const] : [];
  });
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  for (const [, s] of entries) addUsage(usage, s.usage);
  return {
    schemaVersion: 1,
    benchmark: 'bfcl-multi-turn',
    ...(options.model ? { model: options.model } : {}),
    categories: Object.fromEntries(
      entries.map(([c, s]) => [
        c,
        { entries: s.entries, passed: s.passed, accuracy: s.accuracy, interval95: s.interval95 },
      ]),
    ),
    overall: {
      accuracy:
        entries.length === 0 ? 0 : entries.reduce((sum, [, s]) => sum + s.accuracy, 0) / entries.length,
      entries: entries.reduce((sum, [, s]) => sum + s.entries, 0),
      passed: entries.reduce((sum, [, s]) => sum + s.passed, 0),
    },
    errors: entries.reduce((sum, [, s]) => sum + s.errors, 0),
    usage,
    createdAt: new Date().toISOString(),
  };
}

/**
 * Several BFCL multi-turn categories (default: the four of BFCL's multi-turn score), one after another,
 * each with `runBfclBenchmark` in `<out>/<category>/`; the suite summary reports each category and their
 * unweighted mean, which is BFCL's multi-turn score. `entries` selects within every category (by number,
 * split or range; ids name one category's entries).
 */
export async function runBfclSuite(options: RunBfclSuiteOptions): Promise<BfclSuiteResult> {
  const categories = options.categories ?? BFCL_CATEGORIES;
  const ownEnv = options.env === undefined;
  const env =
    options.env ??
    (await loadEnvironment({
      dir: options.envDir ?? bfclEnvironmentDir,
      sandbox: options.sandbox,
      limits: options.limits,
    }));
  const results: Partial<Record<BfclCategory, BfclBenchmarkResult>> = {};
  try {
    for (const category of categories) {
      if (options.signal?.aborted) break;
      const model = typeof options.model === 'function' ? await options.model(category) : options.model;
      results[category] = await runBfclBenchmark({
        ...options,
        category,
        model,
        env,
        out: options.out ? join(options.out, category) : undefined,
        onProgress: options.onProgress ? (p) => options.onProgress?.(category, p) : undefined,
      });
    }
  } finally {
    if (ownEnv) env.dispose();
  }
  const summary = summarizeBfclSuite({
    summaries: Object.fromEntries(Object.entries(results).map(([c, r]) => [c, r.summary])),
    model: options.modelName,
  });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { categories: results, summary };
}
