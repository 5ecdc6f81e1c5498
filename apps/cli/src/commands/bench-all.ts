// `envscaler bench all`: every benchmark of the EnvScaler paper's main table, run at the paper's settings
// with the same functions as `bench bfcl --category all`, `bench tau2 --domain retail|airline` and
// `bench acebench`, each suite in its own subfolder of --out (so each resumes exactly as it does alone),
// and one table of the measured figures beside the paper's Qwen3-8B ones (bench-all-table.ts).
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  ACEBENCH_MAX_STEPS,
  BFCL_MAX_STEPS_PER_TURN,
  selectTau2Tasks,
  tau2Domain,
  type Tau2DomainName,
} from '@envscaler/bench';
import { EnvscalerError, type ChatModel } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import type { SandboxKind } from '@envscaler/runtime';
import { positiveInt } from '../inputs.js';
import { scriptedOption } from '../model.js';
import { acquireOutputLock } from '../output-lock.js';
import type { ProgressReporter } from '../progress.js';
import { runBenchAcebenchCommand } from './bench-acebench.js';
import { PAPER_BENCHMARKS, PAPER_CITATION, PAPER_TEMPERATURE } from './bench-all-paper.js';
import {
  BENCH_ALL_SUITES,
  benchAllRows,
  formatBenchAllMarkdown,
  formatBenchAllTable,
  type BenchAllResults,
  type BenchAllSuite,
  type BenchAllSuiteResults,
  type BenchAllSuiteRun,
} from './bench-all-table.js';
import {
  fileSafe,
  nonNegativeNumber,
  resolveBenchModels,
  sandboxKind,
  withProgressAndInterrupt,
} from './bench-common.js';
import { runBenchBfclSuiteCommand, runBenchTau2Command } from './bench.js';

const TAU_DOMAIN: Record<'tau2-retail' | 'tau-airline', Tau2DomainName> = {
  'tau2-retail': 'retail',
  'tau-airline': 'airline',
};

