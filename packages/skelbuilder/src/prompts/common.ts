import type { ChatMessage, JsonSchema, Stage } from '@envscaler/core';

/** A ready-to-send prompt: the stage tag, the messages and the JSON Schema the reply must match. */
export interface Prompt {
  stage: Stage;
  messages: ChatMessage[];
  schema: JsonSchema;
}

/** Shared system message: sets the role and the one output rule every stage relies on. */
export const systemMessage: ChatMessage = {
  role: 'system',
  content:
    'You help build simulated, stateful tool environments for training and evaluating AI agents. ' +
    'Be concrete and consistent. Always answer with a single JSON value that matches the JSON Schema ' +
    'you are given; you may think briefly first, but the JSON must be complete and valid.',
};

/** The closing instruction of every prompt: the schema, printed so any model can follow it. */
export function jsonInstruction(schema: JsonSchema): string {
  return `Answer with JSON matching this JSON Schema:\n${JSON.stringify(schema, null, 2)}`;
}

export function prompt(stage: Stage, body: string, schema: JsonSchema): Prompt {
  return {
    stage,
    schema,
    messages: [systemMessage, { role: 'user', content: `${body.trim()}\n\n${jsonInstruction(schema)}` }],
  };
}
