import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACEBENCH_TASK_COMPLETED,
  bfclEnvHelpers,
  readAcebenchData,
  readAcebenchGoldTrain,
  readBfclData,
  tau2Domain,
  turnPosition,
  type Tau2Task,
} from '@envscaler/bench';
import type { MockServerChatRequest } from '@envscaler/testing';
import { wilsonInterval } from '@envscaler/validate';
import { runCli } from '../index.js';
import { toolCallTurns, useCapturedOutput, withMockOpenAIServer } from '../test-fixtures/bench-cli.js';
import { PAPER_QWEN3_8B } from './bench-all-paper.js';
import { benchAllSuitesOption } from './bench-all.js';
import { meanPassRate, parseBenchAllResults, type BenchAllResults } from './bench-all-table.js';

const { capture, stdout } = useCapturedOutput();

describe('meanPassRate (the table’s 95% intervals)', () => {
  it('is the Wilson score interval for one rate', () => {
    const half = meanPassRate([{ rate: 0.5, n: 10 }]);
    expect(half.rate).toBe(0.5);
    expect(half.n).toBe(10);
    expect(half.interval95[0]).toBeCloseTo(0.2366, 4);
    expect(half.interval95[1]).toBeCloseTo(0.7634, 4);
    // Known Wilson values: 0/10 → [0, 0.2775], 10/10 → [0.7225, 1], 81/263 → [0.2553, 0.3662].
    const none = meanPassRate([{ rate: 0, n: 10 }]).interval95;
    expect(none[0]).toBeCloseTo(0, 12);
    expect(none[1]).toBeCloseTo(0.2775, 4);
    const all = meanPassRate([{ rate: 1, n: 10 }]).interval95;
    expect(all[0]).toBeCloseTo(0.7225, 4);
    expect(all[1]).toBeCloseTo(1, 12);
    const [lo, hi] = meanPassRate([{ rate: 81 / 263, n: 263 }]).interval95;
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  it('averages without weights and takes the interval at K² / Σ 1/nᵢ', () => {
    // Equal parts: the pooled count, so 1/2 and 0/2 give Wilson(1, 4) around 0.25.
    const equal = meanPassRate([
      { rate: 0.5, n: 2 },
      { rate: 0, n: 2 },
    ]);
    expect(equal.rate).toBe(0.25);
    expect(equal.n).toBe(4);
    expect(equal.interval95).toEqual(wilsonInterval(1, 4));
    // Unequal parts: 10 and 40 tasks → n = 4 / (1/10 + 1/40) = 32; the mean ignores the sizes.
    const unequal = meanPassRate([
      { rate: 1, n: 10 },
      { rate: 0.5, n: 40 },
    ]);
    expect(unequal.rate).toBe(0.75);
    expect(unequal.n).toBeCloseTo(32, 10);
    expect(unequal.interval95).toEqual(wilsonInterval(0.75 * 32, 32));
    // All-pass in one part and all-fail in the other still gives a real interval, not a point.
    const split = meanPassRate([
      { rate: 1, n: 5 },
      { rate: 0, n: 5 },
    ]).interval95;
    expect(split[0]).toBeLessThan(0.3);
    expect(split[1]).toBeGreaterThan(0.7);
  });

  it('rejects empty input, rates outside [0, 1] and sizes below 1', () => {
    expect(() => meanPassRate([])).toThrow(/no rates/);
    expect(() => meanPassRate([{ rate: 1.2, n: 3 }])).toThrow(/part 0 has rate 1.2/);
    expect(() =>
      meanPassRate([
        { rate: 0.5, n: 2 },
        { rate: 0.5, n: 0 },
      ]),
    ).toThrow(/part 1 has n = 0/);
  });
});

describe('--suites', () => {
  it('keeps run order, drops repeats and names unknown suites', () => {
    expect(benchAllSuitesOption('acebench, bfcl,acebench')).toEqual(['bfcl', 'acebench']);
    expect(() => benchAllSuitesOption('bfcl,tau2')).toThrow(/unknown suite 'tau2'/);
    expect(() => benchAllSuitesOption(' , ')).toThrow(/comma-separated list/);
  });
});

/** The text that identifies a τ task in its simulated user's system prompt. */
function tauInstruction(task: Tau2Task): string {
  const ins = task.user_scenario.instructions;
  return typeof ins === 'string' ? ins : (ins.reason_for_call ?? ins.task_instructions ?? '');
}

describe('envscaler bench all over the loopback OpenAI-compatible server', () => {
  it('runs every suite on --limit 2, prints and writes the table beside the paper, and resumes without model calls', async () => {
    // A scripted agent that solves the first task / entry of everything and does nothing useful with the
    // second: BFCL entry 0 gets multi_turn_base_0's gold calls in every category, τ task 0 (retail and
    // airline) and ACEBench task 0 (both subsets) their gold actions.
    const bfcl = await readBfclData();
    const base0 = bfcl.entries.find((e) => e.id === 'multi_turn_base_0')!;
    const bfclGold = bfcl.groundTruth.get(base0.id)!;
    const parameterOrder = bfclEnvHelpers.parameterOrderFromDocs([...bfcl.docsByClass.values()].flat());
    const retail = await tau2Domain('retail').readData();
    const airline = await tau2Domain('airline').readData();
    const tauTasks = [
      ...retail.tasks.map((t) => ({ key: `retail:${t.id}`, task: t })),
      ...airline.tasks.map((t) => ({ key: `airline:${t.id}`, task: t })),
    ];
    const ace = await readAcebenchData();
    const aceGold = await readAcebenchGoldTrain();

    const goldCalls = (key: string): { name: string; arguments: Record<string, unknown> }[] => {
      const [domain, id] = key.split(':') as [string, string];
      if (domain === 'acebench') return id.endsWith('_0') ? (aceGold.tasks[id] ?? []) : [];
      if (id !== '0') return [];
      const task = (domain === 'retail' ? retail : airline).tasks.find((t) => t.id === id)!;
      return (task.evaluation_criteria?.actions ?? []).map((a) => ({ name: a.name, arguments: a.arguments }));
    };

    const agent = (request: MockServerChatRequest) => {
      const first = request.messages.find((m) => m.role === 'user')?.content as string;
      if (first === base0.question[0]![0]!.content) {
        const { turn, stepsInTurn } = turnPosition(request.messages);
        const calls = bfclGold[turn] ?? [];
        if (stepsInTurn > 0 || calls.length === 0) return 'Done.';
        return {
          toolCalls: calls.map((source) => {
            const { name, args } = bfclEnvHelpers.parsePythonCall(source, { parameterOrder });
            return { name, arguments: args };
          }),
        };
      }
      const step = ace.tasks.find((t) => t.subset === 'multi_step' && t.question === first);
      const key = step ? `acebench:${step.id}` : /^I am task (\S+)\.$/.exec(first)?.[1];
      if (!key) return 'Done.';
      const call = goldCalls(key)[toolCallTurns(request.messages)];
      if (call) return { toolCalls: [call] };
      return step ? ACEBENCH_TASK_COMPLETED : 'Your request is handled.';
    };
    const user = (request: MockServerChatRequest) => {
      const system = request.messages[0]!.content as string;
      const turn = ace.tasks.find(
        (t) => t.subset === 'multi_turn' && system.includes(`Instruction: ${t.question}`),
      );
      const key = turn
        ? `acebench:${turn.id}`
        : tauTasks.find((t) => system.includes(tauInstruction(t.task)))?.key;
      if (request.messages.filter((m) => m.role === 'user').length === 1) return `I am task ${key}.`;
      return turn ? 'finish conversation' : 'Thank you. ###STOP###';
    };

    await withMockOpenAIServer({ script: { agent, 'user-simulator': user } }, async (server) => {
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'cli-bench-all-')), 'run');
      const argv = [
        'bench',
        'all',
        '--model',
        'agent-m',
        '--user-model',
        'user-m',
        '--limit',
        '2',
        '--concurrency',
        '2',
        '--out',
        out,
        '--quiet',
      ];
      capture();
      expect(await runCli({ argv })).toBe(0);
      const table = stdout();

      const results: BenchAllResults = parseBenchAllResults(
        JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')),
      );
      expect(results.settings).toEqual({
        suites: ['bfcl', 'tau2-retail', 'tau-airline', 'acebench'],
        trials: 1,
        limit: 2,
        temperature: 0.7,
      });
      expect(results).toMatchObject({ agentModel: 'agent-m', userModel: 'user-m' });
      expect(results.rows.map((r) => r.id)).toEqual(Object.keys(PAPER_QWEN3_8B));
      const byId = Object.fromEntries(results.rows.map((r) => [r.id, r]));
      for (const r of results.rows) expect(r.paper).toEqual(PAPER_QWEN3_8B[r.id]);

      // Solved: BFCL base 0, τ task 0 of both domains, ACEBench task 0 of both subsets; not: every task 1.
      // base_0's calls also solve long_context_0 (same requests, longer results) but not miss_func_0 (a
      // function is withheld at first) or miss_param_0 (a value is missing, so the gold turn differs).
      expect(
        ['bfcl.base', 'bfcl.miss_func', 'bfcl.miss_param', 'bfcl.long_context'].map(
          (id) => byId[id]!.measured!.passed,
        ),
      ).toEqual([1, 0, 0, 1]);
      expect(byId['bfcl.overall']!.measured).toMatchObject({ rate: 0.25, n: 8 });
      expect(byId['bfcl.overall']!.measured!.interval95).toEqual(wilsonInterval(2, 8));
      expect(byId['bfcl.base']!.measured).toMatchObject({ rate: 0.5, n: 2, passed: 1 });
      expect(byId['tau.retail']!.measured).toMatchObject({ rate: 0.5, n: 2, passed: 1 });
      expect(byId['tau.airline']!.measured).toMatchObject({ rate: 0.5, n: 2, passed: 1 });
      expect(byId['acebench.multi_step']!.measured).toMatchObject({ rate: 0.5, n: 2, passed: 1 });
      expect(byId['acebench.multi_turn']!.measured).toMatchObject({ rate: 0.5, n: 2, passed: 1 });
      expect(byId['tau.overall']!.measured).toMatchObject({ rate: 0.5, n: 4 });
      expect(byId['acebench.overall']!.measured).toMatchObject({ rate: 0.5, n: 4 });
      expect(byId['tau.retail']!.measured!.interval95).toEqual(wilsonInterval(1, 2));
      expect(byId['tau.overall']!.measured!.interval95).toEqual(wilsonInterval(2, 4));

      // Each suite wrote its own run folder, the one its own command resumes; the BFCL mean is the
      // unweighted mean of the four categories' summaries there.
      const categories = ['base', 'miss_func', 'miss_param', 'long_context'];
      const bfclSummaries = await Promise.all(
        categories.map(async (c) =>
          JSON.parse(await readFile(path.join(out, 'bfcl', c, 'summary.json'), 'utf8')),
        ),
      );
      for (const [i, c] of categories.entries())
        expect(byId[`bfcl.${c}`]!.measured).toMatchObject({
          rate: bfclSummaries[i].accuracy,
          n: 2,
          passed: bfclSummaries[i].passed,
        });
      const bfclMean = bfclSummaries.reduce((s, x) => s + x.accuracy, 0) / 4;
      expect(byId['bfcl.overall']!.measured).toMatchObject({ rate: bfclMean, n: 8 });
      expect(bfclSummaries[0]).toMatchObject({ entries: 2, passed: 1, model: 'agent-m' });
      const retailSummary = JSON.parse(await readFile(path.join(out, 'tau2-retail', 'summary.json'), 'utf8'));
      expect(retailSummary).toMatchObject({
        benchmark: 'tau2-retail',
        tasks: 2,
        trials: 1,
        userModel: 'user-m',
      });
      const airlineSummary = JSON.parse(
        await readFile(path.join(out, 'tau-airline', 'summary.json'), 'utf8'),
      );
      expect(airlineSummary).toMatchObject({ benchmark: 'tau-airline', tasks: 2 });
      const aceSummary = JSON.parse(await readFile(path.join(out, 'acebench', 'summary.json'), 'utf8'));
      expect(aceSummary).toMatchObject({ benchmark: 'acebench', split: 'all', overall: { tasks: 4 } });
      expect(results.suites['tau2-retail']).toMatchObject({ ran: 2, skipped: 0, errors: 0 });
      expect(results.suites.bfcl).toMatchObject({ ran: 8, skipped: 0, errors: 0 });
      expect(server.requestsFor('agent').every((r) => r.model === 'agent-m')).toBe(true);
      expect(server.requestsFor('user-simulator').every((r) => r.model === 'user-m')).toBe(true);
      expect(server.requestsFor('agent').every((r) => r.body.temperature === 0.7)).toBe(true);

      // The printed table and results.md: measured with its interval, then the paper's two figures.
      const md = await readFile(path.join(out, 'results.md'), 'utf8');
      for (const text of [table, md]) {
        expect(text).toMatch(
          /\| BFCL-v3 multi-turn base +\| accuracy +\| 50\.0 \[9\.5, 90\.5\] +\| 1\/2 +\| 32\.00 +\| 55\.50 +\|/,
        );
        expect(text).toMatch(
          /\| τ²-bench retail ¹ +\| pass\^1 +\| 50\.0 \[9\.5, 90\.5\] +\| 1\/2 +\| 46\.38 +\| 53\.62 +\|/,
        );
        expect(text).toMatch(
          /\| τ-bench airline +\| pass\^1 +\| 50\.0 \[9\.5, 90\.5\] +\| 1\/2 +\| 30\.00 +\| 36\.00 +\|/,
        );
        expect(text).toMatch(
          /\| τ retail \+ airline mean +\| pass\^1 +\| 50\.0 \[15\.0, 85\.0\] +\| 4 +\| 38\.19 +\| 44\.81 +\|/,
        );
        expect(text).toMatch(
          /\| ACEBench agent multi_step +\| end-state accuracy \| 50\.0 \[9\.5, 90\.5\] +\| 1\/2 +\| 63\.33 +\| 85\.00 +\|/,
        );
        expect(text).toMatch(
          /\| ACEBench agent mean of 2 +\| end-state accuracy \| 50\.0 \[15\.0, 85\.0\] +\| 4 +\| 60\.00 +\| 72\.50 +\|/,
        );
        expect(text).toMatch(
          /\| BFCL-v3 multi-turn miss_func +\| accuracy +\| 0\.0 \[0\.0, 65\.8\] +\| 0\/2 +\| 33\.50 +\| 36\.00 +\|/,
        );
        expect(text).toMatch(
          /\| BFCL-v3 multi-turn mean of 4 +\| accuracy +\| 25\.0 \[7\.1, 59\.1\] +\| 8 +\| 28\.88 +\| 41\.88 +\|/,
        );
      }
      expect(md).toContain('arXiv:2601.05808');
      expect(md).toContain('τ-bench (v1) retail, 115 tasks');
      expect(md).toContain('--limit 2');

      // A second run resumes every suite: nothing left to run, no model calls, the same table.
      const requests = server.requestCount;
      capture();
      expect(await runCli({ argv })).toBe(0);
      expect(server.requestCount).toBe(requests);
      const again = parseBenchAllResults(JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')));
      expect(again.rows.map((r) => r.measured)).toEqual(results.rows.map((r) => r.measured));
      expect(again.suites.acebench).toMatchObject({ ran: 0, skipped: 4 });
      expect(again.suites.bfcl).toMatchObject({ ran: 0, skipped: 8 });
      expect(stdout()).toBe(table);

      // --suites: only those run; the others are "not run" in the table.
      const only = path.join(path.dirname(out), 'only');
      capture();
      expect(
        await runCli({ argv: [...argv.slice(0, -3), '--out', only, '--suites', 'tau-airline', '--quiet'] }),
      ).toBe(0);
      expect(server.requestCount).toBeGreaterThan(requests);
      const partial = parseBenchAllResults(
        JSON.parse(await readFile(path.join(only, 'results.json'), 'utf8')),
      );
      expect(Object.keys(partial.suites)).toEqual(['tau-airline']);
      expect(partial.rows.filter((r) => r.measured !== null).map((r) => r.id)).toEqual(['tau.airline']);
      expect(stdout()).toMatch(/\| BFCL-v3 multi-turn base +\| accuracy +\| not run +\| – +\| 32\.00/);

      // Bad flags are usage errors.
      expect(await runCli({ argv: ['bench', 'all', '--model', 'm', '--suites', 'tau2', '--quiet'] })).toBe(2);
      expect(await runCli({ argv: ['bench', 'all', '--model', 'm', '--limit', '0', '--quiet'] })).toBe(2);
    });
  }, 300_000);
});

