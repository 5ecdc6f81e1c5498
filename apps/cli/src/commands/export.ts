import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { exportRl, exportSft, toJsonl, type SftFormat } from '@envscaler/validate';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { readRunTrajectories } from './eval.js';
import { loadEnvironmentsFrom, readScenarios } from '../inputs.js';
import { parseMode } from './rollout.js';

async function writeJsonl(path: string, records: readonly unknown[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, toJsonl(records));
}

export interface ExportSftCommandOptions {
  run: string;
  format: SftFormat;
  minReward: number;
  out: string;
  /** Environments, to attach tool definitions (openai, sharegpt). */
  envs?: string;
}

/** Writes SFT records from `<run>/trajectories.jsonl`; returns how many were written of how many read. */
export async function runExportSftCommand(
  options: ExportSftCommandOptions,
): Promise<{ written: number; read: number }> {
  const trajectories = await readRunTrajectories({ run: options.run });
  const envs: LoadedEnvironment[] = options.envs ? await loadEnvironmentsFrom({ dir: options.envs }) : [];
  try {
    const records = exportSft({ trajectories, format: options.format, minReward: options.minReward, envs });
    await writeJsonl(options.out, records);
    return { written: records.length, read: trajectories.length };
  } finally {
    for (const env of envs) env.dispose();
  }
}

export interface ExportRlCommandOptions {
  scenarios: string;
  envs: string;
  out: string;
  mode: 'conversational' | 'non_conversational';
}

/** Writes one RL record (scenario + env reference + tools + opening prompt) per scenario. */
export async function runExportRlCommand(options: ExportRlCommandOptions): Promise<{ written: number }> {
  const scenarios = await readScenarios({ path: options.scenarios });
  const envs = await loadEnvironmentsFrom({ dir: options.envs });
  try {
    const records = exportRl({ scenarios, envs, mode: options.mode });
    await writeJsonl(options.out, records);
    return { written: records.length };
  } finally {
    for (const env of envs) env.dispose();
  }
}

function sftFormat(value: string): SftFormat {
  if (value !== 'openai' && value !== 'sharegpt' && value !== 'alpaca') {
    throw new InvalidArgumentError(
      "must be 'openai', 'sharegpt' or 'alpaca' (use `envscaler export rl` for RL data)",
    );
  }
  return value;
}

function reward(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('must be a number between 0 and 1');
  return n;
}

export function registerExportCommand(program: Command): void {
  const command = program
    .command('export')
    .description('export rollouts as fine-tuning data (sft) or scenarios for RL trainers (rl)');
  command
    .command('sft')
    .description('trajectories → OpenAI chat fine-tuning, ShareGPT or Alpaca JSONL (LlamaFactory layouts)')
    .requiredOption('--run <dir>', 'run directory holding trajectories.jsonl')
    .requiredOption('--out <file>', 'output .jsonl file')
    .option('--format <format>', 'openai | sharegpt | alpaca', sftFormat, 'openai')
    .option('--min-reward <x>', 'keep trajectories with reward score ≥ x', reward, 1)
    .option('--envs <dir>', 'environments, to include tool definitions (openai, sharegpt)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ envscaler export sft --run out/rollouts/run1 --envs out/envs --format openai --min-reward 1.0 --out sft.jsonl',
        '  $ envscaler export sft --run out/rollouts/run1 --envs out/envs --format sharegpt --out data/envscaler_sharegpt.json',
      ].join('\n'),
    )
    .action(async (flags: ExportSftCommandOptions) => {
      const { written, read } = await runExportSftCommand(flags);
      process.stdout.write(`${written} of ${read} trajectories → ${flags.out}\n`);
    });
  command
    .command('rl')
    .description(
      'scenarios → one JSON line each: scenario, env reference, tools and opening prompt (drive with createEpisode)',
    )
    .requiredOption('--scenarios <path>', 'scenarios .jsonl/.json file or directory')
    .requiredOption('--envs <dir>', 'the environments the scenarios use')
    .requiredOption('--out <file>', 'output .jsonl file')
    .option(
      '--mode <mode>',
      'conversational | non_conversational (decides whether the task is in the prompt)',
      parseMode,
      'non_conversational',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ envscaler export rl --scenarios out/scenarios --envs out/envs --out rl.jsonl',
    )
    .action(async (flags: ExportRlCommandOptions) => {
      const { written } = await runExportRlCommand(flags);
      process.stdout.write(`${written} scenarios → ${flags.out}\n`);
    });
}
