import { describe, expect, it } from 'vitest';
import { MockChatModel } from '@envscaler/testing';
import { runDoNothingGate } from './do-nothing.js';
import { defaultCheckRunner } from '../default-check-runner.js';
import { LIBRARY_STATE, libraryEnv } from '../test/library-env.js';

describe('runDoNothingGate', () => {
  it('records checks that throw or time out as failed, with their errors, without calling the model', async () => {
    const model = new MockChatModel();
    const result = await runDoNothingGate({
      env: libraryEnv(),
      model,
      initialState: LIBRARY_STATE,
      task: 'Lend Neuromancer to Bruno.',
      checks: [
        { id: 'c1', description: 'loan L2 exists', source: "(final) => final.loans['L2'].memberId === 'm2'" },
        { id: 'c2', description: 'spins', source: '(final) => { while (true) {} }' },
        { id: 'c3', description: 'b3 lent', source: "(final) => final.books['b3']?.available === false" },
      ],
      checkRunner: await defaultCheckRunner(),
    });
    expect(model.calls).toHaveLength(0);
    expect(result.gate.passed).toBe(true);
    expect(result.checks.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(result.errors.map((e) => e.id)).toEqual(['c1', 'c2']);
    expect(result.errors[1]!.error).toMatch(/timed out/i);
    expect(result.gate.detail).toContain('errors (counted false)');
  });
});
