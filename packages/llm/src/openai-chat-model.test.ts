import { EnvscalerError, LlmCallError, type ChatRequest } from '@envscaler/core';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLimiter } from './limiter.js';
import { createOpenAIChatModel, fromOpenAIResponse } from './openai-chat-model.js';
import { fastRetry, modelFor } from './test/helpers.js';
import { createUsageTracker } from './usage.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ask = (stage = 'agent', text = 'hi'): ChatRequest => ({
  stage,
  messages: [{ role: 'user', content: text }],
});

async function failure(promise: Promise<unknown>): Promise<LlmCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmCallError);
  return error as LlmCallError;
}

describe('createOpenAIChatModel: request and response mapping', () => {
  it('sends tools, tool_choice, response_format, sampling params and the stage header', async () => {
    server = await createMockOpenAIServer({
      script: {
        agent: [
          {
            toolCalls: [{ id: 'call_a', name: 'lendBook', arguments: { bookId: 'b1' } }],
            usage: { promptTokens: 11, completionTokens: 7 },
          },
        ],
      },
    });
    const model = modelFor(server);
    const response = await model.complete({
      stage: 'agent',
      messages: [
        { role: 'system', content: 'You are a librarian.' },
        { role: 'user', content: 'Lend b1' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'lendBook', description: 'Lend', parameters: { type: 'object' } },
        },
      ],
      toolChoice: 'auto',
      responseFormat: { type: 'json_schema', name: 'Out', schema: { type: 'object' }, strict: true },
      temperature: 0.2,
      maxTokens: 100,
      seed: 7,
    });
    expect(response).toEqual({
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'lendBook', arguments: '{"bookId":"b1"}' } },
        ],
      },
      usage: { promptTokens: 11, completionTokens: 7 },
      model: 'test-model',
      finishReason: 'tool_calls',
    });
    const sent = server.requests[0]!;
    expect(sent.stage).toBe('agent');
    expect(sent.headers.authorization).toBe('Bearer test-key');
    expect(sent.body).toEqual({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'You are a librarian.' },
        { role: 'user', content: 'Lend b1' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'lendBook', description: 'Lend', parameters: { type: 'object' } },
        },
      ],
      tool_choice: 'auto',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'Out', schema: { type: 'object' }, strict: true },
      },
      temperature: 0.2,
      max_tokens: 100,
      seed: 7,
    });
  });

  it('maps json_object, default params and plain text answers', async () => {
    server = await createMockOpenAIServer({ script: { default: ['plain text'] } });
    const model = modelFor(server, { defaultParams: { temperature: 0, seed: 1 } });
    const response = await model.complete({ ...ask(), responseFormat: { type: 'json_object' } });
    expect(response.message).toEqual({ role: 'assistant', content: 'plain text' });
    expect(response.finishReason).toBe('stop');
    expect(server.requests[0]!.body).toMatchObject({
      response_format: { type: 'json_object' },
      temperature: 0,
      seed: 1,
    });
  });

  it('routes stages to their models, from options and from environment variables', async () => {
    server = await createMockOpenAIServer();
    const model = createOpenAIChatModel({
      baseURL: server.url,
      apiKey: 'k',
      stageModels: { 'logic-method': 'big-model' },
      env: { ENVSCALER_MODEL: 'env-default', ENVSCALER_MODEL_QUALITY_CHECKER: 'small-model' },
    });
    expect(model.modelFor('logic-method')).toBe('big-model');
    expect(model.modelFor('quality-checker')).toBe('small-model');
    expect(model.modelFor('agent')).toBe('env-default');
    await model.complete(ask('logic-method'));
    await model.complete(ask('quality-checker'));
    await model.complete(ask('agent'));
    expect(server.requests.map((r) => [r.stage, r.model])).toEqual([
      ['logic-method', 'big-model'],
      ['quality-checker', 'small-model'],
      ['agent', 'env-default'],
    ]);
    const none = createOpenAIChatModel({ baseURL: server.url, env: {} });
    await expect(none.complete(ask('agent'))).rejects.toThrow(
      /no model configured for stage 'agent'.*ENVSCALER_MODEL_AGENT/,
    );
  });

  it('reads OPENAI_BASE_URL and OPENAI_API_KEY, and needs a key only for the OpenAI API', async () => {
    server = await createMockOpenAIServer();
    const model = createOpenAIChatModel({
      model: 'm',
      env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'from-env' },
    });
    expect(model.baseURL).toBe(server.url);
    await model.complete(ask());
    expect(server.requests[0]!.headers.authorization).toBe('Bearer from-env');
    expect(() => createOpenAIChatModel({ model: 'm', env: {} })).toThrow(/OPENAI_API_KEY is not set/);
    expect(() => createOpenAIChatModel({ model: 'm', env: {}, baseURL: server!.url })).not.toThrow();
  });
});

