import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest, ScriptedReply } from '@envscaler/core';
import {
  readAcebenchData,
  readAcebenchGoldTrain,
  type AcebenchData,
  type AcebenchGoldTrain,
  type AcebenchTask,
} from '@envscaler/env-acebench';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import {
  ACEBENCH_EMPTY_ACTION,
  ACEBENCH_NO_FUNCTION,
  ACEBENCH_NO_QUESTIONS,
  runAcebenchEpisode,
} from './acebench-episode.js';
import { loadAcebenchEnvironment, runAcebenchBenchmark, selectAcebenchTasks } from './acebench.js';
import {
  createAcebenchGoldAgent,
  createAcebenchScriptedAgent,
  createAcebenchScriptedUser,
} from './acebench-gold-agent.js';
import {
  ACEBENCH_USER_STOP,
  acebenchAgentSystemPrompt,
  acebenchUserSystemPrompt,
} from './acebench-prompts.js';
import { TAU2_GREETING } from './tau2-prompts.js';

let data: AcebenchData;
let gold: AcebenchGoldTrain;
let env: LoadedEnvironment;

beforeAll(async () => {
  data = await readAcebenchData();
  gold = await readAcebenchGoldTrain();
  env = await loadAcebenchEnvironment();
}, 120_000);
afterAll(() => env?.dispose());

const task = (id: string): AcebenchTask => data.tasks.find((t) => t.id === id)!;

/** An agent that answers from a list of replies, then says 'Task Completed'. */
function agentFrom(replies: ScriptedReply[]): MockChatModel {
  return new MockChatModel({ script: { agent: [...replies], default: () => 'Task Completed' } });
}

describe('task selection', () => {
  it('selects by subset, split, ids, numbers and ranges', () => {
    expect(selectAcebenchTasks(data)).toHaveLength(50);
    expect(selectAcebenchTasks(data, { subset: 'multi_step' })).toHaveLength(20);
    expect(selectAcebenchTasks(data, { subset: 'multi_turn', split: 'train' })).toHaveLength(15);
    expect(selectAcebenchTasks(data, { split: 'test' }).every((t) => t.index % 2 === 1)).toBe(true);
    expect(selectAcebenchTasks(data, { tasks: ['3', '20-21'] }).map((t) => t.id)).toEqual([
      'agent_multi_step_3',
      'agent_multi_turn_3',
      'agent_multi_turn_20',
      'agent_multi_turn_21',
    ]);
    expect(
      selectAcebenchTasks(data, { subset: 'multi_step', tasks: ['agent_multi_step_4', '25'] }).map(
        (t) => t.id,
      ),
    ).toEqual(['agent_multi_step_4']);
    expect(() => selectAcebenchTasks(data, { tasks: ['agent_multi_step_99'] })).toThrow(
      /unknown ACEBench task/,
    );
  });
});

describe('the gold agent scores 1 on every train task (isolated-vm sandbox)', () => {
  it('end-state and process accuracy are 1 in both subsets; a re-run resumes everything', async () => {
    const out = await mkdtemp(join(tmpdir(), 'acebench-gold-'));
    const run = () =>
      runAcebenchBenchmark({
        agent: (t) => createAcebenchGoldAgent({ gold, task: t }),
        user: (t) => createAcebenchScriptedUser({ task: t }),
        split: 'train',
        env,
        out,
        concurrency: 2,
      });
    const result = await run();
    expect(result.ran).toBe(25);
    const failing = result.results.filter((r) => r.endToEnd !== 1 || r.process !== 1);
    expect(failing.map((r) => [r.taskId, r.endStateErrors, r.calls])).toEqual([]);
    for (const r of result.results) {
      expect(r.toolErrors, r.taskId).toBe(0);
      expect(r.termination).toBe(r.subset === 'multi_step' ? 'task_completed' : 'user_finished');
      expect(r.calls).toHaveLength(gold.tasks[r.taskId]!.length);
    }
    const s = result.summary;
    expect(s.subsets.multi_step).toMatchObject({ tasks: 10, episodes: 10, endToEnd: 1, process: 1 });
    expect(s.subsets.multi_turn).toMatchObject({ tasks: 15, episodes: 15, endToEnd: 1, process: 1 });
    expect(s.subsets.multi_step?.perSplit).toEqual({ train: expect.objectContaining({ episodes: 10 }) });
    expect(s.overall).toMatchObject({ episodes: 25, endToEnd: 1, process: 1 });
    const summaryFile = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      overall: { episodes: number };
    };
    expect(summaryFile.overall.episodes).toBe(25);

    const again = await run();
    expect(again).toMatchObject({ ran: 0, skipped: 25 });
    expect(again.summary.overall).toMatchObject({ episodes: 25, endToEnd: 1 });
  }, 120_000);

  it('the gold agent refuses a test task', () => {
    expect(() => createAcebenchGoldAgent({ gold, task: task('agent_multi_step_1') })).toThrow(/train tasks/);
  });
});

