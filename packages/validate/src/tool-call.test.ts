import { describe, expect, it, vi } from 'vitest';
import { EnvscalerError, type ChatToolCall, type ToolResult, type ToolSession } from '@envscaler/core';
import { parseToolCall, runToolCall } from './tool-call.js';

const call = (name: string, args: string | undefined): ChatToolCall => ({
  id: `c_${name}`,
  type: 'function',
  function: { name, arguments: args as string },
});

/** Records what reached it; `get` answers, anything else is "unknown" as a runtime session says. */
function recordingSession(): ToolSession & { seen: { name: string; args: unknown }[] } {
  const seen: { name: string; args: unknown }[] = [];
  return {
    seen,
    snapshot: () => ({}),
    dispose: () => undefined,
    async call(name: string, args: unknown): Promise<ToolResult> {
      seen.push({ name, args });
      if (name === 'boom') throw new Error('the method threw');
      if (name === 'typed') throw new EnvscalerError('SANDBOX_ERROR', 'isolate disposed');
      if (name !== 'get' && name !== 'hidden')
        return { ok: false, error: { code: 'UNKNOWN_TOOL', message: `no ${name}` } };
      return { ok: true, data: { echo: args } };
    },
  };
}

const offered = new Set(['get', 'boom', 'typed']);

