import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EnvscalerError, type ChatModel, type ChatRequest, type ChatResponse } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { createOpenAIChatModel, withCassette } from '@envscaler/llm';
import { createSyntheticChatModel } from '@envscaler/testing/synthetic';
import { toJsonl } from '@envscaler/validate';
import { createInterruptSignal } from '../interrupt.js';
import { positiveInt } from '../inputs.js';
import { acquireOutputLock } from '../output-lock.js';
import { chooseProgressMode, createProgressReporter, type ProgressReporter } from '../progress.js';
import { runBuild } from './build.js';
import { runExportRlCommand, runExportSftCommand } from './export.js';
import { runRolloutCommand } from './rollout.js';
import { runScenarios } from './scenarios.js';
import { pipelineCorpus } from './bench-pipeline-corpus.js';
import {
  fileSizes,
  formatGrowthChart,
  formatGrowthTable,
  formatStageTable,
  sampleRss,
  writtenBetween,
  type GrowthRow,
  type StageMetrics,
} from './bench-pipeline-metrics.js';

export interface PipelineBenchOptions {
  /** Environments to build (N): one synthetic corpus task, and so one topic, each. */
  envs: number;
  /** Scenarios per environment (M). */
  scenariosPerEnv: number;
  /** Trials per scenario (k). */
  trials: number;
  out: string;
  /** Seed of the synthetic model (default 1). */
  seed?: number;
  /**
   * An OpenAI-compatible endpoint serving the synthetic model (`startSyntheticOpenAIServer`) instead of
   * the synthetic model in this process, e.g. so a test counts calls across killed and resumed runs.
   */
  endpoint?: string;
  /** Environments built, candidates generated per environment, episodes run at once (default 2 / 2 / 8). */
  concurrency?: { build?: number; scenarios?: number; rollouts?: number };
  /** Tool calls in each environment's quality run (default 12). */
  testerSteps?: number;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

export interface PipelineBenchResult {
  envs: number;
  scenariosPerEnv: number;
  trials: number;
  out: string;
  /** Environments kept, scenarios kept, episodes run (earlier runs' included). */
  built: number;
  scenarios: number;
  episodes: number;
  /** True when `out` already held a run's caches, so finished work was reused. */
  resumed: boolean;
  wallMs: number;
  /** Lifetime peak RSS of this process (`process.resourceUsage().maxRSS`), in bytes. */
  maxRssBytes: number;
  stages: StageMetrics[];
}

/** Counts the requests that reach `inner`, per pipeline stage (the one running when the call was made). */
function countingModel(inner: ChatModel): ChatModel & { stage: string; calls: Map<string, number> } {
  const counter = {
    stage: 'none',
    calls: new Map<string, number>(),
    async complete(request: ChatRequest): Promise<ChatResponse> {
      counter.calls.set(counter.stage, (counter.calls.get(counter.stage) ?? 0) + 1);
      return inner.complete(request);
    },
  };
  return counter;
}

/**
 * `envscaler bench pipeline` without the flag parsing: writes a synthetic corpus of `envs` distinct tasks,
 * then builds the environments, generates `scenariosPerEnv` scenarios each, runs `trials` episodes of each
 * and exports SFT and RL data, composed from the functions behind `envscaler build`, `scenarios`,
 * `rollout` and `export`, with the synthetic model at zero latency so only the pipeline's own cost is
 * measured. Every model answer is recorded under `<out>/.cache/llm` (as `envscaler demo` does with an
 * endpoint) and every stage resumes from its artifacts, so re-running the same call after a crash
 * continues where it stopped.
 */
export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineBenchResult> {
  for (const key of ['envs', 'scenariosPerEnv', 'trials'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 1) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `runPipelineBench: ${key} must be a positive integer, got ${JSON.stringify(options[key])}`,
      );
    }
  }
  const out = resolve(options.out);
  const started = performance.now();
  const resumed = (await stat(join(out, '.cache')).catch(() => undefined)) !== undefined;
  const base: ChatModel = options.endpoint
    ? createOpenAIChatModel({ baseURL: options.endpoint, apiKey: 'synthetic', model: 'synthetic', env: {} })
    : createSyntheticChatModel({ seed: options.seed ?? 1 });
  // requests = what the pipeline asked; calls = what reached the model (the rest the cassette answered)
  const calls = countingModel(base);
  const requests = countingModel(
    withCassette({ model: calls, dir: join(out, '.cache', 'llm'), mode: 'auto' }),
  );
  const model: ChatModel = requests;
  const concurrency = { build: 2, scenarios: 2, rollouts: 8, ...options.concurrency };
  const { progress, signal } = options;
  const stages: StageMetrics[] = [];
  let snapshot: Map<string, number> | undefined;

  /** Runs one stage and records its cost; `work` returns how many items it produced. */
  async function stage(name: string, unit: string, work: () => Promise<number>): Promise<number> {
    signal?.throwIfAborted();
    // the previous stage's closing snapshot opens this one: one walk of --out per stage
    const before = snapshot ?? (await fileSizes(out));
    calls.stage = requests.stage = name;
    const rss = sampleRss();
    const t0 = performance.now();
    let items: number;
    try {
      items = await work();
    } finally {
      calls.stage = requests.stage = 'none';
    }
    const wallMs = performance.now() - t0;
    const peakRssBytes = rss.stop();
    snapshot = await fileSizes(out);
    const written = writtenBetween(before, snapshot);
    stages.push({
      stage: name,
      wallMs,
      unit,
      items,
      modelCalls: calls.calls.get(name) ?? 0,
      cacheHits: (requests.calls.get(name) ?? 0) - (calls.calls.get(name) ?? 0),
      peakRssBytes,
      bytesWritten: written.bytes,
      filesWritten: written.files,
    });
    return items;
  }

  const tasksFile = join(out, 'corpus', 'tasks.jsonl');
  await stage('corpus', 'tasks', async () => {
    const tasks = pipelineCorpus({ count: options.envs });
    await writeFileAtomic({ file: tasksFile, data: toJsonl(tasks) });
    return tasks.length;
  });
  const built = await stage('build', 'environments', async () => {
    const report = await runBuild({
      tasks: tasksFile,
      tasksFormat: 'jsonl',
      out,
      model,
      concurrency: concurrency.build,
      minScore: 7,
      qualityThreshold: 0.85,
      testerSteps: options.testerSteps ?? 12,
      repairRounds: 3,
      signal,
      progress,
    });
    return report.envs.filter((e) => e.status === 'kept').length;
  });
  if (built === 0) {
    throw new EnvscalerError(
      'GENERATION_FAILED',
      `bench pipeline: no environment was kept of ${options.envs} built`,
    );
  }
  const envsDir = join(out, 'envs');
  const scenarios = await stage('scenarios', 'scenarios', async () => {
    const { results } = await runScenarios({
      envs: envsDir,
      out,
      count: options.scenariosPerEnv,
      model,
      concurrency: concurrency.scenarios,
      signal,
      progress,
    });
    return results.reduce((n, r) => n + r.report.kept, 0);
  });
  const runDir = join(out, 'rollouts', 'run');
  const scenariosDir = join(out, 'scenarios');
  const episodes = await stage('rollouts', 'episodes', async () => {
    const result = await runRolloutCommand({
      envs: envsDir,
      scenarios: scenariosDir,
      trials: options.trials,
      concurrency: concurrency.rollouts,
      out: runDir,
      mode: 'non_conversational',
      agent: model,
      progress,
      signal,
    });
    return result.summary.episodes;
  });
  await stage('export', 'records', async () => {
    const sft = await runExportSftCommand({
      run: runDir,
      format: 'openai',
      minReward: 1,
      envs: envsDir,
      out: join(out, 'export', 'sft.jsonl'),
    });
    const rl = await runExportRlCommand({
      scenarios: scenariosDir,
      envs: envsDir,
      mode: 'non_conversational',
      out: join(out, 'export', 'rl.jsonl'),
    });
    return sft.written + rl.written;
  });
  return {
    envs: options.envs,
    scenariosPerEnv: options.scenariosPerEnv,
    trials: options.trials,
    out,
    built,
    scenarios,
    episodes,
    resumed,
    wallMs: performance.now() - started,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    stages,
  };
}

