// Over 400 lines mostly because of commander definitions: from registerBenchCommand down, `bench bfcl`
// and `bench tau2` / `bench tau2-retail` declare about 25 options with their help text. Above them are
// those two suites' runners and report formatters; the other bench subcommands are in bench-*.ts.
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  BFCL_CATEGORIES,
  createBfclGoldAgent,
  isBfclCategory,
  readBfclData,
  runBfclBenchmark,
  runBfclSuite,
  runTau2Benchmark,
  TAU2_DOMAINS,
  tau2Domain,
  type BfclBenchmarkResult,
  type BfclCategory,
  type BfclSuiteResult,
  type Tau2BenchmarkResult,
  type Tau2DomainName,
} from '@envscaler/bench';
import type { ChatModel } from '@envscaler/core';
import type { SandboxKind } from '@envscaler/runtime';
import { scriptedOption } from '../model.js';
import type { ProgressReporter } from '../progress.js';
import {
  episodeEndLines,
  fileSafe,
  nonNegativeNumber,
  pct,
  resolveBenchModels,
  sandboxKind,
  withProgressAndInterrupt,
} from './bench-common.js';
import { positiveInt } from '../inputs.js';
import { registerBenchAcebenchCommand } from './bench-acebench.js';
import { registerBenchPipelineCommand } from './bench-pipeline-command.js';
import { registerBenchAllCommand } from './bench-all.js';

export { resolveBenchModels } from './bench-common.js';

function interval([lo, hi]: [number, number]): string {
  return `[${pct(lo)}, ${pct(hi)}]`;
}

/** `--category`: one of the four BFCL multi-turn categories, or `all`. */
export function bfclCategoryOption(value: string): BfclCategory | 'all' {
  if (value === 'all' || isBfclCategory(value)) return value;
  throw new InvalidArgumentError(`must be ${BFCL_CATEGORIES.join(', ')} or all`);
}

