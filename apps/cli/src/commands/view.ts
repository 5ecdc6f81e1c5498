import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Command } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import { isLoopbackAddress, sameToken, tokenMatches } from '../serve/http-util.js';

/** The part of the viewer's server this command uses. */
export interface ViewerServer {
  /** With `?token=…` when a token is required. */
  url: string;
  port: number;
  /** The token a non-loopback bind requires (absent on loopback). */
  token?: string;
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
  /** Required from clients on a non-loopback host (generated when absent); ignored on loopback. */
  token?: string;
}

const tokenCookie = 'envscaler_view_token';

/**
 * The check a non-loopback viewer runs on every request, the same bearer token `envscaler serve` takes.
 * A browser opens the printed `?token=` URL; the cookie set then carries it on the SPA's own requests.
 */
export function viewerTokenCheck(token: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const query = new URL(req.url ?? '/', 'http://viewer.invalid').searchParams.get('token');
    if (query !== null && sameToken(token, query)) {
      res.setHeader(
        'set-cookie',
        `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
      return true;
    }
    const cookie = (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(`${tokenCookie}=`));
    const fromCookie = cookie === undefined ? undefined : safeDecode(cookie.slice(tokenCookie.length + 1));
    return tokenMatches(token, req.headers.authorization) || sameToken(token, fromCookie);
  };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new EnvscalerError('INVALID_INPUT', `--port must be an integer from 0 to 65535, got '${value}'`);
  }
  return port;
}

/**
 * Checks the out dir and the viewer build, then starts the viewer server (on loopback by default; on any
 * other host every request must carry the token, and the returned URL has it).
 */
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
  // Like `envscaler serve`: off loopback, every artifact would be readable by anyone who can reach the port.
  const token = isLoopbackAddress(host) ? undefined : options.token || randomBytes(18).toString('base64url');
  const start = (port: number) =>
    startViewerServer({ outDir, host, port, ...(token ? { authorize: viewerTokenCheck(token) } : {}) });
  let server: ViewerServer;
  try {
    server = await start(options.port ?? defaultViewPort);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (options.port !== undefined) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `port ${options.port} is in use; pick another with --port (0 = any free port)`,
      );
    }
    server = await start(0);
  }
  if (!token) return server;
  return {
    url: `${server.url}?token=${encodeURIComponent(token)}`,
    port: server.port,
    token,
    close: () => server.close(),
  };
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

interface ViewFlags {
  port?: string;
  host: string;
  token?: string;
  open?: boolean;
}

export function registerViewCommand(program: Command): void {
  program
    .command('view')
    .description('browse a run in the browser: environments, scenarios, trajectories and the run summary')
    .argument('<out-dir>', 'the out dir of a run (envs/, scenarios/, rollouts/, report.json)')
    .option('--port <n>', `port to listen on (default ${defaultViewPort}, or any free port if that is taken)`)
    .option(
      '--host <host>',
      'address to bind; keep the default unless you mean to share the artifacts (non-loopback needs a token)',
      '127.0.0.1',
    )
    .option('--token <token>', 'token clients must present on a non-loopback --host (default: a random one)')
    .option('--open', 'open the viewer in the default browser')
    .addHelpText('after', '\nExample:\n  $ envscaler view .envscaler-out --open')
    .action(async (outDir: string, options: ViewFlags) => {
      const server = await startView({
        outDir,
        host: options.host,
        ...(options.token === undefined ? {} : { token: options.token }),
        ...(options.port === undefined ? {} : { port: parsePort(options.port) }),
      });
      if (server.token) {
        process.stderr.write(
          `warning: the viewer listens on ${options.host}, beyond this machine; anyone with the token can read every artifact in ${path.resolve(outDir)}\n`,
        );
      }
      process.stdout.write(
        `envscaler viewer on ${server.url} for ${path.resolve(outDir)} (Ctrl-C to stop)\n`,
      );
      if (options.open) openInBrowser(server.url);
      await waitForStop();
      await server.close();
    });
}
