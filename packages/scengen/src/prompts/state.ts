import type { ChatMessage } from '@envscaler/core';
import type { ScenarioEnvironment } from '../types.js';
import { JSON_ONLY, boundedJson, describeEnvironment } from './shared.js';

/**
 * Asks for a complete initial world for one scenario. It must match the State JSON Schema and be rich
 * and internally consistent (ids that refer to each other exist), because a sparse or broken world makes
 * every later task trivial or impossible. `focus` varies the world between scenario slots.
 * Expected reply: `{ "state": <State> }`.
 */
export function stateMessages(options: {
  env: ScenarioEnvironment;
  focus: string;
  /** A sample of real data; its formats and style are copied, its content is not. */
  exampleState?: unknown;
}): ChatMessage[] {
  const example =
    options.exampleState === undefined
      ? ''
      : `\n\nAn example of real data in this environment (copy its id formats, value styles and level of detail; invent different entities):\n${boundedJson(options.exampleState, 12_000)}`;
  return [
    {
      role: 'system',
      content:
        'You design realistic test data for stateful tool environments used to train and evaluate AI agents.',
    },
    {
      role: 'user',
      content: `${describeEnvironment(options.env)}

State JSON Schema:
${boundedJson(options.env.stateSchema, 16_000)}${example}

Write one initial state for a new scenario in this environment.
- It must validate against the State JSON Schema exactly (all required fields, correct types, no extra fields where the schema forbids them).
- Make it rich and realistic: several entities in every collection, varied statuses and values, plausible names, dates, amounts and ids in the formats the schema and tools suggest.
- Keep it consistent: every id that refers to another entity must exist, and an entity stored under a key must carry that key as its own id.
- Include enough material for a task that needs several tool calls (e.g. items in different states, alternatives to choose from).
- Variation for this scenario: ${options.focus}

${JSON_ONLY} Shape: {"state": { ...the full initial state... }}`,
    },
  ];
}