describe('an agent that does nothing', () => {
  it('scores 0 on both accuracies on every task whose expected state differs from the initial one', async () => {
    const result = await runAcebenchBenchmark({
      agent: (t) => createAcebenchScriptedAgent({ task: t, calls: [] }),
      user: (t) => createAcebenchScriptedUser({ task: t }),
      env,
      concurrency: 2,
    });
    expect(result.results).toHaveLength(50);
    const scored = result.results.filter((r) => r.endToEnd !== 0 || r.process !== 0);
    // agent_multi_turn_7 (a test task) expects a change only in 'Reminderpi', a misspelled class that ACEBench
    // never compares: any run passes it.
    expect(scored.map((r) => [r.taskId, r.endToEnd, r.process, r.unmatchedClasses])).toEqual([
      ['agent_multi_turn_7', 1, 1, ['Reminderpi']],
    ]);
    for (const r of result.results.filter((x) => x.split === 'train'))
      expect([r.endToEnd, r.process]).toEqual([0, 0]);
    expect(result.summary.subsets.multi_step).toMatchObject({ endToEnd: 0, process: 0 });
    expect(result.summary.subsets.multi_turn?.endToEndPassed).toBe(1);
  }, 120_000);
});

describe('episode mechanics (multi-step)', () => {
  it('answers text with a fixed reply and an empty reply with "Action is empty."; routes and reports failures like the runner', async () => {
    const t = task('agent_multi_step_4'); // BaseApi + MessageApi, Wi-Fi off
    const agent = agentFrom([
      'Which message should I delete?',
      { content: '' },
      { toolCalls: [{ name: 'search_reminders', arguments: { keyword: 'x' } }] },
      {
        toolCalls: [
          {
            name: 'add_food_delivery_order',
            arguments: { username: 'Eve', merchant_name: 'Heytea', items: [] },
          },
        ],
      },
      { toolCalls: [{ name: 'delete_message', arguments: '{"message_id": "4"}' }] },
      { toolCalls: [{ name: 'delete_message', arguments: '{"message_id": 4.0' }] },
      {
        toolCalls: [
          { name: 'delete_message', arguments: { message_id: 4 } },
          { name: 'turn_on_wifi', arguments: {} },
        ],
      },
      {
        toolCalls: [
          {
            name: 'send_message',
            arguments: {
              sender_name: 'Eve',
              receiver_name: 'Frank',
              message: "Don't forget tomorrow afternoon's meeting",
            },
          },
        ],
      },
      { toolCalls: [{ name: 'get_latest_message_id', arguments: {} }] },
    ]);
    const r = await runAcebenchEpisode({ env, task: t, trial: 0, agent });
    const after = (i: number) => r.messages[i];
    expect(r.messages[0]).toEqual({ role: 'user', content: t.question });
    expect(after(2)).toEqual({ role: 'user', content: ACEBENCH_NO_QUESTIONS });
    expect(after(4)).toEqual({ role: 'user', content: ACEBENCH_EMPTY_ACTION });
    const toolTexts = r.messages
      .filter((m): m is Extract<ChatMessage, { role: 'tool' }> => m.role === 'tool')
      .map((m) => m.content);
    expect(toolTexts[0]).toBe(ACEBENCH_NO_FUNCTION); // offered by the task, absent from the reference classes
    expect(toolTexts[1]).toBe(ACEBENCH_NO_FUNCTION); // FoodPlatform is not involved
    expect(toolTexts[2]).toMatch(/^Error during execution: /); // wrong type: refused before the tool runs
    expect(toolTexts[3]).toMatch(
      /^Error during execution: The arguments of 'delete_message' are not valid JSON/,
    );
    expect(JSON.parse(toolTexts[4]!)).toEqual({
      status: true,
      message: 'Message ID 4 has been successfully deleted.',
    });
    expect(JSON.parse(toolTexts[6]!)).toEqual({
      status: true,
      message: 'Message successfully sent to Frank.',
    });
    expect(toolTexts[7]).toBe("Error during execution: 'time'");
    expect(r.calls).toEqual([
      "[search_reminders(keyword='x')]",
      "[add_food_delivery_order(username='Eve', merchant_name='Heytea', items=[])]",
      "[delete_message(message_id='4')]",
      '[delete_message(message_id=4)]',
      '[turn_on_wifi()]',
      "[send_message(sender_name='Eve', receiver_name='Frank', message='Don't forget tomorrow afternoon's meeting')]",
      '[get_latest_message_id()]',
    ]);
    expect(r.toolErrors).toBe(5);
    expect(r.termination).toBe('task_completed');
    expect(r.steps).toBe(10);
    expect(r).toMatchObject({ endToEnd: 1, process: 1 });
  });

  it("logs but does not run the calls of the reply that says 'Task Completed'", async () => {
    const t = task('agent_multi_step_2');
    const agent = agentFrom([
      { content: 'Task Completed', toolCalls: [{ name: 'turn_on_wifi', arguments: {} }] },
    ]);
    const r = await runAcebenchEpisode({ env, task: t, trial: 0, agent });
    expect(r.calls).toEqual(['[turn_on_wifi()]']);
    expect(r.steps).toBe(1);
    expect(r.endStateErrors.some((e) => e.includes('attributes(wifi)'))).toBe(true);
    // The milestones start with turn_on_wifi(): one of three found.
    expect(r).toMatchObject({ endToEnd: 0, process: 1 / 3 });
  });

  it('cuts the task off after maxSteps replies and scores the state reached', async () => {
    const t = task('agent_multi_step_0');
    const agent = new MockChatModel({
      script: { agent: () => ({ toolCalls: [{ name: 'check_balance', arguments: { user_name: 'Eve' } }] }) },
    });
    const r = await runAcebenchEpisode({ env, task: t, trial: 0, agent, maxSteps: 5 });
    expect(r).toMatchObject({ termination: 'max_steps', steps: 5, endToEnd: 0, process: 0 });
    expect(agent.callsFor('agent')).toHaveLength(5);
    expect(agent.callsFor('agent')[0]!.messages[0]).toEqual({
      role: 'system',
      content: acebenchAgentSystemPrompt(t),
    });
    // The agent is offered the task's own function list, ACEBench type names mapped to JSON Schema.
    const tools = agent.callsFor('agent')[0]!.tools!;
    expect(tools.map((x) => x.function.name)).toEqual(t.function.map((f) => f.name));
    expect(
      tools.find((x) => x.function.name === 'add_food_delivery_order')!.function.parameters,
    ).toMatchObject({
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object' } } },
    });
  });
});