export interface BenchBfclCommandOptions {
  model: ChatModel;
  modelName?: string;
  /** The category (default base). */
  category?: BfclCategory;
  entries: string;
  concurrency: number;
  out: string;
  data?: string;
  env?: string;
  maxStepsPerTurn: number;
  temperature?: number;
  sandbox?: SandboxKind;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

/** `envscaler bench bfcl` without the flag parsing. */
export async function runBenchBfclCommand(options: BenchBfclCommandOptions): Promise<BfclBenchmarkResult> {
  const category = options.category ?? 'base';
  const stage = options.progress?.stage(`bfcl multi-turn ${category}`);
  const result = await runBfclBenchmark({
    model: options.model,
    modelName: options.modelName,
    category,
    entries: options.entries,
    dataDir: options.data,
    envDir: options.env,
    concurrency: options.concurrency,
    out: options.out,
    maxStepsPerTurn: options.maxStepsPerTurn,
    temperature: options.temperature,
    sandbox: options.sandbox,
    signal: options.signal,
    onProgress: (p) => {
      const tokens = p.usage.promptTokens + p.usage.completionTokens;
      stage?.update({
        done: p.done,
        total: p.total,
        failed: p.errors,
        detail: `passed ${p.passed}  running ${p.running}  resumed ${p.skipped}  tokens ${tokens}`,
      });
    },
  });
  stage?.finish(`${result.ran} run, ${result.skipped} already done → ${join(options.out, 'results.jsonl')}`);
  return result;
}

export interface BenchBfclSuiteCommandOptions extends Omit<BenchBfclCommandOptions, 'model' | 'category'> {
  /** The agent, or one per category (the gold agent is built from each category's data). */
  model: ChatModel | ((category: BfclCategory) => ChatModel | Promise<ChatModel>);
  categories?: readonly BfclCategory[];
}

/** `envscaler bench bfcl --category all`: the four categories in `<out>/<category>/`, and their mean. */
export async function runBenchBfclSuiteCommand(
  options: BenchBfclSuiteCommandOptions,
): Promise<BfclSuiteResult> {
  const categories = options.categories ?? BFCL_CATEGORIES;
  const stages = new Map(categories.map((c) => [c, options.progress?.stage(`bfcl multi-turn ${c}`)]));
  const result = await runBfclSuite({
    model: options.model,
    modelName: options.modelName,
    categories,
    entries: options.entries,
    dataDir: options.data,
    envDir: options.env,
    concurrency: options.concurrency,
    out: options.out,
    maxStepsPerTurn: options.maxStepsPerTurn,
    temperature: options.temperature,
    sandbox: options.sandbox,
    signal: options.signal,
    onProgress: (category, p) => {
      const tokens = p.usage.promptTokens + p.usage.completionTokens;
      stages.get(category)?.update({
        done: p.done,
        total: p.total,
        failed: p.errors,
        detail: `passed ${p.passed}  running ${p.running}  resumed ${p.skipped}  tokens ${tokens}`,
      });
    },
  });
  for (const [category, stage] of stages) {
    const r = result.categories[category];
    if (r)
      stage?.finish(
        `${r.ran} run, ${r.skipped} already done → ${join(options.out, category, 'results.jsonl')}`,
      );
  }
  return result;
}

export function formatBfclSuiteReport(result: BfclSuiteResult): string {
  const parts = BFCL_CATEGORIES.flatMap((c) => {
    const r = result.categories[c];
    return r ? [formatBfclReport(r)] : [];
  });
  const o = result.summary.overall;
  const n = Object.keys(result.summary.categories).length;
  parts.push(
    `BFCL multi-turn score (unweighted mean of ${n} categories): ${pct(o.accuracy)} (${o.passed}/${o.entries} entries passed)\n`,
  );
  for (const [c, stat] of Object.entries(result.summary.categories))
    parts.push(
      `    ${c.padEnd(20)} ${String(stat.passed).padStart(4)}/${String(stat.entries).padEnd(4)} ${pct(stat.accuracy).padStart(6)}\n`,
    );
  return parts.join('');
}

export function formatBfclReport(result: BfclBenchmarkResult): string {
  const s = result.summary;
  const lines = [
    `BFCL multi-turn ${s.category ?? 'base'}: ${s.passed}/${s.entries} passed, accuracy ${pct(s.accuracy)} 95% CI ${interval(s.interval95)}`,
  ];
  const row = (
    label: string,
    stat: { passed: number; entries: number; accuracy: number; interval95: [number, number] },
  ) =>
    `    ${label.padEnd(20)} ${String(stat.passed).padStart(4)}/${String(stat.entries).padEnd(4)} ${pct(stat.accuracy).padStart(6)}  ${interval(stat.interval95)}`;
  lines.push('  by split:');
  for (const [split, stat] of Object.entries(s.perSplit)) lines.push(row(split, stat));
  lines.push('  by involved class:');
  for (const [cls, stat] of Object.entries(s.perClass)) lines.push(row(cls, stat));
  const failures = Object.entries(s.failures)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  if (failures) lines.push(`  failures: ${failures}`);
  if (s.irrelevance > 0)
    lines.push(
      `  ${s.irrelevance} entries called tools in a turn whose gold has none (not scored by BFCL; see results.jsonl "irrelevance")`,
    );
  if (s.errors > 0)
    lines.push(`  ${s.errors} entries failed to run (model errors); re-run the same command to retry them`);
  return `${lines.join('\n')}\n`;
}

function tau2DomainName(value: string): Tau2DomainName {
  if (!Object.prototype.hasOwnProperty.call(TAU2_DOMAINS, value))
    throw new InvalidArgumentError(`must be one of: ${Object.keys(TAU2_DOMAINS).join(', ')}`);
  return value as Tau2DomainName;
}

export interface BenchTau2CommandOptions {
  /** `retail` (τ²-bench, default) or `airline` (τ-bench). */
  domain?: Tau2DomainName;
  agent: ChatModel;
  user: ChatModel;
  agentModelName?: string;
  userModelName?: string;
  trials: number;
  split: string;
  tasks?: string[];
  concurrency: number;
  out: string;
  data?: string;
  env?: string;
  maxSteps?: number;
  maxAgentSteps?: number;
  temperature?: number;
  sandbox?: SandboxKind;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

/** `envscaler bench tau2` (and `bench tau2-retail`) without the flag parsing. */
export async function runBenchTau2Command(options: BenchTau2CommandOptions): Promise<Tau2BenchmarkResult> {
  const domain = tau2Domain(options.domain ?? 'retail');
  const stage = options.progress?.stage(domain.title);
  const result = await runTau2Benchmark({
    domain: domain.name,
    agent: options.agent,
    user: options.user,
    agentModelName: options.agentModelName,
    userModelName: options.userModelName,
    trials: options.trials,
    split: options.split,
    tasks: options.tasks,
    dataDir: options.data,
    envDir: options.env,
    concurrency: options.concurrency,
    out: options.out,
    maxSteps: options.maxSteps,
    maxAgentSteps: options.maxAgentSteps,
    temperature: options.temperature,
    sandbox: options.sandbox,
    signal: options.signal,
    onProgress: (p) =>
      stage?.update({
        done: p.done,
        total: p.total,
        failed: p.errors,
        detail: `reward 1: ${p.successes}  running ${p.running}  resumed ${p.skipped}`,
      }),
  });
  stage?.finish(`${result.ran} run, ${result.skipped} already done → ${join(options.out, 'results.jsonl')}`);
  return result;
}

export function formatTau2Report(result: Tau2BenchmarkResult): string {
  const s = result.summary;
  const title = Object.values(TAU2_DOMAINS).find((d) => d.benchmark === s.benchmark)?.title ?? s.benchmark;
  const lines = [
    `${title}: ${s.tasks} tasks × ${s.trials} trials, mean reward ${s.meanReward.toFixed(3)}, database match ${pct(s.dbMatchRate)}`,
  ];
  for (const row of s.passHatK)
    lines.push(
      `  pass^${row.k} ${row.value.toFixed(3)}  95% CI [${row.interval95[0].toFixed(3)}, ${row.interval95[1].toFixed(3)}]`,
    );
  lines.push(...episodeEndLines(s));
  return `${lines.join('\n')}\n`;
}

interface CommonFlags {
  model?: string;
  concurrency: number;
  out?: string;
  data?: string;
  env?: string;
  temperature?: number;
  sandbox?: SandboxKind;
  config?: string;
  json?: boolean;
  quiet?: boolean;
  scripted?: string;
}

type BenchBfclFlags = CommonFlags & {
  category: BfclCategory | 'all';
  entries: string;
  maxStepsPerTurn: number;
  gold?: boolean;
};

function addCommonOptions(command: Command): Command {
  return command
    .option('--model <name>', 'the agent model (stage "agent"); default: ENVSCALER_MODEL / config')
    .option('--concurrency <n>', 'episodes run at once', positiveInt, 4)
    .option('--temperature <t>', 'sampling temperature', nonNegativeNumber)
    .option('--sandbox <kind>', "'isolated-vm' (default) or 'none'", sandboxKind)
    .option('--config <file>', 'config file (default ./envscaler.config.json)')
    .option(scriptedOption.flags, scriptedOption.description)
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output');
}

export function registerBenchCommand(program: Command): void {
  const bench = program
    .command('bench')
    .description(
      'run the paper benchmarks (BFCL v3 multi-turn, τ²-bench retail, τ-bench airline) against a model; scored like the originals',
    );

  addCommonOptions(
    bench
      .command('bfcl')
      .description(
        'BFCL v3 multi-turn (base, miss_func, miss_param, long_context): state and response checks after every user turn; accuracy with a 95% interval, per class; resumable',
      )
      .option(
        '--category <name>',
        "base, miss_func, miss_param, long_context, or all (the four, each reported, plus their unweighted mean: BFCL's multi-turn score)",
        bfclCategoryOption,
        'base',
      )
      .option(
        '--entries <which>',
        'train, test, all, or comma-separated entry ids, numbers and ranges (e.g. 0-9,12); numbers select in every category',
        'all',
      )
      .option(
        '--out <dir>',
        'run directory for results.jsonl and summary.json; with --category all one subdirectory per category (default: bench-runs/bfcl/MODEL for base, bench-runs/bfcl-CATEGORY/MODEL otherwise)',
      )
      .option(
        '--data <dir>',
        'BFCL data directory (default: the data shipped in @envscaler/env-bfcl-multi-turn)',
      )
      .option(
        '--env <dir>',
        'BFCL environment directory (default: the one in @envscaler/env-bfcl-multi-turn)',
      )
      .option(
        '--gold',
        'no model: the agent answers every turn with its ground-truth calls (checks data, environment and scoring; every consistent entry passes)',
      )
      .option(
        '--max-steps-per-turn <n>',
        'steps with tool calls allowed per user turn; one more force-terminates the entry (BFCL: 20)',
        positiveInt,
        20,
      ),
  )
    .addHelpText(
      'after',
      [
        '',
        'Any OpenAI-compatible endpoint: set OPENAI_BASE_URL (and OPENAI_API_KEY if it needs one).',
        'Re-running the same command resumes: finished entries are not run again.',
        '',
        'Examples:',
        '  $ envscaler bench bfcl --model gpt-4o-mini --entries test --concurrency 8',
        '  $ envscaler bench bfcl --model gpt-4o-mini --category all   # the four categories and their mean',
        '  $ envscaler bench bfcl --gold --entries 0-9          # no model: checks the installation',
        '  $ OPENAI_BASE_URL=http://localhost:8000/v1 envscaler bench bfcl --model Qwen/Qwen3-8B --entries 0-19',
      ].join('\n'),
    )
    .action(async (flags: BenchBfclFlags) => {
      const data = flags.data === undefined ? undefined : resolve(flags.data);
      const goldFor = async (category: BfclCategory) =>
        createBfclGoldAgent({ data: await readBfclData({ dataDir: data, category }) });
      const name = flags.gold ? 'gold' : (flags.model ?? process.env.ENVSCALER_MODEL ?? 'model');
      const runs = flags.category === 'base' ? 'bfcl' : `bfcl-${flags.category}`;
      const out = resolve(flags.out ?? join('bench-runs', runs, fileSafe(name)));
      const agent = flags.gold
        ? undefined
        : (
            await resolveBenchModels({
              model: flags.model,
              configPath: flags.config,
              scripted: flags.scripted,
              out,
            })
          ).model;
      const lock = { dir: out, command: 'bench bfcl' };
      if (flags.category === 'all') {
        const suite = await withProgressAndInterrupt(flags, lock, (progress, signal) =>
          runBenchBfclSuiteCommand({
            model: agent ?? goldFor,
            modelName: flags.gold ? 'gold' : flags.model,
            entries: flags.entries,
            concurrency: flags.concurrency,
            out,
            data,
            env: flags.env === undefined ? undefined : resolve(flags.env),
            maxStepsPerTurn: flags.maxStepsPerTurn,
            temperature: flags.temperature,
            sandbox: flags.sandbox,
            progress,
            signal,
          }),
        );
        process.stdout.write(formatBfclSuiteReport(suite));
        process.stdout.write(`→ ${join(out, 'summary.json')}\n`);
        return;
      }
      const category = flags.category;
      const model = agent ?? (await goldFor(category));
      const result = await withProgressAndInterrupt(flags, lock, (progress, signal) =>
        runBenchBfclCommand({
          model,
          modelName: flags.gold ? 'gold' : flags.model,
          category,
          entries: flags.entries,
          concurrency: flags.concurrency,
          out,
          data,
          env: flags.env === undefined ? undefined : resolve(flags.env),
          maxStepsPerTurn: flags.maxStepsPerTurn,
          temperature: flags.temperature,
          sandbox: flags.sandbox,
          progress,
          signal,
        }),
      );
      process.stdout.write(formatBfclReport(result));
      process.stdout.write(`→ ${join(out, 'summary.json')}\n`);
    });

  registerTau2Command(bench, 'tau2');
  registerTau2Command(bench, 'tau2-retail');
  registerBenchAcebenchCommand(bench);
  registerBenchPipelineCommand(bench);
  registerBenchAllCommand(bench);
}

type BenchTau2Flags = CommonFlags & {
  domain: Tau2DomainName;
  userModel?: string;
  trials: number;
  split: string;
  tasks?: string;
  maxSteps?: number;
  maxAgentSteps?: number;
};

/**
 * `bench tau2 --domain retail|airline`, and `bench tau2-retail`: the same command with the domain
 * fixed to retail (kept for existing scripts and run directories).
 */
function registerTau2Command(bench: Command, name: 'tau2' | 'tau2-retail'): void {
  const fixed = name === 'tau2-retail';
  const command = bench.command(name);
  if (fixed) {
    command.description(
      'τ²-bench retail (same as `bench tau2 --domain retail`): conversations with a simulated user; reward = gold database ∧ communicate_info said; pass^k for k = 1..trials',
    );
  } else {
    command
      .description(
        'τ²-bench retail or τ-bench airline: conversations with a simulated user; reward = gold database ∧ required information said; pass^k for k = 1..trials',
      )
      .option(
        '--domain <domain>',
        "'retail' (τ²-bench, 114 tasks) or 'airline' (τ-bench, 50 tasks)",
        tau2DomainName,
        'retail',
      );
  }
  addCommonOptions(
    command
      .option('--user-model <name>', 'the simulated user (stage "user-simulator"); default: --model')
      .option('--trials <k>', 'trials per task (pass^k for k = 1..trials)', positiveInt, 1)
      .option(
        '--split <split>',
        fixed
          ? 'train (74 tasks), test (40) or base (all 114)'
          : 'train, test or base (all): retail 74 / 40 / 114 tasks, airline 30 / 20 / 50',
        'base',
      )
      .option('--tasks <ids>', 'comma-separated task ids (instead of --split)')
      .option(
        '--out <dir>',
        `run directory for results.jsonl and summary.json (default: ${fixed ? 'bench-runs/tau2-retail/MODEL' : 'bench-runs/tau2-retail/MODEL or bench-runs/tau-airline/MODEL'})`,
      )
      .option(
        '--data <dir>',
        fixed
          ? 'τ²-retail data directory (default: the data shipped in @envscaler/env-tau2-retail)'
          : 'data directory (default: the data shipped in @envscaler/env-tau2-retail / @envscaler/env-tau-airline)',
      )
      .option(
        '--env <dir>',
        fixed
          ? 'retail environment directory (default: the one in @envscaler/env-tau2-retail)'
          : "environment directory (default: the domain's, in @envscaler/env-tau2-retail / @envscaler/env-tau-airline)",
      )
      .option(
        '--max-steps <n>',
        fixed
          ? 'messages per conversation before it is cut off (τ²-bench: 200)'
          : 'messages per conversation before it is cut off (default: retail 200 as τ²-bench; airline none)',
        positiveInt,
      )
      .option(
        '--max-agent-steps <n>',
        fixed
          ? 'agent turns (a reply or a tool-call message) per conversation (default: no cap)'
          : 'agent turns (a reply or a tool-call message) per conversation (default: airline 30 as τ-bench; retail no cap)',
        positiveInt,
      ),
  )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        ...(fixed
          ? [
              '  $ envscaler bench tau2-retail --model gpt-4.1 --user-model gpt-4.1 --trials 4 --split test',
              '  $ envscaler bench tau2-retail --model my-agent --user-model gpt-4.1 --tasks 0,1,2 --trials 2',
            ]
          : [
              '  $ envscaler bench tau2 --domain retail --model gpt-4.1 --user-model gpt-4.1 --trials 4 --split test',
              '  $ envscaler bench tau2 --domain airline --model my-agent --user-model gpt-4.1 --trials 4',
              '  $ envscaler bench tau2 --domain airline --model my-agent --tasks 0,1,2 --trials 2',
            ]),
      ].join('\n'),
    )
    .action(async (flags: BenchTau2Flags) => {
      const domain = tau2Domain(fixed ? 'retail' : flags.domain);
      const model = flags.model ?? process.env.ENVSCALER_MODEL ?? 'model';
      const out = resolve(flags.out ?? join('bench-runs', domain.benchmark, fileSafe(model)));
      const setup = await resolveBenchModels({
        model: flags.model,
        userModel: flags.userModel,
        configPath: flags.config,
        scripted: flags.scripted,
        out,
      });
      const tasks = flags.tasks
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const lock = { dir: out, command: fixed ? 'bench tau2-retail' : `bench tau2 --domain ${domain.name}` };
      const result = await withProgressAndInterrupt(flags, lock, (progress, signal) =>
        runBenchTau2Command({
          domain: domain.name,
          agent: setup.model,
          user: setup.model,
          agentModelName: flags.model,
          userModelName: flags.userModel ?? flags.model,
          trials: flags.trials,
          split: flags.split,
          tasks,
          concurrency: flags.concurrency,
          out,
          data: flags.data === undefined ? undefined : resolve(flags.data),
          env: flags.env === undefined ? undefined : resolve(flags.env),
          maxSteps: flags.maxSteps,
          maxAgentSteps: flags.maxAgentSteps,
          temperature: flags.temperature,
          sandbox: flags.sandbox,
          progress,
          signal,
        }),
      );
      process.stdout.write(formatTau2Report(result));
      process.stdout.write(`→ ${join(out, 'summary.json')}\n`);
    });
}
