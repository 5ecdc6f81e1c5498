import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvscalerError, GenerationFailedError, LlmCallError } from '@envscaler/core';
import { createMockOpenAIServer } from '@envscaler/testing';
import { exitCodeFor, formatError } from './errors.js';

const bin = new URL('../bin/envscaler.js', import.meta.url).pathname;

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ENVSCALER_USE_DIST: '1', ...env };
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'ENVSCALER_MODEL'])
    if (!(name in env)) delete childEnv[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: childEnv, cwd: dir });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-errors-'));
  await writeFile(
    join(dir, 'tasks.jsonl'),
    '{"id": "t1", "task": "Lend a book to a member of the library."}\n',
  );
  await writeFile(join(dir, 'broken.json'), '{ "models": { ');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('exit codes of the envscaler binary', () => {
  it('exits 2 with one line for a bad flag', async () => {
    const { code, stderr } = await run(['rollout', '--trials', 'many']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      "error: option '--trials <k>' argument 'many' is invalid. must be a positive integer",
      '(add --help for usage and examples)',
    ]);
  }, 60_000);

  it('exits 2 with one line for a missing file', async () => {
    const { code, stderr } = await run(
      ['build', '--tasks', join(dir, 'nope.jsonl'), '--out', join(dir, 'out')],
      {
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        ENVSCALER_MODEL: 'm',
      },
    );
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^envscaler: .*nope\.jsonl/);
  }, 60_000);

  it('exits 2 for an invalid config file and for a missing API key', async () => {
    const broken = await run(['build', '--tasks', 'tasks.jsonl', '--out', 'out', '--config', 'broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^envscaler: config file .*broken\.json is not valid JSON/);
    const noKey = await run(['build', '--tasks', 'tasks.jsonl', '--out', 'out'], {
      ENVSCALER_MODEL: 'gpt-x',
    });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/^envscaler: no API key: set OPENAI_API_KEY/);
  }, 60_000);

  it('exits 3 when the model endpoint refuses the call', async () => {
    const server = await createMockOpenAIServer({});
    server.inject({ fault: { type: 'http', status: 401 }, times: 1000 });
    try {
      const { code, stderr } = await run(['build', '--tasks', 'tasks.jsonl', '--out', 'out-401'], {
        OPENAI_BASE_URL: server.url,
        OPENAI_API_KEY: 'wrong',
        ENVSCALER_MODEL: 'm',
      });
      expect(stderr).toMatch(/401/);
      expect(code).toBe(3);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('error mapping', () => {
  it('maps error codes to exit codes', () => {
    expect(exitCodeFor(new EnvscalerError('INVALID_INPUT', 'x'))).toBe(2);
    expect(exitCodeFor(new EnvscalerError('NOT_FOUND', 'x'))).toBe(2);
    expect(exitCodeFor(new LlmCallError({ message: 'x', stage: 'agent', isRetryable: false }))).toBe(3);
    expect(
      exitCodeFor(new GenerationFailedError({ message: 'x', stage: 's', attempts: 3, lastOutput: '' })),
    ).toBe(3);
    expect(exitCodeFor(new EnvscalerError('ABORTED', 'x'))).toBe(130);
    expect(exitCodeFor(new TypeError('boom'))).toBe(1);
  });

  it('prints a bug as one line, with the stack only under --verbose', () => {
    const bug = new TypeError('cannot read x');
    expect(formatError(bug, { verbose: false })).toBe(
      'envscaler: internal error: cannot read x (run with --verbose for the stack trace)',
    );
    expect(formatError(bug, { verbose: true })).toContain('TypeError: cannot read x\n    at ');
    expect(formatError(new EnvscalerError('CONFIG_ERROR', 'no model'), { verbose: true })).toBe(
      'envscaler: no model',
    );
  });
});
