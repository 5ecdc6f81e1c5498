import type { ChatMessage, TokenUsage } from './chat.js';
import type { CallUsage, StageUsage } from './usage.js';
import type { JsonSchema } from './json.js';
import type { ToolCallRequest, ToolResult, ToolSpec } from './tool.js';

/** One tester call and the checker's judgement of its result. */
export interface QualityStep {
  index: number;
  tool: string;
  arguments: Record<string, unknown>;
  result: ToolResult;
  verdict: 'pass' | 'warning' | 'fail';
  reason: string;
}

/** skelbuilder's quality evaluation of one environment (written as quality.json). */
export interface QualityReport {
  schemaVersion: 1;
  envId: string;
  /** (pass + warning) / total, in [0, 1]. */
  score: number;
  threshold: number;
  kept: boolean;
  counts: { pass: number; warning: number; fail: number };
  steps: QualityStep[];
  /** Why the environment was dropped, when it was. */
  dropReason?: string;
}

/** What skelbuilder writes and the runtime loads (env.json beside env.ts). */
export interface EnvironmentPackage {
  schemaVersion: 1;
  id: string;
  className: string;
  topic: string;
  summary: string;
  /** System-prompt text for agents acting in the environment (e.g. a policy). */
  introduction: string;
  rules: string[];
  /** JSON Schema derived from the module's `State` interface. */
  stateSchema: JsonSchema;
  /** Derived from the class's public method signatures and JSDoc. */
  tools: ToolSpec[];
  /** The TypeScript module source, also written as env.ts. */
  source: string;
  /** How sessions are initialised: from a full state, or from a config through the class's `fromConfig`. */
  initialization: 'state' | 'config';
  provenance: {
    seedTask?: string;
    seedTaskIds?: string[];
    model?: string;
    quality?: QualityReport;
    createdAt: string;
    /**
     * sha256 (hex) over the source and the canonical JSON of its tools and state schema when written
     * (the runtime's `environmentDigest`): a directory whose env.json no longer matches it is checked
     * against what env.ts declares when loaded, so a hand-edited env.json is caught.
     */
    digest?: string;
  };
}

export interface CheckItem {
  id: string;
  description: string;
  /** TypeScript source of `(final: Readonly<State>, initial: Readonly<State>) => boolean`. */
  source: string;
}

export interface GateResult {
  passed: boolean;
  detail?: string;
}

export interface ScenarioUser {
  persona: string;
  knownInfo: string;
  unknownInfo?: string;
}

/** One training/evaluation task in one environment, with its rule-based verification. */
export interface Scenario {
  schemaVersion: 1;
  id: string;
  envId: string;
  /** The world at the start; for config-initialised environments use `initialConfig` instead. */
  initialState?: unknown;
  initialConfig?: unknown;
  task: string;
  user?: ScenarioUser;
  checklist: CheckItem[];
  /** A tool-call sequence known to reach all checks (the solvability gate's trajectory). */
  referenceSolution?: ToolCallRequest[];
  gates?: {
    doNothing?: GateResult;
    solvability?: GateResult;
    typecheck?: GateResult;
    dedup?: GateResult;
  };
  difficulty?: { label: 'too_easy' | 'trainable' | 'too_hard'; passRate: number; samples: number };
  provenance: { model?: string; createdAt: string; source?: string };
}

export interface CheckResult {
  id: string;
  passed: boolean;
  /** Set when the check threw, timed out or did not return a boolean. */
  error?: string;
}

export interface Reward {
  /** Fraction of checks passed, in [0, 1]. */
  score: number;
  /** True when every check passed. */
  success: boolean;
  checks: CheckResult[];
}

export type Termination = 'agent_done' | 'user_stop' | 'max_steps' | 'max_tokens' | 'error';

/** One episode: the conversation, the final world and its reward. */
export interface Trajectory {
  schemaVersion: 1;
  id: string;
  scenarioId: string;
  envId: string;
  trial: number;
  mode: 'conversational' | 'non_conversational';
  messages: ChatMessage[];
  finalState: unknown;
  termination: Termination;
  reward?: Reward;
  usage: TokenUsage;
  /**
   * Every model call of the episode (agent and user simulator) with the model it went to, so a run's cost
   * prices each at its own model's price. Absent in trajectories written before it was recorded.
   */
  calls?: Omit<CallUsage, 'cached'>[];
  durationMs: number;
  error?: string;
  startedAt: string;
}

export interface RateWithInterval {
  k: number;
  value: number;
  /** 95% confidence interval. */
  ci: [number, number];
}

export interface RunSummary {
  schemaVersion: 1;
  runId: string;
  createdAt: string;
  episodes: number;
  scenarios: number;
  trialsPerScenario: number;
  meanReward: number;
  successRate: number;
  passHatK: RateWithInterval[];
  passAtK: RateWithInterval[];
  perEnvironment: Record<string, { episodes: number; meanReward: number; successRate: number }>;
  terminations: Partial<Record<Termination, number>>;
  /**
   * Tokens (and cost) of every episode of the run, including those an earlier, interrupted run of the same
   * output finished. When the trajectories record their calls: `calls` made by this run, `cachedCalls`
   * made by an earlier one (episodes found finished and not run again), and the same by model, each model
   * priced at its own price (`unpricedModels` have none, and then `costUsd` is absent).
   */
  usage: TokenUsage & {
    costUsd?: number;
    calls?: number;
    cachedCalls?: number;
    byModel?: Record<string, StageUsage>;
    unpricedModels?: string[];
  };
}
