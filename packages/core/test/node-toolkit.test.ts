import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EnvscalerError,
  InvalidArtifactError,
  jsonSyntaxError,
  parseScenario,
  type JsonSchema,
} from '@envscaler/core';
import { mapConcurrent, parseArtifact, readArtifact, sha256Hex, writeFileAtomic } from '@envscaler/core/node';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-node-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const caught = async (run: () => unknown): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

describe('writeFileAtomic', () => {
  it('creates the parent folders and leaves no temporary file behind', async () => {
    const file = join(dir, 'a', 'b', 'out.json');
    await writeFileAtomic({ file, data: '{"x":1}\n' });
    expect(await readFile(file, 'utf8')).toBe('{"x":1}\n');
    await writeFileAtomic({ file, data: new TextEncoder().encode('bytes') });
    expect(await readFile(file, 'utf8')).toBe('bytes');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['out.json']);
  });

  it('writes an iterable of strings piece by piece, across its 1 MB batches, and refuses a non-string piece', async () => {
    const file = join(dir, 'lines.jsonl');
    const line = (i: number) => `${JSON.stringify({ i, pad: 'é'.repeat(300) })}\n`;
    function* lines() {
      for (let i = 0; i < 5000; i++) yield line(i);
    }
    await writeFileAtomic({ file, data: lines() });
    expect(await readFile(file, 'utf8')).toBe(Array.from({ length: 5000 }, (_, i) => line(i)).join(''));
    await writeFileAtomic({ file, data: [] });
    expect(await readFile(file, 'utf8')).toBe('');
    await writeFile(file, 'old');
    await expect(
      writeFileAtomic({ file, data: ['a', 7 as unknown as string] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('writes an async iterable as it yields, and keeps the old content when it throws part way', async () => {
    const file = join(dir, 'async.jsonl');
    async function* lines(fail: boolean) {
      for (let i = 0; i < 3000; i++) {
        if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (fail && i === 2500) throw new Error('source broke');
        yield `${JSON.stringify({ i, pad: 'x'.repeat(500) })}\n`;
      }
    }
    await writeFileAtomic({ file, data: lines(false) });
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3001);
    await expect(writeFileAtomic({ file, data: lines(true) })).rejects.toThrow('source broke');
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('keeps the old content and removes the temporary file when the write fails', async () => {
    const file = join(dir, 'kept.txt');
    await writeFile(file, 'old');
    // A value that is neither text nor bytes is refused before anything is written...
    await expect(writeFileAtomic({ file, data: 42 as unknown as string })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    // ...and a failure of the rename itself (the target is a non-empty folder) cleans up the temp file.
    const folder = join(dir, 'folder');
    await writeFileAtomic({ file: join(folder, 'inside'), data: 'x' });
    await expect(writeFileAtomic({ file: folder, data: 'new' })).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/),
    });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['folder', 'kept.txt']);
    expect(await readdir(folder)).toEqual(['inside']);
  });

  it('never leaves a torn file when many writers race on one file', async () => {
    const file = join(dir, 'race.json');
    const bodies = Array.from({ length: 24 }, (_, i) =>
      JSON.stringify({ i, pad: String(i % 10).repeat(200_000) }),
    );
    const reads: string[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text !== undefined) reads.push(text);
      }
    })();
    await Promise.all(bodies.map((data) => writeFileAtomic({ file, data })));
    writing = false;
    await reader;
    const final = await readFile(file, 'utf8');
    expect(bodies).toContain(final);
    for (const text of reads) expect(bodies).toContain(text);
    expect(await readdir(dir)).toEqual(['race.json']);
  });
});

describe('mapConcurrent', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('returns results in input order and never runs more than the bound at once', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    const results = await mapConcurrent({
      items,
      concurrency: 3,
      fn: async (item, index) => {
        running++;
        peak = Math.max(peak, running);
        await sleep((item * 7) % 5); // finish out of order
        running--;
        return `${item}:${index}`;
      },
    });
    expect(results).toEqual(items.map((i) => `${i}:${i}`));
    expect(peak).toBe(3);
    expect(await mapConcurrent({ items: [], concurrency: 2, fn: () => 1 })).toEqual([]);
  });

  it('rejects with the first error after the calls in flight settle, and starts no new ones', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const error = await caught(() =>
      mapConcurrent({
        items: [0, 1, 2, 3, 4, 5, 6, 7],
        concurrency: 3,
        fn: async (item) => {
          started.push(item);
          if (item === 1) throw new Error('boom 1');
          if (item === 2) {
            await sleep(20);
            settled.push(item);
            throw new Error('boom 2');
          }
          await sleep(5);
          settled.push(item);
          return item;
        },
      }),
    );
    expect((error as Error).message).toBe('boom 1');
    // 0 and 2 were in flight when 1 failed: both settled before the rejection; nothing after 2 started.
    expect(settled.sort()).toEqual([0, 2]);
    expect(started.sort()).toEqual([0, 1, 2]);
  });

  it('turns a synchronous throw into the rejection', async () => {
    await expect(
      mapConcurrent({
        items: [1],
        concurrency: 1,
        fn: () => {
          throw new EnvscalerError('INTERNAL', 'sync');
        },
      }),
    ).rejects.toThrow('sync');
  });

  it('stops starting work once the signal aborts, then rejects with ABORTED', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const error = await caught(() =>
      mapConcurrent({
        items: [0, 1, 2, 3, 4, 5],
        concurrency: 2,
        signal: controller.signal,
        fn: async (item) => {
          started.push(item);
          if (item === 2) controller.abort(new Error('stop'));
          await sleep(2);
          return item;
        },
      }),
    );
    expect(error).toMatchObject({
      code: 'ABORTED',
      message: expect.stringMatching(/aborted after \d of 6 items/),
    });
    expect(started.length).toBeLessThan(6);
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(mapConcurrent({ items: [1], concurrency, fn: (x) => x })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('concurrency must be a positive integer'),
      });
    }
  });
});

