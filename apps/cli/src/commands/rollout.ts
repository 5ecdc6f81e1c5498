import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { ChatModel, PriceTable } from '@envscaler/core';
import type { RolloutResult } from '@envscaler/validate';
import { addBackendOptions, backendFromFlags, progressFromFlags, type BackendFlags } from '../backend-options.js';
import { createInterruptSignal } from '../interrupt.js';
import { acquireOutputLock } from '../output-lock.js';
import { loadEnvironmentsFrom, positiveInt, readScenarios } from '../inputs.js';
import { loadConfig } from '../config.js';
import { assertScriptedInProcess, resolveChatModel, scriptedCursorFile, scriptedOption } from '../model.js';
import type { ProgressReporter } from '../progress.js';
import { runRolloutStage } from '../rollout-stage.js';
import { runRolloutJobs } from '../jobs/rollout-jobs.js';

export interface RolloutCommandOptions {
  envs: string;
  scenarios: string;
  trials: number;
  concurrency: number;
  out: string;
  mode: 'conversational' | 'non_conversational';
  maxSteps?: number;
  maxTokens?: number;
  /** The agent model (stage 'agent'); the user simulator uses `user`, or this model (stage 'user-simulator'). */
  agent: ChatModel;
  user?: ChatModel;
  progress?: ProgressReporter;
  signal?: AbortSignal;
  /** USD per million tokens by model name (the config's `prices`): each call at its own model's price. */
  modelPrices?: PriceTable;
}

/** `envscaler rollout` without the flag parsing: loads envs and scenarios, runs, disposes. */
export async function runRolloutCommand(options: RolloutCommandOptions): Promise<RolloutResult> {
  const scenarios = await readScenarios({ path: options.scenarios });
  const envs = await loadEnvironmentsFrom({ dir: options.envs });
  try {
    return await runRolloutStage({
      envs,
      scenarios,
      agent: options.agent,
      user: options.mode === 'conversational' ? (options.user ?? options.agent) : undefined,
      trials: options.trials,
      concurrency: options.concurrency,
      out: options.out,
      mode: options.mode,
      maxSteps: options.maxSteps,
      maxTokens: options.maxTokens,
      modelPrices: options.modelPrices,
      signal: options.signal,
      progress: options.progress,
    });
  } finally {
    for (const env of envs) env.dispose();
  }
}

/** Commander parser for `--mode`. */
export function parseMode(value: string): 'conversational' | 'non_conversational' {
  if (value !== 'conversational' && value !== 'non_conversational') {
    throw new InvalidArgumentError("must be 'conversational' or 'non_conversational'");
  }
  return value;
}

export function registerRolloutCommand(program: Command): void {
  const command = program
    .command('rollout')
    .description(
      'run an agent on scenarios × trials in the sandboxed environments; write trajectories.jsonl and summary.json (resumable)',
    )
    .requiredOption(
      '--envs <dir>',
      'an environment directory (env.ts + env.json/meta.json), or a directory of them',
    )
    .requiredOption('--scenarios <path>', 'a scenarios .jsonl/.json file or a directory of .jsonl files')
    .requiredOption(
      '--out <dir>',
      'run directory: trajectories.jsonl (appended as episodes finish) and summary.json',
    )
    .option('--trials <k>', 'trials per scenario (for pass^k)', positiveInt, 1)
    .option(
      '--concurrency <n>',
      'episodes run at once (default: concurrency.rollouts in the config, else 8)',
      positiveInt,
    )
    .option(
      '--mode <mode>',
      'conversational (simulated user) or non_conversational (task as first message)',
      parseMode,
      'non_conversational',
    )
    .option('--max-steps <n>', 'agent turns per episode before truncation', positiveInt, 30)
    .option('--max-tokens <n>', 'tokens per episode (agent + user) before truncation', positiveInt)
    .option(scriptedOption.flags, scriptedOption.description)
    .option('--config <file>', 'config file (default ./envscaler.config.json)');
  addBackendOptions(command, { redisJobs: 'queue one job per episode' })
    .addHelpText(
      'after',
      [
        '',
        'The agent uses stage "agent" and the user simulator stage "user-simulator" (per-stage models in the config).',
        'Re-running the same command resumes: finished (scenario, trial) pairs are not run again.',
        '',
        'Examples:',
        '  $ envscaler rollout --envs out/envs --scenarios out/scenarios --trials 4 --concurrency 16 --out out/rollouts/run1',
        '  $ envscaler rollout --envs envs/tau2-retail --scenarios tau2.jsonl --mode conversational --out runs/tau2',
      ].join('\n'),
    )
    .action(
      async (
        flags: BackendFlags & {
          envs: string;
          scenarios: string;
          out: string;
          trials: number;
          concurrency?: number;
          mode: 'conversational' | 'non_conversational';
          maxSteps: number;
          maxTokens?: number;
          scripted?: string;
          config?: string;
        },
      ) => {
        assertScriptedInProcess(flags);
        const model = await resolveChatModel({
          configPath: flags.config,
          scriptedDir: flags.scripted,
          scriptedCursor: scriptedCursorFile(flags),
        });
        const config = await loadConfig({ path: flags.config });
        // Each call (agent and user simulator) is priced at the price of the model it went to.
        const modelPrices = flags.scripted ? undefined : config.prices;
        // scripted replies without `match` go in arrival order, so a scripted run defaults to one episode at a time
        const concurrency = flags.concurrency ?? (flags.scripted ? 1 : (config.concurrency?.rollouts ?? 8));
        const progress = progressFromFlags(flags);
        const lock = await acquireOutputLock({ dir: flags.out, command: 'rollout' });
        const interrupt = createInterruptSignal({
          onFirst: () =>
            progress.message('interrupted: saving finished episodes; re-run the same command to resume'),
        });
        try {
          const result =
            flags.backend === 'redis'
              ? await runRolloutJobs({
                  ...flags,
                  backend: backendFromFlags(flags, concurrency),
                  modelPrices,
                  progress,
                  signal: interrupt.signal,
                })
              : await runRolloutCommand({
                  ...flags,
                  concurrency,
                  modelPrices,
                  agent: model,
                  user: model,
                  progress,
                  signal: interrupt.signal,
                });
          const s = result.summary;
          const hat = s.passHatK.map((r) => `pass^${r.k}=${r.value.toFixed(3)}`).join(' ');
          process.stdout.write(
            `${s.episodes} episodes, mean reward ${s.meanReward.toFixed(3)}, success ${(s.successRate * 100).toFixed(1)}% ${hat} → ${join(flags.out, 'summary.json')}\n`,
          );
        } finally {
          interrupt.dispose();
          lock.release();
        }
      },
    );
}