/** `--suites`: a comma-separated subset of the suites, returned in run order without repeats. */
export function benchAllSuitesOption(value: string): BenchAllSuite[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(BENCH_ALL_SUITES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(
      `${unknown.length > 0 ? `unknown suite ${unknown.map((n) => `'${n}'`).join(', ')}; ` : ''}use a comma-separated list of ${BENCH_ALL_SUITES.join(', ')}`,
    );
  return BENCH_ALL_SUITES.filter((s) => names.includes(s));
}

export interface BenchAllCommandOptions {
  /**
   * The models of one suite, called once per suite with that suite's folder (a `--scripted` cassette keeps
   * its cursor there, as the suite's own command does). `agent` answers stage 'agent', `user` stage
   * 'user-simulator'; one ChatModel that routes by stage may be both.
   */
  models: (suite: BenchAllSuite, out: string) => Promise<{ agent: ChatModel; user: ChatModel }>;
  agentModelName?: string;
  userModelName?: string;
  /** Default: all, in {@link BENCH_ALL_SUITES} order. */
  suites?: readonly BenchAllSuite[];
  out: string;
  /** Trials per τ / ACEBench task (BFCL runs each entry once); the paper's pass^1 is 1. */
  trials: number;
  /** Only the first N entries / tasks of every category, domain and subset (default: all of them). */
  limit?: number;
  concurrency: number;
  /** Agent temperature of every suite (default 0.7, the paper's); τ's harness gives it to the user too. */
  temperature?: number;
  sandbox?: SandboxKind;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}

/** Atomic writes: a run killed mid-write leaves the previous table, never half of one. */
async function writeResults(out: string, results: BenchAllResults): Promise<void> {
  await writeFileAtomic({ file: join(out, 'results.json'), data: `${JSON.stringify(results, null, 2)}\n` });
  await writeFileAtomic({ file: join(out, 'results.md'), data: formatBenchAllMarkdown(results) });
}

/**
 * `envscaler bench all` without the flag parsing: runs the suites one after another (each with
 * `concurrency` episodes at once), holding each suite folder's lock while it runs, and rewrites
 * `<out>/results.json` and `results.md` after every suite, so an interrupted run leaves the table so far.
 */
export async function runBenchAllCommand(options: BenchAllCommandOptions): Promise<BenchAllResults> {
  const suites = options.suites ?? BENCH_ALL_SUITES;
  const { limit, trials } = options;
  if (!(Number.isInteger(trials) && trials >= 1))
    throw new EnvscalerError('INVALID_INPUT', `bench all: trials must be a whole number ≥ 1 (got ${trials})`);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1))
    throw new EnvscalerError('INVALID_INPUT', `bench all: limit must be a whole number ≥ 1 (got ${limit})`);
  const temperature = options.temperature ?? PAPER_TEMPERATURE;
  const numbers = limit === undefined ? undefined : `0-${limit - 1}`;
  const got: BenchAllSuiteResults = {};
  const runs: Partial<Record<BenchAllSuite, BenchAllSuiteRun>> = {};
  const snapshot = (): BenchAllResults => ({
    schemaVersion: 1,
    benchmark: 'bench-all',
    ...(options.agentModelName ? { agentModel: options.agentModelName } : {}),
    ...(options.userModelName ? { userModel: options.userModelName } : {}),
    settings: { suites: [...suites], trials, limit: limit ?? null, temperature },
    suites: runs,
    rows: benchAllRows(got),
    paper: { citation: PAPER_CITATION, benchmarks: { ...PAPER_BENCHMARKS } },
    createdAt: new Date().toISOString(),
  });
  const common = {
    concurrency: options.concurrency,
    temperature,
    sandbox: options.sandbox,
    progress: options.progress,
    signal: options.signal,
  };
  for (const [i, suite] of suites.entries()) {
    if (options.signal?.aborted) break;
    const out = join(options.out, suite);
    options.progress?.message(`bench all: suite ${i + 1}/${suites.length} ${suite} → ${out}`);
    const { agent, user } = await options.models(suite, out);
    const held = await acquireOutputLock({ dir: out, command: `bench all (${suite})` });
    try {
      if (suite === 'bfcl') {
        const r = await runBenchBfclSuiteCommand({
          ...common,
          model: agent,
          modelName: options.agentModelName,
          entries: numbers ?? 'all',
          out,
          maxStepsPerTurn: BFCL_MAX_STEPS_PER_TURN,
        });
        got.bfcl = r;
        const parts = Object.values(r.categories);
        runs.bfcl = {
          out,
          ran: parts.reduce((s, c) => s + c.ran, 0),
          skipped: parts.reduce((s, c) => s + c.skipped, 0),
          errors: r.summary.errors,
        };
      } else if (suite === 'acebench') {
        const r = await runBenchAcebenchCommand({
          ...common,
          agent,
          user,
          agentModelName: options.agentModelName,
          userModelName: options.userModelName,
          subset: 'all',
          split: 'all',
          ...(numbers ? { tasks: [numbers] } : {}),
          trials,
          out,
          maxSteps: ACEBENCH_MAX_STEPS,
        });
        got.acebench = r;
        runs.acebench = { out, ran: r.ran, skipped: r.skipped, errors: r.summary.errors };
      } else {
        const domain = TAU_DOMAIN[suite];
        const tasks =
          limit === undefined
            ? undefined
            : selectTau2Tasks(await tau2Domain(domain).readData(), { split: 'base' })
                .slice(0, limit)
                .map((t) => t.id);
        const r = await runBenchTau2Command({
          ...common,
          domain,
          agent,
          user,
          agentModelName: options.agentModelName,
          userModelName: options.userModelName,
          trials,
          split: 'base',
          ...(tasks ? { tasks } : {}),
          out,
        });
        got[suite] = r;
        runs[suite] = { out, ran: r.ran, skipped: r.skipped, errors: r.summary.errors };
      }
    } finally {
      held.release();
    }
    await writeResults(options.out, snapshot());
  }
  const results = snapshot();
  await writeResults(options.out, results);
  return results;
}

