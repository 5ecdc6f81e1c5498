import {
  scenarioFunnelGates,
  type DroppedScenario,
  type ScenarioFunnelGate,
  type ScenarioFunnelStep,
  type StageUsage,
} from '@envscaler/core';
import type { UsageByStage } from './usage.js';

// `<out>/scenarios/<envId>.report.json` is core's `ScenarioReport` (JSON Schema: `parseScenarioReport`),
// so the viewer reads exactly what `generateScenarios` writes.

/** Gates in funnel order; a candidate leaves the funnel at the first gate it fails. */
export const FUNNEL_GATES = scenarioFunnelGates;
export type FunnelGate = ScenarioFunnelGate;
export type FunnelStep = ScenarioFunnelStep;
export type { DroppedScenario, ScenarioReport } from '@envscaler/core';

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

export function totalUsage(tokens: UsageByStage): StageUsage {
  const totals = { promptTokens: 0, completionTokens: 0, calls: 0, cachedCalls: 0 };
  for (const u of Object.values(tokens)) {
    totals.promptTokens += u.promptTokens;
    totals.completionTokens += u.completionTokens;
    totals.calls += u.calls;
    totals.cachedCalls += u.cachedCalls;
  }
  return totals;
}
