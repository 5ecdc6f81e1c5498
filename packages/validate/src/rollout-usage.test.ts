import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunSummary, type ChatModel, type ChatRequest, type ChatResponse, type RunSummary } from '@envscaler/core';
import { createCheckRunner } from '@envscaler/runtime';
import { runRollouts } from './rollouts.js';
import { USER_STOP_MARKER } from './prompts.js';
import { libraryEnvironment, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
const dirs: string[] = [];
afterAll(async () => {
  runner.dispose();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const prices = {
  'agent-model': { promptPerMillion: 10, completionPerMillion: 40 },
  'user-model': { promptPerMillion: 1, completionPerMillion: 2 },
};

/** A model that names itself (like the OpenAI model's `modelFor`) and reports tokens from the request alone. */
function model(name: string, answer: (request: ChatRequest) => Partial<ChatResponse['message']>): ChatModel & { calls: number; modelFor(stage: string): string } {
  const self = {
    calls: 0,
    modelFor: () => name,
    async complete(request: ChatRequest): Promise<ChatResponse> {
      self.calls++;
      return {
        message: { role: 'assistant', content: null, ...answer(request) },
        usage: { promptTokens: 100 * request.messages.length, completionTokens: 7 },
        model: `${name}-2026-01-01`,
        finishReason: 'stop',
      };
    },
  };
  return self;
}

/** The agent lends the book, then says it is done; the simulated user asks once, then stops. */
const agent = () =>
  model('agent-model', (request) =>
    request.messages.some((m) => m.role === 'tool')
      ? { content: 'Done: the book is lent.' }
      : { tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lendBook', arguments: '{"memberId":"m2","bookId":"b1"}' } }] },
  );
const user = () =>
  model('user-model', (request) => ({
    content: request.messages.length > 2 ? `Thanks! ${USER_STOP_MARKER}` : 'Please lend book b1 to member m2.',
  }));

const scenarios = ['s-1', 's-2', 's-3'].map((id) => libraryScenario({ id }));

async function rollout(out: string, models: { agent: ChatModel; user: ChatModel }, signal?: AbortSignal, onDone?: (done: number) => void) {
  return runRollouts({
    envs: [libraryEnvironment()],
    scenarios,
    ...models,
    trials: 2,
    concurrency: 1,
    out,
    mode: 'conversational',
    runner,
    modelPrices: prices,
    signal,
    onProgress: (p) => {
      if (p.last?.event === 'finished') onDone?.(p.done);
    },
  });
}

const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'envscaler-rollout-usage-'));
  dirs.push(dir);
  return dir;
};

describe('the cost and token report of a rollout', () => {
  it("prices agent and user-simulator calls each at its own model's price, and a resumed run reports the same as an uninterrupted one", async () => {
    const whole = await rollout(await tempDir(), { agent: agent(), user: user() });
    const usage = whole.summary.usage;
    const byModel = usage.byModel!;
    expect(Object.keys(byModel)).toEqual(['agent-model', 'user-model']);
    expect(byModel['agent-model']!.calls).toBe(12); // 6 episodes × (tool call + final answer)
    expect(byModel['user-model']!.calls).toBe(12); // 6 episodes × (request + stop)
    const cost = (name: keyof typeof prices) =>
      (byModel[name]!.promptTokens * prices[name].promptPerMillion + byModel[name]!.completionTokens * prices[name].completionPerMillion) / 1e6;
    expect(byModel['agent-model']!.costUsd).toBeCloseTo(cost('agent-model'), 9);
    expect(byModel['user-model']!.costUsd).toBeCloseTo(cost('user-model'), 9);
    expect(usage.costUsd).toBeCloseTo(cost('agent-model') + cost('user-model'), 9);
    // not every token at the agent's rate
    const oneRate = (usage.promptTokens * 10 + usage.completionTokens * 40) / 1e6;
    expect(usage.costUsd!).toBeLessThan(oneRate);
    expect(usage).toMatchObject({ calls: 24, cachedCalls: 0, unpricedModels: [] });

    const out = await tempDir();
    const controller = new AbortController();
    const first = { agent: agent(), user: user() };
    await expect(rollout(out, first, controller.signal, (done) => done === 2 && controller.abort())).rejects.toMatchObject({ code: 'ABORTED' });
    const second = { agent: agent(), user: user() };
    const resumed = await rollout(out, second);
    expect(resumed.skipped).toBe(2);
    const written: RunSummary = parseRunSummary(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')));
    for (const summary of [resumed.summary, written]) {
      expect(summary.usage.promptTokens).toBe(usage.promptTokens);
      expect(summary.usage.completionTokens).toBe(usage.completionTokens);
      expect(summary.usage.costUsd).toBe(usage.costUsd);
      // this run's calls, and (as cachedCalls) those of the two episodes the interrupted run finished
      expect(summary.usage.calls).toBe(second.agent.calls + second.user.calls);
      expect(summary.usage.cachedCalls).toBe(8);
      expect(summary.usage.calls! + summary.usage.cachedCalls!).toBe(usage.calls);
      for (const name of ['agent-model', 'user-model']) expect(summary.usage.byModel![name]!.costUsd, name).toBe(byModel[name]!.costUsd);
    }
  });
});
