import type { ChatModel, TokenUsage } from '@envscaler/core';

/** Tokens and calls for one stage; `cachedCalls` were answered from the stage cache, not the model. */
export interface StageUsage extends TokenUsage {
  calls: number;
  cachedCalls: number;
}

export type UsageByStage = Record<string, StageUsage>;

/** Counts tokens per stage tag; `wrap` returns a model that records every response it sees. */
export class UsageLedger {
  readonly byStage: UsageByStage = {};
  /** The model name the endpoint last reported. */
  lastModel: string | undefined;

  wrap(model: ChatModel): ChatModel {
    return {
      complete: async (request) => {
        const response = await model.complete(request);
        this.add(request.stage, response.usage, 1, 0);
        if (response.model) this.lastModel = response.model;
        return response;
      },
    };
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
