import type { ChatFunctionTool, ChatRequest, ResponseFormat } from '@envscaler/core';
import {
  createMockOpenAIServer,
  type MockOpenAIServer,
  type MockOpenAIServerOptions,
  type MockServerChatRequest,
} from '../mock-openai-server.js';
import {
  createSyntheticChatModel,
  type SyntheticChatModel,
  type SyntheticChatModelOptions,
} from './model.js';

export interface SyntheticOpenAIServerOptions extends SyntheticChatModelOptions {
  /** Answer with this model instead of creating one from the other options (share its counters). */
  syntheticModel?: SyntheticChatModel;
  /** Passed to the mock server (latency, seed of rate faults, port). */
  server?: Pick<MockOpenAIServerOptions, 'latencyMs' | 'seed' | 'port' | 'embeddingDimensions'>;
}

export interface SyntheticOpenAIServer {
  /** Base URL for `OPENAI_BASE_URL`, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  /** The loopback mock server: requests, fault injection (`inject`), `close`. */
  readonly server: MockOpenAIServer;
  /** The model behind it, with its `stats()`. */
  readonly model: SyntheticChatModel;
  close(): Promise<void>;
}

function responseFormatOf(body: Record<string, unknown>): ResponseFormat | undefined {
  const format = body.response_format as
    { type?: string; json_schema?: { name: string; schema: never } } | undefined;
  if (format?.type === 'json_object') return { type: 'json_object' };
  if (format?.type === 'json_schema' && format.json_schema) {
    return { type: 'json_schema', name: format.json_schema.name, schema: format.json_schema.schema };
  }
  return undefined;
}

/** The chat request an HTTP body stands for (the stage comes from the `x-envscaler-stage` header, if sent). */
export function chatRequestOf(request: MockServerChatRequest): ChatRequest {
  const format = responseFormatOf(request.body);
  return {
    stage: request.stage ?? 'unknown',
    messages: request.messages,
    ...(Array.isArray(request.body.tools) ? { tools: request.body.tools as ChatFunctionTool[] } : {}),
    ...(format ? { responseFormat: format } : {}),
  };
}

/**
 * Serves the synthetic model behind the loopback mock OpenAI-compatible server, so a pipeline run goes
 * through the real HTTP client path (the `openai` client, retries, timeouts, streaming) and the server's
 * fault injection. Point `createOpenAIChatModel({ baseURL: server.url })` (or `OPENAI_BASE_URL`) at it.
 */
export async function startSyntheticOpenAIServer(
  options: SyntheticOpenAIServerOptions = {},
): Promise<SyntheticOpenAIServer> {
  const { syntheticModel, server: serverOptions, ...modelOptions } = options;
  const model = syntheticModel ?? createSyntheticChatModel(modelOptions);
  const server = await createMockOpenAIServer({
    ...serverOptions,
    script: (request) => model.reply(chatRequestOf(request)),
  });
  return { url: server.url, server, model, close: () => server.close() };
}
