import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvscalerError } from '@envscaler/core';
import type { LoadedEnvironment } from '@envscaler/runtime';
import {
  runEnvironment,
  runTrials,
  taskTrials,
  trialCount,
  trialKey,
  type RunTrialsOptions,
  type TrialsProgress,
} from './trials.js';

interface Row {
  kind: 'row';
  id: string;
  value: number;
  error?: string;
}

function parseRow(value: unknown, source?: string): Row {
  const r = value as Partial<Row> | null;
  if (!r || r.kind !== 'row' || typeof r.id !== 'string')
    throw new EnvscalerError('INVALID_ARTIFACT', `${source ?? 'results'}: not a row`);
  return r as Row;
}

const line = (row: Row) => `${JSON.stringify(row)}\n`;

/** A run over ids with a stub shared value; `run` decides each trial. */
function options(
  ids: string[],
  run: (id: string) => Promise<Row>,
  extra: Partial<RunTrialsOptions<string, Row, string>> = {},
): RunTrialsOptions<string, Row, string> {
  return {
    items: ids,
    key: (id) => id,
    resultKey: (r) => r.id,
    parse: parseRow,
    open: async () => ({ value: 'shared' }),
    run: (id) => run(id),
    failed: (id, error) => ({ kind: 'row', id, value: -1, error }),
    concurrency: 2,
    ...extra,
  };
}

async function rows(file: string): Promise<Row[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
}

