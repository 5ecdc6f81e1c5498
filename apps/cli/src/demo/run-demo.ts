import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatModel, Scenario } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { generateScenarios, type GenerateScenariosResult } from '@envscaler/scengen';
import { buildEnvironments, loadTaskCorpus, type BuildReport } from '@envscaler/skelbuilder';
import { runRollouts, type RolloutResult } from '@envscaler/validate';
import type { ProgressReporter, StageProgress } from '../progress.js';

export interface DemoOptions {
  tasksPath: string;
  out: string;
  model: ChatModel;
  /** Scripted runs use one worker per stage so answers are consumed in a fixed order. */
  concurrency: number;
  progress: ProgressReporter;
  signal?: AbortSignal;
  scenariosPerEnv?: number;
  trials?: number;
  testerSteps?: number;
}

export interface DemoResult {
  build: BuildReport;
  scenarios: GenerateScenariosResult[];
  rollout?: RolloutResult;
  envIds: string[];
  tools: number;
  wallTimeMs: number;
}

/** Tracks one pipeline stage's progress line from a stream of (done, total) events. */
function stageTracker(progress: ProgressReporter) {
  const lines = new Map<string, StageProgress>();
  return {
    update(stage: string, done: number, total: number | undefined, dropped: number) {
      let line = lines.get(stage);
      if (!line) lines.set(stage, (line = progress.stage(stage, total)));
      line.update({ done, total, detail: dropped ? `${dropped} dropped` : '' });
    },
    finishAll() {
      for (const line of lines.values()) line.finish();
      lines.clear();
    },
  };
}

/**
 * The whole pipeline on a small corpus: build environments, generate scenarios for each kept one, run
 * the agent on every scenario, and return what the summary table needs. Every stage writes its
 * artifacts under `out` and resumes from them.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const { progress, model, signal } = options;
  const tracker = stageTracker(progress);

  const tasks = await loadTaskCorpus({ path: options.tasksPath });
  const build = await buildEnvironments({
    tasks,
    model,
    out: options.out,
    concurrency: options.concurrency,
    testerSteps: options.testerSteps ?? 12,
    signal,
    onProgress: ({ stage, done, total, dropped }) => tracker.update(stage, done, total, dropped),
  });
  tracker.finishAll();

  const envIds = build.envs.filter((e) => e.status === 'kept').map((e) => e.envId);
  const envs: LoadedEnvironment[] = [];
  const generated: GenerateScenariosResult[] = [];
  try {
    for (const envId of envIds) envs.push(await loadEnvironment({ dir: join(options.out, 'envs', envId) }));
    for (const env of envs) {
      const line = progress.stage(`scenarios ${env.id}`, options.scenariosPerEnv ?? 2);
      const result = await generateScenarios({
        env,
        count: options.scenariosPerEnv ?? 2,
        model,
        out: options.out,
        concurrency: options.concurrency,
        signal,
        onProgress: (event) => {
          if (event.type === 'scenario-kept') line.update({ done: event.kept, total: event.requested });
        },
      });
      line.finish(`${result.report.kept} kept of ${result.report.candidates} candidates`);
      generated.push(result);
    }
    const scenarios: Scenario[] = generated.flatMap((g) => g.scenarios);
    let rollout: RolloutResult | undefined;
    if (scenarios.length > 0) {
      const runDir = join(options.out, 'rollouts', 'demo');
      await mkdir(runDir, { recursive: true });
      const trials = options.trials ?? 2;
      const line = progress.stage('rollouts', scenarios.length * trials);
      rollout = await runRollouts({
        envs,
        scenarios,
        agent: model,
        trials,
        concurrency: 4,
        out: runDir,
        mode: 'non_conversational',
        signal,
        onProgress: (event) => line.update({ done: event.done, total: event.total, failed: event.failed }),
      });
      line.finish(`mean reward ${rollout.summary.meanReward.toFixed(2)}`);
    }
    return {
      build,
      scenarios: generated,
      rollout,
      envIds,
      tools: envs.reduce((n, env) => n + env.tools.length, 0),
      wallTimeMs: Date.now() - started,
    };
  } finally {
    for (const env of envs) env.dispose();
  }
}

/** The closing table: funnel, scenarios per gate, reward, pass^k, tokens, time, where things are. */
export function formatDemoTable(options: { result: DemoResult; out: string; scripted: boolean }): string {
  const { result, out } = options;
  const funnel = (stage: string) => result.build.funnel.find((f) => f.stage === stage);
  const rows: [string, string][] = [];
  rows.push([
    'responses',
    options.scripted ? 'SCRIPTED (bundled demo cassette, no model called)' : 'live model endpoint',
  ]);
  rows.push([
    'tasks',
    `${result.build.corpus.tasks} (${funnel('topic-judge')?.out ?? 0} need a stateful environment)`,
  ]);
  rows.push([
    'topics',
    `${funnel('topic-score')?.out ?? 0} scored high enough, ${funnel('topic-dedup')?.out ?? 0} after dedup (${result.build.dedup.method})`,
  ]);
  const built = result.build.envs.length;
  rows.push([
    'environments',
    `${result.envIds.length} kept of ${built} built (${result.envIds.join(', ') || 'none'})`,
  ]);
  rows.push(['tools', String(result.tools)]);
  for (const g of result.scenarios) {
    const gates = g.report.funnel.map((f) => `${f.gate} ${f.passed}/${f.entered}`).join(', ');
    rows.push([`scenarios ${g.report.envId}`, `${g.report.kept} kept of ${g.report.candidates} (${gates})`]);
  }
  const summary = result.rollout?.summary;
  if (summary) {
    rows.push([
      'episodes',
      `${summary.episodes} (${summary.scenarios} scenarios x ${summary.trialsPerScenario} trials)`,
    ]);
    rows.push(['mean reward', summary.meanReward.toFixed(3)]);
    rows.push(['success rate', summary.successRate.toFixed(3)]);
    rows.push(['pass^k', summary.passHatK.map((p) => `k=${p.k}: ${p.value.toFixed(2)}`).join('  ')]);
  }
  const tokens = demoTokens(result);
  const note = options.scripted ? ' (as the scripted answers report them; nothing was spent)' : '';
  rows.push(['tokens', `${tokens.prompt} prompt + ${tokens.completion} completion${note}`]);
  rows.push(['time', `${(result.wallTimeMs / 1000).toFixed(1)} s`]);
  rows.push(['artifacts', out]);
  rows.push(['look at it', `pnpm envscaler view ${out}`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

/** Tokens of every stage as the answers reported them: build, scenario generation and rollouts. */
export function demoTokens(result: DemoResult): { prompt: number; completion: number } {
  let prompt = result.build.totalTokens.promptTokens;
  let completion = result.build.totalTokens.completionTokens;
  for (const g of result.scenarios) {
    prompt += g.report.totals.promptTokens;
    completion += g.report.totals.completionTokens;
  }
  prompt += result.rollout?.summary.usage.promptTokens ?? 0;
  completion += result.rollout?.summary.usage.completionTokens ?? 0;
  return { prompt, completion };
}

/** Lists the files the demo wrote, for tests and the recording script. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

export async function writeDemoSummary(options: { out: string; table: string }): Promise<void> {
  await writeFile(join(options.out, 'demo-summary.txt'), `${options.table}\n`);
}
