import { describe, expect, it } from 'vitest';
import { InvalidArtifactError } from './errors.js';
import {
  estimateTokens,
  parseCassetteRecord,
  parseScriptedReply,
  pickScriptedReply,
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

  it('picks the first unused reply whose match fits, else the first unused one without match', () => {
    const replies = [
      'plain',
      { match: 'B-2', content: 'bike two' },
      { match: { regex: 'job j-\\d+', flags: 'i' }, content: 'a job' },
    ];
    const request = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
    expect(pickScriptedReply({ replies, used: new Set(), request: request('fix B-2') })).toBe(1);
    expect(pickScriptedReply({ replies, used: new Set([1]), request: request('fix B-2') })).toBe(0);
    expect(pickScriptedReply({ replies, used: new Set(), request: request('close JOB J-7') })).toBe(2);
    expect(pickScriptedReply({ replies, used: new Set([0]), request: request('hello') })).toBeUndefined();
    expect(() => parseScriptedReply({ match: { regex: '(' }, content: 'x' })).toThrow(/match\.regex/);
    expect(() => parseScriptedReply({ match: { regex: 'x', flags: 'g' } })).toThrow(InvalidArtifactError);
    expect(() => parseScriptedReply({ match: '' })).toThrow(InvalidArtifactError);
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
