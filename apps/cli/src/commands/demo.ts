import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createInterruptSignal } from '../interrupt.js';
import { acquireOutputLock } from '../output-lock.js';
import { endpointConfigured, resolveModelSetup } from '../model.js';
import { chooseProgressMode, createProgressReporter } from '../progress.js';
import { formatDemoTable, runDemo, writeDemoSummary } from '../demo/run-demo.js';

/**
 * The demo corpus and its recorded scripted answers ship inside the CLI package, in `demo/` at its root;
 * found by walking up from this module, which sits at a different depth in src/ and in the bundled dist/.
 */
function findDemoDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'demo', 'tasks.jsonl'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the bundled demo/ directory of @envscaler/cli is missing');
    dir = parent;
  }
  return `${join(dir, 'demo')}/`;
}

export const demoDir = findDemoDir();

interface DemoFlags {
  out: string;
  json?: boolean;
  quiet?: boolean;
  scripted?: boolean;
  config?: string;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'run the whole pipeline on a small bundled corpus: build environments, scenarios, rollouts, rewards',
    )
    .option('--out <dir>', 'where to write the artifacts', '.envscaler-out/demo')
    .option('--scripted', 'use the bundled scripted answers even when a model endpoint is configured')
    .option('--config <file>', 'config file (default ./envscaler.config.json)')
    .option('--json', 'progress as JSON lines on stderr')
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      `\nExamples:\n  $ envscaler demo                                   # offline, scripted answers\n  $ OPENAI_BASE_URL=http://localhost:8000/v1 ENVSCALER_MODEL=qwen3 envscaler demo --out runs/demo`,
    )
    .action(async (flags: DemoFlags) => {
      const progress = createProgressReporter({
        mode: chooseProgressMode({ json: flags.json, quiet: flags.quiet, isTTY: process.stderr.isTTY }),
      });
      const out = resolve(flags.out);
      const scripted = flags.scripted || !endpointConfigured();
      const setup = await resolveModelSetup({
        configPath: flags.config,
        ...(scripted ? { scriptedDir: `${demoDir}cassette` } : { cacheDir: `${out}/.cache/llm` }),
      });
      progress.message(
        scripted
          ? 'envscaler demo: no model endpoint configured (OPENAI_BASE_URL / OPENAI_API_KEY), so every model answer is SCRIPTED:\n' +
              `  replayed from the bundled demo cassette ${demoDir}cassette. Set OPENAI_BASE_URL and ENVSCALER_MODEL to use a real model.`
          : `envscaler demo: calling ${setup.description}`,
      );
      const lock = await acquireOutputLock({ dir: out, command: 'demo' });
      const interrupt = createInterruptSignal({
        onFirst: () => progress.message('stopping after the current step; re-run to resume'),
      });
      try {
        const result = await runDemo({
          tasksPath: `${demoDir}tasks.jsonl`,
          out,
          model: setup.model,
          concurrency: scripted ? 1 : 4,
          progress,
          signal: interrupt.signal,
        });
        const table = formatDemoTable({ result, out, scripted });
        await writeDemoSummary({ out, table });
        process.stdout.write(`\nenvscaler demo${scripted ? ' (SCRIPTED responses)' : ''}\n${table}\n`);
      } finally {
        interrupt.dispose();
        lock.release();
      }
    });
}
