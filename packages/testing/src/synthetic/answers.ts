import { EnvscalerError, type ScriptedReply } from '@envscaler/core';
import { methodBody, pickMistake } from './code.js';
import { createRandom, decide } from './random.js';
import type { PromptView, SyntheticStage } from './recognise.js';
import { operationOf, type SyntheticState } from './reference.js';
import { judgeCall, shownCalls, testerPlan } from './quality.js';
import { generateState } from './state.js';
import { topicTails } from './vocabulary.js';
import { entityModelJson, operationsJson } from './world-json.js';
import { classNameForTopic, contentWords, upperFirst, worldFor, type World } from './world.js';

// Answers of the skelbuilder stages (topic mining, logic, quality), written the way chat models tend to
// write them: a sentence, then a fenced JSON block.

export type SyntheticFaultKind =
  'typeError' | 'qualityFail' | 'trivialCheck' | 'unsolvable' | 'malformedJson' | 'agentFail';

/** What every answer function gets: the seed, the fault rates, and where to note a fault it injected. */
export interface AnswerContext {
  seed: number;
  rates: Record<SyntheticFaultKind, number>;
  /** Records that a fault was injected for an item (counted once per item). */
  fault(kind: SyntheticFaultKind, item: string): void;
  /** Numbers the episodes of one task in the order they start (for per-episode agent decisions). */
  nextEpisode(task: string): number;
}

export type StageAnswer = (
  ctx: AnswerContext,
  view: PromptView,
  request: { messages: readonly { role: string; content: string | null; tool_calls?: unknown }[] },
) => ScriptedReply;

/** Decides a fault for one item, and notes it when it happens. */
export function faultFor(ctx: AnswerContext, kind: SyntheticFaultKind, ...item: string[]): boolean {
  const yes = decide(ctx.rates[kind], ctx.seed, kind, ...item);
  if (yes) ctx.fault(kind, item.join(' '));
  return yes;
}

/** Prose, then the value as a fenced JSON block. */
export function fenced(intro: string, value: unknown): string {
  return `${intro}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`;
}

/** A required piece of a prompt, or a clear error naming what is missing and from which stage. */
export function need(value: string | undefined, what: string, stage: SyntheticStage, text: string): string {
  if (value === undefined) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `synthetic model: the ${stage} prompt has no ${what} (first 200 chars: ${JSON.stringify(text.slice(0, 200))})`,
    );
  }
  return value;
}

/** The world of the class a prompt names with `pattern` (its first group). */
export function worldIn(ctx: AnswerContext, view: PromptView, stage: SyntheticStage, pattern: RegExp): World {
  const text = `${view.system}\n${view.user}`;
  return worldFor({
    seed: ctx.seed,
    className: need(pattern.exec(text)?.[1], 'environment class name', stage, text),
  });
}

/** JSON printed in a prompt between two markers, or undefined when it is missing or cut short. */
export function jsonBetween(text: string, start: string, end: string): unknown {
  const from = text.indexOf(start);
  if (from < 0) return undefined;
  const to = text.indexOf(end, from + start.length);
  try {
    return JSON.parse(text.slice(from + start.length, to < 0 ? undefined : to));
  } catch {
    return undefined;
  }
}

const statelessTask =
  /\b(percent|percentage|convert|conversion|translate|calculate|compute|square root|how far|what year|who wrote|define|definition|weather|capital of|spell)\b/i;

const taskOf = (view: PromptView, stage: SyntheticStage): string => {
  const quoted = need(/Task: ("(?:[^"\\]|\\.)*")/.exec(view.user)?.[1], 'task', stage, view.user);
  return JSON.parse(quoted) as string;
};

const judge: StageAnswer = (_ctx, view) => {
  const task = taskOf(view, 'topic-judge');
  const stateful = !statelessTask.test(task);
  return fenced('Let me think about whether this needs persistent state.', {
    stateful,
    reason: stateful
      ? 'The task reads and changes stored records, so later calls depend on earlier ones.'
      : 'It is a one-off computation or fact lookup; nothing is stored or changed.',
  });
};

const infer: StageAnswer = (ctx, view) => {
  const task = taskOf(view, 'topic-infer');
  const found = [...new Set(contentWords(task))].slice(0, 2);
  const rng = createRandom(ctx.seed, 'topic', task);
  const topicWords = found.length > 0 ? found : ['general', 'service'];
  const topic = `${upperFirst(topicWords.join(' '))} ${rng.pick(topicTails)}`;
  return fenced('Here is the environment this task belongs to:', {
    topic,
    description: `A ${topic.toLowerCase()} system that keeps ${topicWords.join(' and ')} records; staff create, update and close them.`,
  });
};

