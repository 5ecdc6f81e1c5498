import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EnvscalerError,
  type ChatMessage,
  type ChatModel,
  type TokenUsage,
  type ToolResult,
} from '@envscaler/core';
import {
  ACEBENCH_SUBSETS,
  acebenchEnvironmentDir,
  acebenchScore,
  acebenchTaskConfig,
  acebenchToolsFor,
  formatAcebenchCall,
  readAcebenchData,
  type AcebenchData,
  type AcebenchSubset,
  type AcebenchTask,
} from '@envscaler/env-acebench';
import {
  loadEnvironment,
  type LoadedEnvironment,
  type RuntimeLimits,
  type SandboxKind,
} from '@envscaler/runtime';
import {
  JsonlAppender,
  readJsonlTolerant,
  runToolCall,
  wilsonInterval,
  type ToolCallRules,
} from '@envscaler/validate';
import {
  ACEBENCH_TASK_COMPLETED,
  ACEBENCH_USER_STOP,
  acebenchAgentSystemPrompt,
  acebenchUserSystemPrompt,
} from './acebench-prompts.js';
import { addUsage, errorText, isAbort, runPool, writeJson } from './common.js';
import { SimulatedUser } from './simulated-user.js';
import { TAU2_GREETING } from './tau2.js';

/** Agent steps (replies) per task before it is cut off: EnvScaler's `truncated_steps` for both subsets. */

/**
 * ACEBench's agent runner executes any call the model makes on the involved classes and passes the decoded
 * arguments as they are (JSON `null`: no arguments); the class method's own check answers wrong ones.
 */
const ACEBENCH_TOOL_CALL_RULES: ToolCallRules = { names: 'session', arguments: 'any-json' };

export const ACEBENCH_MAX_STEPS = 20;
/** Agent sampling temperature of EnvScaler's ACEBench runs. */
export const ACEBENCH_AGENT_TEMPERATURE = 0.7;
/** Sampling temperature of ACEBench's user agent. */
export const ACEBENCH_USER_TEMPERATURE = 0.001;
/** How the runner shows a call that raised (or could not run). */
export const ACEBENCH_ERROR_PREFIX = 'Error during execution: ';
/** What the runner answers to a call no involved class has. */
export const ACEBENCH_NO_FUNCTION = 'No matching function found';
/** What the runner answers, in multi-step tasks, to a reply without tool calls. */
export const ACEBENCH_NO_QUESTIONS = 'Do not ask me questions; solve the task with the information you have.';
/** What the runner answers to a reply with neither text nor tool calls. */
export const ACEBENCH_EMPTY_ACTION = 'Action is empty.';

export type AcebenchTermination = 'task_completed' | 'user_finished' | 'max_steps' | 'error';

/** One line of `results.jsonl`: one trial of one task. */
export interface AcebenchTaskResult {
  schemaVersion: 1;
  benchmark: 'acebench';
  subset: AcebenchSubset;
  taskId: string;
  split: 'train' | 'test';
  trial: number;
  /** End-state accuracy: 1 when the final state of the involved classes matches the ground truth. */
  endToEnd: 0 | 1;
  /** Process accuracy: 1 with a correct end state, else the share of milestones met in order. */
  process: number;
  /** Why the end state did not match (ACEBench's checker messages). */
  endStateErrors: string[];
  /** Expected classes that matched no involved class (misspelled in the data), so not compared. */
  unmatchedClasses: string[];
  termination: AcebenchTermination;
  /** The agent's calls as ACEBench logs them, in order: what the milestones are matched against. */
  calls: string[];
  /** Agent replies (steps). */
  steps: number;
  /** Calls that raised, could not be routed or had invalid arguments. */
  toolErrors: number;
  /** The agent's conversation (system prompt excluded). */
  messages: ChatMessage[];
  usage: { agent: TokenUsage; user: TokenUsage };
  durationMs: number;
  /** Set when the run itself failed (model error); such trials are run again on resume. */
  error?: string;
}

export interface AcebenchStat {
  tasks: number;
  episodes: number;
  /** Mean end-state accuracy over episodes. */
  endToEnd: number;
  /** Episodes with a correct end state. */
  endToEndPassed: number;
  /** 95% Wilson interval of the end-state accuracy. */
  interval95: [number, number];
  /** Mean process accuracy over episodes. */
  process: number;
}

