import { EnvscalerError, type ScriptedReply } from '@envscaler/core';
import { faultFor, jsonBetween, need, worldIn, type AnswerContext, type StageAnswer } from './answers.js';
import { createRandom, decide, shortHash } from './random.js';
import type { PromptView, SyntheticStage } from './recognise.js';
import type { SyntheticState } from './reference.js';
import {
  checkSource,
  conditionsFor,
  parseSteps,
  planTask,
  solutionCalls,
  writeTask,
  type CheckForm,
} from './scenario.js';
import { generateState } from './state.js';
import { summaryClassPattern, type World } from './world.js';

// Answers of the scengen stages (raw JSON, as their prompts ask), the solver and the rollout agent (tool
// calls, one per turn, then a short summary) and the simulated user (plain text ending with ###STOP###).

const json = (value: unknown): string => JSON.stringify(value);

const scenarioWorld = (ctx: AnswerContext, view: PromptView, stage: SyntheticStage): World =>
  worldIn(ctx, view, stage, summaryClassPattern);

const state: StageAnswer = (ctx, view) => {
  const world = scenarioWorld(ctx, view, 'scenario-state');
  const variation = need(
    /Variation for this scenario: (.*)\n/.exec(view.user)?.[1],
    'variation',
    'scenario-state',
    view.user,
  );
  const firstId = createRandom(ctx.seed, 'first-id', world.className, variation).int(1, 40);
  return json({ state: generateState({ world, seed: ctx.seed, variation, perCollection: [4, 6], firstId }) });
};

const task: StageAnswer = (ctx, view) => {
  const world = scenarioWorld(ctx, view, 'scenario-task');
  const shown = jsonBetween(view.user, 'Initial state of this scenario:\n', '\n\nWrite one task');
  if (!shown || typeof shown !== 'object') {
    throw new EnvscalerError(
      'INVALID_INPUT',
      'synthetic model: the scenario-task prompt shows no complete initial state',
    );
  }
  const focus = /- Prefer: (.*)\n/.exec(view.user)?.[1] ?? '';
  const key = shortHash(json(shown), focus);
  const unsolvable = decide(ctx.rates.unsolvable, ctx.seed, 'unsolvable', world.className, key);
  const plan = planTask({ world, seed: ctx.seed, state: shown as SyntheticState, focus, unsolvable });
  // noted only when a rule-breaking last step could be built on this state
  if (plan.broken) ctx.fault('unsolvable', `${world.className} ${key}`);
  if (plan.steps.length === 0) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `synthetic model: no operation of ${world.className} applies to this state`,
    );
  }
  return json(writeTask({ world, seed: ctx.seed, steps: plan.steps }));
};

const checklist: StageAnswer = (ctx, view) => {
  const world = scenarioWorld(ctx, view, 'scenario-checklist');
  const text = need(
    /\n\nTask:\n([\s\S]*?)\n\nList the conditions/.exec(view.user)?.[1],
    'task',
    'scenario-checklist',
    view.user,
  );
  const steps = parseSteps(world, text);
  if (steps.length === 0)
    throw new EnvscalerError(
      'INVALID_INPUT',
      `synthetic model: the task names no step of ${world.className}: ${text}`,
    );
  return json({ checklist: conditionsFor(world, steps).map((description) => ({ description })) });
};

function sourceFor(description: string, form: CheckForm = 'correct'): string {
  const source = checkSource(description, form);
  if (source === undefined)
    throw new EnvscalerError('INVALID_INPUT', `synthetic model: cannot write a check for "${description}"`);
  return source;
}

const checks: StageAnswer = (ctx, view) => {
  const text = need(
    /\nTask: ([\s\S]*?)\n\nChecklist:\n/.exec(view.user)?.[1],
    'task',
    'scenario-checks',
    view.user,
  );
  const items = [...view.user.matchAll(/^- (c\d+): (.*)$/gm)].map((m) => ({ id: m[1]!, description: m[2]! }));
  return json({
    checks: items.map(({ id, description }) => {
      const form: CheckForm = faultFor(ctx, 'typeError', 'check', shortHash(text, description))
        ? 'typeError'
        : faultFor(ctx, 'trivialCheck', shortHash(text, description))
          ? 'trivial'
          : 'correct';
      return { id, source: sourceFor(description, form) };
    }),
  });
};

