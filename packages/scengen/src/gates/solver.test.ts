import { describe, expect, it } from 'vitest';
import type { ChatToolCall } from '@envscaler/core';
import { parseToolCall } from '@envscaler/validate';
import { MockChatModel } from '@envscaler/testing';
import { LIBRARY_STATE, libraryEnv } from '../test/library-env.js';
import { runSolver } from './solver.js';

const call = (name: string, args: string): ChatToolCall => ({
  id: `c_${name}`,
  type: 'function',
  function: { name, arguments: args },
});

describe('runSolver tool calls follow the rollouts rules (parseToolCall)', () => {
  it('answers malformed, non-object and unknown-tool calls exactly as a rollout would, and leaves them out of the solution', async () => {
    const env = libraryEnv();
    const bad = [
      call('lend_book', '["m2", "b2"]'),
      call('lend_book', '"m2"'),
      call('lend_book', '{"memberId": "m2", '),
      call('burn_book', '{}'),
    ];
    const good = call('lend_book', '{"memberId":"m2","bookId":"b2","dueDate":"2027-01-01"}');
    let turn = 0;
    const model = new MockChatModel({
      script: {
        'scenario-solver': () =>
          turn++ === 0
            ? { toolCalls: [...bad, good].map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments })) }
            : 'Lent.',
      },
    });
    const run = await runSolver({ env, model, initialState: LIBRARY_STATE, task: 'Lend b2 to m2.' });
    expect(run.toolCalls).toEqual([{ name: 'lend_book', arguments: { memberId: 'm2', bookId: 'b2', dueDate: '2027-01-01' } }]);
    const second = model.calls[1]!.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content as string));
    const toolNames = new Set(env.tools.map((t) => t.name));
    const expected = bad.map((c) => {
      const parsed = parseToolCall(c, toolNames);
      if (parsed.ok) throw new Error(`${c.function.arguments} should be rejected`);
      return parsed.result;
    });
    expect(second.slice(0, 4)).toEqual(expected);
    expect(second[4]).toMatchObject({ ok: true });
  });

  it('answers a session that throws as a rollout does (TOOL_FAILED), and keeps the call in the solution', async () => {
    // The gate used to report such calls as TOOL_CRASHED while episodes and regrading say TOOL_FAILED.
    const base = libraryEnv();
    const env = {
      ...base,
      createSession: async (init: { initialState: unknown }) => {
        const session = await base.createSession(init);
        return {
          call: async () => {
            throw new Error('the environment crashed');
          },
          snapshot: () => session.snapshot(),
          dispose: () => session.dispose(),
        };
      },
    };
    let turn = 0;
    const model = new MockChatModel({
      script: {
        'scenario-solver': () =>
          turn++ === 0
            ? { toolCalls: [{ id: 'c1', name: 'lend_book', arguments: '{"memberId":"m2","bookId":"b2"}' }] }
            : 'Done.',
      },
    });
    const run = await runSolver({ env, model, initialState: LIBRARY_STATE, task: 'Lend b2 to m2.' });
    const result = JSON.parse(model.calls[1]!.messages.find((m) => m.role === 'tool')!.content as string);
    expect(result).toEqual({ ok: false, error: { code: 'TOOL_FAILED', message: 'the environment crashed' } });
    expect(run.toolCalls).toEqual([{ name: 'lend_book', arguments: { memberId: 'm2', bookId: 'b2' } }]);
  });
});
