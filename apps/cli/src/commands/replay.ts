import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { EnvscalerError, compileSchema, type ToolCallRequest } from '@envscaler/core';
import { loadEnvironment, replayCalls, type ReplayResult, type SandboxKind } from '@envscaler/runtime';
import { chooseProgressMode, createProgressReporter } from '../progress.js';
import { exitCodeFor } from '../errors.js';
import { runReplayBatch } from './replay-batch.js';
import { readJsonFile } from '../inputs.js';

export interface ReplayCommandOptions {
  env: string;
  initialState?: string;
  initConfig?: string;
  calls: string;
  out?: string;
  results?: string;
  /** Write the class's publicState instead of the full state. */
  public?: boolean;
  /** Write the full state even for a config-initialised environment. */
  full?: boolean;
  sandbox?: SandboxKind;
  timeoutMs?: number;
  memoryMb?: number;
}

const validateCalls = compileSchema({
  type: 'array',
  items: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', minLength: 1 }, arguments: { type: 'object' } },
  },
});

/**
 * Runs a JSON array of tool calls in one fresh session of an environment directory. What is written:
 * the full final state, except for config-initialised environments (e.g. BFCL) where the public state
 * is the default (it is what such environments are compared on); `--public` / `--full` choose explicitly.
 */
export async function runReplay(
  options: ReplayCommandOptions,
): Promise<{ result: ReplayResult; output: unknown; calls: ToolCallRequest[] }> {
  if ((options.initialState === undefined) === (options.initConfig === undefined)) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      'replay needs exactly one of --initial-state <file> and --init-config <file>',
    );
  }
  if (options.public && options.full)
    throw new EnvscalerError('INVALID_INPUT', '--public and --full exclude each other');
  const calls = await readJsonFile({ file: options.calls, what: 'calls' });
  const issues = validateCalls(calls);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new EnvscalerError(
      'INVALID_INPUT',
      `calls file ${options.calls} must be a JSON array of { "name", "arguments" }: ${first.path} ${first.message}`,
    );
  }
  const init =
    options.initialState !== undefined
      ? { initialState: await readJsonFile({ file: options.initialState, what: 'initial state' }) }
      : { config: await readJsonFile({ file: options.initConfig!, what: 'init config' }) };
  const env = await loadEnvironment({
    dir: path.resolve(options.env),
    sandbox: options.sandbox,
    limits: { callTimeoutMs: options.timeoutMs, memoryMb: options.memoryMb },
  });
  try {
    const result = await replayCalls({ env, calls: calls as ToolCallRequest[], ...init });
    const usePublic =
      options.public || (!options.full && env.initialization === 'config' && 'config' in init);
    return {
      result,
      output: usePublic ? result.publicState : result.finalState,
      calls: calls as ToolCallRequest[],
    };
  } finally {
    env.dispose();
  }
}

/**
 * One line about failed calls for stderr (tool failures never stop a replay, so they would otherwise go
 * unnoticed), or undefined when every call succeeded.
 */
export function replayFailureSummary(options: {
  calls: readonly ToolCallRequest[];
  results: ReplayResult['results'];
}): string | undefined {
  const failed = options.results.flatMap((r, i) => (r.ok ? [] : [{ i, error: r.error }]));
  if (failed.length === 0) return undefined;
  const { i, error } = failed[0]!;
  const first = `#${i + 1} ${options.calls[i]?.name}: ${error.code} ${error.message}`.replace(/\s+/g, ' ');
  const shown = first.length > 200 ? `${first.slice(0, 200)}…` : first;
  return `replay: ${options.results.length} calls, ${failed.length} failed (first: ${shown})`;
}

function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new EnvscalerError('INVALID_INPUT', `${flag} must be a positive number, got '${value}'`);
    return n;
  };
}

/** The flags of `replay`: one replay (--env, --calls, ...) or a batch (--batch, each line its own). */
type ReplayFlags = Partial<ReplayCommandOptions> & { batch?: string; quiet?: boolean; state?: boolean };

const SINGLE_ONLY = ['env', 'initialState', 'initConfig', 'calls', 'results'] as const;
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