describe('episode mechanics (multi-turn)', () => {
  it("talks to the simulated user through TAU2's opening line, strips its reasoning, and ends on 'finish conversation'", async () => {
    const t = task('agent_multi_turn_20');
    const user = new MockChatModel({
      script: {
        'user-simulator': [
          '<think>I am Frank.</think>\nI want to fly from Beijing to Shanghai.',
          'Yes, please book it.',
          ACEBENCH_USER_STOP,
        ],
      },
    });
    const agent = new MockChatModel({
      script: {
        agent: [
          {
            toolCalls: [
              { name: 'get_flight_details', arguments: { origin: 'Beijing', destination: 'Shanghai' } },
            ],
          },
          'CA1234 departs at 08:00 on July 15 for 1200 yuan in economy. Shall I book it?',
          {
            content: 'Booking now.',
            toolCalls: [
              {
                name: 'reserve_flight',
                arguments: {
                  user_id: 'user2',
                  password: 'password456',
                  flight_no: 'CA1234',
                  cabin: 'Economy Class',
                  payment_method: 'bank',
                  baggage_count: 1,
                },
              },
            ],
          },
          'Your flight is booked: reservation res_5.',
        ],
      },
    });
    const r = await runAcebenchEpisode({ env, task: t, trial: 0, agent, user });
    expect(r).toMatchObject({
      termination: 'user_finished',
      steps: 4,
      endToEnd: 1,
      process: 1,
      toolErrors: 0,
    });
    const userCalls = user.callsFor('user-simulator');
    expect(userCalls).toHaveLength(3);
    expect(userCalls[0]!.messages).toEqual([
      { role: 'system', content: acebenchUserSystemPrompt(t) },
      { role: 'user', content: TAU2_GREETING },
    ]);
    expect(userCalls[0]!.temperature).toBe(0.001);
    // Only text replies reach the user; the content that came with a tool call did not.
    const agentTurns = userCalls[2]!.messages.filter((m) => m.role === 'user').map((m) => m.content);
    expect(agentTurns).toEqual([
      TAU2_GREETING,
      'CA1234 departs at 08:00 on July 15 for 1200 yuan in economy. Shall I book it?',
      'Your flight is booked: reservation res_5.',
    ]);
    expect(r.messages[0]).toEqual({ role: 'user', content: 'I want to fly from Beijing to Shanghai.' });
    const agentRequest = agent.callsFor('agent')[0]! as ChatRequest;
    expect(agentRequest.temperature).toBe(0.7);
    expect(agentRequest.messages[0]!.content).toContain('airline agent');
    expect(r.usage.user.completionTokens).toBeGreaterThan(0);
  });

  it('the user prompt carries the instruction; phone and travel tasks have their own rules', () => {
    const phone = acebenchUserSystemPrompt(task('agent_multi_turn_0'));
    const travel = acebenchUserSystemPrompt(task('agent_multi_turn_22'));
    expect(phone).toContain(task('agent_multi_turn_0').question);
    expect(phone).toContain('which message to delete');
    expect(travel).toContain('round-trip');
    expect(acebenchAgentSystemPrompt(task('agent_multi_turn_0'))).toContain('login_device()');
    expect(acebenchAgentSystemPrompt(task('agent_multi_step_0'))).not.toContain('login_device()');
  });

  it('refuses multi-turn tasks without a user model', async () => {
    await expect(runAcebenchBenchmark({ agent: agentFrom([]), subset: 'multi_turn', env })).rejects.toThrow(
      /simulated user/,
    );
    const r = await runAcebenchBenchmark({ agent: agentFrom([]), subset: 'multi_step', tasks: ['0'], env });
    expect(r.results).toHaveLength(1);
  });
});
