import { afterAll, describe, expect, it } from 'vitest';
import { createCheckRunner, normalizeCheckSource, transpileCheck } from './check-runner.js';

const initial = { orders: { a: { status: 'pending', items: [1, 2] } }, count: 1 };
const final = { orders: { a: { status: 'cancelled', items: [1, 2] } }, count: 2 };

describe('normalizeCheckSource', () => {
  it('accepts arrow functions, function expressions and check declarations', () => {
    expect(normalizeCheckSource('(final, initial) => final.count > initial.count').form).toBe('expression');
    expect(normalizeCheckSource('(f: { n: number }) => { return f.n > 0; };').form).toBe('expression');
    expect(normalizeCheckSource('function (final) { return true; }').form).toBe('expression');
    expect(normalizeCheckSource('function check(final, initial) { return true; }').form).toBe('declaration');
    expect(
      normalizeCheckSource(
        'const n = 2;\nfunction helper(x: number) { return x; }\nfunction check(f: any) { return helper(f) === n; }',
      ).form,
    ).toBe('declaration');
  });

  it('rejects other shapes with INVALID_ARTIFACT', () => {
    expect(() => normalizeCheckSource('final.count > 1')).toThrow(/must be a function expression/);
    expect(() => normalizeCheckSource('(final) => {')).toThrow(/does not parse/);
  });

  it('transpiles type annotations away', () => {
    const js = transpileCheck(
      '(final: Readonly<{ count: number }>, initial: Readonly<{ count: number }>): boolean => final.count > initial.count',
    );
    expect(js).not.toContain('Readonly');
    expect(js).toContain('__check');
  });
});

for (const sandbox of ['isolated-vm', 'none'] as const) {
  describe(`createCheckRunner (${sandbox})`, () => {
    const runner = createCheckRunner({ sandbox, timeoutMs: 1000 });
    afterAll(() => runner.dispose());

    it('runs every check over both states', async () => {
      const results = await runner.run({
        initial,
        final,
        checks: [
          {
            id: 'status',
            source:
              "(final, initial) => final.orders.a.status === 'cancelled' && initial.orders.a.status === 'pending'",
          },
          {
            id: 'count',
            source:
              'function check(final: any, initial: any): boolean { return final.count === initial.count + 1; }',
          },
          { id: 'fails', source: '(final) => final.count === 99' },
        ],
      });
      expect(results).toEqual([
        { id: 'status', passed: true },
        { id: 'count', passed: true },
        { id: 'fails', passed: false },
      ]);
    });

    it('turns throws, non-booleans, timeouts, mutation and bad source into failed checks', async () => {
      const results = await runner.run({
        initial,
        final,
        checks: [
          { id: 'throws', source: '(final: any) => final.missing.deep === 1' },
          { id: 'truthy', source: '(final: any) => final.count' },
          { id: 'promise', source: 'async (final: any) => true' },
          { id: 'loop', source: '() => { while (true) {} }' },
          { id: 'mutates', source: '(final: any) => { final.count = 5; return true; }' },
          { id: 'syntax', source: 'final.count === 2' },
          { id: 'after', source: '(final: any) => final.count === 2' },
        ],
      });
      const byId = Object.fromEntries(results.map((r) => [r.id, r]));
      for (const id of ['throws', 'truthy', 'promise', 'loop', 'mutates', 'syntax']) {
        expect(byId[id]!.passed, id).toBe(false);
        expect(byId[id]!.error, id).toBeTruthy();
      }
      expect(byId.truthy!.error).toMatch(/number, not a boolean/);
      expect(byId.loop!.error).toMatch(/timed out/);
      expect(byId.after).toEqual({ id: 'after', passed: true });
    });

    it('does not leak states between runs or mutate the caller’s objects', async () => {
      const mine = { count: 1 };
      await runner.run({
        initial: mine,
        final: mine,
        checks: [{ id: 'x', source: '(f: any) => { try { f.count = 2 } catch {} return true; }' }],
      });
      expect(mine.count).toBe(1);
      expect(Object.isFrozen(mine)).toBe(false);
    });
  });
}

describe('isolated-vm sandbox', () => {
  it('queues concurrent runs so large states do not exhaust a small heap, and caches repeated states correctly', async () => {
    const runner = createCheckRunner({ memoryMb: 24 });
    const big = (tag: string) => ({
      tag,
      rows: Array.from({ length: 20_000 }, (_, i) => ({ id: `r${i}`, value: i, note: 'x'.repeat(20) })),
    });
    const initial = big('start');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        runner.run({
          initial,
          final: n % 3 === 0 ? initial : big(`end-${n}`),
          checks: [
            {
              id: 'tag',
              source: `(final: any, initial: any) => initial.tag === 'start' && final.tag === ${JSON.stringify('')} + (${n} % 3 === 0 ? 'start' : 'end-${n}') && final.rows.length === 20000`,
            },
          ],
        }),
      ),
    );
    expect(results.map((r) => r[0])).toEqual(Array.from({ length: 12 }, () => ({ id: 'tag', passed: true })));
    runner.dispose();
  });

  it('keeps concurrent runs apart and lets no check leave anything behind for another', async () => {
    const runner = createCheckRunner();
    const polluter = {
      id: 'pollute',
      source: `(final: any) => {
        try { (globalThis as any).leak = 1; } catch {}
        try { (Array.prototype as any).some = () => true; } catch {}
        try { (Object as any).keys = () => []; } catch {}
        return true;
      }`,
    };
    const probe = {
      id: 'probe',
      source:
        "(final: any) => typeof (globalThis as any).leak === 'undefined' && ![1].some((x) => x === 2) && Object.keys({ a: 1 }).length === 1",
    };
    await runner.run({ initial: {}, final: {}, checks: [polluter] });
    expect(await runner.run({ initial: {}, final: {}, checks: [probe] })).toEqual([
      { id: 'probe', passed: true },
    ]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        runner.run({
          initial: { n: 0 },
          final: { n },
          checks: [{ id: 'n', source: `(final: any) => final.n === ${n}` }],
        }),
      ),
    );
    expect(results.every((r) => r[0]!.passed)).toBe(true);
    runner.dispose();
  });

  it('exposes no process, require or timers', async () => {
    const runner = createCheckRunner();
    const results = await runner.run({
      initial: {},
      final: {},
      checks: [
        { id: 'process', source: "() => typeof (globalThis as any).process === 'undefined'" },
        { id: 'require', source: "() => typeof (globalThis as any).require === 'undefined'" },
        { id: 'timers', source: "() => typeof (globalThis as any).setTimeout === 'undefined'" },
      ],
    });
    runner.dispose();
    expect(results.every((r) => r.passed)).toBe(true);
  });
});
