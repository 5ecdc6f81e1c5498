import type { Command } from 'commander';
import { configFileName, configSchemaReference, writeConfigTemplate } from '../config.js';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(`write a commented ${configFileName} (endpoint, per-stage models, concurrency, thresholds)`)
    .option('--path <file>', 'where to write it', configFileName)
    .option('--force', 'overwrite an existing file')
    .addHelpText(
      'after',
      [
        '',
        `The file names its JSON Schema ("$schema": "${configSchemaReference}"),`,
        'so editors complete and check keys once @envscaler/cli is installed in the project. Every command',
        'checks the file against that schema before it starts: an unknown key or a bad value is exit code 2.',
        '',
        'Example:',
        `  $ envscaler init && $EDITOR ${configFileName}`,
      ].join('\n'),
    )
    .action(async (options: { path: string; force?: boolean }) => {
      await writeConfigTemplate({ path: options.path, force: options.force });
      process.stdout.write(`wrote ${options.path}\n`);
    });
}
