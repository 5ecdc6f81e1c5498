/**
 * The τ-bench airline domain through the shared harness (tau2.ts, tau2-episode.ts): the environment in its sandbox,
 * every task's reward under its own gold actions, and the τ-bench protocol rules (terminate tool,
 * one tool call per message, 30 agent steps, outputs looked for in replies).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, ScriptedReply } from '@envscaler/core';
import { readTauAirlineData, TOOL_NAMES, type TauAirlineExpectedTasks } from '@envscaler/env-tau-airline';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { loadTau2Environment, type Tau2Task } from './tau2-data.js';
import { tau2Domain, type Tau2BenchData } from './tau2-domains.js';
import { runTau2Benchmark } from './tau2.js';
import { communicateChecks, runTau2Episode, tau2GoldDigest, type Tau2TrialResult } from './tau2-episode.js';
import { tau2UserSystemPrompt, TAU2_GREETING } from './tau2-prompts.js';

const domain = tau2Domain('airline');

describe('τ-bench airline through the harness', () => {
  let data: Tau2BenchData;
  let expected: TauAirlineExpectedTasks;
  let env: LoadedEnvironment;
  const tasks = new Map<string, Tau2Task>();
  const golds = new Map<string, string>();

  beforeAll(async () => {
    data = await domain.readData();
    expected = (await readTauAirlineData()).expectedTasks!;
    for (const task of data.tasks) tasks.set(task.id, task);
    env = await loadTau2Environment({ domain: 'airline' });
  }, 120_000);
  afterAll(() => env?.dispose());

  const gold = async (id: string) => {
    let digest = golds.get(id);
    if (digest === undefined) {
      const replay = await tau2GoldDigest({ env, db: data.db, task: tasks.get(id)!, digest: domain.digest });
      expect(replay.failing).toEqual([]);
      digest = replay.digest;
      golds.set(id, digest);
    }
    return digest;
  };

  /** Performs the task's gold actions one per message, then (optionally) says every output. */
  const goldAgent = (task: Tau2Task, options: { say?: boolean } = {}) =>
    new MockChatModel({
      script: {
        agent: (request: ChatRequest): ScriptedReply => {
          const done = request.messages.filter(
            (m) => m.role === 'assistant' && (m.tool_calls?.length ?? 0) > 0,
          ).length;
          const action = task.evaluation_criteria?.actions?.[done];
          if (action) return { toolCalls: [{ name: action.name, arguments: action.arguments }] };
          const outputs = task.evaluation_criteria?.communicate_info ?? [];
          return options.say === false || outputs.length === 0
            ? 'All done.'
            : `All done: ${outputs.join(', ')}.`;
        },
      },
    });
  const user = () =>
    new MockChatModel({
      script: {
        'user-simulator': (request: ChatRequest) =>
          request.messages.filter((m) => m.role === 'user').length === 1
            ? 'Hi, I need help with a trip.'
            : '###STOP###',
      },
    });
  const episode = async (id: string, agent: MockChatModel, extra: { maxAgentSteps?: number } = {}) =>
    runTau2Episode({
      env,
      data,
      task: tasks.get(id)!,
      trial: 0,
      goldDigest: await gold(id),
      digest: domain.digest,
      agent,
      user: user(),
      domain,
      ...extra,
    });

  it('loads in the sandbox with the 14 τ-bench airline tools', () => {
    expect(env.tools.map((tool) => tool.name).sort()).toEqual([...TOOL_NAMES].sort());
    expect(env.introduction).toMatch(/^# Airline Agent Policy/);
    const book = env.tools.find((tool) => tool.name === 'book_reservation')!;
    expect(book.kind).toBe('mutation');
    expect((book.parameters.properties as Record<string, { enum?: unknown[] }>).cabin!.enum).toEqual([
      'basic_economy',
      'economy',
      'business',
    ]);
  });

  it('every task: its own gold actions (and outputs) earn reward 1; sandboxed gold replays match expected-tasks.json', async () => {
    const transfers: string[] = [];
    for (const task of data.tasks) {
      expect(await gold(task.id)).toBe(expected.tasks[task.id]!.final_digest);
      const result = await episode(task.id, goldAgent(task));
      expect({ id: task.id, reward: result.reward, dbMatch: result.dbMatch }).toEqual({
        id: task.id,
        reward: 1,
        dbMatch: true,
      });
      if (result.termination === 'transfer') transfers.push(task.id);
      else expect(result.termination).toBe('user_stop');
    }
    // The tasks whose gold actions end with transfer_to_human_agents end there (τ-bench's terminate tool).
    expect(transfers).toEqual(['13', '35', '36', '38']);
  }, 600_000);

  it('doing nothing earns 0 where the gold changes the world, 1 where it does not (and nothing must be said)', async () => {
    const idle = () => new MockChatModel({ script: { agent: () => 'Sorry, I cannot help with that.' } });
    for (const id of ['0', '1', '14']) expect((await episode(id, idle())).reward).toBe(0);
    expect(await episode('12', idle())).toMatchObject({ reward: 1, dbMatch: true });
    // Task 44 changes nothing but expects the agent to say '4'.
    expect(await episode('44', idle())).toMatchObject({ reward: 0, dbMatch: true });
    const quiet = await episode('2', goldAgent(tasks.get('2')!, { say: false }));
    expect(quiet).toMatchObject({ reward: 0, dbMatch: true, communicate: [{ info: '23553', met: false }] });
  }, 120_000);

  it('runs only the first tool call of a message, and stops at the 31st agent step', async () => {
    const task = tasks.get('1')!; // one gold action: cancel_reservation Z7GOZK
    const action = task.evaluation_criteria!.actions![0]!;
    const doubled = new MockChatModel({
      script: {
        agent: (request) =>
          request.messages.some((m) => m.role === 'tool')
            ? 'Cancelled.'
            : {
                toolCalls: [
                  { name: action.name, arguments: action.arguments },
                  { name: 'send_certificate', arguments: { user_id: 'olivia_gonzalez_2305', amount: 100 } },
                ],
              },
      },
    });
    const once = await episode('1', doubled);
    expect(once).toMatchObject({ reward: 1, dbMatch: true });
    expect(once.messages.filter((m) => m.role === 'tool')).toHaveLength(1);
    const callMessages = once.messages.flatMap((m) =>
      m.role === 'assistant' && m.tool_calls?.length ? [m] : [],
    );
    expect(callMessages.map((m) => m.tool_calls!.length)).toEqual([1]);

    const thinker = new MockChatModel({
      script: { agent: () => ({ toolCalls: [{ name: 'think', arguments: { thought: 'x' } }] }) },
    });
    const capped = await episode('12', thinker);
    expect(capped).toMatchObject({ termination: 'max_steps', reward: 0 });
    expect(capped.messages.filter((m) => m.role === 'tool')).toHaveLength(30);
    expect(
      (await episode('12', thinker, { maxAgentSteps: 3 })).messages.filter((m) => m.role === 'tool'),
    ).toHaveLength(3);
  }, 120_000);

  it('looks for outputs only in replies to the user (not the greeting, not text beside a tool call)', () => {
    const messages = [
      { role: 'assistant' as const, content: TAU2_GREETING },
      { role: 'assistant' as const, content: 'Saving 23,553 for you', tool_calls: [] },
      {
        role: 'assistant' as const,
        content: 'The total is 1,786',
        tool_calls: [{ id: 'c', type: 'function' as const, function: { name: 'think', arguments: '{}' } }],
      },
    ];
    expect(
      communicateChecks(messages, ['23553', '1786', 'help'], { repliesOnly: true }).map((c) => c.met),
    ).toEqual([true, false, false]);
    expect(communicateChecks(messages, ['1786', 'help']).map((c) => c.met)).toEqual([true, true]);
  });

  it('the simulated user gets the task instruction and only the ###STOP### rule', () => {
    const prompt = tau2UserSystemPrompt(tasks.get('0')!, 'airline');
    expect(prompt).toContain('customer service agent of an airline');
    expect(prompt).toContain('Your user id is mia_li_3668');
    expect(prompt).toContain('###STOP###');
    expect(prompt).not.toContain('###TRANSFER###');
  });

  it('runTau2Benchmark({ domain: "airline" }): trials, pass^k, results and summary marked tau-airline, resume', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-tau-airline-'));
    const ids = ['1', '13'];
    const byInstruction = (request: ChatRequest) => {
      const system = request.messages[0]!.content as string;
      return ids.find((id) => system.includes(tasks.get(id)!.user_scenario.instructions as string))!;
    };
    const simulatedUser = new MockChatModel({
      script: {
        'user-simulator': (request) =>
          request.messages.filter((m) => m.role === 'user').length > 1
            ? '###STOP###'
            : `About task ${byInstruction(request)}.`,
      },
    });
    const agent = new MockChatModel({
      script: {
        agent: (request) => {
          const id = /task (\w+)/.exec(
            request.messages.find((m) => m.role === 'user')!.content as string,
          )![1]!;
          return goldAgent(tasks.get(id)!)
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
    const first = await runTau2Benchmark({
      domain: 'airline',
      agent,
      user: simulatedUser,
      trials: 2,
      tasks: ids,
      env,
      out,
      concurrency: 1,
    });
    expect(first.ran).toBe(4);
    expect(first.summary).toMatchObject({ benchmark: 'tau-airline', tasks: 2, trials: 2, meanReward: 1 });
    expect(first.summary.passHatK.map((row) => row.value)).toEqual([1, 1]);
    expect(first.summary.terminations).toEqual({ user_stop: 2, transfer: 2 });
    const lines = (await readFile(join(out, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Tau2TrialResult);
    expect(lines.every((line) => line.benchmark === 'tau-airline')).toBe(true);
    const again = await runTau2Benchmark({
      domain: 'airline',
      agent,
      user: simulatedUser,
      trials: 2,
      tasks: ids,
      env,
      out,
    });
    expect(again).toMatchObject({ ran: 0, skipped: 4 });
    await expect(
      runTau2Benchmark({ domain: 'airline', agent, user: simulatedUser, tasks: ['50'], env }),
    ).rejects.toThrow(/unknown task id/);
  }, 300_000);
});
