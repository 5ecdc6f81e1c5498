// Reads a run's out dir for the viewer API. Every artifact is validated with core's parsers; what is
// missing is reported as absent and what is invalid becomes an ApiProblem, never an exception.
//
// Built for the paper's scale (200 environments, ~7,200 scenarios, ~28,800 trajectories, hundreds of MB of
// JSON Lines): lists are served in pages, JSON Lines files are streamed once into an index of byte offsets
// and small summaries (a record's body is re-read from its offset when asked for), and every derived value
// is cached by its file's mtime and size, so reopening a page reads nothing that has not changed.
//
// Over 400 lines: one class with a method per API endpoint, all reading through that one cache and the
// JSON Lines indexes; the pure list, filter and summary logic is already apart in ../src/model/.
import path from 'node:path';
import {
  InvalidArtifactError,
  parseArtifact,
  parseBuildReport,
  parseEnvironmentPackage,
  parseQualityReport,
  parseRunSummary,
  parseScenario,
  parseScenarioReport,
  parseTrajectory,
  type BuildReport,
  type EnvOutcome,
  type QualityReport,
  type Scenario,
  type Trajectory,
} from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import type {
  ApiProblem,
  EnvDetailResponse,
  EnvKeptFilter,
  EnvListItem,
  EnvListResponse,
  EnvLocation,
  EnvMeta,
  EnvSortKey,
  Overview,
  ReportsResponse,
  RunChartData,
  RunListItem,
  ScenarioDetailResponse,
  ScenarioListEntry,
  ScenarioListResponse,
  SummaryResponse,
  TrajectoryDetailResponse,
  TrajectoryIndexEntry,
  TrajectoryPage,
} from '../src/api.js';
import { filterEnvs, sortEnvs } from '../src/model/env-list.js';
import { runStatsAccumulator, type RunStats } from '../src/model/run-stats.js';
import { aggregateScengenReports, buildFunnel, funnelDetails, stageUsageRows } from '../src/model/summary.js';
import { nodeViewerFs, scanLines, type LineRef, type ViewerFs } from './viewer-fs.js';

/** Names used as path segments (env ids, run ids) must be plain: no separators, no `..`. */
const safeName = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function isSafeName(name: string): boolean {
  return safeName.test(name) && !name.includes('..') && name.length <= 200;
}

export class NotFound extends Error {}

/** The most rows one list request returns; larger limits are clamped to it. */
export const maxPageSize = 500;

/** Problems listed per file (invalid scenario or trajectory lines); the rest are counted in one more. */
const maxProblemsPerFile = 50;

/** A scenario's task in the list is cut to this many characters. */
const taskPreviewLength = 160;

function toProblem(error: unknown, source: string): ApiProblem {
  if (error instanceof InvalidArtifactError) {
    const { line, column } = error.details;
    const at = typeof line === 'number' ? ` at line ${line}, column ${String(column)}` : '';
    return { source, message: `Invalid ${error.artifact}${at}`, issues: error.issues };
  }
  const code = (error as { code?: string }).code;
  return { source, message: code ? `${code}: ${(error as Error).message}` : String((error as Error).message ?? error) };
}

/** `offset` ≥ 0 and 1 ≤ `limit` ≤ maxPageSize. */
export function clampPage(query: { offset: number; limit: number }): { offset: number; limit: number } {
  const offset = Number.isFinite(query.offset) ? Math.max(0, Math.floor(query.offset)) : 0;
  const limit = Number.isFinite(query.limit) ? Math.min(maxPageSize, Math.max(1, Math.floor(query.limit))) : 100;
  return { offset, limit };
}

/** Problems of a file's invalid lines, capped, with one more that counts the rest. */
function cappedProblems(problems: readonly ApiProblem[], source: string): ApiProblem[] {
  if (problems.length <= maxProblemsPerFile) return [...problems];
  const more = problems.length - maxProblemsPerFile;
  return [...problems.slice(0, maxProblemsPerFile), { source, message: `and ${more} more invalid lines` }];
}

