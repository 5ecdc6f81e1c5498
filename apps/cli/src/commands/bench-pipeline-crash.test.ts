// Crash safety of `envscaler bench pipeline` (issue 19, item 4, test-sized): the command is killed -9 at
// three points chosen from a seed (one in the build, one in scenario generation, one in the rollouts) and
// re-run each time; the final artifacts must match an uninterrupted run digest for digest, and the only
// model requests asked twice are ones the killed process had in flight.
import { spawn } from 'node:child_process';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { chatRequestOf, createSyntheticChatModel } from '@envscaler/testing/synthetic';
import { artifactDigests } from './bench-pipeline-metrics.js';
import { cliFromSource, cliRoot } from './worker-process.fixtures.js';

const SEED = 19;
/** Requests a run can have in flight: rollout concurrency 8, plus answers not yet recorded. */
const IN_FLIGHT = 16;

let root: string;
let server: MockOpenAIServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-crash-'));
  // A fresh synthetic model per request makes every answer a pure function of the request (the model
  // numbers a task's agent episodes per process otherwise); the server counts requests across processes.
  server = await createMockOpenAIServer({
    script: (request) => createSyntheticChatModel({ seed: 3 }).reply(chatRequestOf(request)),
  });
});

afterAll(async () => {
  await server?.close();
  if (!process.env.KEEP_CRASH_DIR) await rm(root, { recursive: true, force: true });
  else console.log('kept', root);
});

interface KillPoint {
  /** Which progress events count towards the kill. */
  stage: RegExp;
  /** Kill right after the `after`-th of them. */
  after: number;
}

/** mulberry32: the kill points come from a seed, so a failure replays exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function killPoints(seed: number): KillPoint[] {
  const next = random(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return [
    { stage: /^(logic|quality)$/, after: between(2, 12) },
    { stage: /^scenarios /, after: between(5, 30) },
    { stage: /^rollouts$/, after: between(5, 50) },
  ];
}

/** `envscaler bench pipeline` from the sources; with `kill`, SIGKILLed at that progress event. */
function runBench(
  out: string,
  kill?: KillPoint,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const args = ['--envs', '20', '--scenarios-per-env', '2', '--trials', '2', '--out', out];
  const child = spawn(
    process.execPath,
    [
      ...cliFromSource,
      'bench',
      'pipeline',
      ...args,
      '--endpoint',
      server.url,
      '--json',
      '--no-check',
      // killed -9 is this process: no child run for the heap limit
      '--heap-mb',
      '0',
    ],
    { cwd: cliRoot, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  let buffer = '';
  let seen = 0;
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!kill || !line.startsWith('{')) continue;
      const event = JSON.parse(line) as { type: string; stage?: string };
      if (event.type === 'progress' && kill.stage.test(event.stage ?? '') && ++seen === kill.after)
        child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const keyOf = (body: Record<string, unknown>) => JSON.stringify(body);

describe('bench pipeline: kill -9 and resume', () => {
  it('three kills across stages, three re-runs: the artifacts of an uninterrupted run, no finished work asked again', async () => {
    const out = path.join(root, 'run');
    // The reference: one uninterrupted run (moved aside, so both runs write the same absolute paths).
    const reference = await runBench(out);
    expect(reference.code, reference.stderr).toBe(0);
    const referenceRequests = server.requests.map((r) => keyOf(r.body));
    // the cassette never lets one request reach the model twice
    expect(new Set(referenceRequests).size).toBe(referenceRequests.length);
    const expected = await artifactDigests({ out });
    await rename(out, path.join(root, 'reference'));
    expect(Object.keys(expected).length).toBeGreaterThan(20 * 3);
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['export/sft.jsonl', 'export/rl.jsonl', 'rollouts/run/trajectories.jsonl']),
    );

    // Three killed runs, then one that finishes; the server's log is split by run.
    const start = server.requestCount;
    const runs: { from: number; to: number }[] = [];
    for (const point of killPoints(SEED)) {
      const from = server.requestCount;
      const killed = await runBench(out, point);
      // it was killed in the stage meant, not finished or failed before
      expect(killed.signal, `${point.stage}: ${killed.stderr.slice(-2000)}`).toBe('SIGKILL');
      runs.push({ from, to: server.requestCount });
    }
    const last = await runBench(out);
    expect(last.code, last.stderr).toBe(0);

    expect(await artifactDigests({ out })).toEqual(expected);

    // The same requests were asked; the only repeats are requests a killed run had in flight at its end.
    const asked = server.requests.slice(start).map((r) => keyOf(r.body));
    expect(new Set(asked)).toEqual(new Set(referenceRequests));
    const firstSeen = new Map<string, number>();
    const repeats: number[] = [];
    asked.forEach((key, i) => {
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, start + i);
      else repeats.push(earlier);
    });
    for (const index of repeats) {
      const run = runs.find((r) => index >= r.from && index < r.to);
      expect(run, `request #${index} asked again`).toBeDefined();
      expect(
        index,
        `request #${index} asked again, but it was not in flight at the kill`,
      ).toBeGreaterThanOrEqual(run!.to - IN_FLIGHT);
    }
    expect(asked.length - repeats.length).toBe(referenceRequests.length);
  }, 480_000);
});
