#!/usr/bin/env node
// Runs the built CLI when dist/ exists, otherwise the TypeScript source through tsx, so
// `pnpm envscaler` works straight after install. isolated-vm needs --no-node-snapshot on Node 20;
// when the flag is missing we start a child Node with it and forward signals to it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const built = `${here}../dist/main.js`;
const useSource = !existsSync(built) || process.env.ENVSCALER_FROM_SOURCE === '1';
const hasFlag = process.execArgv.includes('--no-node-snapshot');

if (!hasFlag || useSource) {
  const args = ['--no-node-snapshot'];
  if (useSource) args.push('--import', 'tsx', '--conditions=@envscaler/source', `${here}../src/main.ts`);
  else args.push(built);
  const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
} else {
  await import(built);
}
