import { completeJson, type ChatModel } from '@envscaler/core';
import { taskMessages } from '../prompts/task.js';
import type { ScenarioEnvironment, TaskDraft } from '../types.js';

export interface GenerateTaskOptions {
  env: ScenarioEnvironment;
  model: ChatModel;
  initialState: unknown;
  /** What kind of task to prefer, e.g. which tools to exercise (varies between slots). */
  focus?: string;
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
}

const taskSchema = {
  type: 'object',
  required: ['task', 'user'],
  properties: {
    task: { type: 'string', minLength: 20 },
    user: {
      type: 'object',
      required: ['persona', 'knownInfo'],
      properties: {
        persona: { type: 'string', minLength: 1 },
        knownInfo: { type: 'string', minLength: 1 },
        unknownInfo: { type: 'string' },
      },
    },
  },
};

/** Stage 'scenario-task': a multi-step task in the user's voice plus a user profile for simulation. */
export async function generateTask(options: GenerateTaskOptions): Promise<TaskDraft> {
  const reply = await completeJson<{
    task: string;
    user: { persona: string; knownInfo: string; unknownInfo?: string };
  }>({
    model: options.model,
    request: {
      stage: 'scenario-task',
      messages: taskMessages({
        env: options.env,
        initialState: options.initialState,
        focus: options.focus ?? 'a task that combines several different tools',
      }),
      responseFormat: { type: 'json_object' },
      temperature: options.temperature,
      signal: options.signal,
    },
    schema: taskSchema,
    maxAttempts: options.maxAttempts ?? 3,
  });
  return {
    task: reply.task.trim(),
    user: {
      persona: reply.user.persona.trim(),
      knownInfo: reply.user.knownInfo.trim(),
      unknownInfo: (reply.user.unknownInfo ?? '').trim(),
    },
  };
}
