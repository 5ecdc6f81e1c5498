import { describe, expect, it } from 'vitest';
import type { Trajectory } from '@envscaler/core';
import { bootstrapMeanInterval, choose, passAtKOne, passHatKOne, wilsonInterval } from './stats.js';
import { formatSummaryTable, summarize } from './summarize.js';

function traj(scenarioId: string, trial: number, success: boolean, extra: Partial<Trajectory> = {}): Trajectory {
  return {
    schemaVersion: 1,
    id: `${scenarioId}:${trial}`,
    scenarioId,
    envId: extra.envId ?? 'env-a',
    trial,
    mode: 'non_conversational',
    messages: [],
    finalState: {},
    termination: 'agent_done',
    reward: { score: success ? 1 : 0.5, success, checks: [] },
    usage: { promptTokens: 10, completionTokens: 5 },
    durationMs: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('pass^k and pass@k estimators', () => {
  it('match hand-computed values for n=4, c=2', () => {
    expect(choose(4, 2)).toBe(6);
    expect(passHatKOne(4, 2, 1)).toBeCloseTo(0.5, 12);
    expect(passHatKOne(4, 2, 2)).toBeCloseTo(1 / 6, 12); // C(2,2)/C(4,2)
    expect(passHatKOne(4, 2, 3)).toBe(0); // C(2,3)=0
    expect(passAtKOne(4, 2, 1)).toBeCloseTo(0.5, 12);
    expect(passAtKOne(4, 2, 2)).toBeCloseTo(5 / 6, 12); // 1 - C(2,2)/C(4,2)
    expect(passAtKOne(4, 2, 3)).toBe(1); // 1 - C(2,3)/C(4,3)
    expect(passHatKOne(4, 4, 4)).toBe(1);
    expect(passAtKOne(4, 0, 4)).toBe(0);
    expect(passHatKOne(5, 3, 2)).toBeCloseTo(3 / 10, 12); // C(3,2)/C(5,2)
    expect(passAtKOne(5, 1, 2)).toBeCloseTo(1 - 6 / 10, 12); // 1 - C(4,2)/C(5,2)
  });

  it('refuses k larger than n', () => {
    expect(() => passHatKOne(2, 1, 3)).toThrow(RangeError);
  });

  it('gives reproducible bootstrap intervals around the mean, and Wilson intervals', () => {
    const values = [0, 1, 0.5, 1, 0, 1, 1, 0.25];
    const a = bootstrapMeanInterval(values, { seed: 7 });
    expect(a).toEqual(bootstrapMeanInterval(values, { seed: 7 }));
    expect(a[0]).toBeLessThan(0.59375);
    expect(a[1]).toBeGreaterThan(0.59375);
    expect(bootstrapMeanInterval([0.3])).toEqual([0.3, 0.3]);
    const [lo, hi] = wilsonInterval(5, 10);
    expect(lo).toBeCloseTo(0.2366, 3);
    expect(hi).toBeCloseTo(0.7634, 3);
  });
});

describe('summarize', () => {
  it('aggregates rewards, pass^k / pass@k over scenarios, environments, terminations and tokens', () => {
    // s1: 2 of 4 succeed; s2: 4 of 4; s3 (env-b): 0 of 4.
    const trajectories = [
      ...[true, false, true, false].map((ok, i) => traj('s1', i, ok)),
      ...[true, true, true, true].map((ok, i) => traj('s2', i, ok)),
      ...[false, false, false, false].map((ok, i) => traj('s3', i, ok, { envId: 'env-b', termination: 'max_steps' })),
    ];
    const summary = summarize({
      trajectories,
      // trajectories without recorded calls count as one call each of model 'unknown'
      modelPrices: { unknown: { promptPerMillion: 1, completionPerMillion: 2 } },
      createdAt: '2026-01-01T00:00:00.000Z',
      runId: 'r1',
    });
    expect(summary.episodes).toBe(12);
    expect(summary.scenarios).toBe(3);
    expect(summary.trialsPerScenario).toBe(4);
    expect(summary.successRate).toBeCloseTo(6 / 12, 12);
    expect(summary.meanReward).toBeCloseTo((6 * 1 + 6 * 0.5) / 12, 12);
    expect(summary.passHatK.map((r) => r.k)).toEqual([1, 2, 3, 4]);
    expect(summary.passHatK[0]!.value).toBeCloseTo((0.5 + 1 + 0) / 3, 12);
    expect(summary.passHatK[1]!.value).toBeCloseTo((1 / 6 + 1 + 0) / 3, 12);
    expect(summary.passAtK[1]!.value).toBeCloseTo((5 / 6 + 1 + 0) / 3, 12);
    expect(summary.passHatK[3]!.value).toBeCloseTo(1 / 3, 12);
    expect(summary.passAtK[3]!.value).toBeCloseTo(2 / 3, 12);
    for (const r of [...summary.passHatK, ...summary.passAtK]) {
      expect(r.ci[0]).toBeLessThanOrEqual(r.value);
      expect(r.ci[1]).toBeGreaterThanOrEqual(r.value);
    }
    expect(summary.perEnvironment).toEqual({
      'env-a': { episodes: 8, meanReward: 1 - 2 * 0.5 / 8, successRate: 6 / 8 },
      'env-b': { episodes: 4, meanReward: 0.5, successRate: 0 },
    });
    expect(summary.terminations).toEqual({ agent_done: 8, max_steps: 4 });
    expect(summary.usage).toMatchObject({
      promptTokens: 120,
      completionTokens: 60,
      costUsd: (120 + 120) / 1e6,
      calls: 12,
      cachedCalls: 0,
      unpricedModels: [],
    });
    expect(formatSummaryTable(summary)).toContain('pass^k');
  });

  it('keeps the last trajectory per (scenario, trial), limits k to the fewest trials and handles no data', () => {
    const summary = summarize({
      trajectories: [traj('s1', 0, false), traj('s1', 0, true), traj('s1', 1, true), traj('s2', 0, true)],
    });
    expect(summary.episodes).toBe(3);
    expect(summary.trialsPerScenario).toBe(1);
    expect(summary.passHatK).toHaveLength(1);
    expect(summary.passHatK[0]!.value).toBe(1);
    const empty = summarize({ trajectories: [] });
    expect(empty.episodes).toBe(0);
    expect(empty.passHatK).toEqual([]);
  });
});
