import type {
  ChatModel,
  ChatRequest,
  ChatResponse,
  EmbeddingModel,
  EmbeddingRequest,
  EmbeddingResponse,
} from '@envscaler/core';

export interface StageUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/** Optional prices, to report cost next to tokens. */
export interface Pricing {
  /** US dollars per million prompt tokens. */
  promptPerMillion: number;
  /** US dollars per million completion tokens. */
  completionPerMillion: number;
}

/**
 * Wraps a ChatModel (and optionally an EmbeddingModel) and sums calls and token usage per stage tag,
 * from the usage each response reports. Also remembers the model name the endpoint reported.
 */
export class UsageMeter {
  readonly byStage = new Map<string, StageUsage>();
  modelName: string | undefined;

  chat(model: ChatModel): ChatModel {
    return {
      complete: async (request: ChatRequest): Promise<ChatResponse> => {
        const response = await model.complete(request);
        this.record(request.stage, response.usage);
        if (response.model) this.modelName ??= response.model;
        return response;
      },
    };
  }

  embeddings(model: EmbeddingModel): EmbeddingModel {
    return {
      embed: async (request: EmbeddingRequest): Promise<EmbeddingResponse> => {
        const response = await model.embed(request);
        this.record(request.stage, response.usage);
        return response;
      },
    };
  }

  record(stage: string, usage: { promptTokens: number; completionTokens: number } | undefined): void {
    const entry = this.byStage.get(stage) ?? { calls: 0, promptTokens: 0, completionTokens: 0 };
    entry.calls++;
    entry.promptTokens += usage?.promptTokens ?? 0;
    entry.completionTokens += usage?.completionTokens ?? 0;
    this.byStage.set(stage, entry);
  }

  totalCalls(): number {
    let calls = 0;
    for (const entry of this.byStage.values()) calls += entry.calls;
    return calls;
  }
}

export function costOf(usage: StageUsage, pricing: Pricing | undefined): number | undefined {
  if (!pricing) return undefined;
  return (
    (usage.promptTokens * pricing.promptPerMillion + usage.completionTokens * pricing.completionPerMillion) /
    1e6
  );
}
