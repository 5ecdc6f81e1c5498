import { describe, expect, it } from 'vitest';
import type { RepairRound } from './logic/model-logic.js';
import { renderReportMarkdown, repairReports, type BuildReport } from './report.js';

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
  totalTokens: { calls: 0, promptTokens: 0, completionTokens: 0 },
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
