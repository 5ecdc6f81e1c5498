import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EnvscalerError,
  type ChatMessage,
  type ChatModel,
  type TokenUsage,
  type ToolResult,
} from '@envscaler/core';
import type { LoadedEnvironment, RuntimeLimits, SandboxKind } from '@envscaler/runtime';
import { JsonlAppender, readJsonlTolerant, toChatTools } from '@envscaler/validate';
import { addUsage, errorText, isAbort, runPool, toolResultText, writeJson } from './common.js';
import { passHatKTable, type PassHatKRow } from './passk.js';
import {
  loadTau2Environment,
  readTau2Data,
  selectTau2Tasks,
  tau2Digest,
  type Tau2Data,
  type Tau2Task,
} from './tau2-data.js';

/** The agent's first message, as τ²-bench opens every conversation. */
export const TAU2_GREETING = 'Hi! How can I help you today?';
/** Markers that end a conversation (τ²-bench's user simulator and agent stop tokens). */
export const TAU2_USER_STOP_TOKENS = ['###STOP###', '###TRANSFER###', '###OUT-OF-SCOPE###'] as const;
export const TAU2_AGENT_STOP_TOKEN = '###STOP###';
/** τ²-bench defaults: at most 200 messages per conversation and 10 failed tool calls. */
export const TAU2_MAX_STEPS = 200;
export const TAU2_MAX_ERRORS = 10;

export type Tau2Termination = 'user_stop' | 'agent_stop' | 'max_steps' | 'too_many_errors' | 'error';

/** One line of `results.jsonl`: one trial of one task. */
export interface Tau2TrialResult {
  schemaVersion: 1;
  benchmark: 'tau2-retail';
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

export interface Tau2Summary {
  schemaVersion: 1;
  benchmark: 'tau2-retail';
  agentModel?: string;
  userModel?: string;
  split?: string;
  tasks: number;
  trials: number;
  episodes: number;
  meanReward: number;
  /** pass^k for k = 1..trials, mean over tasks, 95% bootstrap interval. */
  passHatK: PassHatKRow[];
  /** The same with the tasks' own reward basis (tasks whose basis cannot be computed are left out). */
  passHatKTaskBasis: PassHatKRow[];
  dbMatchRate: number;
  terminations: Partial<Record<Tau2Termination, number>>;
  errors: number;
  perTask: Record<string, { trials: number; successes: number }>;
  usage: { agent: TokenUsage; user: TokenUsage };
  createdAt: string;
}

export interface Tau2Progress {
  done: number;
  total: number;
  successes: number;
  errors: number;
  skipped: number;
  running: number;
}

export interface RunTau2RetailBenchmarkOptions {
  /** The agent (stage 'agent'). */
  agent: ChatModel;
  /** The simulated user (stage 'user-simulator'). */
  user: ChatModel;
  agentModelName?: string;
  userModelName?: string;
  /** Trials per task (default 1); pass^k is reported for k = 1..trials. */
  trials?: number;
  /** Task ids; default: the tasks of `split`. */
  tasks?: readonly string[];
  /** `train`, `test` or `base` (all 114; default). */
  split?: string;
  /** Data directory (default: the data shipped in @envscaler/env-tau2-retail). */
  dataDir?: string;
  /** Environment directory (default: the environment of @envscaler/env-tau2-retail). */
  envDir?: string;
  /** An already loaded retail environment (not disposed here). */
  env?: LoadedEnvironment;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
  /** Episodes run at once (default 4). */
  concurrency?: number;
  /** Run directory: `results.jsonl` (appended, resumable) and `summary.json`. */
  out?: string;
  maxSteps?: number;
  maxErrors?: number;
  /** Sampling temperature of agent and user (default 0, as τ²-bench). */
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Tau2Progress) => void;
}

export interface Tau2BenchmarkResult {
  results: Tau2TrialResult[];
  summary: Tau2Summary;
  ran: number;
  skipped: number;
}

/** The agent's system prompt: how to behave, then the domain policy. */
export function tau2AgentSystemPrompt(policy: string): string {
  return [
    'You are a customer service agent of an online retail store. Help the user with their request while following the policy below exactly.',
    'Each reply is either a message to the user or one or more tool calls, never both. Only act on information you got from the user or from tools.',
    '',
    '<policy>',
    policy.trim(),
    '</policy>',
  ].join('\n');
}

