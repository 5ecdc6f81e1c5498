import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, ScriptedReply } from '@envscaler/core';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { passHatKTable } from './passk.js';
import { tau2DataDir, tau2EnvironmentDir } from '@envscaler/env-tau2-retail';
import { runTau2RetailBenchmark } from './tau2.js';
import {
  communicateChecks,
  runTau2Episode,
  tau2GoldDigest,
  tau2Reward,
  type Tau2TrialResult,
} from './tau2-episode.js';
import { TAU2_GREETING } from './tau2-prompts.js';
import {
  tau2Digest,
  loadTau2Environment,
  readTau2Data,
  selectTau2Tasks,
  type Tau2Data,
  type Tau2Task,
} from './tau2-data.js';

const dataDir = tau2DataDir;
const envDir = tau2EnvironmentDir;

describe('pass^k (hand-computed)', () => {
  it('averages C(c,k)/C(n,k) over tasks', () => {
    const rows = passHatKTable({
      counts: [
        { n: 4, c: 4 },
        { n: 4, c: 2 },
        { n: 4, c: 0 },
      ],
      maxK: 4,
    });
    // k=1: (4/4 + 2/4 + 0)/3 = 0.5; k=2: (1 + C(2,2)/C(4,2) = 1/6 + 0)/3 = 7/18; k=3, k=4: (1 + 0 + 0)/3.
    expect(rows.map((r) => r.k)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.value).toBeCloseTo(0.5, 12);
    expect(rows[1]!.value).toBeCloseTo(7 / 18, 12);
    expect(rows[2]!.value).toBeCloseTo(1 / 3, 12);
    expect(rows[3]!.value).toBeCloseTo(1 / 3, 12);
    for (const r of rows) {
      expect(r.tasks).toBe(3);
      expect(r.interval95[0]).toBeLessThanOrEqual(r.value);
      expect(r.interval95[1]).toBeGreaterThanOrEqual(r.value);
    }
  });

  it('k = 2 of 3 trials with 2 successes is C(2,2)/C(3,2) = 1/3; tasks with fewer than k trials are left out', () => {
    const rows = passHatKTable({
      counts: [
        { n: 3, c: 2 },
        { n: 1, c: 1 },
      ],
      maxK: 3,
    });
    expect(rows[0]!.value).toBeCloseTo((2 / 3 + 1) / 2, 12);
    expect(rows[1]).toMatchObject({ k: 2, tasks: 1 });
    expect(rows[1]!.value).toBeCloseTo(1 / 3, 12);
    expect(rows[2]!.value).toBeCloseTo(0, 12);
    // Every task always succeeding: 1 for every k, interval collapsed.
    expect(
      passHatKTable({
        counts: [
          { n: 2, c: 2 },
          { n: 2, c: 2 },
        ],
        maxK: 2,
      }).map((r) => [r.value, r.interval95]),
    ).toEqual([
      [1, [1, 1]],
      [1, [1, 1]],
    ]);
  });
});

describe('communicate check (τ²-bench rule)', () => {
  it('is case-insensitive, removes commas from the message (not from the info), reads only assistant text', () => {
    const checks = communicateChecks(
      [
        { role: 'assistant', content: TAU2_GREETING },
        { role: 'user', content: 'The total is 1,234.50?' },
        { role: 'assistant', content: 'Your refund is $1,234.50 to your VISA card.' },
        { role: 'tool', tool_call_id: 'x', content: '999' },
        { role: 'assistant', content: null, tool_calls: [] },
      ],
      ['1234.50', 'visa', '1,234.50', '999', 'ZZZ'],
    );
    expect(checks.map((c) => c.met)).toEqual([true, true, false, false, false]);
  });

  it('reward: only a normal end with the gold database and every info said earns 1', () => {
    const task = {
      id: 't',
      user_scenario: { instructions: 'x' },
      evaluation_criteria: { reward_basis: ['DB', 'NL_ASSERTION'] },
    } as Tau2Task;
    const ok = { task, dbMatch: true, communicate: [{ met: true }] };
    expect(tau2Reward({ ...ok, termination: 'user_stop' })).toEqual({ reward: 1, taskBasisReward: 1 });
    expect(tau2Reward({ ...ok, termination: 'agent_stop' })).toEqual({ reward: 1, taskBasisReward: 1 });
    expect(tau2Reward({ ...ok, termination: 'max_steps' })).toEqual({ reward: 0, taskBasisReward: 0 });
    expect(tau2Reward({ ...ok, termination: 'user_stop', dbMatch: false })).toEqual({
      reward: 0,
      taskBasisReward: 0,
    });
    // COMMUNICATE is not in this task's basis, so the task-basis reward ignores it.
    expect(tau2Reward({ ...ok, termination: 'user_stop', communicate: [{ met: false }] })).toEqual({
      reward: 0,
      taskBasisReward: 1,
    });
  });
});

