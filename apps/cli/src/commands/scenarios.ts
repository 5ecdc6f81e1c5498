import { join } from 'node:path';
import { type Command } from 'commander';
import { EnvscalerError, type ChatModel, type PriceTable } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { generateScenarios, type GenerateScenariosResult } from '@envscaler/scengen';
import { assertScriptedInProcess, resolveChatModel, scriptedCursorFile, scriptedOption } from '../model.js';
import { loadConfig } from '../config.js';
import { createInterruptSignal } from '../interrupt.js';
import { acquireOutputLock } from '../output-lock.js';
import type { ProgressReporter } from '../progress.js';
import { findEnvironmentDirs, positiveInt } from '../inputs.js';
import {
  addBackendOptions,
  backendFromFlags,
  progressFromFlags,
  type BackendFlags,
} from '../backend-options.js';
import { runScenarioJobs } from '../jobs/scenario-jobs.js';

export interface RunScenariosOptions {
  envs: string;
  out: string;
  count: number;
  model: ChatModel;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
  difficultySamples?: number;
  /** USD per million tokens by model name (the config's `prices`): each call at its own model's price. */
  prices?: PriceTable;
  signal?: AbortSignal;
  progress?: ProgressReporter;
  /** Skip an environment that fails to load or generate (and report it) instead of stopping. */
  keepGoing?: boolean;
}

/** An environment `runScenarios` skipped under `keepGoing`, and why. */
export interface SkippedEnvironment {
  dir: string;
  reason: string;
}

/**
 * Generates scenarios for every environment under `envs`, one environment after another. An environment
 * that fails stops the run with an error naming its directory, or with `keepGoing` is skipped and listed.
 */
export async function runScenarios(
  options: RunScenariosOptions,
): Promise<{ results: GenerateScenariosResult[]; skipped: SkippedEnvironment[] }> {
  const results: GenerateScenariosResult[] = [];
  const skipped: SkippedEnvironment[] = [];
  for (const dir of await findEnvironmentDirs(options.envs)) {
    try {
      results.push(await scenariosFor(dir, options));
    } catch (error) {
      // an interrupt stops the whole run, with or without keepGoing
      if (options.signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (options.keepGoing) {
        const flat = message.replace(/\s+/g, ' ').trim();
        skipped.push({ dir, reason: flat.length > 300 ? `${flat.slice(0, 300)}…` : flat });
        continue;
      }
      if (!(error instanceof EnvscalerError) || message.includes(dir)) throw error;
      throw new EnvscalerError(error.code, `environment ${dir}: ${message}`, {
        cause: error,
        details: error.details,
      });
    }
  }
  return { results, skipped };
}

async function scenariosFor(dir: string, options: RunScenariosOptions): Promise<GenerateScenariosResult> {
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
      prices: options.prices,
      signal: options.signal,
      ...(options.difficultySamples
        ? { difficulty: { agent: options.model, samples: options.difficultySamples } }
        : {}),
      onProgress: (event) => {
        if (event.type === 'scenario-kept') kept++;
        else if (event.type === 'scenario-dropped') dropped++;
        else return;
        stage?.update({ done: kept, dropped });
      },
    });
    stage?.finish(
      `${result.report.kept} kept of ${result.report.candidates} candidates → ${result.paths.scenarios}`,
    );
    return result;
  } finally {
    env.dispose();
  }
}

export function registerScenariosCommand(program: Command): void {
  const command = program
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
    .option(scriptedOption.flags, scriptedOption.description)
    .option(
      '--keep-going',
      'skip an environment that fails to load or generate, list the skipped ones at the end and exit 1',
    )
    .option('--config <file>', 'config file (default ./envscaler.config.json)');
  addBackendOptions(command, { redisJobs: 'queue one job per environment' })
    .addHelpText(
      'after',
      '\nExamples:\n  $ envscaler scenarios --envs out/envs --out out --count 20 --concurrency 4\n  $ envscaler scenarios --envs out/envs --out out --count 20 --backend redis --redis redis://queue:6379',
    )
    .action(
      async (
        options: BackendFlags & {
          envs: string;
          out: string;
          count: number;
          concurrency?: number;
          solverAttempts: number;
          maxSteps: number;
          difficultySamples?: number;
          model?: string;
          scripted?: string;
          keepGoing?: boolean;
          config?: string;
        },
      ) => {
        assertScriptedInProcess(options);
        if (options.backend === 'redis') {
          // Workers (`envscaler worker`) resolve their own model; the coordinator only queues and waits.
          const progress = progressFromFlags(options);
          const concurrency = options.concurrency ?? 2;
          const lock = await acquireOutputLock({ dir: options.out, command: 'scenarios' });
          const interrupt = createInterruptSignal({
            onFirst: () =>
              progress.message('interrupted: queued jobs stay queued; re-run the same command to resume'),
          });
          try {
            const outcomes = await runScenarioJobs({
              backend: backendFromFlags(options, concurrency),
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
            lock.release();
          }
          return;
        }
        const model = await resolveChatModel({
          configPath: options.config,
          modelFlag: options.model,
          scriptedDir: options.scripted,
          scriptedCursor: scriptedCursorFile(options),
          // recorded responses: a re-run replays them, also for steps the stage cache has not finished
          cacheDir: join(options.out, '.cache', 'llm'),
        });
        const config = await loadConfig({ path: options.config });
        // Each call is priced at the price of the model it went to (scripted answers cost nothing).
        const prices = options.scripted ? undefined : config.prices;
        // scripted replies without `match` go in arrival order, so a scripted run defaults to one candidate at a time
        const concurrency =
          options.concurrency ?? (options.scripted ? 1 : (config.concurrency?.scenarios ?? 2));
        const progress = progressFromFlags(options);
        const lock = await acquireOutputLock({ dir: options.out, command: 'scenarios' });
        const interrupt = createInterruptSignal({
          onFirst: () =>
            progress.message(
              'interrupted: finishing in-flight candidates and saving; press Ctrl-C again to exit now',
            ),
        });
        try {
          const { model: _modelFlag, backend: _backend, redis: _redis, queue: _queue, ...rest } = options;
          const { results, skipped } = await runScenarios({
            ...rest,
            concurrency,
            model,
            prices,
            progress,
            signal: interrupt.signal,
          });
          for (const r of results) {
            process.stdout.write(
              `${r.report.envId}: ${r.report.kept}/${r.report.requested} scenarios (${r.report.candidates} candidates) → ${r.paths.scenarios}\n`,
            );
          }
          for (const s of skipped) process.stderr.write(`skipped ${s.dir}: ${s.reason}\n`);
          // the others' scenarios are written, but the run is incomplete: a script must notice
          if (skipped.length > 0) process.exitCode = 1;
        } finally {
          interrupt.dispose();
          lock.release();
        }
      },
    );
}