describe('parseBenchAllResults', () => {
  const valid = () => ({
    schemaVersion: 1,
    benchmark: 'bench-all',
    settings: { suites: ['bfcl'], trials: 1, limit: null, temperature: 0.7 },
    suites: { bfcl: { out: '/tmp/x/bfcl', ran: 2, skipped: 0, errors: 0 } },
    rows: [
      {
        id: 'bfcl.base',
        label: 'x',
        metric: 'accuracy',
        errors: 0,
        measured: { rate: 0.5, n: 2, interval95: [0.1, 0.9] },
        paper: { before: 32, after: null },
      },
    ],
    paper: { citation: 'c', benchmarks: {} },
    createdAt: 'now',
  });

  it('accepts what bench all writes', () => {
    expect(parseBenchAllResults(valid()).rows[0]!.id).toBe('bfcl.base');
  });

  it('lists every schema problem with its JSON path and the source', () => {
    const bad = {
      ...valid(),
      schemaVersion: 2,
      settings: { suites: ['bfcl', 'nope'], trials: 0, limit: null, temperature: 0.7 },
      suites: { tau2: { out: 'x', ran: 1, skipped: 0, errors: 0 } },
    };
    expect(() => parseBenchAllResults(bad, 'run/results.json')).toThrow(
      /Invalid bench all results \(run\/results\.json\)[\s\S]*\$\.schemaVersion[\s\S]*\$\.settings\.suites\[1\][\s\S]*\$\.settings\.trials[\s\S]*\$\.suites/,
    );
  });

  it('rejects an interval that does not contain its rate', () => {
    const bad = valid();
    bad.rows[0]!.measured.interval95 = [0.1, 0.4];
    expect(() => parseBenchAllResults(bad)).toThrow(/\$\.rows\[0\]\.measured\.interval95: must contain rate/);
  });
});
