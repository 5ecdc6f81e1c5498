import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  EnvscalerError,
  parseTrajectory,
  type ChatModel,
  type PriceTable,
  type RunSummary,
  type Scenario,
  type TokenUsage,
  type Trajectory,
} from '@envscaler/core';
import { mapConcurrent, writeFileAtomic } from '@envscaler/core/node';
import type { CheckRunner } from '@envscaler/runtime';
import { envById, type EnvCollection, type EpisodeEnvironment } from './environment.js';
import { runEpisode, type EpisodeMode } from './episode.js';
import { JsonlAppender, readJsonlTolerant } from './jsonl.js';
import { summarize, type TokenPrices } from './summarize.js';

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

export interface RunRolloutsOptions {
  envs: EnvCollection<EpisodeEnvironment>;
  scenarios: readonly Scenario[];
  agent: ChatModel;
  /** User simulator; required for conversational mode. */
  user?: ChatModel;
  /** Trials per scenario (k). */
  trials: number;
  /** Episodes run at the same time. */
  concurrency: number;
  /** Output directory: trajectories.jsonl (appended as episodes finish) and summary.json. */
  out: string;
  mode: EpisodeMode;
  maxSteps?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RolloutProgress) => void;
  runner?: CheckRunner;
  /** One price for every model (or, with `modelPrices`, for models without an entry there). */
  prices?: TokenPrices;
  /**
   * USD per million tokens by model name (the config's `prices`): summary.json prices each call of every
   * episode, this run's and an interrupted earlier run's, at the price of the model it went to.
   */
  modelPrices?: PriceTable;
  /** Written into summary.json (default: the name of `out`). */
  runId?: string;
  /** Re-run pairs whose saved trajectory ended with termination 'error' (default true). */
  retryErrors?: boolean;
}

export interface RolloutResult {
  summary: RunSummary;
  /** Every trajectory of the run (earlier runs' included), one per (scenario, trial). */
  trajectories: Trajectory[];
  /** Episodes run by this call. */
  ran: number;
  /** Episodes skipped because trajectories.jsonl already had them. */
  skipped: number;
}

const key = (scenarioId: string, trial: number) => `${scenarioId}\u0000${trial}`;

/** The order of a finished `trajectories.jsonl`, in-process and on a job backend alike. */
export function byScenarioThenTrial(a: Trajectory, b: Trajectory): number {
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
 * Runs every scenario `trials` times with at most `concurrency` episodes in flight. Each finished
 * trajectory is appended to `<out>/trajectories.jsonl` at once (one fsynced line); a re-run skips the
 * (scenarioId, trial) pairs already there (a torn last line from a killed run is dropped) and only runs
 * the rest. `summary.json` is written at the end over all trajectories of the run. On abort, episodes in
 * flight are discarded (so a resume redoes them) and an ABORTED error is thrown after the file is closed.
 */
export async function runRollouts(options: RunRolloutsOptions): Promise<RolloutResult> {
  if (!Number.isInteger(options.trials) || options.trials < 1) {
    throw new EnvscalerError('INVALID_INPUT', `trials must be a positive integer, got ${options.trials}`);
  }
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
  await mkdir(options.out, { recursive: true });
  const release = await acquireLock(options.out);
  try {
    return await runLocked(options);
  } finally {
    await release();
  }
}

async function runLocked(options: RunRolloutsOptions): Promise<RolloutResult> {
  const file = path.join(options.out, 'trajectories.jsonl');
  const existing = await readJsonlTolerant({ path: file, parse: parseTrajectory, repair: true });
  const byPair = new Map<string, Trajectory>();
  for (const t of existing.records) byPair.set(key(t.scenarioId, t.trial), t);

  const retryErrors = options.retryErrors ?? true;
  const wanted = new Set(options.scenarios.map((s) => s.id));
  const todo: { scenario: Scenario; trial: number }[] = [];
  let skipped = 0;
  for (const scenario of options.scenarios) {
    for (let trial = 0; trial < options.trials; trial++) {
      const saved = byPair.get(key(scenario.id, trial));
      if (saved && !(retryErrors && saved.termination === 'error')) skipped++;
      else todo.push({ scenario, trial });
    }
  }

  const finished = [...byPair.values()].filter(
    (t) => wanted.has(t.scenarioId) && t.trial < options.trials && !(retryErrors && t.termination === 'error'),
  );
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
  async function runOne({ scenario, trial }: { scenario: Scenario; trial: number }): Promise<void> {
    if (options.signal?.aborted) return; // not started: run on resume
    const env = envById(options.envs, scenario.envId)!;
    progress.running++;
    emit({ scenarioId: scenario.id, trial, event: 'started' });
    let trajectory: Trajectory;
    try {
      trajectory = await runEpisode({
        env,
        scenario,
        agent: options.agent,
        user: options.user,
        mode: options.mode,
        maxSteps: options.maxSteps,
        maxTokens: options.maxTokens,
        trial,
        id: `${runId}:${scenario.id}:${trial}`,
        runner: options.runner,
        signal: options.signal,
      });
    } catch (error) {
      // Not a model failure (those end the episode with termination 'error'): a broken environment or
      // scenario. mapConcurrent starts no new episodes and rethrows once the others are done.
      progress.running--;
      throw error;
    }
    progress.running--;
    if (options.signal?.aborted) return; // cut short by the abort: not a real result, redo on resume
    await appender.append(trajectory);
    byPair.set(key(scenario.id, trial), trajectory);
    ran++;
    progress.done++;
    if (trajectory.termination === 'error') progress.failed++;
    rewardSum += trajectory.reward?.score ?? 0;
    progress.usage.promptTokens += trajectory.usage.promptTokens;
    progress.usage.completionTokens += trajectory.usage.completionTokens;
    emit({
      scenarioId: scenario.id,
      trial,
      event: 'finished',
      termination: trajectory.termination,
      reward: trajectory.reward?.score,
    });
  }
  try {
    await mapConcurrent({ items: todo, concurrency: options.concurrency, fn: runOne });
  } finally {
    await appender.close();
  }
  if (options.signal?.aborted) {
    throw new EnvscalerError('ABORTED', `rollout interrupted after ${progress.done} of ${progress.total} episodes; run again to resume`);
  }

  // The finished file in the one order every backend writes (scenario id, then trial), whatever order the
  // episodes finished in; lines of other scenarios or trials from earlier runs are kept.
  const all = [...byPair.values()].sort(byScenarioThenTrial);
  const text = all.map((t) => JSON.stringify(t)).join('\n') + (all.length > 0 ? '\n' : '');
  await writeFileAtomic({ file, data: text });
  const trajectories = all.filter((t) => wanted.has(t.scenarioId) && t.trial < options.trials);
  // Episodes an earlier run finished (and this one did not redo) count, flagged as that run's calls.
  const earlier = new Set(existing.records.filter((t) => byPair.get(key(t.scenarioId, t.trial)) === t).map((t) => t.id));
  const summary = summarize({
    trajectories,
    scenarios: options.scenarios,
    prices: options.prices,
    modelPrices: options.modelPrices,
    earlier,
    runId,
  });
  const summaryFile = path.join(options.out, 'summary.json');
  await writeFileAtomic({ file: summaryFile, data: `${JSON.stringify(summary, null, 2)}\n` });
  return { summary, trajectories, ran, skipped };
}
