import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stageHeader } from '@envscaler/core';
import { createMockOpenAIServer, type MockOpenAIServer } from './mock-openai-server.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Loosely typed views of the JSON the server sends; undefined members surface as test failures.
interface CompletionJson {
  choices: { message: { content: string | null; tool_calls: { function: { name: string } }[] } }[];
  error: { message: string; type: string };
}
interface ChunkJson {
  object: string;
  choices: { delta?: { content?: string }; finish_reason?: string }[];
  usage?: unknown;
}
interface EmbeddingsJson {
  data: { embedding: number[] & string }[];
  usage: { prompt_tokens: number };
}

function chat(url: string, body: Record<string, unknown>, stage?: string) {
  return fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(stage ? { [stageHeader]: stage } : {}) },
    body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }], ...body }),
  });
}

describe('createMockOpenAIServer', () => {
  it('answers in the exact OpenAI chat-completion shape, routing by stage header, model and default', async () => {
    server = await createMockOpenAIServer({
      script: {
        agent: [{ toolCalls: [{ id: 'call_1', name: 'lendBook', arguments: { bookId: 'b1' } }] }],
        'judge-model': ['by model'],
        default: ['by default'],
      },
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await chat(server.url, {}, 'agent');
    expect(res.status).toBe(200);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'lendBook', arguments: '{"bookId":"b1"}' },
              },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
      },
    });
    const byModel = (await (await chat(server.url, { model: 'judge-model' })).json()) as CompletionJson;
    expect(byModel.choices[0].message.content).toBe('by model');
    const byDefault = (await (await chat(server.url, {}, 'agent')).json()) as CompletionJson;
    expect(byDefault.choices[0].message.content).toBe('by default');
    const exhausted = await chat(server.url, {}, 'agent');
    expect(exhausted.status).toBe(400);
    expect(((await exhausted.json()) as CompletionJson).error.message).toMatch(
      /no scripted reply left for stage 'agent'/,
    );
    expect(server.requestCount).toBe(4);
    expect(server.requestsFor('agent')).toHaveLength(3);
    expect(server.requests[0]?.body.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('answers "ok" without a script, and streams SSE when asked', async () => {
    server = await createMockOpenAIServer({
      script: {
        default: () => ({
          content: 'streamed hello world, in pieces',
          usage: { promptTokens: 3, completionTokens: 5 },
        }),
      },
    });
    const res = await chat(server.url, { stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as ChunkJson);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe(
      'streamed hello world, in pieces',
    );
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 });
    await server.close();
    server = await createMockOpenAIServer();
    expect(((await (await chat(server.url, {})).json()) as CompletionJson).choices[0].message.content).toBe(
      'ok',
    );
  });

  it('serves embeddings as floats or base64', async () => {
    server = await createMockOpenAIServer({ embeddingDimensions: 8 });
    const post = (body: unknown) =>
      fetch(`${server!.url}/embeddings`, { method: 'POST', body: JSON.stringify(body) }).then(
        (r) => r.json() as Promise<EmbeddingsJson>,
      );
    const floats = await post({ model: 'e', input: ['a b', 'c'], encoding_format: 'float' });
    expect(floats.data).toHaveLength(2);
    expect(floats.data[0].embedding).toHaveLength(8);
    const b64 = await post({ model: 'e', input: 'a b', encoding_format: 'base64' });
    const decoded = Array.from(
      new Float32Array(Uint8Array.from(Buffer.from(b64.data[0].embedding, 'base64')).buffer),
    );
    expect(decoded.map((v) => v.toFixed(5))).toEqual(
      floats.data[0].embedding.map((v: number) => v.toFixed(5)),
    );
    expect(floats.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('injects faults for the next N requests', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: { type: 'http', status: 429, retryAfter: 2, retryAfterMs: 20 } });
    server.inject({ fault: { type: 'http', status: 503 }, times: 2 });
    server.inject({ fault: 'malformed-body' });
    server.inject({ fault: 'malformed-content' });
    const limited = await chat(server.url, {});
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('retry-after-ms')).toBe('20');
    expect(((await limited.json()) as CompletionJson).error.type).toBe('rate_limit_error');
    expect((await chat(server.url, {})).status).toBe(503);
    expect((await chat(server.url, {})).status).toBe(503);
    const malformed = await chat(server.url, {});
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    const content = ((await (await chat(server.url, {})).json()) as CompletionJson).choices[0].message
      .content as string;
    expect(() => JSON.parse(content)).toThrow();
    expect(((await (await chat(server.url, {})).json()) as CompletionJson).choices[0].message.content).toBe(
      'ok',
    );
    expect(server.requests.map((r) => r.fault)).toEqual([
      'http',
      'http',
      'http',
      'malformed-body',
      'malformed-content',
      undefined,
    ]);
  });

  it('resets, truncates and hangs connections', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: 'reset' });
    await expect(chat(server.url, {})).rejects.toThrow(/fetch failed/);
    server.inject({ fault: 'truncated' });
    const truncated = await chat(server.url, {});
    await expect(truncated.text()).rejects.toThrow();
    server.inject({ fault: 'hang' });
    const controller = new AbortController();
    const hung = chat(server.url, {}).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 100);
    const raced = await Promise.race([
      hung,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 150)),
    ]);
    expect(raced).toBe('still waiting');
    expect(server.inFlight).toBe(1);
    await server.close();
    expect(await hung).toBeInstanceOf(Error);
    server = undefined;
  });

  it('applies rate-based faults reproducibly and tracks in-flight requests', async () => {
    const run = async () => {
      const s = await createMockOpenAIServer({ seed: 42, latencyMs: 20 });
      s.inject({ fault: { type: 'http', status: 500 }, rate: 0.3 });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await chat(s.url, {})).status);
      await Promise.all(Array.from({ length: 5 }, () => chat(s.url, {}).then((r) => r.text())));
      const max = s.maxInFlight;
      await s.close();
      return { statuses, max };
    };
    const first = await run();
    expect(first.statuses.filter((s) => s === 500).length).toBeGreaterThan(1);
    expect(first.statuses.filter((s) => s === 200).length).toBeGreaterThan(10);
    expect((await run()).statuses).toEqual(first.statuses);
    expect(first.max).toBe(5);
  });

  it('replays recordings and hand-written scripted queues from a cassette directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mock-cassette-'));
    try {
      await mkdir(path.join(dir, 'scripted'));
      await writeFile(
        path.join(dir, 'scripted', 'agent.jsonl'),
        '# the agent lends a book, then says it is done\n{"toolCalls": [{"name": "lendBook", "arguments": {"bookId": "b1"}}]}\n"Done."\n{"match": "bike", "content": "matched"}\n',
      );
      await writeFile(path.join(dir, 'scripted', 'default.jsonl'), '{"json": {"ok": true}}\n');
      await writeFile(
        path.join(dir, 'abc.json'),
        JSON.stringify({
          schemaVersion: 1,
          request: { stage: 'topic-judge', model: 'm', messages: [{ role: 'user', content: 'judge this' }] },
          response: {
            message: { role: 'assistant', content: 'recorded' },
            usage: { promptTokens: 4, completionTokens: 1 },
            model: 'm',
            finishReason: 'stop',
          },
        }),
      );
      server = await createMockOpenAIServer({ cassetteDir: dir });
      const content = async (res: Response) => ((await res.json()) as CompletionJson).choices[0].message;
      expect(
        await content(
          await chat(server.url, { messages: [{ role: 'user', content: 'judge this' }] }, 'topic-judge'),
        ),
      ).toMatchObject({ content: 'recorded' });
      const bike = { messages: [{ role: 'user', content: 'fix my bike' }] };
      expect(await content(await chat(server.url, bike, 'agent'))).toMatchObject({ content: 'matched' });
      expect((await content(await chat(server.url, {}, 'agent'))).tool_calls[0].function.name).toBe(
        'lendBook',
      );
      expect(await content(await chat(server.url, {}, 'agent'))).toMatchObject({ content: 'Done.' });
      expect(await content(await chat(server.url, {}, 'agent'))).toMatchObject({ content: '{"ok":true}' });
      expect((await chat(server.url, {}, 'agent')).status).toBe(400);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
