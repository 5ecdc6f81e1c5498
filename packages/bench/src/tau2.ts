import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvscalerError, type ChatMessage, type ChatModel, type TokenUsage } from '@envscaler/core';
import type { LoadedEnvironment, RuntimeLimits, SandboxKind } from '@envscaler/runtime';
import {
  JsonlAppender,
  readJsonlTolerant,
  runToolCall,
  toChatTools,
  type ToolCallRules,
} from '@envscaler/validate';
import { addUsage, errorText, isAbort, runPool, toolResultText, writeJson } from './common.js';
import { passHatKTable, type PassHatKRow } from './passk.js';
import { loadTau2Environment, selectTau2Tasks, type Tau2Task } from './tau2-data.js';
import {
  tau2Domain,
  type Tau2BenchData,
  type Tau2BenchmarkId,
  type Tau2Domain,
  type Tau2DomainName,
} from './tau2-domains.js';

/** The agent's first message, as τ²-bench opens every conversation. */

/**
 * τ-bench and τ²-bench hand every call to the environment: an unknown name is answered by it ("Unknown
 * action"), and `json.loads(arguments)` goes to the tool as it is, whose own argument check answers.
 */
const TAU_TOOL_CALL_RULES: ToolCallRules = { names: 'session', arguments: 'any-json' };

export const TAU2_GREETING = 'Hi! How can I help you today?';
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

export interface Tau2Summary {
  schemaVersion: 1;
  benchmark: Tau2BenchmarkId;
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

export interface RunTau2BenchmarkOptions {
  /** `retail` (τ²-bench, default) or `airline` (τ-bench). */
  domain?: Tau2DomainName;
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
  /** `train`, `test` or `base` (all tasks; default). */
  split?: string;
  /** Data directory (default: the data shipped in the domain's package). */
  dataDir?: string;
  /** Environment directory (default: the environment of the domain's package). */
  envDir?: string;
  /** An already loaded environment of the domain (not disposed here). */
  env?: LoadedEnvironment;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
  /** Episodes run at once (default 4). */
  concurrency?: number;
  /** Run directory: `results.jsonl` (appended, resumable) and `summary.json`. */
  out?: string;
  /** Messages per conversation (default: the domain's; retail 200, airline none). */
  maxSteps?: number;
  /** Failed tool calls per conversation (default: the domain's; retail 10, airline none). */
  maxErrors?: number;
  /** Agent turns per conversation (default: the domain's; retail none, airline 30). */
  maxAgentSteps?: number;
  /** Sampling temperature of agent and user (default 0, as τ²-bench). */
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Tau2Progress) => void;
}

/** The options of {@link runTau2RetailBenchmark} (the domain is retail). */
export type RunTau2RetailBenchmarkOptions = Omit<RunTau2BenchmarkOptions, 'domain'>;

export interface Tau2BenchmarkResult {
  results: Tau2TrialResult[];
  summary: Tau2Summary;
  ran: number;
  skipped: number;
}

/** The agent's system prompt: how to behave, then the domain policy. */
export function tau2AgentSystemPrompt(
  policy: string,
  domain: Tau2DomainName | Tau2Domain = 'retail',
): string {
  const { business, oneToolCallPerMessage } = tau2Domain(domain);
  const calls = oneToolCallPerMessage
    ? 'one tool call (only the first call of a reply is run)'
    : 'one or more tool calls';
  return [
    `You are a customer service agent of ${business}. Help the user with their request while following the policy below exactly.`,
    `Each reply is either a message to the user or ${calls}, never both. Only act on information you got from the user or from tools.`,
    '',
    '<policy>',
    policy.trim(),
    '</policy>',
  ].join('\n');
}

/** The simulated user's system prompt, built from the task's `user_scenario`. */
export function tau2UserSystemPrompt(
  task: Pick<Tau2Task, 'user_scenario'>,
  domainName: Tau2DomainName | Tau2Domain = 'retail',
): string {
  const domain = tau2Domain(domainName);
  const scenario = task.user_scenario;
  const ins = scenario.instructions;
  const parts: string[] = [
    `You are playing a customer who contacts the customer service agent of ${domain.business}. Stay in your role: you are the customer, never the agent.`,
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
      `- When your request is fully handled, end the conversation by writing ${domain.userStopTokens[0]}.`,
      ...(domain.userStopTokens.length >= 3
        ? [
            `- If you are transferred to a human agent, write ${domain.userStopTokens[1]}. If the conversation goes outside what your instructions cover, write ${domain.userStopTokens[2]}.`,
          ]
        : []),
    ].join('\n'),
  );
  return parts.join('\n\n');
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
  const usage = {
    agent: { promptTokens: 0, completionTokens: 0 },
    user: { promptTokens: 0, completionTokens: 0 },
  };
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

