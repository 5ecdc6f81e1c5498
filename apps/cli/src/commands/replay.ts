import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { EnvscalerError, compileSchema, type ToolCallRequest } from '@envscaler/core';
import { loadEnvironment, replayCalls, type ReplayResult, type SandboxKind } from '@envscaler/runtime';

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

async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new EnvscalerError('NOT_FOUND', `${what} file not found: ${file}`);
    throw new EnvscalerError(
      'INVALID_INPUT',
      `cannot read ${what} file ${file}: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `${what} file ${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

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
  const calls = await readJsonFile(options.calls, 'calls');
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
      ? { initialState: await readJsonFile(options.initialState, 'initial state') }
      : { config: await readJsonFile(options.initConfig!, 'init config') };
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

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('Run a list of tool calls in one fresh session of an environment and print the final state.')
    .requiredOption('--env <dir>', 'environment directory (env.ts with env.json or meta.json)')
    .option('--initial-state <file>', 'JSON file with the initial state')
    .option('--init-config <file>', "JSON file with a config for the environment's fromConfig")
    .requiredOption('--calls <file>', 'JSON array of { "name": ..., "arguments": {...} }')
    .option('--out <file>', 'write the final state here instead of stdout')
    .option('--results <file>', "write every call's result (a JSON array) here")
    .option('--public', "write the class's publicState(state) (default for config-initialised environments)")
    .option('--full', 'write the full state even for config-initialised environments')
    .option('--sandbox <kind>', "'isolated-vm' (default) or 'none' for trusted code")
    .option('--timeout-ms <ms>', 'time limit per tool call (default 1000)', positiveNumber('--timeout-ms'))
    .option('--memory-mb <mb>', 'memory limit of the sandbox (default 512)', positiveNumber('--memory-mb'))
    .action(async (options: ReplayCommandOptions) => {
      if (options.sandbox !== undefined && options.sandbox !== 'isolated-vm' && options.sandbox !== 'none') {
        throw new EnvscalerError(
          'INVALID_INPUT',
          `--sandbox must be 'isolated-vm' or 'none', got '${options.sandbox}'`,
        );
      }
      const { result, output, calls } = await runReplay(options);
      const text = `${JSON.stringify(output, null, 2)}\n`;
      if (options.results) await writeFile(options.results, `${JSON.stringify(result.results, null, 2)}\n`);
      if (options.out) await writeFile(options.out, text);
      else process.stdout.write(text);
      const summary = replayFailureSummary({ calls, results: result.results });
      if (summary) process.stderr.write(`${summary}\n`);
    });
}
