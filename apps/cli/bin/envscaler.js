#!/usr/bin/env node
// In a source checkout (src/ present) runs the TypeScript source through tsx, so `pnpm envscaler` works
// straight after install and never runs a stale build; a published install (dist/ only), or
// ENVSCALER_USE_DIST=1, runs the built files. isolated-vm needs --no-node-snapshot on Node 20;
// when the flag is missing we start a child Node with it and forward signals to it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const built = `${here}../dist/main.js`;
const source = `${here}../src/main.ts`;
const useSource = existsSync(source) && (process.env.ENVSCALER_USE_DIST !== '1' || !existsSync(built));
const hasFlag = process.execArgv.includes('--no-node-snapshot');

if (!hasFlag || useSource) {
  const args = ['--no-node-snapshot'];
  if (useSource) args.push('--import', import.meta.resolve('tsx'), '--conditions=@envscaler/source', source);
  else args.push(built);
  const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
} else {
  await import(built);
}
