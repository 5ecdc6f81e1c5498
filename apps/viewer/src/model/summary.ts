// Pure functions that turn run reports (whose exact shape the producers still refine) into the funnel and
// per-stage usage rows the summary page shows. Tolerant by design: unknown shapes yield no rows, never a crash.
import type { FunnelStep, StageUsage } from '../api.js';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Numeric counts of a report's funnel: `funnel: {k: n}`, `funnel: [{stage, count}]`, or top-level numbers. */
export function funnelCounts(report: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  if (!isObj(report)) return counts;
  const funnel = report.funnel ?? report.counts;
  if (Array.isArray(funnel)) {
    for (const row of funnel) {
      if (!isObj(row)) continue;
      const key = row.stage ?? row.key ?? row.name ?? row.step;
      const count = num(row.count) ?? num(row.value) ?? num(row.n);
      if (typeof key === 'string' && count !== undefined) counts.set(key, count);
    }
  } else if (isObj(funnel)) {
    for (const [key, value] of Object.entries(funnel)) {
      const count = num(value) ?? (isObj(value) ? num(value.count) : undefined);
      if (count !== undefined) counts.set(key, count);
    }
  }
  for (const [key, value] of Object.entries(report)) {
    const count = num(value);
    if (count !== undefined && !counts.has(key)) counts.set(key, count);
  }
  return counts;
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
  scengen?: unknown;
  disk: DiskCounts;
}): FunnelStep[] {
  const skel = funnelCounts(options.skelbuilder);
  const scen = funnelCounts(options.scengen);
  const steps: FunnelStep[] = [];
  const add = (key: string, label: string, fromReport: number | undefined, fromDisk?: number) => {
    if (fromReport !== undefined) steps.push({ key, label, count: fromReport, from: 'report' });
    else if (fromDisk !== undefined) steps.push({ key, label, count: fromDisk, from: 'disk' });
  };
  add('tasks', 'tasks', pick(skel, ['tasks', 'taskCount', 'inputTasks']));
  add('topics', 'topics', pick(skel, ['topics', 'topicCount', 'uniqueTopics', 'dedupedTopics']));
  add('envs', 'environments', pick(skel, ['envs', 'environments', 'built', 'envCount']), options.disk.envs);
  add('kept', 'kept', pick(skel, ['kept', 'keptEnvs', 'envsKept', 'passedQuality']), options.disk.keptEnvs);
  add(
    'scenarios',
    'scenarios',
    pick(scen, ['scenarios', 'generated', 'candidates', 'attempted']),
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

const usageKeys = ['usageByStage', 'tokensByStage', 'stages', 'usage', 'tokens', 'perStage'];

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
