import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrajectory, type ChatMessage, type ChatModel, type Scenario } from '@envscaler/core';
import { createOpenAIChatModel } from '@envscaler/llm';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import {
  generateScenarios,
  prompts as scengenPrompts,
  type GenerateScenariosResult,
} from '@envscaler/scengen';
import { buildEnvironments, prompts as buildPrompts, type BuildReport } from '@envscaler/skelbuilder';
import {
  agentSystemPrompt,
  readJsonlTolerant,
  runRollouts,
  userSimulatorPrompt,
  type RolloutResult,
} from '@envscaler/validate';
import {
  createSyntheticChatModel,
  recognise,
  startSyntheticOpenAIServer,
  type SyntheticChatModelOptions,
} from '@envscaler/testing/synthetic';

// The synthetic model driving the REAL pipeline end to end: skelbuilder's build (type-check, repair,
// sandboxed quality run), scengen's stages and gates, and validate's rollouts. It lives here, not in
// @envscaler/testing, because those packages already depend on @envscaler/testing.

const tasks = [
  { id: 'pet-1', task: 'Book a grooming appointment for the terrier Rex at the pet spa next week.' },
  { id: 'ship-1', task: 'Hold the freight consignment for the harbour depot until customs clears it.' },
  { id: 'gym-1', task: 'Enrol a new climbing student into the bouldering course at the gym.' },
  { id: 'calc-1', task: 'What is 17.5 percent of 2,340?' },
];

const dirs: string[] = [];
async function outDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'envscaler-synthetic-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

interface PipelineRun {
  build: BuildReport;
  scenarios: GenerateScenariosResult[];
  rollout?: RolloutResult;
  sources: string[];
}