/** The simulated user's system prompt, built from the task's `user_scenario`. */
export function tau2UserSystemPrompt(task: Pick<Tau2Task, 'user_scenario'>): string {
  const scenario = task.user_scenario;
  const ins = scenario.instructions;
  const parts: string[] = [
    'You are playing a customer who contacts the customer service agent of an online retail store. Stay in your role: you are the customer, never the agent.',
  ];
  if (scenario.persona) parts.push(`## Persona\n${scenario.persona}`);
  if (typeof ins === 'string') parts.push(`## Your situation\n${ins}`);
  else {
    if (ins.reason_for_call) parts.push(`## Why you are contacting the store\n${ins.reason_for_call}`);
    if (ins.known_info) parts.push(`## What you know\n${ins.known_info}`);
    if (ins.unknown_info) parts.push(`## What you do not know\n${ins.unknown_info}`);
    if (ins.task_instructions) parts.push(`## How you behave\n${ins.task_instructions}`);
  }
  parts.push(
    [
      '## Rules',
      '- Write only your next message to the agent, briefly, in the first person.',
      '- Reveal information gradually, only when the agent needs it. Never invent details you were not given; if asked for something you do not know, say so.',
      '- Do not tell the agent how to do its job or which tools to use.',
      `- When your request is fully handled, end the conversation by writing ${TAU2_USER_STOP_TOKENS[0]}.`,
      `- If you are transferred to a human agent, write ${TAU2_USER_STOP_TOKENS[1]}. If the conversation goes outside what your instructions cover, write ${TAU2_USER_STOP_TOKENS[2]}.`,
    ].join('\n'),
  );
  return parts.join('\n\n');
}

/**
 * τ²-bench's communicate check: an info string counts as said when it occurs, case-insensitively, in an
 * assistant message's text with the commas of the message removed (the info string keeps its own).
 */
export function communicateChecks(
  messages: readonly ChatMessage[],
  infos: readonly string[],
): { info: string; met: boolean }[] {
  const texts = messages
    .filter((m) => m.role === 'assistant' && typeof m.content === 'string' && m.content !== '')
    .map((m) => (m.content as string).toLowerCase().replace(/,/g, ''));
  return infos.map((info) => ({ info, met: texts.some((t) => t.includes(info.toLowerCase())) }));
}

const ENDED_OK: ReadonlySet<Tau2Termination> = new Set(['user_stop', 'agent_stop']);

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
  data: Pick<Tau2Data, 'db' | 'policy'>;
  task: Tau2Task;
  trial: number;
  goldDigest: string;
  digest: (db: unknown) => string;
  agent: ChatModel;
  user: ChatModel;
  maxSteps?: number;
  maxErrors?: number;
  temperature?: number;
  signal?: AbortSignal;
}): Promise<Tau2TrialResult> {
  const { env, task } = options;
  const started = Date.now();
  const maxSteps = options.maxSteps ?? TAU2_MAX_STEPS;
  const maxErrors = options.maxErrors ?? TAU2_MAX_ERRORS;
  const temperature = options.temperature ?? 0;
  const tools = toChatTools(env.tools);
  const usage = {
    agent: { promptTokens: 0, completionTokens: 0 },
    user: { promptTokens: 0, completionTokens: 0 },
  };
  const agentSystem: ChatMessage = { role: 'system', content: tau2AgentSystemPrompt(options.data.policy) };
  const conversation: ChatMessage[] = [{ role: 'assistant', content: TAU2_GREETING }];
  const userMessages: ChatMessage[] = [
    { role: 'system', content: tau2UserSystemPrompt(task) },
    { role: 'user', content: TAU2_GREETING },
  ];
  let toolErrors = 0;
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
      if (hasStop(userText, TAU2_USER_STOP_TOKENS)) {
        termination = 'user_stop';
        break;
      }
      for (;;) {
        if (conversation.length >= maxSteps) {
          termination = 'max_steps';
          break outer;
        }
        const reply = await options.agent.complete({
          stage: 'agent',
          messages: [agentSystem, ...conversation],
          tools,
          temperature,
          signal: options.signal,
        });
        addUsage(usage.agent, reply.usage);
        const message = reply.message;
        conversation.push(message);
        const calls = message.tool_calls ?? [];
        if (calls.length === 0) {
          const text = message.content ?? '';
          if (text.includes(TAU2_AGENT_STOP_TOKEN)) {
            termination = 'agent_stop';
            break outer;
          }
          userMessages.push({ role: 'user', content: text });
          break;
        }
        for (const call of calls) {
          let result: ToolResult;
          let args: unknown;
          try {
            args = call.function.arguments?.trim() ? JSON.parse(call.function.arguments) : {};
          } catch (error) {
            args = undefined;
            result = {
              ok: false,
              error: {
                code: 'INVALID_ARGUMENTS',
                message: `the arguments are not valid JSON (${errorText(error)})`,
              },
            };
          }
          if (args !== undefined) result = await session.call(call.function.name, args);
          const final = result!;
          if (!final.ok) toolErrors++;
          conversation.push({
            role: 'tool',
            tool_call_id: call.id,
            name: call.function.name,
            content: toolResultText(final, 'Error: '),
          });
        }
        if (toolErrors >= maxErrors) {
          termination = 'too_many_errors';
          break outer;
        }
      }
    }
    const dbMatch = options.digest(await session.snapshot()) === options.goldDigest;
    const communicate = communicateChecks(conversation, task.evaluation_criteria?.communicate_info ?? []);
    const { reward, taskBasisReward } = tau2Reward({ task, termination, dbMatch, communicate });
    return {
      schemaVersion: 1,
      benchmark: 'tau2-retail',
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

function parseResult(value: unknown, source?: string): Tau2TrialResult {
  const r = value as Partial<Tau2TrialResult> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    r.benchmark !== 'tau2-retail' ||
    typeof r.taskId !== 'string' ||
    typeof r.trial !== 'number'
  ) {
    throw new EnvscalerError('INVALID_ARTIFACT', `${source ?? 'results'}: not a τ²-retail trial result`);
  }
  return r as Tau2TrialResult;
}

