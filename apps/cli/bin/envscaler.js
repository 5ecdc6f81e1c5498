#!/usr/bin/env node
// In a source checkout (src/ present) runs the TypeScript source through tsx, so `pnpm envscaler` works
// straight after install and never runs a stale build; a published install (dist/ only), or
// ENVSCALER_USE_DIST=1, runs the built files.
//
// The work runs in THIS process whenever it can, so `kill -9 <pid>` stops it: isolated-vm needs
// --no-node-snapshot on Node 20, and when node was started with it (`pnpm envscaler`, `node
// --no-node-snapshot bin/envscaler.js`, NODE_OPTIONS=--no-node-snapshot) tsx and the source condition are
// registered in-process. Only without the flag (a plain `#!/usr/bin/env node` launch) is a child Node
// started with it; that child is tied to this process by an IPC channel and exits as soon as the channel
// closes, i.e. when this process dies, even by SIGKILL. Signals are forwarded, the exit code or signal
// is passed on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const built = `${here}../dist/main.js`;
const source = `${here}../src/main.ts`;
const useSource = existsSync(source) && (process.env.ENVSCALER_USE_DIST !== '1' || !existsSync(built));
const hasFlag =
  process.execArgv.includes('--no-node-snapshot') ||
  (process.env.NODE_OPTIONS ?? '').split(/\s+/).includes('--no-node-snapshot');
const PARENT_ENV = 'ENVSCALER_LAUNCHER_PID';

if (hasFlag) {
  if (process.env[PARENT_ENV] && process.channel) exitWithParent();
  if (useSource) {
    // What `--import tsx --conditions=@envscaler/source` would do, without a second process. The condition
    // hook is registered first, so it runs after tsx's resolver and before Node's own.
    register(
      `data:text/javascript,${encodeURIComponent(
        "export async function resolve(specifier, context, next) { const conditions = context.conditions ?? []; return next(specifier, conditions.includes('@envscaler/source') ? context : { ...context, conditions: [...conditions, '@envscaler/source'] }); }",
      )}`,
    );
    await import(import.meta.resolve('tsx'));
    await import(pathToFileURL(source).href);
  } else {
    await import(pathToFileURL(built).href);
  }
} else {
  relaunchWithFlag();
}

/** Starts this script again under `node --no-node-snapshot` and mirrors the child's fate. */
function relaunchWithFlag() {
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [PARENT_ENV]: String(process.pid) },
    },
  );
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`envscaler: could not start node: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Died of a signal: die of the same one (default action), so callers see what the child saw.
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
    try {
      process.kill(process.pid, signal);
    } catch {
      // not a signal this platform can raise
    }
    process.exit(signal === 'SIGINT' ? 130 : 1);
  });
}

/** In the relaunched child: stop when the launcher is gone (its IPC channel closes, even on kill -9). */
function exitWithParent() {
  process.on('disconnect', () => {
    process.stderr.write('envscaler: the launching process died; stopping\n');
    process.exit(129);
  });
  // The channel must not keep this process alive once the command is done.
  process.channel.unref();
}
