import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { ChatModel, EmbeddingModel, PriceTable } from '@envscaler/core';
import { createOpenAIEmbeddingModel } from '@envscaler/llm';
import {
  buildEnvironments,
  readTaskCorpus,
  type BuildReport,
  type CorpusFormat,
} from '@envscaler/skelbuilder';
import { buildProgressListener } from '../build-progress.js';
import { loadConfig } from '../config.js';
import { createInterruptSignal } from '../interrupt.js';
import { acquireOutputLock } from '../output-lock.js';
import { assertScriptedInProcess, resolveChatModel, scriptedCursorFile, scriptedOption } from '../model.js';
import type { ProgressReporter } from '../progress.js';
import { positiveInt } from '../inputs.js';
import {
  addBackendOptions,
  backendFromFlags,
  progressFromFlags,
  type BackendFlags,
} from '../backend-options.js';
import { runBuildJobs } from '../jobs/build-jobs.js';

export interface RunBuildOptions {
  tasks: string;
  /** The corpus format (default: detected from the file). */
  tasksFormat?: CorpusFormat;
  out: string;
  model: ChatModel;
  embeddings?: EmbeddingModel;
  concurrency: number;
  minScore: number;
  qualityThreshold: number;
  testerSteps: number;
  repairRounds: number;
  /** USD per million tokens by model name (the config's `prices`): each call at its own model's price. */
  prices?: PriceTable;
  signal?: AbortSignal;
  progress?: ProgressReporter;
}

/** Loads the corpus and runs the skelbuilder pipeline, mirroring its progress onto the reporter. */
export async function runBuild(options: RunBuildOptions): Promise<BuildReport> {
  const { tasks, report: corpus } = await readTaskCorpus({
    path: options.tasks,
    format: options.tasksFormat,
  });
  return buildEnvironments({
    tasks,
    corpus,
    model: options.model,
    embeddings: options.embeddings,
    out: options.out,
    concurrency: options.concurrency,
    thresholds: { minScore: options.minScore, quality: options.qualityThreshold },
    testerSteps: options.testerSteps,
    repairRounds: options.repairRounds,
    prices: options.prices,
    signal: options.signal,
    onProgress: buildProgressListener(options.progress),
  });
}

const corpusFormats: readonly CorpusFormat[] = ['jsonl', 'text', 'api-bank', 'toolace'];

