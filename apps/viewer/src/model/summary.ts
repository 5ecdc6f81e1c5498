// Pure functions that turn the stage reports (core's `BuildReport` and `ScenarioReport`, validated by the
// server with `parseBuildReport` / `parseScenarioReport`) into the funnel and per-stage usage rows the
// summary page shows.
import type { BuildReport, ScenarioReport, StageUsage } from '@envscaler/core';
import type { FunnelDetail, FunnelStep, UsageRow } from '../api.js';

/** The output of a named skelbuilder funnel stage (undefined when the run stopped before it). */
function stageOut(report: BuildReport, stage: string): number | undefined {
  return report.funnel.find((f) => f.stage === stage)?.out;
}

/** skelbuilder's funnel as the summary counts it: tasks, topics after dedup, environments, kept ones. */
export function buildReportCounts(report: BuildReport): { tasks: number; topics?: number; envs?: number; kept?: number } {
  return {
    tasks: report.corpus.tasks,
    topics: stageOut(report, 'topic-dedup') ?? stageOut(report, 'topic-score'),
    envs: stageOut(report, 'logic'),
    kept: stageOut(report, 'quality'),
  };
}

/** The per-stage rows of skelbuilder's funnel (`{stage, in, out}`), for a detail table. */
export function funnelDetails(report: BuildReport | undefined, source: string): FunnelDetail[] {
  return (report?.funnel ?? []).map((f) => ({ source, stage: f.stage, in: f.in, out: f.out }));
}

/** Sums of scengen's per-environment reports (`scenarios/<envId>.report.json`). */
export interface ScengenTotals {
  reports: number;
  counts: { candidates: number; kept: number };
  usage: UsageRow[];
  details: FunnelDetail[];
}

export function aggregateScengenReports(reports: readonly ScenarioReport[]): ScengenTotals {
  const counts = { candidates: 0, kept: 0 };
  const usage = new Map<string, UsageRow>();
  const details = new Map<string, FunnelDetail>();
  for (const report of reports) {
    counts.candidates += report.candidates;
    counts.kept += report.kept;
    for (const row of stageUsageRows(report.tokens, 'scengen reports')) {
      const sum = usage.get(row.stage);
      if (!sum) usage.set(row.stage, { ...row });
      else {
        sum.promptTokens += row.promptTokens;
        sum.completionTokens += row.completionTokens;
        sum.calls = (sum.calls ?? 0) + (row.calls ?? 0);
        sum.cachedCalls = (sum.cachedCalls ?? 0) + (row.cachedCalls ?? 0);
        if (row.costUsd !== undefined) sum.costUsd = (sum.costUsd ?? 0) + row.costUsd;
      }
    }
    for (const step of report.funnel) {
      const sum = details.get(step.gate);
      if (!sum) details.set(step.gate, { source: 'scengen', stage: step.gate, in: step.entered, out: step.passed });
      else {
        sum.in += step.entered;
        sum.out += step.passed;
      }
    }
  }
  return { reports: reports.length, counts, usage: [...usage.values()], details: [...details.values()] };
}

export interface DiskCounts {
  envs: number;
  keptEnvs: number;
  scenarios: number;
}

/**
 * tasks → topics → envs → kept → scenarios → kept. Report numbers win; what the reports lack is counted
 * on disk where that is possible (envs, kept envs, scenarios), otherwise the step is left out.
 */
export function buildFunnel(options: {
  skelbuilder?: BuildReport;
  /** The summed counts of scengen's reports (aggregateScengenReports). */
  scengen?: { candidates: number; kept: number };
  disk: DiskCounts;
}): FunnelStep[] {
  const skel = options.skelbuilder ? buildReportCounts(options.skelbuilder) : undefined;
  const steps: FunnelStep[] = [];
  const add = (key: string, label: string, fromReport: number | undefined, fromDisk?: number) => {
    if (fromReport !== undefined) steps.push({ key, label, count: fromReport, from: 'report' });
    else if (fromDisk !== undefined) steps.push({ key, label, count: fromDisk, from: 'disk' });
  };
  add('tasks', 'tasks', skel?.tasks);
  add('topics', 'topics', skel?.topics);
  add('envs', 'environments', skel?.envs, options.disk.envs);
  add('kept', 'kept', skel?.kept, options.disk.keptEnvs);
  add('scenarios', 'scenarios', options.scengen?.candidates, options.disk.scenarios);
  add('scenariosKept', 'kept', options.scengen?.kept, options.disk.scenarios);
  return steps;
}

/** One row per stage of a report's `tokens` map (core's `StageUsage` per stage tag), in report order. */
export function stageUsageRows(tokens: Readonly<Record<string, StageUsage>>, from: string): UsageRow[] {
  return Object.entries(tokens).map(([stage, u]) => ({
    stage,
    promptTokens: u.promptTokens,
    completionTokens: u.completionTokens,
    calls: u.calls,
    cachedCalls: u.cachedCalls,
    ...(u.costUsd === undefined ? {} : { costUsd: u.costUsd }),
    from,
  }));
}

/** Counts of scores in `bins` equal bins over [0, 1]; a score of exactly 1 falls in the last bin. */
export function rewardHistogram(scores: readonly number[], bins = 10): number[] {
  const out = new Array<number>(bins).fill(0);
  for (const score of scores) {
    if (!Number.isFinite(score)) continue;
    const clamped = Math.min(1, Math.max(0, score));
    const bin = Math.min(bins - 1, Math.floor(clamped * bins));
    out[bin] = (out[bin] ?? 0) + 1;
  }
  return out;
}
