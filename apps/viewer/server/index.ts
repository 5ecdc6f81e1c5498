// Node side of the viewer: serves the built SPA and a read-only JSON API over one run's out dir.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEnvSort, isKeptFilter } from '../src/model/env-list.js';
import { NotFound, OutDirStore, type EnvListQuery, type TrajectoryQuery } from './store.js';

export { OutDirStore, isSafeName, maxPageSize, type OutDirStoreOptions } from './store.js';
export { nodeViewerFs, type ViewerFs } from './viewer-fs.js';
export type * from '../src/api.js';

/** apps/viewer/dist: the built SPA (this file is server/index.ts in source and dist/server/index.js built). */
export const viewerDistDir = fileURLToPath(
  new URL(import.meta.url.includes('/dist/server/') ? '../' : '../dist/', import.meta.url),
);

export interface ViewerServerOptions {
  /** The run's out dir (envs/, scenarios/, rollouts/, report.json). */
  outDir: string;
  /** 0 or absent picks a free port. */
  port?: number;
  host?: string;
  /** Where the built SPA lives; defaults to this package's dist/. */
  distDir?: string;
  /**
   * Checked before every request; false answers 401. The CLI's token check for non-loopback binds (it
   * may set headers on `res`, e.g. a cookie).
   */
  authorize?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface ViewerServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  const value = raw === null ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(value) ? value : fallback;
}

/** Routes `/api/...` requests to the store; returns undefined for unknown routes. Lists are paged (`offset`, `limit` ≤ 500). */
export async function handleApi(store: OutDirStore, pathname: string, params: URLSearchParams): Promise<unknown> {
  const parts = pathname
    .slice('/api/'.length)
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const [a, b, c, d] = parts;
  const page = { offset: intParam(params, 'offset', 0), limit: intParam(params, 'limit', 100) };
  if (a === 'overview' && parts.length === 1) return store.overview();
  if (a === 'summary' && parts.length === 1) return store.summary();
  if (a === 'reports' && parts.length === 1) return store.reports();
  if (a === 'envs') {
    if (parts.length === 1) {
      const query: EnvListQuery = { ...page };
      const q = params.get('q');
      const kept = params.get('kept') ?? '';
      const sort = params.get('sort') ?? '';
      if (q) query.q = q;
      if (isKeptFilter(kept)) query.kept = kept;
      if (isEnvSort(sort)) query.sort = sort;
      return store.envList(query);
    }
    if (b !== undefined && parts.length === 2) return store.envDetail(b);
    if (b !== undefined && c === 'scenarios' && parts.length === 3) return store.scenarioPage(b, page);
    if (b !== undefined && c === 'scenarios' && d !== undefined && parts.length === 4) return store.scenario(b, d);
  }
  if (a === 'runs') {
    if (parts.length === 1) return { items: await store.runList() };
    if (b !== undefined && parts.length === 2) return store.runItem(b);
    if (b !== undefined && c === 'trajectories' && parts.length === 3) {
      const query: TrajectoryQuery = { ...page };
      for (const key of ['envId', 'scenarioId', 'status'] as const) {
        const value = params.get(key);
        if (value) query[key] = value;
      }
      return store.trajectoryPage(b, query);
    }
    if (b !== undefined && c === 'trajectories' && d !== undefined && parts.length === 4) {
      if (!/^\d+$/.test(d)) throw new NotFound(`bad trajectory index ${d}`);
      return store.trajectory(b, Number(d));
    }
  }
  return undefined;
}

async function serveStatic(distDir: string, pathname: string, res: ServerResponse): Promise<void> {
  const root = path.resolve(distDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    send(res, 400, 'bad path', 'text/plain; charset=utf-8');
    return;
  }
  if (decoded.includes('\0')) {
    send(res, 400, 'bad path', 'text/plain; charset=utf-8');
    return;
  }
  const target = path.resolve(root, `.${decoded}`);
  if (target !== root && !target.startsWith(root + path.sep)) {
    send(res, 403, 'forbidden', 'text/plain; charset=utf-8');
    return;
  }
  const isFile = await stat(target).then((s) => s.isFile(), () => false);
  // Hash routing means every page is index.html; a missing asset is a 404.
  const file = isFile ? target : path.join(root, 'index.html');
  if (!isFile && path.extname(decoded) !== '') {
    send(res, 404, 'not found', 'text/plain; charset=utf-8');
    return;
  }
  // The server entry is bundled into dist/server; never serve it.
  if (file.startsWith(path.join(root, 'server') + path.sep)) {
    send(res, 404, 'not found', 'text/plain; charset=utf-8');
    return;
  }
  try {
    const body = await readFile(file);
    send(res, 200, body, contentTypes[path.extname(file)] ?? 'application/octet-stream');
  } catch {
    send(res, 500, `The viewer is not built: ${file} is missing. Run \`pnpm --filter @envscaler/viewer build\`.`, 'text/plain; charset=utf-8');
  }
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(host: string): boolean {
  return loopbackNames.has(host) || /^127\./.test(host);
}

/** The hostname of a Host header (`example.com:80` → `example.com`, `[::1]:80` → `[::1]`). */
function hostOf(header: string | undefined): string {
  if (!header) return '';
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(header.trim().toLowerCase());
  return match?.[1] ?? '';
}

/**
 * Request handler for the viewer: `/api/*` JSON, everything else the SPA. When it listens on loopback it
 * answers only requests addressed to a loopback name, so a web page cannot reach the artifacts through
 * DNS rebinding.
 */
export function createViewerHandler(
  options: Pick<ViewerServerOptions, 'outDir' | 'distDir' | 'host' | 'authorize'>,
) {
  const store = new OutDirStore(options.outDir);
  const distDir = options.distDir ?? viewerDistDir;
  const checkHost = options.host === undefined || isLoopback(options.host);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (checkHost && !isLoopback(hostOf(req.headers.host))) {
      send(res, 421, 'this viewer only answers requests for localhost', 'text/plain; charset=utf-8');
      return;
    }
    if (options.authorize && !options.authorize(req, res)) {
      send(res, 401, 'missing or wrong token: open the URL with ?token=… that envscaler view printed', 'text/plain; charset=utf-8');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://viewer.invalid');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      try {
        const value = await handleApi(store, url.pathname, url.searchParams);
        if (value === undefined) sendJson(res, 404, { error: `no such endpoint ${url.pathname}` });
        else sendJson(res, 200, value);
      } catch (error) {
        if (error instanceof NotFound || error instanceof URIError) sendJson(res, 404, { error: error.message });
        else sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    await serveStatic(distDir, url.pathname, res);
  };
}

/** Starts the viewer on host:port (loopback by default) and resolves once it listens. */
export async function startViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const host = options.host ?? '127.0.0.1';
  const handler = createViewerHandler({ ...options, host });
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