export interface AcebenchSubsetSummary extends AcebenchStat {
  perSplit: Partial<Record<'train' | 'test', AcebenchStat>>;
}

/** `summary.json`. */
export interface AcebenchSummary {
  schemaVersion: 1;
  benchmark: 'acebench';
  agentModel?: string;
  userModel?: string;
  /** The selection: subset(s) and split. */
  subset: AcebenchSubset | 'all';
  split: 'train' | 'test' | 'all';
  trials: number;
  /** Per subset (what ACEBench reports). */
  subsets: Partial<Record<AcebenchSubset, AcebenchSubsetSummary>>;
  /** Over every episode of both subsets. */
  overall: AcebenchStat;
  terminations: Partial<Record<AcebenchTermination, number>>;
  errors: number;
  perTask: Record<string, { trials: number; endToEnd: number; process: number }>;
  usage: { agent: TokenUsage; user: TokenUsage };
  createdAt: string;
}

export interface AcebenchProgress {
  done: number;
  total: number;
  /** Episodes with a correct end state. */
  passed: number;
  errors: number;
  skipped: number;
  running: number;
}

/** A model for every task, or one built per task (the gold agent knows one task's answer). */
export type AcebenchModelSource = ChatModel | ((task: AcebenchTask) => ChatModel);

export interface RunAcebenchBenchmarkOptions {
  /** The agent (stage 'agent'). */
  agent: AcebenchModelSource;
  /** The simulated user of multi-turn tasks (stage 'user-simulator'); required when any is selected. */
  user?: AcebenchModelSource;
  agentModelName?: string;
  userModelName?: string;
  /** `multi_step`, `multi_turn` or `all` (default). */
  subset?: AcebenchSubset | 'all';
  /** `train` (even task numbers), `test` (odd) or `all` (default). */
  split?: 'train' | 'test' | 'all';
  /** Task ids, numbers or ranges (`agent_multi_turn_3`, `3`, `0-9`); numbers select in every chosen subset. */
  tasks?: readonly string[];
  /** Trials per task (default 1); ACEBench's multi-turn scores vary from run to run. */
  trials?: number;
  dataDir?: string;
  envDir?: string;
  /** An already loaded ACEBench environment (not disposed here). */
  env?: LoadedEnvironment;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
  /** Episodes run at once (default 4). */
  concurrency?: number;
  /** Run directory: `results.jsonl` (appended, resumable) and `summary.json`. */
  out?: string;
  /** Agent steps per task (default 20). */
  maxSteps?: number;
  /** Agent temperature (default 0.7). */
  temperature?: number;
  /** Simulated user temperature (default 0.001). */
  userTemperature?: number;
  signal?: AbortSignal;
  onProgress?: (progress: AcebenchProgress) => void;
}

export interface AcebenchBenchmarkResult {
  results: AcebenchTaskResult[];
  summary: AcebenchSummary;
  ran: number;
  skipped: number;
}

/** Loads the ACEBench environment (default: the one shipped in @envscaler/env-acebench). */
export async function loadAcebenchEnvironment(
  options: { envDir?: string; sandbox?: SandboxKind; limits?: RuntimeLimits } = {},
): Promise<LoadedEnvironment> {
  return loadEnvironment({
    dir: options.envDir ?? acebenchEnvironmentDir,
    sandbox: options.sandbox,
    limits: options.limits,
  });
}

/**
 * Selects tasks: by subset and split, then (when given) by ids, numbers (`3`) or ranges (`0-9`), in data
 * order (multi-step first).
 */
