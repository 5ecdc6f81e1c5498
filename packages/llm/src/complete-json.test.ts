import { GenerationFailedError, LlmCallError } from '@envscaler/core';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { completeJson } from './index.js';
import { modelFor } from './test/helpers.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Topic {
  title: string;
  tags: string[];
}
const schema = {
  type: 'object',
  required: ['title', 'tags'],
  additionalProperties: false,
  properties: { title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
};
const request = {
  stage: 'topic-infer',
  messages: [{ role: 'user' as const, content: 'Name the topic as JSON {title, tags}.' }],
};

describe('completeJson over the OpenAI client', () => {
  it('extracts JSON wrapped in prose and code fences on the first try', async () => {
    server = await createMockOpenAIServer({
      script: {
        'topic-infer': [
          'Sure! Here it is:\n```json\n{"title": "Library {loans}", "tags": ["books"]}\n```\nAnything else?',
        ],
      },
    });
    const value = await completeJson<Topic>({ model: modelFor(server), request, schema });
    expect(value).toEqual({ title: 'Library {loans}', tags: ['books'] });
    expect(server.requestCount).toBe(1);
  });

  it('repairs invalid JSON, then schema-invalid JSON, then succeeds', async () => {
    server = await createMockOpenAIServer({
      script: {
        'topic-infer': [
          'The topic is {"title": "Library", "tags": [',
          '{"title": 5, "tags": ["books"], "extra": true}',
          'Fixed: {"title": "Library", "tags": ["books", "loans"]}',
        ],
      },
    });
    const value = await completeJson<Topic>({ model: modelFor(server), request, schema, maxAttempts: 3 });
    expect(value).toEqual({ title: 'Library', tags: ['books', 'loans'] });
    expect(server.requestCount).toBe(3);
    const second = server.requests[1]!.body.messages as { role: string; content: string }[];
    expect(second.slice(1, 3)).toEqual([
      { role: 'assistant', content: 'The topic is {"title": "Library", "tags": [' },
      { role: 'user', content: expect.stringMatching(/could not be used:\n- could not extract JSON/) },
    ]);
    const third = server.requests[2]!.body.messages as { role: string; content: string }[];
    expect(third).toHaveLength(5);
    expect(third[3]).toEqual({
      role: 'assistant',
      content: '{"title": 5, "tags": ["books"], "extra": true}',
    });
    expect(third[4]!.content).toMatch(/- \$\.title must be string/);
    expect(third[4]!.content).toMatch(/- \$\.extra is not an allowed property/);
  });

  it('recovers from a well-formed response whose content is broken JSON', async () => {
    server = await createMockOpenAIServer({ script: { 'topic-infer': ['{"title": "T", "tags": []}'] } });
    server.inject({ fault: 'malformed-content' });
    expect(await completeJson<Topic>({ model: modelFor(server), request, schema })).toEqual({
      title: 'T',
      tags: [],
    });
    expect(server.requestCount).toBe(2);
  });

  it('throws GenerationFailedError with stage, attempts and the last raw output when the budget is spent', async () => {
    server = await createMockOpenAIServer({ script: { 'topic-infer': ['nope', '{"title": 1}', '[1, 2]'] } });
    const error = await completeJson<Topic>({ model: modelFor(server), request, schema }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GenerationFailedError);
    const failed = error as GenerationFailedError;
    expect(failed.code).toBe('GENERATION_FAILED');
    expect(failed.stage).toBe('topic-infer');
    expect(failed.attempts).toBe(3);
    expect(failed.lastOutput).toBe('[1, 2]');
    expect(failed.message).toMatch(/stage 'topic-infer'.*3 attempts.*must be object/);
    expect(server.requestCount).toBe(3);
  });

  it('passes response_format through, and lets endpoint failures through untouched', async () => {
    server = await createMockOpenAIServer({ script: { 'topic-infer': ['{"title": "T", "tags": []}'] } });
    await completeJson<Topic>({
      model: modelFor(server),
      request: { ...request, responseFormat: { type: 'json_schema', name: 'Topic', schema } },
      schema,
    });
    expect(server.requests[0]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'Topic', schema },
    });
    server.inject({ fault: { type: 'http', status: 401 } });
    await expect(completeJson({ model: modelFor(server), request, schema })).rejects.toBeInstanceOf(
      LlmCallError,
    );
  });
});