const score: StageAnswer = (ctx, view) => {
  const topic = need(/Topic: (.*)\n/.exec(view.user)?.[1], 'topic', 'topic-score', view.user);
  const rng = createRandom(ctx.seed, 'score', topic);
  return fenced('My assessment:', {
    usefulness: rng.int(7, 9),
    modelability: rng.int(7, 9),
    reason: 'A common, rule-based back-office domain that fits in memory.',
  });
};

const entities: StageAnswer = (ctx, view) => {
  const topic = need(/Topic: (.*)\n/.exec(view.user)?.[1], 'topic', 'logic-entities', view.user);
  const world = worldFor({ seed: ctx.seed, className: classNameForTopic(topic) });
  return fenced("Here's a data model for this environment.", entityModelJson(world));
};

const operations: StageAnswer = (ctx, view) => {
  const world = worldIn(
    ctx,
    view,
    'logic-operations',
    /List the tool operations of the environment "([A-Za-z0-9]+)"/,
  );
  return fenced('These operations cover the example tasks:', operationsJson(world));
};

function operationNamed(world: World, name: string | undefined, stage: SyntheticStage, text: string) {
  const op = operationOf(world, need(name, 'method name', stage, text));
  if (!op)
    throw new EnvscalerError(
      'INVALID_INPUT',
      `synthetic model: ${world.className} has no operation ${name} (${stage})`,
    );
  return op;
}

const lax = (ctx: AnswerContext, world: World) => faultFor(ctx, 'qualityFail', world.className);

const method: StageAnswer = (ctx, view) => {
  const world = worldIn(ctx, view, 'logic-method', /class `([A-Za-z0-9]+) extends Environment<State>`/);
  const op = operationNamed(
    world,
    /Signature:\n```ts\n([A-Za-z0-9_]+)\(/.exec(view.user)?.[1],
    'logic-method',
    view.user,
  );
  const broken = faultFor(ctx, 'typeError', world.className, op.name);
  const variant = {
    lax: lax(ctx, world),
    ...(broken ? { mistake: pickMistake({ seed: ctx.seed, world, op }) } : {}),
  };
  return fenced('Here is the implementation.', { body: methodBody({ world, op, variant }) });
};

const repair: StageAnswer = (ctx, view) => {
  const world = worldIn(ctx, view, 'logic-repair', /class `([A-Za-z0-9]+) extends Environment<State>`/);
  const op = operationNamed(
    world,
    /The method:\n```ts\n([A-Za-z0-9_]+)\(/.exec(view.user)?.[1],
    'logic-repair',
    view.user,
  );
  return fenced('The compiler is right; here is the fixed body.', {
    body: methodBody({ world, op, variant: { lax: lax(ctx, world) } }),
  });
};

/** The initial state of a world's quality run. */
export const qualityState = (ctx: AnswerContext, world: World): SyntheticState =>
  generateState({ world, seed: ctx.seed, variation: 'quality', perCollection: [3, 4] });

const initialState: StageAnswer = (ctx, view) => {
  const world = worldIn(
    ctx,
    view,
    'quality-state',
    /Create an initial state for the environment "([A-Za-z0-9]+)"/,
  );
  return fenced('Here is a small initial state:', qualityState(ctx, world));
};

const tester: StageAnswer = (ctx, view) => {
  const world = worldIn(
    ctx,
    view,
    'quality-tester',
    /You are testing the tools of the environment "([A-Za-z0-9]+)"/,
  );
  const shown = jsonBetween(view.user, 'Initial state:\n', '\n\nCalls so far:');
  const start = shown && typeof shown === 'object' ? (shown as SyntheticState) : qualityState(ctx, world);
  const history = view.user.split('Calls so far:\n')[1]?.split('\n\nPropose the next')[0] ?? '';
  const made = (history.match(/^#\d+ /gm) ?? []).length;
  const max = Number(/Propose the next 1-(\d+) tool calls/.exec(view.user)?.[1] ?? '5');
  const calls = testerPlan({ world, seed: ctx.seed, initialState: start }).slice(made, made + max);
  return fenced(
    calls.length > 0 ? "Next I'll try these calls:" : 'Every tool is covered; nothing left to test.',
    { calls },
  );
};

const checker: StageAnswer = (ctx, view) => {
  const world = worldIn(
    ctx,
    view,
    'quality-checker',
    /You review the behaviour of the environment "([A-Za-z0-9]+)"/,
  );
  return fenced('My verdicts:', { verdicts: shownCalls(view.user).map((call) => judgeCall(world, call)) });
};

/** Answers of the skelbuilder stages, by stage. */
export const buildAnswers: Partial<Record<SyntheticStage, StageAnswer>> = {
  'topic-judge': judge,
  'topic-infer': infer,
  'topic-score': score,
  'logic-entities': entities,
  'logic-operations': operations,
  'logic-method': method,
  'logic-repair': repair,
  'quality-state': initialState,
  'quality-tester': tester,
  'quality-checker': checker,
};
