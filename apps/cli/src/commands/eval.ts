import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { EnvscalerError, parseTrajectory, type RunSummary, type Trajectory } from '@envscaler/core';
import {
  formatSummaryTable,
  readJsonlTolerant,
  regrade,
  summarize,
  type RegradeReport,
} from '@envscaler/validate';
import { loadEnvironmentsFrom, readScenarios } from '../inputs.js';
import { acquireOutputLock } from '../output-lock.js';

/** Reads `<run>/trajectories.jsonl` (a torn last line is ignored, not repaired). */
export async function readRunTrajectories(options: { run: string }): Promise<Trajectory[]> {
  const path = join(options.run, 'trajectories.jsonl');
  const { records } = await readJsonlTolerant({ path, parse: parseTrajectory });
  if (records.length === 0) throw new EnvscalerError('NOT_FOUND', `no trajectories in ${path}`);
  return records;
}

export interface EvalCommandOptions {
  run: string;
  scenarios: string;
  envs: string;
}

export interface EvalCommandResult {
  summary: RunSummary;
  report: RegradeReport;
  /** The text printed: summary table, then mismatches. */
  text: string;
}

/**
 * Regrades a run without any model (replays every trajectory's tool calls), summarises the regraded
 * rewards and writes `<run>/eval.json` ({ summary, mismatches }).
 */
export async function runEvalCommand(options: EvalCommandOptions): Promise<EvalCommandResult> {
  const trajectories = await readRunTrajectories({ run: options.run });
  const scenarios = await readScenarios({ path: options.scenarios });
  const envs = await loadEnvironmentsFrom({ dir: options.envs });
  try {
    const report = await regrade({ trajectories, scenarios, envs });
    const summary = summarize({
      trajectories: report.regraded,
      scenarios,
      runId: basename(resolve(options.run)),
    });
    const lines = [formatSummaryTable(summary), ''];
    if (report.mismatches.length === 0)
      lines.push(`regrade: all ${report.entries.length} trajectories agree with their replay`);
    else {
      lines.push(
        `regrade: ${report.mismatches.length} of ${report.entries.length} trajectories disagree with their replay:`,
      );
      for (const m of report.mismatches) lines.push(`  ${m.trajectoryId}: ${m.problems.join('; ')}`);
    }
    const mismatches = report.mismatches.map(({ trajectoryId, scenarioId, trial, problems }) => ({
      trajectoryId,
      scenarioId,
      trial,
      problems,
    }));
    await writeFile(join(options.run, 'eval.json'), `${JSON.stringify({ summary, mismatches }, null, 2)}\n`);
    return { summary, report, text: lines.join('\n') };
  } finally {
    for (const env of envs) env.dispose();
  }
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'regrade a rollout run from its saved tool calls (no model), print pass^k/pass@k and write eval.json',
    )
    .requiredOption('--run <dir>', 'run directory holding trajectories.jsonl')
    .requiredOption('--scenarios <path>', 'the scenarios the run used (.jsonl/.json file or directory)')
    .requiredOption('--envs <dir>', 'the environments the run used')
    .option('--strict', 'exit with code 2 when a trajectory disagrees with its replay')
    .addHelpText(
      'after',
      '\nExample:\n  $ envscaler eval --run out/rollouts/run1 --scenarios out/scenarios --envs out/envs',
    )
    .action(async (flags: EvalCommandOptions & { strict?: boolean }) => {
      // eval.json goes into the run directory, so a rollout still writing it must not be regraded
      const lock = await acquireOutputLock({ dir: flags.run, command: 'eval', flag: '--run' });
      const result = await runEvalCommand(flags).finally(() => lock.release());
      process.stdout.write(`${result.text}\n`);
      if (flags.strict && result.report.mismatches.length > 0) {
        throw new EnvscalerError(
          'INVALID_ARTIFACT',
          `${result.report.mismatches.length} trajectories disagree with their replay`,
        );
      }
    });
}
