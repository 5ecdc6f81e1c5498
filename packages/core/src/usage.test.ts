import { describe, expect, it } from 'vitest';
import type { CallUsage } from './types/usage.js';
import { callCostUsd, modelNameOf, priceFor, summarizeCallUsage, UsageTally } from './usage.js';

const prices = {
  'gpt-4.1': { promptPerMillion: 2, completionPerMillion: 8 },
  'gpt-4.1-mini': { promptPerMillion: 0.4, completionPerMillion: 1.6 },
};

describe('call usage', () => {
  it("prices each call at its own model's price, by stage, by model and in total", () => {
    const calls: CallUsage[] = [
      { stage: 'logic-method', model: 'gpt-4.1', promptTokens: 1000, completionTokens: 500 },
      { stage: 'topic-judge', model: 'gpt-4.1-mini', promptTokens: 1000, completionTokens: 500 },
      { stage: 'topic-judge', model: 'gpt-4.1-mini', promptTokens: 2000, completionTokens: 0, cached: true },
    ];
    const summary = summarizeCallUsage(calls, { prices });
    expect(summary.byModel).toEqual({
      'gpt-4.1': { calls: 1, cachedCalls: 0, promptTokens: 1000, completionTokens: 500, costUsd: 0.006 },
      'gpt-4.1-mini': { calls: 1, cachedCalls: 1, promptTokens: 3000, completionTokens: 500, costUsd: 0.002 },
    });
    expect(summary.byStage['topic-judge']).toMatchObject({ calls: 1, cachedCalls: 1, costUsd: 0.002 });
    expect(summary.total).toEqual({
      calls: 2,
      cachedCalls: 1,
      promptTokens: 4000,
      completionTokens: 1000,
      costUsd: 0.008,
    });
    expect(summary.unpricedModels).toEqual([]);
    // the same calls in another order cost exactly the same
    expect(summarizeCallUsage([...calls].reverse(), { prices })).toEqual(summary);
  });

  it('leaves cost out of slices with an unpriced model', () => {
    const calls: CallUsage[] = [
      { stage: 'a', model: 'local-llama', promptTokens: 10, completionTokens: 10 },
      { stage: 'b', model: 'gpt-4.1', promptTokens: 1e6, completionTokens: 0 },
    ];
    const summary = summarizeCallUsage(calls, { prices });
    expect(summary.total.costUsd).toBeUndefined();
    expect(summary.byStage.b!.costUsd).toBe(2);
    expect(summary.unpricedModels).toEqual(['local-llama']);
  });

  it('prices prompt-cache hits at the cached-input price, and replayed calls like fresh ones', () => {
    const price = { promptPerMillion: 2, completionPerMillion: 8, cachedPromptPerMillion: 0.5 };
    expect(callCostUsd(price, { promptTokens: 1e6, completionTokens: 1e6, cachedPromptTokens: 4e5 })).toBe(
      (6e5 * 2 + 4e5 * 0.5 + 1e6 * 8) / 1e6,
    );
    // no cached price: cache hits cost the prompt price; more hits than prompt tokens are capped
    expect(callCostUsd({ promptPerMillion: 2, completionPerMillion: 8 }, { promptTokens: 1e6, completionTokens: 0, cachedPromptTokens: 4e5 })).toBe(2);
    expect(callCostUsd(price, { promptTokens: 10, completionTokens: 0, cachedPromptTokens: 50 })).toBe(5e-6);
    const fresh: CallUsage = { stage: 'a', model: 'm', promptTokens: 1e6, completionTokens: 0, cachedPromptTokens: 1e6 };
    const summary = summarizeCallUsage([fresh, { ...fresh, cached: true }], { prices: { m: price } });
    expect(summary.total).toEqual({ calls: 1, cachedCalls: 1, promptTokens: 2e6, completionTokens: 0, costUsd: 1 });
    const tally = new UsageTally();
    tally.add(fresh);
    tally.add({ ...fresh, cached: true });
    expect(tally.summary({ prices: { m: price } })).toEqual(summary);
  });

  it('finds the price of a dated snapshot name and the configured name of a stage', () => {
    expect(priceFor(prices, 'gpt-4.1-mini-2025-04-14')).toBe(prices['gpt-4.1-mini']);
    expect(priceFor(prices, 'gpt-4.1-2025-04-14')).toBe(prices['gpt-4.1']);
    expect(priceFor(prices, 'gpt-4.10')).toBeUndefined();
    expect(priceFor(prices, 'toString')).toBeUndefined();
    const model = { modelFor: (stage: string) => (stage === 'agent' ? 'gpt-4.1' : undefined) };
    expect(modelNameOf(model, 'agent', 'gpt-4.1-2025-04-14')).toBe('gpt-4.1');
    expect(modelNameOf(model, 'judge', 'gpt-4.1-mini-2025-04-14')).toBe('gpt-4.1-mini-2025-04-14');
    expect(modelNameOf({}, 'judge')).toBe('unknown');
  });
});
