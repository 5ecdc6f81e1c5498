import { completeJson, type ChatModel } from '@envscaler/core';
import { checklistMessages } from '../prompts/checklist.js';
import type { ChecklistEntry, ScenarioEnvironment } from '../types.js';

export interface GenerateChecklistOptions {
  env: ScenarioEnvironment;
  model: ChatModel;
  initialState: unknown;
  task: string;
  /** At most this many items are kept (default 8). */
  maxItems?: number;
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
}

const checklistSchema = {
  type: 'object',
  required: ['checklist'],
  properties: {
    checklist: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['description'],
        properties: { description: { type: 'string', minLength: 3 } },
      },
    },
  },
};

/** Stage 'scenario-checklist': verifiable conditions on the final state, with ids c1, c2, … */
export async function generateChecklist(options: GenerateChecklistOptions): Promise<ChecklistEntry[]> {
  const reply = await completeJson<{ checklist: { description: string }[] }>({
    model: options.model,
    request: {
      stage: 'scenario-checklist',
      messages: checklistMessages(options),
      responseFormat: { type: 'json_object' },
      temperature: options.temperature,
      signal: options.signal,
    },
    schema: checklistSchema,
    maxAttempts: options.maxAttempts ?? 3,
  });
  return reply.checklist
    .slice(0, options.maxItems ?? 8)
    .map((item, i) => ({ id: `c${i + 1}`, description: item.description.trim() }));
}
