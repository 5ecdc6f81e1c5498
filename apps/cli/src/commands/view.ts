import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { EnvscalerError } from '@envscaler/core';

/** The part of the viewer's server this command uses. */
export interface ViewerServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Imported on first use so commands that never open the viewer do not load it.
const loadViewer = () => import('@envscaler/viewer/server');

export const defaultViewPort = 4780;

export interface StartViewOptions {
  outDir: string;
  /** undefined: try the default port, then any free port; a number: exactly that port (0 = any). */
  port?: number;
  host?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new EnvscalerError('INVALID_INPUT', `--port must be an integer from 0 to 65535, got '${value}'`);
  }
  return port;
}

/** Checks the out dir and the viewer build, then starts the viewer server on loopback. */
export async function startView(options: StartViewOptions): Promise<ViewerServer> {
  const outDir = path.resolve(options.outDir);
  const isDir = await stat(outDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new EnvscalerError('NOT_FOUND', `out dir ${outDir} does not exist or is not a directory`);
  const { startViewerServer, viewerDistDir } = await loadViewer();
  if (!existsSync(path.join(viewerDistDir, 'index.html'))) {
    throw new EnvscalerError(
      'NOT_FOUND',
      `the viewer is not built (${viewerDistDir} has no index.html); run \`pnpm --filter @envscaler/viewer build\``,
    );
  }
  const host = options.host ?? '127.0.0.1';
  try {
    return await startViewerServer({ outDir, host, port: options.port ?? defaultViewPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (options.port !== undefined) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `port ${options.port} is in use; pick another with --port (0 = any free port)`,
      );
    }
    return startViewerServer({ outDir, host, port: 0 });
  }
}

/** Opens a URL in the desktop's browser; failures are ignored (the URL is printed anyway). */
export function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener on this machine
  }
}

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerViewCommand(program: Command): void {
  program
    .command('view')
    .description('browse a run in the browser: environments, scenarios, trajectories and the run summary')
    .argument('<out-dir>', 'the out dir of a run (envs/, scenarios/, rollouts/, report.json)')
    .option('--port <n>', `port to listen on (default ${defaultViewPort}, or any free port if that is taken)`)
    .option(
      '--host <host>',
      'address to bind; keep the default unless you mean to share the artifacts',
      '127.0.0.1',
    )
    .option('--open', 'open the viewer in the default browser')
    .addHelpText('after', '\nExample:\n  $ envscaler view .envscaler-out --open')
    .action(async (outDir: string, options: { port?: string; host: string; open?: boolean }) => {
      const server = await startView({
        outDir,
        host: options.host,
        ...(options.port === undefined ? {} : { port: parsePort(options.port) }),
      });
      process.stdout.write(
        `envscaler viewer on ${server.url} for ${path.resolve(outDir)} (Ctrl-C to stop)\n`,
      );
      if (options.open) openInBrowser(server.url);
      await waitForStop();
      await server.close();
    });
}