describe('parseToolCall (the default rules of every rollout)', () => {
  it('accepts one JSON object; an empty or missing string means no arguments', () => {
    expect(parseToolCall(call('get', '{"id": 1}'), offered)).toEqual({
      ok: true,
      name: 'get',
      arguments: { id: 1 },
    });
    expect(parseToolCall(call('get', '  '), offered)).toEqual({ ok: true, name: 'get', arguments: {} });
    expect(parseToolCall(call('get', undefined), offered)).toEqual({ ok: true, name: 'get', arguments: {} });
  });

  it('rejects unknown tools, undecodable JSON and non-object arguments, naming the tool', () => {
    const code = (c: ChatToolCall) => {
      const parsed = parseToolCall(c, offered);
      return parsed.ok
        ? 'ok'
        : `${parsed.result.ok ? '' : parsed.result.error.code}: ${parsed.result.ok ? '' : parsed.result.error.message}`;
    };
    expect(code(call('burn', '{}'))).toMatch(
      /^UNKNOWN_TOOL: There is no tool named 'burn'\. Available tools: get, boom, typed\.$/,
    );
    expect(code(call('get', '{"id": '))).toMatch(
      /^INVALID_ARGUMENTS: The arguments of 'get' are not valid JSON \(/,
    );
    for (const args of ['[1, 2]', '"x"', '3', 'null'])
      expect(code(call('get', args))).toBe(
        "INVALID_ARGUMENTS: The arguments of 'get' must be one JSON object.",
      );
  });
});

describe('runToolCall (the one tool-call step)', () => {
  it('runs accepted calls and reports what reached the session', async () => {
    const session = recordingSession();
    const outcome = await runToolCall({ session, call: call('get', '{"id":"o1"}'), toolNames: offered });
    expect(outcome).toEqual({
      name: 'get',
      arguments: { id: 'o1' },
      reachedSession: true,
      result: { ok: true, data: { echo: { id: 'o1' } } },
      content: '{"ok":true,"data":{"echo":{"id":"o1"}}}',
    });
    const stopped = await runToolCall({ session, call: call('get', '[1]'), toolNames: offered });
    expect(stopped).toMatchObject({
      name: 'get',
      reachedSession: false,
      result: { ok: false, error: { code: 'INVALID_ARGUMENTS' } },
    });
    expect(session.seen).toEqual([{ name: 'get', args: { id: 'o1' } }]);
  });

  it('takes the text of a session that answers JSON as it is, parsing it only when the result is read', async () => {
    const text = '{"ok":true, "data":{"echo":1}}'; // not JSON.stringify's spacing: passed on verbatim
    const seen: string[] = [];
    const session = {
      snapshot: () => ({}),
      dispose: () => undefined,
      call: async (): Promise<ToolResult> => {
        throw new Error('call must not be used when callJson exists');
      },
      callJson: async (name: string, args: unknown) => {
        seen.push(`${name} ${JSON.stringify(args)}`);
        if (name === 'boom') throw new EnvscalerError('SANDBOX_ERROR', 'isolate disposed');
        return text;
      },
    };
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const outcome = await runToolCall({ session, call: call('get', '{"id":"o1"}'), toolNames: offered });
      const parsedArguments = parse.mock.calls.length; // the model's arguments
      expect(outcome).toMatchObject({ name: 'get', arguments: { id: 'o1' }, reachedSession: true });
      expect(outcome.content).toBe(text);
      expect(parse.mock.calls.length).toBe(parsedArguments);
      expect(outcome.result).toEqual({ ok: true, data: { echo: 1 } });
      expect(outcome.result).toBe(outcome.result); // parsed once
      expect(parse.mock.calls.length).toBe(parsedArguments + 1);
    } finally {
      parse.mockRestore();
    }
    const failed = await runToolCall({ session, call: call('boom', '{}'), toolNames: offered });
    expect(failed.result).toEqual({
      ok: false,
      error: { code: 'SANDBOX_ERROR', message: 'isolate disposed' },
    });
    expect(failed.content).toBe(JSON.stringify(failed.result));
    const stopped = await runToolCall({ session, call: call('nope', '{}'), toolNames: offered });
    expect(JSON.parse(stopped.content)).toEqual(stopped.result);
    expect(seen).toEqual(['get {"id":"o1"}', 'boom {}']);
  });

  it('turns a throwing session into an error result: TOOL_FAILED, or the EnvscalerError code', async () => {
    const session = recordingSession();
    expect((await runToolCall({ session, call: call('boom', '{}'), toolNames: offered })).result).toEqual({
      ok: false,
      error: { code: 'TOOL_FAILED', message: 'the method threw' },
    });
    expect((await runToolCall({ session, call: call('typed', '{}'), toolNames: offered })).result).toEqual({
      ok: false,
      error: { code: 'SANDBOX_ERROR', message: 'isolate disposed' },
    });
  });

  it("names: 'session' lets the session answer names that were not offered (BFCL)", async () => {
    const session = recordingSession();
    const rules = { names: 'session' as const };
    expect(
      (await runToolCall({ session, call: call('hidden', '{}'), toolNames: offered, rules })).reachedSession,
    ).toBe(true);
    expect(
      (await runToolCall({ session, call: call('nope', '{}'), toolNames: offered, rules })).result,
    ).toEqual({ ok: false, error: { code: 'UNKNOWN_TOOL', message: 'no nope' } });
    // Still no non-object arguments under names: 'session' alone.
    expect(
      (await runToolCall({ session, call: call('hidden', '[1]'), toolNames: offered, rules })).reachedSession,
    ).toBe(false);
    expect(session.seen.map((s) => s.name)).toEqual(['hidden', 'nope']);
  });

  it("arguments: 'any-json' passes any decoded value on (τ-bench, ACEBench); null is no arguments", async () => {
    const session = recordingSession();
    const rules = { arguments: 'any-json' as const };
    for (const args of ['[1, 2]', '"x"', 'null', '{"a":1}'])
      await runToolCall({ session, call: call('get', args), toolNames: offered, rules });
    expect(session.seen.map((s) => s.args)).toEqual([[1, 2], 'x', {}, { a: 1 }]);
    // Undecodable JSON never runs, whatever the rules.
    const bad = await runToolCall({ session, call: call('get', '{'), toolNames: offered, rules });
    expect(bad).toMatchObject({
      reachedSession: false,
      result: { ok: false, error: { code: 'INVALID_ARGUMENTS' } },
    });
    // Unknown names are still stopped unless names: 'session'.
    expect(
      (await runToolCall({ session, call: call('burn', '{}'), toolNames: offered, rules })).reachedSession,
    ).toBe(false);
  });
});
