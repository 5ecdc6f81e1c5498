import {
  EnvscalerError,
  scriptedReplyToResponse,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type ScriptedReply,
  type Stage,
} from '@envscaler/core';
import { scenarioAnswers } from './answers-scenario.js';
import { buildAnswers, faultFor, type AnswerContext, type SyntheticFaultKind } from './answers.js';
import { shortHash } from './random.js';
import { recognise, type SyntheticStage } from './recognise.js';

/**
 * Fault rates, each in [0, 1] (default 0). Every decision is fixed per (seed, item), so a run with the
 * same seed injects the same faults into the same environments, methods, scenarios and checks.
 */
export interface SyntheticFaults {
  /** Share of method bodies (and check functions) that fail the type-check; the repair round fixes them. */
  typeErrorRate?: number;
  /** Share of environments whose code skips its rule guards, so quality evaluation drops them. */
  qualityFailRate?: number;
  /** Share of check functions already true on the initial state (the do-nothing gate rewrites them). */
  trivialCheckRate?: number;
  /** Share of scenario tasks whose last step breaks a rule (the solvability gate drops them). */
  unsolvableRate?: number;
  /** Share of JSON answers that are malformed on the first attempt (the re-ask gets a valid one). */
  malformedJsonRate?: number;
  /** Share of agent episodes that skip the last change of the task (reward below 1). */
  agentFailRate?: number;
}

export interface SyntheticChatModelOptions {
  /** Seeds every generated world, state, task and fault decision (default 1). */
  seed?: number;
  faults?: SyntheticFaults;
  /** Reported as `response.model` and by `modelFor` (default `synthetic-model`). */
  model?: string;
  /** Milliseconds to wait before each answer, to imitate an endpoint under load (default 0). */
  latencyMs?: number;
}

export interface SyntheticStats {
  /** Requests answered. */
  calls: number;
  /** Requests answered per recognised stage. */
  byStage: Partial<Record<SyntheticStage, number>>;
  /** The items each kind of fault was injected into, sorted (each item once). */
  faults: Record<SyntheticFaultKind, string[]>;
}

/** The synthetic `ChatModel`, plus its counters. */
export interface SyntheticChatModel extends ChatModel {
  readonly seed: number;
  /** The reply for a request, as a hand-written reply (used by the HTTP server); counts like `complete`. */
  reply(request: Pick<ChatRequest, 'messages' | 'tools' | 'stage'>): ScriptedReply;
  stats(): SyntheticStats;
  modelFor(stage: Stage): string;
}

const faultKeys: Record<keyof SyntheticFaults, SyntheticFaultKind> = {
  typeErrorRate: 'typeError',
  qualityFailRate: 'qualityFail',
  trivialCheckRate: 'trivialCheck',
  unsolvableRate: 'unsolvable',
  malformedJsonRate: 'malformedJson',
  agentFailRate: 'agentFail',
};

const toolStages = new Set<SyntheticStage>(['scenario-solver', 'agent', 'user-simulator']);
const answers = { ...buildAnswers, ...scenarioAnswers };

function checkedRates(faults: SyntheticFaults | undefined): Record<SyntheticFaultKind, number> {
  const rates = Object.fromEntries(Object.values(faultKeys).map((k) => [k, 0])) as Record<
    SyntheticFaultKind,
    number
  >;
  for (const [name, value] of Object.entries(faults ?? {})) {
    const kind = faultKeys[name as keyof SyntheticFaults];
    if (!kind) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `createSyntheticChatModel: unknown fault '${name}'; use one of ${Object.keys(faultKeys).join(', ')}`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `createSyntheticChatModel: faults.${name} must be a number from 0 to 1, got ${JSON.stringify(value)}`,
      );
    }
    rates[kind] = value;
  }
  return rates;
}

const isReask = (request: Pick<ChatRequest, 'messages'>): boolean => {
  const last = request.messages[request.messages.length - 1];
  return last?.role === 'user' && last.content.startsWith('Your reply could not be used');
};

/**
 * A deterministic, seeded `ChatModel` for load runs and end-to-end tests that answers every stage of the
 * pipeline for any topic, from the real prompts: it recognises the stage from the prompt text, generates
 * the world of the environment procedurally from the seed and the class name (entities, fields,
 * operations, rules, TypeScript method bodies, initial states, tasks, checklists, check functions) and
 * plays tester, checker, solver, agent and simulated user against it. Answers go through the same
 * parsers, repair loops and gates as a real model's; `faults` makes some of them fail on purpose.
 * Never used unless asked for.
 */
export function createSyntheticChatModel(options: SyntheticChatModelOptions = {}): SyntheticChatModel {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `createSyntheticChatModel: seed must be an integer, got ${JSON.stringify(options.seed)}`,
    );
  }
  const latencyMs = options.latencyMs ?? 0;
  if (!(latencyMs >= 0)) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `createSyntheticChatModel: latencyMs must be 0 or more, got ${JSON.stringify(options.latencyMs)}`,
    );
  }
  const modelName = options.model ?? 'synthetic-model';
  const rates = checkedRates(options.faults);
  let calls = 0;
  const byStage: Partial<Record<SyntheticStage, number>> = {};
  const faults = new Map<SyntheticFaultKind, Set<string>>();
  const episodes = new Map<string, number>();
  const ctx: AnswerContext = {
    seed,
    rates,
    fault: (kind, item) => {
      let set = faults.get(kind);
      if (!set) faults.set(kind, (set = new Set()));
      set.add(item);
    },
    nextEpisode: (task) => {
      const n = episodes.get(task) ?? 0;
      episodes.set(task, n + 1);
      return n;
    },
  };

  const reply = (request: Pick<ChatRequest, 'messages' | 'tools' | 'stage'>): ScriptedReply => {
    const { stage, view } = recognise(request);
    calls++;
    byStage[stage] = (byStage[stage] ?? 0) + 1;
    if (
      !toolStages.has(stage) &&
      !isReask(request) &&
      faultFor(ctx, 'malformedJson', stage, shortHash(view.user))
    ) {
      // Typical broken output: a fenced block cut off after a trailing comma.
      return { content: 'Here is the JSON:\n\n```json\n{ "partial": true, \n```' };
    }
    return answers[stage]!(ctx, view, request);
  };

  return {
    seed,
    reply,
    modelFor: () => modelName,
    stats: () => ({
      calls,
      byStage: { ...byStage },
      faults: Object.fromEntries(
        Object.values(faultKeys).map((k) => [k, [...(faults.get(k) ?? [])].sort()]),
      ) as Record<SyntheticFaultKind, string[]>,
    }),
    async complete(request: ChatRequest): Promise<ChatResponse> {
      if (request.signal?.aborted)
        throw new EnvscalerError('ABORTED', `stage '${request.stage}' was cancelled`);
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const answer = reply(request);
      return scriptedReplyToResponse({ reply: answer, model: modelName, request, sequence: calls });
    },
  };
}
