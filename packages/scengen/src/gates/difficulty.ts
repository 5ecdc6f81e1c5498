import type { ChatModel, CheckItem, Scenario } from '@envscaler/core';
import type { ScenarioCheckRunner, ScenarioEnvironment } from '../types.js';
import { runSolver, scoreSolution } from './solver.js';
import type { Memo } from './solvability.js';

export type DifficultyLabel = NonNullable<Scenario['difficulty']>['label'];

/**
 * Pass rate → label. Defaults: `too_easy` when passRate ≥ 0.8 (the agent almost always succeeds, little
 * to learn), `too_hard` when passRate ≤ 0.2 (it almost never does, no reward signal), `trainable` between.
 * With few samples these are coarse: 2 samples give 0, 0.5 or 1.
 */
export interface DifficultyThresholds {
  easyAtOrAbove: number;
  hardAtOrBelow: number;
}
export const DEFAULT_DIFFICULTY_THRESHOLDS: DifficultyThresholds = { easyAtOrAbove: 0.8, hardAtOrBelow: 0.2 };

export function difficultyLabel(
  passRate: number,
  t: DifficultyThresholds = DEFAULT_DIFFICULTY_THRESHOLDS,
): DifficultyLabel {
  if (passRate >= t.easyAtOrAbove) return 'too_easy';
  if (passRate <= t.hardAtOrBelow) return 'too_hard';
  return 'trainable';
}

export interface LabelDifficultyOptions {
  env: ScenarioEnvironment;
  /** The agent whose pass rate decides the label (stage 'scenario-difficulty'). */
  agent: ChatModel;
  samples: number;
  initialState: unknown;
  task: string;
  knownInfo?: string;
  checks: readonly CheckItem[];
  checkRunner: ScenarioCheckRunner;
  maxSteps?: number;
  thresholds?: DifficultyThresholds;
  /** Caches each sample's episode (key `{ sample }`). */
  memo?: Memo;
  signal?: AbortSignal;
}

/** Samples the agent `samples` times on the scenario and labels it by the fraction of full-reward episodes. */
export async function labelDifficulty(
  options: LabelDifficultyOptions,
): Promise<NonNullable<Scenario['difficulty']>> {
  const memo: Memo = options.memo ?? ((_key, run) => run());
  let passed = 0;
  for (let sample = 1; sample <= options.samples; sample++) {
    const run = await memo({ sample }, () =>
      runSolver({
        env: options.env,
        model: options.agent,
        stage: 'scenario-difficulty',
        initialState: options.initialState,
        task: options.task,
        knownInfo: options.knownInfo,
        maxSteps: options.maxSteps,
        signal: options.signal,
      }),
    );
    const scored = await scoreSolution({ ...options, toolCalls: run.toolCalls });
    if (scored.success) passed++;
  }
  const passRate = passed / options.samples;
  return { label: difficultyLabel(passRate, options.thresholds), passRate, samples: options.samples };
}
