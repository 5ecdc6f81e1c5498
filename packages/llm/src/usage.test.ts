import { describe, expect, it } from 'vitest';
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
    expect(report.total).toEqual({
      calls: 2,
      cachedCalls: 1,
      promptTokens: 3_000_000,
      completionTokens: 100_000,
      totalTokens: 3_100_000,
      costUsd: 3.8,
    });
    expect(report.byStage['logic-method']?.costUsd).toBe(3.5);
    expect(report.byModel['gpt-small']).toMatchObject({ calls: 1, cachedCalls: 1, costUsd: 0.3 });
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
});
