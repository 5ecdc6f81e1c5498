import type { ChatMessage } from '@envscaler/core';
import type { ChecklistEntry } from '../types.js';
import { JSON_ONLY, boundedJson } from './shared.js';

const SIGNATURE = '(final: Readonly<State>, initial: Readonly<State>) => boolean';

/**
 * Asks for one TypeScript check function per checklist item, typed against the environment's State,
 * so each condition becomes executable and deterministic. Pure expressions over the two states only.
 * Expected reply: `{ "checks": [ { "id": "c1", "source": "(final, initial) => ..." } ] }`.
 */
export function checksMessages(options: {
  stateType: string;
  initialState: unknown;
  task: string;
  checklist: readonly ChecklistEntry[];
}): ChatMessage[] {
  const items = options.checklist.map((c) => `- ${c.id}: ${c.description}`).join('\n');
  return [
    {
      role: 'system',
      content: 'You write small, correct, strictly typed TypeScript functions.',
    },
    {
      role: 'user',
      content: `The environment state has this TypeScript type:
\`\`\`ts
${options.stateType}
\`\`\`

Initial state:
${boundedJson(options.initialState)}

Task: ${options.task}

Checklist:
${items}

For each checklist item write a check function of type \`${SIGNATURE}\` that returns true exactly when the item holds.
- Write it as a function expression, e.g. \`(final, initial) => final.orders['#1']?.status === 'cancelled'\`.
- Use only the two arguments: no imports, no I/O, no randomness, no Date.now(); do not mutate the states.
- Guard lookups of entries that may be missing (optional chaining), so a missing entry gives false rather than an error.
- It must type-check under strict TypeScript against State.

${JSON_ONLY} Shape: {"checks": [{"id": "c1", "source": "(final, initial) => ..."}, ...]}`,
    },
  ];
}

/**
 * Feeds the compiler's diagnostics for one check back to the model and asks for a corrected function,
 * so a check is fixed by the same type system the environment uses, not by guesswork.
 * Expected reply: `{ "source": "(final, initial) => ..." }`.
 */
export function checkRepairMessages(options: {
  stateType: string;
  item: ChecklistEntry;
  source: string;
  errors: readonly string[];
}): ChatMessage[] {
  return [
    { role: 'system', content: 'You fix TypeScript type errors precisely.' },
    {
      role: 'user',
      content: `State type:
\`\`\`ts
${options.stateType}
\`\`\`

This check function for "${options.item.description}" must have type \`${SIGNATURE}\`:
\`\`\`ts
${options.source}
\`\`\`

The TypeScript compiler reports:
${options.errors.map((e) => `- ${e}`).join('\n')}

Correct the function so it type-checks and still checks the same condition.

${JSON_ONLY} Shape: {"source": "(final, initial) => ..."}`,
    },
  ];
}

/**
 * The do-nothing gate found this check already true on the untouched initial state, so it rewards doing
 * nothing. Asks once for a stricter function that only becomes true through the task's own effect.
 * Expected reply: `{ "source": "(final, initial) => ..." }` (optionally with a revised "description").
 */
export function checkRewriteMessages(options: {
  stateType: string;
  initialState: unknown;
  task: string;
  item: ChecklistEntry;
  source: string;
}): ChatMessage[] {
  return [
    { role: 'system', content: 'You write precise verification functions for agent tasks.' },
    {
      role: 'user',
      content: `State type:
\`\`\`ts
${options.stateType}
\`\`\`

Initial state:
${boundedJson(options.initialState)}

Task: ${options.task}

The check for "${options.item.description}" is already TRUE on the initial state above, before anyone has acted, so it would reward doing nothing:
\`\`\`ts
${options.source}
\`\`\`

Rewrite it (type \`${SIGNATURE}\`) so it is false on the initial state and true only once the task has been carried out, e.g. by checking the changed value or comparing with \`initial\`.

${JSON_ONLY} Shape: {"source": "(final, initial) => ...", "description": "optional revised description"}`,
    },
  ];
}
