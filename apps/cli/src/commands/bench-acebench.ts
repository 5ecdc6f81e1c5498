import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  createAcebenchGoldAgent,
  createAcebenchScriptedUser,
  readAcebenchData,
  readAcebenchGoldTrain,
  runAcebenchBenchmark,
  selectAcebenchTasks,
  type AcebenchBenchmarkResult,
  type AcebenchModelSource,
  type AcebenchStat,
  type AcebenchSubset,
} from '@envscaler/bench';
import { EnvscalerError } from '@envscaler/core';
import type { SandboxKind } from '@envscaler/runtime';
import { positiveInt } from '../inputs.js';
import type { ProgressReporter } from '../progress.js';
import { scriptedOption } from '../model.js';
import {
  episodeEndLines,
  fileSafe,
  nonNegativeNumber as temperatureOption,
  pct,
  resolveBenchModels,
  sandboxKind as sandboxOption,
  withProgressAndInterrupt,
} from './bench-common.js';

type Subset = AcebenchSubset | 'all';
type Split = 'train' | 'test' | 'all';

/** `--subset`: multi_step, multi_turn or all. */
export function acebenchSubsetOption(value: string): Subset {
  if (value === 'multi_step' || value === 'multi_turn' || value === 'all') return value;
  throw new InvalidArgumentError("must be 'multi_step', 'multi_turn' or 'all'");
}

function splitOption(value: string): Split {
  if (value === 'train' || value === 'test' || value === 'all') return value;
  throw new InvalidArgumentError("must be 'train', 'test' or 'all'");
}

