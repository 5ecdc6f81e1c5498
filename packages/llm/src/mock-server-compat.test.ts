import OpenAI from 'openai';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { afterEach, describe, expect, it } from 'vitest';

// The mock server must look exactly like OpenAI to the official client, including streaming.
let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('mock OpenAI server seen through the official openai client', () => {
  it('streams content and tool calls the client can assemble', async () => {
    server = await createMockOpenAIServer({
      script: {
        default: [
          'a streamed answer that is longer than one chunk',
          { toolCalls: [{ id: 'call_9', name: 'lendBook', arguments: { memberId: 'm1', bookId: 'b1' } }] },
        ],
      },
    });
    const client = new OpenAI({ baseURL: server.url, apiKey: 'k', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('a streamed answer that is longer than one chunk');
    expect(usage?.total_tokens).toBeGreaterThan(0);

    const runner = client.chat.completions.stream({
      model: 'm',
      messages: [{ role: 'user', content: 'lend' }],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(final.choices[0]?.message.tool_calls).toEqual([
      {
        id: 'call_9',
        type: 'function',
        function: { name: 'lendBook', arguments: '{"memberId":"m1","bookId":"b1"}' },
      },
    ]);
  });

  it('answers embeddings in the client default (base64) encoding', async () => {
    server = await createMockOpenAIServer({ embeddingDimensions: 8 });
    const client = new OpenAI({ baseURL: server.url, apiKey: 'k', maxRetries: 0 });
    const response = await client.embeddings.create({ model: 'e', input: ['library loans'] });
    expect(response.data[0]?.embedding).toHaveLength(8);
    const norm = Math.hypot(...(response.data[0]?.embedding ?? []));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('lists models and returns OpenAI-style errors the client understands', async () => {
    server = await createMockOpenAIServer();
    const client = new OpenAI({ baseURL: server.url, apiKey: 'k', maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data[0]?.id).toBe('mock-model');
    server.inject({ fault: { type: 'http', status: 429, message: 'slow down', retryAfter: 3 } });
    const error = await client.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('3');
    expect((error as Error).message).toContain('slow down');
  });
});
