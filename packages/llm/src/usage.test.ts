import { describe, expect, it } from 'vitest';
import { summarizeCallUsage } from '@envscaler/core';
import { createUsageTracker } from './usage.js';

describe('createUsageTracker', () => {
  it('sums tokens per stage, per model and for the run, and prices them per 1M tokens', () => {
    const usage = createUsageTracker({
      prices: {
        'gpt-big': { promptPerMillion: 2.5, completionPerMillion: 10 },
        'gpt-small': { promptPerMillion: 0.15, completionPerMillion: 0.6 },
      },
    });
    usage.record({
      stage: 'logic-method',
      model: 'gpt-big',
      usage: { promptTokens: 1_000_000, completionTokens: 100_000 },
    });
    usage.record({
      stage: 'quality-checker',
      model: 'gpt-small',
      usage: { promptTokens: 2_000_000, completionTokens: 0 },
    });
    usage.record({
      stage: 'quality-checker',
      model: 'gpt-small',
      usage: { promptTokens: 5, completionTokens: 5 },
      cached: true,
    });
    const report = usage.report();
    // a cached (replayed) call counts its tokens and cost, as every stage report counts them
    expect(report.total).toEqual({
      calls: 2,
      cachedCalls: 1,
      promptTokens: 3_000_005,
      completionTokens: 100_005,
      costUsd: 3.80000375,
    });
    expect(report.byStage['logic-method']?.costUsd).toBe(3.5);
    expect(report.byModel['gpt-small']).toMatchObject({ calls: 1, cachedCalls: 1, costUsd: 0.30000375 });
    expect(report.unpricedModels).toEqual([]);
    expect(report.schemaVersion).toBe(1);
  });

  it('omits cost where a model has no price, and resets', () => {
    const usage = createUsageTracker();
    usage.record({ stage: 'agent', model: 'local', usage: { promptTokens: 10, completionTokens: 2 } });
    expect(usage.report().total.costUsd).toBeUndefined();
    expect(usage.report().unpricedModels).toEqual(['local']);
    usage.reset();
    expect(usage.report().total.calls).toBe(0);
    expect(usage.report().byStage).toEqual({});
  });

  it("prices prompt-cache hits at the model's cached-input price, the same rule as core's reports", () => {
    const prices = {
      'gpt-big': { promptPerMillion: 2, completionPerMillion: 8, cachedPromptPerMillion: 0.5 },
      'gpt-plain': { promptPerMillion: 2, completionPerMillion: 8 },
    };
    const usage = createUsageTracker({ prices });
    const tokens = { promptTokens: 1_000_000, completionTokens: 0, cachedPromptTokens: 800_000 };
    usage.record({ stage: 'agent', model: 'gpt-big', usage: tokens });
    usage.record({ stage: 'judge', model: 'gpt-plain', usage: tokens });
    const report = usage.report();
    // 200k uncached at $2 + 800k cached at $0.5; without a cached price every prompt token is $2
    expect(report.byModel['gpt-big']?.costUsd).toBe(0.8);
    expect(report.byModel['gpt-plain']?.costUsd).toBe(2);
    const calls = [
      { stage: 'agent', model: 'gpt-big', ...tokens },
      { stage: 'judge', model: 'gpt-plain', ...tokens },
    ];
    const { schemaVersion, ...summary } = report;
    expect(schemaVersion).toBe(1);
    expect(summary).toEqual(summarizeCallUsage(calls, { prices }));
  });
});
