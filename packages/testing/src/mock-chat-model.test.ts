import { EnvscalerError, LlmCallError, type ChatRequest } from '@envscaler/core';
import { describe, expect, it } from 'vitest';
import { MockChatModel, MockScriptExhaustedError, createMockChatModel } from './mock-chat-model.js';
import { MockEmbeddingModel, hashedBagOfWords } from './mock-embedding-model.js';

const ask = (stage: string, text = 'hello'): ChatRequest => ({
  stage,
  messages: [{ role: 'user', content: text }],
});

describe('MockChatModel', () => {
  it('routes replies by stage, falls back to default, and records every call', async () => {
    const model = createMockChatModel({
      script: {
        'topic-judge': ['yes', { json: { score: 9 } }],
        agent: [{ toolCalls: [{ name: 'lendBook', arguments: { bookId: 'b1' } }] }],
        default: ['fallback'],
      },
    });
    expect((await model.complete(ask('topic-judge'))).message.content).toBe('yes');
    expect((await model.complete(ask('agent'))).message.tool_calls?.[0]?.function).toEqual({
      name: 'lendBook',
      arguments: '{"bookId":"b1"}',
    });
    expect((await model.complete(ask('topic-judge'))).message.content).toBe('{"score":9}');
    expect((await model.complete(ask('other'))).message.content).toBe('fallback');
    expect(model.calls.map((c) => c.stage)).toEqual(['topic-judge', 'agent', 'topic-judge', 'other']);
    expect(model.callsFor('topic-judge')).toHaveLength(2);
    expect(model.remaining('topic-judge')).toBe(0);
  });

  it('supports function replies, handlers and thrown errors', async () => {
    const failure = new LlmCallError({ message: 'boom', stage: 'agent', status: 500, isRetryable: true });
    const model = new MockChatModel({
      script: {
        agent: [(request) => `echo: ${request.messages.at(-1)?.content ?? ''}`, failure],
        'quality-checker': (request) => ({ json: { verdict: 'pass', n: request.messages.length } }),
      },
    });
    expect((await model.complete(ask('agent', 'ping'))).message.content).toBe('echo: ping');
    await expect(model.complete(ask('agent'))).rejects.toBe(failure);
    for (let i = 0; i < 3; i++) {
      expect((await model.complete(ask('quality-checker'))).message.content).toBe('{"verdict":"pass","n":1}');
    }
  });

  it('names the stage and the last user message when a queue runs dry', async () => {
    const model = new MockChatModel({ script: { agent: ['one'] } });
    await model.complete(ask('agent'));
    const error = await model.complete(ask('agent', 'please lend book b7')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockScriptExhaustedError);
    expect((error as Error).message).toMatch(/stage 'agent' \(1 used.*please lend book b7/);
  });

  it('copies messages so later mutation does not change the record, and honours abort', async () => {
    const model = new MockChatModel({ script: { default: ['a', 'b'] } });
    const request = ask('agent');
    await model.complete(request);
    request.messages.push({ role: 'assistant', content: 'a' });
    expect(model.calls[0]?.messages).toHaveLength(1);
    const controller = new AbortController();
    controller.abort();
    await expect(model.complete({ ...request, signal: controller.signal })).rejects.toBeInstanceOf(
      EnvscalerError,
    );
  });

  it('adds replies later and estimates usage', async () => {
    const model = new MockChatModel().add({ stage: 'agent', replies: ['x'.repeat(40)] });
    const response = await model.complete(ask('agent', 'y'.repeat(80)));
    expect(response.usage).toEqual({ promptTokens: 20, completionTokens: 10 });
    expect(response.model).toBe('mock-model');
  });
});

describe('MockEmbeddingModel', () => {
  it('returns deterministic, normalised vectors where shared words mean similarity', async () => {
    const model = new MockEmbeddingModel({ dimensions: 32 });
    const { vectors } = await model.embed({
      stage: 'topic-dedup',
      inputs: ['library book loans', 'book loans at the library', 'flight booking'],
    });
    const [a, b, c] = vectors as [number[], number[], number[]];
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(a).toHaveLength(32);
    expect(dot(a, a)).toBeCloseTo(1);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
    expect(hashedBagOfWords({ text: 'library book loans', dimensions: 32 })).toEqual(a);
    expect(model.calls).toHaveLength(1);
  });
});
