// What every `envscaler bench …` subcommand shares: option parsers, model setup, output lock + progress +
// Ctrl-C handling around a run.
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import type { SandboxKind } from '@envscaler/runtime';
import { createInterruptSignal } from '../interrupt.js';
import { resolveModelSetup, scriptedCursorFile, type ModelSetup } from '../model.js';
import { acquireOutputLock, type AcquireOutputLockOptions } from '../output-lock.js';
import { chooseProgressMode, createProgressReporter, type ProgressReporter } from '../progress.js';

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number ≥ 0');
  return n;
}

export function sandboxKind(value: string): SandboxKind {
  if (value !== 'isolated-vm' && value !== 'none')
    throw new InvalidArgumentError("must be 'isolated-vm' or 'none'");
  return value;
}

/** A model name as a folder name. */
export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'model';
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The closing lines of an episode benchmark's report: how episodes ended, and how many failed to run. */
export function episodeEndLines(summary: { terminations: Record<string, number>; errors: number }): string[] {
  const lines: string[] = [];
  const terms = Object.entries(summary.terminations)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  if (terms) lines.push(`  terminations: ${terms}`);
  if (summary.errors > 0)
    lines.push(
      `  ${summary.errors} episodes failed to run (model errors); re-run the same command to retry them`,
    );
  return lines;
}

/**
 * The models of a benchmark run: `--model` for the agent (stage 'agent') and `--user-model` for the
 * simulated user (stage 'user-simulator'), over flags > environment > config file like every command.
 * A flag wins over a per-stage model in the environment or config.
 */
export async function resolveBenchModels(options: {
  model?: string;
  userModel?: string;
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  /** `--scripted <dir>`: answer from a hand-written cassette; its cursor lives under `out`. */
  scripted?: string;
  out?: string;
}): Promise<ModelSetup> {
  const env = { ...(options.env ?? process.env) };
  if (options.model) env.ENVSCALER_MODEL_AGENT = options.model;
  if (options.userModel ?? options.model)
    env.ENVSCALER_MODEL_USER_SIMULATOR = options.userModel ?? options.model;
  return resolveModelSetup({
    configPath: options.configPath,
    env,
    modelFlag: options.model,
    ...(options.scripted
      ? {
          scriptedDir: resolve(options.scripted),
          ...(options.out ? { scriptedCursor: scriptedCursorFile({ out: options.out }) } : {}),
        }
      : {}),
  });
}

/** Holds the output folder's lock, shows progress and turns the first Ctrl-C into a clean stop. */
export async function withProgressAndInterrupt<T>(
  flags: { json?: boolean; quiet?: boolean },
  lock: AcquireOutputLockOptions,
  run: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const held = await acquireOutputLock(lock);
  const progress = createProgressReporter({
    mode: chooseProgressMode({ json: flags.json, quiet: flags.quiet, isTTY: process.stderr.isTTY }),
  });
  const interrupt = createInterruptSignal({
    onFirst: () => progress.message('interrupted: finished work is saved; re-run the same command to resume'),
  });
  try {
    const result = await run(progress, interrupt.signal);
    if (interrupt.signal.aborted)
      throw interrupt.signal.reason instanceof Error
        ? interrupt.signal.reason
        : new EnvscalerError('ABORTED', 'interrupted');
    return result;
  } finally {
    interrupt.dispose();
    held.release();
  }
}
