import type { JsonSchema, Scenario, ToolSession, ToolSpec } from '@envscaler/core';

/** How a session is started: from a full state or from a config the environment turns into one. */
export type SessionInit = { initialState: unknown } | { config: unknown };

/**
 * The part of a runtime `LoadedEnvironment` the rollout engine uses (structural, so validate does not
 * depend on the runtime's concrete classes and tests can pass small in-process environments).
 */
export interface EpisodeEnvironment {
  id: string;
  tools: readonly ToolSpec[];
  introduction: string;
  rules: readonly string[];
  stateSchema?: JsonSchema;
  createSession(init: SessionInit): ToolSession | Promise<ToolSession>;
}

/** The session init for a scenario: its `initialState`, or its `initialConfig` for config-initialised envs. */
export function sessionInitFor(scenario: Pick<Scenario, 'initialState' | 'initialConfig'>): SessionInit {
  if (scenario.initialConfig !== undefined && scenario.initialState === undefined) {
    return { config: scenario.initialConfig };
  }
  return { initialState: scenario.initialState };
}

/** Finds an environment by id in a list or record. */
export function envById<E extends { id: string }>(
  envs: readonly E[] | Readonly<Record<string, E>> | ReadonlyMap<string, E>,
  id: string,
): E | undefined {
  if (envs instanceof Map) return envs.get(id);
  if (Array.isArray(envs)) return (envs as readonly E[]).find((env) => env.id === id);
  return (envs as Readonly<Record<string, E>>)[id];
}

export type EnvCollection<E extends { id: string }> =
  readonly E[] | Readonly<Record<string, E>> | ReadonlyMap<string, E>;
