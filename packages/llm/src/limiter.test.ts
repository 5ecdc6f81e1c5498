import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter.js';

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLimiter', () => {
  it('never runs more than `concurrency` tasks, even when new tasks arrive as others finish', async () => {
    const limiter = createLimiter({ concurrency: 3 });
    let running = 0;
    let max = 0;
    const task = async () => {
      running++;
      max = Math.max(max, running);
      await tick(Math.random() * 3);
      running--;
    };
    const all: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      all.push(limiter.run(task));
      // Start more work right as slots are being released.
      if (i % 7 === 0) all.push(limiter.run(task).then(() => limiter.run(task)));
    }
    expect(limiter.active).toBe(3);
    expect(limiter.pending).toBeGreaterThan(0);
    await Promise.all(all);
    expect(max).toBe(3);
    expect(limiter.active).toBe(0);
    expect(limiter.pending).toBe(0);
  });

  it('releases the slot when a task fails, and drops waiting tasks on abort', async () => {
    const limiter = createLimiter({ concurrency: 1 });
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let release!: () => void;
    const blocker = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = limiter.run(async () => 'never', { signal: controller.signal });
    expect(limiter.pending).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    expect(limiter.pending).toBe(0);
    release();
    await blocker;
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('rejects a bad concurrency', () => {
    expect(() => createLimiter({ concurrency: 0 })).toThrow(/positive integer/);
    expect(() => createLimiter({ concurrency: 1.5 })).toThrow(/positive integer/);
  });
});
