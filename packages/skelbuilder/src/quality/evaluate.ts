import {
  GenerationFailedError,
  type JsonSchema,
  type QualityReport,
  type QualityStep,
  type ToolResult,
  type ToolSession,
  type ToolSpec,
} from '@envscaler/core';
import { ask, type ModelStageOptions } from '../ask.js';
import type { EntityModel } from '../logic/spec.js';
import {
  qualityCheckerPrompt,
  qualityStatePrompt,
  qualityTesterPrompt,
  type CheckerReply,
  type TesterCall,
  type TesterHistoryItem,
  type TesterReply,
} from '../prompts/quality.js';
import { throwIfAborted } from '../util.js';
import { checkReferentialIntegrity } from './integrity.js';

/** Opens a fresh sandbox session of the environment under test, starting from `initialState`. */
export type OpenSession = (initialState: unknown) => Promise<ToolSession>;

export type GenerateInitialStateOptions = ModelStageOptions & {
  entities: EntityModel;
  stateTypes: string;
  stateSchema: JsonSchema;
};

/**
 * Stage 3a: an initial state that matches the State JSON Schema (checked by `completeJson` with core's
 * validator) and the referential-integrity rule; on failure the model is re-asked with the exact problems.
 */
export async function generateInitialState(options: GenerateInitialStateOptions): Promise<unknown> {
  return ask<unknown>({
    ...options,
    prompt: qualityStatePrompt({
      className: options.entities.className,
      summary: options.entities.summary,
      stateTypes: options.stateTypes,
      rules: options.entities.rules,
      stateSchema: options.stateSchema,
    }),
    check: (state) => checkReferentialIntegrity({ state, model: options.entities }),
  });
}

export type EvaluateQualityOptions = ModelStageOptions & {
  envId: string;
  entities: EntityModel;
  stateTypes: string;
  stateSchema: JsonSchema;
  tools: ToolSpec[];
  openSession: OpenSession;
  /** Tool calls the tester makes in total (default 30). */
  steps?: number;
  /** Calls the tester proposes per turn (default 5). */
  callsPerTurn?: number;
  /** Keep when (pass + warning) / total ≥ threshold (default 0.85). */
  threshold?: number;
  /** An initial state to use instead of generating one. */
  initialState?: unknown;
};

export interface QualityOutcome {
  report: QualityReport;
  initialState?: unknown;
}

const clip = (value: unknown, max = 1500): unknown => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length <= max ? value : `${text.slice(0, max)}… (${text.length} chars)`;
};

/**
 * Stages 3a–3d: generate and validate an initial state, let the tester call tools in a sandbox session for
 * `steps` calls, have the checker judge each result, and keep the environment when the share of passes and
 * warnings reaches the threshold. Every step is in the returned `QualityReport`.
 */
export async function evaluateQuality(options: EvaluateQualityOptions): Promise<QualityOutcome> {
  const threshold = options.threshold ?? 0.85;
  const totalSteps = options.steps ?? 30;
  const perTurn = options.callsPerTurn ?? 5;
  const report = (steps: QualityStep[], dropReason?: string): QualityReport => {
    const counts = { pass: 0, warning: 0, fail: 0 };
    for (const step of steps) counts[step.verdict]++;
    const total = steps.length;
    const score = total === 0 ? 0 : (counts.pass + counts.warning) / total;
    const kept = dropReason === undefined && total > 0 && score >= threshold;
    const out: QualityReport = {
      schemaVersion: 1,
      envId: options.envId,
      score,
      threshold,
      kept,
      counts,
      steps,
    };
    if (!kept) {
      out.dropReason =
        dropReason ??
        (total === 0
          ? 'the tester made no tool calls'
          : `quality ${score.toFixed(2)} below threshold ${threshold} (${counts.fail} of ${total} calls failed)`);
    }
    return out;
  };

  let initialState = options.initialState;
  if (initialState === undefined) {
    try {
      initialState = await generateInitialState(options);
    } catch (error) {
      if (error instanceof GenerationFailedError)
        return { report: report([], `no valid initial state: ${error.message}`) };
      throw error;
    }
  }

  const session = await options.openSession(initialState);
  const steps: QualityStep[] = [];
  const history: TesterHistoryItem[] = [];
  const toolNames = new Set(options.tools.map((t) => t.name));
  try {
    while (steps.length < totalSteps) {
      throwIfAborted(options.signal);
      const remaining = Math.min(perTurn, totalSteps - steps.length);
      let calls: TesterCall[];
      try {
        const reply = await ask<TesterReply>({
          ...options,
          prompt: qualityTesterPrompt({
            className: options.entities.className,
            summary: options.entities.summary,
            rules: options.entities.rules,
            tools: options.tools,
            initialState: clip(initialState, 4000),
            history: history.map((h) => ({ ...h, result: clip(h.result, 600) })),
            maxCalls: remaining,
          }),
          check: (value) =>
            value.calls
              .filter((c) => !toolNames.has(c.tool))
              .map((c) => `unknown tool '${c.tool}'; use one of ${[...toolNames].join(', ')}`),
        });
        calls = reply.calls.slice(0, remaining);
      } catch (error) {
        if (error instanceof GenerationFailedError) break; // keep what was tested so far
        throw error;
      }
      if (calls.length === 0) break;
      const turn: (TesterHistoryItem & { stateBefore: unknown; purpose: string })[] = [];
      for (const call of calls) {
        const stateBefore = await session.snapshot();
        const result = await session.call(call.tool, call.arguments ?? {});
        const item = {
          index: steps.length + turn.length,
          tool: call.tool,
          arguments: call.arguments ?? {},
          result,
        };
        turn.push({ ...item, stateBefore, purpose: call.purpose });
        history.push(item);
      }
      const expected = new Set(turn.map((t) => t.index));
      let verdicts: CheckerReply['verdicts'];
      try {
        const reply = await ask<CheckerReply>({
          ...options,
          prompt: qualityCheckerPrompt({
            className: options.entities.className,
            rules: options.entities.rules,
            tools: options.tools,
            calls: turn.map((t) => ({
              ...t,
              stateBefore: clip(t.stateBefore, 3000),
              result: clip(t.result, 1500),
            })),
          }),
          check: (value) => {
            const got = new Set(value.verdicts.map((v) => v.index));
            const missing = [...expected].filter((i) => !got.has(i));
            const extra = [...got].filter((i) => !expected.has(i));
            return [
              ...(missing.length ? [`missing verdicts for call indexes ${missing.join(', ')}`] : []),
              ...(extra.length ? [`verdicts for unknown call indexes ${extra.join(', ')}`] : []),
            ];
          },
        });
        verdicts = reply.verdicts;
      } catch (error) {
        if (!(error instanceof GenerationFailedError)) throw error;
        verdicts = turn.map((t) => ({
          index: t.index,
          verdict: 'warning',
          reason: `checker gave no usable verdict: ${error.message}`,
        }));
      }
      for (const t of turn) {
        const verdict = verdicts.find((v) => v.index === t.index)!;
        steps.push({
          index: t.index,
          tool: t.tool,
          arguments: t.arguments,
          result: t.result as ToolResult,
          verdict: verdict.verdict,
          reason: verdict.reason,
        });
      }
    }
  } finally {
    await session.dispose();
  }
  return { report: report(steps), initialState };
}
