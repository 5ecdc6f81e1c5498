import { join } from 'node:path';
import { EnvscalerError, type ChatModel, type TokenUsage } from '@envscaler/core';
import {
  ACEBENCH_SUBSETS,
  acebenchEnvironmentDir,
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
import { wilsonInterval } from '@envscaler/validate';
import { runAcebenchEpisode, type AcebenchTaskResult, type AcebenchTermination } from './acebench-episode.js';
import { addUsage, agentUserUsage, writeJson, type BenchmarkRunOptions } from './common.js';
import { runEnvironment, runTrials, taskTrials, trialCount, trialKey } from './trials.js';

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

export interface RunAcebenchBenchmarkOptions extends BenchmarkRunOptions {
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
  const usage = agentUserUsage();
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
  const trials = trialCount(options.trials);
  const data = await readAcebenchData({ dataDir: options.dataDir });
  const tasks = selectAcebenchTasks(data, {
    subset: options.subset,
    split: options.split,
    tasks: options.tasks,
  });
  if (tasks.some((t) => t.subset === 'multi_turn') && !options.user)
    throw new EnvscalerError('INVALID_INPUT', 'multi-turn tasks need a simulated user model (user)');
  const run = await runTrials({
    items: taskTrials(tasks, trials),
    key: ({ task, trial }) => trialKey(task.id, trial),
    resultKey: (r: AcebenchTaskResult) => trialKey(r.taskId, r.trial),
    out: options.out,
    parse: parseResult,
    open: runEnvironment(options.env, () =>
      loadAcebenchEnvironment({ envDir: options.envDir, sandbox: options.sandbox, limits: options.limits }),
    ),
    run: ({ task, trial }, env) =>
      runAcebenchEpisode({
        env,
        task,
        trial,
        agent: modelFor(options.agent, task),
        user: task.subset === 'multi_turn' && options.user ? modelFor(options.user, task) : undefined,
        maxSteps: options.maxSteps,
        temperature: options.temperature,
        userTemperature: options.userTemperature,
        signal: options.signal,
      }),
    failed: ({ task, trial }, error): AcebenchTaskResult => ({
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
      usage: agentUserUsage(),
      durationMs: 0,
      error,
    }),
    concurrency: options.concurrency,
    signal: options.signal,
    onProgress: ({ finished, ...p }) =>
      options.onProgress?.({ ...p, passed: finished.filter((r) => r.endToEnd === 1).length }),
  });
  // Errored trials after the finished ones, in the order they failed.
  const results = [...run.results.filter((r) => r.error === undefined), ...run.errored];
  const summary = summarizeAcebench({
    results,
    trials,
    subset: options.subset,
    split: options.split,
    agentModel: options.agentModelName,
    userModel: options.userModelName,
  });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran: run.ran, skipped: run.skipped };
}
