import {
  EnvscalerError,
  type ChatMessage,
  type ChatModel,
  type TokenUsage,
  type ToolResult,
} from '@envscaler/core';
import {
  acebenchScore,
  acebenchTaskConfig,
  acebenchToolsFor,
  formatAcebenchCall,
  type AcebenchSubset,
  type AcebenchTask,
} from '@envscaler/env-acebench';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { runToolCall, type ToolCallRules } from '@envscaler/validate';
import {
  ACEBENCH_TASK_COMPLETED,
  ACEBENCH_USER_STOP,
  acebenchAgentSystemPrompt,
  acebenchUserSystemPrompt,
} from './acebench-prompts.js';
import { addUsage, agentUserUsage } from './common.js';
import { SimulatedUser } from './simulated-user.js';
import { TAU2_GREETING } from './tau2-prompts.js';

/**
 * ACEBench's agent runner executes any call the model makes on the involved classes and passes the decoded
 * arguments as they are (JSON `null`: no arguments); the class method's own check answers wrong ones.
 */
const ACEBENCH_TOOL_CALL_RULES: ToolCallRules = { names: 'session', arguments: 'any-json' };

/** Agent steps (replies) per task before it is cut off: EnvScaler's `truncated_steps` for both subsets. */
export const ACEBENCH_MAX_STEPS = 20;
/** Agent sampling temperature of EnvScaler's ACEBench runs. */
export const ACEBENCH_AGENT_TEMPERATURE = 0.7;
/** Sampling temperature of ACEBench's user agent. */
export const ACEBENCH_USER_TEMPERATURE = 0.001;
/** How the runner shows a call that raised (or could not run). */
export const ACEBENCH_ERROR_PREFIX = 'Error during execution: ';
/** What the runner answers to a call no involved class has. */
export const ACEBENCH_NO_FUNCTION = 'No matching function found';
/** What the runner answers, in multi-step tasks, to a reply without tool calls. */
export const ACEBENCH_NO_QUESTIONS = 'Do not ask me questions; solve the task with the information you have.';
/** What the runner answers to a reply with neither text nor tool calls. */
export const ACEBENCH_EMPTY_ACTION = 'Action is empty.';

export type AcebenchTermination = 'task_completed' | 'user_finished' | 'max_steps' | 'error';

/** One line of `results.jsonl`: one trial of one task. */
export interface AcebenchTaskResult {
  schemaVersion: 1;
  benchmark: 'acebench';
  subset: AcebenchSubset;
  taskId: string;
  split: 'train' | 'test';
  trial: number;
  /** End-state accuracy: 1 when the final state of the involved classes matches the ground truth. */
  endToEnd: 0 | 1;
  /** Process accuracy: 1 with a correct end state, else the share of milestones met in order. */
  process: number;
  /** Why the end state did not match (ACEBench's checker messages). */
  endStateErrors: string[];
  /** Expected classes that matched no involved class (misspelled in the data), so not compared. */
  unmatchedClasses: string[];
  termination: AcebenchTermination;
  /** The agent's calls as ACEBench logs them, in order: what the milestones are matched against. */
  calls: string[];
  /** Agent replies (steps). */
  steps: number;
  /** Calls that raised, could not be routed or had invalid arguments. */
  toolErrors: number;
  /** The agent's conversation (system prompt excluded). */
  messages: ChatMessage[];
  usage: { agent: TokenUsage; user: TokenUsage };
  durationMs: number;
  /** Set when the run itself failed (model error); such trials are run again on resume. */
  error?: string;
}

function callText(result: ToolResult): string {
  if (!result.ok)
    return result.error.code === 'UNKNOWN_TOOL'
      ? ACEBENCH_NO_FUNCTION
      : `${ACEBENCH_ERROR_PREFIX}${result.error.message}`;
  if (typeof result.data === 'string') return result.data;
  return JSON.stringify(result.data ?? null);
}

/**
 * One trial of one task, run as EnvScaler's ACEBench runner does (`AceBenchBaseEnv.step` and the multi-step
 * / multi-turn environments): every agent reply is a step; its tool calls are logged (ACEBench's call
 * format) and executed, in order; a reply without tool calls goes to the simulated user (multi-turn) or gets
 * a fixed answer (multi-step). The task ends when the agent writes 'Task Completed' (multi-step; tool calls
 * of that reply are logged but not run), when the user writes 'finish conversation' (multi-turn), or after
 * `maxSteps` replies; then the end state and the call log are scored. Model errors propagate.
 */
