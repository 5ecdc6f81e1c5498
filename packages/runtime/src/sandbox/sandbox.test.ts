import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentSession, LoadedEnvironment } from '../index.js';
import { libraryState } from '../fixtures/library-state.js';
import { loadLibrary } from '../fixtures/load-fixture.js';

let env: LoadedEnvironment;
let bystander: EnvironmentSession;
let bystanderState: unknown;
// Memory tests get a generous time limit, so the memory limit (not the clock) ends the bomb.
let memEnv: LoadedEnvironment;
let memBystander: EnvironmentSession;
let memBystanderState: unknown;

async function probe(session: EnvironmentSession, expression: string) {
  return session.call('misbehave', { how: 'escape', probe: expression });
}

beforeAll(async () => {
  env = await loadLibrary({ limits: { callTimeoutMs: 250, memoryMb: 64 } });
  // A session with history that every escape and runaway below must leave untouched.
  bystander = await env.createSession({ initialState: libraryState() });
  await bystander.call('lendBook', { memberId: 'm1', bookId: 'b1' });
  await bystander.call('updateMember', { memberId: 'm2', notes: { x: 'y' } });
  await bystander.call('roll', {});
  bystanderState = await bystander.snapshot();
  memEnv = await loadLibrary({ limits: { callTimeoutMs: 10_000, memoryMb: 64 } });
  memBystander = await memEnv.createSession({ initialState: libraryState() });
  await memBystander.call('lendBook', { memberId: 'm1', bookId: 'b1' });
  await memBystander.call('roll', {});
  memBystanderState = await memBystander.snapshot();
});

afterAll(() => {
  env.dispose();
  memEnv.dispose();
});

async function expectBystanderIntact(which: 'time' | 'memory' = 'time') {
  const [session, state] = which === 'time' ? [bystander, bystanderState] : [memBystander, memBystanderState];
  expect(await session.snapshot()).toEqual(state);
  const r = await session.call('getBook', { bookId: 'b1' });
  expect(r).toMatchObject({ ok: true, data: { loanedTo: 'm1' } });
}

describe('sandbox escapes', () => {
  const unreachable = [
    'typeof process',
    'typeof require',
    'typeof module',
    'typeof fetch',
    'typeof setTimeout',
    'typeof setInterval',
    'typeof setImmediate',
    'typeof Buffer',
    'typeof SharedArrayBuffer',
    'typeof Atomics',
    'typeof WebAssembly',
    'typeof __envscaler',
    "globalThis.constructor.constructor('return typeof process')()",
    "(0, eval)('this').constructor.constructor('return typeof require')()",
    "this.constructor.constructor('return typeof process')()",
    "Object.getPrototypeOf(async function(){}).constructor('return typeof process')().constructor.name === 'Promise' ? 'undefined' : 'reached'",
    "[].constructor.constructor('return typeof globalThis.process')()",
  ];
  it.each(unreachable)('%s is not reachable', async (expression) => {
    const session = await env.createSession({ initialState: libraryState() });
    const r = await probe(session, expression);
    expect(r).toEqual({ ok: true, data: 'undefined' });
    session.dispose();
  });

  it('the Function constructor only builds functions inside the isolate', async () => {
    const session = await env.createSession({ initialState: libraryState() });
    const r = await probe(session, "Function('return process.mainModule')()");
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'TOOL_THREW', message: expect.stringContaining('process is not defined') },
    });
    const viaError = await probe(
      session,
      "new Error('x').constructor.constructor('return require(\"fs\")')()",
    );
    expect(viaError).toMatchObject({
      ok: false,
      error: { code: 'TOOL_THREW', message: expect.stringContaining('require is not defined') },
    });
    session.dispose();
  });

  it('dynamic import() cannot load modules', async () => {
    const session = await env.createSession({ initialState: libraryState() });
    // The only place a callback could leave a trace is the session's own state.
    const started = await probe(
      session,
      "(import('node:fs').then((m) => { this.state.log.push('loaded ' + Object.keys(m).length) }, () => { this.state.log.push('rejected') }), 'started')",
    );
    // Either import() throws synchronously or its promise rejects: it never yields a module.
    if (started.ok) expect(JSON.stringify(await session.snapshot())).not.toMatch(/loaded/);
    else expect(started.error.code).toBe('TOOL_THREW');
    session.dispose();
  });

  it('globals and built-ins are frozen: no patching, nothing shared between sessions, host untouched', async () => {
    const session = await env.createSession({ initialState: libraryState() });
    for (const attempt of [
      'globalThis.process = { exit() {} }',
      'globalThis.Array = null',
      'Array.prototype.push = function () { return 0 }',
      'Object.prototype.polluted = 1',
      'JSON.stringify = () => "{}"',
      'Math.random = () => 0',
    ]) {
      expect(await probe(session, `(${attempt}, 'x')`)).toMatchObject({
        ok: false,
        error: { code: 'TOOL_THREW' },
      });
    }
    expect(await probe(session, 'typeof ({}).polluted')).toEqual({ ok: true, data: 'undefined' });
    expect(typeof process.pid).toBe('number');
    expect(Array.isArray([])).toBe(true);
    expect(typeof process.pid).toBe('number');
    expect(Array.isArray([])).toBe(true);
    session.dispose();
    await expectBystanderIntact();
  });

  it("the shared base cannot be written through JSON.stringify's toJSON fast path", async () => {
    const session = await env.createSession({ initialState: libraryState() });
    const r = await probe(
      session,
      "(() => { const raw = this.state.books.toJSON(); raw.b2.title = 'hacked'; return 1 })()",
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'TOOL_THREW',
        message: expect.stringMatching(/read only|read-only|frozen|Cannot assign/),
      },
    });
    expect(await probe(session, 'JSON.parse(JSON.stringify(this.state.books)).b2.title')).toEqual({
      ok: true,
      data: 'Emma',
    });
    const other = await env.createSession({ initialState: libraryState() });
    expect(await other.call('getBook', { bookId: 'b2' })).toMatchObject({
      ok: true,
      data: { title: 'Emma' },
    });
    session.dispose();
    other.dispose();
  });

  it('a returned Promise is refused: tools are synchronous', async () => {
    const session = await env.createSession({ initialState: libraryState() });
    const r = await probe(session, 'Promise.resolve(1)');
    // ok(promise) serialises to {} – the promise itself never reaches the host
    expect(r.ok ? r.data : r.error.code).toEqual({});
    session.dispose();
  });
});

