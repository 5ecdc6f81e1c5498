import { describe, expect, it } from 'vitest';
import { InvalidArtifactError } from './errors.js';
import { parseArtifact } from './json-text.js';
import type { BuildReport, ScenarioReport } from './types/reports.js';
import { parseBuildReport, parseScenarioReport } from './validation.js';

const usage = { calls: 2, cachedCalls: 1, promptTokens: 30, completionTokens: 6, costUsd: 0.001 };

const buildReport: BuildReport = {
  schemaVersion: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  wallTimeMs: 12,
  aborted: false,
  model: 'gpt-4.1-mini',
  corpus: {
    tasks: 3,
    filters: {
      source: 'tasks.json',
      format: 'api-bank',
      records: 4,
      filtered: true,
      dropped: { empty: 0, duplicate: 1 },
      tasks: 3,
    },
  },
  dedup: { method: 'tfidf', threshold: 0.8, merged: [{ representative: 't1', members: ['t1', 't2'] }] },
  thresholds: { minScore: 7, quality: 0.85, dedupSimilarity: 0.8 },
  funnel: [{ stage: 'topic-judge', in: 3, out: 2, dropped: [{ stage: 'topic-judge', id: 't3', reason: 'no state' }] }],
  tokens: { 'topic-judge': usage },
  tokensByModel: { 'gpt-4.1-mini': usage },
  totalTokens: usage,
  unpricedModels: [],
  cache: { hits: 1, misses: 2 },
  envs: [
    {
      envId: 'library',
      topicId: 'topic-1',
      topic: 'library',
      taskIds: ['t1'],
      status: 'kept',
      className: 'Library',
      qualityScore: 0.9,
      repairRounds: 1,
      repairs: [{ round: 1, diagnostics: [{ file: 'env.ts', line: 3, code: 'TS2322', message: 'bad' }] }],
      path: 'envs/library',
    },
  ],
};

const scenarioReport: ScenarioReport = {
  schemaVersion: 1,
  envId: 'library',
  createdAt: '2025-01-01T00:00:00.000Z',
  requested: 2,
  candidates: 3,
  kept: 2,
  funnel: [{ gate: 'state', entered: 3, passed: 2, dropped: 1, reasons: { 'bad state': 1 } }],
  dropped: [{ slot: 2, gate: 'state', reason: 'bad state' }],
  checks: { generated: 4, repaired: 0, droppedTypecheck: 0, rewritten: 0, droppedDoNothing: 0 },
  checkErrors: [],
  difficulty: { too_easy: 0, trainable: 2, too_hard: 0 },
  tokens: { 'scenario-state': { calls: 3, cachedCalls: 0, promptTokens: 10, completionTokens: 5 } },
  totals: { calls: 3, cachedCalls: 0, promptTokens: 10, completionTokens: 5 },
  tokensByModel: { m: { calls: 3, cachedCalls: 0, promptTokens: 10, completionTokens: 5, costUsd: 0.5 } },
  costUsd: 0.5,
  unpricedModels: [],
};

describe('stage report schemas', () => {
  it('accept the reports the writers produce', () => {
    expect(parseBuildReport(structuredClone(buildReport))).toEqual(buildReport);
    expect(parseScenarioReport(structuredClone(scenarioReport))).toEqual(scenarioReport);
  });

  it('list every violation with its path and the file', () => {
    const bad = { ...structuredClone(buildReport), totalTokens: { calls: -1, promptTokens: 'x' } };
    let error: unknown;
    try {
      parseBuildReport(bad, 'out/report.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArtifactError);
    const message = (error as Error).message;
    expect(message).toContain('Invalid BuildReport (out/report.json)');
    expect(message).toContain('$.totalTokens.calls');
    expect(message).toContain('$.totalTokens.cachedCalls: is required but missing');
    expect(message).toContain('$.totalTokens.promptTokens');
    expect(() => parseScenarioReport({ ...scenarioReport, funnel: [{ ...scenarioReport.funnel[0], gate: 'nope' }] })).toThrow(
      /\$\.funnel\[0\]\.gate: must be one of "state"/,
    );
  });

  it('name the file and line of a corrupt report', () => {
    expect(() =>
      parseArtifact({ text: '{"schemaVersion": 1,\n  "envId": }', source: 'scenarios/library.report.json', parse: parseScenarioReport }),
    ).toThrow(/scenarios\/library\.report\.json:2:/);
  });
});
