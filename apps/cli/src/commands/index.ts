import type { Command } from 'commander';
import { registerInitCommand } from './init.js';
import { registerScenariosCommand } from './scenarios.js';
import { registerViewCommand } from './view.js';

/**
 * Every subcommand lives in its own file under commands/ and registers itself here,
 * one line each, so the command list reads as a table of contents.
 */
export function registerCommands(program: Command): void {
  registerInitCommand(program);
  registerScenariosCommand(program);
  registerViewCommand(program);
}