describe('answers of every length cross intact', () => {
  // Long answers cross in an array (a plain string for the host, not an external one): both ways must
  // give back exactly the text, one-byte or two-byte, at and around the lengths where the way changes.
  it.each([
    ['one-byte', 'ab'],
    ['two-byte', 'é€'],
    ['astral', '😀'],
  ])('%s text', async (_label, unit) => {
    const session = await env.createSession({ initialState: libraryState() });
    for (const length of [0, 1, 250, 254, 255, 256, 511, 512, 513, 1023, 1024, 5000, 100_000]) {
      const expression = `${JSON.stringify(unit)}.repeat(${length})`;
      const r = await probe(session, expression);
      expect(r).toEqual({ ok: true, data: unit.repeat(length) });
      expect(await session.callJson('misbehave', { how: 'escape', probe: expression })).toBe(
        JSON.stringify({ ok: true, data: unit.repeat(length) }),
      );
    }
    session.dispose();
  });
});

describe('runaway code ends the call with a named limit', () => {
  it.each([
    ['loop', 'TIMEOUT', /250 ms/, 'time'],
    ['regex', 'TIMEOUT', /250 ms/, 'time'],
    ['recurse', 'STACK_OVERFLOW', /call stack/, 'time'],
    ['bomb', 'MEMORY_LIMIT', /memory limit/, 'memory'],
    ['string-bomb', 'MEMORY_LIMIT', /memory limit/, 'memory'],
    ['buffer-bomb', 'MEMORY_LIMIT', /memory limit/, 'memory'],
  ] as const)(
    '%s → %s, rolled back; the host and other sessions keep working',
    async (how, code, message, which) => {
      const target = which === 'time' ? env : memEnv;
      const session = await target.createSession({ initialState: libraryState() });
      await session.call('lendBook', { memberId: 'm2', bookId: 'b2' });
      const before = await session.snapshot();
      const started = Date.now();
      const r = await session.call('misbehave', { how });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(10_000);
      // a call's deadline is rounded up to a grid, never down: it gets at least its whole limit
      if (code === 'TIMEOUT') expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
      // the failed call had no effect (it had bumped the counter before running away)
      expect(await session.snapshot()).toEqual(before);
      expect(await session.call('returnBook', { bookId: 'b2' })).toEqual({ ok: true, data: null });
      await expectBystanderIntact(which);
      // new sessions work too
      const fresh = await target.createSession({ initialState: libraryState() });
      expect(await fresh.call('getBook', { bookId: 'b3' })).toMatchObject({ ok: true });
      fresh.dispose();
      session.dispose();
    },
  );

  it('callJson: a runaway call answers its limit as text; the calls before it survive the rollback', async () => {
    const session = await env.createSession({ initialState: libraryState() });
    expect(JSON.parse(await session.callJson('lendBook', { memberId: 'm2', bookId: 'b2' }))).toEqual({
      ok: true,
      data: expect.anything(),
    });
    const before = await session.snapshot();
    const text = await session.callJson('misbehave', { how: 'loop' });
    expect(JSON.parse(text)).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: expect.stringMatching(/250 ms/) },
    });
    // the rebuild replayed the journal, which holds the callJson call too
    expect(await session.snapshot()).toEqual(before);
    expect(await session.callJson('returnBook', { bookId: 'b2' })).toBe('{"ok":true,"data":null}');
    session.dispose();
  });

  it('a thrown error is a TOOL_THREW result and keeps what the tool wrote before throwing', async () => {
    const session = await env.createSession({ initialState: libraryState() });
    expect(await session.call('misbehave', { how: 'throw' })).toEqual({
      ok: false,
      error: { code: 'TOOL_THREW', message: 'deliberate failure' },
    });
    expect(await session.call('misbehave', { how: 'throw-after-write' })).toEqual({
      ok: false,
      error: { code: 'TOOL_THREW', message: 'failed after writing' },
    });
    expect(await session.snapshot()).toMatchObject({ log: ['partial'], counter: 2000 });
    session.dispose();
  });
});

