import type { Command } from 'commander';
import { registerCheckCommand } from './check.js';
import { registerDemoCommand } from './demo.js';
import { registerInitCommand } from './init.js';
import { registerRolloutCommand } from './rollout.js';
import { registerEvalCommand } from './eval.js';
import { registerExportCommand } from './export.js';
import { registerScenariosCommand } from './scenarios.js';
import { registerServeCommand } from './serve.js';
import { registerViewCommand } from './view.js';
import { registerBuildCommand } from './build.js';
import { registerWorkerCommand } from './worker.js';
import { registerStatusCommand } from './status.js';
import { registerReplayCommand } from './replay.js';
import { registerBenchCommand } from './bench.js';

/**
 * Every subcommand lives in its own file under commands/ and registers itself here,
 * one line each, so the command list reads as a table of contents.
 */
export function registerCommands(program: Command): void {
  registerDemoCommand(program);
  registerInitCommand(program);
  registerRolloutCommand(program);
  registerEvalCommand(program);
  registerExportCommand(program);
  registerScenariosCommand(program);
  registerServeCommand(program);
  registerViewCommand(program);
  registerBuildCommand(program);
  registerWorkerCommand(program);
  registerStatusCommand(program);
  registerReplayCommand(program);
  registerCheckCommand(program);
  registerBenchCommand(program);
}