/** Summary over trial results: mean reward, pass^k (k = 1..trials) with intervals, terminations. */
export function summarizeTau2(options: {
  results: readonly Tau2TrialResult[];
  trials: number;
  taskIds?: readonly string[];
  agentModel?: string;
  userModel?: string;
  split?: string;
}): Tau2Summary {
  const { results } = options;
  const perTask = new Map<
    string,
    { trials: number; successes: number; basisTrials: number; basisSuccesses: number; unknown: boolean }
  >();
  for (const id of options.taskIds ?? [])
    perTask.set(id, { trials: 0, successes: 0, basisTrials: 0, basisSuccesses: 0, unknown: false });
  const terminations: Partial<Record<Tau2Termination, number>> = {};
  const usage = {
    agent: { promptTokens: 0, completionTokens: 0 },
    user: { promptTokens: 0, completionTokens: 0 },
  };
  for (const r of results) {
    const t = perTask.get(r.taskId) ?? {
      trials: 0,
      successes: 0,
      basisTrials: 0,
      basisSuccesses: 0,
      unknown: false,
    };
    t.trials++;
    t.successes += r.reward;
    if (r.taskBasisReward === null) t.unknown = true;
    else {
      t.basisTrials++;
      t.basisSuccesses += r.taskBasisReward;
    }
    perTask.set(r.taskId, t);
    terminations[r.termination] = (terminations[r.termination] ?? 0) + 1;
    addUsage(usage.agent, r.usage.agent);
    addUsage(usage.user, r.usage.user);
  }
  const tasks = [...perTask.values()];
  return {
    schemaVersion: 1,
    benchmark: 'tau2-retail',
    ...(options.agentModel ? { agentModel: options.agentModel } : {}),
    ...(options.userModel ? { userModel: options.userModel } : {}),
    ...(options.split ? { split: options.split } : {}),
    tasks: perTask.size,
    trials: options.trials,
    episodes: results.length,
    meanReward: results.length === 0 ? 0 : results.reduce((s, r) => s + r.reward, 0) / results.length,
    passHatK: passHatKTable({
      counts: tasks.map((t) => ({ n: t.trials, c: t.successes })),
      maxK: options.trials,
    }),
    passHatKTaskBasis: passHatKTable({
      counts: tasks.filter((t) => !t.unknown).map((t) => ({ n: t.basisTrials, c: t.basisSuccesses })),
      maxK: options.trials,
    }),
    dbMatchRate: results.length === 0 ? 0 : results.filter((r) => r.dbMatch).length / results.length,
    terminations,
    errors: results.filter((r) => r.error !== undefined).length,
    perTask: Object.fromEntries(
      [...perTask].map(([id, t]) => [id, { trials: t.trials, successes: t.successes }]),
    ),
    usage,
    createdAt: new Date().toISOString(),
  };
}

/**
 * τ²-bench retail: conversational episodes between the agent (policy as system prompt, the retail tools)
 * and a simulated user playing each task's `user_scenario`; reward 1 when the conversation ended
 * normally, the final database equals the gold replay's (canonical digests) and every `communicate_info`
 * string was said. Resumable through `<out>/results.jsonl` (errored trials are run again).
 */
