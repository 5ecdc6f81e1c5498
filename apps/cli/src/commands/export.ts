import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EnvscalerError, parseTrajectory } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { exportRl, exportSft, jsonlRecords, type SftFormat } from '@envscaler/validate';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { loadEnvironmentsFrom, readScenarios } from '../inputs.js';
import { parseMode } from './rollout.js';

/** Writes records as JSON Lines, atomically and line by line (never the whole file as one string). */
async function writeJsonl(path: string, records: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  async function* lines() {
    for await (const record of records) yield `${JSON.stringify(record)}\n`;
  }
  await writeFileAtomic({ file: path, data: lines() });
}

export interface ExportSftCommandOptions {
  run: string;
  format: SftFormat;
  minReward: number;
  out: string;
  /** Environments, to attach tool definitions (openai, sharegpt). */
  envs?: string;
}

/**
 * Writes SFT records from `<run>/trajectories.jsonl`; returns how many were written of how many read.
 * Trajectories are converted as they are read: a run of tens of thousands never sits in memory.
 */
export async function runExportSftCommand(
  options: ExportSftCommandOptions,
): Promise<{ written: number; read: number }> {
  const path = join(options.run, 'trajectories.jsonl');
  const trajectories = jsonlRecords({ path, parse: parseTrajectory });
  const first = await trajectories.next();
  if (first.done) throw new EnvscalerError('NOT_FOUND', `no trajectories in ${path}`);
  const envs: LoadedEnvironment[] = options.envs ? await loadEnvironmentsFrom({ dir: options.envs }) : [];
  let read = 0;
  let written = 0;
  async function* records() {
    for (let next = first; !next.done; next = await trajectories.next()) {
      read++;
      const one = [next.value.record];
      for (const record of exportSft({ trajectories: one, format: options.format, minReward: options.minReward, envs })) {
        written++;
        yield record;
      }
    }
  }
  try {
    await writeJsonl(options.out, records());
    return { written, read };
  } finally {
    await trajectories.return({ droppedBytes: 0 });
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