/** The targets on 2 cores, at M = 36 and k = 4. */
export const pipelineTargets = {
  /** The N = 200 run end to end (so 3 s per environment). */
  wallMsAt200: 10 * 60_000,
  /** time(200) / time(25): no stage grows faster than linearly (8× the work). */
  growthRatio200to25: 9,
  peakRssBytes: 2 * 1024 ** 3,
} as const;

/** Which targets a series of runs misses (empty when all are met); runs at other M or k only check RSS. */
export function pipelineTargetMisses(options: { runs: readonly PipelineBenchResult[] }): string[] {
  const misses: string[] = [];
  for (const run of options.runs) {
    if (run.maxRssBytes > pipelineTargets.peakRssBytes)
      misses.push(`N=${run.envs}: peak RSS ${(run.maxRssBytes / 1024 ** 2).toFixed(0)} MB > 2048 MB`);
    const atTargetShape = run.scenariosPerEnv === 36 && run.trials === 4;
    if (atTargetShape && run.envs === 200 && run.wallMs > pipelineTargets.wallMsAt200)
      misses.push(`N=200: ${(run.wallMs / 1000).toFixed(0)} s end to end > 600 s`);
  }
  const first = options.runs[0];
  const last = options.runs[options.runs.length - 1];
  if (first && last && last !== first) {
    // 9× for 8× the work, scaled to the series' own range of N
    const allowed = (pipelineTargets.growthRatio200to25 / 8) * (last.envs / first.envs);
    const ratio = last.wallMs / first.wallMs;
    if (ratio > allowed)
      misses.push(
        `time(${last.envs})/time(${first.envs}) = ${ratio.toFixed(2)}× > ${allowed.toFixed(2)}× (superlinear)`,
      );
  }
  return misses;
}