const checkRepair: StageAnswer = (_ctx, view) => {
  const description = need(
    /This check function for "(.*)" must have type/.exec(view.user)?.[1],
    'check description',
    'scenario-checks-repair',
    view.user,
  );
  return json({ source: sourceFor(description) });
};

const checkRewrite: StageAnswer = (_ctx, view) => {
  const description = need(
    /The check for "(.*)" is already TRUE/.exec(view.user)?.[1],
    'check description',
    'scenario-checks-rewrite',
    view.user,
  );
  return json({ source: sourceFor(description) });
};

type Messages = Parameters<StageAnswer>[2]['messages'];

/** The episode number a conversation carries in the ids of its earlier tool calls (`call_e<n>_<i>`). */
function episodeOf(messages: Messages): number | undefined {
  for (const m of messages) {
    const calls = m.role === 'assistant' ? (m.tool_calls as { id?: string }[] | undefined) : undefined;
    const id = /^call_e(\d+)_/.exec(calls?.[0]?.id ?? '')?.[1];
    if (id !== undefined) return Number(id);
  }
  return undefined;
}

/** One turn of a tool-calling policy: the next call of `plan` after the results so far, then a summary. */
function policyTurn(options: {
  messages: Messages;
  plan: { name: string; arguments: Record<string, unknown> }[];
  episode: number;
  summary: string;
}): ScriptedReply {
  const done = options.messages.filter((m) => m.role === 'tool').length;
  const next = options.plan[done];
  if (!next) return { content: options.summary };
  return {
    content: null,
    toolCalls: [{ id: `call_e${options.episode}_${done}`, name: next.name, arguments: next.arguments }],
  };
}

function summaryOf(world: World, calls: { name: string }[]): string {
  const changes = calls.filter((c) => !c.name.startsWith('get'));
  return changes.length === 0
    ? 'I could not find anything to change for this request.'
    : `Done: ${changes.map((c) => c.name).join(', ')} in the ${world.phrase} records.`;
}

const solver: StageAnswer = (ctx, view, request) => {
  const world = scenarioWorld(ctx, view, 'scenario-solver');
  const plan = solutionCalls(world, parseSteps(world, view.user));
  return policyTurn({ messages: request.messages, plan, episode: 0, summary: summaryOf(world, plan) });
};

const agent: StageAnswer = (ctx, view, request) => {
  const world = scenarioWorld(ctx, view, 'agent');
  // The task is the first user turn (the scenario task, or the simulated user's opening message).
  const steps = parseSteps(world, view.user);
  const episode = episodeOf(request.messages) ?? ctx.nextEpisode(view.user);
  let chosen = steps;
  if (steps.length > 0 && faultFor(ctx, 'agentFail', shortHash(view.user), String(episode)))
    chosen = steps.slice(0, -1);
  const plan = solutionCalls(world, chosen);
  // A failing agent still looks the last record up; it just never makes the change.
  if (chosen.length < steps.length) plan.push(...solutionCalls(world, steps.slice(-1)).slice(0, -1));
  return policyTurn({ messages: request.messages, plan, episode, summary: summaryOf(world, plan) });
};

const userSimulator: StageAnswer = (_ctx, view, request) => {
  const goal = need(
    /## Your goal\n([\s\S]*?)\n\n## /.exec(view.system)?.[1],
    'goal',
    'user-simulator',
    view.system,
  );
  const known = /## What you know\n([\s\S]*?)(?:\n\n## |$)/.exec(view.system)?.[1] ?? '';
  const spoke = request.messages.some((m) => m.role === 'assistant');
  if (!spoke) return { content: goal.trim() };
  const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  if (last.trim().endsWith('?')) return { content: known.trim() || 'I do not know that, sorry.' };
  return { content: 'Thanks, that is everything I needed. ###STOP###' };
};

/** Answers of the scenario, solver, agent and user-simulator stages, by stage. */
export const scenarioAnswers: Partial<Record<SyntheticStage, StageAnswer>> = {
  'scenario-state': state,
  'scenario-task': task,
  'scenario-checklist': checklist,
  'scenario-checks': checks,
  'scenario-checks-repair': checkRepair,
  'scenario-checks-rewrite': checkRewrite,
  'scenario-solver': solver,
  agent,
  'user-simulator': userSimulator,
};