interface Cached {
  mtimeMs: number;
  size: number;
  value: Promise<unknown>;
}

/** A JSON Lines file read once: where each non-blank line is, and a small summary of it. */
interface JsonlIndex<E> {
  refs: LineRef[];
  entries: E[];
}

interface ScenarioIndex extends JsonlIndex<ScenarioListEntry> {
  /** Scenario id → position of its (first) line. */
  byId: Map<string, number>;
  problems: ApiProblem[];
}

interface TrajectoryIndex extends JsonlIndex<TrajectoryIndexEntry> {
  stats: RunStats;
  problems: ApiProblem[];
  /** Filtered views of `entries` by filter key, so paging a filtered list does not re-filter every page. */
  filtered: Map<string, TrajectoryIndexEntry[]>;
}

/** What the environment list needs of env.json and quality.json, without the source or the quality steps. */
interface EnvSummary {
  topic: string;
  className: string;
  toolCount: number;
  quality?: QualitySummary;
}

type QualitySummary = Pick<QualityReport, 'score' | 'kept' | 'dropReason'>;

const qualitySummary = (q: QualityReport): QualitySummary => ({
  score: q.score,
  kept: q.kept,
  ...(q.dropReason === undefined ? {} : { dropReason: q.dropReason }),
});

export interface OutDirStoreOptions {
  /** The file system to read through (tests count reads with it); node:fs by default. */
  fs?: ViewerFs;
  /** Derived values kept (least recently used dropped first); default 4096. */
  cacheEntries?: number;
}

export interface EnvListQuery {
  offset: number;
  limit: number;
  q?: string;
  kept?: EnvKeptFilter;
  sort?: EnvSortKey;
}

export interface TrajectoryQuery {
  offset: number;
  limit: number;
  envId?: string;
  scenarioId?: string;
  status?: string;
}

export class OutDirStore {
  readonly outDir: string;
  private readonly fs: ViewerFs;
  private readonly cacheEntries: number;
  private readonly cache = new Map<string, Cached>();

  constructor(outDir: string, options: OutDirStoreOptions = {}) {
    this.outDir = path.resolve(outDir);
    this.fs = options.fs ?? nodeViewerFs;
    this.cacheEntries = options.cacheEntries ?? 4096;
  }

  /** Resolves a path under the out dir, refusing anything that escapes it. */
  private file(...segments: string[]): string {
    const full = path.resolve(this.outDir, ...segments);
    if (full !== this.outDir && !full.startsWith(this.outDir + path.sep)) throw new NotFound('outside the out dir');
    return full;
  }

  private rel(full: string): string {
    return path.relative(this.outDir, full).split(path.sep).join('/');
  }

