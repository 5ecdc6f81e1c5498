import type { CallUsage, CallUsageSummary, ModelPrice, PriceTable, StageUsage } from './types/usage.js';
import type { TokenUsage } from './types/chat.js';

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

/**
 * The one cost rule, used by every stage's report and by the live usage tracker: USD of `tokens` at
 * `price`. Prompt tokens the provider served from its prompt cache cost `cachedPromptPerMillion` (when the
 * price has one), the other prompt tokens `promptPerMillion`, completion tokens `completionPerMillion`.
 * Whether the call was made by this run or replayed from an earlier one's cache does not change its cost:
 * an interrupted-and-resumed run reports what all its calls cost.
 */
export function callCostUsd(price: ModelPrice, tokens: TokenUsage): number {
  const cachedPrompt = Math.min(tokens.cachedPromptTokens ?? 0, tokens.promptTokens);
  const cachedRate = price.cachedPromptPerMillion ?? price.promptPerMillion;
  return (
    ((tokens.promptTokens - cachedPrompt) * price.promptPerMillion +
      cachedPrompt * cachedRate +
      tokens.completionTokens * price.completionPerMillion) /
    1e6
  );
}

/** Rounds away float noise (to a billionth of a dollar). */
const roundUsd = (usd: number) => Math.round(usd * 1e9) / 1e9;

interface Slice {
  calls: number;
  cachedCalls: number;
  /** Tokens per model, so cost does not depend on the order calls arrive in. */
  tokens: Map<string, Required<TokenUsage>>;
}

const newSlice = (): Slice => ({ calls: 0, cachedCalls: 0, tokens: new Map() });

/**
 * Running sums of calls by stage, by model and in total, in memory proportional to the number of stages
 * and models (not calls), so a long run can add every call as it happens. `summary` prices them.
 */
export class UsageTally {
  private total = newSlice();
  private byStage = new Map<string, Slice>();
  private byModel = new Map<string, Slice>();

  add(call: CallUsage): void {
    addTo(this.total, call);
    for (const [map, key] of [
      [this.byStage, call.stage],
      [this.byModel, call.model],
    ] as const) {
      let slice = map.get(key);
      if (!slice) map.set(key, (slice = newSlice()));
      addTo(slice, call);
    }
  }

  /** Each model's tokens priced at its entry of `prices` (see `priceFor` and `callCostUsd`). */
  summary(options: { prices?: PriceTable } = {}): CallUsageSummary {
    const price = (model: string) => priceFor(options.prices, model);
    const totals = (slice: Slice): StageUsage => {
      let promptTokens = 0;
      let completionTokens = 0;
      let cost: number | undefined = 0;
      for (const model of [...slice.tokens.keys()].sort()) {
        const tokens = slice.tokens.get(model)!;
        promptTokens += tokens.promptTokens;
        completionTokens += tokens.completionTokens;
        const p = price(model);
        if (!p) cost = undefined;
        else if (cost !== undefined) cost += callCostUsd(p, tokens);
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
      total: totals(this.total),
      byStage: sorted(this.byStage),
      byModel: sorted(this.byModel),
      unpricedModels: [...this.byModel.keys()].filter((model) => !price(model)).sort(),
    };
  }
}

function addTo(slice: Slice, call: CallUsage): void {
  if (call.cached) slice.cachedCalls++;
  else slice.calls++;
  const tokens = slice.tokens.get(call.model) ?? { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };
  tokens.promptTokens += call.promptTokens;
  tokens.completionTokens += call.completionTokens;
  tokens.cachedPromptTokens += call.cachedPromptTokens ?? 0;
  slice.tokens.set(call.model, tokens);
}

/**
 * Sums calls by stage, by model and in total, and prices each call at its own model's entry of `prices`
 * (`callCostUsd`; cached and fresh calls alike). Tokens are summed per model before pricing, so the same
 * calls in any order give the same cost.
 */
export function summarizeCallUsage(
  calls: Iterable<CallUsage>,
  options: { prices?: PriceTable } = {},
): CallUsageSummary {
  const tally = new UsageTally();
  for (const call of calls) tally.add(call);
  return tally.summary(options);
}
