import { EnvscalerError, type ChatRequest, type KnownStage } from '@envscaler/core';

// Which pipeline stage a request belongs to, told from the prompt itself (its system and first user
// message, whether tools are offered), not from `request.stage`: over HTTP only the prompt is certain,
// and a prompt that changes shape should fail loudly here rather than be answered wrongly.
// The whole table is this one list; the first entry that matches wins.

/** The stages the synthetic model answers: every stage the pipeline names. */
export type SyntheticStage = KnownStage;

/** The parts of a request the recognisers and answers read. */
export interface PromptView {
  system: string;
  /** The first user message (a re-ask appends later ones; the task is in the first). */
  user: string;
  hasTools: boolean;
}

export interface Recogniser {
  stage: SyntheticStage;
  /** Phrases that must all appear (in the system or first user message), as the prompt builders write them. */
  all: readonly (string | RegExp)[];
  /** Whether the request must offer tools (undefined: either). */
  tools?: boolean;
}

export const recognisers: readonly Recogniser[] = [
  { stage: 'user-simulator', all: ['You are simulating a user who is chatting'], tools: false },
  {
    stage: 'scenario-solver',
    all: ['You are acting autonomously: the user has already given every confirmation'],
    tools: true,
  },
  { stage: 'topic-judge', all: ['Decide whether this user task needs a STATEFUL tool environment'] },
  { stage: 'topic-infer', all: ['Name the software system an agent would operate to complete this task'] },
  { stage: 'topic-score', all: ['Rate this environment topic from 0 to 10 on two scales'] },
  { stage: 'logic-entities', all: ['Design the data model of a simulated environment.', 'Topic: '] },
  { stage: 'logic-operations', all: ['List the tool operations of the environment "'] },
  { stage: 'logic-method', all: ['Implement one method of the TypeScript class `', 'Signature:\n```ts\n'] },
  {
    stage: 'logic-repair',
    all: [/does not compile\s+under strict mode/, 'The method:\n```ts\n', 'Compiler errors:'],
  },
  { stage: 'quality-state', all: ['Create an initial state for the environment "'] },
  { stage: 'quality-tester', all: ['You are testing the tools of the environment "', 'Calls so far:\n'] },
  {
    stage: 'quality-checker',
    all: ['You review the behaviour of the environment "', 'Give one verdict per call'],
  },
  { stage: 'scenario-state', all: ['Write one initial state for a new scenario in this environment.'] },
  {
    stage: 'scenario-task',
    all: ['Write one task a user brings to an assistant that operates these tools.'],
  },
  { stage: 'scenario-checklist', all: ['List the conditions that must hold in the final state'] },
  { stage: 'scenario-checks', all: ['For each checklist item write a check function'] },
  {
    stage: 'scenario-checks-repair',
    all: ['You fix TypeScript type errors precisely.', 'The TypeScript compiler reports:'],
  },
  { stage: 'scenario-checks-rewrite', all: ['is already TRUE on the initial state above'] },
  { stage: 'agent', all: [], tools: true },
];

export function promptView(request: Pick<ChatRequest, 'messages' | 'tools'>): PromptView {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  return { system, user, hasTools: (request.tools?.length ?? 0) > 0 };
}

/** The stage of a request; throws INVALID_INPUT naming the start of the prompt when no entry matches. */
export function recognise(request: Pick<ChatRequest, 'messages' | 'tools'>): {
  stage: SyntheticStage;
  view: PromptView;
} {
  const view = promptView(request);
  const text = `${view.system}\n${view.user}`;
  for (const entry of recognisers) {
    if (entry.tools !== undefined && entry.tools !== view.hasTools) continue;
    if (entry.all.every((p) => (typeof p === 'string' ? text.includes(p) : p.test(text)))) {
      return { stage: entry.stage, view };
    }
  }
  const start = (view.user || view.system || JSON.stringify(request.messages)).slice(0, 200);
  throw new EnvscalerError(
    'INVALID_INPUT',
    `synthetic model: unrecognised prompt (first 200 chars: ${JSON.stringify(start)}); ` +
      "it answers only the prompts of envscaler's own pipeline stages",
    { details: { prompt: start } },
  );
}
