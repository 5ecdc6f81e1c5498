import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnvscalerError } from '@envscaler/core';
import { exitCodeFor } from './errors.js';
import { OUTPUT_LOCK_FILE, acquireOutputLock, type OutputLock } from './output-lock.js';

let root: string;
let n = 0;
const held: OutputLock[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-output-lock-'));
});
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const dir = path.join(root, `out-${++n}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

async function acquire(dir: string, command = 'build', notices: string[] = []): Promise<OutputLock> {
  const lock = await acquireOutputLock({ dir, command, onNotice: (line) => notices.push(line) });
  held.push(lock);
  return lock;
}

function writeLock(dir: string, holder: Record<string, unknown>): Promise<void> {
  return writeFile(path.join(dir, OUTPUT_LOCK_FILE), `${JSON.stringify(holder)}\n`);
}

/** The pid of a `node -e ""` child that has already exited: a pid no live process has. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A live process that is not this one. */
async function livePid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.on('spawn', resolve));
  return child.pid!;
}

describe('acquireOutputLock', () => {
  it('writes <out>/.envscaler.lock with pid, hostname, command and start time', async () => {
    const dir = await freshDir();
    const lock = await acquire(dir, 'rollout');
    expect(lock.path).toBe(path.join(dir, '.envscaler.lock'));
    const holder = JSON.parse(await readFile(lock.path, 'utf8'));
    expect(holder).toEqual({
      pid: process.pid,
      hostname: hostname(),
      command: 'rollout',
      startedAt: expect.any(String),
    });
    expect(Date.now() - Date.parse(holder.startedAt)).toBeLessThan(60_000);
  });

  it('refuses a second acquire while the first holds the folder: exit code 2, who holds it, what to do', async () => {
    const dir = await freshDir();
    const first = await acquire(dir, 'build');
    const { startedAt } = JSON.parse(await readFile(first.path, 'utf8'));
    const second = acquireOutputLock({ dir, command: 'build' });
    await expect(second).rejects.toThrow(
      `${dir} is in use by envscaler build (pid ${process.pid}, started ${startedAt}); wait for it to finish or pick another --out`,
    );
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvscalerError);
    expect(exitCodeFor(error)).toBe(2);
    // the holder's lock is untouched
    expect(JSON.parse(await readFile(first.path, 'utf8')).pid).toBe(process.pid);
    first.release();
    await acquire(dir, 'build'); // free again
  });

  it('refuses a folder held by another live process on this host, naming the flag it was given', async () => {
    const dir = await freshDir();
    const pid = await livePid();
    await writeLock(dir, {
      pid,
      hostname: hostname(),
      command: 'rollout',
      startedAt: '2026-01-02T03:04:05.000Z',
    });
    await expect(acquireOutputLock({ dir, command: 'eval', flag: '--run' })).rejects.toThrow(
      `${dir} is in use by envscaler rollout (pid ${pid}, started 2026-01-02T03:04:05.000Z); wait for it to finish or pick another --run`,
    );
  });

  it('takes over the stale lock of a dead pid on this host with a one-line notice', async () => {
    const dir = await freshDir();
    const pid = await deadPid();
    await writeLock(dir, {
      pid,
      hostname: hostname(),
      command: 'build',
      startedAt: '2026-01-02T03:04:05.000Z',
    });
    const notices: string[] = [];
    const lock = await acquire(dir, 'scenarios', notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toBe(
      `envscaler: taking over ${lock.path} from envscaler build (pid ${pid}, started 2026-01-02T03:04:05.000Z), which is no longer running`,
    );
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'scenarios',
    });
  });

  it('does not take over a lock from another host (its pid cannot be checked from here)', async () => {
    const dir = await freshDir();
    const pid = await deadPid();
    await writeLock(dir, { pid, hostname: 'some-other-host', command: 'build', startedAt: 'T' });
    await expect(acquireOutputLock({ dir, command: 'build' })).rejects.toThrow(
      `${dir} is in use by envscaler build (pid ${pid} on some-other-host, started T); wait for it to finish or pick another --out; if that run is gone, delete ${path.join(dir, OUTPUT_LOCK_FILE)}`,
    );
  });

  it('takes over an empty lock file once it is clearly not being written any more', async () => {
    const dir = await freshDir();
    const file = path.join(dir, OUTPUT_LOCK_FILE);
    await writeFile(file, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const notices: string[] = [];
    const lock = await acquire(dir, 'build', notices);
    expect(notices).toEqual([`envscaler: removed an unreadable stale lock ${file}`]);
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
  });

  it('release removes the lock file (once; not a lock someone else took since)', async () => {
    const dir = await freshDir();
    const lock = await acquire(dir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    expect(existsSync(dir)).toBe(true); // the folder existed before: kept
    lock.release();

    const other = await acquire(dir);
    const replaced = { pid: 1, hostname: hostname(), command: 'build', startedAt: 'T' };
    await writeLock(dir, replaced);
    other.release();
    expect(JSON.parse(await readFile(other.path, 'utf8'))).toEqual(replaced);
  });

  it('creates a missing output folder and removes it again on release when nothing was written', async () => {
    const dir = path.join(root, `missing-${++n}`, 'out');
    const lock = await acquire(dir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(dir)).toBe(false);
  });

  it('is released when the holder process is stopped by SIGTERM it does not otherwise handle', async () => {
    const dir = await freshDir();
    const module = fileURLToPath(new URL('./output-lock.ts', import.meta.url));
    const script = `import { acquireOutputLock } from ${JSON.stringify(module)};
await acquireOutputLock({ dir: ${JSON.stringify(dir)}, command: 'build' });
process.stdout.write('locked\\n');
setInterval(() => {}, 1000);`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@envscaler/source', '--input-type=module', '-e', script],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    await new Promise<void>((resolve) => child.stdout!.on('data', () => resolve()));
    expect(JSON.parse(await readFile(path.join(dir, OUTPUT_LOCK_FILE), 'utf8')).pid).toBe(child.pid);
    const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    expect(await exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(path.join(dir, OUTPUT_LOCK_FILE))).toBe(false);
  });
});
