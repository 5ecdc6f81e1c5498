import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LlmCallError,
  parseArtifact,
  parseJsonLines,
  parseScenario,
  parseScenarioReport,
  type ScriptedReply,
} from '@envscaler/core';
import { MockChatModel, type MockScript } from '@envscaler/testing';
import { generateScenarios } from './generate.js';
import { scoreSolution } from './gates/solver.js';
import { defaultCheckRunner } from './default-check-runner.js';
import { LIBRARY_STATE, libraryEnv } from './test/library-env.js';

const dirs: string[] = [];
async function outDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scengen-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const fence = (value: unknown) => `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;

const TASK =
  "Hi, I'm Ada Osei (ada@example.org). I'm bringing back Dune today, and I'd like to borrow Neuromancer until 2026-12-15.";

/** Replies for one scenario that passes every gate; c2 needs a type repair, c3 a rewrite, c4 throws initially. */
function happyScript(options: { task?: string } = {}): Record<string, ScriptedReply[]> {
  const broken = structuredClone(LIBRARY_STATE);
  broken.members.m2!.loanIds = ['L7'];
  return {
    'scenario-state': [
      `Here is a realistic initial state for the library:\n\n${fence({ state: broken })}\n\nIt includes two members and three books.`,
      `Sorry about that — Bruno has no loans yet. Corrected state:\n${fence({ state: LIBRARY_STATE })}`,
    ],
    'scenario-task': [
      `Here's a challenging task:\n\n${JSON.stringify({
        task: options.task ?? TASK,
        user: {
          persona: 'Ada, a retired teacher, polite and brief.',
          knownInfo: 'Email ada@example.org; returning Dune; wants Neuromancer until 2026-12-15.',
          unknownInfo: 'She does not know the loan or book ids.',
        },
      })}`,
    ],
    'scenario-checklist': [
      JSON.stringify({
        checklist: [
          { description: 'Loan L1 (Dune) is marked as returned.' },
          { description: 'Ada (m1) has a loan of Neuromancer (b3) due 2026-12-15.' },
          { description: 'Neuromancer (b3) is no longer available.' },
          { description: 'The new loan L2 is for book b3.' },
        ],
      }),
    ],
    'scenario-checks': [
      `\`\`\`json
{
  "checks": [
    { "id": "c1", "source": "(final, initial) => final.loans['L1']?.returned === true && initial.loans['L1']?.returned === false" },
    { "id": "c2", "source": "(final) => Object.values(final.loans).some((l) => l.bookID === 'b3' && l.memberId === 'm1' && l.dueDate === '2026-12-15')" },
    { "id": "c3", "source": "(final) => final.books['b3']?.title === 'Neuromancer'" },
    { "id": "c4", "source": "const check = (final: Readonly<State>) => final.loans['L2'].bookId === 'b3';" }
  ]
}
\`\`\``,
    ],
    'scenario-checks-repair': [
      `The property is called \`bookId\`, not \`bookID\`.\n\n{"source": "(final) => Object.values(final.loans).some((l) => l.bookId === 'b3' && l.memberId === 'm1' && l.dueDate === '2026-12-15')"}`,
    ],
    'scenario-checks-rewrite': [
      fence({
        source:
          "(final, initial) => initial.books['b3']?.available === true && final.books['b3']?.available === false",
        description: 'Neuromancer (b3) went from available to on loan.',
      }),
    ],
    'scenario-solver': [
      { content: null, toolCalls: [{ name: 'get_member', arguments: { email: 'ada@example.org' } }] },
      { content: null, toolCalls: [{ name: 'return_book', arguments: { loanId: 'L1' } }] },
      { content: null, toolCalls: [{ name: 'find_books', arguments: { query: 'Neuromancer' } }] },
      {
        content: null,
        toolCalls: [
          { name: 'lend_book', arguments: { memberId: 'm1', bookId: 'b3', dueDate: '2026-12-15' } },
        ],
      },
      'Done: Dune is returned and Neuromancer is lent to you until 2026-12-15.',
    ],
  };
}

