import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLines, parseScenario } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { evaluateChecklist } from '@envscaler/validate';
import { MockChatModel } from '@envscaler/testing';
import { tau2EnvironmentDir } from '@envscaler/env-tau2-retail';
import { generateScenarios } from './generate.js';
import { tau2RetailSubset } from './test/tau2-subset.js';

const envDir = tau2EnvironmentDir;
/** Two users, their four orders and the products in them, from τ²-bench's retail db.json (see test/README.md). */
const SUBSET = tau2RetailSubset();

const TASK =
  'Hi, this is Aarav Nguyen (aarav.nguyen1293@example.com). I ordered #W2443586 by mistake, please cancel it. ' +
  'I also want to return the hiking boots from my delivered order #W7728728, with the refund going to my PayPal.';

/** What a real model's replies look like: prose, fences, one cut-off reply, tool-call turns. */
function script() {
  const stateJson = JSON.stringify({ state: SUBSET }, null, 2);
  return {
    'scenario-state': [
      // cut off mid-object, as when a reply hits the token limit: re-asked
      `Here is an initial state for the retail store:\n\n\`\`\`json\n${stateJson.slice(0, 4000)}`,
      `Apologies, the previous reply was truncated. Here is the complete state:\n\n\`\`\`json\n${stateJson}\n\`\`\``,
    ],
    'scenario-task': [
      `{
  "task": ${JSON.stringify(TASK)},
  "user": {
    "persona": "Aarav, a busy software engineer in Dallas who is direct and slightly impatient.",
    "knownInfo": "Email aarav.nguyen1293@example.com; order #W2443586 was a mistake; wants to return the hiking boots from #W7728728 to PayPal.",
    "unknownInfo": "He does not know item ids or his PayPal payment method id."
  }
}`,
    ],
    'scenario-checklist': [
      `Here is the checklist:\n${JSON.stringify({
        checklist: [
          { description: "Order #W2443586 is cancelled with reason 'ordered by mistake'." },
          {
            description:
              "Order #W7728728 is 'return requested' for the hiking boots (item 1437889264), refunded to paypal_7859314.",
          },
          { description: 'Order #W2443586 has a refund of 591.95 to paypal_7859314 in its payment history.' },
        ],
      })}`,
    ],
    'scenario-checks': [
      `\`\`\`json
{
  "checks": [
    { "id": "c1", "source": "(final) => final.orders['#W2443586']?.status === 'cancelled' && final.orders['#W2443586']?.cancel_reason === 'ordered by mistake'" },
    { "id": "c2", "source": "(final) => {\\n  const o = final.orders['#W7728728'];\\n  return o?.status === 'return requested' && (o.return_items ?? []).includes('1437889264') && o.return_payment_method_id === 'paypal_7859314';\\n}" },
    { "id": "c3", "source": "(final, initial) => {\\n  const before = initial.orders['#W2443586']?.payment_history.length ?? 0;\\n  const after = final.orders['#W2443586']?.payment_history ?? [];\\n  return after.length > before && after.some((p) => p.transaction_type === 'refund' && p.payment_method_id === 'paypal_7859314' && Math.abs(p.amount - 591.95) < 0.005);\\n}" }
  ]
}
\`\`\``,
    ],
    'scenario-solver': [
      {
        content: null,
        toolCalls: [{ name: 'find_user_id_by_email', arguments: { email: 'aarav.nguyen1293@example.com' } }],
      },
      { content: null, toolCalls: [{ name: 'get_order_details', arguments: { order_id: '#W2443586' } }] },
      {
        content: null,
        toolCalls: [
          {
            name: 'cancel_pending_order',
            arguments: { order_id: '#W2443586', reason: 'ordered by mistake' },
          },
        ],
      },
      { content: null, toolCalls: [{ name: 'get_order_details', arguments: { order_id: '#W7728728' } }] },
      {
        content: null,
        toolCalls: [
          {
            name: 'return_delivered_order_items',
            arguments: {
              order_id: '#W7728728',
              item_ids: ['1437889264'],
              payment_method_id: 'paypal_7859314',
            },
          },
        ],
      },
      'Order #W2443586 is cancelled and refunded to your PayPal, and the return of the hiking boots from #W7728728 is requested.',
    ],
  };
}

describe('end to end on envs/tau2-retail', () => {
  let env: LoadedEnvironment;
  let out: string;
  beforeAll(async () => {
    // meta.json reads the policy from the shared conformance data; without it, load the module alone.
    env = await loadEnvironment({ dir: envDir }).catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
      return loadEnvironment({ source: readFileSync(join(envDir, 'env.ts'), 'utf8'), id: 'tau2-retail' });
    });
    out = await mkdtemp(join(tmpdir(), 'scengen-tau2-'));
  });
  afterAll(async () => {
    env?.dispose();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('produces a valid scenario whose reference solution replays to full reward', async () => {
    const model = new MockChatModel({ script: script(), model: 'scripted-llm' });
    const result = await generateScenarios({ env, count: 1, model, out, concurrency: 1, maxCandidates: 1 });
    expect(result.report.dropped).toEqual([]);
    expect(result.scenarios).toHaveLength(1);
    const [scenario] = parseJsonLines({
      text: await readFile(result.paths.scenarios, 'utf8'),
      parse: parseScenario,
    });
    expect(scenario!.envId).toBe(env.id);
    expect(scenario!.initialState).toEqual(SUBSET);
    expect(scenario!.gates).toMatchObject({
      typecheck: { passed: true },
      dedup: { passed: true },
      doNothing: { passed: true },
      solvability: { passed: true },
    });
    expect(scenario!.referenceSolution?.map((c) => c.name)).toEqual([
      'find_user_id_by_email',
      'get_order_details',
      'cancel_pending_order',
      'get_order_details',
      'return_delivered_order_items',
    ]);
    expect(model.callsFor('scenario-state')).toHaveLength(2);

    // replay the reference solution in a fresh sandbox session and score it
    const session = await env.createSession({ initialState: scenario!.initialState });
    for (const call of scenario!.referenceSolution!) await session.call(call.name, call.arguments);
    const reward = await evaluateChecklist({ scenario: scenario!, finalState: await session.snapshot() });
    session.dispose();
    expect(reward).toMatchObject({ score: 1, success: true });

    // and doing nothing scores zero
    const idle = await evaluateChecklist({ scenario: scenario!, finalState: scenario!.initialState });
    expect(idle.score).toBe(0);
  });
});