async function runPipeline(options: {
  model: ChatModel;
  tasks: typeof tasks;
  scenariosPerEnv: number;
  trials: number;
  conversational?: boolean;
}): Promise<PipelineRun> {
  const out = await outDir();
  const build = await buildEnvironments({
    tasks: options.tasks,
    model: options.model,
    out,
    testerSteps: 12,
    concurrency: 2,
  });
  const envs: LoadedEnvironment[] = [];
  try {
    const kept = build.envs.filter((e) => e.status === 'kept');
    for (const e of kept) envs.push(await loadEnvironment({ dir: join(out, 'envs', e.envId) }));
    const sources = await Promise.all(
      kept.map((e) => readFile(join(out, 'envs', e.envId, 'env.ts'), 'utf8')),
    );
    const scenarios: GenerateScenariosResult[] = [];
    for (const env of envs) {
      scenarios.push(
        await generateScenarios({
          env,
          count: options.scenariosPerEnv,
          model: options.model,
          out,
          concurrency: 2,
        }),
      );
    }
    const all: Scenario[] = scenarios.flatMap((s) => s.scenarios);
    const rollout =
      all.length === 0
        ? undefined
        : await runRollouts({
            envs,
            scenarios: all,
            agent: options.model,
            ...(options.conversational ? { user: options.model } : {}),
            trials: options.trials,
            concurrency: 2,
            out: join(out, 'rollouts', 'run'),
            mode: options.conversational ? 'conversational' : 'non_conversational',
          });
    return { build, scenarios, rollout, sources };
  } finally {
    for (const env of envs) env.dispose();
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('synthetic model through the real pipeline', () => {
  it('builds, evaluates, generates scenarios and runs rollouts for three topics without faults', async () => {
    const model = createSyntheticChatModel({ seed: 7 });
    const run = await runPipeline({ model, tasks, scenariosPerEnv: 2, trials: 2 });
    const judge = run.build.funnel.find((f) => f.stage === 'topic-judge')!;
    expect(judge.out).toBe(3);
    expect(judge.dropped.map((d) => d.id)).toEqual(['calc-1']);
    const kept = run.build.envs.filter((e) => e.status === 'kept');
    expect(kept.map((e) => e.reason ?? 'kept')).toEqual(['kept', 'kept', 'kept']);
    for (const e of kept) expect(e.qualityScore).toBe(1);
    // different topics, different worlds: class names and code differ
    expect(new Set(kept.map((e) => e.className)).size).toBe(3);
    expect(new Set(run.sources).size).toBe(3);
    for (const s of run.scenarios) {
      expect(s.report.kept).toBe(2);
      expect(s.report.dropped).toEqual([]);
      for (const scenario of s.scenarios) {
        expect(scenario.gates?.doNothing?.passed).toBe(true);
        expect(scenario.gates?.solvability?.passed).toBe(true);
        expect(scenario.referenceSolution!.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(run.rollout!.summary.episodes).toBe(12);
    expect(run.rollout!.summary.meanReward).toBe(1);
    const stats = model.stats();
    expect(stats.byStage['logic-repair']).toBeUndefined();
    expect(stats.byStage['scenario-checks-rewrite']).toBeUndefined();
    expect(stats.byStage.agent).toBeGreaterThanOrEqual(12 * 3);
    expect(Object.values(stats.faults).flat()).toEqual([]);
  }, 240_000);

  it('with faults on: repair rounds, quality drops, rewritten and repaired checks, unsolvable tasks, failed episodes', async () => {
    const options: SyntheticChatModelOptions = {
      seed: 7,
      faults: {
        typeErrorRate: 0.3,
        qualityFailRate: 0.4,
        trivialCheckRate: 0.3,
        unsolvableRate: 0.5,
        malformedJsonRate: 0.1,
        agentFailRate: 0.4,
      },
    };
    const model = createSyntheticChatModel(options);
    const run = await runPipeline({ model, tasks, scenariosPerEnv: 4, trials: 2, conversational: true });
    const stats = model.stats();
    // every faulty method was answered again on a repair round, and the repaired code compiled
    const faultyClasses = new Set(
      stats.faults.typeError.filter((f) => !f.startsWith('check ')).map((f) => f.split(' ')[0]),
    );
    expect(faultyClasses.size).toBeGreaterThan(0);
    expect(stats.byStage['logic-repair']).toBeGreaterThan(0);
    for (const e of run.build.envs) {
      if (faultyClasses.has(e.className ?? '')) expect(e.repairRounds).toBeGreaterThanOrEqual(1);
      else expect(e.repairRounds).toBe(0);
    }
    // exactly the environments whose code skips its rules are dropped by quality evaluation
    const droppedAtQuality = run.build.envs
      .filter((e) => e.status === 'dropped')
      .map((e) => e.className)
      .sort();
    expect(droppedAtQuality).toEqual(stats.faults.qualityFail);
    expect(run.build.envs.filter((e) => e.status === 'dropped').every((e) => e.stage === 'quality')).toBe(
      true,
    );
    expect(droppedAtQuality.length).toBeGreaterThan(0);
    expect(run.scenarios.length).toBeGreaterThan(0);
    // malformed JSON was re-asked and nothing was lost to it
    expect(stats.faults.malformedJson.length).toBeGreaterThan(0);
    expect(run.build.funnel.find((f) => f.stage === 'topic-infer')!.dropped).toEqual([]);
    // checks: a trivial one was rewritten by the do-nothing gate, a broken one repaired after the type-check
    const checkStats = run.scenarios.map((s) => s.report.checks);
    expect(sum(checkStats.map((c) => c.rewritten))).toBeGreaterThan(0);
    expect(sum(checkStats.map((c) => c.repaired))).toBeGreaterThan(0);
    expect(sum(checkStats.map((c) => c.droppedTypecheck + c.droppedDoNothing))).toBe(0);
    // unsolvable tasks are dropped by the solvability gate, and only they are
    const unsolvable = run.scenarios.flatMap((s) => s.report.dropped.filter((d) => d.gate === 'solvability'));
    expect(unsolvable.length).toBeGreaterThan(0);
    expect(unsolvable.length).toBe(stats.faults.unsolvable.length);
    // and nothing else is dropped: every slot's state prompt differs (scengen adds the round number once
    // its focus list wraps), so the synthetic model, whose answer is a function of the prompt, never
    // repeats a task the dedup gate would drop
    const others = run.scenarios.flatMap((s) => s.report.dropped).filter((d) => d.gate !== 'solvability');
    expect(others).toEqual([]);
    // the agent fails exactly the episodes it was told to fail; the rest score 1
    const { records: trajectories } = await readJsonlTolerant({ path: run.rollout!.file, parse: parseTrajectory });
    const failed = trajectories.filter((t) => (t.reward?.score ?? 0) < 1);
    expect(failed.length).toBe(stats.faults.agentFail.length);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(trajectories.length);
    expect(trajectories.every((t) => t.termination === 'user_stop')).toBe(true);
    // the same seed and faults give the same run
    const again = createSyntheticChatModel(options);
    const rerun = await runPipeline({
      model: again,
      tasks: tasks.slice(0, 1),
      scenariosPerEnv: 1,
      trials: 1,
    });
    expect(rerun.build.envs[0]!.className).toBe(run.build.envs.find((e) => e.topicId === 'pet-1')!.className);
  }, 300_000);

  it('runs behind the loopback mock OpenAI server through the openai client, faults included', async () => {
    const synthetic = await startSyntheticOpenAIServer({ seed: 3 });
    try {
      const model = createOpenAIChatModel({
        baseURL: synthetic.url,
        apiKey: 'test-key',
        model: 'synthetic',
        env: {},
      });
      synthetic.server.inject({ fault: { type: 'http', status: 503, retryAfterMs: 1 } });
      synthetic.server.inject({ fault: 'malformed-content' });
      const run = await runPipeline({
        model,
        tasks: tasks.slice(0, 1),
        scenariosPerEnv: 1,
        trials: 1,
        conversational: true,
      });
      expect(run.build.envs.map((e) => e.status)).toEqual(['kept']);
      expect(run.scenarios[0]!.report.kept).toBe(1);
      expect(run.rollout!.summary.meanReward).toBe(1);
      const faulted = synthetic.server.requests.filter((r) => r.fault).map((r) => r.fault);
      expect(faulted).toEqual(['http', 'malformed-content']);
      // every answered HTTP request was answered by the synthetic model (faulted ones never reach it)
      expect(synthetic.model.stats().calls).toBe(synthetic.server.requestCount - faulted.length);
      expect(synthetic.server.requestsFor('agent').length).toBeGreaterThan(0);
      expect(synthetic.server.requestsFor('user-simulator').length).toBeGreaterThan(0);
    } finally {
      await synthetic.close();
    }
  }, 240_000);
});

describe('synthetic model: recognising the real prompts', () => {
  const tool = {
    name: 'getOrder',
    kind: 'query' as const,
    description: 'Look up an order.',
    parameters: { type: 'object' },
  };
  const env = {
    id: 'orders',
    tools: [tool],
    stateSchema: { type: 'object' },
    introduction: 'The OrderDesk system simulates order desk: it keeps orders.',
    rules: ['Orders can be cancelled only while pending.'],
    createSession: () => {
      throw new Error('not used');
    },
  };
  const chatTools = [
    { type: 'function' as const, function: { name: 'getOrder', parameters: { type: 'object' } } },
  ];
  const model = { className: 'OrderDesk', summary: 's', entities: [], rules: [] };
  const op = {
    name: 'getOrder',
    kind: 'query' as const,
    description: 'd',
    args: [],
    result: { type: 'object', description: 'r' },
    rules: [],
  };
  const item = { id: 'c1', description: 'x' };
  const cases: [string, { messages: ChatMessage[]; tools?: typeof chatTools }][] = [
    ['topic-judge', buildPrompts.topicJudgePrompt({ task: 't' })],
    ['topic-infer', buildPrompts.topicInferPrompt({ task: 't' })],
    ['topic-score', buildPrompts.topicScorePrompt({ topic: 't', description: 'd' })],
    ['logic-entities', buildPrompts.logicEntitiesPrompt({ topic: 't', description: 'd', tasks: ['t'] })],
    ['logic-operations', buildPrompts.logicOperationsPrompt({ model, stateTypes: 'S', tasks: ['t'] })],
    [
      'logic-method',
      buildPrompts.logicMethodPrompt({
        className: 'OrderDesk',
        stateTypes: 'S',
        rules: [],
        operation: op,
        signature: 'getOrder(): X',
      }),
    ],
    [
      'logic-repair',
      buildPrompts.logicRepairPrompt({
        className: 'OrderDesk',
        stateTypes: 'S',
        method: 'getOrder() {}',
        diagnostics: 'TS1',
      }),
    ],
    [
      'quality-state',
      buildPrompts.qualityStatePrompt({
        className: 'OrderDesk',
        summary: 's',
        stateTypes: 'S',
        rules: [],
        stateSchema: {},
      }),
    ],
    [
      'quality-tester',
      buildPrompts.qualityTesterPrompt({
        className: 'OrderDesk',
        summary: 's',
        rules: [],
        tools: [tool],
        initialState: {},
        history: [],
        maxCalls: 3,
      }),
    ],
    [
      'quality-checker',
      buildPrompts.qualityCheckerPrompt({ className: 'OrderDesk', rules: [], tools: [tool], calls: [] }),
    ],
    ['scenario-state', { messages: scengenPrompts.stateMessages({ env, focus: 'f' }) }],
    ['scenario-task', { messages: scengenPrompts.taskMessages({ env, initialState: {}, focus: 'f' }) }],
    [
      'scenario-checklist',
      { messages: scengenPrompts.checklistMessages({ env, initialState: {}, task: 't' }) },
    ],
    [
      'scenario-checks',
      {
        messages: scengenPrompts.checksMessages({
          stateType: 'S',
          initialState: {},
          task: 't',
          checklist: [item],
        }),
      },
    ],
    [
      'scenario-checks-repair',
      {
        messages: scengenPrompts.checkRepairMessages({
          stateType: 'S',
          item,
          source: 's',
          errors: ['e'],
        }),
      },
    ],
    [
      'scenario-checks-rewrite',
      {
        messages: scengenPrompts.checkRewriteMessages({
          stateType: 'S',
          initialState: {},
          task: 't',
          item,
          source: 's',
        }),
      },
    ],
    ['scenario-solver', { messages: scengenPrompts.solverMessages({ env, task: 't' }), tools: chatTools }],
    [
      'user-simulator',
      {
        messages: [
          { role: 'system', content: userSimulatorPrompt({ scenario: { task: 't' } }) },
          { role: 'user', content: 'Hi!' },
        ],
      },
    ],
    [
      'agent',
      {
        messages: [
          { role: 'system', content: agentSystemPrompt({ env }) },
          { role: 'user', content: 't' },
        ],
        tools: chatTools,
      },
    ],
  ];
  it.each(cases)('%s', (stage, request) => {
    expect(recognise({ messages: request.messages, tools: request.tools }).stage).toBe(stage);
  });
});
