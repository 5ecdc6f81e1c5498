import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment, replayCalls, type EnvironmentSession, type LoadedEnvironment } from './index.js';
import { libraryState } from './fixtures/library-state.js';
import { loadLibrary } from './fixtures/load-fixture.js';

const modes = ['isolated-vm', 'none'] as const;
const envs: Record<(typeof modes)[number], LoadedEnvironment> = {} as never;

beforeAll(async () => {
  for (const mode of modes) envs[mode] = await loadLibrary({ sandbox: mode });
});
afterAll(() => {
  for (const mode of modes) envs[mode].dispose();
});

/** A deterministic script of calls for member/book pairs, mixing successes and failures. */
function script(i: number): { name: string; arguments: Record<string, unknown> }[] {
  const book = `b${(i % 3) + 1}`;
  const member = i % 2 === 0 ? 'm1' : 'm2';
  return [
    { name: 'lendBook', arguments: { memberId: member, bookId: book } },
    {
      name: 'updateMember',
      arguments: { memberId: member, notes: { [`k${i}`]: `v${i}` }, vip: i % 4 === 0 },
    },
    { name: 'lendBook', arguments: { memberId: 'm1', bookId: book } }, // fails: on loan
    {
      name: 'addBook',
      arguments: {
        id: `n${i}`,
        book: { title: `T${i}`, author: 'A', year: 2000 + i, condition: 'new', tags: [] },
      },
    },
    { name: 'returnBook', arguments: { bookId: i % 5 === 0 ? book : 'b9' } },
    { name: 'roll', arguments: { sides: 100 } },
    { name: 'stats', arguments: { by: 'condition' } },
  ];
}