describe('τ²-retail harness (scripted agent and user)', () => {
  let data: Tau2Data;
  let env: LoadedEnvironment;
  let digest: (db: unknown) => string;
  const tasks = new Map<string, Tau2Task>();

  beforeAll(async () => {
    data = await readTau2Data();
    for (const t of data.tasks) tasks.set(t.id, t);
    digest = tau2Digest;
    env = await loadTau2Environment({ envDir });
  }, 120_000);
  afterAll(() => env?.dispose());

  /** Performs the task's gold actions one per message, then (optionally) says every communicate_info. */
  const goldAgent = (task: Tau2Task, options: { say?: boolean } = {}) =>
    new MockChatModel({
      script: {
        agent: (request: ChatRequest): ScriptedReply => {
          const done = request.messages.filter(
            (m) => m.role === 'assistant' && (m.tool_calls?.length ?? 0) > 0,
          ).length;
          const action = task.evaluation_criteria?.actions?.[done];
          if (action) return { toolCalls: [{ name: action.name, arguments: action.arguments }] };
          const infos = task.evaluation_criteria?.communicate_info ?? [];
          return options.say === false || infos.length === 0
            ? 'All done.'
            : `All done. For your records: ${infos.join('; ')}.`;
        },
      },
    });
  const user = () =>
    new MockChatModel({
      script: {
        'user-simulator': (request: ChatRequest) =>
          request.messages.filter((m) => m.role === 'user').length === 1
            ? 'Hi, I need help with my orders.'
            : 'Thanks! ###STOP###',
      },
    });
  const episode = async (id: string, agent: MockChatModel) => {
    const task = tasks.get(id)!;
    const gold = await tau2GoldDigest({ env, db: data.db, task, digest });
    return runTau2Episode({
      env,
      data,
      task,
      trial: 0,
      goldDigest: gold.digest,
      digest,
      agent,
      user: user(),
    });
  };
  // Train tasks that change the database; the first four also have communicate_info.
  const changing = ['2', '16', '19', '29', '0', '1'];

  it('gold actions plus the communicate_info earn 1; doing nothing earns 0 on tasks that change the database', async () => {
    expect(selectTau2Tasks(data, { split: 'train' }).map((t) => t.id)).toEqual(
      expect.arrayContaining(changing),
    );
    for (const id of changing) {
      const task = tasks.get(id)!;
      const gold = await episode(id, goldAgent(task));
      expect({ id, reward: gold.reward, termination: gold.termination, dbMatch: gold.dbMatch }).toEqual({
        id,
        reward: 1,
        termination: 'user_stop',
        dbMatch: true,
      });
      expect(gold.communicate.every((c) => c.met)).toBe(true);
      const idle = await episode(
        id,
        new MockChatModel({ script: { agent: () => 'Sorry, I cannot help with that.' } }),
      );
      expect({ id, reward: idle.reward, dbMatch: idle.dbMatch }).toEqual({ id, reward: 0, dbMatch: false });
    }
  }, 300_000);

  it('the right database without saying the communicate_info earns 0', async () => {
    const quiet = await episode('16', goldAgent(tasks.get('16')!, { say: false }));
    // Task 16's own basis is DB + NL_ASSERTION with an LLM-judged assertion: not computed here (null).
    expect(quiet).toMatchObject({ reward: 0, dbMatch: true, taskBasisReward: null });
    expect(quiet.communicate).toEqual([{ info: '8276.23', met: false }]);
  });

  it('doing nothing on a task that leaves the database unchanged (and has nothing to communicate) earns 1', async () => {
    const id = ['10', '24', '25', '50', '57', '67', '105'].find(
      (t) => (tasks.get(t)!.evaluation_criteria?.communicate_info ?? []).length === 0,
    )!;
    const idle = await episode(id, new MockChatModel({ script: { agent: () => 'Nothing to do.' } }));
    expect(idle).toMatchObject({ reward: 1, dbMatch: true });
  });

  it('a conversation cut off by the step cap earns 0', async () => {
    const task = tasks.get('2')!;
    const gold = await tau2GoldDigest({ env, db: data.db, task, digest });
    const r = await runTau2Episode({
      env,
      data,
      task,
      trial: 0,
      goldDigest: gold.digest,
      digest,
      agent: goldAgent(task),
      user: user(),
      maxSteps: 6,
    });
    expect(r).toMatchObject({ termination: 'max_steps', reward: 0 });
  });

  it('runTau2RetailBenchmark: trials, pass^k, results.jsonl + summary.json, resume', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-tau2-'));
    const ids = ['16', '0'];
    const byReason = (request: ChatRequest) => {
      const system = request.messages[0]!.content as string;
      return ids
        .map((id) => tasks.get(id)!)
        .find((t) => {
          const ins = t.user_scenario.instructions;
          return typeof ins !== 'string' && system.includes(ins.reason_for_call ?? '\u0000');
        })!;
    };
    // The user names the task in the opening message; the agent succeeds on task 16 and on trial 0 of task 0 only.
    const agentCalls = new Map<string, number>();
    const agent = new MockChatModel({
      script: {
        agent: (request) => {
          const opening = request.messages.find((m) => m.role === 'user')!.content as string;
          const [, id, trial] = /task (\w+) trial (\d+)/.exec(opening)!;
          agentCalls.set(id!, (agentCalls.get(id!) ?? 0) + 1);
          if (id === '0' && trial !== '0') return 'I cannot help.';
          return goldAgent(tasks.get(id!)!)
            .complete(request)
            .then((r) =>
              r.message.tool_calls?.length
                ? {
                    toolCalls: r.message.tool_calls.map((c) => ({
                      name: c.function.name,
                      arguments: c.function.arguments,
                    })),
                  }
                : (r.message.content ?? ''),
            );
        },
      },
    });
    const openings = new Map<string, number>();
    const simulatedUser = new MockChatModel({
      script: {
        'user-simulator': (request) => {
          const task = byReason(request);
          if (request.messages.filter((m) => m.role === 'user').length > 1) return 'Thanks! ###STOP###';
          const trial = openings.get(task.id) ?? 0;
          openings.set(task.id, trial + 1);
          return `Hello, about task ${task.id} trial ${trial}.`;
        },
      },
    });
    const first = await runTau2RetailBenchmark({
      agent,
      user: simulatedUser,
      trials: 3,
      tasks: ids,
      env,
      dataDir,
      envDir,
      concurrency: 1,
      out,
    });
    expect(first.ran).toBe(6);
    const rewards = Object.fromEntries(
      ids.map((id) => [id, first.results.filter((r) => r.taskId === id).map((r) => r.reward)]),
    );
    expect(rewards).toEqual({ '16': [1, 1, 1], '0': [1, 0, 0] });
    // pass^1 = (3/3 + 1/3)/2; pass^2 = (1 + 0)/2; pass^3 = (1 + 0)/2.
    expect(first.summary.passHatK.map((r) => r.value)).toEqual([expect.closeTo(2 / 3, 12), 0.5, 0.5]);
    expect(first.summary.perTask).toEqual({
      '16': { trials: 3, successes: 3 },
      '0': { trials: 3, successes: 1 },
    });
    const lines = (await readFile(join(out, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Tau2TrialResult);
    expect(lines).toHaveLength(6);
    expect(lines[0]!.messages[0]).toEqual({ role: 'assistant', content: TAU2_GREETING });
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ benchmark: 'tau2-retail', tasks: 2, trials: 3, episodes: 6 });

    const before = agent.calls.length;
    const again = await runTau2RetailBenchmark({
      agent,
      user: simulatedUser,
      trials: 3,
      tasks: ids,
      env,
      dataDir,
      envDir,
      out,
    });
    expect(again).toMatchObject({ ran: 0, skipped: 6 });
    expect(agent.calls.length).toBe(before);
    expect(again.summary.passHatK.map((r) => r.value)).toEqual(first.summary.passHatK.map((r) => r.value));
  }, 300_000);
});
