import { completeJson, type ChatModel } from '@envscaler/core';
import { stateMessages } from '../prompts/state.js';
import { stateProblems } from '../integrity.js';
import type { ScenarioEnvironment } from '../types.js';

export interface GenerateInitialStateOptions {
  env: ScenarioEnvironment;
  model: ChatModel;
  /** Varies the world between scenarios (default: a generic request for variety). */
  focus?: string;
  /** A sample of real data shown for formats and style (e.g. a few records of a production database). */
  exampleState?: unknown;
  /** Extra semantic checks on top of schema + generic referential integrity. */
  integrity?: (state: unknown) => string[];
  /** Attempts including the first; failed attempts are re-asked with the problems (default 3). */
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
}

/**
 * Stage 'scenario-state': a rich initial state validated against the env's State JSON Schema and
 * referential integrity; invalid replies are re-asked with the exact problems. Throws
 * `GenerationFailedError` when no attempt passes.
 */
export async function generateInitialState(options: GenerateInitialStateOptions): Promise<unknown> {
  const reply = await completeJson<{ state: unknown }>({
    model: options.model,
    request: {
      stage: 'scenario-state',
      messages: stateMessages({
        env: options.env,
        focus: options.focus ?? 'a typical, busy day',
        exampleState: options.exampleState,
      }),
      responseFormat: { type: 'json_object' },
      temperature: options.temperature,
      signal: options.signal,
    },
    schema: { type: 'object', required: ['state'], properties: { state: { type: 'object' } } },
    maxAttempts: options.maxAttempts ?? 3,
    check: (value) =>
      stateProblems({
        schema: options.env.stateSchema,
        state: (value as { state: unknown }).state,
        integrity: options.integrity,
      }).map((p) => `state: ${p.replace(/^\$/, '$.state')}`),
  });
  return reply.state;
}
