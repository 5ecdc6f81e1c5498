import { EnvscalerError, type ChatModel, type PriceTable, type ScenarioReport } from '@envscaler/core';
import { loadEnvironment } from '@envscaler/runtime';
import { generateScenarios, type ScenarioProgressEvent } from './generate.js';
import type { ScenarioEnvironment } from './types.js';

/** One environment to generate scenarios for: its id and its directory (env.ts with env.json or meta.json). */
export interface ScenarioSet {
  envId: string;
  dir: string;
}

/** What every environment's generation is given (`generateScenarios`' options besides the environment). */
export interface ScenarioSetSettings {
  /** Valid scenarios wanted per environment. */
  count: number;
  /** Candidates processed at once per environment (default 2). */
  concurrency?: number;
  /** k for the solvability gate (default 2). */
  solverAttempts?: number;
  /** Model turns per solver episode (default 30). */
  maxSteps?: number;
  /** Label each kept scenario's difficulty from this many agent episodes (the generation model as agent). */
  difficultySamples?: number;
}

/** An environment whose scenarios are written: what `generateScenarios` wrote to `paths`. */
export interface FinishedScenarioSet {
  set: ScenarioSet;
  report: ScenarioReport;
  paths: { scenarios: string; report: string };
  /** Generated before this run started (e.g. a job's marker an interrupted coordinator never collected). */
  earlier?: boolean;
}

/** An environment that could not be generated (it failed to load, or its generation stopped with an error). */
export interface FailedScenarioSet {
  set: ScenarioSet;
  error: unknown;
}

export interface ExecuteScenarioSetsOptions {
  /** The environments to generate for, in order (which ones is decided by `generateScenarioSets`). */
  sets: readonly ScenarioSet[];
  settings: ScenarioSetSettings;
  /** Output root: `scenarios/<envId>.jsonl`, `scenarios/<envId>.report.json`, `.cache/scengen/`. */
  out: string;
  /**
   * Aborted on an interrupt, and when a failure stops the run: the executor then starts nothing new and
   * settles once what runs has stopped.
   */
  signal: AbortSignal;
  /** An environment's generation started, when the executor sees it (a job backend's workers do not). */
  onStarted?: (set: ScenarioSet) => void;
  /** A candidate's progress, when the executor sees it. */
  onCandidate?: (set: ScenarioSet, event: ScenarioProgressEvent) => void;
  /** Called once per finished environment, in any order (a duplicate report is ignored); awaited. */
  onFinished: (finished: FinishedScenarioSet) => Promise<void>;
  /** Called for an environment that failed; the executor goes on with the others unless `signal` aborts. */
  onFailed: (failed: FailedScenarioSet) => void;
}

/**
 * Where each environment's scenarios are generated: in this process (`createInProcessScenarioSets`, the
 * default of `generateScenarioSets`) or on a job backend's workers (the CLI's `--backend redis`).
 * `generateScenarioSets` owns the order, the keep-going and stop rules and the results, so all executors
 * resume and report alike.
 */
export interface ScenarioSetExecutor {
  /** For progress lines and errors ('inprocess', 'redis'). */
  readonly name: string;
  /** Generates every set, reporting each through `onFinished` or `onFailed`. */
  run(options: ExecuteScenarioSetsOptions): Promise<void>;
}

/** A loaded environment the in-process executor generates for and then disposes. */
export type DisposableScenarioEnvironment = ScenarioEnvironment & { dispose(): void };

export interface InProcessScenarioSetsOptions {
  /** Every stage's model (and the difficulty agent's). */
  model: ChatModel;
  /** USD per million tokens by model name: each report's `costUsd` prices each call at its model's price. */
  prices?: PriceTable;
  /** Loads an environment directory (default: the runtime's `loadEnvironment`). */
  load?: (dir: string) => Promise<DisposableScenarioEnvironment>;
}

/**
 * Generates in this process, one environment after another: loads each directory with the runtime's
 * loader and runs `generateScenarios` on it (which resumes from `<out>/.cache/scengen/`). An environment
 * that fails to load or generate is reported through `onFailed`; an interrupt ends the run with its error.
 */
export function createInProcessScenarioSets(options: InProcessScenarioSetsOptions): ScenarioSetExecutor {
  const load = options.load ?? ((dir: string) => loadEnvironment({ dir }));
  return {
    name: 'inprocess',
    async run(run) {
      const { settings } = run;
      for (const set of run.sets) {
        if (run.signal.aborted) return;
        let env: DisposableScenarioEnvironment | undefined;
        let finished: FinishedScenarioSet;
        try {
          env = await load(set.dir);
          if (env.id !== set.envId)
            throw new EnvscalerError(
              'INVALID_INPUT',
              `${set.dir} holds environment ${env.id}, not ${set.envId} as its env.json / meta.json said`,
            );
          run.onStarted?.(set);
          const result = await generateScenarios({
            env,
            count: settings.count,
            model: options.model,
            out: run.out,
            concurrency: settings.concurrency,
            solverAttempts: settings.solverAttempts,
            maxSteps: settings.maxSteps,
            prices: options.prices,
            signal: run.signal,
            ...(settings.difficultySamples
              ? { difficulty: { agent: options.model, samples: settings.difficultySamples } }
              : {}),
            onProgress: (event) => run.onCandidate?.(set, event),
          });
          finished = { set, report: result.report, paths: result.paths };
        } catch (error) {
          // interrupted (or stopped by an earlier failure): not this environment's failure
          if (run.signal.aborted) throw error;
          run.onFailed({ set, error });
          continue;
        } finally {
          env?.dispose();
        }
        await run.onFinished(finished);
      }
    },
  };
}
