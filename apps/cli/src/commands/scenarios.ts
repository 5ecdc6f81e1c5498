import { join } from 'node:path';
import { type Command } from 'commander';
import type { JobBackend } from '@envscaler/jobs';
import type { FinishedScenarioSet } from '@envscaler/scengen';
import { assertScriptedInProcess, resolveChatModel, scriptedCursorFile, scriptedOption } from '../model.js';
import { loadConfig } from '../config.js';
import { createInterruptSignal } from '../interrupt.js';
import { acquireOutputLock } from '../output-lock.js';
import { positiveInt } from '../inputs.js';
import {
  addBackendOptions,
  backendFromFlags,
  progressFromFlags,
  type BackendFlags,
} from '../backend-options.js';
import { createJobScenarioSets } from '../jobs/scenario-jobs.js';
import {
  runScenarioStage,
  scenarioResultLine,
  type ScenarioStageOptions,
  type SkippedEnvironment,
} from '../scenario-stage.js';

export type RunScenariosOptions = ScenarioStageOptions;
export type { SkippedEnvironment };

/**
 * Generates scenarios for every environment under `envs` (scengen's `generateScenarioSets`: in this
 * process with `model` unless `executor` says otherwise), one environment after another. An environment
 * that fails stops the run with an error naming its directory, or with `keepGoing` is skipped and listed.
 */
export function runScenarios(
  options: RunScenariosOptions,
): Promise<{ results: FinishedScenarioSet[]; skipped: SkippedEnvironment[] }> {
  return runScenarioStage(options);
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
        const redis = options.backend === 'redis';
        const progress = progressFromFlags(options);
        // Workers (`envscaler worker`) resolve their own model; a Redis coordinator only queues and waits.
        const model = redis
          ? undefined
          : await resolveChatModel({
              configPath: options.config,
              modelFlag: options.model,
              scriptedDir: options.scripted,
              scriptedCursor: scriptedCursorFile(options),
              // recorded responses: a re-run replays them, also for steps the stage cache has not finished
              cacheDir: join(options.out, '.cache', 'llm'),
            });
        const config = redis ? undefined : await loadConfig({ path: options.config });
        // Each call is priced at the price of the model it went to (scripted answers cost nothing).
        const prices = options.scripted ? undefined : config?.prices;
        // scripted replies without `match` go in arrival order, so a scripted run defaults to one candidate at a time
        const concurrency =
          options.concurrency ?? (options.scripted ? 1 : (config?.concurrency?.scenarios ?? 2));
        const lock = await acquireOutputLock({ dir: options.out, command: 'scenarios' });
        const interrupt = createInterruptSignal({
          onFirst: () =>
            progress.message(
              redis
                ? 'interrupted: queued jobs stay queued; re-run the same command to resume'
                : 'interrupted: finishing in-flight candidates and saving; press Ctrl-C again to exit now',
            ),
        });
        let backend: JobBackend | undefined;
        try {
          if (redis) backend = backendFromFlags(options, concurrency);
          const { results, skipped } = await runScenarioStage({
            envs: options.envs,
            out: options.out,
            count: options.count,
            concurrency,
            solverAttempts: options.solverAttempts,
            maxSteps: options.maxSteps,
            difficultySamples: options.difficultySamples,
            keepGoing: options.keepGoing,
            model,
            prices,
            executor: backend ? createJobScenarioSets({ backend, progress }) : undefined,
            progress,
            signal: interrupt.signal,
          });
          for (const r of results) process.stdout.write(`${scenarioResultLine(r)}\n`);
          for (const s of skipped) process.stderr.write(`skipped ${s.dir}: ${s.reason}\n`);
          // the others' scenarios are written, but the run is incomplete: a script must notice
          if (skipped.length > 0) process.exitCode = 1;
        } finally {
          interrupt.dispose();
          lock.release();
          await backend?.close();
        }
      },
    );
}
