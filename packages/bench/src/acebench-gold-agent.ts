import { EnvscalerError, type ChatModel, type ChatRequest, type ChatResponse } from '@envscaler/core';
import type { AcebenchGoldCall, AcebenchGoldTrain, AcebenchTask } from '@envscaler/env-acebench';
import { ACEBENCH_TASK_COMPLETED, ACEBENCH_USER_STOP } from './acebench-prompts.js';

const NO_USAGE = { promptTokens: 0, completionTokens: 0 };

/**
 * An agent that needs no model, for one task: it makes the given calls one per step (the k-th call once k
 * earlier replies carried calls), then answers with text — 'Task Completed' in multi-step tasks, a short
 * report in multi-turn ones. With the gold fixture's calls it reaches the task's ground truth; with no calls
 * it is the agent that does nothing.
 */
export function createAcebenchScriptedAgent(options: {
  task: Pick<AcebenchTask, 'id' | 'subset'>;
  calls: readonly AcebenchGoldCall[];
}): ChatModel {
  const { task, calls } = options;
  return {
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const made = request.messages.filter(
        (m) => m.role === 'assistant' && (m.tool_calls?.length ?? 0) > 0,
      ).length;
      const call = calls[made];
      if (call)
        return {
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: `gold_${task.id}_${made}`,
                type: 'function',
                function: { name: call.name, arguments: JSON.stringify(call.arguments) },
              },
            ],
          },
          usage: NO_USAGE,
          model: 'gold',
          finishReason: 'tool_calls',
        };
      const text =
        task.subset === 'multi_step'
          ? ACEBENCH_TASK_COMPLETED
          : 'All done: every step of your request has been carried out.';
      return {
        message: { role: 'assistant', content: text },
        usage: NO_USAGE,
        model: 'gold',
        finishReason: 'stop',
      };
    },
  };
}

/**
 * A simulated user that needs no model: it states the task's instruction, then ends the conversation
 * ('finish conversation') at the agent's first text reply.
 */
export function createAcebenchScriptedUser(options: { task: Pick<AcebenchTask, 'question'> }): ChatModel {
  return {
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const said = request.messages.filter((m) => m.role === 'assistant').length;
      const content = said === 0 ? options.task.question : ACEBENCH_USER_STOP;
      return {
        message: { role: 'assistant', content },
        usage: NO_USAGE,
        model: 'scripted-user',
        finishReason: 'stop',
      };
    },
  };
}

/**
 * The gold agent of a train task (`fixtures/gold-train.json` of @envscaler/env-acebench): fails for a task
 * the fixture has no calls for (the test tasks).
 */
export function createAcebenchGoldAgent(options: {
  gold: Pick<AcebenchGoldTrain, 'tasks'>;
  task: Pick<AcebenchTask, 'id' | 'subset'>;
}): ChatModel {
  const calls = options.gold.tasks[options.task.id];
  if (!calls)
    throw new EnvscalerError(
      'INVALID_INPUT',
      `no gold calls for ${options.task.id}: the gold fixture covers the train tasks (even numbers) only`,
    );
  return createAcebenchScriptedAgent({ task: options.task, calls });
}
