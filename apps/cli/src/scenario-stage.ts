import type { ChatModel, PriceTable } from '@envscaler/core';
import {
  generateScenarioSets,
  type FinishedScenarioSet,
  type ScenarioSetExecutor,
  type ScenarioSetsProgressEvent,
} from '@envscaler/scengen';
import { envDirsById } from './jobs/env-dirs.js';
import type { ProgressReporter, StageProgress } from './progress.js';

export interface ScenarioStageOptions {
  /** An environment directory, or a directory of them (each with env.ts). */
  envs: string;
  out: string;
  count: number;
  /** Where each environment is generated (default: in this process with `model` and `prices`). */
  executor?: ScenarioSetExecutor;
  /** The in-process generation model (required without `executor`). */
  model?: ChatModel;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
  difficultySamples?: number;
  /** USD per million tokens by model name (the config's `prices`): each call at its own model's price. */
  prices?: PriceTable;
  signal?: AbortSignal;
  progress?: ProgressReporter;
  /** Skip an environment that fails to load or generate (and report it) instead of stopping. */
  keepGoing?: boolean;
}

/** An environment skipped under `keepGoing`, and why. */
export interface SkippedEnvironment {
  dir: string;
  reason: string;
}

/**
 * scengen's `generateScenarioSets` over every environment under `envs` (ids read from env.json /
 * meta.json), wherever the executor generates them, with one progress line per environment the executor
 * runs here (`scenarios <envId>`: kept, dropped). The engine owns order, resume, keep-going and results.
 */
export async function runScenarioStage(
  options: ScenarioStageOptions,
): Promise<{ results: FinishedScenarioSet[]; skipped: SkippedEnvironment[] }> {
  const sets = [...(await envDirsById(options.envs))].map(([envId, env]) => ({ envId, dir: env.dir }));
  const { results, skipped } = await generateScenarioSets({
    sets,
    out: options.out,
    count: options.count,
    executor: options.executor,
    model: options.model,
    prices: options.prices,
    concurrency: options.concurrency,
    solverAttempts: options.solverAttempts,
    maxSteps: options.maxSteps,
    difficultySamples: options.difficultySamples,
    keepGoing: options.keepGoing,
    signal: options.signal,
    onProgress: scenarioProgressListener(options.progress),
  });
  return { results, skipped: skipped.map(({ dir, reason }) => ({ dir, reason })) };
}

/** The line a finished environment prints on stdout, the same whichever executor generated it. */
export function scenarioResultLine({ report, paths }: FinishedScenarioSet): string {
  return `${report.envId}: ${report.kept}/${report.requested} scenarios (${report.candidates} candidates) → ${paths.scenarios}`;
}

function scenarioProgressListener(
  progress: ProgressReporter | undefined,
): ((event: ScenarioSetsProgressEvent) => void) | undefined {
  if (!progress) return undefined;
  const lines = new Map<string, { stage: StageProgress; kept: number; dropped: number }>();
  return (event) => {
    if (event.type === 'set-started') {
      lines.set(event.set.envId, {
        stage: progress.stage(`scenarios ${event.set.envId}`, event.count),
        kept: 0,
        dropped: 0,
      });
      return;
    }
    if (event.type === 'candidate') {
      const line = lines.get(event.set.envId);
      if (!line) return;
      if (event.event.type === 'scenario-kept') line.kept++;
      else if (event.event.type === 'scenario-dropped') line.dropped++;
      else return;
      line.stage.update({ done: line.kept, dropped: line.dropped });
      return;
    }
    if (event.type === 'set-finished') {
      // only environments generated here have a line (a job backend shows its own 'scenarios' line)
      const line = lines.get(event.finished.set.envId);
      const { report, paths } = event.finished;
      line?.stage.finish(`${report.kept} kept of ${report.candidates} candidates → ${paths.scenarios}`);
    }
  };
}
