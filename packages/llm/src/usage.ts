import type { Stage, TokenUsage } from '@envscaler/core';

/** USD per one million tokens for one model (the config file's `prices` entries). */
export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

export type PriceTable = Record<string, ModelPrice>;

/** Totals for one slice of a run (all of it, one stage, or one model). */
export interface UsageTotals {
  /** Calls answered by the endpoint. */
  calls: number;
  /** Calls answered from a cassette or cache (no tokens paid). */
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** USD; present when every model in this slice has a price. */
  costUsd?: number;
}

/** A JSON-serialisable usage report. */
export interface UsageReport {
  schemaVersion: 1;
  total: UsageTotals;
  byStage: Record<string, UsageTotals>;
  byModel: Record<string, UsageTotals>;
  /** Models that were used but have no price, so their cost is not included. */
  unpricedModels: string[];
}

export interface UsageTracker {
  /** Adds one answered call. `cached` calls count as calls, but their tokens cost nothing. */
  record(entry: { stage: Stage; model: string; usage: TokenUsage; cached?: boolean }): void;
  report(): UsageReport;
  reset(): void;
}

interface Bucket {
  calls: number;
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  unpriced: boolean;
}

const emptyBucket = (): Bucket => ({
  calls: 0,
  cachedCalls: 0,
  promptTokens: 0,
  completionTokens: 0,
  cost: 0,
  unpriced: false,
});

/** Rounds away float noise (cost is reported to a millionth of a dollar). */
const roundUsd = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Counts prompt and completion tokens per stage, per model and for the whole run, and prices them
 * with an optional table of USD per 1M tokens per model.
 */
export function createUsageTracker(options: { prices?: PriceTable } = {}): UsageTracker {
  const prices = options.prices ?? {};
  let total = emptyBucket();
  let byStage = new Map<string, Bucket>();
  let byModel = new Map<string, Bucket>();
  const unpriced = new Set<string>();

  const add = (bucket: Bucket, usage: TokenUsage, cost: number | undefined, cached: boolean) => {
    if (cached) {
      bucket.cachedCalls++;
      return;
    }
    bucket.calls++;
    bucket.promptTokens += usage.promptTokens;
    bucket.completionTokens += usage.completionTokens;
    if (cost === undefined) bucket.unpriced = true;
    else bucket.cost += cost;
  };

  const totals = (bucket: Bucket): UsageTotals => ({
    calls: bucket.calls,
    cachedCalls: bucket.cachedCalls,
    promptTokens: bucket.promptTokens,
    completionTokens: bucket.completionTokens,
    totalTokens: bucket.promptTokens + bucket.completionTokens,
    ...(bucket.unpriced ? {} : { costUsd: roundUsd(bucket.cost) }),
  });

  return {
    record({ stage, model, usage, cached = false }) {
      const price = prices[model];
      const cost = price
        ? (usage.promptTokens * price.promptPerMillion +
            usage.completionTokens * price.completionPerMillion) /
          1e6
        : undefined;
      if (!price && !cached) unpriced.add(model);
      for (const [map, key] of [
        [byStage, stage],
        [byModel, model],
      ] as const) {
        let bucket = map.get(key);
        if (!bucket) map.set(key, (bucket = emptyBucket()));
        add(bucket, usage, cost, cached);
      }
      add(total, usage, cost, cached);
    },
    report() {
      const sorted = (map: Map<string, Bucket>) =>
        Object.fromEntries([...map.keys()].sort().map((key) => [key, totals(map.get(key)!)]));
      return {
        schemaVersion: 1,
        total: totals(total),
        byStage: sorted(byStage),
        byModel: sorted(byModel),
        unpricedModels: [...unpriced].sort(),
      };
    },
    reset() {
      total = emptyBucket();
      byStage = new Map();
      byModel = new Map();
      unpriced.clear();
    },
  };
}
