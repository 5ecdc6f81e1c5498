import type { Reward, Scenario, Trajectory } from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import type { CheckRunner } from '@envscaler/runtime';
import { evaluateChecklist } from './checklist.js';
import { firstDifference } from './canonical.js';
import { envById, sessionInitFor, type EnvCollection, type EpisodeEnvironment } from './environment.js';
import { runToolCall } from './tool-call.js';

export interface RegradeOptions {
  trajectories: readonly Trajectory[];
  scenarios: readonly Scenario[];
  envs: EnvCollection<EpisodeEnvironment>;
  runner?: CheckRunner;
  /** Trajectories replayed at once (default 4); results keep the input order. */
  concurrency?: number;
}

export interface RegradeEntry {
  trajectoryId: string;
  scenarioId: string;
  trial: number;
  /** The reward recomputed from the replayed final state. */
  reward?: Reward;
  storedReward?: Reward;
  /** True when the replayed final state equals the stored one. */
  finalStateMatches: boolean;
  /** True when the stored reward (if any) equals the recomputed one (score and each check's pass/fail). */
  rewardMatches: boolean;
  /** Tool observations whose stored content differs from the replay's, by message index. */
  observationMismatches: number[];
  /** Human-readable reasons the trajectory disagrees with its replay (empty when it agrees). */
  problems: string[];
}

export interface RegradeReport {
  entries: RegradeEntry[];
  /** The entries with at least one problem (tampered, non-deterministic env, or missing scenario/env). */
  mismatches: RegradeEntry[];
  /** The trajectories with their rewards replaced by the recomputed ones (finalState from the replay). */
  regraded: Trajectory[];
}

function sameReward(a: Reward, b: Reward): boolean {
  if (Math.abs(a.score - b.score) > 1e-9 || a.success !== b.success || a.checks.length !== b.checks.length)
    return false;
  return a.checks.every((check, i) => check.id === b.checks[i]!.id && check.passed === b.checks[i]!.passed);
}

/**
 * Recomputes every trajectory's reward without any model: replays its tool calls (the assistant
 * messages' tool_calls, in order, with the same malformed-call rule as the episode) from the scenario's
 * initial state in a fresh session, evaluates the checklist on the replayed final state, and reports
 * trajectories whose stored final state, stored reward or tool observations disagree with the replay.
 */
export async function regrade(options: RegradeOptions): Promise<RegradeReport> {
  const scenarios = new Map(options.scenarios.map((s) => [s.id, s]));
  async function one(trajectory: Trajectory): Promise<{ entry: RegradeEntry; regraded: Trajectory }> {
    const base = {
      trajectoryId: trajectory.id,
      scenarioId: trajectory.scenarioId,
      trial: trajectory.trial,
      storedReward: trajectory.reward,
    };
    const scenario = scenarios.get(trajectory.scenarioId);
    const env = envById(options.envs, trajectory.envId);
    if (!scenario || !env) {
      const entry: RegradeEntry = {
        ...base,
        finalStateMatches: false,
        rewardMatches: false,
        observationMismatches: [],
        problems: [
          !scenario
            ? `unknown scenario '${trajectory.scenarioId}'`
            : `unknown environment '${trajectory.envId}'`,
        ],
      };
      return { entry, regraded: trajectory };
    }
    const toolNames = new Set(env.tools.map((t) => t.name));
    const session = await env.createSession(sessionInitFor(scenario));
    let initialState: unknown;
    let finalState: unknown;
    const observationMismatches: number[] = [];
    try {
      initialState = await session.snapshot();
      const messages = trajectory.messages;
      for (let i = 0; i < messages.length; i++) {
        const message = messages[i]!;
        if (message.role !== 'assistant' || !message.tool_calls) continue;
        for (const call of message.tool_calls) {
          const { content } = await runToolCall({ session, call, toolNames });
          const index = messages.findIndex(
            (m, j) => j > i && m.role === 'tool' && m.tool_call_id === call.id,
          );
          if (index >= 0 && (messages[index] as { content: string }).content !== content)
            observationMismatches.push(index);
        }
      }
      finalState = await session.snapshot();
    } finally {
      await session.dispose();
    }
    const reward = await evaluateChecklist({ scenario, initialState, finalState, runner: options.runner });
    const problems: string[] = [];
    const difference = firstDifference(trajectory.finalState, finalState);
    if (difference) problems.push(`stored finalState differs from the replay at ${difference}`);
    const rewardMatches = trajectory.reward ? sameReward(trajectory.reward, reward) : true;
    if (!rewardMatches) {
      problems.push(
        `stored reward ${trajectory.reward!.score.toFixed(3)} differs from the recomputed ${reward.score.toFixed(3)}`,
      );
    }
    if (observationMismatches.length > 0) {
      problems.push(
        `${observationMismatches.length} tool observation(s) differ from the replay (messages ${observationMismatches.join(', ')})`,
      );
    }
    return {
      entry: {
        ...base,
        reward,
        finalStateMatches: !difference,
        rewardMatches,
        observationMismatches,
        problems,
      },
      regraded: { ...trajectory, finalState, reward },
    };
  }
  const results = await mapConcurrent({
    items: options.trajectories,
    concurrency: options.concurrency ?? 4,
    fn: one,
  });
  const entries = results.map((r) => r.entry);
  const regraded = results.map((r) => r.regraded);
  return { entries, mismatches: entries.filter((e) => e.problems.length > 0), regraded };
}
