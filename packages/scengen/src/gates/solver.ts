import type {
  ChatMessage,
  ChatModel,
  ChatFunctionTool,
  CheckItem,
  CheckResult,
  Stage,
  ToolCallRequest,
} from '@envscaler/core';
import { runToolCall } from '@envscaler/validate';
import { solverMessages } from '../prompts/solver.js';
import type { ScenarioCheckRunner, ScenarioEnvironment } from '../types.js';

/** What a solver episode produced: the tool calls it made, in order, and why it stopped. */
export interface SolverRun {
  toolCalls: ToolCallRequest[];
  termination: 'agent_done' | 'max_steps';
  /** Model turns used. */
  steps: number;
}

export interface RunSolverOptions {
  env: ScenarioEnvironment;
  model: ChatModel;
  initialState: unknown;
  task: string;
  knownInfo?: string;
  /** Model turns before the episode is cut off (default 30). */
  maxSteps?: number;
  /** Stage tag of the model calls (default 'scenario-solver'). */
  stage?: Stage;
  temperature?: number;
  signal?: AbortSignal;
}

/** Tool error codes the runtime returns without running the tool. */
const NOT_RUN = new Set(['UNKNOWN_TOOL', 'INVALID_ARGUMENTS']);

function toolsFor(env: ScenarioEnvironment): ChatFunctionTool[] {
  return env.tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

async function disposeQuietly(session: { dispose(): unknown }): Promise<void> {
  try {
    await session.dispose();
  } catch {
    // a failed dispose must not hide the episode's result
  }
}

/**
 * A minimal agent loop in a fresh sandbox session: the model sees the env's tools, every tool call is
 * executed and its `ToolResult` returned as a tool message, until the model answers without a tool call
 * or `maxSteps` turns are used. Tool failures are data for the model, never exceptions; model-call
 * failures propagate (they are not a verdict on the scenario).
 */
export async function runSolver(options: RunSolverOptions): Promise<SolverRun> {
  const maxSteps = options.maxSteps ?? 30;
  const session = await options.env.createSession({ initialState: structuredClone(options.initialState) });
  const messages: ChatMessage[] = solverMessages({
    env: options.env,
    task: options.task,
    knownInfo: options.knownInfo,
  });
  const tools = toolsFor(options.env);
  const toolNames = new Set(options.env.tools.map((t) => t.name));
  const toolCalls: ToolCallRequest[] = [];
  try {
    for (let step = 1; step <= maxSteps; step++) {
      const response = await options.model.complete({
        stage: options.stage ?? 'scenario-solver',
        messages,
        tools,
        toolChoice: 'auto',
        temperature: options.temperature,
        signal: options.signal,
      });
      const message = response.message;
      messages.push({
        role: 'assistant',
        content: message.content,
        ...(message.tool_calls?.length ? { tool_calls: message.tool_calls } : {}),
      });
      if (!message.tool_calls?.length) return { toolCalls, termination: 'agent_done', steps: step };
      for (const call of message.tool_calls) {
        // The rollouts' own parser, so a scenario is judged solvable under the rules every rollout applies.
        const {
          result,
          reachedSession,
          name,
          arguments: args,
        } = await runToolCall({ session, call, toolNames });
        // Calls rejected before running (arguments not matching the schema) change nothing, so they are
        // not part of the solution to replay.
        if (reachedSession && (result.ok || !NOT_RUN.has(result.error.code)))
          toolCalls.push({ name, arguments: args as Record<string, unknown> }); // default rules: one object
        messages.push({
          role: 'tool',
          tool_call_id: call.id,
          name: call.function.name,
          content: JSON.stringify(result),
        });
      }
    }
    return { toolCalls, termination: 'max_steps', steps: maxSteps };
  } finally {
    await disposeQuietly(session);
  }
}

/** Replays tool calls in a fresh session and returns the final state snapshot. */
export async function replaySolution(options: {
  env: ScenarioEnvironment;
  initialState: unknown;
  toolCalls: readonly ToolCallRequest[];
}): Promise<unknown> {
  const session = await options.env.createSession({ initialState: structuredClone(options.initialState) });
  try {
    for (const call of options.toolCalls) {
      try {
        await session.call(call.name, structuredClone(call.arguments));
      } catch {
        // a crashing call changes nothing we can observe beyond the session's own state
      }
    }
    return await session.snapshot();
  } finally {
    await disposeQuietly(session);
  }
}

/** Replays a solution and evaluates the checks on (initial, final); success when every check passed. */
export async function scoreSolution(options: {
  env: ScenarioEnvironment;
  initialState: unknown;
  toolCalls: readonly ToolCallRequest[];
  checks: readonly CheckItem[];
  checkRunner: ScenarioCheckRunner;
}): Promise<{ success: boolean; results: CheckResult[] }> {
  const final = await replaySolution(options);
  const results = await options.checkRunner.run({
    checks: options.checks,
    initial: options.initialState,
    final,
  });
  return { success: results.length > 0 && results.every((r) => r.passed), results };
}

/** "c2 failed, c3 threw: boom" style summary of failing checks. */
export function describeFailures(results: readonly CheckResult[]): string {
  return results
    .filter((r) => !r.passed)
    .map((r) => (r.error ? `${r.id} error: ${r.error}` : `${r.id} false`))
    .join(', ');
}
