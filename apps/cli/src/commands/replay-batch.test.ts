import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BFCL_CATEGORIES,
  bfclEnvHelpers,
  bfclEnvironmentDir,
  readBfclData,
  readTau2Data,
  readTauAirlineData,
  tau2DataDir,
  tau2EnvironmentDir,
  tauAirlineEnvironmentDir,
} from '@envscaler/bench';
import { runCli } from '../index.js';
import { writeCounterEnv } from '../test-fixtures/counter-env.js';
import { runReplayBatch } from './replay-batch.js';

interface OkLine {
  id?: string;
  line: number;
  ok: true;
  env: string;
  digestFormat: string;
  initialDigest?: string;
  digest?: string;
  results?: { ok: boolean; data?: unknown; error?: { code: string } }[];
  turns?: { results: { ok: boolean }[]; digest?: string }[];
  stateKind?: string;
  state?: unknown;
}
interface ErrorLine {
  id?: string;
  line: number;
  ok: false;
  error: { code: string; message: string };
}
type OutLine = OkLine | ErrorLine;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let root: string;
let stderr: string[];
let stdout: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cli-replay-batch-'));
  await writeCounterEnv({ root });
  await mkdir(path.join(root, 'states'));
  await writeFile(path.join(root, 'states', 'one.json'), JSON.stringify({ count: 1, secret: 's' }));
});

function capture() {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
}
afterEach(() => vi.restoreAllMocks());

