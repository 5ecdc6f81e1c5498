import type { Command } from 'commander';
import { configFileName, writeConfigTemplate } from '../config.js';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(`write a commented ${configFileName} (endpoint, per-stage models, concurrency, thresholds)`)
    .option('--path <file>', 'where to write it', configFileName)
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', `\nExample:\n  $ envscaler init && $EDITOR ${configFileName}`)
    .action(async (options: { path: string; force?: boolean }) => {
      await writeConfigTemplate({ path: options.path, force: options.force });
      process.stdout.write(`wrote ${options.path}\n`);
    });
}
