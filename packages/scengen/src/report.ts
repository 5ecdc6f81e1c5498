import type { CallUsageTotals } from '@envscaler/core';
import type { UsageByStage } from './usage.js';

/** Gates in funnel order; a candidate leaves the funnel at the first gate it fails. */
export const FUNNEL_GATES = [
  'state',
  'task',
  'dedup',
  'checklist',
  'typecheck',
  'doNothing',
  'solvability',
  'artifact',
] as const;
export type FunnelGate = (typeof FUNNEL_GATES)[number];

export interface FunnelStep {
  gate: FunnelGate;
  entered: number;
  passed: number;
  dropped: number;
  /** Why candidates were dropped here: reason → count (reasons are shortened to their first clause). */
  reasons: Record<string, number>;
}

export interface DroppedScenario {
  slot: number;
  /** Set once the state and task exist. */
  scenarioId?: string;
  gate: FunnelGate;
  reason: string;
}

/** Written as `<out>/scenarios/<envId>.report.json`. */
export interface ScenarioReport {
  schemaVersion: 1;
  envId: string;
  createdAt: string;
  requested: number;
  candidates: number;
  kept: number;
  funnel: FunnelStep[];
  dropped: DroppedScenario[];
  /** Check-level outcomes across kept and dropped candidates. */
  checks: {
    generated: number;
    repaired: number;
    droppedTypecheck: number;
    rewritten: number;
    droppedDoNothing: number;
  };
  /** Checks that threw or timed out (counted as failed), with the gate that saw it. */
  checkErrors: { scenarioId: string; checkId: string; gate: 'doNothing' | 'solvability'; error: string }[];
  difficulty?: Record<'too_easy' | 'trainable' | 'too_hard', number>;
  /** Per stage tag; `cachedCalls` were replayed from the stage cache (their tokens are included). */
  tokens: UsageByStage;
  totals: { promptTokens: number; completionTokens: number; calls: number; cachedCalls: number };
  /** The same per model name (cost per model when priced). */
  tokensByModel: Record<string, CallUsageTotals>;
  /**
   * Cost of all recorded tokens (fresh and cached entries), each call at its own model's price; absent
   * without prices, or when a model has none (then listed in `unpricedModels`).
   */
  costUsd?: number;
  unpricedModels?: string[];
  /** Set when the run stopped early on a fatal error; finished work was still written. */
  error?: string;
}

export function shortReason(reason: string): string {
  return reason.split(/[:(;]/)[0]!.trim().slice(0, 120);
}

export function buildFunnel(candidates: number, dropped: readonly DroppedScenario[]): FunnelStep[] {
  let entered = candidates;
  return FUNNEL_GATES.map((gate) => {
    const here = dropped.filter((d) => d.gate === gate);
    const reasons: Record<string, number> = {};
    for (const d of here) reasons[shortReason(d.reason)] = (reasons[shortReason(d.reason)] ?? 0) + 1;
    const step = { gate, entered, passed: entered - here.length, dropped: here.length, reasons };
    entered -= here.length;
    return step;
  });
}

export function totalUsage(tokens: UsageByStage): ScenarioReport['totals'] {
  const totals = { promptTokens: 0, completionTokens: 0, calls: 0, cachedCalls: 0 };
  for (const u of Object.values(tokens)) {
    totals.promptTokens += u.promptTokens;
    totals.completionTokens += u.completionTokens;
    totals.calls += u.calls;
    totals.cachedCalls += u.cachedCalls;
  }
  return totals;
}

export function costOf(
  totals: { promptTokens: number; completionTokens: number },
  pricing: { promptPerMillion: number; completionPerMillion: number },
): number {
  const usd =
    (totals.promptTokens * pricing.promptPerMillion +
      totals.completionTokens * pricing.completionPerMillion) /
    1e6;
  return Math.round(usd * 1e6) / 1e6;
}
