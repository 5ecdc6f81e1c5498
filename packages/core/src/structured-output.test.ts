import { describe, expect, it } from 'vitest';
import { GenerationFailedError } from './errors.js';
import { completeJson, extractJson } from './structured-output.js';
import type { ChatModel, ChatRequest, ChatResponse } from './types/chat.js';

function scripted(replies: string[]): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    async complete(request): Promise<ChatResponse> {
      requests.push(request);
      const content = replies.shift();
      if (content === undefined) throw new Error('script exhausted');
      return {
        message: { role: 'assistant', content },
        usage: { promptTokens: 1, completionTokens: 1 },
        model: 'm',
        finishReason: 'stop',
      };
    },
  };
}

const schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
const request: ChatRequest = { stage: 'topic-infer', messages: [{ role: 'user', content: 'Give JSON' }] };

describe('extractJson', () => {
  it('reads bare, fenced and prose-wrapped JSON', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('Here you go:\n```json\n{"a": [1, 2]}\n```\nThanks')).toEqual({ a: [1, 2] });
    expect(extractJson('Sure! The answer is {"a": "}{"} as requested.')).toEqual({ a: '}{' });
  });
  it('explains when nothing parses', () => {
    expect(() => extractJson('no json here')).toThrow(/could not extract JSON/);
  });
});

describe('completeJson', () => {
  it('repairs prose-wrapped, invalid and schema-invalid replies, feeding back the problems', async () => {
    const model = scripted(['{"name": ', 'Result: {"title": "x"}', 'OK: {"name": "Library"}']);
    const value = await completeJson<{ name: string }>({ model, request, schema, maxAttempts: 3 });
    expect(value).toEqual({ name: 'Library' });
    expect(model.requests).toHaveLength(3);
    const feedback = model.requests[2]!.messages.at(-1)!;
    expect(feedback.content).toContain('$.name is required but missing');
  });

  it('throws GenerationFailedError with the stage, attempts and last output when the budget runs out', async () => {
    const model = scripted(['nope', 'still nope']);
    const error = await completeJson({ model, request, schema, maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({
      stage: 'topic-infer',
      attempts: 2,
      lastOutput: 'still nope',
      code: 'GENERATION_FAILED',
    });
  });

  it('applies semantic checks after the schema', async () => {
    const model = scripted(['{"name": ""}', '{"name": "ok"}']);
    const check = (v: unknown) => ((v as { name: string }).name ? [] : ['name must not be empty']);
    await expect(completeJson({ model, request, schema, check })).resolves.toEqual({ name: 'ok' });
    expect(model.requests[1]!.messages.at(-1)!.content).toContain('name must not be empty');
  });
});
