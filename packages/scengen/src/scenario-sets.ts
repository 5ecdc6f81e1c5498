import { EnvscalerError, isEnvscalerError, type ChatModel, type PriceTable } from '@envscaler/core';
import type { ScenarioProgressEvent } from './generate.js';
import {
  createInProcessScenarioSets,
  type FailedScenarioSet,
  type FinishedScenarioSet,
  type ScenarioSet,
  type ScenarioSetExecutor,
  type ScenarioSetSettings,
} from './scenario-set-executor.js';

/** An environment `generateScenarioSets` skipped under `keepGoing`, and why (one line, at most 300 characters). */
export interface SkippedScenarioSet {
  envId: string;
  dir: string;
  reason: string;
}

export type ScenarioSetsProgressEvent =
  /** An environment's generation started (reported by executors that see it, e.g. in process). */
  | { type: 'set-started'; set: ScenarioSet; count: number }
  | { type: 'candidate'; set: ScenarioSet; event: ScenarioProgressEvent }
  | { type: 'set-finished'; finished: FinishedScenarioSet }
  | { type: 'set-skipped'; skipped: SkippedScenarioSet };

export interface GenerateScenarioSetsOptions extends ScenarioSetSettings {
  /** The environments, in the order their results are returned; ids must be distinct. */
  sets: readonly ScenarioSet[];
  /** Output root: `scenarios/<envId>.jsonl`, `scenarios/<envId>.report.json`, `.cache/scengen/`. */
  out: string;
  /**
   * Where each environment is generated (default: in this process, `createInProcessScenarioSets` with
   * `model` and `prices`; those two are unused otherwise).
   */
  executor?: ScenarioSetExecutor;
  /** The in-process executor's model (required without `executor`). */
  model?: ChatModel;
  /** The in-process executor's prices (USD per million tokens by model name). */
  prices?: PriceTable;
  /** Skip an environment that fails (and list it in `skipped`) instead of stopping the run. */
  keepGoing?: boolean;
  signal?: AbortSignal;
  onProgress?: (event: ScenarioSetsProgressEvent) => void;
}

export interface ScenarioSetsResult {
  /** Every generated environment, in `sets` order. */
  results: FinishedScenarioSet[];
  /** With `keepGoing`: the environments that failed, in `sets` order. */
  skipped: SkippedScenarioSet[];
}

/**
 * Scenario generation for many environments, wherever `executor` runs each one (`generateScenarios` in
 * this process by default). This function owns the stage's rules whatever the executor: results in
 * `sets` order, each environment counted once (an executor with at-least-once delivery may report one
 * twice: the first report counts), environments an earlier run generated (`earlier`) reported like the
 * others, and failures: without `keepGoing` the first failure stops the run (nothing new is started) and
 * is thrown naming the environment's directory; with it, failed environments are skipped and listed. An
 * interrupt throws ABORTED, with or without `keepGoing`. An environment the executor never reports is an
 * INTERNAL error.
 */
export async function generateScenarioSets(
  options: GenerateScenarioSetsOptions,
): Promise<ScenarioSetsResult> {
  if (!Number.isInteger(options.count) || options.count < 1)
    throw new EnvscalerError('INVALID_INPUT', `count must be a positive integer, got ${options.count}`);
  const byId = new Map<string, ScenarioSet>();
  for (const set of options.sets) {
    const other = byId.get(set.envId);
    if (other)
      throw new EnvscalerError(
        'INVALID_INPUT',
        `two environments have the id ${set.envId}: ${other.dir} and ${set.dir} (their scenario files would overwrite each other)`,
      );
    byId.set(set.envId, set);
  }
  if (!options.executor && !options.model)
    throw new EnvscalerError('INVALID_INPUT', 'generateScenarioSets needs a model or an executor');
  const executor =
    options.executor ?? createInProcessScenarioSets({ model: options.model!, prices: options.prices });
  const settings: ScenarioSetSettings = {
    count: options.count,
    concurrency: options.concurrency,
    solverAttempts: options.solverAttempts,
    maxSteps: options.maxSteps,
    difficultySamples: options.difficultySamples,
  };

  // Aborted by the caller's signal, or by the failure that stops a run without keepGoing.
  const stop = new AbortController();
  const interrupted = () => options.signal?.aborted === true;
  const onAbort = () => stop.abort(options.signal?.reason);
  if (interrupted()) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const finished = new Map<string, FinishedScenarioSet>();
  const failed = new Map<string, FailedScenarioSet>();
  let stoppedBy: FailedScenarioSet | undefined;
  const known = (envId: string, what: string): ScenarioSet => {
    const set = byId.get(envId);
    if (!set)
      throw new EnvscalerError(
        'INTERNAL',
        `the ${executor.name} executor ${what} environment ${envId}, which was not requested`,
      );
    return set;
  };

  let runError: unknown;
  try {
    await executor.run({
      sets: options.sets,
      settings,
      out: options.out,
      signal: stop.signal,
      onStarted: (set) => options.onProgress?.({ type: 'set-started', set, count: options.count }),
      onCandidate: (set, event) => options.onProgress?.({ type: 'candidate', set, event }),
      onFinished: async (done) => {
        const set = known(done.set.envId, 'reported');
        if (finished.has(set.envId) || failed.has(set.envId)) return; // reported twice: the first counts
        const result: FinishedScenarioSet = { ...done, set };
        finished.set(set.envId, result);
        options.onProgress?.({ type: 'set-finished', finished: result });
      },
      onFailed: (failure) => {
        const set = known(failure.set.envId, 'failed');
        // after an interrupt, what stops is not a failure of its own
        if (interrupted() || finished.has(set.envId) || failed.has(set.envId)) return;
        failed.set(set.envId, { ...failure, set });
        if (options.keepGoing) {
          options.onProgress?.({ type: 'set-skipped', skipped: skippedOf(set, failure.error) });
          return;
        }
        if (stoppedBy) return;
        stoppedBy = { ...failure, set };
        stop.abort();
      },
    });
  } catch (error) {
    runError = error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (interrupted()) {
    if (isEnvscalerError(runError) && runError.code === 'ABORTED') throw runError;
    throw new EnvscalerError('ABORTED', 'scenario generation was aborted', {
      cause: runError ?? options.signal?.reason,
    });
  }
  if (stoppedBy) throw namedError(stoppedBy);
  if (runError !== undefined) throw runError;
  const missing = options.sets.filter((s) => !finished.has(s.envId) && !failed.has(s.envId));
  if (missing.length > 0)
    throw new EnvscalerError(
      'INTERNAL',
      `the ${executor.name} executor finished without reporting environment(s) ${missing.map((s) => s.envId).join(', ')}`,
    );
  return {
    results: options.sets.flatMap((s) => (finished.has(s.envId) ? [finished.get(s.envId)!] : [])),
    skipped: options.sets.flatMap((s) => {
      const failure = failed.get(s.envId);
      return failure ? [skippedOf(s, failure.error)] : [];
    }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function skippedOf(set: ScenarioSet, error: unknown): SkippedScenarioSet {
  const flat = messageOf(error).replace(/\s+/g, ' ').trim();
  return { envId: set.envId, dir: set.dir, reason: flat.length > 300 ? `${flat.slice(0, 300)}…` : flat };
}

/** The failure that stopped a run, its message naming the environment's directory. */
function namedError({ set, error }: FailedScenarioSet): unknown {
  const message = messageOf(error);
  if (!isEnvscalerError(error) || message.includes(set.dir)) return error;
  return new EnvscalerError(error.code, `environment ${set.dir}: ${message}`, {
    cause: error,
    details: error.details,
  });
}
