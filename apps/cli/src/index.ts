import { Command, CommanderError } from 'commander';

/** Builds the command tree; later commands register themselves here. */
export function createProgram(): Command {
  const program = new Command('envscaler')
    .description('Synthesise executable tool environments and training scenarios for LLM agents.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 bug, 2 user mistake, 3 model/service failure). */
export async function runCli(options: { argv: string[] }): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(options.argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
