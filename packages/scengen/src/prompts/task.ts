import type { ChatMessage } from '@envscaler/core';
import type { ScenarioEnvironment } from '../types.js';
import { JSON_ONLY, boundedJson, describeEnvironment } from './shared.js';

/**
 * Asks for one challenging task over the given world: it needs several tool calls (including at least
 * one state change), is achievable under the rules with the tools, and its outcome is visible in the
 * final state, so it can be checked without reading the conversation. The user profile lets a simulated
 * user play the scenario: who they are, what they know, and what they do not know.
 * Expected reply: `{ "task": string, "user": { "persona": string, "knownInfo": string, "unknownInfo": string } }`.
 */
export function taskMessages(options: {
  env: ScenarioEnvironment;
  initialState: unknown;
  focus: string;
}): ChatMessage[] {
  return [
    {
      role: 'system',
      content: 'You write challenging, realistic tasks for evaluating tool-using AI agents.',
    },
    {
      role: 'user',
      content: `${describeEnvironment(options.env)}

Initial state of this scenario:
${boundedJson(options.initialState)}

Write one task a user brings to an assistant that operates these tools.
- It must need several tool calls, including at least one that changes the state; not a single lookup.
- It must be achievable from this initial state with these tools while following every rule.
- Its outcome must be visible in the final state (records created, changed or removed), so it can be verified from the state alone.
- Write it in the user's voice, with the concrete details the assistant needs (names, identifying info, what to change); do not name tools.
- Prefer: ${options.focus}
Also describe the user for a simulated conversation: "persona" (who they are and how they talk), "knownInfo" (facts they can give when asked), "unknownInfo" (what they do not know or remember).

${JSON_ONLY} Shape: {"task": "...", "user": {"persona": "...", "knownInfo": "...", "unknownInfo": "..."}}`,
    },
  ];
}
