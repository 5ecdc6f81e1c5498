import { readFileSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { EnvscalerError } from '@envscaler/core';

/** The lock file's name inside an output folder. */
export const OUTPUT_LOCK_FILE = '.envscaler.lock';

/** What `<out>/.envscaler.lock` holds. */
export interface OutputLockHolder {
  pid: number;
  hostname: string;
  /** e.g. `build`, `bench bfcl` */
  command: string;
  /** ISO time */
  startedAt: string;
}

export interface AcquireOutputLockOptions {
  /** The output folder; created when missing (and removed again on release if it is then empty). */
  dir: string;
  /** The command taking the folder, shown to a second run: `build`, `rollout`, ... */
  command: string;
  /** The flag that named the folder, for the "pick another" hint (default `--out`). */
  flag?: string;
  /** Where the one-line notice about a taken-over stale lock goes (default: stderr). */
  onNotice?: (line: string) => void;
}

export interface OutputLock {
  /** `<dir>/.envscaler.lock` */
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent, synchronous (safe in an `exit` handler). */
  release(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A lock file still empty after this long was left by a process that died between create and write. */
const TORN_AFTER_MS = 2_000;

/**
 * Takes `<dir>/.envscaler.lock` (created atomically with `open(..., 'wx')`) so two envscaler runs never
 * write the same output folder. A lock whose holder is a dead process on this host is taken over with a
 * one-line notice; a live holder (or one on another host) makes this throw an exit-code-2 error naming it.
 * The lock goes away on `release()`, on process exit, and on SIGINT/SIGTERM/SIGHUP that nothing else handles;
 * after a SIGKILL the next run finds the holder dead and takes the lock over.
 */
export async function acquireOutputLock(options: AcquireOutputLockOptions): Promise<OutputLock> {
  const { dir, command } = options;
  const flag = options.flag ?? '--out';
  const notice = options.onNotice ?? ((line: string) => process.stderr.write(`${line}\n`));
  const path = join(dir, OUTPUT_LOCK_FILE);
  const createdDir = (await mkdir(dir, { recursive: true })) !== undefined;
  const me: OutputLockHolder = {
    pid: process.pid,
    hostname: osHostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  const text = `${JSON.stringify(me, null, 2)}\n`;

  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
    }
    const found = readLock(path);
    if (found === 'gone') continue;
    if (found === 'torn') {
      if (lockAgeMs(path) < TORN_AFTER_MS) {
        await new Promise((resolve) => setTimeout(resolve, 100)); // its holder is still writing it
        continue;
      }
      if (removeIfUnchanged(path, null)) notice(`envscaler: removed an unreadable stale lock ${path}`);
      continue;
    }
    const holder = found.holder;
    const sameHost = holder.hostname === me.hostname;
    if (sameHost && !isAlive(holder.pid)) {
      if (removeIfUnchanged(path, found.raw))
        notice(
          `envscaler: taking over ${path} from envscaler ${holder.command} (pid ${holder.pid}, started ${holder.startedAt}), which is no longer running`,
        );
      continue;
    }
    const where = sameHost ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.hostname}`;
    const stale = sameHost ? '' : `; if that run is gone, delete ${path}`;
    throw new EnvscalerError(
      'INVALID_INPUT',
      `${dir} is in use by envscaler ${holder.command} (${where}, started ${holder.startedAt}); wait for it to finish or pick another ${flag}${stale}`,
      { details: { lock: path, holder } },
    );
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(release);
    if (held.size === 0) stopWatching();
    removeIfUnchanged(path, text);
    if (createdDir) removeIfEmpty(dir);
  };
  held.add(release);
  if (held.size === 1) startWatching();
  return { path, release };
}

/** Releases of the locks this process holds; one set of exit/signal listeners serves them all. */
const held = new Set<() => void>();

function releaseAll(): void {
  for (const release of [...held]) release();
}

// A signal nobody else listens for would kill the process without an `exit` event: release, then die of it.
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return; // e.g. the interrupt handler: it ends the command cleanly
  releaseAll();
  process.kill(process.pid, signal);
}

function startWatching(): void {
  process.on('exit', releaseAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function stopWatching(): void {
  process.off('exit', releaseAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

type ReadResult = 'gone' | 'torn' | { holder: OutputLockHolder; raw: string };

function readLock(path: string): ReadResult {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(raw) as OutputLockHolder;
    if (Number.isInteger(holder.pid) && typeof holder.hostname === 'string') return { holder, raw };
  } catch {
    // empty or half-written
  }
  return 'torn';
}

function lockAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Deletes the lock only while it still holds `expected` (null: anything unreadable), not a newer one. */
function removeIfUnchanged(path: string, expected: string | null): boolean {
  const now = readLock(path);
  if (now === 'gone') return false;
  if (expected === null ? now !== 'torn' : now === 'torn' || now.raw !== expected) return false;
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `kill(pid, 0)`: ESRCH means no such process; EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // gone already, or someone else's files appeared
  }
}
