import { afterAll, describe, expect, it } from 'vitest';
import { createCheckRunner } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { runEpisode } from './episode.js';
import { regrade } from './regrade.js';
import { libraryEnvironment, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
afterAll(() => runner.dispose());

async function solvedTrajectory() {
  const agent = new MockChatModel({
    script: {
      agent: [
        { toolCalls: [{ name: 'nope', arguments: {} }] },
        { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }, { name: 'returnBook', arguments: { loanId: 'L1' } }] },
        'Done.',
      ],
    },
  });
  return runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner });
}

describe('regrade', () => {
  it('reproduces the reward of an honest trajectory from its tool calls alone', async () => {
    const t = await solvedTrajectory();
    const env = libraryEnvironment();
    const report = await regrade({ trajectories: [t], scenarios: [libraryScenario()], envs: [env], runner });
    expect(report.mismatches).toEqual([]);
    expect(report.entries[0]).toMatchObject({ finalStateMatches: true, rewardMatches: true, reward: { score: 1 } });
    expect(env.calls).toBe(2); // the unknown tool never reaches the environment, as in the episode
  });

  it('detects a tampered final state, a tampered reward and a tampered tool call', async () => {
    const t = await solvedTrajectory();
    const stateTampered = structuredClone(t);
    (stateTampered.finalState as { nextLoan: number }).nextLoan = 99;
    const rewardTampered = structuredClone(t);
    rewardTampered.reward = { score: 1, success: true, checks: [{ id: 'dune-lent-to-bob', passed: true }, { id: 'emma-returned', passed: true }] };
    const callTampered = structuredClone(t);
    const assistant = callTampered.messages.find((m) => m.role === 'assistant' && m.tool_calls?.some((c) => c.function.name === 'returnBook'));
    if (assistant?.role !== 'assistant') throw new Error('fixture');
    assistant.tool_calls = assistant.tool_calls!.filter((c) => c.function.name !== 'returnBook');
    const report = await regrade({
      trajectories: [
        { ...stateTampered, id: 'state' },
        { ...rewardTampered, id: 'reward' },
        { ...callTampered, id: 'calls' },
      ],
      scenarios: [libraryScenario()],
      envs: { 'library-loans': libraryEnvironment() },
      runner,
    });
    const byId = Object.fromEntries(report.entries.map((e) => [e.trajectoryId, e]));
    expect(byId.state!.finalStateMatches).toBe(false);
    expect(byId.state!.problems[0]).toContain('$.nextLoan');
    expect(byId.reward!.problems).toEqual([]); // identical reward: nothing to report
    expect(byId.calls!.finalStateMatches).toBe(false);
    expect(byId.calls!.rewardMatches).toBe(false);
    expect(byId.calls!.reward?.score).toBe(0.5);
    expect(report.mismatches.map((e) => e.trajectoryId).sort()).toEqual(['calls', 'state']);
    expect(report.regraded.find((r) => r.id === 'calls')!.reward?.score).toBe(0.5);
  });

  it('detects a reward that was inflated without touching the state', async () => {
    const agent = new MockChatModel({ script: { agent: ['No.'] } });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner });
    t.reward = { score: 1, success: true, checks: t.reward!.checks.map((c) => ({ ...c, passed: true })) };
    const report = await regrade({ trajectories: [t], scenarios: [libraryScenario()], envs: [libraryEnvironment()], runner });
    expect(report.mismatches).toHaveLength(1);
    expect(report.mismatches[0]!.problems[0]).toMatch(/stored reward 1.000 differs from the recomputed 0.000/);
  });

  it('reports unknown scenarios instead of throwing', async () => {
    const t = await solvedTrajectory();
    const report = await regrade({ trajectories: [{ ...t, scenarioId: 'ghost' }], scenarios: [libraryScenario()], envs: [libraryEnvironment()], runner });
    expect(report.mismatches[0]!.problems[0]).toContain("unknown scenario 'ghost'");
  });
});
