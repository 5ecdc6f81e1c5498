// A run's outcome counts, reward histogram and per-environment figures, folded over its trajectory index one
// entry at a time, so the server computes them while it streams trajectories.jsonl and keeps no list of scores.
import type { EnvRunStats, RunOutcomes, TrajectoryIndexEntry } from '../api.js';

export interface RunStats {
  outcomes: RunOutcomes;
  rewardHistogram: number[];
  /** Trajectory lines without a score (valid but ungraded, or invalid). */
  unscored: number;
  perEnvironment: EnvRunStats[];
}

export interface RunStatsAccumulator {
  add(entry: TrajectoryIndexEntry): void;
  result(): RunStats;
}

/** Bins over [0, 1] like `rewardHistogram` in summary.ts: a score of exactly 1 falls in the last bin. */
function bin(score: number, bins: number): number {
  return Math.min(bins - 1, Math.floor(Math.min(1, Math.max(0, score)) * bins));
}

export function runStatsAccumulator(bins = 10): RunStatsAccumulator {
  const outcomes: RunOutcomes = { passed: 0, failed: 0, unscored: 0, invalid: 0 };
  const histogram = new Array<number>(bins).fill(0);
  let unscored = 0;
  const perEnv = new Map<string, { episodes: number; scored: number; sum: number; successes: number }>();
  return {
    add(entry) {
      const scored = entry.problem === undefined && entry.score !== undefined && Number.isFinite(entry.score);
      if (entry.problem) outcomes.invalid += 1;
      else if (entry.success === true) outcomes.passed += 1;
      else if (entry.success === false) outcomes.failed += 1;
      else outcomes.unscored += 1;
      if (scored) histogram[bin(entry.score!, bins)]! += 1;
      else unscored += 1;
      if (entry.envId === undefined || entry.problem) return;
      let env = perEnv.get(entry.envId);
      if (!env) perEnv.set(entry.envId, (env = { episodes: 0, scored: 0, sum: 0, successes: 0 }));
      env.episodes += 1;
      if (scored) {
        env.scored += 1;
        env.sum += entry.score!;
        if (entry.success === true) env.successes += 1;
      }
    },
    result() {
      const perEnvironment = [...perEnv.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([envId, e]): EnvRunStats => ({
          envId,
          episodes: e.episodes,
          unscored: e.episodes - e.scored,
          ...(e.scored > 0 ? { meanReward: e.sum / e.scored, successRate: e.successes / e.scored } : {}),
        }));
      return { outcomes: { ...outcomes }, rewardHistogram: [...histogram], unscored, perEnvironment };
    },
  };
}