describe('generateScenarios on a small library environment', () => {
  it('repairs a type error, rewrites a check true initially, records a throwing check and writes a valid scenario', async () => {
    const out = await outDir();
    const model = new MockChatModel({ script: happyScript() as MockScript, model: 'scripted-llm' });
    const env = libraryEnv();
    const result = await generateScenarios({
      env,
      count: 1,
      model,
      out,
      concurrency: 1,
      prices: { 'scripted-llm': { promptPerMillion: 1, completionPerMillion: 2 } },
    });

    expect(result.report.kept).toBe(1);
    // the written report is what core's schema describes (the viewer reads it with parseScenarioReport)
    const written = parseArtifact({
      text: await readFile(result.paths.report, 'utf8'),
      source: result.paths.report,
      parse: parseScenarioReport,
    });
    expect(written).toEqual(result.report);
    const { promptTokens, completionTokens } = result.report.totals;
    expect(result.report.costUsd).toBeCloseTo((promptTokens + 2 * completionTokens) / 1e6, 6);
    const [scenario] = result.scenarios;
    expect(scenario).toBeDefined();
    // every scripted reply was used: re-ask on the broken state, one repair, one rewrite, five solver turns
    for (const stage of Object.keys(happyScript())) expect(model.remaining(stage)).toBe(0);
    expect(model.callsFor('scenario-state')).toHaveLength(2);
    expect(model.callsFor('scenario-state')[1]!.messages.at(-1)!.content).toContain("loans 'L7'");

    const byId = Object.fromEntries(scenario!.checklist.map((c) => [c.id, c]));
    expect(byId.c2!.source).toContain('l.bookId');
    expect(byId.c3!.source).toContain("final.books['b3']?.available === false");
    expect(byId.c3!.description).toBe('Neuromancer (b3) went from available to on loan.');
    expect(byId.c4!.source).toBe("(final: Readonly<State>) => final.loans['L2'].bookId === 'b3'");
    expect(scenario!.gates?.typecheck).toMatchObject({ passed: true });
    expect(scenario!.gates?.typecheck?.detail).toContain('repaired: c2');
    expect(scenario!.gates?.doNothing?.detail).toContain('rewritten: c3');
    expect(scenario!.gates?.doNothing?.detail).toMatch(/c4: .*L2|c4: .*undefined/);
    expect(scenario!.gates?.solvability?.passed).toBe(true);
    expect(scenario!.referenceSolution?.map((c) => c.name)).toEqual([
      'get_member',
      'return_book',
      'find_books',
      'lend_book',
    ]);
    expect(scenario!.user?.persona).toContain('Ada');
    expect(scenario!.provenance.model).toBe('scripted-llm');

    // the reference solution replays to full reward in a fresh session
    const replay = await scoreSolution({
      env,
      initialState: scenario!.initialState,
      toolCalls: scenario!.referenceSolution!,
      checks: scenario!.checklist,
      checkRunner: await defaultCheckRunner(),
    });
    expect(replay.success).toBe(true);

    // artifacts on disk
    const lines = parseJsonLines({
      text: await readFile(result.paths.scenarios, 'utf8'),
      parse: parseScenario,
    });
    expect(lines).toEqual(result.scenarios);
    const report = JSON.parse(await readFile(result.paths.report, 'utf8'));
    expect(report.checks).toMatchObject({ generated: 4, repaired: 1, rewritten: 1, droppedTypecheck: 0 });
    expect(report.checkErrors).toEqual([
      expect.objectContaining({ checkId: 'c4', gate: 'doNothing', scenarioId: scenario!.id }),
    ]);
    expect(report.funnel.map((f: { passed: number }) => f.passed)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(report.tokens['scenario-solver'].calls).toBe(5);
    expect(report.tokens['scenario-state'].calls).toBe(2);
    expect(await readdir(join(out, '.cache', 'scengen'))).toEqual(
      expect.arrayContaining(['scenario-state', 'scenario-task', 'scenario-checks', 'scenario-solver']),
    );

    // a re-run resumes from the stage cache: no model calls, same scenarios
    const silent = new MockChatModel();
    const again = await generateScenarios({ env, count: 1, model: silent, out, concurrency: 1 });
    expect(silent.calls).toHaveLength(0);
    expect(again.scenarios).toEqual(result.scenarios);
    expect(again.report.totals.calls).toBe(0);
    expect(again.report.totals.cachedCalls).toBe(result.report.totals.calls);
  });

  it("prices each call at its own model's price, and a resumed run reports the same cost", async () => {
    const out = await outDir();
    const { 'scenario-solver': solverReplies, ...rest } = happyScript();
    const prices = {
      'gen-model': { promptPerMillion: 1, completionPerMillion: 2 },
      'solver-model': { promptPerMillion: 30, completionPerMillion: 60 },
    };
    const model = new MockChatModel({ script: rest as MockScript, model: 'gen-model' });
    const solverModel = new MockChatModel({
      script: { 'scenario-solver': solverReplies! } as MockScript,
      model: 'solver-model',
    });
    const env = libraryEnv();
    const result = await generateScenarios({
      env,
      count: 1,
      model,
      solverModel,
      out,
      concurrency: 1,
      prices,
    });
    const byModel = result.report.tokensByModel;
    expect(Object.keys(byModel)).toEqual(['gen-model', 'solver-model']);
    expect(byModel['solver-model']!.calls).toBe(5);
    for (const [name, price] of Object.entries(prices)) {
      const t = byModel[name]!;
      expect(t.costUsd, name).toBeCloseTo(
        (t.promptTokens * price.promptPerMillion + t.completionTokens * price.completionPerMillion) / 1e6,
        9,
      );
    }
    expect(result.report.costUsd).toBeCloseTo(
      byModel['gen-model']!.costUsd! + byModel['solver-model']!.costUsd!,
      9,
    );

    // replayed from the stage cache: the same tokens and cost, each call still under its own model
    const again = await generateScenarios({
      env,
      count: 1,
      model: new MockChatModel(),
      out,
      concurrency: 1,
      prices,
    });
    expect(again.report.totals).toMatchObject({ calls: 0, cachedCalls: result.report.totals.calls });
    expect(again.report.costUsd).toBe(result.report.costUsd);
    expect(again.report.tokensByModel['solver-model']).toMatchObject({
      calls: 0,
      cachedCalls: 5,
      costUsd: byModel['solver-model']!.costUsd,
    });
  });

  it('drops an unsolvable scenario and says why', async () => {
    const out = await outDir();
    const script = happyScript();
    script['scenario-solver'] = [
      "I'm sorry, but I can't find a member with that email, so I can't complete this request.",
      { content: null, toolCalls: [{ name: 'get_member', arguments: '{"email": "ada@example.org"' }] },
      'The tool call failed; I cannot continue.',
    ];
    const model = new MockChatModel({ script: script as MockScript });
    const progress: string[] = [];
    const result = await generateScenarios({
      env: libraryEnv(),
      count: 1,
      maxCandidates: 1,
      model,
      out,
      solverAttempts: 2,
      onProgress: (e) => progress.push(e.type),
    });
    expect(result.scenarios).toEqual([]);
    expect(result.report.dropped).toEqual([
      expect.objectContaining({
        slot: 0,
        gate: 'solvability',
        reason: expect.stringContaining('no attempt of 2'),
      }),
    ]);
    const solvability = result.report.funnel.find((f) => f.gate === 'solvability')!;
    expect(solvability).toMatchObject({ entered: 1, passed: 0, dropped: 1 });
    expect(progress).toEqual(['candidate-started', 'scenario-dropped']);
    // the malformed tool-call arguments were answered as a tool error, not a crash
    const turn = model.callsFor('scenario-solver')[2]!;
    expect(turn.messages.at(-1)).toMatchObject({
      role: 'tool',
      content: expect.stringContaining('INVALID_ARGUMENTS'),
    });
    expect(await readFile(result.paths.scenarios, 'utf8')).toBe('');
  });

  it('drops a near-duplicate task of an earlier candidate', async () => {
    const out = await outDir();
    const first = happyScript();
    const second = happyScript({
      task: "Hello, I am Ada Osei (ada@example.org). I'm bringing back Dune today and would like to borrow Neuromancer until 2026-12-15.",
    });
    const script: MockScript = {};
    for (const stage of ['scenario-state', 'scenario-task'])
      script[stage] = [...first[stage]!, ...second[stage]!];
    for (const stage of Object.keys(first)) script[stage] ??= first[stage]!;
    const model = new MockChatModel({ script });
    const result = await generateScenarios({
      env: libraryEnv(),
      count: 2,
      maxCandidates: 2,
      model,
      out,
      concurrency: 2,
    });
    expect(result.scenarios).toHaveLength(1);
    expect(result.report.dropped).toEqual([
      expect.objectContaining({
        slot: 1,
        gate: 'dedup',
        reason: expect.stringContaining(result.scenarios[0]!.id),
      }),
    ]);
    expect(model.callsFor('scenario-checklist')).toHaveLength(1);
  });

  it('drops a scenario whose only check is already true and stays true after the rewrite', async () => {
    const out = await outDir();
    const script = happyScript();
    script['scenario-checklist'] = [JSON.stringify({ checklist: [{ description: 'Dune exists.' }] })];
    script['scenario-checks'] = [
      JSON.stringify({ checks: [{ id: 'c1', source: "(final) => 'b1' in final.books" }] }),
    ];
    script['scenario-checks-rewrite'] = [
      JSON.stringify({ source: "(final) => final.books['b1']?.title === 'Dune'" }),
    ];
    const model = new MockChatModel({ script: script as MockScript });
    const result = await generateScenarios({ env: libraryEnv(), count: 1, maxCandidates: 1, model, out });
    expect(result.report.dropped).toEqual([
      expect.objectContaining({ gate: 'doNothing', reason: expect.stringContaining('dropped: c1') }),
    ]);
    expect(result.report.checks.droppedDoNothing).toBe(1);
    expect(model.callsFor('scenario-solver')).toHaveLength(0);
  });

  it('labels difficulty from the agent pass rate', async () => {
    const out = await outDir();
    const script = happyScript();
    const model = new MockChatModel({ script: script as MockScript });
    const agent = new MockChatModel({
      script: {
        'scenario-difficulty': [...script['scenario-solver']!, 'I could not find that member, sorry.'],
      },
    });
    const result = await generateScenarios({
      env: libraryEnv(),
      count: 1,
      model,
      out,
      difficulty: { agent, samples: 2 },
    });
    expect(result.scenarios[0]!.difficulty).toEqual({ label: 'trainable', passRate: 0.5, samples: 2 });
    expect(result.report.difficulty).toEqual({ too_easy: 0, trainable: 1, too_hard: 0 });
    expect(result.report.tokens['scenario-difficulty']!.calls).toBe(6);
  });

  it('stops on a model endpoint failure, saves the report, and resumes from the cache', async () => {
    const out = await outDir();
    const script = happyScript();
    const failing = new MockChatModel({
      script: {
        ...(script as MockScript),
        'scenario-task': [
          new LlmCallError({
            message: 'HTTP 503 after 4 retries',
            stage: 'scenario-task',
            status: 503,
            isRetryable: true,
          }),
        ],
      },
    });
    const env = libraryEnv();
    await expect(generateScenarios({ env, count: 1, model: failing, out })).rejects.toMatchObject({
      code: 'LLM_CALL_FAILED',
    });
    const report = JSON.parse(await readFile(join(out, 'scenarios', 'library-loans.report.json'), 'utf8'));
    expect(report).toMatchObject({ kept: 0, candidates: 0, error: 'HTTP 503 after 4 retries' });

    const rest = { ...script };
    delete rest['scenario-state'];
    const model = new MockChatModel({ script: rest as MockScript });
    const result = await generateScenarios({ env, count: 1, model, out });
    expect(result.scenarios).toHaveLength(1);
    expect(model.callsFor('scenario-state')).toHaveLength(0);
  });

  it('stops taking candidates when aborted and keeps what finished', async () => {
    const out = await outDir();
    const model = new MockChatModel({ script: happyScript() as MockScript });
    const controller = new AbortController();
    const run = generateScenarios({
      env: libraryEnv(),
      count: 2,
      model,
      out,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'scenario-kept') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    const text = await readFile(join(out, 'scenarios', 'library-loans.jsonl'), 'utf8');
    expect(parseJsonLines({ text, parse: parseScenario })).toHaveLength(1);
  });
});
