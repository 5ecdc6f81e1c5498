/**
 * The BFCL harness on the three categories besides base (miss_func, miss_param, long_context): gold agents
 * pass, a do-nothing agent fails, and the category rules (withheld functions, turns where the agent should
 * ask, long-context loading) work as BFCL runs and scores them.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatModel } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
import { runBfclBenchmark, summarizeBfcl } from './bfcl.js';
import { publicStateDifference, replayBfclGold, runBfclEntry } from './bfcl-entry.js';
import { runBfclSuite } from './bfcl-suite.js';
import {
  BFCL_ADDITIONAL_FUNCTIONS_PROMPT,
  BFCL_CATEGORIES,
  bfclCategoryOf,
  bfclEnvHelpers,
  bfclToolsAt,
  bfclTurnMessages,
  readBfclData,
  selectBfclEntries,
  type BfclCategory,
  type BfclData,
} from './bfcl-data.js';
import { createBfclGoldAgent } from './bfcl-gold-agent.js';
import { goldTurnAgent } from './test-helpers.js';

const OTHER = ['miss_func', 'miss_param', 'long_context'] as const;
/** Train entries that never change state, in every category (data/README.md of the env package). */
const STATELESS_TRAIN = [20, 108, 120, 124, 128, 144, 182];

let env: LoadedEnvironment;
const data = {} as Record<BfclCategory, BfclData>;
let parameterOrder: Map<string, string[]>;

beforeAll(async () => {
  for (const category of BFCL_CATEGORIES) data[category] = await readBfclData({ category });
  parameterOrder = bfclEnvHelpers.parameterOrderFromDocs([...data.base.docsByClass.values()].flat());
  env = await loadEnvironment({ dir: bfclEnvironmentDir });
}, 120_000);
afterAll(() => env?.dispose());

const entryOf = (category: BfclCategory, n: number) =>
  selectBfclEntries(data[category].entries, String(n))[0]!;
const goldCalls = (category: BfclCategory, id: string) =>
  (data[category].groundTruth.get(id) ?? []).map((turn) =>
    turn.map((source) => {
      const { name, args } = bfclEnvHelpers.parsePythonCall(source, { parameterOrder });
      return { name, arguments: args };
    }),
  );
const run = (category: BfclCategory, n: number, agent: MockChatModel) =>
  runBfclEntry({
    env,
    entry: entryOf(category, n),
    data: data[category],
    helpers: bfclEnvHelpers,
    parameterOrder,
    model: agent,
  });
const toolNames = (request: { tools?: { function: { name: string } }[] }) =>
  (request.tools ?? []).map((t) => t.function.name);