export function selectAcebenchTasks(
  data: Pick<AcebenchData, 'tasks'>,
  selection: {
    subset?: AcebenchSubset | 'all';
    split?: 'train' | 'test' | 'all';
    tasks?: readonly string[];
  } = {},
): AcebenchTask[] {
  const subset = selection.subset ?? 'all';
  const split = selection.split ?? 'all';
  if (subset !== 'all' && !ACEBENCH_SUBSETS.includes(subset))
    throw new EnvscalerError(
      'INVALID_INPUT',
      `unknown ACEBench subset '${String(subset)}' (multi_step, multi_turn, all)`,
    );
  if (!['train', 'test', 'all'].includes(split))
    throw new EnvscalerError('INVALID_INPUT', `unknown split '${String(split)}' (train, test, all)`);
  let tasks = data.tasks.filter(
    (t) => (subset === 'all' || t.subset === subset) && (split === 'all' || t.split === split),
  );
  const wanted = (selection.tasks ?? []).map((s) => s.trim()).filter(Boolean);
  if (wanted.length > 0) {
    const ids = new Set<string>();
    const numbers = new Set<number>();
    for (const item of wanted) {
      const range = /^(\d+)-(\d+)$/.exec(item);
      if (/^\d+$/.test(item)) numbers.add(Number(item));
      else if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.add(n);
      else if (data.tasks.some((t) => t.id === item)) ids.add(item);
      else throw new EnvscalerError('INVALID_INPUT', `unknown ACEBench task '${item}'`);
    }
    tasks = tasks.filter((t) => ids.has(t.id) || numbers.has(t.index));
  }
  return tasks;
}

function modelFor(source: AcebenchModelSource, task: AcebenchTask): ChatModel {
  return typeof source === 'function' ? source(task) : source;
}

function callText(result: ToolResult): string {
  if (!result.ok)
    return result.error.code === 'UNKNOWN_TOOL'
      ? ACEBENCH_NO_FUNCTION
      : `${ACEBENCH_ERROR_PREFIX}${result.error.message}`;
  if (typeof result.data === 'string') return result.data;
  return JSON.stringify(result.data ?? null);
}

/**
 * One trial of one task, run as EnvScaler's ACEBench runner does (`AceBenchBaseEnv.step` and the multi-step
 * / multi-turn environments): every agent reply is a step; its tool calls are logged (ACEBench's call
 * format) and executed, in order; a reply without tool calls goes to the simulated user (multi-turn) or gets
 * a fixed answer (multi-step). The task ends when the agent writes 'Task Completed' (multi-step; tool calls
 * of that reply are logged but not run), when the user writes 'finish conversation' (multi-turn), or after
 * `maxSteps` replies; then the end state and the call log are scored. Model errors propagate.
 */
