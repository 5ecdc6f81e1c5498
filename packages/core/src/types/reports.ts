import type { StageUsage } from './usage.js';

// The stage reports written beside the artifacts: skelbuilder's `<out>/report.json` and scengen's
// `<out>/scenarios/<envId>.report.json`. Their JSON Schemas are in schemas/reports.ts; the writers build
// these types and the viewer reads them with `parseBuildReport` / `parseScenarioReport`.

/** Why one item (a task, topic or environment) left skelbuilder's funnel. */
export interface FunnelDrop {
  stage: string;
  /** A task id, topic id or environment id. */
  id: string;
  reason: string;
}

/** One skelbuilder funnel step: how many items went in, how many came out, and why each drop happened. */
export interface FunnelStage {
  stage: string;
  in: number;
  out: number;
  dropped: FunnelDrop[];
}

/** The compiler diagnostics that sent an environment's code back for one repair round. */
export interface RepairReport {
  /** 1 for the first repair round. */
  round: number;
  /**
   * `file` is the environment's `env.ts`; lines refer to the module as assembled in that round, before
   * the repair (0: found by the per-body syntax check, which has no module line).
   */
  diagnostics: { file: string; line: number; code: string; message: string; method?: string }[];
  omitted?: number;
}

/** What became of one mined topic's environment. */
export interface EnvOutcome {
  envId: string;
  topicId: string;
  topic: string;
  taskIds: string[];
  status: 'kept' | 'dropped';
  /** The stage that dropped it. */
  stage?: string;
  reason?: string;
  className?: string;
  qualityScore?: number;
  repairRounds?: number;
  /** The compiler diagnostics behind each repair round (absent when none was needed). */
  repairs?: RepairReport[];
  /** Where its files are (relative to `out`). */
  path?: string;
}

/** What reading a corpus file did (skelbuilder's `CorpusReport` narrows `format` and `dropped`). */
export interface CorpusFilters {
  /** The file (or `corpus` for text). */
  source: string;
  format: string;
  /** Records read: non-blank lines (JSON Lines, text) or array items (a JSON array). */
  records: number;
  /** Whether EnvScaler's filters and duplicate removal were applied. */
  filtered: boolean;
  /** Tasks dropped, by rule (every rule listed, 0 when it dropped nothing). */
  dropped: Record<string, number>;
  /** Tasks kept. */
  tasks: number;
}

/** skelbuilder's `<out>/report.json`. */
export interface BuildReport {
  schemaVersion: 1;
  createdAt: string;
  wallTimeMs: number;
  aborted: boolean;
  model?: string;
  /** Corpus size, and when the corpus was read from a file, what reading and filtering it dropped. */
  corpus: { tasks: number; filters?: CorpusFilters };
  dedup: {
    method: 'embeddings' | 'tfidf';
    threshold: number;
    merged: { representative: string; members: string[] }[];
  };
  thresholds: { minScore: number; quality: number; dedupSimilarity: number };
  funnel: FunnelStage[];
  /**
   * Calls and tokens per stage over every call of the build, across interruptions: the calls this run
   * made and, as `cachedCalls`, those of earlier runs whose answers it replayed from the stage cache.
   */
  tokens: Record<string, StageUsage>;
  /** The same per model name, each priced at its own price. */
  tokensByModel: Record<string, StageUsage>;
  totalTokens: StageUsage;
  /** Models that were called but have no price (no `costUsd` where they count). */
  unpricedModels: string[];
  cache: { hits: number; misses: number };
  envs: EnvOutcome[];
}

/** scengen's gates in funnel order; a candidate leaves the funnel at the first gate it fails. */
export const scenarioFunnelGates = [
  'state',
  'task',
  'dedup',
  'checklist',
  'typecheck',
  'doNothing',
  'solvability',
  'artifact',
] as const;
export type ScenarioFunnelGate = (typeof scenarioFunnelGates)[number];

/** One scengen gate: candidates that reached it, passed it and were dropped there. */
export interface ScenarioFunnelStep {
  gate: ScenarioFunnelGate;
  entered: number;
  passed: number;
  dropped: number;
  /** Why candidates were dropped here: reason → count (reasons are shortened to their first clause). */
  reasons: Record<string, number>;
}

export interface DroppedScenario {
  slot: number;
  /** Set once the state and task exist. */
  scenarioId?: string;
  gate: ScenarioFunnelGate;
  reason: string;
}

/** scengen's `<out>/scenarios/<envId>.report.json`. */
export interface ScenarioReport {
  schemaVersion: 1;
  envId: string;
  createdAt: string;
  requested: number;
  candidates: number;
  kept: number;
  funnel: ScenarioFunnelStep[];
  dropped: DroppedScenario[];
  /** Check-level outcomes across kept and dropped candidates. */
  checks: {
    generated: number;
    repaired: number;
    droppedTypecheck: number;
    rewritten: number;
    droppedDoNothing: number;
  };
  /** Checks that threw or timed out (counted as failed), with the gate that saw it. */
  checkErrors: { scenarioId: string; checkId: string; gate: 'doNothing' | 'solvability'; error: string }[];
  difficulty?: Record<'too_easy' | 'trainable' | 'too_hard', number>;
  /** Per stage tag; `cachedCalls` were replayed from the stage cache (their tokens are included). */
  tokens: Record<string, StageUsage>;
  totals: StageUsage;
  /** The same per model name (cost per model when priced). */
  tokensByModel: Record<string, StageUsage>;
  /**
   * Cost of all recorded tokens (fresh and cached entries), each call at its own model's price; absent
   * without prices, or when a model has none (then listed in `unpricedModels`).
   */
  costUsd?: number;
  unpricedModels?: string[];
  /** Set when the run stopped early on a fatal error; finished work was still written. */
  error?: string;
}
