import { describe, expect, it } from 'vitest';
import { Environment } from './environment.js';
import type { ToolResult } from './types/tool.js';

class Counter extends Environment<{ count: number }> {
  increment(args: { by: number }): ToolResult<number> {
    if (args.by <= 0) return this.fail('INVALID', 'by must be positive');
    this.state.count += args.by;
    return this.ok(this.state.count);
  }
}

describe('Environment', () => {
  it('holds state and builds ok/fail results', () => {
    const env = new Counter({ count: 1 });
    expect(env.increment({ by: 2 })).toEqual({ ok: true, data: 3 });
    expect(env.increment({ by: 0 })).toEqual({
      ok: false,
      error: { code: 'INVALID', message: 'by must be positive' },
    });
    expect(env.state.count).toBe(3);
  });
});
