import {
  summarizeCallUsage,
  type CallUsage,
  type PriceTable,
  type RateWithInterval,
  type RunSummary,
  type Scenario,
  type Termination,
  type Trajectory,
} from '@envscaler/core';
import { bootstrapMeanInterval, mean, passAtKOne, passHatKOne } from './stats.js';

/** What a summary reads of a trajectory (a rollout keeps only this of each, not the messages). */
export type SummarizedEpisode = Pick<
  Trajectory,
  'id' | 'scenarioId' | 'trial' | 'envId' | 'reward' | 'termination' | 'usage' | 'calls'
>;

export interface SummarizeOptions {
  trajectories: readonly SummarizedEpisode[];
  /** When given, trajectories of other scenarios are ignored. (`RunSummary.scenarios` counts scenarios with trajectories.) */
  scenarios?: readonly Pick<Scenario, 'id' | 'envId'>[];
  /**
   * USD per million tokens by model name (the config's `prices`): each recorded call at the price of the
   * model it went to (core's `callCostUsd`, as every stage prices its calls).
   */
  modelPrices?: PriceTable;
  /** Ids of trajectories an earlier run of the same output made: their calls count as `cachedCalls`. */
  earlier?: ReadonlySet<string>;
  runId?: string;
  /** Bootstrap settings for the pass^k / pass@k intervals (default 2000 resamples, seed 12345). */
  bootstrap?: { resamples?: number; seed?: number };
  /** Fixed timestamp (tests); default now. */
  createdAt?: string;
}

/**
 * Aggregates a run. Success of an episode = `reward.success` (no reward counts as failure, score 0).
 *
 * pass^k and pass@k are computed for k = 1..K, where K is the smallest number of trials any scenario
 * has, with the unbiased estimators per scenario (n trials, c successes):
 * pass^k = C(c,k)/C(n,k), pass@k = 1 − C(n−c,k)/C(n,k), then averaged over scenarios. The 95% interval
 * is a percentile bootstrap over scenarios (fixed seed, so the same run gives the same interval).
 * When one scenario has several trajectories with the same trial number, the last one counts.
 */
export function summarize(options: SummarizeOptions): RunSummary {
  const known = options.scenarios ? new Set(options.scenarios.map((s) => s.id)) : undefined;
  const latest = new Map<string, SummarizedEpisode>();
  for (const t of options.trajectories) {
    if (known && !known.has(t.scenarioId)) continue;
    latest.set(`${t.scenarioId}\u0000${t.trial}`, t);
  }
  const episodes = [...latest.values()];
  const byScenario = groupBy(episodes, (t) => t.scenarioId);

  const success = (t: SummarizedEpisode) => t.reward?.success === true;
  const score = (t: SummarizedEpisode) => t.reward?.score ?? 0;

  const counts = [...byScenario.values()].map((ts) => ({ n: ts.length, c: ts.filter(success).length }));
  const K = counts.length === 0 ? 0 : Math.min(...counts.map((x) => x.n));
  const passHatK: RateWithInterval[] = [];
  const passAtK: RateWithInterval[] = [];
  for (let k = 1; k <= K; k++) {
    const hat = counts.map(({ n, c }) => passHatKOne(n, c, k));
    const at = counts.map(({ n, c }) => passAtKOne(n, c, k));
    passHatK.push({ k, value: mean(hat), ci: bootstrapMeanInterval(hat, options.bootstrap) });
    passAtK.push({ k, value: mean(at), ci: bootstrapMeanInterval(at, options.bootstrap) });
  }

  const perEnvironment: RunSummary['perEnvironment'] = {};
  const byEnvironment = groupBy(episodes, (t) => t.envId);
  for (const envId of [...byEnvironment.keys()].sort()) {
    const mine = byEnvironment.get(envId)!;
    perEnvironment[envId] = {
      episodes: mine.length,
      meanReward: mean(mine.map(score)),
      successRate: mean(mine.map((t) => (success(t) ? 1 : 0))),
    };
  }

  const terminations: Partial<Record<Termination, number>> = {};
  for (const t of episodes) terminations[t.termination] = (terminations[t.termination] ?? 0) + 1;

  const promptTokens = episodes.reduce((sum, t) => sum + t.usage.promptTokens, 0);
  const completionTokens = episodes.reduce((sum, t) => sum + t.usage.completionTokens, 0);
  const usage: RunSummary['usage'] = { promptTokens, completionTokens };
  if (options.modelPrices !== undefined || episodes.some((t) => t.calls !== undefined)) {
    // Per call, each at its own model's price; a trajectory without recorded calls counts as one call
    // of model 'unknown' (priced only when `modelPrices` has an 'unknown' entry).
    const calls: CallUsage[] = episodes.flatMap((t) => {
      const cached = options.earlier?.has(t.id) ?? false;
      const own = t.calls ?? [{ stage: 'episode', model: 'unknown', ...t.usage }];
      return own.map((call) => ({ ...call, cached }));
    });
    const summary = summarizeCallUsage(calls, { prices: options.modelPrices });
    if (summary.total.costUsd !== undefined) usage.costUsd = summary.total.costUsd;
    usage.calls = summary.total.calls;
    usage.cachedCalls = summary.total.cachedCalls;
    usage.byModel = summary.byModel;
    usage.unpricedModels = summary.unpricedModels;
  }

  return {
    schemaVersion: 1,
    runId: options.runId ?? 'run',
    createdAt: options.createdAt ?? new Date().toISOString(),
    episodes: episodes.length,
    scenarios: byScenario.size,
    trialsPerScenario: K,
    meanReward: mean(episodes.map(score)),
    successRate: mean(episodes.map((t) => (success(t) ? 1 : 0))),
    passHatK,
    passAtK,
    perEnvironment,
    terminations,
    usage,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A fixed-width text table of a summary (for the CLI). */
export function formatSummaryTable(summary: RunSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines: string[] = [];
  lines.push(`run ${summary.runId}: ${summary.episodes} episodes, ${summary.scenarios} scenarios × ${summary.trialsPerScenario} trials`);
  lines.push(`mean reward ${summary.meanReward.toFixed(3)}   success rate ${pct(summary.successRate)}`);
  lines.push('');
  lines.push('k    pass^k   95% CI              pass@k   95% CI');
  for (let i = 0; i < summary.passHatK.length; i++) {
    const hat = summary.passHatK[i]!;
    const at = summary.passAtK[i]!;
    const ci = (r: RateWithInterval) => `[${pct(r.ci[0])}, ${pct(r.ci[1])}]`.padEnd(20);
    lines.push(`${String(hat.k).padEnd(5)}${pct(hat.value).padEnd(9)}${ci(hat)}${pct(at.value).padEnd(9)}${ci(at)}`);
  }
  lines.push('');
  lines.push('environment                      episodes  mean reward  success');
  for (const [envId, row] of Object.entries(summary.perEnvironment)) {
    lines.push(`${envId.padEnd(33)}${String(row.episodes).padEnd(10)}${row.meanReward.toFixed(3).padEnd(13)}${pct(row.successRate)}`);
  }
  lines.push('');
  const terms = Object.entries(summary.terminations).map(([k, v]) => `${k}=${v}`).join('  ');
  lines.push(`terminations: ${terms || '(none)'}`);
  const cost = summary.usage.costUsd !== undefined ? `   cost $${summary.usage.costUsd.toFixed(4)}` : '';
  lines.push(`tokens: prompt ${summary.usage.promptTokens}  completion ${summary.usage.completionTokens}${cost}`);
  return lines.join('\n');
}
