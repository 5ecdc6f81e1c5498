// `envscaler bench pipeline --backend redis --workers 2` (issue 19, item 3): the same run on two BullMQ
// workers on one machine gives the artifacts of the in-process run. Both runs are the real command in a
// child process, writing to the same absolute path (moved aside after the first), since reports hold it;
// the redis run starts its own redis-server (found like the other Redis tests: $REDIS_SERVER_BIN or PATH).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@envscaler/core/node';
import { artifactDigests } from './bench-pipeline-metrics.js';
import { cliFromSource, cliRoot } from './worker-process.fixtures.js';


let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-redis-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function runBench(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; pid: number }> {
  const child = spawn(
    process.execPath,
    [
      ...cliFromSource,
      'bench',
      'pipeline',
      '--envs',
      '3',
      '--scenarios-per-env',
      '3',
      '--trials',
      '2',
      '--no-check',
      '--json',
      '--heap-mb',
      '0',
      ...args,
    ],
    { cwd: cliRoot, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, pid: child.pid! })),
  );
}

/** Processes still running that belong to the bench `pid` ran: its workers (their queue names it) or redis. */
function leftovers(pid: number, redisPort: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) =>
        line.includes(`envscaler-bench-${pid}-`) || line.includes(`redis-server 127.0.0.1:${redisPort}`),
    );
}

/** sha256 of the raw bytes of every file under `dir`, by path relative to it. */
async function rawDigests(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    digests[path.relative(dir, file)] = sha256Hex(await readFile(file));
  }
  return digests;
}

describe('bench pipeline --backend redis', () => {
  it('2 worker processes give the artifacts of the local run, and nothing is left running', async () => {
    const out = path.join(root, 'run');
    const local = await runBench(['--out', out]);
    expect(local.code, local.stderr).toBe(0);
    await rename(out, path.join(root, 'local'));
    const redis = await runBench(['--out', out, '--backend', 'redis', '--workers', '2']);
    expect(redis.code, redis.stderr).toBe(0);
    const ready = /2 worker\(s\) ready on redis:\/\/127\.0\.0\.1:(\d+) \(a private redis-server\)/.exec(
      redis.stderr,
    );
    expect(ready, redis.stderr).not.toBeNull();
    expect(redis.stdout).toMatch(/2 Redis workers/);
    // the bench has exited; the workers and the redis-server it started must have stopped with it
    expect(leftovers(redis.pid, ready![1]!)).toEqual([]);

    const expected = await artifactDigests({ out: path.join(root, 'local') });
    const got = await artifactDigests({ out });
    // The workers' per-episode files are the queue's hand-over to the coordinator, which appends each to
    // trajectories.jsonl; an in-process run has none. Every other artifact must match.
    const episodes = Object.keys(got).filter((f) => f.startsWith(path.join('rollouts', 'run', 'episodes')));
    expect(episodes).toHaveLength(3 * 3 * 2);
    for (const file of episodes) delete got[file];
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining([
        path.join('envs', Object.keys(expected)[0]!.split(path.sep)[1]!, 'env.json'),
        path.join('rollouts', 'run', 'trajectories.jsonl'),
        path.join('export', 'sft.jsonl'),
        path.join('export', 'rl.jsonl'),
      ]),
    );
    expect(Object.keys(expected).filter((f) => /^scenarios\/.+\.jsonl$/.test(f))).toHaveLength(3);
    expect(got).toEqual(expected);

    // Byte for byte, not only up to timestamps: the files that record no time (environment code,
    // quality runs, the SFT export) are the same bytes.
    const rawLocal = await rawDigests(path.join(root, 'local'));
    const rawRedis = await rawDigests(out);
    const timeless = Object.keys(rawLocal).filter(
      (f) => /^envs\/.+\/(env\.ts|quality\.json)$/.test(f) || f === path.join('export', 'sft.jsonl'),
    );
    expect(timeless.length).toBeGreaterThanOrEqual(4);
    for (const file of timeless) expect(rawRedis[file], file).toBe(rawLocal[file]);
  }, 90_000);
});
