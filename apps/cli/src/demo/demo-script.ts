import type { ChatMessage, ChatModel, ChatRequest, ChatResponse, ChatToolCall } from '@envscaler/core';
import { exampleScriptedEnvs, scriptedAnswer, type ScriptedEnvSpec } from '@envscaler/skelbuilder/testing';

/**
 * The scripted model behind the offline demo's cassette. It answers like a model would (prose,
 * fenced JSON, tool calls) for the demo corpus in `demo/tasks.jsonl`:
 * - skelbuilder stages come from skelbuilder's scripted library environment (two library tasks that
 *   merge, a `lendBook` body repaired after one type error) plus two tasks the judge drops as stateless
 *   and one topic dropped for a low score;
 * - scenario stages write two library scenarios with typed checks, and a solver that solves them;
 * - the rollout agent solves the first scenario after recovering from a refused call, and returns the
 *   wrong loan in the second, so rewards and pass^k are not all perfect.
 * `pnpm --filter @envscaler/cli demo:record` runs the demo with this model and records every answer.
 */

const demoEnvs: ScriptedEnvSpec[] = [
  ...exampleScriptedEnvs(),
  {
    task: {
      id: 'trivia-001',
      task: 'Who wrote the novel Kindred, and in which year was it first published?',
    },
    stateful: false,
    judgeReason: 'A fact lookup; there is no record to create or change.',
  },
  {
    task: { id: 'office-001', task: 'Log that the third-floor coffee machine was descaled this morning.' },
    stateful: true,
    judgeReason: 'It records a maintenance event.',
    topic: {
      topic: 'Office coffee machine log',
      description: 'A log of maintenance events for office coffee machines.',
    },
    score: { usefulness: 3, modelability: 8, reason: 'Too narrow to teach an agent much.' },
  },
];

const libraryState = exampleScriptedEnvs()[0]!.initialState;

interface DemoScenario {
  task: string;
  user: { persona: string; knownInfo: string; unknownInfo: string };
  checklist: { description: string; source: string }[];
  solution: { name: string; arguments: Record<string, unknown> }[];
  answer: string;
  /** What the rollout agent does (may differ from the solution). */
  agentPlan: { name: string; arguments: Record<string, unknown> }[];
  agentAnswer: string;
}

const scenarios: DemoScenario[] = [
  {
    task: 'Priya Nair (member M-1042) is returning her copy of Dune (loan loan-2) and wants to borrow Kindred (book b-3) instead, due back on 2026-12-24. Process the return and the new loan.',
    user: {
      persona: 'Priya Nair, a regular library member in a hurry.',
      knownInfo:
        'Member number M-1042; she is returning Dune (loan loan-2); she wants Kindred until 2026-12-24.',
      unknownInfo: 'The catalogue id of Kindred.',
    },
    checklist: [
      {
        description: 'Loan loan-2 (Dune) is marked returned.',
        source:
          "(final, initial) => final.loans['loan-2']?.returned === true && initial.loans['loan-2']?.returned === false",
      },
      {
        description: 'Priya has a new, unreturned loan of Kindred due 2026-12-24.',
        source:
          "(final, initial) => Object.values(final.loans).some((l) => !initial.loans[l.id] && l.bookId === 'b-3' && l.memberId === 'M-1042' && l.dueDate === '2026-12-24' && !l.returned)",
      },
      {
        description: 'Kindred has one copy fewer on the shelf.',
        source:
          "(final, initial) => final.books['b-3']?.copiesAvailable === (initial.books['b-3']?.copiesAvailable ?? 0) - 1",
      },
    ],
    solution: [
      { name: 'returnBook', arguments: { loanId: 'loan-2' } },
      { name: 'lendBook', arguments: { memberId: 'M-1042', bookId: 'b-3', dueDate: '2026-12-24' } },
    ],
    answer: 'Dune is returned and Kindred is lent to Priya Nair (loan loan-3), due back on 2026-12-24.',
    agentPlan: [
      { name: 'lendBook', arguments: { memberId: 'M-1042', bookId: 'b-3', dueDate: '2026-12-24' } },
      { name: 'returnBook', arguments: { loanId: 'loan-2' } },
      { name: 'lendBook', arguments: { memberId: 'M-1042', bookId: 'b-3', dueDate: '2026-12-24' } },
    ],
    agentAnswer:
      'Priya was at her loan limit, so I took Dune back first; Kindred is now lent to her until 2026-12-24.',
  },
  {
    task: "Record the return of Priya Nair's copy of 'The Left Hand of Darkness' (loan loan-1) and tell her how many copies are now on the shelf.",
    user: {
      persona: 'Priya Nair, returning a book at the front desk.',
      knownInfo: "Her member number is M-1042 and she is returning 'The Left Hand of Darkness'.",
      unknownInfo: 'The loan id.',
    },
    checklist: [
      {
        description: 'Loan loan-1 is marked returned.',
        source:
          "(final, initial) => final.loans['loan-1']?.returned === true && initial.loans['loan-1']?.returned === false",
      },
      {
        description: 'One more copy of The Left Hand of Darkness is on the shelf.',
        source:
          "(final, initial) => final.books['b-1']?.copiesAvailable === (initial.books['b-1']?.copiesAvailable ?? 0) + 1",
      },
    ],
    solution: [
      { name: 'returnBook', arguments: { loanId: 'loan-1' } },
      { name: 'getBook', arguments: { bookId: 'b-1' } },
    ],
    answer: "The return is recorded; 2 copies of 'The Left Hand of Darkness' are now on the shelf.",
    agentPlan: [{ name: 'returnBook', arguments: { loanId: 'loan-2' } }],
    agentAnswer: 'The book is returned.',
  },
];