function growthRow(run: PipelineBenchResult): GrowthRow {
  return {
    envs: run.envs,
    scenarios: run.scenarios,
    episodes: run.episodes,
    wallMs: run.wallMs,
    peakRssBytes: run.maxRssBytes,
    stageMs: Object.fromEntries(run.stages.map((s) => [s.stage, s.wallMs])),
  };
}

/** The run's report: counts, the stage table, and where it came from. */
export function formatPipelineReport(run: PipelineBenchResult): string {
  return [
    `bench pipeline: N=${run.envs} environments, M=${run.scenariosPerEnv} scenarios each, k=${run.trials} trials` +
      ` (synthetic model, zero latency)${run.resumed ? ' — RESUMED: finished work came from caches' : ''}`,
    `${run.built} environments, ${run.scenarios} scenarios, ${run.episodes} episodes in ${(run.wallMs / 1000).toFixed(1)} s;` +
      ` peak RSS ${(run.maxRssBytes / 1024 ** 2).toFixed(0)} MB → ${run.out}`,
    '',
    formatStageTable({ stages: run.stages }),
  ].join('\n');
}

/** Writes `<base>/growth.json` and `growth.md` (title, table, chart) for the runs so far; returns the text. */
async function writeGrowth(options: {
  base: string;
  runs: readonly PipelineBenchResult[];
  title: string;
}): Promise<string> {
  const rows = options.runs.map(growthRow);
  const text = `${options.title}\n\n${formatGrowthTable({ rows })}\n\n${formatGrowthChart({ rows })}`;
  await writeFileAtomic({
    file: join(options.base, 'growth.json'),
    data: `${JSON.stringify(rows, null, 2)}\n`,
  });
  await writeFileAtomic({ file: join(options.base, 'growth.md'), data: `${text}\n` });
  return text;
}

function numberList(value: string): number[] {
  const list = value.split(',').map((v) => Number(v.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1))
    throw new InvalidArgumentError('must be a comma-separated list of positive integers, e.g. 25,50,100,200');
  return list;
}

