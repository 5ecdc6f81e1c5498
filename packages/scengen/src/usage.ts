import {
  modelNameOf,
  type CallUsage,
  type ChatModel,
  type StageUsage,
  type TokenUsage,
} from '@envscaler/core';

/** Core's `StageUsage` per stage tag; `cachedCalls` were answered from the stage cache, not the model. */
export type UsageByStage = Record<string, StageUsage>;

/**
 * Counts tokens per stage tag, and keeps every call with the model it went to (`calls`, those replayed
 * from the stage cache marked `cached`) so cost can be priced per model; `wrap` returns a model that
 * records every response it sees.
 */
export class UsageLedger {
  readonly byStage: UsageByStage = {};
  readonly calls: CallUsage[] = [];
  /** The model name the endpoint last reported. */
  lastModel: string | undefined;

  wrap(model: ChatModel): ChatModel {
    return trackUsage({ model, ledger: () => this });
  }

  /** One call (a `cached` one counts as a cache hit, its tokens included). */
  record(call: CallUsage): void {
    this.add(call.stage, call, call.cached ? 0 : 1, call.cached ? 1 : 0);
    this.calls.push(call);
  }

  /** Adds the calls of another ledger; with `asCached`, as calls an earlier run made. */
  absorb(other: UsageLedger, options: { asCached?: boolean } = {}): void {
    for (const call of other.calls) this.record(options.asCached ? { ...call, cached: true } : call);
  }

  /**
   * Adds the calls a cache entry stored, as replayed (`cached`) calls. An entry written before calls were
   * stored has only per-stage sums: those count as one call per stage of the entry's model.
   */
  replay(entry: { usage: UsageByStage; calls?: readonly CallUsage[]; model?: string }): void {
    if (entry.calls) {
      for (const call of entry.calls) this.record({ ...call, cached: true });
      return;
    }
    this.merge(entry.usage, { asCached: true });
    for (const [stage, u] of Object.entries(entry.usage)) {
      this.calls.push({
        stage,
        model: entry.model ?? 'unknown',
        promptTokens: u.promptTokens,
        completionTokens: u.completionTokens,
        cached: true,
      });
    }
  }

  add(stage: string, usage: TokenUsage, calls: number, cachedCalls: number): void {
    const entry = (this.byStage[stage] ??= {
      promptTokens: 0,
      completionTokens: 0,
      calls: 0,
      cachedCalls: 0,
    });
    entry.promptTokens += usage.promptTokens;
    entry.completionTokens += usage.completionTokens;
    entry.calls += calls;
    entry.cachedCalls += cachedCalls;
  }

  /** Adds another ledger; with `asCached`, its calls count as cache hits. */
  merge(other: UsageByStage, options: { asCached?: boolean } = {}): void {
    for (const [stage, u] of Object.entries(other)) {
      const calls = u.calls + u.cachedCalls;
      this.add(stage, u, options.asCached ? 0 : u.calls, options.asCached ? calls : u.cachedCalls);
    }
  }
}

/** A model that records every response it sees in the ledger `ledger()` returns at that moment. */
export function trackUsage(options: { model: ChatModel; ledger: () => UsageLedger }): ChatModel {
  const { model } = options;
  return {
    complete: async (request) => {
      const response = await model.complete(request);
      const target = options.ledger();
      target.record({
        stage: request.stage,
        model: modelNameOf(model, request.stage, response.model),
        promptTokens: response.usage.promptTokens,
        completionTokens: response.usage.completionTokens,
        ...(response.usage.cachedPromptTokens
          ? { cachedPromptTokens: response.usage.cachedPromptTokens }
          : {}),
      });
      if (response.model) target.lastModel = response.model;
      return response;
    },
  };
}
