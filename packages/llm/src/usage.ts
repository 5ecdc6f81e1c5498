import {
  UsageTally,
  type CallUsageSummary,
  type PriceTable,
  type Stage,
  type TokenUsage,
} from '@envscaler/core';

/** A JSON-serialisable usage report: core's call-usage summary, priced by core's one cost rule. */
export interface UsageReport extends CallUsageSummary {
  schemaVersion: 1;
}

export interface UsageTracker {
  /**
   * Adds one answered call. A `cached` call (answered from a cassette or cache) counts as a cached call,
   * its tokens and cost included, as every stage report counts replayed calls (see `callCostUsd`).
   */
  record(entry: { stage: Stage; model: string; usage: TokenUsage; cached?: boolean }): void;
  report(): UsageReport;
  reset(): void;
}

/**
 * Counts calls and tokens per stage, per model and for the whole run, and prices each model's tokens at
 * its entry of `prices` (USD per 1M tokens) with core's `summarizeCallUsage` rule.
 */
export function createUsageTracker(options: { prices?: PriceTable } = {}): UsageTracker {
  let tally = new UsageTally();
  return {
    record({ stage, model, usage, cached = false }) {
      tally.add({ stage, model, ...usage, ...(cached ? { cached } : {}) });
    },
    report() {
      return { schemaVersion: 1, ...tally.summary({ prices: options.prices }) };
    },
    reset() {
      tally = new UsageTally();
    },
  };
}
