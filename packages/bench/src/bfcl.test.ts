import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { runBfclBenchmark, summarizeBfcl } from './bfcl.js';
import {
  missingGoldResults,
  publicStateDifference,
  replayBfclGold,
  runBfclEntry,
  type BfclEntryResult,
} from './bfcl-entry.js';
import {
  bfclDocToTool,
  bfclSplitOf,
  bfclToolsFor,
  bfclEnvHelpers,
  readBfclData,
  selectBfclEntries,
  type BfclData,
  type BfclEnvHelpers,
} from './bfcl-data.js';
import { bfclDataDir, bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
import { createBfclGoldAgent, turnPosition } from './bfcl-gold-agent.js';
import { goldTurnAgent } from './test-helpers.js';

const dataDir = bfclDataDir;
const envDir = bfclEnvironmentDir;

/** Train entries that never change state (data/README.md of @envscaler/env-bfcl-multi-turn). */
const STATELESS_TRAIN = new Set([20, 108, 120, 124, 128, 144, 182].map((n) => `multi_turn_base_${n}`));

describe('missingGoldResults (BFCL response check)', () => {
  it('finds each gold result among the model results, order ignored, each model result used once', () => {
    expect(missingGoldResults(['a', 'b'], ['b', 'x', 'a'])).toEqual([]);
    expect(missingGoldResults(['a', 'a'], ['a'])).toEqual(['a']);
    expect(missingGoldResults(['a', 'a'], ['a', 'z', 'a'])).toEqual([]);
    expect(missingGoldResults([], [])).toEqual([]);
    expect(missingGoldResults(['{"x": 1}'], ['{"x":1}'])).toEqual(['{"x": 1}']);
  });
});

describe('publicStateDifference (BFCL state check on state text)', () => {
  it('equal text and the same state in another key order pass; a changed value names its path', () => {
    expect(publicStateDifference('{"A":{"x":1,"y":[1,2]}}', '{"A":{"x":1,"y":[1,2]}}')).toBeUndefined();
    expect(publicStateDifference('{"A":{"y":[1,2],"x":1}}', '{"A":{"x":1,"y":[1,2]}}')).toBeUndefined();
    expect(publicStateDifference('{"A":{"x":1,"y":[2,1]}}', '{"A":{"x":1,"y":[1,2]}}')).toBe('$.A.y[0]');
  });
});

describe('bfclDocToTool', () => {
  it('converts BFCL types to JSON Schema as BFCL does for OpenAI-style function calling', () => {
    const tool = bfclDocToTool({
      name: 'f',
      description: 'Does f.',
      parameters: {
        type: 'dict',
        properties: {
          a: { type: 'float', description: 'A.' },
          b: {
            type: 'dict',
            description: 'B.',
            properties: { c: { type: 'tuple', items: { type: 'integer' } } },
          },
          d: { type: 'any', description: 'D.' },
          e: { description: 'E.' },
        },
        required: ['a'],
      },
      response: { type: 'dict' },
    });
    expect(tool).toEqual({
      type: 'function',
      function: {
        name: 'f',
        description: 'Does f. Note that the provided function is in Python 3 syntax.',
        parameters: {
          type: 'object',
          properties: {
            a: { type: 'number', format: 'float', description: 'A. This is a float type value.' },
            b: {
              type: 'object',
              description: 'B.',
              properties: { c: { type: 'array', items: { type: 'integer' } } },
            },
            d: { type: 'string', description: 'D.' },
            e: { type: 'string', description: 'E.' },
          },
          required: ['a'],
        },
      },
    });
  });
});

describe('BFCL multi-turn harness (scripted agents)', () => {
  let data: BfclData;
  let helpers: BfclEnvHelpers;
  let parameterOrder: Map<string, string[]>;
  let env: LoadedEnvironment;

  beforeAll(async () => {
    data = await readBfclData();
    helpers = bfclEnvHelpers;
    parameterOrder = helpers.parameterOrderFromDocs([...data.docsByClass.values()].flat());
    env = await loadEnvironment({ dir: envDir });
  }, 120_000);
  afterAll(() => env?.dispose());

  const goldCalls = (id: string) =>
    (data.groundTruth.get(id) ?? []).map((turn) =>
      turn.map((source) => {
        const { name, args } = helpers.parsePythonCall(source, { parameterOrder });
        return { name, arguments: args };
      }),
    );
  const hasPositional = (id: string) =>
    (data.groundTruth.get(id) ?? []).some((turn) =>
      turn.some((source) => {
        const { args } = helpers.parsePythonCall(source, { parameterOrder });
        const inner = source.slice(source.indexOf('(') + 1, source.lastIndexOf(')')).trim();
        return Object.keys(args).length > 0 && !/^[A-Za-z_]\w*\s*=/.test(inner);
      }),
    );
  const run = (id: string, agent: MockChatModel) =>
    runBfclEntry({
      env,
      entry: selectBfclEntries(data.entries, id)[0]!,
      data,
      helpers,
      parameterOrder,
      model: agent,
    });

  it('selects entries by split, ids, numbers and ranges', () => {
    expect(selectBfclEntries(data.entries, 'train')).toHaveLength(100);
    expect(selectBfclEntries(data.entries, 'test').every((e) => bfclSplitOf(e.id) === 'test')).toBe(true);
    expect(selectBfclEntries(data.entries, 'all')).toHaveLength(200);
    expect(selectBfclEntries(data.entries, 'multi_turn_base_7, 3-5,4').map((e) => e.id)).toEqual([
      'multi_turn_base_7',
      'multi_turn_base_3',
      'multi_turn_base_4',
      'multi_turn_base_5',
    ]);
    expect(() => selectBfclEntries(data.entries, '200')).toThrow(/unknown BFCL entry '200'/);
  });

  it('shows the agent the official docs of the involved classes', () => {
    const tools = bfclToolsFor(data, ['MathAPI', 'TwitterAPI']);
    const names = tools.map((t) => t.function.name);
    expect(names).toContain('logarithm');
    expect(names).toContain('post_tweet');
    expect(names).not.toContain('ls');
    expect(names.length).toBe(
      data.docsByClass.get('MathAPI')!.length + data.docsByClass.get('TwitterAPI')!.length,
    );
  });

  it('an agent emitting the gold calls passes every entry (both halves); doing nothing fails every entry that changes state', async () => {
    const all = selectBfclEntries(data.entries, 'all');
    // Entries whose ground truth passes positional arguments (named through the docs' parameter order).
    expect(
      all.filter((e) => hasPositional(e.id) && bfclSplitOf(e.id) === 'train').length,
    ).toBeGreaterThanOrEqual(5);
    expect(all.filter((e) => hasPositional(e.id)).length).toBeGreaterThanOrEqual(10);
    const goldFailures: string[] = [];
    const idlePasses: string[] = [];
    const stateless: string[] = [];
    const results: BfclEntryResult[] = [];
    for (const entry of all) {
      const replay = await replayBfclGold({
        env,
        entry,
        groundTruth: data.groundTruth.get(entry.id)!,
        helpers,
        parameterOrder,
      });
      const changesState = replay.turns.some(
        (t) => publicStateDifference(t.publicStateJson, replay.initialPublicStateJson) !== undefined,
      );
      if (!changesState) stateless.push(entry.id);
      const gold = await run(
        entry.id,
        new MockChatModel({ script: { agent: goldTurnAgent(goldCalls(entry.id)) } }),
      );
      results.push(gold);
      if (entry.id === 'multi_turn_base_154') {
        // 5 user turns, 6 ground-truth turns: BFCL fails it whatever the model does.
        expect(gold.failure?.type).toBe('force_terminated');
        expect(gold.turns.every((t) => t.check === 'passed' || t.check === 'skipped')).toBe(true);
      } else if (!gold.passed) goldFailures.push(`${entry.id}: ${JSON.stringify(gold.failure)}`);
      const idle = await run(
        entry.id,
        new MockChatModel({ script: { agent: () => 'I will not do anything.' } }),
      );
      if (changesState && idle.passed) idlePasses.push(entry.id);
      if (entry.id !== 'multi_turn_base_154') expect(idle.failure?.type).toBe('empty_turn_model_response');
    }
    expect(goldFailures).toEqual([]);
    expect(idlePasses).toEqual([]);
    // The README's count of entries that never change state, and its list for the train half.
    expect(stateless).toHaveLength(15);
    expect(stateless.filter((id) => Number(id.split('_').pop()) % 2 === 0)).toEqual([...STATELESS_TRAIN]);
    const summary = summarizeBfcl({ results });
    expect(summary).toMatchObject({ entries: 200, passed: 199 });
    expect(summary.perSplit).toMatchObject({
      train: { entries: 100, passed: 99 },
      test: { entries: 100, passed: 100 },
    });
    expect(summary.interval95[0]).toBeLessThan(0.995);
    expect(summary.interval95[1]).toBeGreaterThan(0.995);
  }, 600_000);

  it('createBfclGoldAgent (what `envscaler bench bfcl --gold` runs) recognises every entry and scores like the gold calls', async () => {
    const result = await runBfclBenchmark({
      model: createBfclGoldAgent({ data }),
      entries: 'all',
      env,
      concurrency: 4,
    });
    expect(result.results.filter((r) => r.error !== undefined)).toEqual([]);
    expect(result.results.filter((r) => !r.passed).map((r) => r.id)).toEqual(['multi_turn_base_154']);
    expect(result.summary).toMatchObject({ entries: 200, passed: 199 });
    // A conversation that is not a BFCL entry is refused, not answered at random.
    await expect(
      createBfclGoldAgent({ data }).complete({
        stage: 'agent',
        messages: [{ role: 'user', content: 'hello' }],
      }),
    ).rejects.toThrow(/matches no BFCL entry/);
  }, 600_000);

  it('one call per step passes too; a wrong argument fails the state check, a skipped read fails the response check', async () => {
    const id = 'multi_turn_base_0';
    const calls = goldCalls(id);
    const oneByOne = await run(
      id,
      new MockChatModel({ script: { agent: goldTurnAgent(calls, { oneByOne: true }) } }),
    );
    expect(oneByOne.passed).toBe(true);
    expect(oneByOne.turns.map((t) => t.check)).toEqual(calls.map(() => 'passed'));

    // Turn 0 of entry 0 creates a directory; a different name changes the state.
    const wrong = calls.map((turn) =>
      turn.map((c) => (c.name === 'mkdir' ? { ...c, arguments: { dir_name: 'other' } } : c)),
    );
    expect(wrong.flat().some((c) => c.name === 'mkdir')).toBe(true);
    const bad = await run(id, new MockChatModel({ script: { agent: goldTurnAgent(wrong) } }));
    expect(bad.failure?.type).toBe('instance_state_mismatch');

    // Leaving out a read-only call (grep in turn 1) keeps the state but loses its result.
    const noRead = calls.map((turn) => turn.filter((c) => c.name !== 'grep'));
    expect(calls[1]!.some((c) => c.name === 'grep')).toBe(true);
    const missing = await run(id, new MockChatModel({ script: { agent: goldTurnAgent(noRead) } }));
    expect(missing.failure).toMatchObject({ type: 'execution_response_mismatch', turn: 1 });
  });

  it('force-terminates an agent that keeps calling tools past the step cap', async () => {
    const loop = new MockChatModel({
      script: { agent: () => ({ toolCalls: [{ name: 'pwd', arguments: {} }] }) },
    });
    const result = await runBfclEntry({
      env,
      entry: selectBfclEntries(data.entries, '0')[0]!,
      data,
      helpers,
      parameterOrder,
      model: loop,
      maxStepsPerTurn: 3,
    });
    expect(result.failure).toMatchObject({ type: 'force_terminated', turn: 0 });
    // BFCL runs the step that crosses the cap, then quits: 3 + 1 queries.
    expect(loop.callsFor('agent')).toHaveLength(4);

    // Hitting the cap in the last turn ends the conversation there, but BFCL has every turn and checks them.
    const calls = goldCalls('multi_turn_base_0');
    const last = calls.length - 1;
    const gold = goldTurnAgent(calls);
    const capped = await runBfclEntry({
      env,
      entry: selectBfclEntries(data.entries, '0')[0]!,
      data,
      helpers,
      parameterOrder,
      model: new MockChatModel({
        script: {
          agent: (request) => {
            const { turn, stepsInTurn } = turnPosition(request.messages);
            return turn === last && stepsInTurn > 0
              ? { toolCalls: [{ name: 'pwd', arguments: {} }] }
              : gold(request);
          },
        },
      }),
      maxStepsPerTurn: 3,
    });
    expect(capped.passed).toBe(true);
    expect(capped.turns[last]).toMatchObject({ steps: 4, forceQuit: true, check: 'passed' });
  });

  it('runBfclBenchmark: concurrent, writes results and summary, resumes without re-running', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-bfcl-'));
    const ids = ['multi_turn_base_2', 'multi_turn_base_24', 'multi_turn_base_3'];
    const byFirstMessage = new Map(
      selectBfclEntries(data.entries, ids.join(',')).map((e) => [e.question[0]![0]!.content, e.id]),
    );
    const agent = new MockChatModel({
      script: {
        agent: (request) => {
          const id = byFirstMessage.get(request.messages.find((m) => m.role === 'user')!.content as string)!;
          return id === 'multi_turn_base_3' ? 'no' : goldTurnAgent(goldCalls(id))(request);
        },
      },
    });
    const progress: number[] = [];
    const first = await runBfclBenchmark({
      model: agent,
      entries: ids,
      env,
      dataDir,
      envDir,
      concurrency: 2,
      out,
      onProgress: (p) => progress.push(p.done),
    });
    expect(first.ran).toBe(3);
    expect(first.results.map((r) => [r.id, r.passed])).toEqual([
      ['multi_turn_base_2', true],
      ['multi_turn_base_24', true],
      ['multi_turn_base_3', false],
    ]);
    expect(progress.at(-1)).toBe(3);
    const lines = (await readFile(join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      entries: 3,
      passed: 2,
      perSplit: { train: { entries: 2, passed: 2 }, test: { entries: 1, passed: 0 } },
    });
    expect(Object.keys(summary.perClass).length).toBeGreaterThan(0);

    const calls = agent.calls.length;
    const again = await runBfclBenchmark({ model: agent, entries: ids, env, dataDir, envDir, out });
    expect(again).toMatchObject({ ran: 0, skipped: 3 });
    expect(agent.calls.length).toBe(calls);
    expect(again.summary.passed).toBe(2);
  }, 120_000);
});