const jsonl = (lines: readonly unknown[]) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
const readOut = async (file: string): Promise<OutLine[]> =>
  (await readFile(file, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as OutLine);
const okLine = (line: OutLine | undefined): OkLine => {
  if (!line?.ok) throw new Error(`expected an ok line, got ${JSON.stringify(line)}`);
  return line;
};

describe('envscaler replay --batch: BFCL multi-turn', () => {
  it('replays every train entry of the four categories in one batch, each per-turn digest as expected', async () => {
    const parameterOrder = bfclEnvHelpers.parameterOrderFromDocs(
      [...(await readBfclData()).docsByClass.values()].flat(),
    );
    const lines: unknown[] = [];
    const expected = new Map<string, { initial: string; turns: { digest: string; errors: number[] }[] }>();
    for (const category of BFCL_CATEGORIES) {
      const data = await readBfclData({ category });
      for (const entry of data.entries) {
        const want = data.expectedTrain.get(entry.id);
        if (!want) continue; // the test half has no published digests
        const turns = data.groundTruth.get(entry.id)!.map((turn) =>
          turn.map((source) => {
            const { name, args } = bfclEnvHelpers.parsePythonCall(source, { parameterOrder });
            return { name, arguments: args };
          }),
        );
        const config = {
          involved_classes: entry.involved_classes,
          initial_config: entry.initial_config,
          ...(category === 'long_context' ? { long_context: true } : {}),
        };
        lines.push({ id: entry.id, env: bfclEnvironmentDir, config, turns });
        expected.set(entry.id, {
          initial: want.initial_state_digest,
          turns: want.turns.map((t) => ({ digest: t.state_digest, errors: t.errors })),
        });
      }
    }
    expect(lines).toHaveLength(400);
    const batch = path.join(root, 'bfcl.jsonl');
    const out = path.join(root, 'bfcl-out.jsonl');
    await writeFile(batch, jsonl(lines));
    const summary = await runReplayBatch({ batch, out, omitState: true });
    expect(summary).toMatchObject({ lines: 400, failed: [], environments: 1 });
    // make_transaction in entry 121 of each category is the one call the reference class lacks (not train)
    expect(summary.failedCalls).toBe(0);
    const got = await readOut(out);
    expect(got.map((l) => l.id)).toEqual([...expected.keys()]);
    const mismatches: string[] = [];
    for (const raw of got) {
      const line = okLine(raw);
      const want = expected.get(line.id!)!;
      expect(line.digestFormat).toBe('bfcl'); // chosen by the environment's id
      expect(line.state).toBeUndefined();
      if (line.initialDigest !== want.initial) mismatches.push(`${line.id} initial`);
      const turns = line.turns!.map((t) => ({
        digest: t.digest,
        errors: t.results.flatMap((r, i) => (r.ok ? [] : [i])),
      }));
      turns.forEach((turn, t) => {
        if (JSON.stringify(turn) !== JSON.stringify(want.turns[t])) mismatches.push(`${line.id} turn ${t}`);
      });
      if (turns.length !== want.turns.length) mismatches.push(`${line.id} turn count`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});

describe('envscaler replay --batch: τ-bench domains', () => {
  it('replays τ²-retail and τ-airline tasks to their committed expected digests', async () => {
    const retail = await readTau2Data();
    const airline = await readTauAirlineData();
    // the airline world is three files in its package; one JSON file of it sits next to the batch
    await writeFile(path.join(root, 'states', 'airline-db.json'), airline.dbText);
    // a spread of tasks (each line digests a multi-megabyte world, ~0.2 s; the env packages' own tests
    // replay every task)
    const retailTasks = retail.tasks
      .filter((t) => retail.expectedTrain!.tasks[t.id])
      .filter((_, i) => i % 8 === 0);
    const airlineTasks = airline.tasks.filter((_, i) => i % 5 === 0);
    expect([retailTasks.length, airlineTasks.length]).toEqual([10, 10]);
    const lines = [
      ...retailTasks.map((task) => ({
        id: `retail-${task.id}`,
        env: tau2EnvironmentDir,
        initialStateFile: path.join(tau2DataDir, 'db.json'),
        calls: task.evaluation_criteria?.actions ?? [],
      })),
      ...airlineTasks.map((task) => ({
        id: `airline-${task.id}`,
        env: tauAirlineEnvironmentDir,
        initialStateFile: 'states/airline-db.json', // relative to the batch file
        calls: task.actions.map((a) => ({ name: a.name, arguments: a.kwargs })),
      })),
      // no calls: the digest of the untouched world
      {
        id: 'retail-initial',
        env: tau2EnvironmentDir,
        initialStateFile: path.join(tau2DataDir, 'db.json'),
        calls: [],
      },
      {
        id: 'airline-initial',
        env: tauAirlineEnvironmentDir,
        initialStateFile: 'states/airline-db.json',
        calls: [],
      },
    ];
    const want = new Map<string, { digest: string; failing: number[] }>([
      ...retailTasks.map((t) => {
        const e = retail.expectedTrain!.tasks[t.id]!;
        return [`retail-${t.id}`, { digest: e.final_digest, failing: e.failing_actions }] as const;
      }),
      ...airlineTasks.map((t) => {
        const e = airline.expectedTasks!.tasks[t.id]!;
        return [`airline-${t.id}`, { digest: e.final_digest, failing: e.failing_actions }] as const;
      }),
      ['retail-initial', { digest: retail.expectedTrain!.initial_digest, failing: [] }],
      ['airline-initial', { digest: airline.expectedTasks!.initial_digest, failing: [] }],
    ]);
    const batch = path.join(root, 'tau.jsonl');
    const out = path.join(root, 'tau-out.jsonl');
    await writeFile(batch, jsonl(lines));
    capture();
    expect(await runCli({ argv: ['replay', '--batch', batch, '--out', out, '--no-state', '--quiet'] })).toBe(
      0,
    );
    expect(stdout.join('')).toBe('');
    expect(stderr.join('')).toBe('');
    const got = (await readOut(out)).map(okLine);
    expect(got.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    const mismatches = got.flatMap((line) => {
      const expected = want.get(line.id!)!;
      const actual = {
        digest: line.digest,
        failing: line.results!.flatMap((r, i) => (r.ok ? [] : [i])),
      };
      return JSON.stringify(actual) === JSON.stringify(expected)
        ? []
        : [`${line.id}: ${JSON.stringify(actual)}`];
    });
    expect(mismatches).toEqual([]);
    // the tasks change the world (so matching digests are not a matter of doing nothing)
    const changed = got.filter((l) => l.digest !== want.get(`${l.id!.split('-')[0]}-initial`)!.digest);
    expect(changed.length).toBeGreaterThanOrEqual(10);
    expect(new Set(got.map((l) => l.digestFormat))).toEqual(new Set(['tau2-retail', 'tau-airline']));
  }, 120_000);
});

describe('envscaler replay --batch: lines', () => {
  it('turns bad lines into error lines naming the line, runs the others, and exits 2 at the end', async () => {
    const counter = path.join(root, 'counter');
    const lines = [
      {
        id: 'good-1',
        env: 'counter',
        initialStateFile: 'states/one.json',
        calls: [{ name: 'add', arguments: { by: 2 } }],
      },
      '{ "id": "broken", "env": ',
      { id: 'no-env', env: 'nowhere', initialState: { count: 0 }, calls: [] },
      '',
      { id: 'bad-calls', env: counter, initialState: { count: 0 }, calls: { name: 'add' } },
      { id: 'two-inits', env: counter, initialState: { count: 0 }, config: { start: 1 }, calls: [] },
      { id: 'no-calls', env: counter, initialState: { count: 0 } },
      { id: 'typo', env: counter, initial_state: { count: 0 }, calls: [] },
      { id: 'bad-digest', env: counter, initialState: { count: 0 }, calls: [], digest: 'md5' },
      { id: 'no-file', env: counter, initialStateFile: 'states/missing.json', calls: [] },
      { id: 'good-2', env: counter, config: { start: 10 }, calls: [{ name: 'add', arguments: { by: -1 } }] },
    ];
    const batch = path.join(root, 'bad.jsonl');
    const out = path.join(root, 'bad-out.jsonl');
    await writeFile(batch, jsonl(lines));
    capture();
    expect(await runCli({ argv: ['replay', '--batch', batch, '--out', out, '--quiet'] })).toBe(2);
    const summary = stderr.join('');
    expect(summary.trim().split('\n')).toHaveLength(1);
    expect(summary).toMatch(
      /^envscaler: replay --batch: 8 of 10 lines failed \(lines 2, 3, 5, 6, 7, 8, 9, 10; first: line 2: is not valid JSON/,
    );
    const got = await readOut(out);
    // one output line per non-blank input line, in input order
    expect(got.map((l) => l.line)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
    const errors = got.filter((l): l is ErrorLine => !l.ok);
    expect(errors.map((l) => [l.line, l.id, l.error.code])).toEqual([
      [2, undefined, 'INVALID_INPUT'],
      [3, 'no-env', 'NOT_FOUND'],
      [5, 'bad-calls', 'INVALID_INPUT'],
      [6, 'two-inits', 'INVALID_INPUT'],
      [7, 'no-calls', 'INVALID_INPUT'],
      [8, 'typo', 'INVALID_INPUT'],
      [9, 'bad-digest', 'INVALID_INPUT'],
      [10, 'no-file', 'NOT_FOUND'],
    ]);
    const message = (line: number) => errors.find((l) => l.line === line)!.error.message;
    expect(message(2)).toMatch(/^line 2: is not valid JSON at .*bad\.jsonl:2:26: unexpected end of input$/);
    expect(message(3)).toMatch(/^line 3: Environment module not found: .*nowhere/);
    expect(message(5)).toBe('line 5: $.calls must be array');
    expect(message(6)).toMatch(/^line 6: needs exactly one of .* \(got initialState and config\)/);
    expect(message(7)).toBe('line 7: needs exactly one of calls and turns');
    expect(message(8)).toBe('line 8: $.initial_state is not an allowed property');
    expect(message(9)).toMatch(/^line 9: \$\.digest must be one of "bfcl", /);
    expect(message(10)).toMatch(/^line 10: initial state file not found: .*states\/missing\.json/);
    const good = got.filter((l) => l.ok).map(okLine);
    expect(good.map((l) => [l.id, l.stateKind, l.state])).toEqual([
      ['good-1', 'full', { count: 3, secret: 's' }],
      ['good-2', 'public', { count: 10 }], // config-initialised: the public state, as in single replay
    ]);
    expect(good[1]!.results).toEqual([
      { ok: false, error: { code: 'NEGATIVE', message: 'by must not be negative' } },
    ]);
    // an environment of no suite: sha256 of the canonical JSON of the written state
    expect(good.map((l) => [l.digestFormat, l.digest])).toEqual([
      ['sha256-canonical', sha256('{"count":3,"secret":"s"}')],
      ['sha256-canonical', sha256('{"count":10}')],
    ]);
  }, 60_000);

  it('runs every line in a fresh session, in input order, on stdout, with per-turn digests on request', async () => {
    const add = (by: number) => ({ name: 'add', arguments: { by } });
    const lines = [
      { id: 'a', env: 'counter', initialStateFile: 'states/one.json', calls: [add(5)] },
      { id: 'b', env: 'counter', initialStateFile: 'states/one.json', calls: [add(5)] },
      { id: 'c', env: './counter/', initialStateFile: './states/one.json', calls: [add(1), add(1)] },
      {
        id: 'd',
        env: 'counter',
        config: { start: 0 },
        turns: [[add(1)], [], [add(2), add(3)]],
        digest: 'none',
      },
      { id: 'e', env: 'counter', config: { start: 0 }, turns: [[add(1)], [add(2)]], digest: 'bfcl' },
      { env: 'counter', initialState: { count: 7 }, calls: [] },
    ];
    const batch = path.join(root, 'order.jsonl');
    await writeFile(batch, jsonl(lines));
    capture();
    expect(await runCli({ argv: ['replay', '--batch', batch, '--full'] })).toBe(0);
    const got = stdout
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => okLine(JSON.parse(l) as OutLine));
    expect(got.map((l) => [l.id, l.line, l.state])).toEqual([
      ['a', 1, { count: 6, secret: 's' }],
      ['b', 2, { count: 6, secret: 's' }], // not 11: a's session did not leak into b's
      ['c', 3, { count: 3, secret: 's' }],
      ['d', 4, { count: 6, secret: 'x' }],
      ['e', 5, { count: 3, secret: 'x' }],
      [undefined, 6, { count: 7 }],
    ]);
    expect(got[0]!.results).toEqual([{ ok: true, data: 6 }]);
    expect(got[0]!.digest).toBe(got[1]!.digest);
    expect(got[3]).toMatchObject({ digestFormat: 'none' });
    expect(got[3]!.turns!.map((t) => [t.results.length, t.digest])).toEqual([
      [1, undefined],
      [0, undefined],
      [2, undefined],
    ]);
    expect(got[3]!.initialDigest).toBeUndefined();
    // 'bfcl' hashes the public state after every turn whatever --full writes
    expect(got[4]!.initialDigest).toBe(bfclEnvHelpers.stateDigest({ count: 0 }));
    expect(got[4]!.turns!.map((t) => t.digest)).toEqual([
      bfclEnvHelpers.stateDigest({ count: 1 }),
      bfclEnvHelpers.stateDigest({ count: 3 }),
    ]);
    // progress (plain mode on a non-TTY stderr) ends with the count
    expect(stderr.join('')).toMatch(/replay --batch\s+6\/6/);
  }, 60_000);

  it('loads each environment directory once, however many lines use it', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({
      id: String(i),
      env: i % 2 === 0 ? 'counter' : path.join(root, 'counter'),
      initialState: { count: i },
      calls: [{ name: 'add', arguments: { by: 1 } }],
    }));
    const batch = path.join(root, 'many.jsonl');
    await writeFile(batch, jsonl(lines));
    const progress: string[] = [];
    capture();
    const summary = await runReplayBatch({
      batch,
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    expect(summary).toEqual({ lines: 30, failed: [], failedCalls: 0, environments: 1 });
    expect(progress).toHaveLength(30);
    expect(progress.at(-1)).toBe('30/30');
    const states = stdout
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => okLine(JSON.parse(l) as OutLine).state);
    expect(states).toEqual(lines.map((_, i) => ({ count: i + 1 })));
  }, 60_000);

  it.each([
    [
      ['--batch', 'x.jsonl', '--env', 'counter', '--calls', 'c.json'],
      /--batch takes .* drop --env, --calls\n$/,
    ],
    [['--batch', 'x.jsonl', '--results', 'r.json'], /drop --results\n$/],
    [['--env', 'counter'], /replay needs --env <dir> and --calls <file> \(or --batch <file\.jsonl>/],
    [['--env', 'counter', '--calls', 'c.json', '--no-state'], /--no-state only apply with --batch/],
    [['--batch', 'missing.jsonl'], /batch file not found: .*missing\.jsonl/],
    [['--batch', 'x.jsonl', '--public', '--full'], /--public and --full exclude each other/],
  ])('%j is a one-line error with exit code 2', async (args, message) => {
    await writeFile(path.join(root, 'x.jsonl'), '');
    capture();
    const argv = ['replay', ...args.map((a) => (/\.json|^counter$/.test(a) ? path.join(root, a) : a))];
    expect(await runCli({ argv })).toBe(2);
    const text = stderr.join('');
    expect(text).toMatch(message);
    expect(text.trim().split('\n')).toHaveLength(1);
  });
});
