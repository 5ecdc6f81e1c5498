// `bench pipeline --heap-mb N` runs the measured pipeline in a child process with node's
// --max-old-space-size=N, reads its result back, and judges the targets in the parent.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliFromSource, cliRoot } from './worker-process.fixtures.js';

let root: string | undefined;

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...cliFromSource, 'bench', 'pipeline', '--quiet', ...args], {
    cwd: cliRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('bench pipeline --heap-mb', () => {
  it('runs the pipeline in a child with that V8 heap limit and reports its result', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-child-'));
    const out = path.join(root, 'run');
    const shape = ['--envs', '1', '--scenarios-per-env', '1', '--trials', '1', '--out', out];
    const run = await runBench([...shape, '--heap-mb', '300']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(await readFile(path.join(out, 'bench-pipeline.json'), 'utf8'));
    // heap_size_limit is the old space given plus the young generation
    expect(result.heapLimitBytes / 1024 ** 2).toBeGreaterThanOrEqual(300);
    expect(result.heapLimitBytes / 1024 ** 2).toBeLessThan(400);
    expect(result).toMatchObject({ envs: 1, scenariosPerEnv: 1, trials: 1, built: 1, episodes: 1 });
    // the child printed its report once; the parent judged the targets
    expect(run.stdout.match(/^bench pipeline: N=1 /gm)).toHaveLength(1);
    expect(run.stdout).toMatch(/\(V8 heap limit 3\d\d MB\)/);
    expect(run.stdout).toContain('targets met (peak RSS ≤ 2 GB)');
    // in this process (0): node's default limit, far above 300 MB on any machine that runs the suite
    const here = await runBench([...shape, '--heap-mb', '0']);
    expect(here.code).toBe(0);
    const again = JSON.parse(await readFile(path.join(out, 'bench-pipeline.json'), 'utf8'));
    expect(again.heapLimitBytes / 1024 ** 2).toBeGreaterThan(400);
    expect(again.resumed).toBe(true);
  }, 180_000);
});