describe('createOpenAIChatModel: retries', () => {
  it('honours Retry-After on 429 (and caps it)', async () => {
    server = await createMockOpenAIServer();
    const model = modelFor(server);
    server.inject({ fault: { type: 'http', status: 429, retryAfterMs: 300 } });
    let start = Date.now();
    expect((await model.complete(ask())).message.content).toBe('ok');
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
    expect(server.requestCount).toBe(2);

    // Retry-After in seconds, capped by maxRetryAfterMs.
    const capped = modelFor(server, { retry: { ...fastRetry, maxRetryAfterMs: 150 } });
    server.inject({ fault: { type: 'http', status: 429, retryAfter: 30 } });
    start = Date.now();
    await capped.complete(ask());
    const elapsed = Date.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
  });

  it.each([500, 502, 503, 408, 409])('retries HTTP %i', async (status) => {
    server = await createMockOpenAIServer();
    server.inject({ fault: { type: 'http', status }, times: 2 });
    expect((await modelFor(server).complete(ask())).message.content).toBe('ok');
    expect(server.requestCount).toBe(3);
  });

  it('retries a hang after the timeout', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: 'hang' });
    const start = Date.now();
    const response = await modelFor(server, { timeoutMs: 300 }).complete(ask());
    expect(response.message.content).toBe('ok');
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    expect(server.requestCount).toBe(2);
  });

  it('gives up on repeated timeouts with a clear, retryable error', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: 'hang', times: 3 });
    const error = await failure(
      modelFor(server, { timeoutMs: 100, maxRetries: 2 }).complete(ask('topic-judge')),
    );
    expect(error.isRetryable).toBe(true);
    expect(error.stage).toBe('topic-judge');
    expect(error.message).toMatch(
      /model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 did not answer within 100 ms for stage 'topic-judge'.*gave up after 3 attempts/,
    );
  });

  it.each(['truncated', 'reset', 'malformed-body'] as const)('retries a %s response', async (fault) => {
    server = await createMockOpenAIServer();
    server.inject({ fault });
    expect((await modelFor(server).complete(ask())).message.content).toBe('ok');
    expect(server.requestCount).toBe(2);
  });

  it('says what went wrong when a response is cut off or unparsable', async () => {
    server = await createMockOpenAIServer();
    const once = modelFor(server, { maxRetries: 0 });
    server.inject({ fault: 'truncated' });
    expect((await failure(once.complete(ask()))).message).toMatch(
      /the connection to model endpoint .* broke while reading the response for stage 'agent'/,
    );
    server.inject({ fault: 'malformed-body' });
    const malformed = await failure(once.complete(ask()));
    expect(malformed.isRetryable).toBe(true);
    expect(malformed.message).toMatch(/sent an unusable response for stage 'agent'/);
  });

  it.each([
    [
      400,
      /returned 400 Bad Request for stage 'agent' \(model 'test-model'\): the endpoint rejected the request \(server said: mock fault: HTTP 400\)/,
    ],
    [401, /returned 401 Unauthorized for stage 'agent' \(model 'test-model'\): check OPENAI_API_KEY/],
    [403, /returned 403 Forbidden .*OPENAI_API_KEY may not be allowed to use model 'test-model'/],
    [404, /returned 404 Not Found .*check the model name 'test-model' and the base URL/],
    [422, /returned 422 Unprocessable Entity/],
  ])('does not retry HTTP %i and says what to check', async (status, message) => {
    server = await createMockOpenAIServer();
    server.inject({ fault: { type: 'http', status }, times: 5 });
    const error = await failure(modelFor(server).complete(ask()));
    expect(error.isRetryable).toBe(false);
    expect(error.status).toBe(status);
    expect(error.code).toBe('LLM_CALL_FAILED');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 returned/);
    expect(server.requestCount).toBe(1);
  });

  it('reports the last error after the retry budget, with status and attempts', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: { type: 'http', status: 503, message: 'overloaded' }, times: 10 });
    const error = await failure(modelFor(server, { maxRetries: 3 }).complete(ask()));
    expect(error.isRetryable).toBe(true);
    expect(error.status).toBe(503);
    expect(error.message).toMatch(
      /returned 503 Service Unavailable.*server said: overloaded.*gave up after 4 attempts/,
    );
    expect(server.requestCount).toBe(4);
  });

  it('explains an unreachable endpoint', async () => {
    server = await createMockOpenAIServer();
    const url = server.url;
    await server.close();
    server = undefined;
    const model = createOpenAIChatModel({
      baseURL: url,
      model: 'm',
      env: {},
      maxRetries: 1,
      retry: fastRetry,
    });
    const error = await failure(model.complete(ask()));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/could not reach model endpoint .*ECONNREFUSED.*check OPENAI_BASE_URL/);
  });

  it('stops on abort, also while waiting to retry', async () => {
    server = await createMockOpenAIServer();
    server.inject({ fault: 'hang' });
    const controller = new AbortController();
    const pending = modelFor(server).complete({ ...ask(), signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvscalerError);
    expect((error as EnvscalerError).code).toBe('ABORTED');

    server.inject({ fault: { type: 'http', status: 429, retryAfterMs: 10_000 } });
    const waiting = new AbortController();
    const start = Date.now();
    const retrying = modelFor(server, { retry: { maxRetryAfterMs: 60_000 } }).complete({
      ...ask(),
      signal: waiting.signal,
    });
    setTimeout(() => waiting.abort(), 100);
    await expect(retrying).rejects.toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - start).toBeLessThan(2_000);
  });
});

