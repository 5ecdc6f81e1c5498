import {
  scriptedReplyToResponse,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
} from '@envscaler/core';
import type { CorpusTask } from './corpus.js';
import type { EntityModel, OperationSpec } from './logic/spec.js';
import type { TesterCall } from './prompts/quality.js';

// A scripted model for offline runs of the whole pipeline (tests, demos): every answer is chosen from the
// request's stage and content, so it does not depend on call order or concurrency. Answers are wrapped
// the way chat models tend to write them (a sentence, then a fenced JSON block), and can be made to start
// with a malformed reply to exercise the JSON repair loop.

/** Everything the model "knows" about one corpus task and the environment built from it. */
export interface ScriptedEnvSpec {
  task: CorpusTask;
  stateful: boolean;
  judgeReason?: string;
  topic?: { topic: string; description: string };
  score?: { usefulness: number; modelability: number; reason?: string };
  entities?: EntityModel;
  operations?: OperationSpec[];
  /**
   * Method bodies per operation: a string, or the successive versions (first for 'logic-method', each
   * later one answers the next 'logic-repair'; when they run out the last is repeated).
   */
  methods?: Record<string, string | string[]>;
  initialState?: unknown;
  /** Tool calls per tester turn; after the last turn the tester answers with no calls. */
  testerTurns?: TesterCall[][];
  /** The checker's verdict for call index i (default 'pass'). */
  verdict?: (
    index: number,
    call: { tool: string; result: string },
  ) => { verdict: 'pass' | 'warning' | 'fail'; reason: string };
}

export interface ScriptedModelOptions {
  envs: ScriptedEnvSpec[];
  /** Stages whose first answer (per prompt) is malformed JSON, to exercise re-asking. */
  malformedFirst?: string[];
  /** Model name reported in responses (default `scripted-model`). */
  modelName?: string;
  /** Milliseconds to wait before each answer (benchmarks). */
  latencyMs?: number;
}

const proseBefore: Record<string, string> = {
  'topic-judge': 'Let me think about whether this needs persistent state.',
  'topic-infer': 'Here is the environment this task belongs to:',
  'topic-score': 'My assessment:',
  'logic-entities': "Here's a data model for this environment.",
  'logic-operations': 'These operations cover the example tasks:',
  'logic-method': 'Here is the implementation.',
  'logic-repair': 'The compiler is right; here is the fixed body.',
  'quality-state': 'Here is a small initial state:',
  'quality-tester': "Next I'll try these calls:",
  'quality-checker': 'My verdicts:',
};

function fenced(stage: string, value: unknown): string {
  return `${proseBefore[stage] ?? 'Here you go:'}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`;
}

function firstUser(request: ChatRequest): string {
  return request.messages.find((m) => m.role === 'user')?.content ?? '';
}

function methodVersions(spec: ScriptedEnvSpec, name: string): string[] {
  const entry = spec.methods?.[name];
  if (entry === undefined) return [`return this.fail('NOT_IMPLEMENTED', '${name} is not scripted');`];
  return Array.isArray(entry) ? entry : [entry];
}

/**
 * Computes the scripted answer text for a request. Throws when nothing in `envs` matches, naming the stage.
 */
export function scriptedAnswer(options: ScriptedModelOptions, request: ChatRequest): string {
  const stage = request.stage;
  const text = firstUser(request);
  const last = request.messages[request.messages.length - 1];
  const isReask = last?.role === 'user' && last.content.startsWith('Your reply could not be used');
  if (!isReask && options.malformedFirst?.includes(stage)) {
    // Typical broken output: a trailing comma and a cut-off object.
    return `${proseBefore[stage] ?? ''}\n\n\`\`\`json\n{ "oops": true, \n\`\`\``;
  }
  const byTask = options.envs.find((e) => text.includes(JSON.stringify(e.task.task)));
  const byTopic = options.envs.find((e) => e.topic && text.includes(`Topic: ${e.topic.topic}\n`));
  const byClass = options.envs.find(
    (e) =>
      e.entities &&
      (text.includes(`"${e.entities.className}"`) || text.includes(`\`${e.entities.className} extends`)),
  );
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`scripted model: no ${what} for stage '${stage}' in: ${text.slice(0, 300)}`);
    return value;
  };
  switch (stage) {
    case 'topic-judge': {
      const spec = need(byTask, 'task');
      return fenced(stage, {
        stateful: spec.stateful,
        reason:
          spec.judgeReason ??
          (spec.stateful ? 'It changes stored records.' : 'It is a pure computation or lookup.'),
      });
    }
    case 'topic-infer':
      return fenced(stage, need(need(byTask, 'task').topic, 'topic'));
    case 'topic-score': {
      const spec = need(byTopic, 'topic');
      const score = spec.score ?? { usefulness: 8, modelability: 8 };
      return fenced(stage, { reason: 'Common, well-defined domain.', ...score });
    }
    case 'logic-entities':
      return fenced(stage, need(need(byTopic, 'topic').entities, 'entities'));
    case 'logic-operations':
      return fenced(stage, { operations: need(need(byClass, 'class').operations, 'operations') });
    case 'logic-method': {
      const spec = need(byClass, 'class');
      const name = need(/Signature:\n```ts\n([A-Za-z0-9_]+)\(/.exec(text)?.[1], 'method name');
      return fenced(stage, { body: methodVersions(spec, name)[0] });
    }
    case 'logic-repair': {
      const spec = need(byClass, 'class');
      const name = need(/The method:\n```ts\n([A-Za-z0-9_]+)\(/.exec(text)?.[1], 'method name');
      const versions = methodVersions(spec, name);
      const current = versions.findIndex((v) => text.includes(v.trim()));
      return fenced(stage, {
        body: versions[Math.min(current + 1, versions.length - 1)] ?? versions[versions.length - 1],
      });
    }
    case 'quality-state':
      return fenced(stage, need(need(byClass, 'class').initialState, 'initial state'));
    case 'quality-tester': {
      const spec = need(byClass, 'class');
      const made = (text.split('Calls so far:\n')[1]?.match(/^#\d+ /gm) ?? []).length;
      let seen = 0;
      for (const turn of spec.testerTurns ?? []) {
        if (seen === made) return fenced(stage, { calls: turn });
        seen += turn.length;
      }
      return fenced(stage, { calls: [] });
    }
    case 'quality-checker': {
      const spec = need(byClass, 'class');
      const verdicts = [...text.matchAll(/^#(\d+) ([A-Za-z0-9_]+)\(.*\n.*\nresult: (.*)$/gm)].map((m) => {
        const index = Number(m[1]);
        const judged = spec.verdict?.(index, { tool: m[2]!, result: m[3]! }) ?? {
          verdict: 'pass' as const,
          reason: 'Matches the rules.',
        };
        return { index, ...judged };
      });
      return fenced(stage, { verdicts });
    }
    default:
      throw new Error(`scripted model: unknown stage '${stage}'`);
  }
}

/** A `ChatModel` answering from `scriptedAnswer`; `calls` lists every request it received. */
export function createScriptedChatModel(options: ScriptedModelOptions): ChatModel & { calls: ChatRequest[] } {
  const calls: ChatRequest[] = [];
  return {
    calls,
    async complete(request: ChatRequest): Promise<ChatResponse> {
      calls.push(request);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const reply = scriptedAnswer(options, request);
      return scriptedReplyToResponse({
        reply,
        model: options.modelName ?? 'scripted-model',
        request,
        sequence: calls.length,
      });
    },
  };
}
