import {
  modelNameOf,
  type CallUsage,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type EmbeddingModel,
  type EmbeddingRequest,
  type EmbeddingResponse,
  type ModelPrice,
} from '@envscaler/core';

export interface StageUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/** Optional prices, to report cost next to tokens. */
export type Pricing = ModelPrice;

/**
 * A ChatModel wrapped by a `UsageMeter`: it names the model each stage goes to (`modelFor`) and takes
 * the calls of answers replayed from a cache (`replayed`), so `ask` can count those too.
 */
export interface MeteredChatModel extends ChatModel {
  modelFor(stage: string): string | undefined;
  replayed(calls: readonly CallUsage[]): void;
}

/**
 * Counts the model calls of a run: every call with its stage, model name and tokens (`calls`, live and
 * replayed from the stage cache), and the live calls summed per stage (`byStage`). A meter with a
 * `parent` records into the parent as well (one environment's meter inside a whole build's). Also
 * remembers the model name the endpoint reported.
 */
export class UsageMeter {
  /** Calls this run made, per stage tag. */
  readonly byStage = new Map<string, StageUsage>();
  /** Every call of the run: made now, or replayed (`cached: true`) from an earlier run's cache. */
  readonly calls: CallUsage[] = [];
  modelName: string | undefined;
  private readonly parent: UsageMeter | undefined;

  constructor(options: { parent?: UsageMeter } = {}) {
    this.parent = options.parent;
  }

  chat(model: ChatModel): MeteredChatModel {
    const modelFor = (stage: string) => {
      const named = (model as Partial<MeteredChatModel>).modelFor;
      return typeof named === 'function' ? named.call(model, stage) : undefined;
    };
    return {
      modelFor,
      replayed: (calls) => this.replay(calls),
      complete: async (request: ChatRequest): Promise<ChatResponse> => {
        const response = await model.complete(request);
        this.record(request.stage, response.usage, modelNameOf(model, request.stage, response.model));
        if (response.model) this.noteModel(response.model);
        return response;
      },
    };
  }

  embeddings(model: EmbeddingModel): EmbeddingModel & { modelFor(stage: string): string } {
    return {
      modelFor: (stage) => embeddingModelName(model, stage),
      embed: async (request: EmbeddingRequest): Promise<EmbeddingResponse> => {
        const response = await model.embed(request);
        this.record(request.stage, response.usage, embeddingModelName(model, request.stage));
        return response;
      },
    };
  }

  /** One call this run made. */
  record(
    stage: string,
    usage: { promptTokens: number; completionTokens: number } | undefined,
    model = 'unknown',
  ): void {
    const entry = this.byStage.get(stage) ?? { calls: 0, promptTokens: 0, completionTokens: 0 };
    entry.calls++;
    entry.promptTokens += usage?.promptTokens ?? 0;
    entry.completionTokens += usage?.completionTokens ?? 0;
    this.byStage.set(stage, entry);
    this.calls.push({
      stage,
      model,
      promptTokens: usage?.promptTokens ?? 0,
      completionTokens: usage?.completionTokens ?? 0,
    });
    this.parent?.record(stage, usage, model);
  }

  /** Calls an earlier run made, whose answers this run read back from the cache. */
  replay(calls: readonly CallUsage[]): void {
    for (const call of calls) this.calls.push({ ...call, cached: true });
    // A resumed run that finds every answer cached still names the model that gave them (provenance.model).
    const named = calls.find((c) => c.model !== 'unknown')?.model;
    if (named) this.modelName ??= named;
    this.parent?.replay(calls);
  }

  totalCalls(): number {
    let calls = 0;
    for (const entry of this.byStage.values()) calls += entry.calls;
    return calls;
  }

  private noteModel(name: string): void {
    this.modelName ??= name;
    this.parent?.noteModel(name);
  }
}

/** The name an embedding call is priced under (`modelFor` when the model has it). */
export function embeddingModelName(model: EmbeddingModel, stage: string): string {
  return modelNameOf(model, stage, 'embeddings');
}

/**
 * A model that appends each call it passes on to `into` (with the model name `modelNameOf` gives), so a
 * cached result can store the calls that computed it.
 */
export function recordingChatModel(model: ChatModel, into: CallUsage[]): ChatModel {
  return {
    complete: async (request) => {
      const response = await model.complete(request);
      into.push({
        stage: request.stage,
        model: modelNameOf(model, request.stage, response.model),
        promptTokens: response.usage?.promptTokens ?? 0,
        completionTokens: response.usage?.completionTokens ?? 0,
      });
      return response;
    },
  };
}

/** `recordingChatModel` for embeddings. */
export function recordingEmbeddingModel(model: EmbeddingModel, into: CallUsage[]): EmbeddingModel {
  return {
    embed: async (request) => {
      const response = await model.embed(request);
      into.push({
        stage: request.stage,
        model: embeddingModelName(model, request.stage),
        promptTokens: response.usage?.promptTokens ?? 0,
        completionTokens: response.usage?.completionTokens ?? 0,
      });
      return response;
    },
  };
}

/** Cost of one stage's tokens at one price (see `summarizeCallUsage` for pricing each model on its own). */
export function costOf(usage: StageUsage, pricing: Pricing | undefined): number | undefined {
  if (!pricing) return undefined;
  return (
    (usage.promptTokens * pricing.promptPerMillion + usage.completionTokens * pricing.completionPerMillion) /
    1e6
  );
}
