import { InvalidArtifactError, type Reward, type Scenario } from '@envscaler/core';
import { createCheckRunner, type CheckRunner } from '@envscaler/runtime';
import { sessionInitFor, type EpisodeEnvironment } from './environment.js';

let defaultRunner: CheckRunner | undefined;

/** The process-wide isolated-vm check runner used when no `runner` is passed (created on first use). */
export function getDefaultCheckRunner(): CheckRunner {
  defaultRunner ??= createCheckRunner({ sandbox: 'isolated-vm' });
  return defaultRunner;
}

/** Disposes the default runner (a later call creates a new one). */
export function disposeDefaultCheckRunner(): void {
  defaultRunner?.dispose();
  defaultRunner = undefined;
}

export interface EvaluateChecklistOptions {
  /** Needed only for config-initialised scenarios without `initialState` (to build the initial state). */
  env?: EpisodeEnvironment;
  scenario: Pick<Scenario, 'id' | 'checklist' | 'initialState' | 'initialConfig'>;
  finalState: unknown;
  /** The state the episode started from; default: the scenario's `initialState` (or the env's from its config). */
  initialState?: unknown;
  /** Defaults to a shared isolated-vm runner. */
  runner?: CheckRunner;
}

/**
 * Runs a scenario's check functions over the (frozen) initial and final states:
 * score = passed / total, success = every check passed. A check that throws, times out or returns a
 * non-boolean fails with its error message. An empty checklist is an invalid scenario (InvalidArtifactError).
 */
export async function evaluateChecklist(options: EvaluateChecklistOptions): Promise<Reward> {
  const { scenario } = options;
  if (!Array.isArray(scenario.checklist) || scenario.checklist.length === 0) {
    throw new InvalidArtifactError({
      artifact: 'Scenario',
      source: scenario.id,
      issues: [{ path: '$.checklist', message: 'must contain at least one check; there is nothing to score' }],
    });
  }
  const initialState = options.initialState ?? (await initialStateOf({ scenario, env: options.env }));
  const runner = options.runner ?? getDefaultCheckRunner();
  const checks = await runner.run({
    checks: scenario.checklist.map((c) => ({ id: c.id, source: c.source })),
    initial: initialState,
    final: options.finalState,
  });
  const passed = checks.filter((c) => c.passed).length;
  return { score: passed / checks.length, success: passed === checks.length, checks };
}

/** A scenario's initial state: `initialState`, or the state its config produces in a fresh session. */
export async function initialStateOf(options: {
  scenario: Pick<Scenario, 'id' | 'initialState' | 'initialConfig'>;
  env?: EpisodeEnvironment;
}): Promise<unknown> {
  const { scenario, env } = options;
  if (scenario.initialState !== undefined) return scenario.initialState;
  if (!env) {
    throw new InvalidArtifactError({
      artifact: 'Scenario',
      source: scenario.id,
      issues: [{ path: '$.initialState', message: 'is missing; pass `env` to derive it from initialConfig' }],
    });
  }
  const session = await env.createSession(sessionInitFor(scenario));
  try {
    return await session.snapshot();
  } finally {
    await session.dispose();
  }
}
