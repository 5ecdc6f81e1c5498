import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvironmentPackage, parseJsonLines, parseScenario, parseTrajectory } from '@envscaler/core';
import { createMockOpenAIServer } from '@envscaler/testing';
import { demoDir } from './demo.js';

const bin = new URL('../../bin/envscaler.js', import.meta.url).pathname;

/** Runs the envscaler binary (the build when present) in a child process without any model endpoint. */
function runBinary(args: string[], env: Record<string, string> = {}, onStderr?: (text: string) => void) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ENVSCALER_USE_DIST: '1', ...env };
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'ENVSCALER_MODEL'])
    if (!(name in env)) delete childEnv[name];
  const child = spawn(process.execPath, [bin, ...args], { env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onStderr?.(stderr);
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-demo-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('envscaler demo', () => {
  it('runs the whole pipeline offline from the bundled scripted cassette and prints the table', async () => {
    const out = join(dir, 'offline');
    const { code, stdout, stderr } = await runBinary(['demo', '--out', out]).done;
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(stderr).toContain('SCRIPTED');
    expect(stdout).toContain('envscaler demo (SCRIPTED responses)');
    expect(stdout).toMatch(/environments\s+1 kept of 1 built \(public-library-loans\)/);
    expect(stdout).toMatch(/tasks\s+5 \(3 need a stateful environment\)/);
    expect(stdout).toMatch(/scenarios public-library-loans\s+2 kept of 2 .*solvability 2\/2/);
    expect(stdout).toMatch(/mean reward\s+0\.500/);
    expect(stdout).toMatch(/pass\^k\s+k=1: 0\.50 {2}k=2: 0\.50/);

    // The artifacts behind the table are valid and agree with it.
    const pkg = parseEnvironmentPackage(
      JSON.parse(await readFile(join(out, 'envs/public-library-loans/env.json'), 'utf8')),
    );
    expect(pkg.tools.map((t) => t.name).sort()).toEqual([
      'getBook',
      'lendBook',
      'listMemberLoans',
      'returnBook',
      'searchBooks',
    ]);
    const scenarios = parseJsonLines({
      text: await readFile(join(out, 'scenarios/public-library-loans.jsonl'), 'utf8'),
      parse: parseScenario,
    });
    expect(scenarios).toHaveLength(2);
    expect(
      scenarios.every(
        (s) => s.gates?.doNothing?.passed && s.gates.solvability?.passed && s.referenceSolution?.length,
      ),
    ).toBe(true);
    const trajectories = parseJsonLines({
      text: await readFile(join(out, 'rollouts/demo/trajectories.jsonl'), 'utf8'),
      parse: parseTrajectory,
    });
    expect(trajectories.map((t) => t.reward?.score).sort()).toEqual([0, 0, 1, 1]);
  }, 180_000);

  it('stops cleanly on SIGINT against a live endpoint and resumes without repeating a model call', async () => {
    // The mock endpoint answers from the demo's own recordings, slowly enough to interrupt mid-run.
    const server = await createMockOpenAIServer({ cassetteDir: join(demoDir, 'cassette'), latencyMs: 40 });
    const out = join(dir, 'live');
    const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test-key', ENVSCALER_MODEL: 'demo-model' };
    try {
      let interrupted = false;
      const first = runBinary(['demo', '--out', out], env, () => {
        if (!interrupted && server.requestCount >= 12) {
          interrupted = true;
          first.child.kill('SIGINT');
        }
      });
      const stopped = await first.done;
      expect(interrupted).toBe(true);
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toMatch(/stopping after the current step; re-run to resume/);
      const beforeResume = server.requestCount;
      expect(beforeResume).toBeGreaterThanOrEqual(12);

      const second = await runBinary(['demo', '--out', out], env).done;
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/mean reward\s+0\.500/);
      // Every request the endpoint saw across both runs is distinct: nothing finished was asked again.
      const keys = server.requests
        .filter((r) => r.path.endsWith('/chat/completions'))
        .map((r) => JSON.stringify([r.stage, r.body.messages]));
      expect(new Set(keys).size).toBe(keys.length);
      expect(server.requestCount).toBeGreaterThan(beforeResume);
    } finally {
      await server.close();
    }
  }, 240_000);
});
