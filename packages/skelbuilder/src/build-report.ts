import { join } from 'node:path';
import type { BuildReport, CallUsage, EnvOutcome, FunnelStage, PriceTable } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import type { CorpusReport } from './corpus.js';
import type { BuildThresholds } from './mine.js';
import { renderReportMarkdown, tokensReport } from './report.js';
import { defaultDedupThreshold, type DedupResult, type Drop } from './topics.js';

/** How a dropped environment appears in the funnel (a drop at 'quality' counts against quality). */
export function outcomeDrop(outcome: EnvOutcome): Drop {
  return { stage: outcome.stage ?? 'logic', id: outcome.envId, reason: outcome.reason ?? '' };
}

/** Whether the environment was dropped before its quality run (logic, repair or derivation). */
export function droppedBeforeQuality(outcome: EnvOutcome): boolean {
  return outcome.status === 'dropped' && outcome.stage !== 'quality';
}

/**
 * The logic and quality funnel stages from per-environment outcomes, drops in environment-id order (a
 * drop at 'quality' counts against quality; any other drop against logic).
 */
export function envFunnel(envs: readonly EnvOutcome[]): FunnelStage[] {
  const sorted = [...envs].sort((a, b) => a.envId.localeCompare(b.envId));
  const logicDrops = sorted.filter(droppedBeforeQuality).map(outcomeDrop);
  const qualityDrops = sorted.filter((e) => e.status === 'dropped' && e.stage === 'quality').map(outcomeDrop);
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
