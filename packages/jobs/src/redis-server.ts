import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvscalerError } from '@envscaler/core';

/** A private redis-server for tests and benchmarks (no persistence, loopback only). */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Kills the server (SIGKILL: its data is gone) and starts a fresh one on the same port. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Kills the server without starting it again. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server` (from PATH, or `binary`) on a random loopback port with its files in a temp
 * directory: `--save '' --appendonly no`, so a restart loses everything, like a crashed cache.
 */
export async function startRedisServer(options: { binary?: string } = {}): Promise<RedisServer> {
  const binary = options.binary ?? process.env.REDIS_SERVER_BIN ?? 'redis-server';
  const dir = await mkdtemp(path.join(tmpdir(), 'envscaler-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const proc = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new EnvscalerError('BACKEND_ERROR', `redis-server did not start: ${output}`)),
        10_000,
      );
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.on('error', (error) => {
        clearTimeout(timer);
        reject(new EnvscalerError('BACKEND_ERROR', `cannot start ${binary}: ${error.message}`));
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new EnvscalerError('BACKEND_ERROR', `redis-server exited with ${code}: ${output}`));
      });
    });
    proc.stdout!.resume();
    proc.stderr!.resume();
  }

  async function kill(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    kill,
    async restart(restartOptions = {}) {
      await kill();
      if (restartOptions.downMs) await new Promise((resolve) => setTimeout(resolve, restartOptions.downMs));
      await start();
    },
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