describe('determinism inside the sandbox', () => {
  it('Math.random is a per-session seeded generator and Date.now is the call time', async () => {
    const a = await env.createSession({ initialState: libraryState(), seed: 7 });
    const b = await env.createSession({ initialState: libraryState(), seed: 7 });
    const c = await env.createSession({ initialState: libraryState(), seed: 8 });
    const roll = async (s: EnvironmentSession) => {
      const values: number[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await s.call('roll', { sides: 1000 });
        if (!r.ok) throw new Error(r.error.message);
        values.push((r.data as { value: number }).value);
      }
      return values;
    };
    const before = Date.now();
    const ra = await roll(a);
    expect(await roll(b)).toEqual(ra);
    expect(await roll(c)).not.toEqual(ra);
    const t = await a.call('roll', {});
    const now = (t as { data: { now: number } }).data.now;
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    for (const s of [a, b, c]) s.dispose();
  });
});

describe('JSON.stringify over a shared base', () => {
  // The sandbox prints an untouched base record once and keeps its text; these checks compare every
  // answer with what the host's own JSON.stringify prints of the same data.
  const printed = async (session: EnvironmentSession, expression: string) => {
    const r = await probe(session, expression);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };

  it('prints what the native serializer prints, and a write shows in the node and its parents', async () => {
    const base = libraryState();
    const writer = await env.createSession({ initialState: base });
    const reader = await env.createSession({ initialState: base });
    for (let i = 0; i < 3; i++) {
      expect(await printed(writer, 'JSON.stringify(this.state.books.b1)')).toBe(
        JSON.stringify(base.books.b1),
      );
      expect(await printed(writer, 'JSON.stringify(this.state.books)')).toBe(JSON.stringify(base.books));
      expect(await printed(reader, 'JSON.stringify(this.state.members.m1.address)')).toBe(
        JSON.stringify(base.members.m1.address),
      );
    }
    expect(await writer.call('lendBook', { memberId: 'm1', bookId: 'b1' })).toMatchObject({ ok: true });
    const after = (await writer.snapshot()) as ReturnType<typeof libraryState>;
    expect(after.books.b1.loanedTo).toBe('m1');
    expect(await printed(writer, 'JSON.stringify(this.state.books.b1)')).toBe(JSON.stringify(after.books.b1));
    expect(await printed(writer, 'JSON.stringify(this.state.books)')).toBe(JSON.stringify(after.books));
    expect(await printed(writer, 'JSON.stringify(this.state.members.m1)')).toBe(
      JSON.stringify(after.members.m1),
    );
    // the other session still reads the base as it was
    expect(await printed(reader, 'JSON.stringify(this.state.books.b1)')).toBe(JSON.stringify(base.books.b1));
    expect(await printed(reader, 'JSON.stringify(this.state.books)')).toBe(JSON.stringify(base.books));
    writer.dispose();
    reader.dispose();
  });

  it('honours a replacer and indentation, and prints values that are not base records as before', async () => {
    const base = libraryState();
    const session = await env.createSession({ initialState: base });
    const b2 = base.books.b2;
    expect(await printed(session, 'JSON.stringify(this.state.books.b2, null, 2)')).toBe(
      JSON.stringify(b2, null, 2),
    );
    expect(await printed(session, "JSON.stringify(this.state.books.b2, ['title', 'year'])")).toBe(
      JSON.stringify(b2, ['title', 'year']),
    );
    expect(
      await printed(session, "JSON.stringify(this.state.books.b2, (k, v) => (k === 'year' ? undefined : v))"),
    ).toBe(JSON.stringify(b2, (k, v: unknown) => (k === 'year' ? undefined : v)));
    expect(await printed(session, 'JSON.stringify({ b: this.state.books.b2, n: [1, "x"] })')).toBe(
      JSON.stringify({ b: b2, n: [1, 'x'] }),
    );
    expect(await printed(session, 'JSON.stringify(this.state.books.b2.tags)')).toBe(JSON.stringify(b2.tags));
    expect(await printed(session, 'String(JSON.stringify(undefined))')).toBe('undefined');
    session.dispose();
  });
});