describe.each(modes)('sessions (sandbox: %s)', (mode) => {
  let env: LoadedEnvironment;
  beforeAll(() => {
    env = envs[mode];
  });

  it('validates arguments before running the tool, naming the tool, the field and the expectation', async () => {
    const s = await env.createSession({ initialState: libraryState() });
    const bad = async (name: string, args: unknown) => {
      const r = await s.call(name, args);
      if (r.ok) throw new Error('expected a failure');
      return r.error;
    };
    expect(await bad('nope', {})).toEqual({
      code: 'UNKNOWN_TOOL',
      message: expect.stringMatching(/Unknown tool 'nope'\. Available tools: getBook, listBooks/),
    });
    expect(await bad('getBook', {})).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: "Invalid arguments for tool 'getBook': arguments.bookId is required but missing",
    });
    expect((await bad('lendBook', { memberId: 'm1', bookId: 7 })).message).toBe(
      "Invalid arguments for tool 'lendBook': arguments.bookId must be string",
    );
    expect((await bad('listBooks', { condition: 'mint' })).message).toBe(
      `Invalid arguments for tool 'listBooks': arguments.condition must be one of "new", "good", "worn"`,
    );
    expect(
      (await bad('updateMember', { memberId: 'm1', address: { street: 's', city: 'c' } })).message,
    ).toMatch(/arguments\.address\.zip is required but missing/);
    expect((await bad('updateMember', { memberId: 'm1', notes: { a: 1 } })).message).toMatch(
      /arguments\.notes\.a must be string/,
    );
    expect((await bad('getBook', { bookId: 'b1', extra: true })).message).toMatch(
      /arguments\.extra is not an allowed property/,
    );
    expect((await bad('getBook', null)).message).toMatch(/arguments must be object/);
    // nothing ran
    expect(await s.snapshot()).toEqual(libraryState());
    expect(s.callCount).toBe(0);
    s.dispose();
  });

  it('gives every session a private deep copy; the caller object is never mutated', async () => {
    const initial = libraryState();
    const frozenCopy = structuredClone(initial);
    const a = await env.createSession({ initialState: initial });
    const b = await env.createSession({ initialState: initial });
    await a.call('lendBook', { memberId: 'm1', bookId: 'b1' });
    await a.call('updateMember', {
      memberId: 'm2',
      notes: { z: 'z' },
      address: { street: 'x', city: 'y', zip: '1' },
    });
    expect(initial).toEqual(frozenCopy);
    expect(await b.snapshot()).toEqual(frozenCopy);
    const snap = (await a.snapshot()) as ReturnType<typeof libraryState>;
    expect(snap.books.b1!.loanedTo).toBe('m1');
    expect(snap.members.m1!.loans).toEqual(['b1']);
    expect(snap.members.m2!.notes).toEqual({ a: 'b', z: 'z' });
    // a snapshot is the caller's to change
    snap.books.b1!.title = 'changed';
    expect(((await a.snapshot()) as typeof snap).books.b1!.title).toBe('Dune');
    // results are copies too
    const r = await a.call('getBook', { bookId: 'b2' });
    (r as { data: { title: string } }).data.title = 'mutated';
    expect(((await a.call('getBook', { bookId: 'b2' })) as { data: { title: string } }).data.title).toBe(
      'Emma',
    );
    a.dispose();
    b.dispose();
  });

  it('restore replaces the world; snapshot returns plain JSON', async () => {
    const s = await env.createSession({ initialState: libraryState() });
    await s.call('lendBook', { memberId: 'm1', bookId: 'b1' });
    const saved = await s.snapshot();
    await s.call('returnBook', { bookId: 'b1' });
    await s.call('addBook', {
      id: 'x',
      book: { title: 'X', author: 'Y', year: 1, condition: 'good', tags: ['t'] },
    });
    await s.restore(saved);
    expect(await s.snapshot()).toEqual(saved);
    expect(await s.call('returnBook', { bookId: 'b1' })).toEqual({ ok: true, data: null });
    const custom = { ...libraryState(), counter: 41 };
    await s.restore(custom);
    await s.call('stats', { by: null });
    expect(await s.snapshot()).toMatchObject({ counter: 42 });
    expect(custom.counter).toBe(41);
    s.dispose();
  });

  it('50 interleaved sessions each end exactly in the state of a sequential replay', async () => {
    const expected: unknown[] = [];
    for (let i = 0; i < 50; i++) {
      expected.push(
        (await replayCalls({ env, initialState: libraryState(), calls: script(i), publicState: false }))
          .finalState,
      );
    }
    const shared = libraryState();
    const sessions: EnvironmentSession[] = [];
    for (let i = 0; i < 50; i++) sessions.push(await env.createSession({ initialState: shared }));
    const scripts = sessions.map((_, i) => script(i));
    for (let step = 0; step < 7; step++) {
      // interleave: all sessions take their step-th call, in a rotating order, concurrently
      await Promise.all(
        sessions.map((_, k) => {
          const i = (k + step * 7) % 50;
          const call = scripts[i]![step]!;
          return sessions[i]!.call(call.name, call.arguments);
        }),
      );
    }
    for (let i = 0; i < 50; i++) expect(await sessions[i]!.snapshot()).toEqual(expected[i]);
    expect(shared).toEqual(libraryState());
    for (const s of sessions) s.dispose();
    expect(env.sessionCount).toBe(0);
  });

  it('callJson answers exactly JSON.stringify of what call answers, and journals the call the same way', async () => {
    const shared = libraryState();
    for (let i = 0; i < 6; i++) {
      const byObject = await env.createSession({ initialState: shared, seed: i });
      const byText = await env.createSession({ initialState: shared, seed: i });
      // (roll answers the call time, and in-process its Math.random is the host's)
      const calls = [
        ...script(i).filter((call) => call.name !== 'roll'),
        { name: 'nope', arguments: {} },
        { name: 'getBook', arguments: { bookId: 7 } },
        { name: 'getBook', arguments: { bookId: 'b1' } },
      ];
      for (const call of calls) {
        const text = await byText.callJson(call.name, call.arguments);
        expect(text).toBe(JSON.stringify(await byObject.call(call.name, call.arguments)));
      }
      expect(byText.callCount).toBe(byObject.callCount);
      expect(await byText.snapshot()).toEqual(await byObject.snapshot());
      // a restore rebuilds from the journal's start: both sessions come back to the same world
      await byText.restore(await byObject.snapshot());
      expect(await byText.callJson('stats', { by: 'condition' })).toBe(
        JSON.stringify(await byObject.call('stats', { by: 'condition' })),
      );
      byObject.dispose();
      byText.dispose();
    }
    expect(shared).toEqual(libraryState());
  });

  it('replayCalls records tool errors and keeps going', async () => {
    const out = await replayCalls({
      env,
      initialState: libraryState(),
      calls: [
        { name: 'lendBook', arguments: { memberId: 'm1', bookId: 'b1' } },
        { name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } },
        { name: 'missing', arguments: {} },
        { name: 'returnBook', arguments: { bookId: 'b1' } },
      ],
    });
    expect(out.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'ON_LOAN',
      'UNKNOWN_TOOL',
      'ok',
    ]);
    expect(out.finalState).toMatchObject({ log: ['lend b1 m1', 'return b1'] });
    expect(out.publicState).toEqual(out.finalState);
  });
});