describe('createOpenAIChatModel: concurrency, fault storms and usage', () => {
  it('holds the concurrency limit under 100 concurrent calls, shared across stages and models', async () => {
    server = await createMockOpenAIServer({ latencyMs: 10 });
    const limiter = createLimiter({ concurrency: 4 });
    const a = modelFor(server, { limiter });
    const b = modelFor(server, { limiter, model: 'other-model' });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? a : b).complete(ask(i % 3 ? 'agent' : 'topic-judge', `q${i}`)),
      ),
    );
    expect(results).toHaveLength(100);
    expect(server.requestCount).toBe(100);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBe(4);
    expect(limiter.active).toBe(0);
  });

  it('completes 100 calls through a 30% storm of mixed faults without losing any', async () => {
    server = await createMockOpenAIServer({
      seed: 7,
      script: { default: (request) => `answer to ${request.messages.at(-1)?.content ?? ''}` },
    });
    server.inject({ fault: { type: 'http', status: 429, retryAfterMs: 5 }, rate: 0.06 });
    server.inject({ fault: { type: 'http', status: 500 }, rate: 0.06 });
    server.inject({ fault: { type: 'http', status: 503 }, rate: 0.04 });
    server.inject({ fault: 'reset', rate: 0.04 });
    server.inject({ fault: 'truncated', rate: 0.04 });
    server.inject({ fault: 'malformed-body', rate: 0.03 });
    server.inject({ fault: 'hang', rate: 0.03 });
    const usage = createUsageTracker();
    const model = modelFor(server, { concurrency: 8, timeoutMs: 500, maxRetries: 10, usage });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        model.complete(ask('agent', `q${i}`)).then((r) => r.message.content),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 100 }, (_, i) => `answer to q${i}`));
    const faulted = server.requests.filter((r) => r.fault).length;
    expect(faulted).toBeGreaterThan(15);
    // At least: under heavy load a slow answer may also time out and be retried.
    expect(server.requestCount).toBeGreaterThanOrEqual(100 + faulted);
    expect(usage.report().total.calls).toBe(100);
  });

  it('records tokens per stage and model, with cost from a price table', async () => {
    server = await createMockOpenAIServer({
      script: { default: () => ({ content: 'x', usage: { promptTokens: 1_000, completionTokens: 500 } }) },
    });
    const usage = createUsageTracker({
      prices: { 'big-model': { promptPerMillion: 2, completionPerMillion: 8 } },
    });
    const model = modelFor(server, {
      usage,
      stageModels: { 'logic-method': 'big-model' },
      model: 'free-model',
    });
    await model.complete(ask('logic-method'));
    await model.complete(ask('logic-method'));
    await model.complete(ask('topic-judge'));
    const report = usage.report();
    expect(report.byStage['logic-method']).toEqual({
      calls: 2,
      cachedCalls: 0,
      promptTokens: 2_000,
      completionTokens: 1_000,
      costUsd: 0.012,
    });
    expect(report.byModel['free-model']).toMatchObject({ calls: 1, promptTokens: 1_000, completionTokens: 500 });
    expect(report.byModel['free-model']?.costUsd).toBeUndefined();
    expect(report.total).toMatchObject({ calls: 3, promptTokens: 3_000, completionTokens: 1_500 });
    expect(report.unpricedModels).toEqual(['free-model']);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('fromOpenAIResponse usage', () => {
  const completion = (usage: Record<string, unknown>) =>
    ({
      model: 'm',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'x' } }],
      usage,
    }) as unknown as Parameters<typeof fromOpenAIResponse>[0]['completion'];

  it('keeps the prompt-cache hits the endpoint reports, and nothing when there are none', () => {
    const hit = fromOpenAIResponse({
      model: 'm',
      completion: completion({ prompt_tokens: 100, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 64 } }),
    });
    expect(hit.usage).toEqual({ promptTokens: 100, completionTokens: 5, cachedPromptTokens: 64 });
    const miss = fromOpenAIResponse({
      model: 'm',
      completion: completion({ prompt_tokens: 100, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 0 } }),
    });
    expect(miss.usage).toEqual({ promptTokens: 100, completionTokens: 5 });
  });
});
