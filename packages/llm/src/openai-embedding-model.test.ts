import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LlmCallError } from '@envscaler/core';
import { MockEmbeddingModel, createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { withEmbeddingCache } from './embedding-cache.js';
import { createOpenAIEmbeddingModel, type OpenAIEmbeddingModelOptions } from './openai-embedding-model.js';
import { fastRetry } from './test/helpers.js';
import { createUsageTracker } from './usage.js';

let server: MockOpenAIServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const embedder = (s: MockOpenAIServer, options: OpenAIEmbeddingModelOptions = {}) =>
  createOpenAIEmbeddingModel({
    baseURL: s.url,
    apiKey: 'k',
    model: 'embed-model',
    env: {},
    retry: fastRetry,
    ...options,
  });

describe('createOpenAIEmbeddingModel', () => {
  it('returns one vector per input in order, in batches, and records usage', async () => {
    server = await createMockOpenAIServer({ embeddingDimensions: 16 });
    const usage = createUsageTracker();
    const model = embedder(server, { batchSize: 2, usage });
    const inputs = ['alpha beta', 'gamma', 'delta epsilon', 'zeta', 'eta'];
    const { vectors } = await model.embed({ stage: 'topic-dedup', inputs });
    expect(vectors).toHaveLength(5);
    expect(vectors[0]).toHaveLength(16);
    const expected = await new MockEmbeddingModel({ dimensions: 16 }).embed({ stage: 's', inputs });
    vectors.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(expected.vectors[i]![j]!, 6)));
    expect(server.requestCount).toBe(3);
    expect(server.requests[0]!.body).toMatchObject({ model: 'embed-model', encoding_format: 'float' });
    expect(server.requests[0]!.stage).toBe('topic-dedup');
    expect(usage.report().byStage['topic-dedup']?.promptTokens).toBeGreaterThan(0);
  });

  it('retries like the chat model and does not retry a 401', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: { type: 'http', status: 503 }, endpoint: 'embeddings' });
    server.inject({ fault: 'truncated', endpoint: 'embeddings' });
    await embedder(server).embed({ stage: 's', inputs: ['x'] });
    expect(server.requestCount).toBe(3);
    server.inject({ fault: { type: 'http', status: 401 }, endpoint: 'embeddings', times: 3 });
    const error = await embedder(server)
      .embed({ stage: 's', inputs: ['x'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmCallError);
    expect((error as LlmCallError).message).toMatch(
      /401 Unauthorized for stage 's' \(model 'embed-model'\): check OPENAI_API_KEY/,
    );
    expect(server.requestCount).toBe(4);
  });

  it('needs a model name', () => {
    expect(() => createOpenAIEmbeddingModel({ baseURL: 'http://127.0.0.1:1/v1', env: {} })).toThrow(
      /ENVSCALER_EMBEDDING_MODEL/,
    );
  });
});

describe('withEmbeddingCache', () => {
  it('sends only uncached inputs and replays the rest', async () => {
    server = await createMockOpenAIServer();
    const dir = await mkdtemp(path.join(tmpdir(), 'envscaler-embed-'));
    dirs.push(dir);
    const cached = withEmbeddingCache({ model: embedder(server), dir });
    const first = await cached.embed({ stage: 's', inputs: ['one', 'two'] });
    const second = await cached.embed({ stage: 's', inputs: ['two', 'three', 'one'] });
    expect(second.vectors[0]).toEqual(first.vectors[1]);
    expect(second.vectors[2]).toEqual(first.vectors[0]);
    expect(server.requestCount).toBe(2);
    expect(server.requests[1]!.body.input).toEqual(['three']);
    expect(cached.stats).toEqual({ hits: 2, scripted: 0, recorded: 3 });
    const offline = withEmbeddingCache({ dir, mode: 'replay', modelName: 'embed-model' });
    expect((await offline.embed({ stage: 's', inputs: ['three'] })).vectors[0]).toEqual(second.vectors[1]);
    await expect(offline.embed({ stage: 's', inputs: ['four'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no cached embedding for stage 's'/),
    });
  });
});
