import type { MockOpenAIServer } from '@envscaler/testing';
import { createOpenAIChatModel, type OpenAIChatModelOptions } from '../openai-chat-model.js';

/** Small backoff so retry tests stay fast. */
export const fastRetry = { baseDelayMs: 5, maxDelayMs: 50 };

/** A chat model pointed at a mock server, isolated from the real environment variables. */
export function modelFor(server: MockOpenAIServer, options: OpenAIChatModelOptions = {}) {
  return createOpenAIChatModel({
    baseURL: server.url,
    apiKey: 'test-key',
    model: 'test-model',
    env: {},
    retry: fastRetry,
    timeoutMs: 5_000,
    ...options,
  });
}
