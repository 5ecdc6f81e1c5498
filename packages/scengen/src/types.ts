import type { CheckItem, CheckResult, JsonSchema, ToolSession, ToolSpec } from '@envscaler/core';

/**
 * What scengen needs from an environment: the runtime's `LoadedEnvironment` satisfies it. `source` is
 * the TypeScript module defining `State`; without it the State type is derived from `stateSchema`.
 */
export interface ScenarioEnvironment {
  id: string;
  tools: readonly ToolSpec[];
  stateSchema: JsonSchema;
  introduction: string;
  rules: readonly string[];
  source?: string;
  createSession(init: { initialState: unknown }): ToolSession | Promise<ToolSession>;
}

/** Evaluates check functions over frozen snapshots in a sandbox; throws and timeouts become failed results. */
export interface ScenarioCheckRunner {
  run(options: { checks: readonly CheckItem[]; initial: unknown; final: unknown }): Promise<CheckResult[]>;
  dispose?(): unknown;
}

/** A checklist item before it has a check function. */
export interface ChecklistEntry {
  id: string;
  description: string;
}

/** The task stage's result. */
export interface TaskDraft {
  task: string;
  user: { persona: string; knownInfo: string; unknownInfo: string };
}
