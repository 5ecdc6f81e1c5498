// The JSON API between the viewer server and the browser app. Types only: both sides import this file,
// the browser never pulls node code through it.
import type {
  ArtifactIssue,
  BuildReport,
  EnvOutcome,
  EnvironmentPackage,
  QualityReport,
  RunSummary,
  Scenario,
  ScenarioReport,
  Termination,
  Trajectory,
} from '@envscaler/core';

/** An artifact that could not be read or did not validate; shown in the UI instead of crashing. */
export interface ApiProblem {
  /** Path relative to the out dir, with `:line` for JSON Lines. */
  source: string;
  message: string;
  issues?: ArtifactIssue[];
}

export interface Overview {
  outDir: string;
  envCount: number;
  runIds: string[];
  scenarioFiles: number;
  hasSkelbuilderReport: boolean;
  /** scengen writes one report per environment: scenarios/<envId>.report.json. */
  scengenReports: number;
}

/** Where an environment was found: envs/ (kept), dropped/ (source kept for a dropped env), or only in report.json. */
export type EnvLocation = 'envs' | 'dropped' | 'report';

export type { EnvOutcome };

/** meta.json of a hand-written environment (env.ts + meta.json; the runtime derives tools at load time). */
export interface EnvMeta {
  id?: string;
  className?: string;
  topic?: string;
  summary?: string;
  rules?: string[];
  introduction?: string;
}

export interface EnvListItem {
  id: string;
  location: EnvLocation;
  topic?: string;
  className?: string;
  toolCount?: number;
  qualityScore?: number;
  /** undefined when there is no quality report yet. */
  kept?: boolean;
  dropReason?: string;
  /** Scenario lines in scenarios/<envId>.jsonl, or 0 when the file is absent. */
  scenarioCount: number;
  problems: ApiProblem[];
}

/** Server-side filter and order of the environment list (`/api/envs?q=&kept=&sort=&offset=&limit=`). */
export type EnvKeptFilter = 'all' | 'kept' | 'dropped';
export type EnvSortKey = 'id' | 'quality' | 'tools' | 'scenarios';

/** One page of the environment list; `total` counts the environments matching the filter. */
export interface EnvListResponse {
  total: number;
  offset: number;
  items: EnvListItem[];
  /** Over the whole out dir, regardless of the filter. */
  counts: { all: number; kept: number; dropped: number };
}

export interface EnvDetailResponse {
  id: string;
  location: EnvLocation;
  /** From the quality report, else the report outcome; dropped/ implies false. */
  kept?: boolean;
  outcome?: EnvOutcome;
  env?: EnvironmentPackage;
  meta?: EnvMeta;
  quality?: QualityReport;
  /** env.ts as written on disk (falls back to env.json's `source` in the UI). */
  source?: string;
  scenarioCount: number;
  problems: ApiProblem[];
}

/** One line of scenarios/<envId>.jsonl, summarised for the paged list (the body is fetched on its own). */
export interface ScenarioListEntry {
  /** 0-based position among the non-blank lines. */
  index: number;
  line: number;
  id?: string;
  /** The task, cut to a preview length. */
  task?: string;
  checks?: number;
  problem?: ApiProblem;
}

export interface ScenarioListResponse {
  envId: string;
  total: number;
  offset: number;
  items: ScenarioListEntry[];
  /** Every invalid line of the file (not only this page's), up to a cap. */
  problems: ApiProblem[];
}

/** `/api/envs/<envId>/scenarios/<scenarioId>`: one scenario, re-read from its line. */
export interface ScenarioDetailResponse {
  envId: string;
  line: number;
  scenario: Scenario;
}

export interface RunListItem {
  runId: string;
  summary?: RunSummary;
  /** Lines in trajectories.jsonl (valid or not); 0 when the file is absent. */
  trajectoryCount: number;
  problems: ApiProblem[];
}

export interface RunListResponse {
  items: RunListItem[];
}

/** One trajectory line, summarised for the paged list. */
export interface TrajectoryIndexEntry {
  /** 0-based position among the non-blank lines of trajectories.jsonl; the detail URL uses it. */
  index: number;
  line: number;
  id?: string;
  scenarioId?: string;
  envId?: string;
  trial?: number;
  score?: number;
  success?: boolean;
  termination?: Termination;
  messages?: number;
  problem?: ApiProblem;
}

export interface TrajectoryPage {
  runId: string;
  total: number;
  offset: number;
  items: TrajectoryIndexEntry[];
}

export interface TrajectoryDetailResponse {
  runId: string;
  index: number;
  /** Trajectories in the run, for previous/next links. */
  total: number;
  trajectory?: Trajectory;
  /** The trajectory's scenario when it can be found, for the initial state and check descriptions. */
  scenario?: Scenario;
  problems: ApiProblem[];
}

export interface FunnelStep {
  key: string;
  label: string;
  count: number;
  /** Where the number came from: a report, or counted on disk. */
  from: 'report' | 'disk';
}

/** One stage of a report's own funnel: skelbuilder stages (in → out) or scengen gates summed over envs. */
export interface FunnelDetail {
  source: string;
  stage: string;
  in: number;
  out: number;
}

/** One usage row of the summary page: a stage of a report, or a whole rollout run. */
export interface UsageRow {
  stage: string;
  promptTokens: number;
  completionTokens: number;
  costUsd?: number;
  calls?: number;
  /** Calls replayed from a cache (an earlier, interrupted run made them); their tokens are included. */
  cachedCalls?: number;
  /** Which report the row came from. */
  from: string;
}

/** One environment's trajectories in a run, counted from trajectories.jsonl. */
export interface EnvRunStats {
  envId: string;
  episodes: number;
  /** Mean reward over the scored episodes; undefined when none is scored. */
  meanReward?: number;
  /** Successes over the scored episodes. */
  successRate?: number;
  unscored: number;
}

/** Counts of a run's trajectory lines by result. */
export interface RunOutcomes {
  passed: number;
  failed: number;
  /** Valid but without a reward. */
  unscored: number;
  /** Lines that are not valid trajectories. */
  invalid: number;
}

export interface RunChartData {
  runId: string;
  summary?: RunSummary;
  /** Counts of trajectory rewards in 10 equal bins over [0, 1]. */
  rewardHistogram: number[];
  unscored: number;
  outcomes: RunOutcomes;
  /** Per environment, ordered by id. */
  perEnvironment: EnvRunStats[];
}

export interface SummaryResponse {
  funnel: FunnelStep[];
  funnelDetails: FunnelDetail[];
  stageUsage: UsageRow[];
  runs: RunChartData[];
  problems: ApiProblem[];
}

export interface ReportsResponse {
  /** report.json, validated with core's `parseBuildReport`. */
  skelbuilder?: BuildReport;
  /** Every scenarios/<envId>.report.json, validated with `parseScenarioReport`, with its file name. */
  scengen: { file: string; report: ScenarioReport }[];
  problems: ApiProblem[];
}
