import { describe, expect, it } from 'vitest';
import { InvalidArtifactError } from './errors.js';
import {
  estimateTokens,
  parseCassetteRecord,
  parseScriptedReply,
  scriptedReplyToResponse,
} from './scripted-reply.js';

describe('scripted replies', () => {
  it('turns plain text into a stop response with estimated usage', () => {
    const response = scriptedReplyToResponse({
      reply: 'hello there',
      model: 'm',
      request: { messages: [{ role: 'user', content: 'x'.repeat(40) }] },
    });
    expect(response).toEqual({
      message: { role: 'assistant', content: 'hello there' },
      usage: { promptTokens: 10, completionTokens: 3 },
      model: 'm',
      finishReason: 'stop',
    });
  });

  it('serialises json replies and tool calls', () => {
    expect(scriptedReplyToResponse({ reply: { json: { a: 1 } }, model: 'm' }).message.content).toBe(
      '{"a":1}',
    );
    const response = scriptedReplyToResponse({
      reply: { toolCalls: [{ name: 'lendBook', arguments: { bookId: 'b1' } }], usage: { promptTokens: 7 } },
      model: 'm',
      sequence: 4,
    });
    expect(response.finishReason).toBe('tool_calls');
    expect(response.usage.promptTokens).toBe(7);
    expect(response.message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_4_0', type: 'function', function: { name: 'lendBook', arguments: '{"bookId":"b1"}' } },
      ],
    });
  });

  it('rejects malformed hand-written replies with a located issue', () => {
    expect(parseScriptedReply({ content: 'ok' })).toEqual({ content: 'ok' });
    expect(() => parseScriptedReply({ toolCalls: [{ arguments: {} }] }, 'scripted/agent.jsonl:3')).toThrow(
      /scripted\/agent\.jsonl:3[\s\S]*name/,
    );
    expect(() => parseScriptedReply({ contnet: 'typo' })).toThrow(InvalidArtifactError);
  });

  it('validates cassette records', () => {
    const record = {
      schemaVersion: 1,
      request: { stage: 'agent', messages: [] },
      response: {
        message: { role: 'assistant', content: 'hi' },
        usage: { promptTokens: 1, completionTokens: 1 },
        model: 'm',
        finishReason: 'stop',
      },
    };
    expect(parseCassetteRecord(record)).toBe(record);
    expect(() => parseCassetteRecord({ ...record, response: {} }, 'x.json')).toThrow(
      /x\.json[\s\S]*\$\.response\.message/,
    );
    expect(estimateTokens('')).toBe(0);
  });
});