interface BenchAllFlags {
  model?: string;
  userModel?: string;
  suites?: BenchAllSuite[];
  limit?: number;
  trials: number;
  concurrency: number;
  out?: string;
  temperature?: number;
  sandbox?: SandboxKind;
  config?: string;
  scripted?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers `bench all` under the `bench` command. */
export function registerBenchAllCommand(bench: Command): void {
  bench
    .command('all')
    .description(
      "the EnvScaler paper's table: BFCL-v3 multi-turn (4 categories and mean), τ²-bench retail and τ-bench airline pass^1, ACEBench agent multi_step / multi_turn, each with a 95% interval, beside the paper's Qwen3-8B figures before and after EnvScaler; resumable",
    )
    .option('--model <name>', 'the agent model (stage "agent"); default: ENVSCALER_MODEL / config')
    .option(
      '--user-model <name>',
      'the simulated user of τ and ACEBench multi_turn (stage "user-simulator"; the paper: gpt-4.1-2025-04-14); default: --model',
    )
    .option(
      '--suites <list>',
      `comma-separated suites to run (default: all): ${BENCH_ALL_SUITES.join(', ')}`,
      benchAllSuitesOption,
    )
    .option(
      '--limit <n>',
      'only the first n entries / tasks of every BFCL category, τ domain and ACEBench subset (a quick check; default: all, as the paper)',
      positiveInt,
    )
    .option(
      '--trials <k>',
      'trials per τ and ACEBench task (BFCL runs each entry once); the paper: pass^1',
      positiveInt,
      1,
    )
    .option(
      '--concurrency <n>',
      'episodes run at once within a suite (suites run one after another)',
      positiveInt,
      4,
    )
    .option(
      '--out <dir>',
      'results.json and results.md, and one subfolder per suite (bfcl/, tau2-retail/, tau-airline/, acebench/) that its own command resumes too (default: bench-runs/all/MODEL)',
    )
    .option(
      '--temperature <t>',
      `agent sampling temperature in every suite (default ${PAPER_TEMPERATURE}, as the paper)`,
      nonNegativeNumber,
    )
    .option('--sandbox <kind>', "'isolated-vm' (default) or 'none'", sandboxKind)
    .option('--config <file>', 'config file (default ./envscaler.config.json)')
    .option(
      scriptedOption.flags,
      `${scriptedOption.description}; each suite keeps its own cursor in its subfolder`,
    )
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      [
        '',
        'Any OpenAI-compatible endpoint: set OPENAI_BASE_URL (and OPENAI_API_KEY if it needs one).',
        'Re-running the same command resumes: finished entries and trials are not run again.',
        '',
        'Examples:',
        '  $ OPENAI_BASE_URL=http://localhost:8000/v1 envscaler bench all --model Qwen/Qwen3-8B --user-model gpt-4.1-2025-04-14 --concurrency 8',
        '  $ envscaler bench all --model my-agent --limit 5                 # a quick look: 5 of everything',
        '  $ envscaler bench all --model my-agent --suites bfcl,acebench',
      ].join('\n'),
    )
    .action(async (flags: BenchAllFlags) => {
      const name = flags.model ?? process.env.ENVSCALER_MODEL ?? 'model';
      const out = resolve(flags.out ?? join('bench-runs', 'all', fileSafe(name)));
      const suites = flags.suites ?? [...BENCH_ALL_SUITES];
      // Resolve every suite's models before taking any lock, so a missing endpoint fails at once.
      const models = new Map<BenchAllSuite, ChatModel>();
      for (const suite of suites) {
        const setup = await resolveBenchModels({
          model: flags.model,
          userModel: flags.userModel,
          configPath: flags.config,
          scripted: flags.scripted,
          out: join(out, suite),
        });
        models.set(suite, setup.model);
      }
      const results = await withProgressAndInterrupt(
        flags,
        { dir: out, command: 'bench all' },
        (progress, signal) =>
          runBenchAllCommand({
            models: async (suite) => {
              const model = models.get(suite)!;
              return { agent: model, user: model };
            },
            agentModelName: flags.model,
            userModelName: flags.userModel ?? flags.model,
            suites,
            out,
            trials: flags.trials,
            ...(flags.limit === undefined ? {} : { limit: flags.limit }),
            concurrency: flags.concurrency,
            temperature: flags.temperature,
            sandbox: flags.sandbox,
            progress,
            signal,
          }),
      );
      process.stdout.write(formatBenchAllTable(results));
      process.stdout.write(`→ ${join(out, 'results.md')}, ${join(out, 'results.json')}\n`);
    });
}