describe('sandbox parity', () => {
  it("'none' and 'isolated-vm' give the same results and states", async () => {
    // (Math.random and Date are deterministic only in the sandbox, so the dice roll is left out.)
    for (let i = 0; i < 6; i++) {
      const calls = script(i).filter((c) => c.name !== 'roll');
      const [a, b] = await Promise.all(
        modes.map((mode) => replayCalls({ env: envs[mode], initialState: libraryState(), calls })),
      );
      expect(a).toEqual(b);
    }
  });
});

const configSource = `
import { Environment, type ToolResult } from '@envscaler/core';
export interface State { files: Record<string, string>; secret: string; cwd: string }
export interface Config { files: string[]; secret?: string }
/** A toy file system built from a config. */
export class Files extends Environment<State> {
  static fromConfig(config: Config): State {
    const files: Record<string, string> = {};
    for (const f of config.files) files[f] = '';
    return { files, secret: config.secret ?? 'none', cwd: '/' };
  }
  static publicState(state: State): unknown {
    delete (state as Partial<State>).secret;
    state.cwd = state.cwd.toUpperCase();
    return state;
  }
  /** Write a file. */
  write(args: { name: string; text: string }): ToolResult<number> {
    this.state.files[args.name] = args.text;
    return this.ok(args.text.length);
  }
  /** Read a file. */
  read(args: { name: string }): ToolResult<string> {
    const text = this.state.files[args.name];
    return text === undefined ? this.fail('NOT_FOUND', 'no file ' + args.name) : this.ok(text);
  }
}`;

