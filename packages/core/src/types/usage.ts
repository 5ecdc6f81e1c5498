import type { TokenUsage } from './chat.js';

/** USD per one million tokens for one model (an entry of the config file's `prices` map). */
export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
  /**
   * USD per million prompt tokens the provider served from its prompt cache (`cachedPromptTokens`);
   * without it those tokens cost `promptPerMillion` like the rest.
   */
  cachedPromptPerMillion?: number;
}

/** Prices by model name, as the config file's `prices` map holds them: the one price input of every stage. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** One model call, as the cost and token reports count it. */
export interface CallUsage extends TokenUsage {
  /** The stage tag of the request. */
  stage: string;
  /** The model the call was sent to (the name `prices` is keyed by); see `modelNameOf`. */
  model: string;
  /**
   * True when this run did not make the call but replayed its answer, which an earlier (interrupted) run
   * of the same output paid for, from a cache; its tokens and cost still count toward the run.
   */
  cached?: boolean;
}

/**
 * Calls, tokens and cost of one slice of a run: one stage, one model or all of it. The one usage shape
 * of every stage report (skelbuilder's `report.json`, scengen's `*.report.json`, `summary.json`'s models).
 */
export interface StageUsage {
  /** Calls this run made. */
  calls: number;
  /** Calls of an earlier run of the same output whose answers this run replayed (tokens included below). */
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** USD, each call at its own model's price (`callCostUsd`); absent when some call's model has no price. */
  costUsd?: number;
}

export interface CallUsageSummary {
  total: StageUsage;
  byStage: Record<string, StageUsage>;
  byModel: Record<string, StageUsage>;
  /** Models that were called but have no price (the slices holding their calls have no `costUsd`). */
  unpricedModels: string[];
}
