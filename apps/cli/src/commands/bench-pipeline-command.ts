// `envscaler bench pipeline`: targets, reports, the growth series and the command's flags.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import { readArtifact, writeFileAtomic } from '@envscaler/core/node';
import { progressFromFlags } from '../backend-options.js';
import { createInterruptSignal } from '../interrupt.js';
import { positiveInt } from '../inputs.js';
import { acquireOutputLock } from '../output-lock.js';
import { runPipelineBench, type PipelineBenchResult } from './bench-pipeline.js';
import { ownCli } from './bench-pipeline-cluster.js';
import {
  formatGrowthChart,
  formatGrowthTable,
  formatStageTable,
  type GrowthRow,
} from './bench-pipeline-metrics.js';

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
      ` (synthetic model, zero latency${run.backend === 'redis' ? `, ${run.workers} Redis workers: calls counted at the model server, peak RSS is this coordinator's` : ''})` +
      `${run.resumed ? ' — RESUMED: finished work came from caches' : ''}`,
    `${run.built} environments, ${run.scenarios} scenarios, ${run.episodes} episodes in ${(run.wallMs / 1000).toFixed(1)} s;` +
      ` peak RSS ${(run.maxRssBytes / 1024 ** 2).toFixed(0)} MB (V8 heap limit ${(run.heapLimitBytes / 1024 ** 2).toFixed(0)} MB) → ${run.out}`,
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

/**
 * One N of a growth series, run as `envscaler bench pipeline --envs N` in a child process: peak RSS is a
 * process's lifetime peak, so runs sharing one process would each report the largest so far. The child
 * prints its own progress and report and writes `bench-pipeline.json`, which is read back here.
 */
async function runInChildProcess(options: {
  flags: PipelineFlags;
  envs: number;
  out: string;
  signal: AbortSignal;
}): Promise<PipelineBenchResult> {
  const { flags, envs, out } = options;
  // the child is the run itself: its heap limit is a node flag, so it must not spawn another child
  const args = ['bench', 'pipeline', '--envs', String(envs), '--out', out, '--no-check', '--heap-mb', '0'];
  args.push('--scenarios-per-env', String(flags.scenariosPerEnv), '--trials', String(flags.trials));
  args.push('--seed', String(flags.seed), '--rollout-concurrency', String(flags.rolloutConcurrency));
  args.push('--tester-steps', String(flags.testerSteps), '--backend', flags.backend);
  if (flags.concurrency !== undefined) args.push('--concurrency', String(flags.concurrency));
  if (flags.endpoint) args.push('--endpoint', flags.endpoint);
  if (flags.redis) args.push('--redis', flags.redis);
  if (flags.workers !== undefined) args.push('--workers', String(flags.workers));
  if (flags.workerConcurrency !== undefined)
    args.push('--worker-concurrency', String(flags.workerConcurrency));
  if (flags.fresh) args.push('--fresh');
  if (flags.json) args.push('--json');
  if (flags.quiet) args.push('--quiet');
  const cli = ownCli();
  const nodeArgs = cli.args.slice(0, -1).filter((arg) => !arg.startsWith('--max-old-space-size'));
  if (flags.heapMb > 0) nodeArgs.push(`--max-old-space-size=${flags.heapMb}`);
  const command = [...nodeArgs, cli.args.at(-1)!, ...args];
  const code = await new Promise<number | null>((resolveExit, reject) => {
    const child = spawn(cli.command, command, { stdio: ['ignore', 'inherit', 'inherit'] });
    // Ctrl-C reaches the child from the terminal; an abort from elsewhere is passed on
    const onAbort = () => child.kill('SIGINT');
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      options.signal.removeEventListener('abort', onAbort);
      resolveExit(exitCode);
    });
  });
  if (code !== 0) {
    throw new EnvscalerError(
      options.signal.aborted ? 'ABORTED' : 'INTERNAL',
      `bench pipeline: the run at N=${envs} exited with code ${code}; re-run the same command to resume`,
    );
  }
  return readArtifact<PipelineBenchResult>({
    file: join(out, 'bench-pipeline.json'),
    artifact: 'bench pipeline result',
  });
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}

function pipelineBackend(value: string): 'local' | 'redis' {
  // `inprocess` is what build, scenarios and rollout call the local backend
  if (value === 'local' || value === 'inprocess') return 'local';
  if (value === 'redis') return 'redis';
  throw new InvalidArgumentError("must be 'local' or 'redis'");
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
  backend: 'local' | 'redis';
  redis?: string;
  workers?: number;
  workerConcurrency?: number;
  growth?: number[] | true;
  heapMb: number;
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
      'environments built and scenario candidates generated at once (default 4)',
      positiveInt,
    )
    .option('--rollout-concurrency <n>', 'episodes run at once', positiveInt, 8)
    .option('--tester-steps <n>', 'tool calls in each quality run', positiveInt, 12)
    .option(
      '--backend <name>',
      'local (every stage in this process), or redis: every stage as jobs for --workers `envscaler worker` processes the bench starts and stops',
      pipelineBackend,
      'local',
    )
    .option(
      '--redis <url>',
      'Redis for --backend redis (default $REDIS_URL, else a private redis-server on a free port)',
    )
    .option('--workers <n>', 'worker processes for --backend redis (default 2)', positiveInt)
    .option('--worker-concurrency <n>', 'jobs each worker runs at once (default 4)', positiveInt)
    .option(
      '--heap-mb <n>',
      "V8 heap limit of each run in MB (node --max-old-space-size; the run goes to a child process); 0 runs in this process with node's default",
      nonNegativeInt,
      1536,
    )
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
        '  $ envscaler bench pipeline --envs 25 --backend redis --workers 2 --fresh',
        '  $ envscaler bench pipeline --envs 25 --backend redis --redis redis://127.0.0.1:6379 --workers 4',
        '',
        'With --backend redis the synthetic model is served on a loopback port to the coordinator and the workers;',
        'model calls are counted at that server. The artifacts are those of the same run with --backend local.',
      ].join('\n'),
    )
    .action(async (flags: PipelineFlags) => {
      if (flags.backend !== 'redis' && (flags.redis || flags.workers || flags.workerConcurrency))
        throw new EnvscalerError(
          'INVALID_INPUT',
          '--redis, --workers and --worker-concurrency need --backend redis',
        );
      if (flags.backend === 'redis' && flags.endpoint)
        throw new EnvscalerError(
          'INVALID_INPUT',
          '--endpoint is for --backend local; --backend redis serves the synthetic model to its workers itself',
        );
      const progress = progressFromFlags(flags);
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
          if (series || flags.heapMb > 0) {
            runs.push(await runInChildProcess({ flags, envs: n, out, signal: interrupt.signal }));
            // the series so far, after every run: a long series stopped early still leaves its table
            await writeGrowth({ base, runs, title: growthTitle });
            continue;
          }
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
              backend: flags.backend,
              redis: flags.backend === 'redis' ? (flags.redis ?? process.env.REDIS_URL) : undefined,
              workers: flags.workers,
              workerConcurrency: flags.workerConcurrency,
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