function corpusFormat(value: string): CorpusFormat {
  if (!(corpusFormats as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${corpusFormats.join(', ')}`);
  return value as CorpusFormat;
}

function scoreValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw new InvalidArgumentError('must be a number from 0 to 10');
  return n;
}

function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

export function registerBuildCommand(program: Command): void {
  const command = program
    .command('build')
    .description('build type-checked, quality-evaluated environments from a task corpus (skelbuilder)')
    .requiredOption(
      '--tasks <file>',
      'task corpus: JSONL ({"id"?, "task", "tools"?}), plain text (one task per line), or an API-Bank or ToolACE JSON file (filtered and deduplicated as EnvScaler does)',
    )
    .option(
      '--tasks-format <format>',
      'corpus format: jsonl, text, api-bank or toolace (default: detected from the file)',
      corpusFormat,
    )
    .requiredOption('--out <dir>', 'output root: envs/<envId>/, report.json, report.md, .cache/stages/')
    .option('--concurrency <n>', 'environments (and corpus tasks) processed at once', positiveInt)
    .option('--min-score <n>', 'minimum usefulness and modelability (0-10) to keep a topic', scoreValue)
    .option('--quality-threshold <x>', 'minimum (pass + warning) / total of the quality run (0-1)', fraction)
    .option('--tester-steps <n>', 'tool calls in each quality run', positiveInt, 30)
    .option('--repair-rounds <n>', 'type-check repair rounds per environment', positiveInt, 3)
    .option(scriptedOption.flags, scriptedOption.description)
    .option('--config <file>', 'config file (default ./envscaler.config.json)');
  addBackendOptions(command, { redisJobs: 'mine topics here, then queue one job per topic' })
    .addHelpText(
      'after',
      '\nRe-running with the same --out reuses every finished stage (no repeated model calls).\n\nExamples:\n  $ envscaler build --tasks examples/corpus/tasks.jsonl --out out --concurrency 4\n  $ envscaler build --tasks examples/corpus/tasks.jsonl --out out --backend redis --redis redis://queue:6379',
    )
    .action(
      async (
        options: BackendFlags & {
          tasks: string;
          tasksFormat?: CorpusFormat;
          out: string;
          concurrency?: number;
          minScore?: number;
          qualityThreshold?: number;
          testerSteps: number;
          repairRounds: number;
          scripted?: string;
          config?: string;
        },
      ) => {
        assertScriptedInProcess(options);
        const config = await loadConfig({ path: options.config });
        const model = await resolveChatModel({
          configPath: options.config,
          scriptedDir: options.scripted,
          scriptedCursor: scriptedCursorFile(options),
        });
        // A scripted build deduplicates topics with TF-IDF: no endpoint, and nothing is priced.
        const embeddingModel = options.scripted
          ? undefined
          : process.env.ENVSCALER_EMBEDDING_MODEL || config.embeddings?.model;
        const embeddings = embeddingModel
          ? createOpenAIEmbeddingModel({
              model: embeddingModel,
              baseURL: config.embeddings?.baseURL || process.env.OPENAI_BASE_URL || config.endpoint?.baseURL,
              apiKeyEnv: config.endpoint?.apiKeyEnv,
            })
          : undefined;
        // Each call is priced at the price of the model it went to (scripted answers cost nothing).
        const prices = options.scripted ? undefined : config.prices;
        const progress = progressFromFlags(options);
        const lock = await acquireOutputLock({ dir: options.out, command: 'build' });
        const interrupt = createInterruptSignal({
          onFirst: () =>
            progress.message(
              'interrupted: finishing in-flight work and saving; press Ctrl-C again to exit now',
            ),
        });
        // scripted replies without `match` go in arrival order, so a scripted build defaults to one at a time
        const concurrency =
          options.concurrency ?? (options.scripted ? 1 : (config.concurrency?.environments ?? 4));
        const minScore = options.minScore ?? config.thresholds?.topicScore ?? 7;
        const qualityThreshold = options.qualityThreshold ?? config.thresholds?.quality ?? 0.85;
        try {
          // a queue build's coordinator reads the corpus here (runBuild reads it for an in-process one)
          const corpus =
            options.backend === 'redis'
              ? await readTaskCorpus({ path: options.tasks, format: options.tasksFormat })
              : undefined;
          const report =
            options.backend === 'redis'
              ? // Topic mining runs here; workers (`envscaler worker`) build one environment per job.
                await runBuildJobs({
                  backend: backendFromFlags(options, concurrency),
                  tasks: corpus!.tasks,
                  corpus: corpus!.report,
                  out: options.out,
                  model,
                  embeddings,
                  concurrency,
                  thresholds: { minScore, quality: qualityThreshold },
                  testerSteps: options.testerSteps,
                  repairRounds: options.repairRounds,
                  prices,
                  signal: interrupt.signal,
                  progress,
                })
              : await runBuild({
                  tasks: options.tasks,
                  tasksFormat: options.tasksFormat,
                  out: options.out,
                  model,
                  embeddings,
                  concurrency,
                  minScore,
                  qualityThreshold,
                  testerSteps: options.testerSteps,
                  repairRounds: options.repairRounds,
                  prices,
                  signal: interrupt.signal,
                  progress,
                });
          const kept = report.envs.filter((e) => e.status === 'kept').length;
          const filtered = Object.values(report.corpus.filters?.dropped ?? {}).reduce((a, b) => a + b, 0);
          process.stdout.write(
            `${kept} environment(s) from ${report.corpus.tasks} task(s)${filtered > 0 ? ` (${filtered} more dropped by the corpus filters)` : ''} → ${join(options.out, 'envs')} (report: ${join(options.out, 'report.md')})\n`,
          );
        } finally {
          interrupt.dispose();
          lock.release();
        }
      },
    );
}
