import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, CheckItem, Scenario, ScriptedReply } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { tau2DataDir, tau2EnvironmentDir } from '@envscaler/env-tau2-retail';
import { MockChatModel } from '@envscaler/testing';
import { runEpisode } from './episode.js';
import { regrade } from './regrade.js';
import { USER_STOP_MARKER } from './prompts.js';
import { validateScenario } from './validate-artifacts.js';

// The τ²-bench retail port and its data, from @envscaler/env-tau2-retail.
const envDir = tau2EnvironmentDir;
const dataDir = tau2DataDir;

interface GoldTask {
  id: string;
  user_scenario: {
    instructions: {
      task_instructions: string;
      reason_for_call: string;
      known_info: string;
      unknown_info?: string | null;
    };
  };
  evaluation_criteria: { actions: { name: string; arguments: Record<string, unknown> }[] };
}

/**
 * Check functions for two tasks, written from what the gold replay changes in the database.
 * Task 0: exchange the keyboard and the thermostat of delivered order #W2378156.
 * Task 69: cancel pending order #W2417020 because it is no longer needed.
 */
const checklists: Record<string, CheckItem[]> = {
  '0': [
    {
      id: 'exchange-requested',
      description: 'Order #W2378156 went from delivered to exchange requested',
      source:
        "(final: Readonly<State>, initial: Readonly<State>) => initial.orders['#W2378156'].status === 'delivered' && final.orders['#W2378156'].status === 'exchange requested'",
    },
    {
      id: 'items-exchanged',
      description: 'The keyboard and the thermostat are exchanged for the clicky / Google Home variants',
      source: `function check(final: Readonly<State>) {
  const order = final.orders['#W2378156'];
  const same = (a: readonly string[] | null | undefined, b: string[]) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify(b);
  return same(order.exchange_items, ['1151293680', '4983901480']) && same(order.exchange_new_items, ['7706410293', '7747408585']);
}`,
    },
    {
      id: 'paid-with-card',
      description: 'The price difference goes to credit card 9513926',
      source:
        "(final: Readonly<State>) => final.orders['#W2378156'].exchange_payment_method_id === 'credit_card_9513926'",
    },
  ],
  '69': [
    {
      id: 'cancelled',
      description: 'Order #W2417020 is cancelled as no longer needed',
      source:
        "(final: Readonly<State>, initial: Readonly<State>) => initial.orders['#W2417020'].status === 'pending' && final.orders['#W2417020'].status === 'cancelled' && final.orders['#W2417020'].cancel_reason === 'no longer needed'",
    },
    {
      id: 'refunded',
      description: 'Every payment of the order is refunded',
      source: `(final: Readonly<State>, initial: Readonly<State>) => {
  const sum = (type: string, o: Readonly<State>) => o.orders['#W2417020'].payment_history.filter((p) => p.transaction_type === type).reduce((s, p) => s + p.amount, 0);
  return sum('refund', initial) === 0 && Math.abs(sum('refund', final) - sum('payment', initial)) < 0.01;
}`,
    },
  ],
};

describe('τ²-bench retail (envs/tau2-retail)', () => {
  let env: LoadedEnvironment;
  let db: unknown;
  let tasks: Map<string, GoldTask>;
  const scenario = (id: string): Scenario => {
    const task = tasks.get(id)!;
    const instructions = task.user_scenario.instructions;
    return {
      schemaVersion: 1,
      id: `tau2-retail-${id}`,
      envId: env.id,
      initialState: db,
      task: instructions.reason_for_call,
      user: {
        persona: instructions.task_instructions,
        knownInfo: instructions.known_info,
        unknownInfo: instructions.unknown_info ?? undefined,
      },
      checklist: checklists[id]!,
      referenceSolution: task.evaluation_criteria.actions.map((a) => ({
        name: a.name,
        arguments: a.arguments,
      })),
      provenance: { createdAt: '2026-01-01T00:00:00.000Z', source: `tau2-bench retail task ${id}` },
    };
  };
  /** An agent that performs the task's gold actions one per turn, then answers. */
  const goldAgent = (id: string) =>
    new MockChatModel({
      script: {
        agent: [
          ...tasks
            .get(id)!
            .evaluation_criteria.actions.map((a): ScriptedReply => ({
              toolCalls: [{ name: a.name, arguments: a.arguments }],
            })),
          'Everything is done.',
        ],
      },
    });

  beforeAll(async () => {
    env = await loadEnvironment({ dir: envDir });
    db = JSON.parse(readFileSync(path.join(dataDir, 'db.json'), 'utf8'));
    tasks = new Map(
      (JSON.parse(readFileSync(path.join(dataDir, 'tasks.json'), 'utf8')) as GoldTask[]).map((t) => [
        t.id,
        t,
      ]),
    );
  }, 120_000);
  afterAll(() => env?.dispose());

  it('the hand-written checks type-check against the retail State', () => {
    for (const id of ['0', '69'])
      expect(validateScenario({ scenario: scenario(id), env: env.toPackage() }).issues).toEqual([]);
  });

  for (const id of ['0', '69']) {
    it(`task ${id}: gold actions earn 1.0, doing nothing earns 0 (non-conversational)`, async () => {
      const gold = await runEpisode({ env, scenario: scenario(id), agent: goldAgent(id) });
      expect(gold.termination).toBe('agent_done');
      expect(gold.reward).toMatchObject({ score: 1, success: true });
      const idle = await runEpisode({
        env,
        scenario: scenario(id),
        agent: new MockChatModel({ script: { agent: ['I cannot help.'] } }),
      });
      expect(idle.reward).toMatchObject({ score: 0, success: false });
      const report = await regrade({ trajectories: [gold, idle], scenarios: [scenario(id)], envs: [env] });
      expect(report.mismatches).toEqual([]);
    });
  }

  it('task 0 conversationally: the simulated user states the request, the agent acts, the user stops', async () => {
    const actions = tasks.get('0')!.evaluation_criteria.actions;
    let next = 0;
    let asked = false;
    const agent = new MockChatModel({
      script: {
        agent: () => {
          if (!asked) {
            asked = true;
            return 'Could you give me your name and zip code?';
          }
          if (next < actions.length) {
            const a = actions[next++]!;
            return { toolCalls: [{ name: a.name, arguments: a.arguments }] };
          }
          return 'Your exchange is requested; you will receive an email with the return instructions.';
        },
      },
    });
    const user = new MockChatModel({
      script: {
        'user-simulator': (request: ChatRequest) => {
          const agentTurns = request.messages.filter((m) => m.role === 'user').length;
          if (agentTurns === 1)
            return 'Hi, I want to exchange the keyboard and the thermostat from order #W2378156.';
          if (agentTurns === 2) return 'I am Yusuf Rossi, zip code 19122.';
          return `Thank you! ${USER_STOP_MARKER}`;
        },
      },
    });
    const t = await runEpisode({ env, scenario: scenario('0'), agent, user });
    expect(t.termination).toBe('user_stop');
    expect(t.reward).toMatchObject({ score: 1, success: true });
    expect(user.callsFor('user-simulator')[0]!.messages[0]!.content).toContain(
      'You are Yusuf Rossi in zip code 19122.',
    );
  });
});