function fenced(intro: string, value: unknown): string {
  return `${intro}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`;
}

function reply(content: string | null, toolCalls?: ChatToolCall[]): ChatResponse {
  return {
    message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
    usage: { promptTokens: 0, completionTokens: 0 },
    model: 'scripted-demo',
    finishReason: toolCalls ? 'tool_calls' : 'stop',
  };
}

function scenarioFor(messages: ChatMessage[]): DemoScenario {
  const text = messages.map((m) => (m.role === 'user' || m.role === 'system' ? m.content : '')).join('\n');
  const found = scenarios.find((s) => text.includes(s.task));
  if (!found) throw new Error('demo script: the request names no demo scenario task');
  return found;
}

/** One step of a tool-calling plan: the next call after the tool results so far, then the final answer. */
function planStep(request: ChatRequest, plan: DemoScenario['solution'], answer: string): ChatResponse {
  const done = request.messages.filter((m) => m.role === 'tool').length;
  const next = plan[done];
  if (!next) return reply(answer);
  return reply(null, [
    {
      id: `call_${done + 1}`,
      type: 'function',
      function: { name: next.name, arguments: JSON.stringify(next.arguments) },
    },
  ]);
}

/** Tokens are estimated from text length (about 4 characters a token), as a real endpoint would report them. */
function withUsage(request: ChatRequest, response: ChatResponse): ChatResponse {
  const prompt = request.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0);
  const completion =
    (response.message.content?.length ?? 0) + JSON.stringify(response.message.tool_calls ?? []).length;
  return {
    ...response,
    usage: { promptTokens: Math.ceil(prompt / 4), completionTokens: Math.ceil(completion / 4) },
  };
}

export function createDemoScriptedModel(): ChatModel {
  let taskCalls = 0;
  return {
    async complete(request) {
      const stage = request.stage;
      let response: ChatResponse;
      if (stage.startsWith('topic-') || stage.startsWith('logic-') || stage.startsWith('quality-')) {
        response = reply(scriptedAnswer({ envs: demoEnvs }, request));
      } else if (stage === 'scenario-state') {
        response = reply(fenced('Here is an initial state for the scenario:', { state: libraryState }));
      } else if (stage === 'scenario-task') {
        const scenario = scenarios[taskCalls++ % scenarios.length]!;
        response = reply(
          fenced('A task that needs several tools:', { task: scenario.task, user: scenario.user }),
        );
      } else if (stage === 'scenario-checklist') {
        const scenario = scenarioFor(request.messages);
        response = reply(
          fenced('The conditions to verify:', {
            checklist: scenario.checklist.map(({ description }) => ({ description })),
          }),
        );
      } else if (stage === 'scenario-checks') {
        const scenario = scenarioFor(request.messages);
        response = reply(
          fenced('One check per item:', {
            checks: scenario.checklist.map((c, i) => ({ id: `c${i + 1}`, source: c.source })),
          }),
        );
      } else if (stage === 'scenario-solver') {
        const scenario = scenarioFor(request.messages);
        response = planStep(request, scenario.solution, scenario.answer);
      } else if (stage === 'agent') {
        const scenario = scenarioFor(request.messages);
        response = planStep(request, scenario.agentPlan, scenario.agentAnswer);
      } else {
        throw new Error(`demo script: no scripted answer for stage '${stage}'`);
      }
      return withUsage(request, response);
    },
  };
}
