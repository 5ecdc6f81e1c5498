import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  EnvscalerError,
  parseTrajectory,
  type PriceTable,
  type RunSummary,
  type Scenario,
  type TokenUsage,
  type Trajectory,
} from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { envById } from './environment.js';
import type { EpisodeMode } from './episode.js';
import {
  createInProcessEpisodes,
  type EpisodeExecutor,
  type EpisodePair,
  type FinishedEpisode,
  type InProcessEpisodesOptions,
} from './episode-executor.js';
import { JsonlAppender, scanJsonlTolerant, type LineSpan } from './jsonl.js';
import { summarize, type SummarizedEpisode } from './summarize.js';

export interface RolloutProgress {
  /** Episodes in this run (scenarios × trials), including ones finished by an earlier run. */
  total: number;
  /** Finished episodes (including skipped ones from an earlier run). */
  done: number;
  running: number;
  /** Finished episodes whose termination is 'error'. */
  failed: number;
  /** Episodes found finished in trajectories.jsonl and not run again. */
  skipped: number;
  /** Mean reward over finished episodes so far. */
  meanReward: number;
  usage: TokenUsage;
  /** The episode that just started or finished, if any. */
  last?: { scenarioId: string; trial: number; event: 'started' | 'finished'; termination?: string; reward?: number };
}

/** What every rollout has, wherever its episodes run. */
export interface RolloutPlanOptions {
  scenarios: readonly Scenario[];
  /** Trials per scenario (k). */
  trials: number;
  /** Output directory: trajectories.jsonl (appended as episodes finish) and summary.json. */
  out: string;
  mode: EpisodeMode;
  maxSteps?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RolloutProgress) => void;
  /**
   * USD per million tokens by model name (the config's `prices`): summary.json prices each call of every
   * episode, this run's and an interrupted earlier run's, at the price of the model it went to.
   */
  modelPrices?: PriceTable;
  /** Written into summary.json (default: the name of `out`). */
  runId?: string;
  /** Re-run pairs whose saved trajectory ended with termination 'error' (default true). */
  retryErrors?: boolean;
  /** Fixed `createdAt` for summary.json (default: now). */
  createdAt?: string;
}

/**
 * Episodes run in this process on `envs` (the default), or by `executor` (e.g. on a job backend's
 * workers); either way the resume rules and the files written are the same.
 */
export type RunRolloutsOptions =
  | (RolloutPlanOptions & InProcessEpisodesOptions & { executor?: undefined })
  | (RolloutPlanOptions & { executor: EpisodeExecutor });

export interface RolloutResult {
  summary: RunSummary;
  /**
   * `<out>/trajectories.jsonl`: every trajectory of the run (earlier runs' included), one per (scenario,
   * trial), in `byScenarioThenTrial` order. Read it with `readJsonlTolerant` (or `scanJsonlTolerant` for
   * a large run); they are not returned, since at scale they would not fit in memory.
   */
  file: string;
  /** Episodes run by this call. */
  ran: number;
  /** Episodes skipped because trajectories.jsonl already had them. */
  skipped: number;
}

const key = (scenarioId: string, trial: number) => `${scenarioId}\u0000${trial}`;