describe('categories', () => {
  it('bfclCategoryOf reads the category from the id, as BFCL does', () => {
    expect(bfclCategoryOf('multi_turn_base_3')).toBe('base');
    expect(bfclCategoryOf('multi_turn_miss_func_0')).toBe('miss_func');
    expect(bfclCategoryOf('multi_turn_long_context_199')).toBe('long_context');
    expect(() => bfclCategoryOf('simple_3')).toThrow(/not a BFCL multi-turn entry/);
  });

  it.each(OTHER)(
    '%s: gold calls pass all 200 entries; doing nothing fails every entry that changes state',
    async (category) => {
      const goldFailures: string[] = [];
      const idlePasses: string[] = [];
      const stateless: number[] = [];
      let digests = 0;
      for (const entry of data[category].entries) {
        const replay = await replayBfclGold({
          env,
          entry,
          groundTruth: data[category].groundTruth.get(entry.id)!,
          helpers: bfclEnvHelpers,
          parameterOrder,
          longContext: category === 'long_context',
        });
        const n = Number(entry.id.split('_').pop());
        if (
          replay.turns.every(
            (t) => publicStateDifference(t.publicStateJson, replay.initialPublicStateJson) === undefined,
          )
        )
          stateless.push(n);
        // The sandboxed gold replay reaches the expected per-turn digests of the train half.
        const want = data[category].expectedTrain.get(entry.id);
        if (want) {
          expect(bfclEnvHelpers.stateDigest(JSON.parse(replay.initialPublicStateJson))).toBe(
            want.initial_state_digest,
          );
          expect(replay.turns.map((t) => bfclEnvHelpers.stateDigest(JSON.parse(t.publicStateJson)))).toEqual(
            want.turns.map((t) => t.state_digest),
          );
          digests++;
        }
        const gold = await run(
          category,
          n,
          new MockChatModel({ script: { agent: goldTurnAgent(goldCalls(category, entry.id)) } }),
        );
        if (!gold.passed) goldFailures.push(`${entry.id}: ${JSON.stringify(gold.failure)}`);
        expect(gold.category).toBe(category);
        const idle = await run(
          category,
          n,
          new MockChatModel({ script: { agent: () => 'I will not do anything.' } }),
        );
        if (idle.passed) idlePasses.push(entry.id);
        // Every entry has a turn with gold calls, so doing nothing fails at the first of them.
        expect(idle.failure?.type).toBe('empty_turn_model_response');
      }
      expect(digests).toBe(100);
      expect(goldFailures).toEqual([]);
      expect(idlePasses).toEqual([]);
      expect(stateless.filter((n) => n % 2 === 0)).toEqual(STATELESS_TRAIN);
    },
    600_000,
  );

  it('createBfclGoldAgent (`bench bfcl --gold --category …`) passes every entry of each category', async () => {
    const passed: Record<string, [number, number]> = {};
    for (const category of BFCL_CATEGORIES) {
      const result = await runBfclBenchmark({
        model: createBfclGoldAgent({ data: data[category] }),
        category,
        entries: 'all',
        env,
        concurrency: 4,
      });
      expect(result.results.filter((r) => r.error !== undefined)).toEqual([]);
      expect(result.summary.category).toBe(category);
      passed[category] = [result.summary.passed, result.summary.entries];
      if (category === 'base') {
        expect(result.results.filter((r) => !r.passed).map((r) => r.id)).toEqual(['multi_turn_base_154']);
      }
      // The gold never calls a tool where its ground truth has none.
      expect(result.summary.irrelevance).toBe(0);
    }
    expect(passed).toEqual({
      base: [199, 200],
      miss_func: [200, 200],
      miss_param: [200, 200],
      long_context: [200, 200],
    });
  }, 600_000);
});

