import { join } from 'node:path';
import { type Command } from 'commander';
import { type ChatModel } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { generateScenarios, type GenerateScenariosResult } from '@envscaler/scengen';
import { resolveChatModel } from '../model.js';
import { loadConfig } from '../config.js';
import { createInterruptSignal } from '../interrupt.js';
import { chooseProgressMode, createProgressReporter, type ProgressReporter } from '../progress.js';
import { findEnvironmentDirs, positiveInt } from '../inputs.js';
import { backendChoice, createBackend, runScenarioJobs } from './worker.js';

export interface RunScenariosOptions {
  envs: string;
  out: string;
  count: number;
  model: ChatModel;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
  difficultySamples?: number;
  /** USD per million tokens, for the report's `costUsd`. */
  pricing?: { promptPerMillion: number; completionPerMillion: number };
  signal?: AbortSignal;
  progress?: ProgressReporter;
}

/** Generates scenarios for every environment under `envs`, one environment after another. */
export async function runScenarios(options: RunScenariosOptions): Promise<GenerateScenariosResult[]> {
  const results: GenerateScenariosResult[] = [];
  for (const dir of await findEnvironmentDirs(options.envs)) {
    const env: LoadedEnvironment = await loadEnvironment({ dir });
    try {
      const stage = options.progress?.stage(`scenarios ${env.id}`, options.count);
      let kept = 0;
      let dropped = 0;
      const result = await generateScenarios({
        env,
        count: options.count,
        model: options.model,
        out: options.out,
        concurrency: options.concurrency,
        solverAttempts: options.solverAttempts,
        maxSteps: options.maxSteps,
        pricing: options.pricing,
        signal: options.signal,
        ...(options.difficultySamples
          ? { difficulty: { agent: options.model, samples: options.difficultySamples } }
          : {}),
        onProgress: (event) => {
          if (event.type === 'scenario-kept') kept++;
          else if (event.type === 'scenario-dropped') dropped++;
          else return;
          stage?.update({ done: kept, failed: dropped });
        },
      });
      stage?.finish(
        `${result.report.kept} kept of ${result.report.candidates} candidates → ${result.paths.scenarios}`,
      );
      results.push(result);
    } finally {
      env.dispose();
    }
  }
  return results;
}

export function registerScenariosCommand(program: Command): void {
  program
    .command('scenarios')
    .description('generate validated scenarios (state, task, typed checks; do-nothing and solvability gates)')
    .requiredOption('--envs <dir>', 'an environment directory, or a directory of them (each with env.ts)')
    .requiredOption('--out <dir>', 'output root: scenarios/<envId>.jsonl, .report.json and .cache/scengen/')
    .requiredOption('--count <n>', 'valid scenarios wanted per environment', positiveInt)
    .option(
      '--concurrency <n>',
      'candidates processed at once per environment (default: config concurrency.scenarios, else 2)',
      positiveInt,
    )
    .option('--solver-attempts <k>', 'solver attempts for the solvability gate', positiveInt, 2)
    .option('--max-steps <n>', 'model turns per solver episode', positiveInt, 30)
    .option(
      '--difficulty-samples <n>',
      'label difficulty from this many agent episodes per scenario',
      positiveInt,
    )
    .option('--model <name>', 'default model for every stage without its own setting')
    .option(
      '--scripted <dir>',
      'answer from a hand-written cassette (scripted/<stage>.jsonl) instead of an endpoint',
    )
    .option('--config <file>', 'config file (default ./envscaler.config.json)')
    .option(
      '--backend <name>',
      'inprocess, or redis: queue one job per environment for `envscaler worker`s (docs/scale-out.md)',
      backendChoice,
      'inprocess',
    )
    .option('--redis <url>', 'Redis URL for --backend redis (default $REDIS_URL)')
    .option('--queue <name>', 'base queue name for --backend redis', 'envscaler')
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ envscaler scenarios --envs out/envs --out out --count 20 --concurrency 4\n  $ envscaler scenarios --envs out/envs --out out --count 20 --backend redis --redis redis://queue:6379',
    )
    .action(
      async (options: {
        envs: string;
        out: string;
        count: number;
        concurrency?: number;
        solverAttempts: number;
        maxSteps: number;
        difficultySamples?: number;
        model?: string;
        scripted?: string;
        config?: string;
        backend: 'inprocess' | 'redis';
        redis?: string;
        queue?: string;
        json?: boolean;
        quiet?: boolean;
      }) => {
        if (options.backend === 'redis') {
          // Workers (`envscaler worker`) resolve their own model; the coordinator only queues and waits.
          const progress = createProgressReporter({
            mode: chooseProgressMode({
              json: options.json,
              quiet: options.quiet,
              isTTY: process.stderr.isTTY,
            }),
          });
          const concurrency = options.concurrency ?? 2;
          const interrupt = createInterruptSignal({
            onFirst: () =>
              progress.message('interrupted: queued jobs stay queued; re-run the same command to resume'),
          });
          try {
            const outcomes = await runScenarioJobs({
              backend: createBackend({
                backend: 'redis',
                redis: options.redis ?? process.env.REDIS_URL,
                queue: options.queue,
                concurrency,
              }),
              envs: options.envs,
              out: options.out,
              count: options.count,
              concurrency,
              solverAttempts: options.solverAttempts,
              maxSteps: options.maxSteps,
              progress,
              signal: interrupt.signal,
            });
            for (const o of outcomes)
              process.stdout.write(
                `${o.envId}: ${o.kept} scenarios (${o.candidates} candidates) → ${o.scenarios}\n`,
              );
          } finally {
            interrupt.dispose();
          }
          return;
        }
        const model = await resolveChatModel({
          configPath: options.config,
          modelFlag: options.model,
          scriptedDir: options.scripted,
          // recorded responses: a re-run replays them, also for steps the stage cache has not finished
          cacheDir: join(options.out, '.cache', 'llm'),
        });
        const config = await loadConfig({ path: options.config });
        const modelName = options.model ?? config.models?.default ?? process.env.ENVSCALER_MODEL;
        const pricing = modelName ? config.prices?.[modelName] : undefined;
        // scripted replies are consumed in order per stage, so a scripted run goes one candidate at a time
        const concurrency =
          options.concurrency ?? (options.scripted ? 1 : (config.concurrency?.scenarios ?? 2));
        const progress = createProgressReporter({
          mode: chooseProgressMode({ json: options.json, quiet: options.quiet, isTTY: process.stderr.isTTY }),
        });
        const interrupt = createInterruptSignal({
          onFirst: () =>
            progress.message(
              'interrupted: finishing in-flight candidates and saving; press Ctrl-C again to exit now',
            ),
        });
        try {
          const { model: _modelFlag, backend: _backend, redis: _redis, queue: _queue, ...rest } = options;
          const results = await runScenarios({
            ...rest,
            concurrency,
            model,
            pricing,
            progress,
            signal: interrupt.signal,
          });
          for (const r of results) {
            process.stdout.write(
              `${r.report.envId}: ${r.report.kept}/${r.report.requested} scenarios (${r.report.candidates} candidates) → ${r.paths.scenarios}\n`,
            );
          }
        } finally {
          interrupt.dispose();
        }
      },
    );
}