  /**
   * A value derived from one file, derived again only when the file's mtime or size change. `kind` names
   * the derivation, so one file can be cached under several. Concurrent requests share one derivation
   * (the first summary of a large run must not stream its trajectories twice). undefined when absent.
   */
  private async memo<T>(full: string, kind: string, load: () => Promise<T>): Promise<T | undefined> {
    const key = `${kind}\0${full}`;
    let info;
    try {
      info = await this.fs.stat(full);
    } catch {
      this.cache.delete(key);
      return undefined;
    }
    const hit = this.cache.get(key);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) {
      // Least recently used order: a hit moves to the end.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = load();
    this.cache.delete(key);
    this.cache.set(key, { mtimeMs: info.mtimeMs, size: info.size, value });
    value.catch(() => {
      if (this.cache.get(key)?.value === value) this.cache.delete(key);
    });
    while (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return value;
  }

  private cachedText<T>(full: string, kind: string, derive: (text: string) => T): Promise<T | undefined> {
    return this.memo(full, kind, async () => derive(await this.fs.readFile(full)));
  }

  private async listDir(dir: string, kind: 'dir' | 'file'): Promise<string[]> {
    try {
      const entries = await this.fs.readdir(dir);
      return entries
        .filter((e) => (kind === 'dir' ? e.isDirectory() : e.isFile()))
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  }

  private isDir(dir: string): Promise<boolean> {
    return this.fs.stat(dir).then((s) => s.isDirectory(), () => false);
  }

  /** A JSON file parsed and validated, then `pick`ed; absent → {}, invalid → problem. */
  private async readArtifact<T, R = T>(
    full: string,
    parse: (value: unknown, source?: string) => T,
    options: {
      /** What the file is called in a syntax error (default "JSON"). */
      artifact?: string;
      /** Keep only this much of the value in the cache (the env list needs a few fields of env.json). */
      pick?: (value: T) => R;
      kind?: string;
    } = {},
  ): Promise<{ value?: R; problem?: ApiProblem }> {
    const source = this.rel(full);
    const { artifact, pick } = options;
    try {
      const result = await this.cachedText(full, options.kind ?? 'artifact', (text) => {
        try {
          const value = parseArtifact({ text, source, parse, ...(artifact ? { artifact } : {}) });
          return { value: pick ? pick(value) : (value as unknown as R) } as { value?: R; problem?: ApiProblem };
        } catch (error) {
          return { problem: toProblem(error, source) };
        }
      });
      return result ?? {};
    } catch (error) {
      return { problem: toProblem(error, source) };
    }
  }

  /** Streams a JSON Lines file once into line positions and per-line summaries. */
  private async indexJsonl<E>(
    full: string,
    summarise: (text: string, index: number, ref: LineRef, where: string, source: string) => E,
  ): Promise<JsonlIndex<E>> {
    const source = this.rel(full);
    const refs: LineRef[] = [];
    const entries: E[] = [];
    await scanLines({
      chunks: this.fs.stream(full),
      onLine: (text, ref) => {
        entries.push(summarise(text, refs.length, ref, `${source}:${ref.line}`, source));
        refs.push(ref);
      },
    });
    return { refs, entries };
  }

  /** One line of a JSON Lines file, re-read from its byte range, parsed (not validated). */
  private async readLine(full: string, ref: LineRef): Promise<{ value?: unknown; problem?: ApiProblem }> {
    const source = this.rel(full);
    const where = `${source}:${ref.line}`;
    try {
      const bytes = await this.fs.readRange({ file: full, start: ref.start, length: ref.length });
      return { value: parseJsonLine(bytes.toString('utf8'), source, ref.line) };
    } catch (error) {
      return { problem: toProblem(error, where) };
    }
  }

  async envIds(): Promise<string[]> {
    return (await this.listDir(this.file('envs'), 'dir')).filter(isSafeName);
  }

  async runIds(): Promise<string[]> {
    return (await this.listDir(this.file('rollouts'), 'dir')).filter(isSafeName);
  }

  /** Non-blank lines of scenarios/<envId>.jsonl, counted by streaming (no parsing); 0 when absent. */
  private async scenarioCount(envId: string): Promise<number> {
    const full = this.file('scenarios', `${envId}.jsonl`);
    const count = await this.memo(full, 'line-count', async () => {
      let n = 0;
      await scanLines({ chunks: this.fs.stream(full), onLine: () => (n += 1) });
      return n;
    });
    return count ?? 0;
  }

  /** scenarios/<envId>.jsonl indexed: each line's position, id, task preview and check count, or its problem. */
  private async scenarioIndex(envId: string): Promise<ScenarioIndex> {
    const full = this.file('scenarios', `${envId}.jsonl`);
    const index = await this.memo(full, 'scenario-index', async () => {
      const byId = new Map<string, number>();
      const problems: ApiProblem[] = [];
      const base = await this.indexJsonl(full, (text, index, ref, where, source): ScenarioListEntry => {
        const entry: ScenarioListEntry = { index, line: ref.line };
        let value: unknown;
        try {
          value = parseJsonLine(text, source, ref.line);
          const s = parseScenario(value, where);
          entry.id = s.id;
          entry.task = s.task.length > taskPreviewLength ? `${s.task.slice(0, taskPreviewLength - 1)}…` : s.task;
          entry.checks = s.checklist.length;
          if (!byId.has(s.id)) byId.set(s.id, index);
        } catch (error) {
          entry.problem = toProblem(error, where);
          problems.push(entry.problem);
          const id = (value as { id?: unknown } | undefined)?.id;
          if (typeof id === 'string') entry.id = id;
        }
        return entry;
      });
      return { ...base, byId, problems: cappedProblems(problems, this.rel(full)) };
    });
    return index ?? { refs: [], entries: [], byId: new Map(), problems: [] };
  }

  async overview(): Promise<Overview> {
    const [envIds, runIds, scenarioFiles, skel, scengen] = await Promise.all([
      this.envIds(),
      this.runIds(),
      this.listDir(this.file('scenarios'), 'file'),
      this.skelbuilderReportPath(),
      this.scengenReportPaths(),
    ]);
    return {
      outDir: this.outDir,
      envCount: envIds.length,
      runIds,
      scenarioFiles: scenarioFiles.filter((f) => f.endsWith('.jsonl')).length,
      hasSkelbuilderReport: skel !== undefined,
      scengenReports: scengen.length,
    };
  }

  /** skelbuilder's report.json, validated (`parseBuildReport`); a corrupt one is a problem naming the file. */
  private async buildReport(): Promise<{ value?: BuildReport; problem?: ApiProblem }> {
    const full = await this.skelbuilderReportPath();
    return full ? this.readArtifact(full, parseBuildReport, { artifact: 'BuildReport' }) : {};
  }

  /** skelbuilder's per-environment outcomes from report.json (`envs`); none when it is missing or invalid. */
  private async reportOutcomes(): Promise<Map<string, EnvOutcome>> {
    const report = (await this.buildReport()).value;
    const map = new Map<string, EnvOutcome>();
    for (const outcome of report?.envs ?? []) if (isSafeName(outcome.envId)) map.set(outcome.envId, outcome);
    return map;
  }

  /**
   * Every environment, ordered by id: kept ones (envs/), dropped ones skelbuilder kept the source of
   * (dropped/) and report-only outcomes. Each item comes from a few small cached reads.
   */
  private async allEnvItems(): Promise<EnvListItem[]> {
    const [kept, dropped, outcomes] = await Promise.all([
      this.envIds(),
      this.listDir(this.file('dropped'), 'dir'),
      this.reportOutcomes(),
    ]);
    const locations = new Map<string, EnvLocation>();
    for (const id of outcomes.keys()) locations.set(id, 'report');
    for (const id of dropped.filter(isSafeName)) locations.set(id, 'dropped');
    for (const id of kept) locations.set(id, 'envs');
    const ids = [...locations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return mapConcurrent({
      items: ids,
      concurrency: 8,
      fn: (id) => this.envListItem(id, locations.get(id)!, outcomes.get(id)),
    });
  }

  /** One page of the environment list, filtered and ordered on the server. */
  async envList(query: EnvListQuery): Promise<EnvListResponse> {
    const all = await this.allEnvItems();
    const { offset, limit } = clampPage(query);
    const shown = sortEnvs(filterEnvs(all, query.q ?? '', query.kept ?? 'all'), query.sort ?? 'id');
    return {
      total: shown.length,
      offset,
      items: shown.slice(offset, offset + limit),
      counts: {
        all: all.length,
        kept: all.filter((e) => e.kept === true).length,
        dropped: all.filter((e) => e.kept === false).length,
      },
    };
  }

  /** The list row of one environment: env.json and quality.json reduced to a few fields, no env.ts. */
  private async envListItem(id: string, location: EnvLocation, outcome: EnvOutcome | undefined): Promise<EnvListItem> {
    const item: EnvListItem = { id, location, scenarioCount: await this.scenarioCount(id), problems: [] };
    let env: EnvSummary | undefined;
    let quality: QualitySummary | undefined;
    let meta: EnvMeta | undefined;
    if (location !== 'report') {
      const dir = this.file(location, id);
      const [envRead, qualityRead, metaRead] = await Promise.all([
        this.readArtifact(path.join(dir, 'env.json'), parseEnvironmentPackage, {
          kind: 'env-summary',
          pick: (e): EnvSummary => ({
            topic: e.topic,
            className: e.className,
            toolCount: e.tools.length,
            ...(e.provenance.quality ? { quality: qualitySummary(e.provenance.quality) } : {}),
          }),
        }),
        this.readArtifact(path.join(dir, 'quality.json'), parseQualityReport, { kind: 'quality-summary', pick: qualitySummary }),
        this.readArtifact(path.join(dir, 'meta.json'), readMeta),
      ]);
      item.problems = envProblems({ id, location, env: envRead, meta: metaRead, quality: qualityRead });
      env = envRead.value;
      meta = metaRead.value;
      quality = qualityRead.value ?? env?.quality;
    }
    const topic = env?.topic ?? meta?.topic ?? outcome?.topic;
    const className = env?.className ?? meta?.className ?? outcome?.className;
    if (topic !== undefined) item.topic = topic;
    if (className !== undefined) item.className = className;
    if (env) item.toolCount = env.toolCount;
    const score = quality?.score ?? outcome?.qualityScore;
    if (score !== undefined) item.qualityScore = score;
    const kept = keptOf({ quality, outcome, location });
    if (kept !== undefined) item.kept = kept;
    const reason = outcome?.reason ?? quality?.dropReason;
    if (kept === false && reason) item.dropReason = outcome?.stage ? `${outcome.stage}: ${reason}` : reason;
    return item;
  }

  async envDetail(id: string): Promise<EnvDetailResponse> {
    if (!isSafeName(id)) throw new NotFound(`no environment ${id}`);
    const outcomes = await this.reportOutcomes();
    const outcome = outcomes.get(id);
    let location: EnvLocation;
    if (await this.isDir(this.file('envs', id))) location = 'envs';
    else if (await this.isDir(this.file('dropped', id))) location = 'dropped';
    else if (outcome) location = 'report';
    else throw new NotFound(`no environment ${id}`);
    const out: EnvDetailResponse = { id, location, scenarioCount: await this.scenarioCount(id), problems: [] };
    if (outcome) out.outcome = outcome;
    if (location !== 'report') {
      const dir = this.file(location, id);
      const [env, quality, source, meta] = await Promise.all([
        this.readArtifact(path.join(dir, 'env.json'), parseEnvironmentPackage),
        this.readArtifact(path.join(dir, 'quality.json'), parseQualityReport),
        this.cachedText(path.join(dir, 'env.ts'), 'text', (text) => text).catch(() => undefined),
        this.readArtifact(path.join(dir, 'meta.json'), readMeta),
      ]);
      out.problems = envProblems({ id, location, env, meta, quality });
      if (meta.value && !env.value) out.meta = meta.value;
      if (env.value) out.env = env.value;
      const q: QualityReport | undefined = quality.value ?? env.value?.provenance.quality;
      if (q) out.quality = q;
      if (source !== undefined) out.source = source;
    }
    const kept = keptOf({ quality: out.quality, outcome, location });
    if (kept !== undefined) out.kept = kept;
    return out;
  }

  /** One page of an environment's scenarios (summaries; `scenario` serves a body). */
  async scenarioPage(envId: string, query: { offset: number; limit: number }): Promise<ScenarioListResponse> {
    await this.envDetail(envId); // 404 for unknown environments
    const index = await this.scenarioIndex(envId);
    const { offset, limit } = clampPage(query);
    return { envId, total: index.entries.length, offset, items: index.entries.slice(offset, offset + limit), problems: index.problems };
  }

  /** One scenario by id, re-read from its line of scenarios/<envId>.jsonl. */
  async scenario(envId: string, scenarioId: string): Promise<ScenarioDetailResponse> {
    if (!isSafeName(envId)) throw new NotFound(`no environment ${envId}`);
    const found = await this.findScenario(envId, scenarioId);
    if (!found) throw new NotFound(`environment ${envId} has no scenario ${scenarioId}`);
    return { envId, line: found.line, scenario: found.scenario };
  }

  async findScenario(envId: string, scenarioId: string): Promise<{ line: number; scenario: Scenario } | undefined> {
    if (!isSafeName(envId)) return undefined;
    const index = await this.scenarioIndex(envId);
    const position = index.byId.get(scenarioId);
    const ref = position === undefined ? undefined : index.refs[position];
    if (!ref) return undefined;
    const full = this.file('scenarios', `${envId}.jsonl`);
    const read = await this.readLine(full, ref);
    try {
      return { line: ref.line, scenario: parseScenario(read.value, `${this.rel(full)}:${ref.line}`) };
    } catch {
      return undefined; // the file changed since it was indexed; the next index sees it
    }
  }

  async runList(): Promise<RunListItem[]> {
    const ids = await this.runIds();
    return Promise.all(ids.map((runId) => this.runItem(runId)));
  }

  async runItem(runId: string): Promise<RunListItem> {
    if (!isSafeName(runId)) throw new NotFound(`no run ${runId}`);
    const dir = this.file('rollouts', runId);
    if (!(await this.isDir(dir))) throw new NotFound(`no run ${runId}`);
    const [summary, index] = await Promise.all([
      this.readArtifact(path.join(dir, 'summary.json'), parseRunSummary),
      this.trajectoryIndex(runId),
    ]);
    const item: RunListItem = { runId, trajectoryCount: index.entries.length, problems: [] };
    if (summary.value) item.summary = summary.value;
    if (summary.problem) item.problems.push(summary.problem);
    return item;
  }

  /**
   * trajectories.jsonl streamed once: byte range and summary of every line, and the run's outcome counts,
   * reward histogram and per-environment figures. Rebuilt when the file changes.
   */
  private async trajectoryIndex(runId: string): Promise<TrajectoryIndex> {
    const full = this.file('rollouts', runId, 'trajectories.jsonl');
    const index = await this.memo(full, 'trajectory-index', async () => {
      const stats = runStatsAccumulator();
      const problems: ApiProblem[] = [];
      const base = await this.indexJsonl(full, (text, index, ref, where, source) => {
        const entry = summariseTrajectory(text, index, { line: ref.line, where, source });
        stats.add(entry);
        if (entry.problem) problems.push(entry.problem);
        return entry;
      });
      return { ...base, stats: stats.result(), problems: cappedProblems(problems, this.rel(full)), filtered: new Map() };
    });
    return index ?? { refs: [], entries: [], stats: runStatsAccumulator().result(), problems: [], filtered: new Map() };
  }

  async trajectoryPage(runId: string, query: TrajectoryQuery): Promise<TrajectoryPage> {
    await this.runItem(runId); // 404 for unknown runs
    const index = await this.trajectoryIndex(runId);
    const entries = filterTrajectories(index, query);
    const { offset, limit } = clampPage(query);
    return { runId, total: entries.length, offset, items: entries.slice(offset, offset + limit) };
  }

  async trajectory(runId: string, position: number): Promise<TrajectoryDetailResponse> {
    await this.runItem(runId);
    const index = await this.trajectoryIndex(runId);
    const ref = index.refs[position];
    if (!ref) throw new NotFound(`run ${runId} has no trajectory ${position}`);
    const full = this.file('rollouts', runId, 'trajectories.jsonl');
    const where = `${this.rel(full)}:${ref.line}`;
    const out: TrajectoryDetailResponse = { runId, index: position, total: index.refs.length, problems: [] };
    const read = await this.readLine(full, ref);
    if (read.problem) {
      out.problems.push(read.problem);
      return out;
    }
    let trajectory: Trajectory;
    try {
      trajectory = parseTrajectory(read.value, where);
    } catch (error) {
      out.problems.push(toProblem(error, where));
      return out;
    }
    out.trajectory = trajectory;
    const scenario = await this.findScenario(trajectory.envId, trajectory.scenarioId);
    if (scenario) out.scenario = scenario.scenario;
    else {
      out.problems.push({
        source: `scenarios/${trajectory.envId}.jsonl`,
        message: `scenario ${trajectory.scenarioId} not found; no initial state to diff against`,
      });
    }
    return out;
  }

  private async skelbuilderReportPath(): Promise<string | undefined> {
    const full = this.file('report.json');
    return this.fs.stat(full).then(() => full, () => undefined);
  }

  /** scengen's reports: one scenarios/<envId>.report.json per environment. */
  private async scengenReportPaths(): Promise<string[]> {
    const files = await this.listDir(this.file('scenarios'), 'file');
    return files.filter((f) => f.endsWith('.report.json')).map((f) => this.file('scenarios', f));
  }

  async reports(): Promise<ReportsResponse> {
    const out: ReportsResponse = { scengen: [], problems: [] };
    const skel = await this.buildReport();
    if (skel.problem) out.problems.push(skel.problem);
    else if (skel.value) out.skelbuilder = skel.value;
    const files = await this.scengenReportPaths();
    const reads = await mapConcurrent({
      items: files,
      concurrency: 8,
      fn: (file) => this.readArtifact(file, parseScenarioReport, { artifact: 'ScenarioReport' }),
    });
    reads.forEach((r, i) => {
      if (r.problem) out.problems.push(r.problem);
      else if (r.value) out.scengen.push({ file: this.rel(files[i]!), report: r.value });
    });
    return out;
  }

  async summary(): Promise<SummaryResponse> {
    const [reports, envs, runs] = await Promise.all([this.reports(), this.allEnvItems(), this.runList()]);
    const problems = [...reports.problems];
    const scengen = aggregateScengenReports(reports.scengen.map((r) => r.report));
    const funnel = buildFunnel({
      skelbuilder: reports.skelbuilder,
      ...(scengen.reports > 0 ? { scengen: scengen.counts } : {}),
      disk: {
        envs: envs.length,
        // envs/ holds the kept environments (skelbuilder moves dropped ones to dropped/), hand-written ones included.
        keptEnvs: envs.filter((e) => e.location === 'envs' && e.kept !== false).length,
        scenarios: envs.reduce((n, e) => n + e.scenarioCount, 0),
      },
    });
    const stageUsage = [
      ...(reports.skelbuilder ? stageUsageRows(reports.skelbuilder.tokens, 'report.json') : []),
      ...scengen.usage.map((row) => ({ ...row, from: 'scenarios/*.report.json' })),
    ];
    const details = [...funnelDetails(reports.skelbuilder, 'skelbuilder'), ...scengen.details];
    const runCharts: RunChartData[] = [];
    for (const run of runs) {
      problems.push(...run.problems);
      const index = await this.trajectoryIndex(run.runId);
      problems.push(...index.problems);
      const { stats } = index;
      const chart: RunChartData = {
        runId: run.runId,
        rewardHistogram: stats.rewardHistogram,
        unscored: stats.unscored,
        outcomes: stats.outcomes,
        perEnvironment: stats.perEnvironment,
      };
      if (run.summary) {
        chart.summary = run.summary;
        stageUsage.push({
          stage: `rollouts ${run.runId}`,
          promptTokens: run.summary.usage.promptTokens,
          completionTokens: run.summary.usage.completionTokens,
          ...(run.summary.usage.costUsd === undefined ? {} : { costUsd: run.summary.usage.costUsd }),
          from: `rollouts/${run.runId}/summary.json`,
        });
      }
      runCharts.push(chart);
    }
    return { funnel, funnelDetails: details, stageUsage, runs: runCharts, problems };
  }
}

/** Filtered trajectory entries, remembered per filter (a handful) so paging through them stays cheap. */
function filterTrajectories(index: TrajectoryIndex, query: TrajectoryQuery): TrajectoryIndexEntry[] {
  const { envId, scenarioId, status } = query;
  if (!envId && !scenarioId && !status) return index.entries;
  const key = JSON.stringify([envId ?? '', scenarioId ?? '', status ?? '']);
  const hit = index.filtered.get(key);
  if (hit) return hit;
  const entries = index.entries.filter(
    (e) =>
      (!envId || e.envId === envId) &&
      (!scenarioId || e.scenarioId === scenarioId) &&
      (status === 'passed'
        ? e.success === true
        : status === 'failed'
          ? e.success === false
          : status === 'invalid'
            ? e.problem !== undefined
            : true),
  );
  if (index.filtered.size >= 16) index.filtered.clear();
  index.filtered.set(key, entries);
  return entries;
}

/** Kept from the quality report, else the report outcome; dropped/ implies false. */
function keptOf(options: {
  quality: Pick<QualityReport, 'kept'> | undefined;
  outcome: EnvOutcome | undefined;
  location: EnvLocation;
}): boolean | undefined {
  const { quality, outcome, location } = options;
  return (
    quality?.kept ??
    (outcome?.status === 'kept' ? true : outcome?.status === 'dropped' ? false : undefined) ??
    (location === 'dropped' ? false : undefined)
  );
}

/** The problems of an environment's files, the same for its list row and its page. */
function envProblems(options: {
  id: string;
  location: EnvLocation;
  env: { value?: unknown; problem?: ApiProblem };
  meta: { value?: unknown; problem?: ApiProblem };
  quality: { problem?: ApiProblem };
}): ApiProblem[] {
  const { id, location, env, meta, quality } = options;
  const problems: ApiProblem[] = [];
  if (env.problem) problems.push(env.problem);
  // skelbuilder writes env.json only for kept environments; dropped/ holds just env.ts and quality.json.
  // Hand-written environments carry meta.json instead (the runtime derives tools when loading them).
  else if (!env.value && !meta.value && location === 'envs') {
    problems.push({ source: `envs/${id}/env.json`, message: 'missing (and no meta.json)' });
  }
  if (meta.problem) problems.push(meta.problem);
  if (quality.problem) problems.push(quality.problem);
  return problems;
}

/** One line of a JSON Lines file; a syntax error is INVALID_ARTIFACT at `source:line:column`. */
function parseJsonLine(text: string, source: string, line: number): unknown {
  return parseArtifact({ text, source, line, artifact: 'JSON line' });
}

/** meta.json, read field by field: only what the viewer shows, wrong types dropped. */
function readMeta(raw: unknown): EnvMeta {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidArtifactError({ artifact: 'meta.json', issues: [{ path: '$', message: 'must be an object' }] });
  }
  const r = raw as Record<string, unknown>;
  const meta: EnvMeta = {};
  for (const key of ['id', 'className', 'topic', 'summary', 'introduction'] as const) {
    const value = r[key];
    if (typeof value === 'string') meta[key] = value;
  }
  if (Array.isArray(r.rules)) meta.rules = r.rules.filter((x): x is string => typeof x === 'string');
  return meta;
}

function summariseTrajectory(
  raw: string,
  index: number,
  at: { line: number; where: string; source: string },
): TrajectoryIndexEntry {
  const { line, where } = at;
  const entry: TrajectoryIndexEntry = { index, line };
  let value: unknown;
  try {
    value = parseJsonLine(raw, at.source, line);
  } catch (error) {
    entry.problem = toProblem(error, where);
    return entry;
  }
  try {
    const t = parseTrajectory(value, where);
    entry.id = t.id;
    entry.scenarioId = t.scenarioId;
    entry.envId = t.envId;
    entry.trial = t.trial;
    entry.termination = t.termination;
    entry.messages = t.messages.length;
    if (t.reward) {
      entry.score = t.reward.score;
      entry.success = t.reward.success;
    }
  } catch (error) {
    entry.problem = toProblem(error, where);
    // Keep what can be read so the row still says which trajectory it is.
    const v = value as Partial<Trajectory>;
    if (typeof v?.id === 'string') entry.id = v.id;
    if (typeof v?.scenarioId === 'string') entry.scenarioId = v.scenarioId;
    if (typeof v?.envId === 'string') entry.envId = v.envId;
  }
  return entry;
}