/** The order of a finished `trajectories.jsonl`, in-process and on a job backend alike. */
export function byScenarioThenTrial(
  a: Pick<Trajectory, 'scenarioId' | 'trial'>,
  b: Pick<Trajectory, 'scenarioId' | 'trial'>,
): number {
  return a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : a.trial - b.trial;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<out>/.rollout.lock` (holding our pid) so two runs never append to the same file; a lock left by
 * a process that no longer exists (a killed run) is taken over.
 */
async function acquireLock(out: string): Promise<() => Promise<void>> {
  const lock = path.join(out, '.rollout.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new EnvscalerError('INVALID_INPUT', `another rollout (pid ${pid}) is writing to ${out}; wait for it or remove ${lock}`);
      }
      if (pid === process.pid) {
        throw new EnvscalerError('INVALID_INPUT', `a rollout in this process is already writing to ${out}`);
      }
      await rm(lock, { force: true });
    }
  }
  throw new EnvscalerError('INVALID_INPUT', `could not lock ${out}`);
}

/**
 * Runs every scenario `trials` times: in this process with at most `concurrency` episodes in flight, or
 * through `executor`. Each finished trajectory is appended to `<out>/trajectories.jsonl` at once (one
 * fsynced line); a re-run skips the (scenarioId, trial) pairs already there (a torn last line from a killed
 * run is dropped; ones that ended with termination 'error' are run again) and only runs the rest. When all
 * are done, trajectories.jsonl is rewritten in `byScenarioThenTrial` order and `summary.json` is written
 * over all trajectories of the run. On abort, episodes in flight are discarded (so a resume redoes them)
 * and an ABORTED error is thrown after the file is closed.
 */
export async function runRollouts(options: RunRolloutsOptions): Promise<RolloutResult> {
  if (!Number.isInteger(options.trials) || options.trials < 1) {
    throw new EnvscalerError('INVALID_INPUT', `trials must be a positive integer, got ${options.trials}`);
  }
  const executor = options.executor !== undefined ? options.executor : inProcessEpisodes(options);
  await mkdir(options.out, { recursive: true });
  const release = await acquireLock(options.out);
  try {
    return await runLocked(options, executor);
  } finally {
    await release();
  }
}

/** The default executor, after checking what only an in-process run needs. */
function inProcessEpisodes(options: RolloutPlanOptions & InProcessEpisodesOptions): EpisodeExecutor {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new EnvscalerError('INVALID_INPUT', `concurrency must be a positive integer, got ${options.concurrency}`);
  }
  if (options.mode === 'conversational' && !options.user) {
    throw new EnvscalerError('INVALID_INPUT', 'conversational rollouts need a user simulator model');
  }
  for (const scenario of options.scenarios) {
    if (!envById(options.envs, scenario.envId)) {
      throw new EnvscalerError('NOT_FOUND', `scenario '${scenario.id}' needs environment '${scenario.envId}', which was not given`);
    }
  }
  return createInProcessEpisodes(options);
}

/** What a rollout keeps of each saved trajectory: the facts its summary needs and where its line is. */
interface SavedEpisode {
  facts: SummarizedEpisode;
  span: LineSpan;
  /** Finished by an earlier run (its calls count as cached in summary.json). */
  earlier: boolean;
}

function factsOf(t: Trajectory): SummarizedEpisode {
  const { id, scenarioId, trial, envId, reward, termination, usage, calls } = t;
  return { id, scenarioId, trial, envId, reward, termination, usage, calls };
}

async function runLocked(options: RolloutPlanOptions, executor: EpisodeExecutor): Promise<RolloutResult> {
  const file = path.join(options.out, 'trajectories.jsonl');
  // At the paper's scale a run holds tens of thousands of trajectories: only their facts and line spans
  // stay in memory, and the finished file is assembled from the spans.
  const byPair = new Map<string, SavedEpisode>();
  await scanJsonlTolerant({
    path: file,
    parse: parseTrajectory,
    repair: true,
    onRecord: (t, span) => byPair.set(key(t.scenarioId, t.trial), { facts: factsOf(t), span, earlier: true }),
  });

  const retryErrors = options.retryErrors ?? true;
  const wanted = new Set(options.scenarios.map((s) => s.id));
  const todo: EpisodePair[] = [];
  let skipped = 0;
  for (const scenario of options.scenarios) {
    for (let trial = 0; trial < options.trials; trial++) {
      const saved = byPair.get(key(scenario.id, trial))?.facts;
      if (saved && !(retryErrors && saved.termination === 'error')) skipped++;
      else todo.push({ scenario, trial });
    }
  }

  const inRun = (t: SummarizedEpisode) => wanted.has(t.scenarioId) && t.trial < options.trials;
  const finished = [...byPair.values()]
    .map((saved) => saved.facts)
    .filter((t) => inRun(t) && !(retryErrors && t.termination === 'error'));
  const progress: RolloutProgress = {
    total: options.scenarios.length * options.trials,
    done: finished.length,
    running: 0,
    failed: finished.filter((t) => t.termination === 'error').length,
    skipped,
    meanReward: 0,
    usage: { promptTokens: 0, completionTokens: 0 },
  };
  let rewardSum = finished.reduce((sum, t) => sum + (t.reward?.score ?? 0), 0);
  for (const t of finished) {
    progress.usage.promptTokens += t.usage.promptTokens;
    progress.usage.completionTokens += t.usage.completionTokens;
  }
  const emit = (last?: RolloutProgress['last']) => {
    progress.meanReward = progress.done === 0 ? 0 : rewardSum / progress.done;
    options.onProgress?.({ ...progress, usage: { ...progress.usage }, last });
  };
  emit();

  const appender = await JsonlAppender.open(file);
  const runId = options.runId ?? path.basename(path.resolve(options.out));
  let ran = 0;
  const finishedNow = new Set<string>();
  const onFinished = async ({ pair, trajectory, earlier }: FinishedEpisode): Promise<void> => {
    const pairKey = key(pair.scenario.id, pair.trial);
    if (finishedNow.has(pairKey)) return; // reported twice (at-least-once delivery): the first one counts
    finishedNow.add(pairKey);
    const span = await appender.append(trajectory);
    // Finished before this run by an executor's own record (e.g. a worker's episode file): an earlier run's.
    byPair.set(pairKey, { facts: factsOf(trajectory), span, earlier: earlier === true });
    if (earlier) {
      progress.skipped++;
      skipped++;
    } else ran++;
    progress.done++;
    if (trajectory.termination === 'error') progress.failed++;
    rewardSum += trajectory.reward?.score ?? 0;
    progress.usage.promptTokens += trajectory.usage.promptTokens;
    progress.usage.completionTokens += trajectory.usage.completionTokens;
    emit({
      scenarioId: pair.scenario.id,
      trial: pair.trial,
      event: 'finished',
      termination: trajectory.termination,
      reward: trajectory.reward?.score,
    });
  };
  try {
    await executor.run({
      pairs: todo,
      runId,
      mode: options.mode,
      maxSteps: options.maxSteps,
      maxTokens: options.maxTokens,
      retryErrors,
      signal: options.signal,
      onRunning: (running, started) => {
        progress.running = running;
        if (started) emit({ scenarioId: started.scenario.id, trial: started.trial, event: 'started' });
        else emit();
      },
      onFinished,
    });
  } finally {
    await appender.close();
  }
  if (options.signal?.aborted) {
    throw new EnvscalerError('ABORTED', `rollout interrupted after ${progress.done} of ${progress.total} episodes; run again to resume`);
  }

  // The finished file in the one order every backend writes (scenario id, then trial), whatever order the
  // episodes finished in; lines of other scenarios or trials from earlier runs are kept. Each line is
  // copied from where it was appended, so the file never sits whole in memory.
  const all = [...byPair.values()].sort((a, b) => byScenarioThenTrial(a.facts, b.facts));
  const source = openSync(file, 'r');
  try {
    await writeFileAtomic({ file, data: linesAt(source, all.map((saved) => saved.span)) });
  } finally {
    closeSync(source);
  }
  const kept = all.filter((saved) => inRun(saved.facts));
  const summary = summarize({
    trajectories: kept.map((saved) => saved.facts),
    scenarios: options.scenarios,
    modelPrices: options.modelPrices,
    // Episodes an earlier run finished (and this one did not redo) count, flagged as that run's calls.
    earlier: new Set(kept.filter((saved) => saved.earlier).map((saved) => saved.facts.id)),
    runId,
    createdAt: options.createdAt,
  });
  const summaryFile = path.join(options.out, 'summary.json');
  await writeFileAtomic({ file: summaryFile, data: `${JSON.stringify(summary, null, 2)}\n` });
  return { summary, file, ran, skipped };
}

/** The lines at `spans` of the open file `fd`, in that order. */
function* linesAt(fd: number, spans: readonly LineSpan[]): Generator<string> {
  for (const { offset, bytes } of spans) {
    const buffer = Buffer.allocUnsafe(bytes);
    let read = 0;
    while (read < bytes) {
      const n = readSync(fd, buffer, read, bytes - read, offset + read);
      if (n === 0) throw new EnvscalerError('INTERNAL', `trajectories file shrank while a rollout held its lock (line at byte ${offset})`);
      read += n;
    }
    yield buffer.toString('utf8');
  }
}
