import {
  completeJson,
  GenerationFailedError,
  type ChatModel,
  type CheckItem,
  type GateResult,
} from '@envscaler/core';
import { checkRewriteMessages } from '../prompts/checks.js';
import { unwrapCheckSource, sharedChecklistTypeChecker, type ChecklistTypeChecker } from '../typecheck.js';
import type { ScenarioCheckRunner, ScenarioEnvironment } from '../types.js';
import type { DroppedCheck } from '../stages/checks.js';
import type { Memo } from './solvability.js';

export interface DoNothingGateOptions {
  env: ScenarioEnvironment;
  /** Rewrites checks that are already true (stage 'scenario-checks-rewrite'). */
  model: ChatModel;
  initialState: unknown;
  task: string;
  checks: readonly CheckItem[];
  checkRunner: ScenarioCheckRunner;
  typeChecker?: ChecklistTypeChecker;
  /** Attempts for the one rewrite request, each re-judged by the compiler (default 2). */
  maxAttempts?: number;
  /** Caches each rewrite (key `{ rewrite: id }`). */
  memo?: Memo;
  signal?: AbortSignal;
}

export interface DoNothingGateResult {
  gate: GateResult;
  /** The checks that survive: false on the untouched state (rewritten ones included). */
  checks: CheckItem[];
  rewritten: string[];
  dropped: DroppedCheck[];
  /** Checks that threw or timed out on the initial state (they count as false; the error is kept). */
  errors: { id: string; error: string }[];
}

const sourceSchema = {
  type: 'object',
  required: ['source'],
  properties: { source: { type: 'string', minLength: 1 }, description: { type: 'string' } },
};

/**
 * Do-nothing gate: every check must be false when the final state is the untouched initial state. A
 * check that is already true is rewritten once through the model (the new source must type-check and
 * be false initially), otherwise dropped; the gate fails when no check remains.
 */
export async function runDoNothingGate(options: DoNothingGateOptions): Promise<DoNothingGateResult> {
  const checker = options.typeChecker ?? sharedChecklistTypeChecker();
  const memo: Memo = options.memo ?? ((_key, run) => run());
  const run = (checks: readonly CheckItem[]) =>
    options.checkRunner.run({ checks, initial: options.initialState, final: options.initialState });
  const results = await run(options.checks);
  const out: DoNothingGateResult = {
    gate: { passed: false },
    checks: [],
    rewritten: [],
    dropped: [],
    errors: [],
  };
  for (const [i, check] of options.checks.entries()) {
    const result = results[i]!;
    if (result.error) out.errors.push({ id: check.id, error: result.error });
    if (!result.passed) {
      out.checks.push(check);
      continue;
    }
    const rewrite = await memo({ rewrite: check.id, source: check.source }, async () => {
      try {
        const reply = await completeJson<{ source: string; description?: string }>({
          model: options.model,
          request: {
            stage: 'scenario-checks-rewrite',
            messages: checkRewriteMessages({
              stateType: checker.stateType(options.env),
              initialState: options.initialState,
              task: options.task,
              item: check,
              source: check.source,
            }),
            responseFormat: { type: 'json_object' },
            signal: options.signal,
          },
          schema: sourceSchema,
          maxAttempts: options.maxAttempts ?? 2,
          check: (value) =>
            checker.check({
              env: options.env,
              source: unwrapCheckSource((value as { source: string }).source),
            }).errors,
        });
        return {
          ok: true as const,
          source: unwrapCheckSource(reply.source),
          description: reply.description,
        };
      } catch (error) {
        if (error instanceof GenerationFailedError) return { ok: false as const, reason: error.message };
        throw error;
      }
    });
    if (!rewrite.ok) {
      out.dropped.push({
        id: check.id,
        description: check.description,
        reason: `true on the initial state; rewrite failed: ${rewrite.reason}`,
      });
      continue;
    }
    const candidate: CheckItem = {
      id: check.id,
      description: rewrite.description?.trim() || check.description,
      source: rewrite.source,
    };
    const [again] = await run([candidate]);
    if (again!.passed) {
      out.dropped.push({
        id: check.id,
        description: check.description,
        reason: 'true on the initial state, also after one rewrite',
      });
    } else {
      if (again!.error) out.errors.push({ id: check.id, error: again!.error });
      out.checks.push(candidate);
      out.rewritten.push(check.id);
    }
  }
  const parts = [`${out.checks.length}/${options.checks.length} checks false on the initial state`];
  if (out.rewritten.length) parts.push(`rewritten: ${out.rewritten.join(', ')}`);
  if (out.dropped.length) parts.push(`dropped: ${out.dropped.map((d) => d.id).join(', ')}`);
  if (out.errors.length)
    parts.push(`errors (counted false): ${out.errors.map((e) => `${e.id}: ${e.error}`).join('; ')}`);
  out.gate = { passed: out.checks.length >= 1, detail: parts.join('; ') };
  return out;
}
