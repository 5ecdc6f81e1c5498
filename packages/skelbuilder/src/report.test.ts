import type { BuildReport } from '@envscaler/core';
import { describe, expect, it } from 'vitest';
import type { RepairRound } from './logic/model-logic.js';
import { renderReportMarkdown, repairReports, tokensReport } from './report.js';

const round = (n: number, count: number): RepairRound => ({
  round: n,
  failing: [],
  diagnostics: Array.from({ length: count }, (_, i) => ({
    code: 2322,
    message: `Type 'string' is not assignable to type 'number'. (${i})`,
    line: 40 + i,
    column: 5,
    method: 'lendBook',
  })),
});

const report = (envs: BuildReport['envs']): BuildReport => ({
  schemaVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  wallTimeMs: 1000,
  aborted: false,
  corpus: { tasks: 1 },
  dedup: { method: 'tfidf', threshold: 0.5, merged: [] },
  thresholds: { minScore: 7, quality: 0.85, dedupSimilarity: 0.5 },
  funnel: [],
  tokens: {},
  tokensByModel: {},
  totalTokens: { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 },
  unpricedModels: [],
  cache: { hits: 0, misses: 0 },
  envs,
});

describe('repair diagnostics in the build report', () => {
  it('keeps file, line, code and message of each round, the first 20 per round', () => {
    const [first, second] = repairReports([round(0, 1), round(1, 25)]);
    expect(first).toEqual({
      round: 1,
      diagnostics: [
        {
          file: 'env.ts',
          line: 40,
          code: 'TS2322',
          message: "Type 'string' is not assignable to type 'number'. (0)",
          method: 'lendBook',
        },
      ],
    });
    expect(second!.round).toBe(2);
    expect(second!.diagnostics).toHaveLength(20);
    expect(second!.omitted).toBe(5);
  });

  it('lists them in report.md, per environment and round', () => {
    const markdown = renderReportMarkdown(
      report([
        {
          envId: 'library-loans',
          topicId: 't1',
          topic: 'Library',
          taskIds: ['a'],
          status: 'kept',
          repairRounds: 1,
          repairs: repairReports([round(0, 21)]),
        },
      ]),
    );
    expect(markdown).toContain('## Repair diagnostics');
    expect(markdown).toContain('- `library-loans` round 1:');
    expect(markdown).toContain(
      "  - `env.ts:40` TS2322 in `lendBook`: Type 'string' is not assignable to type 'number'. (0)",
    );
    expect(markdown).toContain('  - … 1 more');
    expect(renderReportMarkdown(report([]))).toMatch(/## Repair diagnostics\n\nNone\./);
  });
});

describe('tokens and corpus in the build report', () => {
  it("prices each stage at its model's price and shows replayed calls, models and corpus drops", () => {
    const { tokens, byModel, total, unpricedModels } = tokensReport(
      [
        { stage: 'topic-judge', model: 'cheap', promptTokens: 1000, completionTokens: 100 },
        { stage: 'topic-judge', model: 'cheap', promptTokens: 1000, completionTokens: 100, cached: true },
        { stage: 'logic-method', model: 'strong', promptTokens: 1000, completionTokens: 100 },
      ],
      {
        prices: {
          cheap: { promptPerMillion: 1, completionPerMillion: 10 },
          strong: { promptPerMillion: 10, completionPerMillion: 100 },
        },
      },
    );
    expect(tokens['topic-judge']).toEqual({
      calls: 1,
      cachedCalls: 1,
      promptTokens: 2000,
      completionTokens: 200,
      costUsd: 0.004,
    });
    expect(tokens['logic-method']!.costUsd).toBe(0.02);
    expect(total).toMatchObject({ calls: 2, cachedCalls: 1, costUsd: 0.024 });
    const markdown = renderReportMarkdown({
      ...report([]),
      corpus: {
        tasks: 321,
        filters: {
          source: 'lv3-train.json',
          format: 'api-bank',
          records: 1245,
          filtered: true,
          dropped: {
            empty: 0,
            'non-english': 0,
            multimodal: 13,
            'role-definition': 0,
            currency: 0,
            email: 0,
            link: 0,
            duplicate: 911,
          },
          tasks: 321,
        },
      },
      tokens,
      tokensByModel: byModel,
      totalTokens: total,
      unpricedModels,
    });
    expect(markdown).toContain(
      "Corpus `lv3-train.json` (api-bank, 1245 records): 321 tasks after EnvScaler's filters; dropped 13 multimodal, 911 duplicate.",
    );
    expect(markdown).toContain('| topic-judge | 1 | 1 | 2000 | 200 | 0.0040 |');
    expect(markdown).toContain('| **total** | 2 | 1 | 3000 | 300 | 0.0240 |');
    expect(markdown).toContain('| `strong` | 1 | 0 | 1000 | 100 | 0.0200 |');
  });
});
