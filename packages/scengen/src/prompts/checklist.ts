import type { ChatMessage } from '@envscaler/core';
import type { ScenarioEnvironment } from '../types.js';
import { JSON_ONLY, boundedJson, describeEnvironment } from './shared.js';

/**
 * Asks to decompose the task into conditions on the final state. Each condition must be decidable from
 * the final (and initial) state alone and must be false before the task is done, so an agent that does
 * nothing scores zero; conditions about the conversation cannot be checked and are excluded.
 * Expected reply: `{ "checklist": [ { "description": string } ] }` (ids are assigned as c1, c2, …).
 */
export function checklistMessages(options: {
  env: ScenarioEnvironment;
  initialState: unknown;
  task: string;
}): ChatMessage[] {
  return [
    {
      role: 'system',
      content: 'You turn tasks into precise, verifiable success criteria over an environment state.',
    },
    {
      role: 'user',
      content: `${describeEnvironment(options.env)}

Initial state:
${boundedJson(options.initialState)}

Task:
${options.task}

List the conditions that must hold in the final state when the task has been done correctly.
- Each condition is about the state only (what exists, with which field values), never about what was said.
- Each must be FALSE in the initial state above; a condition that already holds proves nothing.
- Name concrete entities by id and concrete values; include "nothing else changed" conditions only when the task implies them.
- 2 to 6 conditions, each one sentence.

${JSON_ONLY} Shape: {"checklist": [{"description": "..."}, ...]}`,
    },
  ];
}