async function runBatchAction(flags: ReplayFlags & { batch: string }): Promise<void> {
  const mixed = SINGLE_ONLY.filter((key) => flags[key] !== undefined).map(flagName);
  if (mixed.length > 0) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `--batch takes the environment, initial state and calls from each line; drop ${mixed.join(', ')}`,
    );
  }
  const progress = createProgressReporter({
    mode: chooseProgressMode({ quiet: flags.quiet, isTTY: process.stderr.isTTY }),
    plainIntervalMs: 1000,
  });
  const stage = progress.stage('replay --batch');
  const summary = await runReplayBatch({
    batch: flags.batch,
    out: flags.out,
    public: flags.public,
    full: flags.full,
    omitState: flags.state === false,
    sandbox: flags.sandbox,
    timeoutMs: flags.timeoutMs,
    memoryMb: flags.memoryMb,
    onProgress: ({ done, total, failed }) => stage.update({ done, total, failed }),
  });
  stage.finish(summary.failedCalls > 0 ? `${summary.failedCalls} tool calls failed` : undefined);
  if (summary.failed.length > 0) {
    const lines = summary.failed.map((f) => f.line);
    const listed = lines.length > 10 ? `${lines.slice(0, 10).join(', ')}, ...` : lines.join(', ');
    const first = summary.failed[0]!.message.replace(/\s+/g, ' ');
    // a line that failed for another reason than its input (the sandbox, a bug) sets the exit code
    const other = summary.failed.find((f) => exitCodeFor(new EnvscalerError(f.code, f.message)) !== 2);
    throw new EnvscalerError(
      other?.code ?? 'INVALID_INPUT',
      `replay --batch: ${lines.length} of ${summary.lines} lines failed (line${lines.length > 1 ? 's' : ''} ${listed}; ` +
        `first: ${first.length > 200 ? `${first.slice(0, 200)}…` : first}); every other line was replayed`,
    );
  }
}

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description(
      'Run a list of tool calls in one fresh session of an environment and print the final state; ' +
        'with --batch, run many replays from a JSON Lines file in one process.',
    )
    .option(
      '--env <dir>',
      'environment directory (env.ts with env.json or meta.json); required without --batch',
    )
    .option('--initial-state <file>', 'JSON file with the initial state')
    .option('--init-config <file>', "JSON file with a config for the environment's fromConfig")
    .option('--calls <file>', 'JSON array of { "name": ..., "arguments": {...} }; required without --batch')
    .option(
      '--batch <file.jsonl>',
      'run one replay per line, each { id?, env, one of initialState / initialStateFile / config / configFile, calls or turns, digest? }, and write one JSON line per replay (docs/benchmarks.md, "Batch replay")',
    )
    .option('--out <file>', 'write the final state (with --batch: the output lines) here instead of stdout')
    .option('--results <file>', "write every call's result (a JSON array) here")
    .option('--public', "write the class's publicState(state) (default for config-initialised environments)")
    .option('--full', 'write the full state even for config-initialised environments')
    .option('--sandbox <kind>', "'isolated-vm' (default) or 'none' for trusted code")
    .option('--timeout-ms <ms>', 'time limit per tool call (default 1000)', positiveNumber('--timeout-ms'))
    .option('--memory-mb <mb>', 'memory limit of the sandbox (default 512)', positiveNumber('--memory-mb'))
    .option(
      '--no-state',
      'with --batch: leave the final state out of the output lines (results and digests stay)',
    )
    .option('--quiet', 'with --batch: no progress output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ envscaler replay --env out/envs/library --initial-state state.json --calls calls.json\n' +
        '  $ envscaler replay --batch conformance.jsonl --out results.jsonl --no-state',
    )
    .action(async (flags: ReplayFlags) => {
      if (flags.sandbox !== undefined && flags.sandbox !== 'isolated-vm' && flags.sandbox !== 'none') {
        throw new EnvscalerError(
          'INVALID_INPUT',
          `--sandbox must be 'isolated-vm' or 'none', got '${flags.sandbox}'`,
        );
      }
      if (flags.batch !== undefined) return runBatchAction({ ...flags, batch: flags.batch });
      if (flags.env === undefined || flags.calls === undefined) {
        throw new EnvscalerError(
          'INVALID_INPUT',
          'replay needs --env <dir> and --calls <file> (or --batch <file.jsonl> for many replays)',
        );
      }
      const batchOnly = [flags.state === false && '--no-state', flags.quiet && '--quiet'].filter(Boolean);
      if (batchOnly.length > 0)
        throw new EnvscalerError('INVALID_INPUT', `${batchOnly.join(' and ')} only apply with --batch`);
      const options: ReplayCommandOptions = { ...flags, env: flags.env, calls: flags.calls };
      const { result, output, calls } = await runReplay(options);
      const text = `${JSON.stringify(output, null, 2)}\n`;
      if (options.results) await writeFile(options.results, `${JSON.stringify(result.results, null, 2)}\n`);
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
      const summary = replayFailureSummary({ calls, results: result.results });
      if (summary) process.stderr.write(`${summary}\n`);
    });
}