export async function runAcebenchEpisode(options: {
  env: LoadedEnvironment;
  task: AcebenchTask;
  trial: number;
  agent: ChatModel;
  user?: ChatModel;
  maxSteps?: number;
  temperature?: number;
  userTemperature?: number;
  signal?: AbortSignal;
}): Promise<AcebenchTaskResult> {
  const { env, task } = options;
  const started = Date.now();
  const maxSteps = options.maxSteps ?? ACEBENCH_MAX_STEPS;
  const tools = acebenchToolsFor(task);
  const toolNames = new Set(tools.map((tool) => tool.function.name));
  const usage = agentUserUsage();
  const system: ChatMessage = { role: 'system', content: acebenchAgentSystemPrompt(task) };
  const conversation: ChatMessage[] = [];
  const calls: string[] = [];
  let toolErrors = 0;
  let steps = 0;
  let termination: AcebenchTermination | undefined;
  let user: SimulatedUser | undefined;
  if (task.subset === 'multi_turn') {
    if (!options.user)
      throw new EnvscalerError(
        'INVALID_INPUT',
        `${task.id} is a multi-turn task: it needs a simulated user model`,
      );
    user = new SimulatedUser({
      model: options.user,
      system: acebenchUserSystemPrompt(task),
      opening: TAU2_GREETING,
      temperature: options.userTemperature ?? ACEBENCH_USER_TEMPERATURE,
      signal: options.signal,
      stripThinking: true,
    });
  }
  const session = await env.createSession({ config: acebenchTaskConfig(task) });
  try {
    conversation.push({ role: 'user', content: user ? await user.start() : task.question });
    while (termination === undefined) {
      const reply = await options.agent.complete({
        stage: 'agent',
        messages: [system, ...conversation],
        tools,
        temperature: options.temperature ?? ACEBENCH_AGENT_TEMPERATURE,
        signal: options.signal,
      });
      addUsage(usage.agent, reply.usage);
      steps++;
      const message = reply.message;
      conversation.push(message);
      const toolCalls = message.tool_calls ?? [];
      const text = message.content ?? '';
      if (toolCalls.length === 0 && text === '') {
        conversation.push({ role: 'user', content: ACEBENCH_EMPTY_ACTION });
      } else {
        for (const call of toolCalls) {
          try {
            calls.push(formatAcebenchCall(call.function.name, call.function.arguments ?? ''));
          } catch {
            // Not JSON: EnvScaler's runner fails the whole task here; the call is not logged and fails below.
          }
        }
        if (task.subset === 'multi_step' && text.includes(ACEBENCH_TASK_COMPLETED)) {
          termination = 'task_completed';
          break;
        }
        if (toolCalls.length > 0) {
          for (const call of toolCalls) {
            const { result } = await runToolCall({
              session,
              call,
              toolNames,
              rules: ACEBENCH_TOOL_CALL_RULES,
            });
            if (!result.ok) toolErrors++;
            conversation.push({
              role: 'tool',
              tool_call_id: call.id,
              name: call.function.name,
              content: callText(result),
            });
          }
        } else if (user) {
          const answer = await user.reply(text);
          conversation.push({ role: 'user', content: answer });
          if (answer.includes(ACEBENCH_USER_STOP)) {
            termination = 'user_finished';
            break;
          }
        } else {
          conversation.push({ role: 'user', content: ACEBENCH_NO_QUESTIONS });
        }
      }
      if (steps >= maxSteps) termination = 'max_steps';
    }
    if (user) addUsage(usage.user, user.usage);
    const predicted = (await session.publicState()) as Record<string, Record<string, unknown>>;
    const score = acebenchScore({
      predicted,
      groundTruth: task.ground_truth,
      milestones: task.mile_stone,
      calls,
    });
    return {
      schemaVersion: 1,
      benchmark: 'acebench',
      subset: task.subset,
      taskId: task.id,
      split: task.split,
      trial: options.trial,
      endToEnd: score.endToEnd,
      process: score.process,
      endStateErrors: score.errors,
      unmatchedClasses: score.unmatched,
      termination,
      calls,
      steps,
      toolErrors,
      messages: conversation,
      usage,
      durationMs: Date.now() - started,
    };
  } finally {
    session.dispose();
  }
}
