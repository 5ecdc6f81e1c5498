import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readTau2Data, tau2DataDir, tau2Digest, tau2EnvironmentDir } from '@envscaler/bench';
import { runCli } from '../index.js';
import { writeCounterEnv } from '../test-fixtures/counter-env.js';

const retailDir = tau2EnvironmentDir;
const dataDir = tau2DataDir;

let root: string;
let stderr: string[];
let stdout: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cli-replay-'));
  await writeCounterEnv({ root });
  await writeFile(path.join(root, 'state.json'), JSON.stringify({ count: 1, secret: 's' }));
  await writeFile(path.join(root, 'config.json'), JSON.stringify({ start: 10 }));
  await writeFile(
    path.join(root, 'calls.json'),
    JSON.stringify([
      { name: 'add', arguments: { by: 2 } },
      { name: 'add', arguments: { by: -1 } },
      { name: 'nope', arguments: {} },
      { name: 'add', arguments: { by: 3 } },
    ]),
  );
  await writeFile(path.join(root, 'bad-calls.json'), JSON.stringify({ name: 'add' }));
  await writeFile(path.join(root, 'broken.json'), '{ not json');
});

function capture() {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
}
afterEach(() => vi.restoreAllMocks());

describe('envscaler replay', () => {
  it('runs the calls, records failures, and writes the full state to stdout and results to a file', async () => {
    capture();
    const results = path.join(root, 'results.json');
    const code = await runCli({
      argv: [
        'replay',
        '--env',
        path.join(root, 'counter'),
        '--initial-state',
        path.join(root, 'state.json'),
        '--calls',
        path.join(root, 'calls.json'),
        '--results',
        results,
      ],
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual({ count: 6, secret: 's' });
    const written = JSON.parse(await readFile(results, 'utf8')) as {
      ok: boolean;
      error?: { code: string };
    }[];
    expect(written.map((r) => (r.ok ? 'ok' : r.error!.code))).toEqual([
      'ok',
      'NEGATIVE',
      'UNKNOWN_TOOL',
      'ok',
    ]);
  });

  it('prints a one-line summary of failed calls on stderr, leaving stdout the final state', async () => {
    capture();
    const argv = [
      'replay',
      '--env',
      path.join(root, 'counter'),
      '--initial-state',
      path.join(root, 'state.json'),
    ];
    expect(await runCli({ argv: [...argv, '--calls', path.join(root, 'calls.json')] })).toBe(0);
    expect(JSON.parse(stdout.join(''))).toEqual({ count: 6, secret: 's' });
    expect(stderr.join('')).toBe(
      'replay: 4 calls, 2 failed (first: #2 add: NEGATIVE by must not be negative)\n',
    );
    const ok = path.join(root, 'ok-calls.json');
    await writeFile(ok, JSON.stringify([{ name: 'add', arguments: { by: 1 } }]));
    capture();
    expect(await runCli({ argv: [...argv, '--calls', ok] })).toBe(0);
    expect(stderr.join('')).toBe('');
  });

  it('writes publicState for config-initialised environments (and --full / --public choose)', async () => {
    const out = path.join(root, 'out.json');
    capture();
    const base = [
      'replay',
      '--env',
      path.join(root, 'counter'),
      '--init-config',
      path.join(root, 'config.json'),
      '--calls',
      path.join(root, 'calls.json'),
      '--out',
      out,
    ];
    expect(await runCli({ argv: base })).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ count: 15 });
    expect(await runCli({ argv: [...base, '--full'] })).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ count: 15, secret: 'x' });
    expect(
      await runCli({
        argv: [
          'replay',
          '--env',
          path.join(root, 'counter'),
          '--initial-state',
          path.join(root, 'state.json'),
          '--calls',
          path.join(root, 'calls.json'),
          '--out',
          out,
          '--public',
        ],
      }),
    ).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ count: 6 });
    expect(stdout.join('')).toBe('');
  });

  it.each([
    [
      'a missing calls file',
      ['--initial-state', 'state.json', '--calls', 'missing.json'],
      /calls file not found: .*missing\.json/,
    ],
    [
      'a calls file that is not an array',
      ['--initial-state', 'state.json', '--calls', 'bad-calls.json'],
      /must be a JSON array of \{ "name", "arguments" \}/,
    ],
    [
      'a state file that is not JSON',
      ['--initial-state', 'broken.json', '--calls', 'calls.json'],
      /initial state file .*broken\.json is not valid JSON at line 1, column 3: /,
    ],
    [
      'both initialisers',
      ['--initial-state', 'state.json', '--init-config', 'config.json', '--calls', 'calls.json'],
      /exactly one of --initial-state/,
    ],
    [
      'a missing environment',
      ['--initial-state', 'state.json', '--calls', 'calls.json', '--env', 'nowhere'],
      /Environment module not found/,
    ],
  ])('%s is a one-line error with exit code 2', async (_what, args, message) => {
    capture();
    const argv = ['replay', '--env', path.join(root, 'counter'), ...args].map((a) =>
      a.endsWith('.json') || a === 'nowhere' ? path.join(root, a) : a,
    );
    expect(await runCli({ argv })).toBe(2);
    const text = stderr.join('');
    expect(text).toMatch(message);
    expect(text.trim().split('\n')).toHaveLength(1);
  });

  it('replays a τ²-bench retail task to the reference final database', async () => {
    const { tasks, expectedTrain: expected } = await readTau2Data();
    const task = tasks.find((t) => t.id === '2')!;
    const calls = path.join(root, 'retail-calls.json');
    await writeFile(calls, JSON.stringify(task.evaluation_criteria?.actions));
    const out = path.join(root, 'retail-final.json');
    capture();
    const code = await runCli({
      argv: [
        'replay',
        '--env',
        retailDir,
        '--initial-state',
        path.join(dataDir, 'db.json'),
        '--calls',
        calls,
        '--out',
        out,
      ],
    });
    // the reference actions include one lookup that fails in τ²-bench too; the final database still matches
    expect(stderr.join('')).toBe(
      'replay: 11 calls, 1 failed (first: #2 get_product_details: NOT_FOUND Product not found)\n',
    );
    expect(code).toBe(0);
    expect(tau2Digest(JSON.parse(await readFile(out, 'utf8')))).toBe(expected!.tasks['2']!.final_digest);
  }, 120_000);
});