describe('miss_func: withheld functions', () => {
  // Entry 0 withholds `sort` until turn 3; turn 2 (which needs it) has no gold calls.
  it('hides the withheld functions until their turn, which brings BFCL’s fixed message instead of a question', async () => {
    const entry = entryOf('miss_func', 0);
    expect(entry.missed_function).toEqual({ 3: ['sort'] });
    expect(data.miss_func.groundTruth.get(entry.id)?.[2]).toEqual([]);
    const all = bfclToolsAt(data.miss_func, { involved_classes: entry.involved_classes }, 0).map(
      (t) => t.function.name,
    );
    for (const t of [0, 1, 2]) {
      expect(bfclToolsAt(data.miss_func, entry, t).map((x) => x.function.name)).toEqual(
        all.filter((n) => n !== 'sort'),
      );
    }
    for (const t of [3, 4]) {
      expect(bfclToolsAt(data.miss_func, entry, t).map((x) => x.function.name)).toEqual([
        ...all.filter((n) => n !== 'sort'),
        'sort',
      ]);
    }
    expect(bfclTurnMessages(entry, 3)).toEqual([{ role: 'user', content: BFCL_ADDITIONAL_FUNCTIONS_PROMPT }]);
    expect(bfclTurnMessages(entry, 2)).toEqual(entry.question[2]);

    const agent = new MockChatModel({ script: { agent: goldTurnAgent(goldCalls('miss_func', entry.id)) } });
    const result = await run('miss_func', 0, agent);
    expect(result.passed).toBe(true);
    // What the agent was shown, turn by turn.
    const firsts = agent.callsFor('agent').filter((r) => r.messages.at(-1)?.role === 'user');
    expect(firsts.map((r) => toolNames(r).includes('sort'))).toEqual([false, false, false, true, true]);
    expect(firsts[3]!.messages.at(-1)).toEqual({ role: 'user', content: BFCL_ADDITIONAL_FUNCTIONS_PROMPT });
    expect(result.turns.map((t) => t.check)).toEqual(['passed', 'passed', 'skipped', 'passed', 'passed']);
  });

  it('a call to a withheld function runs (as in BFCL) and is marked; using it early does not score', async () => {
    // Entry 49's own ground truth calls `tail` in turn 1, before turn 3 gives it back: it still passes.
    const gold = await run(
      'miss_func',
      49,
      new MockChatModel({
        script: { agent: goldTurnAgent(goldCalls('miss_func', 'multi_turn_miss_func_49')) },
      }),
    );
    expect(gold.passed).toBe(true);
    expect(gold.turns[1]!.calls.filter((c) => c.offered === false).map((c) => c.name)).toEqual(['tail']);
    expect(gold.turns[3]!.calls.every((c) => c.offered === undefined)).toBe(true);

    // Entry 0: calling the withheld `sort` in turn 2 (where the gold is empty) and nothing in turn 3 fails
    // turn 3, whose gold has the call: BFCL checks each turn on its own.
    const calls = goldCalls('miss_func', 'multi_turn_miss_func_0');
    const early = calls.map((turn, t) => (t === 2 ? calls[3]! : t === 3 ? [] : turn));
    const result = await run('miss_func', 0, new MockChatModel({ script: { agent: goldTurnAgent(early) } }));
    expect(result.turns[2]).toMatchObject({ check: 'skipped', irrelevance: true });
    expect(result.turns[2]!.calls[0]).toMatchObject({ name: 'sort', offered: false });
    expect(result.turns[2]!.calls[0]!.result).not.toMatch(/^Error/);
    expect(result.failure).toMatchObject({ type: 'empty_turn_model_response', turn: 3 });
  });
});

describe('miss_param: the turn where the agent should ask', () => {
  // Entry 0: turn 3 asks to move "one of the files" (no gold calls); turn 4 names it and holds the calls.
  const calls = () => goldCalls('miss_param', 'multi_turn_miss_param_0');

  it('asking (no call) passes; the empty gold turn is not checked', async () => {
    expect(calls()[3]).toEqual([]);
    const result = await run(
      'miss_param',
      0,
      new MockChatModel({ script: { agent: goldTurnAgent(calls()) } }),
    );
    expect(result.passed).toBe(true);
    expect(result.turns[3]).toMatchObject({ check: 'skipped', goldCalls: 0, calls: [] });
    expect(result.turns[3]!.irrelevance).toBeUndefined();
  });

  it('a harmless read there is not penalised (BFCL’s irrelevance check is off) but is reported', async () => {
    const reads = calls().map((turn, t) => (t === 3 ? [{ name: 'pwd', arguments: {} }] : turn));
    const result = await run('miss_param', 0, new MockChatModel({ script: { agent: goldTurnAgent(reads) } }));
    expect(result.passed).toBe(true);
    expect(result.turns[3]).toMatchObject({ check: 'skipped', irrelevance: true });
    expect(summarizeBfcl({ results: [result] }).irrelevance).toBe(1);
  });

  it('a guess that changes the state fails the next checked turn', async () => {
    const guess = calls().map((turn, t) =>
      t === 3 ? [{ name: 'mkdir', arguments: { dir_name: 'guessed' } }] : turn,
    );
    const result = await run('miss_param', 0, new MockChatModel({ script: { agent: goldTurnAgent(guess) } }));
    expect(result.turns[3]!.check).toBe('skipped');
    expect(result.failure).toMatchObject({ type: 'instance_state_mismatch', turn: 4 });
  });
});

