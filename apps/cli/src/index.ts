import { Command, CommanderError } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import { registerCommands } from './commands/index.js';
import { exitCodeFor, formatError } from './errors.js';

/** Builds the full command tree (used by `main.ts` and by the generated CLI reference). */
export function createProgram(): Command {
  const program = new Command('envscaler')
    .description('Synthesise executable tool environments and training scenarios for LLM agents.')
    .version('0.1.0')
    .option('--verbose', 'print stack traces of unexpected errors')
    .exitOverride()
    .showHelpAfterError('(add --help for usage and examples)')
    .configureOutput({ outputError: (text, write) => write(text) });
  registerCommands(program);
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 bug, 2 user mistake, 3 model or service failure.
 * Errors are printed as one clear line; stacks only with --verbose.
 */
export async function runCli(options: { argv: string[] }): Promise<number> {
  const program = createProgram();
  const verbose = options.argv.includes('--verbose');
  try {
    await program.parseAsync(options.argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`${formatError(error, { verbose })}\n`);
    return exitCodeFor(error);
  }
}

export { exitCodeFor, formatError, EnvscalerError };
