import type { ChatModel, CheckItem, CheckResult, GateResult, ToolCallRequest } from '@envscaler/core';
import type { ScenarioCheckRunner, ScenarioEnvironment } from '../types.js';
import { describeFailures, runSolver, scoreSolution, type SolverRun } from './solver.js';

/** Runs `run` once per key, e.g. through the stage cache; the default just runs it. */
export type Memo = <T>(key: unknown, run: () => Promise<T>) => Promise<T>;
const noMemo: Memo = (_key, run) => run();

export interface SolvabilityAttempt {
  attempt: number;
  termination: SolverRun['termination'];
  toolCalls: number;
  success: boolean;
  checks: CheckResult[];
}

export interface SolvabilityGateOptions {
  env: ScenarioEnvironment;
  /** The solver model (stage 'scenario-solver'). */
  model: ChatModel;
  initialState: unknown;
  task: string;
  knownInfo?: string;
  checks: readonly CheckItem[];
  checkRunner: ScenarioCheckRunner;
  /** k: solver attempts; the gate passes when any attempt passes every check (default 2). */
  attempts?: number;
  maxSteps?: number;
  /** Caches each attempt's solver run (key `{ attempt }`), so a re-run makes no model calls. */
  memo?: Memo;
  signal?: AbortSignal;
}

export interface SolvabilityGateResult {
  gate: GateResult;
  /** The passing attempt's tool calls; they replay to full reward in a fresh session. */
  referenceSolution?: ToolCallRequest[];
  attempts: SolvabilityAttempt[];
}

/**
 * Solvability gate: up to k solver episodes in fresh sandbox sessions. Each attempt's tool calls are
 * replayed in another fresh session and the checks evaluated on the replayed final state, so the kept
 * reference solution is known to replay to full reward, not just to have worked once.
 */
export async function runSolvabilityGate(options: SolvabilityGateOptions): Promise<SolvabilityGateResult> {
  const k = options.attempts ?? 2;
  const memo = options.memo ?? noMemo;
  const attempts: SolvabilityAttempt[] = [];
  for (let attempt = 1; attempt <= k; attempt++) {
    const run = await memo({ attempt }, () =>
      runSolver({
        env: options.env,
        model: options.model,
        initialState: options.initialState,
        task: options.task,
        knownInfo: options.knownInfo,
        maxSteps: options.maxSteps,
        signal: options.signal,
      }),
    );
    const scored = await scoreSolution({
      env: options.env,
      initialState: options.initialState,
      toolCalls: run.toolCalls,
      checks: options.checks,
      checkRunner: options.checkRunner,
    });
    attempts.push({
      attempt,
      termination: run.termination,
      toolCalls: run.toolCalls.length,
      success: scored.success,
      checks: scored.results,
    });
    if (scored.success) {
      return {
        gate: {
          passed: true,
          detail: `attempt ${attempt}/${k}: all ${options.checks.length} checks passed after ${run.toolCalls.length} tool calls (${run.termination})`,
        },
        referenceSolution: run.toolCalls,
        attempts,
      };
    }
  }
  const summary = attempts
    .map(
      (a) =>
        `attempt ${a.attempt}: ${a.termination}, ${a.toolCalls} tool calls, failing ${describeFailures(a.checks)}`,
    )
    .join('; ');
  return { gate: { passed: false, detail: `no attempt of ${k} passed every check (${summary})` }, attempts };
}
