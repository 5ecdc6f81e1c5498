// Pure functions that turn run reports (whose exact shape the producers still refine) into the funnel and
// per-stage usage rows the summary page shows. Tolerant by design: unknown shapes yield no rows, never a crash.
import type { FunnelDetail, FunnelStep, StageUsage } from '../api.js';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Numeric counts of a report's funnel. Understands `funnel: {k: n}`, `funnel: [{stage, count}]`,
 * skelbuilder's `funnel: [{stage, in, out}]` (each stage's `out`; the first stage's `in` as `tasks`),
 * `corpus.tasks`, and top-level numbers.
 */
export function funnelCounts(report: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  if (!isObj(report)) return counts;
  const funnel = report.funnel ?? report.counts;
  if (Array.isArray(funnel)) {
    funnel.forEach((row, i) => {
      if (!isObj(row)) return;
      const key = row.stage ?? row.key ?? row.name ?? row.step ?? row.gate;
      if (typeof key !== 'string') return;
      const count = num(row.count) ?? num(row.value) ?? num(row.n) ?? num(row.out) ?? num(row.passed);
      if (count !== undefined) counts.set(key, count);
      const entered = num(row.in) ?? num(row.entered);
      if (i === 0 && entered !== undefined && !counts.has('tasks')) counts.set('tasks', entered);
    });
  } else if (isObj(funnel)) {
    for (const [key, value] of Object.entries(funnel)) {
      const count = num(value) ?? (isObj(value) ? num(value.count) : undefined);
      if (count !== undefined) counts.set(key, count);
    }
  }
  if (isObj(report.corpus) && num(report.corpus.tasks) !== undefined) counts.set('tasks', num(report.corpus.tasks)!);
  for (const [key, value] of Object.entries(report)) {
    const count = num(value);
    if (count !== undefined && !counts.has(key)) counts.set(key, count);
  }
  return counts;
}

/** The per-stage rows of a funnel list (`{stage, in, out}` or `{gate, entered, passed}`), for a detail table. */
export function funnelDetails(report: unknown, source: string): FunnelDetail[] {
  if (!isObj(report) || !Array.isArray(report.funnel)) return [];
  return report.funnel.flatMap((row) => {
    if (!isObj(row)) return [];
    const stage = row.stage ?? row.gate ?? row.name;
    const entered = num(row.in) ?? num(row.entered);
    const out = num(row.out) ?? num(row.passed);
    return typeof stage === 'string' && entered !== undefined && out !== undefined ? [{ source, stage, in: entered, out }] : [];
  });
}

/** Sums of scengen's per-environment reports (`scenarios/<envId>.report.json`). */
export interface ScengenTotals {
  reports: number;
  counts: Map<string, number>;
  usage: StageUsage[];
  details: FunnelDetail[];
}

export function aggregateScengenReports(reports: readonly unknown[]): ScengenTotals {
  const counts = new Map<string, number>();
  const usage = new Map<string, StageUsage>();
  const details = new Map<string, FunnelDetail>();
  for (const report of reports) {
    if (!isObj(report)) continue;
    for (const key of ['requested', 'candidates', 'kept', 'scenarios', 'generated', 'accepted']) {
      const value = num(report[key]);
      if (value !== undefined) counts.set(key, (counts.get(key) ?? 0) + value);
    }
    for (const row of extractStageUsage(report, 'scengen reports')) {
      const sum = usage.get(row.stage);
      if (!sum) usage.set(row.stage, { ...row });
      else {
        sum.promptTokens += row.promptTokens;
        sum.completionTokens += row.completionTokens;
        if (row.costUsd !== undefined) sum.costUsd = (sum.costUsd ?? 0) + row.costUsd;
        if (row.calls !== undefined) sum.calls = (sum.calls ?? 0) + row.calls;
      }
    }
    for (const row of funnelDetails(report, 'scengen')) {
      const sum = details.get(row.stage);
      if (!sum) details.set(row.stage, { ...row });
      else {
        sum.in += row.in;
        sum.out += row.out;
      }
    }
  }
  return { reports: reports.length, counts, usage: [...usage.values()], details: [...details.values()] };
}

function pick(counts: Map<string, number>, keys: string[]): number | undefined {
  for (const key of keys) {
    const value = counts.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
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
  skelbuilder?: unknown;
  /** One scengen report, or the summed counts of many (aggregateScengenReports). */
  scengen?: unknown;
  disk: DiskCounts;
}): FunnelStep[] {
  const skel = funnelCounts(options.skelbuilder);
  const scen = options.scengen instanceof Map ? (options.scengen as Map<string, number>) : funnelCounts(options.scengen);
  const steps: FunnelStep[] = [];
  const add = (key: string, label: string, fromReport: number | undefined, fromDisk?: number) => {
    if (fromReport !== undefined) steps.push({ key, label, count: fromReport, from: 'report' });
    else if (fromDisk !== undefined) steps.push({ key, label, count: fromDisk, from: 'disk' });
  };
  add('tasks', 'tasks', pick(skel, ['tasks', 'taskCount', 'inputTasks']));
  add('topics', 'topics', pick(skel, ['topics', 'topicCount', 'uniqueTopics', 'dedupedTopics', 'topic-dedup', 'topic-score']));
  add('envs', 'environments', pick(skel, ['envs', 'environments', 'built', 'envCount', 'logic']), options.disk.envs);
  add('kept', 'kept', pick(skel, ['kept', 'keptEnvs', 'envsKept', 'passedQuality', 'quality']), options.disk.keptEnvs);
  add(
    'scenarios',
    'scenarios',
    pick(scen, ['candidates', 'scenarios', 'generated', 'attempted']),
    options.disk.scenarios,
  );
  add(
    'scenariosKept',
    'kept',
    pick(scen, ['kept', 'scenariosKept', 'accepted', 'passed', 'written']),
    options.disk.scenarios,
  );
  return steps;
}

const usageKeys = ['usageByStage', 'tokensByStage', 'tokens', 'stages', 'usage', 'perStage'];

function usageRow(stage: string, value: unknown, from: string): StageUsage | undefined {
  if (!isObj(value)) return undefined;
  const promptTokens = num(value.promptTokens) ?? num(value.prompt_tokens) ?? num(value.inputTokens) ?? num(value.prompt);
  const completionTokens =
    num(value.completionTokens) ?? num(value.completion_tokens) ?? num(value.outputTokens) ?? num(value.completion);
  if (promptTokens === undefined && completionTokens === undefined) return undefined;
  const row: StageUsage = { stage, promptTokens: promptTokens ?? 0, completionTokens: completionTokens ?? 0, from };
  const cost = num(value.costUsd) ?? num(value.cost);
  if (cost !== undefined) row.costUsd = cost;
  const calls = num(value.calls) ?? num(value.requests);
  if (calls !== undefined) row.calls = calls;
  return row;
}

/** Token usage per stage from a report: `{usage: {stage: {promptTokens, completionTokens, costUsd?}}}` or a list. */
export function extractStageUsage(report: unknown, from: string): StageUsage[] {
  if (!isObj(report)) return [];
  for (const key of usageKeys) {
    const value = report[key];
    const rows: StageUsage[] = [];
    if (Array.isArray(value)) {
      for (const entry of value) {
        if (!isObj(entry) || typeof entry.stage !== 'string') continue;
        const row = usageRow(entry.stage, entry, from);
        if (row) rows.push(row);
      }
    } else if (isObj(value)) {
      for (const [stage, entry] of Object.entries(value)) {
        const row = usageRow(stage, entry, from);
        if (row) rows.push(row);
      }
    }
    if (rows.length > 0) return rows;
  }
  return [];
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
