import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenchSuite, alternate, formatNumber, pairedRatios, renderTable, spreadOf } from './bench.js';

describe('benchmark reporting', () => {
  const saved = {
    dir: process.env.ENVSCALER_BENCH_RESULTS_DIR,
    noCheck: process.env.ENVSCALER_BENCH_NO_CHECK,
  };
  afterEach(() => {
    process.env.ENVSCALER_BENCH_RESULTS_DIR = saved.dir;
    process.env.ENVSCALER_BENCH_NO_CHECK = saved.noCheck;
    if (saved.dir === undefined) delete process.env.ENVSCALER_BENCH_RESULTS_DIR;
    if (saved.noCheck === undefined) delete process.env.ENVSCALER_BENCH_NO_CHECK;
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it('medians, spreads and per-round ratios', () => {
    expect(spreadOf([5, 1, 3, 2, 4])).toEqual({ median: 3, min: 1, max: 5, n: 5 });
    expect(spreadOf([1, 2, 3, 4]).median).toBe(2.5);
    expect(pairedRatios([2, 6], [1, 3])).toEqual([2, 2]);
    expect(formatNumber(16.234)).toBe('16.2');
    expect(formatNumber(2345.6)).toBe('2,346');
    expect(formatNumber(0.00312)).toBe('0.0031');
  });

  it('alternates variants, runs prepare steps outside the timing and drops warm-up rounds', async () => {
    const order: string[] = [];
    const t = await alternate(
      { rounds: 2, warmup: 1 },
      {
        a: () => void order.push('a'),
        b: { prepare: () => order.push('prepare b'), run: () => void order.push('b') },
      },
    );
    expect(order).toEqual(['a', 'prepare b', 'b', 'prepare b', 'b', 'a', 'a', 'prepare b', 'b']);
    expect(t.a.cpu).toHaveLength(2);
    expect(t.b.wall).toHaveLength(2);
  });

  it('gives every target a verdict, refuses figures of fewer than five repetitions, writes the results', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'envscaler-bench-test-'));
    process.env.ENVSCALER_BENCH_RESULTS_DIR = dir;
    delete process.env.ENVSCALER_BENCH_NO_CHECK;
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const suite = new BenchSuite('@envscaler/example');
    const fast = suite.compare({
      id: 'fast',
      name: 'fast thing',
      unit: 'µs',
      samples: [2, 2, 2, 2, 2],
      baseline: { name: 'direct', samples: [1, 1, 1, 1, 1] },
      target: { op: '<=', limit: 2 },
    });
    const slow = suite.value({
      id: 'rate',
      name: 'a rate',
      unit: 'ops/s',
      samples: [90, 95, 99, 80, 85],
      target: { op: '>=', limit: 100 },
    });
    suite.check({ id: 'answers', name: 'answers checked', ok: true, detail: 'all right' });
    suite.reference({ id: 'python', name: 'Python', unit: 'ops/s', value: 10, source: 'measured elsewhere' });
    expect(() => suite.value({ id: 'short', name: 'too few', unit: 'ms', samples: [1, 2, 3] })).toThrow(
      /at least 5/,
    );
    expect([fast.verdict, slow.verdict]).toEqual(['pass', 'fail']);
    expect(fast.ratio).toEqual({ value: 2, spread: [2, 2] });
    const results = suite.finish();
    expect(process.exitCode).toBe(1);
    const written = JSON.parse(await readFile(join(dir, '_envscaler_example.json'), 'utf8'));
    expect(written.rows.map((r: { verdict: string }) => r.verdict)).toEqual([
      'pass',
      'fail',
      'pass',
      'reference',
    ]);
    expect(written.suite).toBe(results.suite);
    const table = renderTable(results.rows);
    expect(table).toContain(
      '| @envscaler/example | fast thing | 2.00 µs (2.00–2.00, n=5) | direct: 1.00 µs (1.00–1.00) | 2.00× (2.00–2.00) | ≤ 2.00× | ✅ pass |',
    );
    expect(table).toContain('❌ MISSED');
    await rm(dir, { recursive: true, force: true });
  });

  it('--no-check reports a missed target without failing the process', () => {
    process.env.ENVSCALER_BENCH_NO_CHECK = '1';
    delete process.env.ENVSCALER_BENCH_RESULTS_DIR;
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const suite = new BenchSuite('x');
    suite.value({
      id: 'r',
      name: 'r',
      unit: 'ops/s',
      samples: [1, 1, 1, 1, 1],
      target: { op: '>=', limit: 2 },
    });
    suite.finish();
    expect(process.exitCode).toBeUndefined();
  });
});