describe('runTrials', () => {
  it('runs every trial, records a thrown error as a failed result, appends each line, keeps item order', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-trials-'));
    const seen: Row[] = [];
    const progress: TrialsProgress<Row>[] = [];
    let closed = 0;
    const outcome = await runTrials(
      options(
        ['a', 'b', 'c'],
        async (id) => {
          // b finishes last although it starts first, so completion order differs from item order.
          await new Promise((resolve) => setTimeout(resolve, id === 'b' ? 30 : 1));
          if (id === 'c') throw new Error('model down');
          return { kind: 'row', id, value: id.charCodeAt(0) };
        },
        {
          out,
          open: async () => ({ value: 'shared', close: () => closed++ }),
          onResult: (r) => seen.push(r),
          onProgress: (p) => progress.push({ ...p, finished: [...p.finished] }),
        },
      ),
    );
    expect(outcome.ran).toBe(3);
    expect(outcome.skipped).toBe(0);
    expect(outcome.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(outcome.errored).toEqual([{ kind: 'row', id: 'c', value: -1, error: 'model down' }]);
    expect(seen.map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect((await rows(join(out, 'results.jsonl'))).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(closed).toBe(1);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ done: 3, total: 3, errors: 1, skipped: 0, running: 0 });
    expect(last.finished.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(progress[0]).toMatchObject({ done: 0, running: 0 });
    expect(Math.max(...progress.map((p) => p.running))).toBe(2);
  });

  it('resumes: skips trials with an error-free result, runs errored ones again, cuts a torn last line', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-trials-'));
    const file = join(out, 'results.jsonl');
    await writeFile(
      file,
      [
        line({ kind: 'row', id: 'a', value: 1 }),
        line({ kind: 'row', id: 'b', value: -1, error: 'timeout' }),
        line({ kind: 'row', id: 'z', value: 26 }),
        '{"kind":"row","id":"c","val',
      ].join(''),
    );
    const ran: string[] = [];
    const outcome = await runTrials(
      options(
        ['a', 'b', 'c'],
        async (id) => {
          ran.push(id);
          return { kind: 'row', id, value: 2 };
        },
        { out, concurrency: 1 },
      ),
    );
    expect(ran).toEqual(['b', 'c']);
    expect(outcome).toMatchObject({ ran: 2, skipped: 1, errored: [] });
    // The resumed result of a, then this run's; z is not wanted and is left out.
    expect(outcome.results).toEqual([
      { kind: 'row', id: 'a', value: 1 },
      { kind: 'row', id: 'b', value: 2 },
      { kind: 'row', id: 'c', value: 2 },
    ]);
    expect((await rows(file)).map((r) => `${r.id}${r.error ? '!' : ''}`)).toEqual(['a', 'b!', 'z', 'b', 'c']);

    const again = await runTrials(
      options(['a', 'b', 'c'], () => Promise.reject(new Error('must not run')), { out }),
    );
    expect(again).toMatchObject({ ran: 0, skipped: 3 });
  });

  it("refuses another benchmark's results file before opening anything", async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-trials-'));
    await writeFile(join(out, 'results.jsonl'), '{"benchmark":"other"}\n');
    let opened = false;
    await expect(
      runTrials(
        options(['a'], async (id) => ({ kind: 'row', id, value: 0 }), {
          out,
          open: async () => {
            opened = true;
            return { value: 'shared' };
          },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_ARTIFACT',
      message: expect.stringContaining('results.jsonl:1'),
    });
    expect(opened).toBe(false);
  });

  it('an abort stops new trials; the aborted one has no result; the run resolves with what it has', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-trials-'));
    const controller = new AbortController();
    const started: string[] = [];
    let closed = 0;
    const outcome = await runTrials(
      options(
        ['a', 'b', 'c', 'd'],
        async (id) => {
          started.push(id);
          if (id === 'b') {
            controller.abort();
            throw new EnvscalerError('ABORTED', 'aborted');
          }
          return { kind: 'row', id, value: 1 };
        },
        {
          out,
          concurrency: 1,
          signal: controller.signal,
          open: async () => ({ value: 'shared', close: () => closed++ }),
        },
      ),
    );
    expect(started).toEqual(['a', 'b']);
    expect(outcome).toMatchObject({ ran: 1, skipped: 0, errored: [] });
    expect(outcome.results.map((r) => r.id)).toEqual(['a']);
    expect((await rows(join(out, 'results.jsonl'))).map((r) => r.id)).toEqual(['a']);
    expect(closed).toBe(1);
  });

  it('a failure outside a trial (here onResult) rejects the run and still closes what was opened', async () => {
    let closed = 0;
    await expect(
      runTrials(
        options(['a', 'b'], async (id) => ({ kind: 'row', id, value: 1 }), {
          concurrency: 1,
          open: async () => ({ value: 'shared', close: () => closed++ }),
          onResult: () => {
            throw new Error('disk full');
          },
        }),
      ),
    ).rejects.toThrow('disk full');
    expect(closed).toBe(1);
  });

  it('without out nothing is written and results stay in memory; the trials get the shared value', async () => {
    const got: string[] = [];
    const outcome = await runTrials({
      ...options(['a'], async (id) => ({ kind: 'row', id, value: 1 })),
      run: async (id, shared): Promise<Row> => {
        got.push(shared);
        return { kind: 'row', id, value: 1 };
      },
    });
    expect(got).toEqual(['shared']);
    expect(outcome.results).toHaveLength(1);
  });
});

describe('trial helpers', () => {
  it('trialCount defaults to 1 and refuses anything but a positive integer', () => {
    expect(trialCount(undefined)).toBe(1);
    expect(trialCount(3)).toBe(3);
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => trialCount(bad)).toThrow(`trials must be a positive integer, got ${bad}`);
  });

  it('taskTrials lists trials task by task; trialKey tells (task, trial) pairs apart', () => {
    const pairs = taskTrials([{ id: 'x' }, { id: 'y' }], 2).map((p) => `${p.task.id}${p.trial}`);
    expect(pairs).toEqual(['x0', 'x1', 'y0', 'y1']);
    expect(trialKey('1', 12)).not.toBe(trialKey('11', 2));
  });

  it("runEnvironment leaves the caller's environment open and disposes one it loaded", async () => {
    let disposed = 0;
    const env = { dispose: () => disposed++ } as unknown as LoadedEnvironment;
    const given = await runEnvironment(env, () => Promise.reject(new Error('not loaded')))();
    given.close?.();
    expect(disposed).toBe(0);
    const loaded = await runEnvironment(undefined, async () => env)();
    expect(loaded.value).toBe(env);
    loaded.close?.();
    expect(disposed).toBe(1);
  });
});
