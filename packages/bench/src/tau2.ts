import { join } from 'node:path';
import { EnvscalerError, type ChatModel, type TokenUsage } from '@envscaler/core';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { addUsage, agentUserUsage, writeJson, type BenchmarkRunOptions } from './common.js';
import { passHatKTable, type PassHatKRow } from './passk.js';
import { loadTau2Environment, selectTau2Tasks, type Tau2Task } from './tau2-data.js';
import { tau2Domain, type Tau2BenchmarkId, type Tau2Domain, type Tau2DomainName } from './tau2-domains.js';
import {
  runTau2Episode,
  tau2GoldDigest,
  type Tau2Termination,
  type Tau2TrialResult,
} from './tau2-episode.js';
import { runEnvironment, runTrials, taskTrials, trialCount, trialKey } from './trials.js';

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

export interface RunTau2BenchmarkOptions extends BenchmarkRunOptions {
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
  const usage = agentUserUsage();
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
  const trials = trialCount(options.trials);
  const data = await domain.readData({ dataDir: options.dataDir });
  const tasks = selectTau2Tasks(data, { split: options.split, ids: options.tasks });
  const digest = (world: unknown) => domain.digest(world);
  const goldDigests = new Map<string, Promise<string>>();
  const goldFor = (env: LoadedEnvironment, task: Tau2Task) => {
    let p = goldDigests.get(task.id);
    if (!p) {
      p = tau2GoldDigest({ env, db: data.db, task, digest }).then((g) => g.digest);
      goldDigests.set(task.id, p);
    }
    return p;
  };
  const run = await runTrials({
    items: taskTrials(tasks, trials),
    key: ({ task, trial }) => trialKey(task.id, trial),
    resultKey: (r: Tau2TrialResult) => trialKey(r.taskId, r.trial),
    out: options.out,
    parse: resultParser(domain),
    open: runEnvironment(options.env, () =>
      loadTau2Environment({
        envDir: options.envDir,
        domain,
        sandbox: options.sandbox,
        limits: options.limits,
      }),
    ),
    run: async ({ task, trial }, env) =>
      runTau2Episode({
        env,
        data,
        task,
        trial,
        goldDigest: await goldFor(env, task),
        digest,
        agent: options.agent,
        user: options.user,
        domain,
        maxSteps: options.maxSteps,
        maxErrors: options.maxErrors,
        maxAgentSteps: options.maxAgentSteps,
        temperature: options.temperature,
        signal: options.signal,
      }),
    failed: ({ task, trial }, error): Tau2TrialResult => ({
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
      usage: agentUserUsage(),
      durationMs: 0,
      error,
    }),
    concurrency: options.concurrency,
    signal: options.signal,
    onProgress: ({ finished, ...p }) =>
      options.onProgress?.({ ...p, successes: finished.filter((r) => r.reward === 1).length }),
  });
  // Errored trials after the finished ones, in the order they failed.
  const results = [...run.results.filter((r) => r.error === undefined), ...run.errored];
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
  return { results, summary, ran: run.ran, skipped: run.skipped };
}