export async function runAcebenchEpisode(options: {
  env: LoadedEnvironment;
  task: AcebenchTask;
  trial: number;
  agent: ChatModel;
  user?: ChatModel;
  maxSteps?: number;
  temperature?: number;
  userTemperature?: number;
  signal?: AbortSignal;
}): Promise<AcebenchTaskResult> {
  const { env, task } = options;
  const started = Date.now();
  const maxSteps = options.maxSteps ?? ACEBENCH_MAX_STEPS;
  const tools = acebenchToolsFor(task);
  const toolNames = new Set(tools.map((tool) => tool.function.name));
  const usage = {
    agent: { promptTokens: 0, completionTokens: 0 },
    user: { promptTokens: 0, completionTokens: 0 },
  };
  const system: ChatMessage = { role: 'system', content: acebenchAgentSystemPrompt(task) };
  const conversation: ChatMessage[] = [];
  const calls: string[] = [];
  let toolErrors = 0;
  let steps = 0;
  let termination: AcebenchTermination | undefined;
  let user: SimulatedUser | undefined;
  if (task.subset === 'multi_turn') {
    if (!options.user)
      throw new EnvscalerError(
        'INVALID_INPUT',
        `${task.id} is a multi-turn task: it needs a simulated user model`,
      );
    user = new SimulatedUser({
      model: options.user,
      system: acebenchUserSystemPrompt(task),
      opening: TAU2_GREETING,
      temperature: options.userTemperature ?? ACEBENCH_USER_TEMPERATURE,
      signal: options.signal,
      stripThinking: true,
    });
  }
  const session = await env.createSession({ config: acebenchTaskConfig(task) });
  try {
    conversation.push({ role: 'user', content: user ? await user.start() : task.question });
    while (termination === undefined) {
      const reply = await options.agent.complete({
        stage: 'agent',
        messages: [system, ...conversation],
        tools,
        temperature: options.temperature ?? ACEBENCH_AGENT_TEMPERATURE,
        signal: options.signal,
      });
      addUsage(usage.agent, reply.usage);
      steps++;
      const message = reply.message;
      conversation.push(message);
      const toolCalls = message.tool_calls ?? [];
      const text = message.content ?? '';
      if (toolCalls.length === 0 && text === '') {
        conversation.push({ role: 'user', content: ACEBENCH_EMPTY_ACTION });
      } else {
        for (const call of toolCalls) {
          try {
            calls.push(formatAcebenchCall(call.function.name, call.function.arguments ?? ''));
          } catch {
            // Not JSON: EnvScaler's runner fails the whole task here; the call is not logged and fails below.
          }
        }
        if (task.subset === 'multi_step' && text.includes(ACEBENCH_TASK_COMPLETED)) {
          termination = 'task_completed';
          break;
        }
        if (toolCalls.length > 0) {
          for (const call of toolCalls) {
            const { result } = await runToolCall({
              session,
              call,
              toolNames,
              rules: ACEBENCH_TOOL_CALL_RULES,
            });
            if (!result.ok) toolErrors++;
            conversation.push({
              role: 'tool',
              tool_call_id: call.id,
              name: call.function.name,
              content: callText(result),
            });
          }
        } else if (user) {
          const answer = await user.reply(text);
          conversation.push({ role: 'user', content: answer });
          if (answer.includes(ACEBENCH_USER_STOP)) {
            termination = 'user_finished';
            break;
          }
        } else {
          conversation.push({ role: 'user', content: ACEBENCH_NO_QUESTIONS });
        }
      }
      if (steps >= maxSteps) termination = 'max_steps';
    }
    if (user) addUsage(usage.user, user.usage);
    const predicted = (await session.publicState()) as Record<string, Record<string, unknown>>;
    const score = acebenchScore({
      predicted,
      groundTruth: task.ground_truth,
      milestones: task.mile_stone,
      calls,
    });
    return {
      schemaVersion: 1,
      benchmark: 'acebench',
      subset: task.subset,
      taskId: task.id,
      split: task.split,
      trial: options.trial,
      endToEnd: score.endToEnd,
      process: score.process,
      endStateErrors: score.errors,
      unmatchedClasses: score.unmatched,
      termination,
      calls,
      steps,
      toolErrors,
      messages: conversation,
      usage,
      durationMs: Date.now() - started,
    };
  } finally {
    session.dispose();
  }
}

function stat(results: readonly AcebenchTaskResult[]): AcebenchStat {
  const n = results.length;
  const passed = results.filter((r) => r.endToEnd === 1).length;
  return {
    tasks: new Set(results.map((r) => r.taskId)).size,
    episodes: n,
    endToEnd: n === 0 ? 0 : passed / n,
    endToEndPassed: passed,
    interval95: n === 0 ? [0, 0] : wilsonInterval(passed, n),
    process: n === 0 ? 0 : results.reduce((s, r) => s + r.process, 0) / n,
  };
}

/** Summary over trial results: ACEBench's two accuracies per subset (and split), and over everything. */
export function summarizeAcebench(options: {
  results: readonly AcebenchTaskResult[];
  trials: number;
  subset?: AcebenchSubset | 'all';
  split?: 'train' | 'test' | 'all';
  agentModel?: string;
  userModel?: string;
}): AcebenchSummary {
  const { results } = options;
  const subsets: Partial<Record<AcebenchSubset, AcebenchSubsetSummary>> = {};
  for (const subset of ACEBENCH_SUBSETS) {
    const mine = results.filter((r) => r.subset === subset);
    if (mine.length === 0) continue;
    const perSplit: Partial<Record<'train' | 'test', AcebenchStat>> = {};
    for (const split of ['train', 'test'] as const) {
      const part = mine.filter((r) => r.split === split);
      if (part.length > 0) perSplit[split] = stat(part);
    }
    subsets[subset] = { ...stat(mine), perSplit };
  }
  const terminations: Partial<Record<AcebenchTermination, number>> = {};
  const usage = {
    agent: { promptTokens: 0, completionTokens: 0 },
    user: { promptTokens: 0, completionTokens: 0 },
  };
  const perTask: AcebenchSummary['perTask'] = {};
  for (const r of results) {
    terminations[r.termination] = (terminations[r.termination] ?? 0) + 1;
    addUsage(usage.agent, r.usage.agent);
    addUsage(usage.user, r.usage.user);
    const t = (perTask[r.taskId] ??= { trials: 0, endToEnd: 0, process: 0 });
    t.process = (t.process * t.trials + r.process) / (t.trials + 1);
    t.trials++;
    t.endToEnd += r.endToEnd;
  }
  return {
    schemaVersion: 1,
    benchmark: 'acebench',
    ...(options.agentModel ? { agentModel: options.agentModel } : {}),
    ...(options.userModel ? { userModel: options.userModel } : {}),
    subset: options.subset ?? 'all',
    split: options.split ?? 'all',
    trials: options.trials,
    subsets,
    overall: stat(results),
    terminations,
    errors: results.filter((r) => r.error !== undefined).length,
    perTask,
    usage,
    createdAt: new Date().toISOString(),
  };
}

