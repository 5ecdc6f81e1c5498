import {
  modelNameOf,
  type CallUsage,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type EmbeddingModel,
  type EmbeddingRequest,
  type EmbeddingResponse,
  type StageUsage,
  type TokenUsage,
} from '@envscaler/core';

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
 * replayed from the stage cache), and the same summed per stage (`byStage`: replayed ones as
 * `cachedCalls`, their tokens included, as every report counts them). A meter with a
 * `parent` records into the parent as well (one environment's meter inside a whole build's). Also
 * remembers the model name the endpoint reported.
 */
export class UsageMeter {
  /** Calls per stage tag: made by this run (`calls`) or replayed from the cache (`cachedCalls`). */
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
  record(stage: string, usage: TokenUsage | undefined, model = 'unknown'): void {
    const call = callOf(stage, model, usage);
    this.addToStage(call);
    this.calls.push(call);
    this.parent?.record(stage, usage, model);
  }

  /** Calls an earlier run made, whose answers this run read back from the cache. */
  replay(calls: readonly CallUsage[]): void {
    for (const call of calls) {
      const replayed = { ...call, cached: true };
      this.addToStage(replayed);
      this.calls.push(replayed);
    }
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

  private addToStage(call: CallUsage): void {
    const entry = this.byStage.get(call.stage) ?? { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 };
    if (call.cached) entry.cachedCalls++;
    else entry.calls++;
    entry.promptTokens += call.promptTokens;
    entry.completionTokens += call.completionTokens;
    this.byStage.set(call.stage, entry);
  }

  private noteModel(name: string): void {
    this.modelName ??= name;
    this.parent?.noteModel(name);
  }
}

/** One call as the reports count it; prompt-cache hits are kept only when the endpoint reported some. */
function callOf(stage: string, model: string, usage: TokenUsage | undefined): CallUsage {
  return {
    stage,
    model,
    promptTokens: usage?.promptTokens ?? 0,
    completionTokens: usage?.completionTokens ?? 0,
    ...(usage?.cachedPromptTokens ? { cachedPromptTokens: usage.cachedPromptTokens } : {}),
  };
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
      into.push(callOf(request.stage, modelNameOf(model, request.stage, response.model), response.usage));
      return response;
    },
  };
}

/** `recordingChatModel` for embeddings. */
export function recordingEmbeddingModel(model: EmbeddingModel, into: CallUsage[]): EmbeddingModel {
  return {
    embed: async (request) => {
      const response = await model.embed(request);
      into.push(callOf(request.stage, embeddingModelName(model, request.stage), response.usage));
      return response;
    },
  };
}