function resultParser(domain: Tau2Domain): (value: unknown, source?: string) => Tau2TrialResult {
  return (value, source) => {
    const r = value as Partial<Tau2TrialResult> | null;
    if (
      !r ||
      typeof r !== 'object' ||
      r.benchmark !== domain.benchmark ||
      typeof r.taskId !== 'string' ||
      typeof r.trial !== 'number'
    ) {
      throw new EnvscalerError(
        'INVALID_ARTIFACT',
        `${source ?? 'results'}: not a ${domain.title} trial result`,
      );
    }
    return r as Tau2TrialResult;
  };
}

/** Summary over trial results: mean reward, pass^k (k = 1..trials) with intervals, terminations. */
export function summarizeTau2(options: {
  results: readonly Tau2TrialResult[];
  trials: number;
  taskIds?: readonly string[];
  agentModel?: string;
  userModel?: string;
  split?: string;
  /** Default `tau2-retail`. */
  benchmark?: Tau2BenchmarkId;
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
    benchmark: options.benchmark ?? 'tau2-retail',
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
 * τ²-bench retail: {@link runTau2Benchmark} with the retail domain.
 */
export async function runTau2RetailBenchmark(
  options: RunTau2RetailBenchmarkOptions,
): Promise<Tau2BenchmarkResult> {
  return runTau2Benchmark({ ...options, domain: 'retail' });
}

/**
 * τ-bench-style benchmark of one domain (τ²-bench retail, τ-bench airline): conversational episodes
 * between the agent (policy as system prompt, the domain's tools) and a simulated user playing each
 * task's scenario; reward 1 when the conversation ended normally, the final database equals the gold
 * replay's (canonical digests) and every `communicate_info` string (airline: every output) was said.
 * Resumable through `<out>/results.jsonl` (errored trials are run again).
 */
export async function runTau2Benchmark(options: RunTau2BenchmarkOptions): Promise<Tau2BenchmarkResult> {
  const domain = tau2Domain(options.domain);
  const trials = options.trials ?? 1;
  if (!Number.isInteger(trials) || trials < 1)
    throw new EnvscalerError('INVALID_INPUT', `trials must be a positive integer, got ${trials}`);
  const envDir = options.envDir;
  const data = await domain.readData({ dataDir: options.dataDir });
  const tasks = selectTau2Tasks(data, { split: options.split, ids: options.tasks });
  const digest = (world: unknown) => domain.digest(world);

  const resultsPath = options.out ? join(options.out, 'results.jsonl') : undefined;
  const key = (taskId: string, trial: number) => `${taskId}\u0000${trial}`;
  const finished = new Map<string, Tau2TrialResult>();
  if (resultsPath) {
    await mkdir(options.out as string, { recursive: true });
    const previous = await readJsonlTolerant({
      path: resultsPath,
      parse: resultParser(domain),
      repair: true,
    });
    for (const r of previous.records) if (r.error === undefined) finished.set(key(r.taskId, r.trial), r);
  }
  const wanted = tasks.flatMap((task) => Array.from({ length: trials }, (_, trial) => ({ task, trial })));
  const wantedKeys = new Set(wanted.map((w) => key(w.task.id, w.trial)));
  for (const k of [...finished.keys()]) if (!wantedKeys.has(k)) finished.delete(k);
  const todo = wanted.filter((w) => !finished.has(key(w.task.id, w.trial)));
  const skipped = wanted.length - todo.length;

  const ownEnv = options.env === undefined;
  const env =
    options.env ??
    (await loadTau2Environment({ envDir, domain, sandbox: options.sandbox, limits: options.limits }));
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
            domain,
            maxSteps: options.maxSteps,
            maxErrors: options.maxErrors,
            maxAgentSteps: options.maxAgentSteps,
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
            benchmark: domain.benchmark,
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
    benchmark: domain.benchmark,
  });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran, skipped };
}