function parseResult(value: unknown, source?: string): AcebenchTaskResult {
  const r = value as Partial<AcebenchTaskResult> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    r.benchmark !== 'acebench' ||
    typeof r.taskId !== 'string' ||
    typeof r.trial !== 'number'
  )
    throw new EnvscalerError('INVALID_ARTIFACT', `${source ?? 'results'}: not an ACEBench task result`);
  return r as AcebenchTaskResult;
}

/**
 * ACEBench agent (multi-step and multi-turn): each selected task is run against the envscaler port of the
 * ACEBench classes and scored on end-state accuracy and process accuracy, as ACEBench defines them.
 * Resumable through `<out>/results.jsonl` (errored trials are run again).
 */
export async function runAcebenchBenchmark(
  options: RunAcebenchBenchmarkOptions,
): Promise<AcebenchBenchmarkResult> {
  const trials = options.trials ?? 1;
  if (!Number.isInteger(trials) || trials < 1)
    throw new EnvscalerError('INVALID_INPUT', `trials must be a positive integer, got ${trials}`);
  const data = await readAcebenchData({ dataDir: options.dataDir });
  const tasks = selectAcebenchTasks(data, {
    subset: options.subset,
    split: options.split,
    tasks: options.tasks,
  });
  if (tasks.some((t) => t.subset === 'multi_turn') && !options.user)
    throw new EnvscalerError('INVALID_INPUT', 'multi-turn tasks need a simulated user model (user)');

  const resultsPath = options.out ? join(options.out, 'results.jsonl') : undefined;
  const key = (taskId: string, trial: number) => `${taskId}\u0000${trial}`;
  const finished = new Map<string, AcebenchTaskResult>();
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
    options.env ??
    (await loadAcebenchEnvironment({
      envDir: options.envDir,
      sandbox: options.sandbox,
      limits: options.limits,
    }));
  const appender = resultsPath ? await JsonlAppender.open(resultsPath) : undefined;
  let running = 0;
  let ran = 0;
  const errored: AcebenchTaskResult[] = [];
  const report = () => {
    const values = [...finished.values()];
    options.onProgress?.({
      done: values.length + errored.length,
      total: wanted.length,
      passed: values.filter((r) => r.endToEnd === 1).length,
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
        let result: AcebenchTaskResult;
        try {
          result = await runAcebenchEpisode({
            env,
            task,
            trial,
            agent: modelFor(options.agent, task),
            user: task.subset === 'multi_turn' && options.user ? modelFor(options.user, task) : undefined,
            maxSteps: options.maxSteps,
            temperature: options.temperature,
            userTemperature: options.userTemperature,
            signal: options.signal,
          });
        } catch (error) {
          if (isAbort(error, options.signal)) {
            running--;
            return;
          }
          result = {
            schemaVersion: 1,
            benchmark: 'acebench',
            subset: task.subset,
            taskId: task.id,
            split: task.split,
            trial,
            endToEnd: 0,
            process: 0,
            endStateErrors: [],
            unmatchedClasses: [],
            termination: 'error',
            calls: [],
            steps: 0,
            toolErrors: 0,
            messages: [],
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
      .filter((r): r is AcebenchTaskResult => r !== undefined),
    ...errored,
  ];
  const summary = summarizeAcebench({
    results,
    trials,
    subset: options.subset,
    split: options.split,
    agentModel: options.agentModelName,
    userModel: options.userModelName,
  });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran, skipped };
}
