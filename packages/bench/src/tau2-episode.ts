import type { ChatMessage, ChatModel, TokenUsage } from '@envscaler/core';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { runToolCall, toChatTools, type ToolCallRules } from '@envscaler/validate';
import { addUsage, agentUserUsage, toolResultText } from './common.js';
import type { Tau2Task } from './tau2-data.js';
import {
  tau2Domain,
  type Tau2BenchData,
  type Tau2BenchmarkId,
  type Tau2Domain,
  type Tau2DomainName,
} from './tau2-domains.js';
import { TAU2_GREETING, tau2AgentSystemPrompt, tau2UserSystemPrompt } from './tau2-prompts.js';

/**
 * τ-bench and τ²-bench hand every call to the environment: an unknown name is answered by it ("Unknown
 * action"), and `json.loads(arguments)` goes to the tool as it is, whose own argument check answers.
 */
const TAU_TOOL_CALL_RULES: ToolCallRules = { names: 'session', arguments: 'any-json' };

/**
 * Markers that end a conversation (τ²-bench's user simulator and agent stop tokens): the retail domain's
 * (`TAU2_DOMAINS.retail`; each domain has its own, see tau2-domains.ts).
 */
export const TAU2_USER_STOP_TOKENS = ['###STOP###', '###TRANSFER###', '###OUT-OF-SCOPE###'] as const;
export const TAU2_AGENT_STOP_TOKEN = '###STOP###';
/** τ²-bench defaults (the retail domain's): at most 200 messages per conversation and 10 failed tool calls. */
export const TAU2_MAX_STEPS = 200;
export const TAU2_MAX_ERRORS = 10;

/**
 * How a conversation ended: the user or the agent stopped it, the agent called a terminate tool
 * (τ-bench airline: `transfer_to_human_agents`), or it was cut off (step cap, too many failed tool
 * calls, a model error).
 */
export type Tau2Termination =
  'user_stop' | 'agent_stop' | 'transfer' | 'max_steps' | 'too_many_errors' | 'error';

/** One line of `results.jsonl`: one trial of one task. */
export interface Tau2TrialResult {
  schemaVersion: 1;
  /** `tau2-retail` or `tau-airline`. */
  benchmark: Tau2BenchmarkId;
  taskId: string;
  trial: number;
  /** 1 when the conversation ended normally, the final database equals the gold one and every `communicate_info` was said. */
  reward: 0 | 1;
  termination: Tau2Termination;
  dbMatch: boolean;
  communicate: { info: string; met: boolean }[];
  /**
   * The reward with the task's own `reward_basis` (τ²-bench `EvaluationType.ALL`): DB, COMMUNICATE and
   * NL_ASSERTION (1 when the task has no assertions); null when the basis needs a component this harness
   * does not compute (an LLM-judged assertion, or ACTION).
   */
  taskBasisReward: 0 | 1 | null;
  /** The agent's conversation (system prompt excluded). */
  messages: ChatMessage[];
  toolErrors: number;
  usage: { agent: TokenUsage; user: TokenUsage };
  durationMs: number;
  /** Set when the run itself failed (model error); such trials are run again on resume. */
  error?: string;
}

/**
 * τ²-bench's communicate check: an info string counts as said when it occurs, case-insensitively, in an
 * assistant message's text with the commas of the message removed (the info string keeps its own).
 * With `repliesOnly` (τ-bench's outputs check) only the agent's replies count: assistant messages without
 * tool calls, the opening greeting excluded.
 */
export function communicateChecks(
  messages: readonly ChatMessage[],
  infos: readonly string[],
  options: { repliesOnly?: boolean } = {},
): { info: string; met: boolean }[] {
  const texts = messages
    .filter((m, index) => {
      if (m.role !== 'assistant' || typeof m.content !== 'string' || m.content === '') return false;
      if (!options.repliesOnly) return true;
      return (m.tool_calls?.length ?? 0) === 0 && !(index === 0 && m.content === TAU2_GREETING);
    })
    .map((m) => (m.content as string).toLowerCase().replace(/,/g, ''));
  return infos.map((info) => ({ info, met: texts.some((t) => t.includes(info.toLowerCase())) }));
}

const ENDED_OK: ReadonlySet<Tau2Termination> = new Set(['user_stop', 'agent_stop', 'transfer']);

/** The reward of a finished conversation, τ²-bench style (see `Tau2TrialResult.reward`). */
export function tau2Reward(options: {
  task: Tau2Task;
  termination: Tau2Termination;
  dbMatch: boolean;
  communicate: readonly { met: boolean }[];
}): { reward: 0 | 1; taskBasisReward: 0 | 1 | null } {
  const ok = ENDED_OK.has(options.termination);
  const communicated = options.communicate.every((c) => c.met);
  const reward = ok && options.dbMatch && communicated ? 1 : 0;
  const criteria = options.task.evaluation_criteria ?? {};
  const basis = new Set(criteria.reward_basis ?? ['DB', 'COMMUNICATE']);
  let taskBasis: 0 | 1 | null = ok ? 1 : 0;
  if (ok) {
    if ((basis.has('DB') || basis.has('ENV_ASSERTION')) && !options.dbMatch) taskBasis = 0;
    if (basis.has('COMMUNICATE') && !communicated) taskBasis = 0;
    if (basis.has('NL_ASSERTION') && (criteria.nl_assertions?.length ?? 0) > 0 && taskBasis === 1)
      taskBasis = null;
    if (basis.has('ACTION') && taskBasis === 1) taskBasis = null;
  }
  return { reward, taskBasisReward: taskBasis };
}

