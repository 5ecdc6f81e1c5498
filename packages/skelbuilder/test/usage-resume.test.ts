import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatModel, ChatRequest, StageUsage } from '@envscaler/core';
import { buildEnvironments, EnvTypeChecker, type BuildReport } from '../src/index.js';
import { createScriptedChatModel, libraryScriptedEnvs } from '../src/testing.js';
import { inventory, parking } from './fixtures.js';

const packageDir = new URL('..', import.meta.url).pathname;
const dirs: string[] = [];
const checker = new EnvTypeChecker();
const envs = [libraryScriptedEnvs()[0]!, parking, inventory];
const tasks = envs.map((e) => e.task);

/** Two models, as a config with `models.stages` gives them: code stages on a strong one, the rest cheap. */
const modelOf = (stage: string) => (stage.startsWith('logic-') ? 'strong-model' : 'cheap-model');
const prices = {
  'cheap-model': { promptPerMillion: 1, completionPerMillion: 2 },
  'strong-model': { promptPerMillion: 10, completionPerMillion: 40 },
};

/** The scripted model behind a two-model endpoint: like the OpenAI model, it names each stage's model. */
function twoModels(): ChatModel & { calls: ChatRequest[]; modelFor(stage: string): string } {
  const scripted = createScriptedChatModel({ envs });
  return {
    calls: scripted.calls,
    modelFor: modelOf,
    complete: async (request) => ({ ...(await scripted.complete(request)), model: modelOf(request.stage) }),
  };
}

const build = (out: string, model: ChatModel, signal?: AbortSignal, onLogic?: () => void) =>
  buildEnvironments({
    tasks,
    model,
    out,
    concurrency: 1,
    testerSteps: 8,
    checker,
    prices,
    signal,
    onProgress: (e) => {
      if (e.stage === 'logic' && e.done === 1) onLogic?.();
    },
  });

let whole: BuildReport;
let wholeCalls: number;

beforeAll(async () => {
  const out = await mkdtemp(join(packageDir, '.tmp-usage-'));
  dirs.push(out);
  const model = twoModels();
  whole = await build(out, model);
  wholeCalls = model.calls.length;
}, 180_000);

afterAll(async () => {
  await checker.dispose();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const tokensOf = (t: StageUsage) => ({ promptTokens: t.promptTokens, completionTokens: t.completionTokens });

describe('the cost and token report of a build', () => {
  it("prices each stage at its own model's price", () => {
    expect(whole.totalTokens).toMatchObject({ calls: wholeCalls, cachedCalls: 0 });
    const cost = (model: keyof typeof prices, t: StageUsage) =>
      (t.promptTokens * prices[model].promptPerMillion +
        t.completionTokens * prices[model].completionPerMillion) /
      1e6;
    const judge = whole.tokens['topic-judge']!;
    const method = whole.tokens['logic-method']!;
    expect(judge.promptTokens).toBeGreaterThan(0);
    expect(method.promptTokens).toBeGreaterThan(0);
    expect(judge.costUsd).toBeCloseTo(cost('cheap-model', judge), 9);
    expect(method.costUsd).toBeCloseTo(cost('strong-model', method), 9);
    // a strong-model token costs ten to twenty times a cheap one: per-model pricing, not one rate
    expect(method.costUsd! / (method.promptTokens + method.completionTokens)).toBeGreaterThan(
      (5 * judge.costUsd!) / (judge.promptTokens + judge.completionTokens),
    );
    expect(Object.keys(whole.tokensByModel)).toEqual(['cheap-model', 'strong-model']);
    const byModel = whole.tokensByModel;
    expect(whole.totalTokens.costUsd).toBeCloseTo(
      cost('cheap-model', byModel['cheap-model']!) + cost('strong-model', byModel['strong-model']!),
      9,
    );
    expect(whole.unpricedModels).toEqual([]);
  });

  it('reports the same total tokens and cost after an interruption and a resume as without one', async () => {
    const out = await mkdtemp(join(packageDir, '.tmp-usage-'));
    dirs.push(out);
    const controller = new AbortController();
    const first = twoModels();
    await expect(build(out, first, controller.signal, () => controller.abort())).rejects.toMatchObject({
      code: 'ABORTED',
    });
    const partial = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(partial.aborted).toBe(true);
    expect(partial.totalTokens.calls).toBe(first.calls.length);

    const second = twoModels();
    const resumed = await build(out, second);
    expect(resumed.aborted).toBe(false);
    expect(first.calls.length).toBeGreaterThan(0);
    expect(second.calls.length).toBeGreaterThan(0);
    // every call of the build counts: this run's, and the first run's replayed from the stage cache
    expect(resumed.totalTokens.calls).toBe(second.calls.length);
    expect(resumed.totalTokens.cachedCalls).toBe(first.calls.length);
    expect(resumed.totalTokens.calls + resumed.totalTokens.cachedCalls).toBe(whole.totalTokens.calls);
    expect(tokensOf(resumed.totalTokens)).toEqual(tokensOf(whole.totalTokens));
    expect(resumed.totalTokens.costUsd).toBe(whole.totalTokens.costUsd);
    for (const [stage, t] of Object.entries(whole.tokens)) {
      expect(tokensOf(resumed.tokens[stage]!), stage).toEqual(tokensOf(t));
      expect(resumed.tokens[stage]!.costUsd, stage).toBe(t.costUsd);
    }
    for (const [model, t] of Object.entries(whole.tokensByModel))
      expect(resumed.tokensByModel[model]!.costUsd, model).toBe(t.costUsd);
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain(
      `| **total** | ${second.calls.length} | ${first.calls.length} | ${whole.totalTokens.promptTokens} |`,
    );

    // and a re-run of the finished build makes no call, yet reports the whole build
    const third = twoModels();
    const again = await build(out, third);
    expect(third.calls).toHaveLength(0);
    expect(again.totalTokens).toEqual({
      ...whole.totalTokens,
      calls: 0,
      cachedCalls: whole.totalTokens.calls,
    });
  }, 180_000);
});