interface PipelineFlags {
  envs: number;
  scenariosPerEnv: number;
  trials: number;
  out?: string;
  seed: number;
  endpoint?: string;
  concurrency?: number;
  rolloutConcurrency: number;
  testerSteps: number;
  growth?: number[] | true;
  fresh?: boolean;
  check: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function registerBenchPipelineCommand(bench: Command): void {
  bench
    .command('pipeline')
    .description(
      'time the whole pipeline (build → scenarios → rollouts → SFT/RL export) at scale with the synthetic model at zero latency: per-stage time, model calls, cache hits, peak RSS, bytes written',
    )
    .option(
      '--envs <n>',
      'environments to build (N), from a synthetic corpus of N distinct topics',
      positiveInt,
      25,
    )
    .option('--scenarios-per-env <m>', 'scenarios per environment (M)', positiveInt, 36)
    .option('--trials <k>', 'trials per scenario (k)', positiveInt, 4)
    .option('--out <dir>', 'output root (default bench-runs/pipeline/<N>-<M>-<k>); re-running resumes')
    .option('--fresh', 'delete the output root first, so nothing is reused from an earlier run')
    .option(
      '--growth [list]',
      'run each N of the list (default 25,50,100,200) and print the growth table',
      numberList,
    )
    .option('--seed <n>', 'seed of the synthetic model', positiveInt, 1)
    .option(
      '--endpoint <url>',
      'an OpenAI-compatible endpoint serving the synthetic model instead of this process',
    )
    .option(
      '--concurrency <n>',
      'environments built and scenario candidates generated at once (default 2)',
      positiveInt,
    )
    .option('--rollout-concurrency <n>', 'episodes run at once', positiveInt, 8)
    .option('--tester-steps <n>', 'tool calls in each quality run', positiveInt, 12)
    .option('--no-check', 'report only; do not exit non-zero when a target is missed')
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      [
        '',
        'Targets on 2 cores at M=36, k=4: N=200 in ≤ 10 min end to end, time(200)/time(25) ≤ 9×, peak RSS ≤ 2 GB.',
        'Writes <out>/bench-pipeline.json and .md; --growth writes growth.json and growth.md beside the runs.',
        '',
        'Examples:',
        '  $ envscaler bench pipeline --envs 25 --scenarios-per-env 36 --trials 4 --fresh',
        '  $ envscaler bench pipeline --growth 25,50,100,200 --fresh --out bench-runs/pipeline/growth',
      ].join('\n'),
    )
    .action(async (flags: PipelineFlags) => {
      const progress = createProgressReporter({
        mode: chooseProgressMode({ json: flags.json, quiet: flags.quiet, isTTY: process.stderr.isTTY }),
      });
      const series =
        flags.growth === undefined ? undefined : flags.growth === true ? [25, 50, 100, 200] : flags.growth;
      const shape = (n: number) => `${n}-${flags.scenariosPerEnv}-${flags.trials}`;
      const base = resolve(
        flags.out ?? join('bench-runs', 'pipeline', series ? 'growth' : shape(flags.envs)),
      );
      const interrupt = createInterruptSignal({
        onFirst: () =>
          progress.message('interrupted: saving finished work; re-run the same command to resume'),
      });
      const runs: PipelineBenchResult[] = [];
      const growthTitle = `growth at M=${flags.scenariosPerEnv}, k=${flags.trials}`;
      try {
        for (const n of series ?? [flags.envs]) {
          const out = series ? join(base, shape(n)) : base;
          if (flags.fresh) await rm(out, { recursive: true, force: true });
          const lock = await acquireOutputLock({ dir: out, command: 'bench pipeline' });
          try {
            const run = await runPipelineBench({
              envs: n,
              scenariosPerEnv: flags.scenariosPerEnv,
              trials: flags.trials,
              out,
              seed: flags.seed,
              endpoint: flags.endpoint,
              concurrency: {
                build: flags.concurrency,
                scenarios: flags.concurrency,
                rollouts: flags.rolloutConcurrency,
              },
              testerSteps: flags.testerSteps,
              progress,
              signal: interrupt.signal,
            });
            runs.push(run);
            const report = formatPipelineReport(run);
            await writeFileAtomic({
              file: join(out, 'bench-pipeline.json'),
              data: `${JSON.stringify(run, null, 2)}\n`,
            });
            await writeFileAtomic({ file: join(out, 'bench-pipeline.md'), data: `${report}\n` });
            process.stdout.write(`${report}\n\n`);
            // the series so far, after every run: a long series stopped early still leaves its table
            if (series) await writeGrowth({ base, runs, title: growthTitle });
          } finally {
            lock.release();
          }
        }
      } finally {
        interrupt.dispose();
      }
      if (series) {
        const text = await writeGrowth({ base, runs, title: growthTitle });
        process.stdout.write(`${text}\n\n`);
      }
      const misses = pipelineTargetMisses({ runs });
      for (const miss of misses) process.stdout.write(`target missed: ${miss}\n`);
      if (misses.length === 0) {
        // say which targets applied: the time targets are defined at M=36, k=4 (and N=200, or a series)
        const checked = ['peak RSS ≤ 2 GB'];
        if (runs.some((r) => r.envs === 200 && r.scenariosPerEnv === 36 && r.trials === 4))
          checked.push('N=200 ≤ 10 min');
        if (runs.length > 1) checked.push('no superlinear growth');
        process.stdout.write(`targets met (${checked.join(', ')})\n`);
      } else if (flags.check) process.exitCode = 1;
    });
}