export interface BenchAcebenchCommandOptions {
  agent: AcebenchModelSource;
  user?: AcebenchModelSource;
  agentModelName?: string;
  userModelName?: string;
  subset: Subset;
  split: Split;
  tasks?: string[];
  trials: number;
  concurrency: number;
  out: string;
  data?: string;
  env?: string;
  maxSteps: number;
  temperature?: number;
  userTemperature?: number;
  sandbox?: SandboxKind;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

/** `envscaler bench acebench` without the flag parsing. */
export async function runBenchAcebenchCommand(
  options: BenchAcebenchCommandOptions,
): Promise<AcebenchBenchmarkResult> {
  const stage = options.progress?.stage(`acebench ${options.subset}`);
  const result = await runAcebenchBenchmark({
    agent: options.agent,
    user: options.user,
    agentModelName: options.agentModelName,
    userModelName: options.userModelName,
    subset: options.subset,
    split: options.split,
    tasks: options.tasks,
    trials: options.trials,
    dataDir: options.data,
    envDir: options.env,
    concurrency: options.concurrency,
    out: options.out,
    maxSteps: options.maxSteps,
    temperature: options.temperature,
    userTemperature: options.userTemperature,
    sandbox: options.sandbox,
    signal: options.signal,
    onProgress: (p) =>
      stage?.update({
        done: p.done,
        total: p.total,
        failed: p.errors,
        detail: `end state ok: ${p.passed}  running ${p.running}  resumed ${p.skipped}`,
      }),
  });
  stage?.finish(`${result.ran} run, ${result.skipped} already done → ${join(options.out, 'results.jsonl')}`);
  return result;
}

function row(label: string, s: AcebenchStat): string {
  return `    ${label.padEnd(12)} end-to-end ${pct(s.endToEnd).padStart(6)} (${s.endToEndPassed}/${s.episodes}) 95% CI [${pct(s.interval95[0])}, ${pct(s.interval95[1])}]  process ${s.process.toFixed(3)}`;
}

export function formatAcebenchReport(result: AcebenchBenchmarkResult): string {
  const s = result.summary;
  const lines = [
    `ACEBench agent (${s.subset}, split ${s.split}): ${s.overall.tasks} tasks × ${s.trials} trial${s.trials === 1 ? '' : 's'}; end-state accuracy and process accuracy`,
  ];
  for (const [subset, stat] of Object.entries(s.subsets)) {
    lines.push(row(subset, stat));
    for (const [split, part] of Object.entries(stat.perSplit)) lines.push(row(`  ${split}`, part));
  }
  if (Object.keys(s.subsets).length > 1) lines.push(row('overall', s.overall));
  lines.push(...episodeEndLines(s));
  return `${lines.join('\n')}\n`;
}

interface BenchAcebenchFlags {
  model?: string;
  userModel?: string;
  subset: Subset;
  split?: Split;
  tasks?: string;
  trials: number;
  concurrency: number;
  out?: string;
  data?: string;
  env?: string;
  maxSteps: number;
  temperature?: number;
  userTemperature?: number;
  gold?: boolean;
  sandbox?: SandboxKind;
  config?: string;
  json?: boolean;
  quiet?: boolean;
  scripted?: string;
}

/** Registers `bench acebench` under the `bench` command. */
export function registerBenchAcebenchCommand(bench: Command): void {
  bench
    .command('acebench')
    .description(
      'ACEBench agent (multi_step: one request, no user; multi_turn: a simulated user): end-state accuracy and process accuracy (milestone calls in order), per subset; resumable',
    )
    .option('--model <name>', 'the agent model (stage "agent"); default: ENVSCALER_MODEL / config')
    .option(
      '--user-model <name>',
      'the simulated user of multi_turn tasks (stage "user-simulator"); default: --model',
    )
    .option(
      '--subset <subset>',
      "'multi_step' (20 tasks), 'multi_turn' (30) or 'all'",
      acebenchSubsetOption,
      'all',
    )
    .option(
      '--split <split>',
      "'train' (even task numbers), 'test' (odd) or 'all' (default; with --gold: train)",
      splitOption,
    )
    .option(
      '--tasks <which>',
      'comma-separated task ids, numbers and ranges (e.g. agent_multi_turn_3,0-9); numbers select in every chosen subset',
    )
    .option(
      '--trials <k>',
      'runs per task (ACEBench multi_turn scores vary between runs); scores are averaged',
      positiveInt,
      1,
    )
    .option('--concurrency <n>', 'tasks run at once', positiveInt, 4)
    .option(
      '--out <dir>',
      'run directory for results.jsonl and summary.json (default: bench-runs/acebench/MODEL)',
    )
    .option('--data <dir>', 'ACEBench data directory (default: the data shipped in @envscaler/env-acebench)')
    .option('--env <dir>', 'ACEBench environment directory (default: the one in @envscaler/env-acebench)')
    .option('--max-steps <n>', 'agent replies per task before it is cut off (EnvScaler: 20)', positiveInt, 20)
    .option(
      '--temperature <t>',
      'agent sampling temperature (default 0.7, as EnvScaler ran ACEBench)',
      temperatureOption,
    )
    .option(
      '--user-temperature <t>',
      'simulated user sampling temperature (default 0.001, as ACEBench)',
      temperatureOption,
    )
    .option(
      '--gold',
      'no model: the agent makes the gold calls of each train task (envs/acebench/fixtures/gold-train.json) and a scripted user states the task; every train task scores 1',
    )
    .option('--sandbox <kind>', "'isolated-vm' (default) or 'none'", sandboxOption)
    .option('--config <file>', 'config file (default ./envscaler.config.json)')
    .option(scriptedOption.flags, scriptedOption.description)
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      [
        '',
        'Any OpenAI-compatible endpoint: set OPENAI_BASE_URL (and OPENAI_API_KEY if it needs one).',
        'Re-running the same command resumes: finished tasks are not run again.',
        '',
        'Examples:',
        '  $ envscaler bench acebench --model gpt-4o-mini --user-model gpt-4.1 --subset all',
        '  $ envscaler bench acebench --model my-agent --subset multi_step --split test --trials 3',
        '  $ envscaler bench acebench --gold                       # no model: checks the installation',
      ].join('\n'),
    )
    .action(async (flags: BenchAcebenchFlags) => {
      const data = flags.data === undefined ? undefined : resolve(flags.data);
      const split: Split = flags.split ?? (flags.gold ? 'train' : 'all');
      const tasks = flags.tasks
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const name = flags.gold ? 'gold' : (flags.model ?? process.env.ENVSCALER_MODEL ?? 'model');
      const out = resolve(flags.out ?? join('bench-runs', 'acebench', fileSafe(name)));
      let agent: AcebenchModelSource;
      let user: AcebenchModelSource | undefined;
      if (flags.gold) {
        const gold = await readAcebenchGoldTrain();
        const selected = selectAcebenchTasks(await readAcebenchData({ dataDir: data }), {
          subset: flags.subset,
          split,
          tasks,
        });
        const missing = selected.filter((t) => !gold.tasks[t.id]).map((t) => t.id);
        if (missing.length > 0)
          throw new EnvscalerError(
            'INVALID_INPUT',
            `--gold covers the train tasks only; no gold calls for ${missing.join(', ')} (use --split train)`,
          );
        agent = (task) => createAcebenchGoldAgent({ gold, task });
        user = (task) => createAcebenchScriptedUser({ task });
      } else {
        const setup = await resolveBenchModels({
          model: flags.model,
          userModel: flags.userModel,
          configPath: flags.config,
          scripted: flags.scripted,
          out,
        });
        agent = setup.model;
        user = setup.model;
      }
      const result = await withProgressAndInterrupt(
        flags,
        { dir: out, command: 'bench acebench' },
        (progress, signal) =>
          runBenchAcebenchCommand({
            agent,
            user,
            agentModelName: flags.gold ? 'gold' : flags.model,
            userModelName: flags.gold ? 'scripted' : (flags.userModel ?? flags.model),
            subset: flags.subset,
            split,
            tasks,
            trials: flags.trials,
            concurrency: flags.concurrency,
            out,
            data,
            env: flags.env === undefined ? undefined : resolve(flags.env),
            maxSteps: flags.maxSteps,
            temperature: flags.temperature,
            userTemperature: flags.userTemperature,
            sandbox: flags.sandbox,
            progress,
            signal,
          }),
      );
      process.stdout.write(formatAcebenchReport(result));
      process.stdout.write(`→ ${join(out, 'summary.json')}\n`);
    });
}
