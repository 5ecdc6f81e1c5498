import type { JsonSchema, ToolSpec } from '@envscaler/core';
import { prompt, type Prompt } from './common.js';

/**
 * Stage 'quality-state': a small but realistic initial world, checked against the State JSON Schema and
 * the referential-integrity rule before any tool runs (a broken world would make every test call fail).
 */
export function qualityStatePrompt(input: {
  className: string;
  summary: string;
  stateTypes: string;
  rules: string[];
  stateSchema: JsonSchema;
}): Prompt {
  return prompt(
    'quality-state',
    `Create an initial state for the environment "${input.className}": ${input.summary}

State and entity types:
\`\`\`ts
${input.stateTypes.trim()}
\`\`\`

Rules:
${input.rules.map((r) => `- ${r}`).join('\n')}

Give 2-5 records per collection with realistic values, keyed by their "id" field (the key equals the
record's id). Every field named <entity>Id or <entity>Ids must hold ids of records that exist in that
entity's collection. Include cases that make the rules matter (e.g. a full, closed or exhausted record).
Answer with the state object itself.`,
    input.stateSchema,
  );
}

export interface TesterCall {
  tool: string;
  arguments: Record<string, unknown>;
  purpose: string;
}
export interface TesterReply {
  calls: TesterCall[];
}
export const testerReplySchema = {
  type: 'object',
  required: ['calls'],
  properties: {
    calls: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool', 'arguments', 'purpose'],
        properties: { tool: { type: 'string' }, arguments: { type: 'object' }, purpose: { type: 'string' } },
      },
    },
  },
};

export interface TesterHistoryItem {
  index: number;
  tool: string;
  arguments: Record<string, unknown>;
  result: unknown;
}

/**
 * Stage 'quality-tester': an agent probing the tools, a few calls per turn, seeing earlier results so it
 * can chain ids and aim at edge cases (unknown ids, violated rules, boundary values) as well as normal use.
 */
export function qualityTesterPrompt(input: {
  className: string;
  summary: string;
  rules: string[];
  tools: ToolSpec[];
  initialState: unknown;
  history: TesterHistoryItem[];
  maxCalls: number;
}): Prompt {
  const tools = input.tools.map((t) => ({
    name: t.name,
    kind: t.kind,
    description: t.description,
    parameters: t.parameters,
  }));
  const history =
    input.history.length === 0
      ? '(no calls yet)'
      : input.history
          .map((h) => `#${h.index} ${h.tool}(${JSON.stringify(h.arguments)}) -> ${JSON.stringify(h.result)}`)
          .join('\n');
  return prompt(
    'quality-tester',
    `You are testing the tools of the environment "${input.className}": ${input.summary}

Rules the tools should enforce:
${input.rules.map((r) => `- ${r}`).join('\n')}

Tools:
${JSON.stringify(tools, null, 2)}

Initial state:
${JSON.stringify(input.initialState)}

Calls so far:
${history}

Propose the next 1-${input.maxCalls} tool calls. Mix normal use (realistic chains of calls) with edge cases:
unknown ids, arguments that break a rule, boundary values, repeating a mutation. Cover tools not yet
called. Use an empty "calls" list when there is nothing useful left to test.`,
    testerReplySchema,
  );
}

export interface CheckerVerdict {
  index: number;
  verdict: 'pass' | 'warning' | 'fail';
  reason: string;
}
export interface CheckerReply {
  verdicts: CheckerVerdict[];
}
export const checkerReplySchema = {
  type: 'object',
  required: ['verdicts'],
  properties: {
    verdicts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'verdict', 'reason'],
        properties: {
          index: { type: 'integer' },
          verdict: { enum: ['pass', 'warning', 'fail'] },
          reason: { type: 'string' },
        },
      },
    },
  },
};

/**
 * Stage 'quality-checker': judges each tool result against the rules and the state before the call.
 * 'warning' is for results that are acceptable but imperfect (vague message, odd error code).
 */
export function qualityCheckerPrompt(input: {
  className: string;
  rules: string[];
  tools: ToolSpec[];
  calls: (TesterHistoryItem & { stateBefore: unknown; purpose: string })[];
}): Prompt {
  const tools = input.tools.map((t) => `- ${t.name} (${t.kind}): ${t.description}`).join('\n');
  const calls = input.calls
    .map(
      (c) =>
        `#${c.index} ${c.tool}(${JSON.stringify(c.arguments)}) — tester's intent: ${c.purpose}\n` +
        `state before: ${JSON.stringify(c.stateBefore)}\nresult: ${JSON.stringify(c.result)}`,
    )
    .join('\n\n');
  return prompt(
    'quality-checker',
    `You review the behaviour of the environment "${input.className}".

Rules:
${input.rules.map((r) => `- ${r}`).join('\n')}

Tools:
${tools}

Judge each call below. "pass": the result is correct given the state and the rules (including a correct
refusal with a clear error). "warning": acceptable but imperfect (unclear message, odd error code, missing
detail). "fail": wrong result, a rule not enforced, a valid request refused, or a crash.

${calls}

Give one verdict per call, with its index.`,
    checkerReplySchema,
  );
}
