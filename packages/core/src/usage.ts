/** USD per one million tokens for one model (an entry of the config file's `prices` map). */
export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

/** Prices by model name, as the config file's `prices` map holds them. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** One model call, as the cost and token reports count it. */
export interface CallUsage {
  /** The stage tag of the request. */
  stage: string;
  /** The model the call was sent to (the name `prices` is keyed by); see `modelNameOf`. */
  model: string;
  promptTokens: number;
  completionTokens: number;
  /**
   * True when this run did not make the call but replayed its answer, which an earlier (interrupted) run
   * of the same output paid for, from a cache; its tokens and cost still count toward the run.
   */
  cached?: boolean;
}

/** Calls, tokens and cost of one slice of a run (all of it, one stage or one model). */
export interface CallUsageTotals {
  /** Calls this run made. */
  calls: number;
  /** Calls of an earlier run of the same output whose answers this run replayed (tokens included below). */
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** USD, each call at its own model's price; absent when some call's model has no price. */
  costUsd?: number;
}

export interface CallUsageSummary {
  total: CallUsageTotals;
  byStage: Record<string, CallUsageTotals>;
  byModel: Record<string, CallUsageTotals>;
  /** Models that were called but have no price (the slices holding their calls have no `costUsd`). */
  unpricedModels: string[];
}

/**
 * The price of `model`: its own entry, else the longest entry whose name followed by `-` starts the
 * model's name (so `gpt-4.1-mini-2025-04-14`, as an endpoint reports it, uses `gpt-4.1-mini`'s price).
 */
export function priceFor(prices: PriceTable | undefined, model: string): ModelPrice | undefined {
  if (!prices) return undefined;
  const own = Object.prototype.hasOwnProperty.call(prices, model) ? prices[model] : undefined;
  if (own) return own;
  let best: string | undefined;
  for (const name of Object.keys(prices)) {
    if (model.startsWith(`${name}-`) && (best === undefined || name.length > best.length)) best = name;
  }
  return best === undefined ? undefined : prices[best];
}

/**
 * The name a call is priced under: what the model says it sends that stage to (`modelFor(stage)`, which
 * the OpenAI and cassette models have: the configured name the `prices` map uses), else the name the
 * endpoint reported in the response, else `unknown`.
 */
export function modelNameOf(model: unknown, stage: string, reported?: string): string {
  const named = (model as { modelFor?: (stage: string) => string | undefined } | null)?.modelFor;
  const configured = typeof named === 'function' ? named.call(model, stage) : undefined;
  return configured || reported || 'unknown';
}

/** Rounds away float noise (to a billionth of a dollar). */
const roundUsd = (usd: number) => Math.round(usd * 1e9) / 1e9;

interface Slice {
  calls: number;
  cachedCalls: number;
  /** Prompt and completion tokens per model, so cost does not depend on the order calls arrive in. */
  tokens: Map<string, { prompt: number; completion: number }>;
}

/**
 * Sums calls by stage, by model and in total, and prices each call at its own model's price (`prices`,
 * then `fallback` for a model without an entry). Tokens are summed per model before pricing, so the same
 * calls in any order give the same cost.
 */
export function summarizeCallUsage(
  calls: Iterable<CallUsage>,
  options: { prices?: PriceTable; fallback?: ModelPrice } = {},
): CallUsageSummary {
  const newSlice = (): Slice => ({ calls: 0, cachedCalls: 0, tokens: new Map() });
  const total = newSlice();
  const byStage = new Map<string, Slice>();
  const byModel = new Map<string, Slice>();
  const add = (slice: Slice, call: CallUsage) => {
    if (call.cached) slice.cachedCalls++;
    else slice.calls++;
    const tokens = slice.tokens.get(call.model) ?? { prompt: 0, completion: 0 };
    tokens.prompt += call.promptTokens;
    tokens.completion += call.completionTokens;
    slice.tokens.set(call.model, tokens);
  };
  for (const call of calls) {
    add(total, call);
    for (const [map, key] of [
      [byStage, call.stage],
      [byModel, call.model],
    ] as const) {
      let slice = map.get(key);
      if (!slice) map.set(key, (slice = newSlice()));
      add(slice, call);
    }
  }
  const price = (model: string) => priceFor(options.prices, model) ?? options.fallback;
  const totals = (slice: Slice): CallUsageTotals => {
    let promptTokens = 0;
    let completionTokens = 0;
    let cost: number | undefined = 0;
    for (const model of [...slice.tokens.keys()].sort()) {
      const tokens = slice.tokens.get(model)!;
      promptTokens += tokens.prompt;
      completionTokens += tokens.completion;
      const p = price(model);
      if (!p) cost = undefined;
      else if (cost !== undefined)
        cost += (tokens.prompt * p.promptPerMillion + tokens.completion * p.completionPerMillion) / 1e6;
    }
    return {
      calls: slice.calls,
      cachedCalls: slice.cachedCalls,
      promptTokens,
      completionTokens,
      ...(cost === undefined ? {} : { costUsd: roundUsd(cost) }),
    };
  };
  const sorted = (map: Map<string, Slice>) =>
    Object.fromEntries([...map.keys()].sort().map((key) => [key, totals(map.get(key)!)]));
  return {
    total: totals(total),
    byStage: sorted(byStage),
    byModel: sorted(byModel),
    unpricedModels: [...byModel.keys()].filter((model) => !price(model)).sort(),
  };
}
