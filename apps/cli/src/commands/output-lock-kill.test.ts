// `kill -9` of the envscaler process stops the run: no process of it is left writing to --out, and
// while a run is alive a second one on the same --out is refused (exit 2) instead of writing alongside.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@envscaler/core';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { writeCountersEnv } from './counters-env.fixtures.js';

const bin = new URL('../../bin/envscaler.js', import.meta.url).pathname;


const scenario: Scenario = {
  schemaVersion: 1,
  id: 's1',
  envId: 'counters',
  initialState: { counters: { a: 1 } },
  task: 'Make counter a equal 5.',
  user: { persona: 'A tester.', knownInfo: 'The target is 5.' },
  checklist: [
    { id: 'target', description: 'a is 5', source: '(final: Readonly<State>) => final.counters.a === 5' },
  ],
  provenance: { createdAt: '2026-01-01T00:00:00.000Z' },
};

let root: string;
let envs: string;
let scenarios: string;
let mock: MockOpenAIServer;
const spawned: ChildProcess[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-kill-'));
  envs = path.join(root, 'envs');
  await writeCountersEnv({ envs });
  scenarios = path.join(root, 'scenarios.jsonl');
  await writeFile(scenarios, `${JSON.stringify(scenario)}\n`);
  // Slow answers: a 500-trial rollout takes minutes, so it is always mid-run when killed.
  mock = await createMockOpenAIServer({
    latencyMs: 150,
    script: {
      agent: (request) =>
        request.messages.some((m) => m.role === 'tool')
          ? 'Done.'
          : { toolCalls: [{ name: 'add', arguments: { name: 'a', by: 4 } }] },
    },
  });
});

afterAll(async () => {
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of processesMentioning(root)) process.kill(pid, 'SIGKILL');
  await mock?.close();
  await rm(root, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stderr: () => string;
  /** The spawned process itself is gone (its stderr may still be held open by others). */
  exited: Promise<NodeJS.Signals | null>;
  /** ...and every holder of its stderr too. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** `envscaler rollout ... --out <out>` from the sources, through bin/envscaler.js, as a user starts it. */
function startRollout(out: string, nodeFlags: string[]): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_BASE_URL: mock.url,
    OPENAI_API_KEY: 'test-key',
    ENVSCALER_MODEL: 'mock-model',
  };
  delete env.ENVSCALER_USE_DIST;
  delete env.NODE_OPTIONS;
  const args = ['rollout', '--envs', envs, '--scenarios', scenarios, '--trials', '500'];
  const child = spawn(
    process.execPath,
    [...nodeFlags, bin, ...args, '--concurrency', '2', '--out', out, '--quiet'],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  spawned.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  return { child, stderr: () => stderr, exited, done };
}

/** Pids of live processes whose command line mentions `text` (the run's unique --out). */
function processesMentioning(text: string): number[] {
  const listing = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes(' ps -A'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => pid !== process.pid);
}

/** `pid` and every process below it (the relaunched child, tsx's esbuild service, ...). */
function processTree(pid: number): number[] {
  const parents = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** Exists and is not a zombie (an orphan may wait a moment to be reaped, or forever under some init). */
function alive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false; // ps exits 1 when there is no such process
  }
}

async function until(check: () => boolean, what: string | (() => string), timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function size(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

describe('kill -9 of envscaler stops the run; --out is locked while it runs', () => {
  it.each([
    ['plain `node bin/envscaler.js` (relaunches itself with --no-node-snapshot)', []],
    ['`node --no-node-snapshot bin/envscaler.js` (pnpm envscaler)', ['--no-node-snapshot']],
  ])(
    '%s',
    async (_name, nodeFlags) => {
      const out = path.join(root, `run-${nodeFlags.length}`);
      const lockFile = path.join(out, '.envscaler.lock');
      const trajectories = path.join(out, 'trajectories.jsonl');
      const first = startRollout(out, nodeFlags);
      // Mid-run: the lock is taken and episodes are being written.
      await until(() => size(trajectories) > 0, `episodes in ${trajectories}\n${first.stderr()}`);
      const holder = JSON.parse(await readFile(lockFile, 'utf8'));
      expect(holder).toMatchObject({ command: 'rollout' });
      expect(alive(holder.pid)).toBe(true);
      if (nodeFlags.length > 0) expect(holder.pid).toBe(first.child.pid); // one process does the work

      // A second run on the same --out is refused while the first is alive.
      const second = await startRollout(out, nodeFlags).done;
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(
        `envscaler: ${out} is in use by envscaler rollout (pid ${holder.pid}, started ${holder.startedAt}); wait for it to finish or pick another --out`,
      );
      expect(processesMentioning(out).length).toBeGreaterThan(0);

      const tree = processTree(first.child.pid!);
      expect(tree).toContain(holder.pid);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      // Nothing of the run survives it...
      await until(
        () => processesMentioning(out).length === 0 && tree.every((pid) => !alive(pid)),
        () => `the run to die (still alive: ${tree.filter(alive).join(', ')})`,
        5_000,
      );
      // ...and nothing keeps writing to --out or calling the model.
      const [bytes, requests] = [size(trajectories), mock.requestCount];
      await sleep(1_000);
      expect(size(trajectories)).toBe(bytes);
      expect(mock.requestCount).toBe(requests);

      if (nodeFlags.length === 0) {
        // The relaunched child saw its launcher die and exited through its exit handler: lock released.
        expect(existsSync(lockFile)).toBe(false);
        return;
      }
      // SIGKILL of the one process leaves its lock behind, stale: the next run takes it over with a notice.
      expect(existsSync(lockFile)).toBe(true);
      const third = startRollout(out, nodeFlags);
      try {
        await until(() => /taking over/.test(third.stderr()), `the takeover notice\n${third.stderr()}`);
        expect(third.stderr()).toContain(
          `envscaler: taking over ${lockFile} from envscaler rollout (pid ${holder.pid}, started ${holder.startedAt}), which is no longer running`,
        );
      } finally {
        third.child.kill('SIGKILL');
        await third.exited;
      }
    },
    120_000,
  );
});
