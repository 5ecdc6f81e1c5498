import { EnvscalerError, type EmbeddingModel, type Stage } from '@envscaler/core';
import { createEndpoint, MalformedResponseError, type EndpointOptions } from './endpoint.js';
import type { Limiter } from './limiter.js';
import type { UsageTracker } from './usage.js';

export interface OpenAIEmbeddingModelOptions extends EndpointOptions {
  /** The embedding model (else `ENVSCALER_EMBEDDING_MODEL`). */
  model?: string;
  /** Requested vector length, for models that support it. */
  dimensions?: number;
  /** Inputs per request (default 128); larger requests are split. */
  batchSize?: number;
}

export interface OpenAIEmbeddingModel extends EmbeddingModel {
  readonly baseURL: string;
  readonly limiter: Limiter | undefined;
  readonly usage: UsageTracker | undefined;
  modelFor(stage?: Stage): string;
}

/** An `EmbeddingModel` for the `/embeddings` endpoint with the same retry, limiter and usage policy. */
export function createOpenAIEmbeddingModel(options: OpenAIEmbeddingModelOptions = {}): OpenAIEmbeddingModel {
  const env = options.env ?? process.env;
  const model = options.model || env.ENVSCALER_EMBEDDING_MODEL;
  if (!model) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      'no embedding model configured: set ENVSCALER_EMBEDDING_MODEL or embeddings.model in the config file',
    );
  }
  const batchSize = options.batchSize ?? 128;
  const endpoint = createEndpoint(options);
  return {
    baseURL: endpoint.baseURL,
    limiter: endpoint.limiter,
    usage: endpoint.usage,
    modelFor: () => model,
    async embed(request) {
      const batches: string[][] = [];
      for (let i = 0; i < request.inputs.length; i += batchSize)
        batches.push(request.inputs.slice(i, i + batchSize));
      const results = await Promise.all(
        batches.map((input) =>
          endpoint.call({
            stage: request.stage,
            model,
            signal: request.signal,
            run: async ({ signal, headers }) => {
              const response = await endpoint.client.embeddings.create(
                {
                  model,
                  input: input,
                  encoding_format: 'float',
                  ...(options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
                },
                { signal, headers, maxRetries: 0 },
              );
              if (!Array.isArray(response?.data) || response.data.length !== input.length) {
                throw new MalformedResponseError(
                  `expected ${input.length} embeddings, got ${Array.isArray(response?.data) ? response.data.length : 'none'}`,
                );
              }
              const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
              return { vectors, promptTokens: response.usage?.prompt_tokens ?? 0 };
            },
          }),
        ),
      );
      const usage = { promptTokens: results.reduce((n, r) => n + r.promptTokens, 0), completionTokens: 0 };
      endpoint.usage?.record({ stage: request.stage, model, usage });
      return { vectors: results.flatMap((r) => r.vectors), usage };
    },
  };
}
