import { prompt, type Prompt } from './common.js';

export interface JudgeReply {
  stateful: boolean;
  reason: string;
}
export const judgeReplySchema = {
  type: 'object',
  required: ['stateful', 'reason'],
  properties: { stateful: { type: 'boolean' }, reason: { type: 'string' } },
};

/**
 * Stage 'topic-judge': does the task need a persistent world (records that tools read and change)?
 * Pure computations and fact lookups make poor environments, so they are filtered out first.
 */
export function topicJudgePrompt(input: { task: string }): Prompt {
  return prompt(
    'topic-judge',
    `Decide whether this user task needs a STATEFUL tool environment: a world of records (accounts,
bookings, items, tickets, ...) that tools query and change, where the outcome of one call affects later
calls. Tasks that are pure computation, unit conversion, translation or general-knowledge lookup are NOT
stateful.

Task: ${JSON.stringify(input.task)}`,
    judgeReplySchema,
  );
}

export interface InferReply {
  topic: string;
  description: string;
}
export const inferReplySchema = {
  type: 'object',
  required: ['topic', 'description'],
  properties: {
    topic: { type: 'string', minLength: 3, maxLength: 80 },
    description: { type: 'string', minLength: 10 },
  },
};

/**
 * Stage 'topic-infer': names the environment the task would run in, at the level of a whole domain
 * system (not the single task), so that related tasks land on the same topic and can be merged.
 */
export function topicInferPrompt(input: { task: string }): Prompt {
  return prompt(
    'topic-infer',
    `Name the software system an agent would operate to complete this task, described as a reusable
environment rather than this one task (for example "Public library loans and holds", not "Lend Dune to
Priya"). Give a short topic name (2-6 words) and a 1-3 sentence description of the records it keeps and
what can be done with them.

Task: ${JSON.stringify(input.task)}`,
    inferReplySchema,
  );
}

export interface ScoreReply {
  usefulness: number;
  modelability: number;
  reason: string;
}
export const scoreReplySchema = {
  type: 'object',
  required: ['usefulness', 'modelability', 'reason'],
  properties: {
    usefulness: { type: 'number', minimum: 0, maximum: 10 },
    modelability: { type: 'number', minimum: 0, maximum: 10 },
    reason: { type: 'string' },
  },
};

/**
 * Stage 'topic-score': rates a topic for usefulness (would agents meet such a system in practice?) and
 * modelability (can its state and rules be captured in a small, deterministic, self-contained class?).
 */
export function topicScorePrompt(input: { topic: string; description: string }): Prompt {
  return prompt(
    'topic-score',
    `Rate this environment topic from 0 to 10 on two scales.
- usefulness: how valuable it is for training agents, i.e. how common and realistic such systems and tasks are.
- modelability: how well it can be simulated by one self-contained, deterministic program holding its data
  in memory (no real-world side effects, no external services, no randomness, clear rules).

Topic: ${input.topic}
Description: ${input.description}`,
    scoreReplySchema,
  );
}
