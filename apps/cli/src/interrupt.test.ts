import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInterruptSignal } from './interrupt.js';

describe('createInterruptSignal', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    vi.restoreAllMocks();
  });

  it('aborts on the first SIGINT, ignores its echo, and exits on a real second one', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const first: string[] = [];
    const interrupt = createInterruptSignal({ onFirst: (s) => first.push(s), echoMs: 100 });
    dispose = interrupt.dispose;
    process.emit('SIGINT', 'SIGINT');
    expect(interrupt.signal.aborted).toBe(true);
    expect(first).toEqual(['SIGINT']);
    // The copy a launcher forwards arrives right after the terminal's own.
    process.emit('SIGINT', 'SIGINT');
    expect(exit).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
    expect(first).toEqual(['SIGINT']);
  });
});