describe.each(modes)('config-initialised environments (sandbox: %s)', (mode) => {
  it('builds the state through fromConfig and reports publicState without touching the session', async () => {
    const env = await loadEnvironment({ source: configSource, sandbox: mode });
    expect(env.initialization).toBe('config');
    expect(env.hasPublicState).toBe(true);
    const config = { files: ['a.txt'], secret: 's3' };
    const s = await env.createSession({ config });
    expect(await s.call('write', { name: 'b.txt', text: 'hello' })).toEqual({ ok: true, data: 5 });
    expect(await s.publicState()).toEqual({ files: { 'a.txt': '', 'b.txt': 'hello' }, cwd: '/' });
    // the text the sandbox printed: the same state, keys in the order the class wrote them
    expect(await s.publicStateJson()).toBe('{"files":{"a.txt":"","b.txt":"hello"},"cwd":"/"}');
    expect(await s.snapshot()).toEqual({ files: { 'a.txt': '', 'b.txt': 'hello' }, secret: 's3', cwd: '/' });
    expect(config).toEqual({ files: ['a.txt'], secret: 's3' });
    await expect(env.createSession({ config: { files: 3 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const out = await replayCalls({ env, config, calls: [{ name: 'read', arguments: { name: 'zz' } }] });
    expect(out.results[0]).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no file zz' } });
    expect(out.publicState).toEqual({ files: { 'a.txt': '' }, cwd: '/' });
    s.dispose();
    env.dispose();
  });
});

const worldSource = `
import { Environment, type ToolResult } from '@envscaler/core';
export interface State { items: string[]; meta: Record<string, number> }
const SHARED: State = { items: ['seed'], meta: {} };
/** A list with odd values, built from a config that returns a module constant. */
export class World extends Environment<State> {
  static fromConfig(config: { n: number }): State {
    SHARED.meta.n = config.n;
    return SHARED;
  }
  static publicState(state: any): unknown {
    const seen = {
      when: typeof state.when,
      nan: state.nan,
      hasGone: 'gone' in state,
      hasFn: 'fn' in state,
      holes: state.holes,
      negativeZero: Object.is(state.neg, -0),
      items: [...state.items],
    };
    state.items.push('touched by publicState');
    state.meta.n = -1;
    return seen;
  }
  /** Add an item. */
  add(args: { item: string }): ToolResult<number> {
    this.state.items.push(args.item);
    return this.ok(this.state.items.length);
  }
  /** Put values that are not JSON into the state. */
  odd(args: { tag?: string }): ToolResult<null> {
    const s = this.state as any;
    s.when = new Date(0);
    s.nan = NaN;
    s.gone = undefined;
    s.fn = () => args.tag;
    s.holes = [1, , 3];
    s.neg = -0;
    return this.ok(null);
  }
}`;

describe.each(modes)('worlds of their own (sandbox: %s)', (mode) => {
  let env: LoadedEnvironment;
  beforeAll(async () => {
    env = await loadEnvironment({ source: worldSource, sandbox: mode });
  });
  afterAll(() => env.dispose());

  it('initialStateJson: each session parses the text into a world nobody else shares', async () => {
    const text = JSON.stringify({ items: ['x'], meta: { n: 0 } });
    const a = await env.createSession({ initialStateJson: text });
    const b = await env.createSession({ initialStateJson: text });
    expect(await a.call('add', { item: 'y' })).toEqual({ ok: true, data: 2 });
    expect(await a.snapshot()).toEqual({ items: ['x', 'y'], meta: { n: 0 } });
    expect(await b.snapshot()).toEqual({ items: ['x'], meta: { n: 0 } });
    await expect(env.createSession({ initialStateJson: '{"items": [' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Could not create a session: the initial state is not valid JSON: /),
    });
    await expect(env.createSession({ initialStateJson: 42 as unknown as string })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'createSession: initialStateJson must be JSON text',
    });
    a.dispose();
    b.dispose();
  });

  it('config sessions get a detached copy of what fromConfig returned', async () => {
    const a = await env.createSession({ config: { n: 1 } });
    await a.call('add', { item: 'a' });
    const b = await env.createSession({ config: { n: 2 } });
    expect(await a.snapshot()).toEqual({ items: ['seed', 'a'], meta: { n: 1 } });
    expect(await b.snapshot()).toEqual({ items: ['seed'], meta: { n: 2 } });
    a.dispose();
    b.dispose();
  });

  it('publicState sees the state as JSON would and cannot change the session', async () => {
    for (const s of [
      await env.createSession({ config: { n: 3 } }),
      await env.createSession({ initialState: { items: ['seed'], meta: { n: 3 } } }),
    ]) {
      await s.call('odd', { tag: 't' });
      const expected = {
        when: 'string',
        nan: null,
        hasGone: false,
        hasFn: false,
        holes: [1, null, 3],
        negativeZero: false,
        items: ['seed'],
      };
      expect(await s.publicState()).toEqual(expected);
      expect(await s.publicState()).toEqual(expected);
      expect(await s.snapshot()).toEqual({
        items: ['seed'],
        meta: { n: 3 },
        when: '1970-01-01T00:00:00.000Z',
        nan: null,
        holes: [1, null, 3],
        neg: 0,
      });
      expect(await s.call('add', { item: 'after' })).toEqual({ ok: true, data: 2 });
      s.dispose();
    }
  });
});
