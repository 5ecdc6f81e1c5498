import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedEnvironment } from '../index.js';
import { libraryState } from '../fixtures/library-state.js';
import { loadLibrary } from '../fixtures/load-fixture.js';
import { liveIsolateCount } from './isolate-engine.js';

const envs: LoadedEnvironment[] = [];

afterAll(() => {
  for (const env of envs) env.dispose();
});

describe('live isolates across many loaded environments', () => {
  it('frees idle isolates beyond the most recent 8, never one with an open session, and reboots on use', async () => {
    const limits = { callTimeoutMs: 1000, memoryMb: 64 };
    const pinned = await loadLibrary({ limits });
    envs.push(pinned);
    const open = await pinned.createSession({ initialState: libraryState() });
    expect(await open.call('lendBook', { memberId: 'm1', bookId: 'b1' })).toMatchObject({ ok: true });

    for (let i = 0; i < 24; i++) {
      const env = await loadLibrary({ limits });
      envs.push(env);
      const session = await env.createSession({ initialState: libraryState() });
      expect(await session.call('getBook', { bookId: 'b1' })).toMatchObject({ ok: true });
      session.dispose();
      expect(liveIsolateCount()).toBeLessThanOrEqual(9);
    }
    expect(liveIsolateCount()).toBeLessThanOrEqual(9);

    // the oldest environment kept its world: its session was open all along
    expect(await open.call('getBook', { bookId: 'b1' })).toMatchObject({ ok: true, data: { loanedTo: 'm1' } });
    // a released one boots again and behaves as before, with a fresh world from the same state
    const again = await envs[1]!.createSession({ initialState: libraryState() });
    const before = await again.call('getBook', { bookId: 'b1' });
    expect(before).toMatchObject({ ok: true, data: { title: 'Dune' } });
    expect(before).not.toMatchObject({ data: { loanedTo: 'm1' } });
    expect(await again.call('lendBook', { memberId: 'm1', bookId: 'b1' })).toMatchObject({ ok: true });
    expect(await again.snapshot()).toEqual(await open.snapshot());
    again.dispose();
    open.dispose();
  }, 60_000);
});
