import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvscalerError } from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import type { LoadedEnvironment } from '@envscaler/runtime';
import { JsonlAppender, readJsonlTolerant } from '@envscaler/validate';
import { errorText, isAbort } from './common.js';

/** What every harness's trial result has: `error` is set when the run itself failed (a model error). */
export interface TrialRecord {
  error?: string;
}

/** The state of a run, for a harness to turn into its own progress report. */
export interface TrialsProgress<R> {
  /** Trials with a result (resumed ones included; errored ones of this run too). */
  done: number;
  total: number;
  /** Trials of this run that errored. */
  errors: number;
  skipped: number;
  running: number;
  /** The results without an error (resumed ones included), for the harness's own counts. */
  finished: readonly R[];
}

/** What the trials share (the environment), with what closes it once they have settled. */
export interface TrialsShared<C> {
  value: C;
  close?: () => void;
}

export interface RunTrialsOptions<I, R extends TrialRecord, C> {
  /** Every trial wanted, in the order results are returned. Keys are unique. */
  items: readonly I[];
  key: (item: I) => string;
  /** The key of the trial a result (read from `results.jsonl`) belongs to. */
  resultKey: (result: R) => string;
  /**
   * Run directory (created when missing): `<out>/results.jsonl` is read first (a torn last line is cut off),
   * each trial whose last error-free result is there is skipped, and every result of this run is appended.
   */
  out?: string;
  /** Checks one line of `results.jsonl`; throws INVALID_ARTIFACT naming `source` for another benchmark's. */
  parse: (value: unknown, source?: string) => R;
  /** Opens what the trials share, once `results.jsonl` has been read and before the first trial. */
  open: () => Promise<TrialsShared<C>>;
  /** Runs one trial. An abort (ABORTED, AbortError, or `signal` aborted) leaves it without a result. */
  run: (item: I, shared: C) => Promise<R>;
  /** The result recorded for a trial whose run threw anything else (`error`: the error's message). */
  failed: (item: I, error: string) => R;
  /** Called with each result of this run, just before it is recorded. */
  onResult?: (result: R) => void;
  /** Trials run at once (default 4; floored, at least 1). */
  concurrency?: number;
  /** Stops starting trials; the ones running finish or abort, and the run resolves with what it has. */
  signal?: AbortSignal;
  onProgress?: (progress: TrialsProgress<R>) => void;
}

export interface TrialsOutcome<R> {
  /** Per wanted trial with a result, in `items` order: the resumed one, or this run's (errored ones too). */
  results: R[];
  /** This run's errored results, in the order they finished. */
  errored: R[];
  /** Trials run (errored ones included, aborted ones not). */
  ran: number;
  /** Trials resumed from `results.jsonl`. */
  skipped: number;
}

/**
 * The resumable trial loop the benchmark harnesses share: resume from `<out>/results.jsonl` (errored
 * trials are run again), run the rest with bounded concurrency, append each result as it finishes
 * (`JsonlAppender`: whole, synced lines), report progress, and stop cleanly on abort.
 */
export async function runTrials<I, R extends TrialRecord, C>(
  options: RunTrialsOptions<I, R, C>,
): Promise<TrialsOutcome<R>> {
  const { items, key, signal } = options;
  const resultsPath = options.out ? join(options.out, 'results.jsonl') : undefined;
  const wantedKeys = new Set(items.map(key));
  // Each trial's result so far: the last error-free one read back, then whatever this run records.
  const outcome = new Map<string, R>();
  if (resultsPath) {
    await mkdir(options.out as string, { recursive: true });
    const previous = await readJsonlTolerant({ path: resultsPath, parse: options.parse, repair: true });
    for (const r of previous.records) {
      const k = options.resultKey(r);
      if (r.error === undefined && wantedKeys.has(k)) outcome.set(k, r);
    }
  }
  const todo = items.filter((item) => !outcome.has(key(item)));
  const skipped = items.length - todo.length;

  const shared = await options.open();
  let appender: JsonlAppender | undefined;
  let running = 0;
  let ran = 0;
  const errored: R[] = [];
  const report = () => {
    if (!options.onProgress) return;
    const values = [...outcome.values()];
    options.onProgress({
      done: values.length,
      total: items.length,
      errors: errored.length,
      skipped,
      running,
      finished: values.filter((r) => r.error === undefined),
    });
  };
  try {
    appender = resultsPath ? await JsonlAppender.open(resultsPath) : undefined;
    report();
    await mapConcurrent({
      items: todo,
      concurrency: Math.max(1, Math.floor(options.concurrency ?? 4)),
      signal,
      fn: async (item) => {
        running++;
        report();
        let result: R;
        try {
          result = await options.run(item, shared.value);
        } catch (error) {
          if (isAbort(error, signal)) {
            running--;
            return;
          }
          result = options.failed(item, errorText(error));
        }
        running--;
        ran++;
        options.onResult?.(result);
        outcome.set(key(item), result);
        if (result.error !== undefined) errored.push(result);
        await appender?.append(result);
        report();
      },
    }).catch((error: unknown) => {
      // An abort with trials not started is not a failure: the run ends with what it has.
      if (!(signal?.aborted && error instanceof EnvscalerError && error.code === 'ABORTED')) throw error;
    });
  } finally {
    await appender?.close();
    shared.close?.();
  }
  const results = items.map((item) => outcome.get(key(item))).filter((r): r is R => r !== undefined);
  return { results, errored, ran, skipped };
}

/** The environment of a run: the caller's (left open), or one loaded for the run and disposed after it. */
export function runEnvironment(
  given: LoadedEnvironment | undefined,
  load: () => Promise<LoadedEnvironment>,
): () => Promise<TrialsShared<LoadedEnvironment>> {
  return async () => {
    if (given) return { value: given };
    const env = await load();
    return { value: env, close: () => env.dispose() };
  };
}

/** The trial count of a run (default 1); INVALID_INPUT unless a positive integer. */
export function trialCount(trials: number | undefined): number {
  const n = trials ?? 1;
  if (!Number.isInteger(n) || n < 1)
    throw new EnvscalerError('INVALID_INPUT', `trials must be a positive integer, got ${n}`);
  return n;
}

/** Every (task, trial) pair, task by task, and its key (`<task id>\0<trial>`). */
export function taskTrials<T extends { id: string }>(
  tasks: readonly T[],
  trials: number,
): { task: T; trial: number }[] {
  return tasks.flatMap((task) => Array.from({ length: trials }, (_, trial) => ({ task, trial })));
}

export function trialKey(taskId: string, trial: number): string {
  return `${taskId}\u0000${trial}`;
}