export async function runTau2RetailBenchmark(
  options: RunTau2RetailBenchmarkOptions,
): Promise<Tau2BenchmarkResult> {
  const trials = options.trials ?? 1;
  if (!Number.isInteger(trials) || trials < 1)
    throw new EnvscalerError('INVALID_INPUT', `trials must be a positive integer, got ${trials}`);
  const envDir = options.envDir;
  const data = await readTau2Data({ dataDir: options.dataDir });
  const tasks = selectTau2Tasks(data, { split: options.split, ids: options.tasks });
  const digest = tau2Digest;

  const resultsPath = options.out ? join(options.out, 'results.jsonl') : undefined;
  const key = (taskId: string, trial: number) => `${taskId}\u0000${trial}`;
  const finished = new Map<string, Tau2TrialResult>();
  if (resultsPath) {
    await mkdir(options.out as string, { recursive: true });
    const previous = await readJsonlTolerant({ path: resultsPath, parse: parseResult, repair: true });
    for (const r of previous.records) if (r.error === undefined) finished.set(key(r.taskId, r.trial), r);
  }
  const wanted = tasks.flatMap((task) => Array.from({ length: trials }, (_, trial) => ({ task, trial })));
  const wantedKeys = new Set(wanted.map((w) => key(w.task.id, w.trial)));
  for (const k of [...finished.keys()]) if (!wantedKeys.has(k)) finished.delete(k);
  const todo = wanted.filter((w) => !finished.has(key(w.task.id, w.trial)));
  const skipped = wanted.length - todo.length;

  const ownEnv = options.env === undefined;
  const env =
    options.env ?? (await loadTau2Environment({ envDir, sandbox: options.sandbox, limits: options.limits }));
  const appender = resultsPath ? await JsonlAppender.open(resultsPath) : undefined;
  const goldDigests = new Map<string, Promise<string>>();
  const goldFor = (task: Tau2Task) => {
    let p = goldDigests.get(task.id);
    if (!p) {
      p = tau2GoldDigest({ env, db: data.db, task, digest }).then((g) => g.digest);
      goldDigests.set(task.id, p);
    }
    return p;
  };
  let running = 0;
  let ran = 0;
  const errored: Tau2TrialResult[] = [];
  const report = () => {
    const values = [...finished.values()];
    options.onProgress?.({
      done: values.length + errored.length,
      total: wanted.length,
      successes: values.filter((r) => r.reward === 1).length,
      errors: errored.length,
      skipped,
      running,
    });
  };
  try {
    report();
    await runPool({
      items: todo,
      concurrency: options.concurrency ?? 4,
      signal: options.signal,
      work: async ({ task, trial }) => {
        running++;
        report();
        let result: Tau2TrialResult;
        try {
          result = await runTau2Episode({
            env,
            data,
            task,
            trial,
            goldDigest: await goldFor(task),
            digest,
            agent: options.agent,
            user: options.user,
            maxSteps: options.maxSteps,
            maxErrors: options.maxErrors,
            temperature: options.temperature,
            signal: options.signal,
          });
        } catch (error) {
          if (isAbort(error, options.signal)) {
            running--;
            return;
          }
          result = {
            schemaVersion: 1,
            benchmark: 'tau2-retail',
            taskId: task.id,
            trial,
            reward: 0,
            termination: 'error',
            dbMatch: false,
            communicate: [],
            taskBasisReward: 0,
            messages: [],
            toolErrors: 0,
            usage: {
              agent: { promptTokens: 0, completionTokens: 0 },
              user: { promptTokens: 0, completionTokens: 0 },
            },
            durationMs: 0,
            error: errorText(error),
          };
        }
        running--;
        ran++;
        if (result.error === undefined) finished.set(key(task.id, trial), result);
        else errored.push(result);
        await appender?.append(result);
        report();
      },
    });
  } finally {
    await appender?.close();
    if (ownEnv) env.dispose();
  }
  const results = [
    ...wanted
      .map((w) => finished.get(key(w.task.id, w.trial)))
      .filter((r): r is Tau2TrialResult => r !== undefined),
    ...errored,
  ];
  const summary = summarizeTau2({
    results,
    trials,
    taskIds: tasks.map((t) => t.id),
    agentModel: options.agentModelName,
    userModel: options.userModelName,
    split: options.tasks && options.tasks.length > 0 ? undefined : (options.split ?? 'base'),
  });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran, skipped };
}