describe('sha256Hex', () => {
  it('hashes text as UTF-8 and bytes as they are', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('héllo')).toBe(createHash('sha256').update(Buffer.from('héllo', 'utf8')).digest('hex'));
    expect(sha256Hex(Buffer.from([1, 2, 3]))).toBe(
      createHash('sha256')
        .update(Buffer.from([1, 2, 3]))
        .digest('hex'),
    );
  });
});

describe('parseArtifact and readArtifact', () => {
  const schema: JsonSchema = {
    type: 'object',
    required: ['id', 'steps'],
    properties: {
      id: { type: 'string' },
      steps: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
    },
  };

  it('names file:line:column for a syntax error on line 3', () => {
    const text = '{\n  "id": "a",\n  "steps": [1,, 2]\n}\n';
    const error = (() => {
      try {
        parseArtifact({ text, source: 'out/env.json' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidArtifactError);
    expect(error).toMatchObject({
      code: 'INVALID_ARTIFACT',
      details: { file: 'out/env.json', line: 3, column: 15 },
    });
    expect((error as Error).message).toContain('out/env.json:3:15');
    expect((error as Error).message).toMatch(/is not valid JSON: unexpected "," where a value should be/);
  });

  it('locates errors V8 reports without a position, past a byte-order mark, and at the end', () => {
    const at = (text: string) => {
      try {
        parseArtifact({ text, source: 'f.json' });
      } catch (e) {
        return (e as Error).message.match(/\(f\.json:(\d+:\d+)\)/)?.[1];
      }
      return 'parsed';
    };
    expect(at('{\n  "a": 1,\n}')).toBe('3:1'); // trailing comma
    expect(at('\uFEFF[1,\n tru]')).toBe('2:5');
    expect(at('{"a": "x\ny"}')).toBe('1:9'); // raw newline in a string
    expect(at('{ "a": ')).toBe('1:8');
    expect(at('[1] [2]')).toBe('1:5');
    expect(at('\uFEFF{"ok": [1e5, -0.5, "\\u00e9"]}')).toBe('parsed');
  });

  it('agrees with JSON.parse on what is and is not JSON', () => {
    const samples = [
      '{"a":[1,2,{"b":null}],"c":"\\"q\\""}',
      '01',
      '-',
      '1.',
      '1e',
      '1e+2',
      '"\\x"',
      '"\\u12"',
      '[',
      ']',
      '{"a" 1}',
      '{"a":1 "b":2}',
      'nul',
      'true false',
      ' \t\r\n42 ',
      '{"":""}',
      '[[[[[]]]]]',
      '{,}',
      '"\t"',
    ];
    for (const text of samples) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(jsonSyntaxError(text) === undefined, text).toBe(parses);
    }
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(jsonSyntaxError(deep)).toMatchObject({ offset: deep.length, reason: 'unexpected end of input' });
  });

  it('lists schema violations with the source and their JSON paths', () => {
    const text = JSON.stringify({ id: 7, steps: [{ n: 1 }, { n: 'two' }] });
    let error: unknown;
    try {
      parseArtifact({ text, source: 'runs/r1/report.json', schema, artifact: 'report' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArtifactError);
    const message = (error as Error).message;
    expect(message).toContain('Invalid report (runs/r1/report.json)');
    expect(message).toContain('$.id: must be string');
    expect(message).toContain('$.steps[1].n: must be integer');
    expect(parseArtifact({ text: '{"id":"x","steps":[]}', source: 's', schema })).toEqual({
      id: 'x',
      steps: [],
    });
  });

  it('hands the value and the source to a typed parser', () => {
    expect(() =>
      parseArtifact({ text: '{"id":"s1"}', source: 'scenarios/s1.json', parse: parseScenario }),
    ).toThrow(/Invalid Scenario \(scenarios\/s1\.json\)/);
    expect(() => parseArtifact({ text: '{}', source: 'x', schema, parse: (v) => v })).toThrow(/not both/);
  });

  it('reads a file, and says NOT_FOUND naming a missing one', async () => {
    const file = join(dir, 'env.json');
    await writeFile(file, '{"id":"e","steps":[{"n":3}]}');
    expect(await readArtifact({ file, schema })).toEqual({ id: 'e', steps: [{ n: 3 }] });
    const missing = join(dir, 'nope', 'env.json');
    const error = await caught(() => readArtifact({ file: missing, artifact: 'environment package' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: `environment package not found: ${missing}` });
    await writeFile(file, '{\n\n "id": }');
    await expect(readArtifact({ file })).rejects.toThrow(`${file}:3:8`);
    await expect(readArtifact({ file: dir })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