describe('long_context', () => {
  it('runs the entry in long-context mode: long files and results, the state check on long-context states', async () => {
    const entry = entryOf('long_context', 0);
    const agent = new MockChatModel({
      script: { agent: goldTurnAgent(goldCalls('long_context', entry.id)) },
    });
    const result = await run('long_context', 0, agent);
    expect(result.passed).toBe(true);
    // Turn 1 greps a file that long-context mode extended: the agent sees a longer result than in base.
    const base = await run(
      'base',
      0,
      new MockChatModel({ script: { agent: goldTurnAgent(goldCalls('base', 'multi_turn_base_0')) } }),
    );
    const resultText = (r: typeof result) => r.turns.flatMap((t) => t.calls.map((c) => c.result)).join('\n');
    expect(resultText(result).length).toBeGreaterThan(resultText(base).length);
    // The same calls on a session loaded without long-context mode would not match the gold states.
    const session = await env.createSession({
      config: {
        involved_classes: entry.involved_classes,
        initial_config: entry.initial_config,
        long_context: true,
      },
    });
    try {
      expect((await session.publicState()) as Record<string, { long_context?: boolean }>).toMatchObject({
        GorillaFileSystem: { long_context: true },
      });
    } finally {
      session.dispose();
    }
  });
});

describe('runBfclSuite', () => {
  it('runs each category in its own directory and reports the unweighted mean as the multi-turn score', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-bfcl-suite-'));
    // Gold agents on entries 0-3; in base, entry 3 is run with an agent that does nothing.
    const model = (category: BfclCategory): ChatModel => {
      const gold = createBfclGoldAgent({ data: data[category] });
      if (category !== 'base') return gold;
      const third = entryOf('base', 3).question[0]![0]!.content;
      return {
        complete: (request) =>
          request.messages.find((m) => m.role === 'user')?.content === third
            ? Promise.resolve({
                message: { role: 'assistant', content: 'no' },
                usage: { promptTokens: 0, completionTokens: 0 },
                model: 'idle',
                finishReason: 'stop',
              })
            : gold.complete(request),
      };
    };
    const progress = new Set<string>();
    const result = await runBfclSuite({
      model,
      modelName: 'gold',
      entries: '0-3',
      env,
      out,
      onProgress: (category) => progress.add(category),
    });
    expect([...progress]).toEqual([...BFCL_CATEGORIES]);
    expect(result.summary.categories).toMatchObject({
      base: { entries: 4, passed: 3, accuracy: 0.75 },
      miss_func: { entries: 4, passed: 4 },
      miss_param: { entries: 4, passed: 4 },
      long_context: { entries: 4, passed: 4 },
    });
    expect(result.summary.overall).toEqual({ accuracy: (0.75 + 1 + 1 + 1) / 4, entries: 16, passed: 15 });
    const written = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(written.overall.accuracy).toBeCloseTo(0.9375);
    for (const category of BFCL_CATEGORIES) {
      const summary = JSON.parse(await readFile(join(out, category, 'summary.json'), 'utf8'));
      expect(summary).toMatchObject({ category, entries: 4 });
      const lines = (await readFile(join(out, category, 'results.jsonl'), 'utf8')).trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { id: string }).id).sort()).toEqual(
        [0, 1, 2, 3].map((n) => `multi_turn_${category}_${n}`),
      );
    }
    // Resumes: nothing runs again.
    const again = await runBfclSuite({ model, entries: '0-3', env, out });
    expect(BFCL_CATEGORIES.map((c) => again.categories[c]?.ran)).toEqual([0, 0, 0, 0]);
    expect(again.summary.overall.passed).toBe(15);
  }, 300_000);
});
