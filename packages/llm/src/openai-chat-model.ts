import type OpenAI from 'openai';
import {
  EnvscalerError,
  type AssistantMessage,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type ChatToolCall,
  type Stage,
} from '@envscaler/core';
import { createEndpoint, MalformedResponseError, type EndpointOptions } from './endpoint.js';
import type { Limiter } from './limiter.js';
import { modelForStage, stageModelEnvName } from './model-config.js';
import type { UsageTracker } from './usage.js';

type CreateParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
type Completion = OpenAI.Chat.Completions.ChatCompletion;

export interface OpenAIChatModelOptions extends EndpointOptions {
  /** The default model (else `ENVSCALER_MODEL`). */
  model?: string;
  /** Per-stage models, e.g. `{ 'logic-method': 'big-model', 'quality-checker': 'small-model' }`. */
  stageModels?: Partial<Record<Stage, string>>;
  /** Applied when a request does not set them. */
  defaultParams?: { temperature?: number; maxTokens?: number; seed?: number };
}

/** A `ChatModel` over an OpenAI-compatible endpoint. */
export interface OpenAIChatModel extends ChatModel {
  readonly baseURL: string;
  readonly limiter: Limiter | undefined;
  readonly usage: UsageTracker | undefined;
  /** The model name a stage is sent to; throws CONFIG_ERROR when none is configured. */
  modelFor(stage: Stage): string;
}

function finishReason(reason: string | null | undefined): ChatResponse['finishReason'] {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return reason;
    case 'function_call':
      return 'tool_calls';
    default:
      return 'other';
  }
}

/** Builds the chat-completions body for a request (exported for tests and debugging). */
export function toOpenAIRequest(options: {
  request: ChatRequest;
  model: string;
  defaults?: OpenAIChatModelOptions['defaultParams'];
}): CreateParams {
  const { request, model } = options;
  const temperature = request.temperature ?? options.defaults?.temperature;
  const maxTokens = request.maxTokens ?? options.defaults?.maxTokens;
  const seed = request.seed ?? options.defaults?.seed;
  const format = request.responseFormat;
  const body: CreateParams = {
    model,
    messages: request.messages as CreateParams['messages'],
  };
  if (request.tools && request.tools.length > 0) body.tools = request.tools as CreateParams['tools'];
  if (request.toolChoice) body.tool_choice = request.toolChoice;
  if (format?.type === 'json_object') body.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') {
    body.response_format = {
      type: 'json_schema',
      json_schema: {
        name: format.name,
        schema: format.schema,
        ...(format.strict !== undefined ? { strict: format.strict } : {}),
      },
    };
  }
  if (temperature !== undefined) body.temperature = temperature;
  if (maxTokens !== undefined) body.max_tokens = maxTokens;
  if (seed !== undefined) body.seed = seed;
  return body;
}

/** Maps a chat-completions response to a `ChatResponse`; throws MalformedResponseError if unusable. */
export function fromOpenAIResponse(options: { completion: Completion; model: string }): ChatResponse {
  const { completion } = options;
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice || typeof choice.message !== 'object' || choice.message === null) {
    throw new MalformedResponseError('the response has no choices[0].message');
  }
  const toolCalls: ChatToolCall[] = (choice.message.tool_calls ?? [])
    .filter((call) => call.type === 'function')
    .map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.function.name, arguments: call.function.arguments ?? '' },
    }));
  const message: AssistantMessage = {
    role: 'assistant',
    content: typeof choice.message.content === 'string' ? choice.message.content : null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
  // Prompt-cache hits are priced apart (ModelPrice.cachedPromptPerMillion); kept only when there are some.
  const cachedPromptTokens = completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    message,
    usage: {
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
      ...(cachedPromptTokens > 0 ? { cachedPromptTokens } : {}),
    },
    model: completion.model || options.model,
    finishReason: finishReason(choice.finish_reason),
  };
}

/**
 * A `ChatModel` on the official `openai` client that works with any OpenAI-compatible server. Adds
 * per-stage model choice, our retry policy (the client's own retries are off), a per-attempt timeout,
 * an optional shared concurrency limiter and usage accounting; sends the stage in `x-envscaler-stage`.
 */
export function createOpenAIChatModel(options: OpenAIChatModelOptions = {}): OpenAIChatModel {
  const env = options.env ?? process.env;
  const endpoint = createEndpoint(options);

  function modelFor(stage: Stage): string {
    const model = modelForStage({ stage, model: options.model, stageModels: options.stageModels, env });
    if (!model) {
      throw new EnvscalerError(
        'CONFIG_ERROR',
        `no model configured for stage '${stage}': set ENVSCALER_MODEL (or ${stageModelEnvName(stage)}), ` +
          `or models.default in the config file`,
      );
    }
    return model;
  }

  return {
    baseURL: endpoint.baseURL,
    limiter: endpoint.limiter,
    usage: endpoint.usage,
    modelFor,
    async complete(request) {
      const model = modelFor(request.stage);
      const body = toOpenAIRequest({ request, model, defaults: options.defaultParams });
      const response = await endpoint.call({
        stage: request.stage,
        model,
        signal: request.signal,
        run: async ({ signal, headers }) =>
          fromOpenAIResponse({
            completion: await endpoint.client.chat.completions.create(body, {
              signal,
              headers,
              maxRetries: 0,
            }),
            model,
          }),
      });
      endpoint.usage?.record({ stage: request.stage, model, usage: response.usage });
      return response;
    },
  };
}