/** Gold replay of a task in a fresh session: the digest of the final database. */
export async function tau2GoldDigest(options: {
  env: LoadedEnvironment;
  db: unknown;
  task: Tau2Task;
  digest: (db: unknown) => string;
}): Promise<{ digest: string; failing: number[] }> {
  const session = await options.env.createSession({ initialState: options.db });
  try {
    const failing: number[] = [];
    for (const [i, action] of (options.task.evaluation_criteria?.actions ?? []).entries()) {
      const result = await session.call(action.name, action.arguments ?? {});
      if (!result.ok) failing.push(i);
    }
    return { digest: options.digest(await session.snapshot()), failing };
  } finally {
    session.dispose();
  }
}

function hasStop(text: string, tokens: readonly string[]): boolean {
  return tokens.some((t) => text.includes(t));
}

/** Runs one conversation of one task and scores it. Model errors propagate. */
export async function runTau2Episode(options: {
  env: LoadedEnvironment;
  data: Pick<Tau2BenchData, 'db' | 'policy'>;
  task: Tau2Task;
  trial: number;
  goldDigest: string;
  digest: (db: unknown) => string;
  agent: ChatModel;
  user: ChatModel;
  /** The domain's protocol: stop tokens, terminate tools, limits (default retail). */
  domain?: Tau2DomainName | Tau2Domain;
  maxSteps?: number;
  maxErrors?: number;
  maxAgentSteps?: number;
  temperature?: number;
  signal?: AbortSignal;
}): Promise<Tau2TrialResult> {
  const { env, task } = options;
  const domain = tau2Domain(options.domain);
  const started = Date.now();
  const maxSteps = options.maxSteps ?? domain.maxSteps ?? Infinity;
  const maxErrors = options.maxErrors ?? domain.maxErrors ?? Infinity;
  const maxAgentSteps = options.maxAgentSteps ?? domain.maxAgentSteps ?? Infinity;
  const terminateTools = new Set(domain.terminateTools);
  const temperature = options.temperature ?? 0;
  const tools = toChatTools(env.tools);
  const toolNames = new Set(tools.map((tool) => tool.function.name));
  const usage = agentUserUsage();
  const agentSystem: ChatMessage = {
    role: 'system',
    content: tau2AgentSystemPrompt(options.data.policy, domain),
  };
  const conversation: ChatMessage[] = [{ role: 'assistant', content: TAU2_GREETING }];
  const userMessages: ChatMessage[] = [
    { role: 'system', content: tau2UserSystemPrompt(task, domain) },
    { role: 'user', content: TAU2_GREETING },
  ];
  let toolErrors = 0;
  let agentSteps = 0;
  let termination: Tau2Termination | undefined;
  const session = await env.createSession({ initialState: options.data.db });
  try {
    outer: while (termination === undefined) {
      if (conversation.length >= maxSteps) {
        termination = 'max_steps';
        break;
      }
      const userReply = await options.user.complete({
        stage: 'user-simulator',
        messages: [...userMessages],
        temperature,
        signal: options.signal,
      });
      addUsage(usage.user, userReply.usage);
      const userText = userReply.message.content ?? '';
      userMessages.push({ role: 'assistant', content: userText });
      conversation.push({ role: 'user', content: userText });
      if (hasStop(userText, domain.userStopTokens)) {
        termination = 'user_stop';
        break;
      }
      for (;;) {
        if (conversation.length >= maxSteps || agentSteps >= maxAgentSteps) {
          termination = 'max_steps';
          break outer;
        }
        agentSteps++;
        const reply = await options.agent.complete({
          stage: 'agent',
          messages: [agentSystem, ...conversation],
          tools,
          temperature,
          signal: options.signal,
        });
        addUsage(usage.agent, reply.usage);
        let message = reply.message;
        let calls = message.tool_calls ?? [];
        if (domain.oneToolCallPerMessage && calls.length > 1) {
          // τ-bench runs the first call only and keeps only it in the conversation.
          calls = calls.slice(0, 1);
          message = { ...message, tool_calls: calls };
        }
        conversation.push(message);
        if (calls.length === 0) {
          const text = message.content ?? '';
          if (domain.agentStopToken !== undefined && text.includes(domain.agentStopToken)) {
            termination = 'agent_stop';
            break outer;
          }
          userMessages.push({ role: 'user', content: text });
          break;
        }
        for (const call of calls) {
          const { result } = await runToolCall({ session, call, toolNames, rules: TAU_TOOL_CALL_RULES });
          if (!result.ok) toolErrors++;
          conversation.push({
            role: 'tool',
            tool_call_id: call.id,
            name: call.function.name,
            content: toolResultText(result, 'Error: '),
          });
          if (terminateTools.has(call.function.name)) termination = 'transfer';
        }
        if (termination !== undefined) break outer;
        if (toolErrors >= maxErrors) {
          termination = 'too_many_errors';
          break outer;
        }
      }
    }
    const dbMatch = options.digest(await session.snapshot()) === options.goldDigest;
    const communicate = communicateChecks(conversation, task.evaluation_criteria?.communicate_info ?? [], {
      repliesOnly: domain.communicateFromRepliesOnly,
    });
    const { reward, taskBasisReward } = tau2Reward({ task, termination, dbMatch, communicate });
    return {
      schemaVersion: 1,
      benchmark: domain.benchmark,
      taskId: task.id,
      trial: options.trial,
      reward,
      termination,
      dbMatch,
      communicate,
      taskBasisReward,
      messages: conversation,
      toolErrors,
      usage,
      durationMs: Date.now() - started,
    };
  } finally {
    session.dispose();
  }
}
