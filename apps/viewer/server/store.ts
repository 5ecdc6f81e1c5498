// Reads a run's out dir for the viewer API. Every artifact is validated with core's parsers; what is
// missing is reported as absent and what is invalid becomes an ApiProblem, never an exception.
import { open, readFile, readdir, stat } from 'node:fs/promises';
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
  EnvListItem,
  EnvMeta,
  Overview,
  ReportsResponse,
  RunListItem,
  ScenarioItem,
  SummaryResponse,
  TrajectoryDetailResponse,
  TrajectoryIndexEntry,
  TrajectoryPage,
} from '../src/api.js';
import {
  aggregateScengenReports,
  buildFunnel,
  funnelDetails,
  rewardHistogram,
  stageUsageRows,
} from '../src/model/summary.js';

/** Names used as path segments (env ids, run ids) must be plain: no separators, no `..`. */
const safeName = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function isSafeName(name: string): boolean {
  return safeName.test(name) && !name.includes('..') && name.length <= 200;
}

export class NotFound extends Error {}

function toProblem(error: unknown, source: string): ApiProblem {
  if (error instanceof InvalidArtifactError) {
    const { line, column } = error.details;
    const at = typeof line === 'number' ? ` at line ${line}, column ${String(column)}` : '';
    return { source, message: `Invalid ${error.artifact}${at}`, issues: error.issues };
  }
  const code = (error as { code?: string }).code;
  if (error instanceof SyntaxError) return { source, message: `Not valid JSON: ${error.message}` };
  return { source, message: code ? `${code}: ${(error as Error).message}` : String((error as Error).message ?? error) };
}

interface Cached<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

interface JsonlLine {
  index: number;
  line: number;
  start: number;
  length: number;
}

interface TrajectoryIndex {
  lines: JsonlLine[];
  entries: TrajectoryIndexEntry[];
}

export class OutDirStore {
  readonly outDir: string;
  private readonly cache = new Map<string, Cached<unknown>>();

  constructor(outDir: string) {
    this.outDir = path.resolve(outDir);
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
   * Reads and derives a value from a file, re-deriving only when its mtime or size change. `kind` names the
   * derivation, so one file can be cached under several (report.json: raw JSON and env outcomes).
   */
  private async cached<T>(full: string, derive: (text: string) => T, kind = 'default'): Promise<T | undefined> {
    let info;
    try {
      info = await stat(full);
    } catch {
      this.cache.delete(`${kind}\0${full}`);
      return undefined;
    }
    const key = `${kind}\0${full}`;
    const hit = this.cache.get(key);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.value as T;
    const text = await readFile(full, 'utf8');
    const value = derive(text);
    this.cache.set(key, { mtimeMs: info.mtimeMs, size: info.size, value });
    return value;
  }

  private async listDir(dir: string, kind: 'dir' | 'file'): Promise<string[]> {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries
        .filter((e) => (kind === 'dir' ? e.isDirectory() : e.isFile()))
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  }

  /** A JSON file parsed and validated; absent → undefined, invalid → problem. */
  private async readArtifact<T>(
    full: string,
    parse: (value: unknown, source?: string) => T,
    /** What the file is called in a syntax error (default "JSON"). */
    artifact?: string,
  ): Promise<{ value?: T; problem?: ApiProblem }> {
    const source = this.rel(full);
    try {
      const result = await this.cached(full, (text) => {
        try {
          return { value: parseArtifact({ text, source, parse, artifact }) } as { value?: T; problem?: ApiProblem };
        } catch (error) {
          return { problem: toProblem(error, source) };
        }
      });
      return result ?? {};
    } catch (error) {
      return { problem: toProblem(error, source) };
    }
  }

  async envIds(): Promise<string[]> {
    return (await this.listDir(this.file('envs'), 'dir')).filter(isSafeName);
  }

  async runIds(): Promise<string[]> {
    return (await this.listDir(this.file('rollouts'), 'dir')).filter(isSafeName);
  }

  private async scenarioLines(envId: string): Promise<ScenarioItem[]> {
    const full = this.file('scenarios', `${envId}.jsonl`);
    const source = this.rel(full);
    const items = await this.cached(full, (text) => {
      const out: ScenarioItem[] = [];
      text.split('\n').forEach((raw, i) => {
        if (raw.trim() === '') return;
        const where = `${source}:${i + 1}`;
        try {
          out.push({ line: i + 1, scenario: parseScenario(JSON.parse(raw), where) });
        } catch (error) {
          out.push({ line: i + 1, problem: toProblem(error, where) });
        }
      });
      return out;
    }, 'scenarios');
    return items ?? [];
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
    return full ? this.readArtifact(full, parseBuildReport, 'BuildReport') : {};
  }

  /** skelbuilder's per-environment outcomes from report.json (`envs`); none when it is missing or invalid. */
  private async reportOutcomes(): Promise<Map<string, EnvOutcome>> {
    const report = (await this.buildReport()).value;
    const map = new Map<string, EnvOutcome>();
    for (const outcome of report?.envs ?? []) if (isSafeName(outcome.envId)) map.set(outcome.envId, outcome);
    return map;
  }

  /** Kept envs (envs/), dropped ones skelbuilder kept the source of (dropped/), and report-only outcomes. */
  async envList(): Promise<EnvListItem[]> {
    const [kept, dropped, outcomes] = await Promise.all([
      this.envIds(),
      this.listDir(this.file('dropped'), 'dir'),
      this.reportOutcomes(),
    ]);
    const ids = [...new Set([...kept, ...dropped.filter(isSafeName), ...outcomes.keys()])];
    // Bounded concurrency: a few hundred envs, each a few small reads (cached afterwards).
    const items = await mapConcurrent({ items: ids, concurrency: 8, fn: (id) => this.envListItem(id) });
    return items.sort((a, b) => a.id.localeCompare(b.id));
  }

  private async envListItem(id: string): Promise<EnvListItem> {
    const detail = await this.envDetail(id);
    const quality = detail.quality;
    const outcome = detail.outcome;
    const item: EnvListItem = {
      id,
      location: detail.location,
      scenarioCount: detail.scenarioCount,
      problems: detail.problems,
    };
    const topic = detail.env?.topic ?? detail.meta?.topic ?? outcome?.topic;
    const className = detail.env?.className ?? detail.meta?.className ?? outcome?.className;
    if (topic !== undefined) item.topic = topic;
    if (className !== undefined) item.className = className;
    if (detail.env) item.toolCount = detail.env.tools.length;
    const score = quality?.score ?? outcome?.qualityScore;
    if (score !== undefined) item.qualityScore = score;
    if (detail.kept !== undefined) item.kept = detail.kept;
    const reason = outcome?.reason ?? quality?.dropReason;
    if (detail.kept === false && reason) item.dropReason = outcome?.stage ? `${outcome.stage}: ${reason}` : reason;
    return item;
  }

  async envDetail(id: string): Promise<EnvDetailResponse> {
    if (!isSafeName(id)) throw new NotFound(`no environment ${id}`);
    const isDir = (dir: string) => stat(dir).then((s) => s.isDirectory(), () => false);
    const outcomes = await this.reportOutcomes();
    const outcome = outcomes.get(id);
    let location: EnvDetailResponse['location'];
    if (await isDir(this.file('envs', id))) location = 'envs';
    else if (await isDir(this.file('dropped', id))) location = 'dropped';
    else if (outcome) location = 'report';
    else throw new NotFound(`no environment ${id}`);
    const scenarios = await this.scenarioLines(id);
    const out: EnvDetailResponse = { id, location, scenarioCount: scenarios.length, problems: [] };
    if (outcome) out.outcome = outcome;
    if (location !== 'report') {
      const dir = this.file(location, id);
      const [env, quality, source, meta] = await Promise.all([
        this.readArtifact(path.join(dir, 'env.json'), parseEnvironmentPackage),
        this.readArtifact(path.join(dir, 'quality.json'), parseQualityReport),
        this.cached(path.join(dir, 'env.ts'), (text) => text, 'text').catch(() => undefined),
        this.readArtifact(path.join(dir, 'meta.json'), readMeta),
      ]);
      if (env.problem) out.problems.push(env.problem);
      // skelbuilder writes env.json only for kept environments; dropped/ holds just env.ts and quality.json.
      // Hand-written environments carry meta.json instead (the runtime derives tools when loading them).
      else if (!env.value && !meta.value && location === 'envs') {
        out.problems.push({ source: `envs/${id}/env.json`, message: 'missing (and no meta.json)' });
      }
      if (meta.problem) out.problems.push(meta.problem);
      if (meta.value && !env.value) out.meta = meta.value;
      if (quality.problem) out.problems.push(quality.problem);
      if (env.value) out.env = env.value;
      const q: QualityReport | undefined = quality.value ?? env.value?.provenance.quality;
      if (q) out.quality = q;
      if (source !== undefined) out.source = source;
    }
    const kept =
      out.quality?.kept ??
      (outcome?.status === 'kept' ? true : outcome?.status === 'dropped' ? false : undefined) ??
      (location === 'dropped' ? false : undefined);
    if (kept !== undefined) out.kept = kept;
    return out;
  }

  async scenarios(envId: string): Promise<ScenarioItem[]> {
    if (!isSafeName(envId)) throw new NotFound(`no environment ${envId}`);
    return this.scenarioLines(envId);
  }

  async findScenario(envId: string, scenarioId: string): Promise<Scenario | undefined> {
    if (!isSafeName(envId)) return undefined;
    const items = await this.scenarioLines(envId);
    return items.find((item) => item.scenario?.id === scenarioId)?.scenario;
  }

  async runList(): Promise<RunListItem[]> {
    const ids = await this.runIds();
    return Promise.all(ids.map((runId) => this.runItem(runId)));
  }

  async runItem(runId: string): Promise<RunListItem> {
    if (!isSafeName(runId)) throw new NotFound(`no run ${runId}`);
    const dir = this.file('rollouts', runId);
    const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!exists) throw new NotFound(`no run ${runId}`);
    const [summary, index] = await Promise.all([
      this.readArtifact(path.join(dir, 'summary.json'), parseRunSummary),
      this.trajectoryIndex(runId),
    ]);
    const item: RunListItem = { runId, trajectoryCount: index.entries.length, problems: [] };
    if (summary.value) item.summary = summary.value;
    if (summary.problem) item.problems.push(summary.problem);
    return item;
  }

  /** Byte offsets and a summary of every trajectory line; rebuilt when the file changes. */
  private async trajectoryIndex(runId: string): Promise<TrajectoryIndex> {
    const full = this.file('rollouts', runId, 'trajectories.jsonl');
    const source = this.rel(full);
    const index = await this.cached(full, (text) => {
      const lines: JsonlLine[] = [];
      const entries: TrajectoryIndexEntry[] = [];
      let start = 0;
      let lineNo = 0;
      const buffer = Buffer.from(text, 'utf8');
      while (start < buffer.length) {
        let end = buffer.indexOf(10, start);
        if (end === -1) end = buffer.length;
        lineNo += 1;
        const raw = buffer.toString('utf8', start, end);
        if (raw.trim() !== '') {
          const position = lines.length;
          lines.push({ index: position, line: lineNo, start, length: end - start });
          entries.push(summariseTrajectory(raw, position, lineNo, `${source}:${lineNo}`));
        }
        start = end + 1;
      }
      return { lines, entries };
    }, 'trajectories');
    return index ?? { lines: [], entries: [] };
  }

  async trajectoryPage(
    runId: string,
    query: { offset: number; limit: number; envId?: string; scenarioId?: string; status?: string },
  ): Promise<TrajectoryPage> {
    await this.runItem(runId); // 404 for unknown runs
    const index = await this.trajectoryIndex(runId);
    let entries = index.entries;
    if (query.envId) entries = entries.filter((e) => e.envId === query.envId);
    if (query.scenarioId) entries = entries.filter((e) => e.scenarioId === query.scenarioId);
    if (query.status === 'passed') entries = entries.filter((e) => e.success === true);
    else if (query.status === 'failed') entries = entries.filter((e) => e.success === false);
    else if (query.status === 'invalid') entries = entries.filter((e) => e.problem !== undefined);
    const offset = Math.max(0, query.offset);
    const limit = Math.min(500, Math.max(1, query.limit));
    return { runId, total: entries.length, offset, items: entries.slice(offset, offset + limit) };
  }

  async trajectory(runId: string, position: number): Promise<TrajectoryDetailResponse> {
    await this.runItem(runId);
    const index = await this.trajectoryIndex(runId);
    const entry = index.lines[position];
    if (!entry) throw new NotFound(`run ${runId} has no trajectory ${position}`);
    const full = this.file('rollouts', runId, 'trajectories.jsonl');
    const where = `${this.rel(full)}:${entry.line}`;
    const handle = await open(full, 'r');
    let raw: string;
    try {
      const buffer = Buffer.alloc(entry.length);
      await handle.read(buffer, 0, entry.length, entry.start);
      raw = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
    const out: TrajectoryDetailResponse = { runId, index: position, total: index.lines.length, problems: [] };
    let trajectory: Trajectory;
    try {
      trajectory = parseTrajectory(JSON.parse(raw), where);
    } catch (error) {
      out.problems.push(toProblem(error, where));
      return out;
    }
    out.trajectory = trajectory;
    const scenario = await this.findScenario(trajectory.envId, trajectory.scenarioId);
    if (scenario) out.scenario = scenario;
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
    return stat(full).then(() => full, () => undefined);
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
    for (const file of await this.scengenReportPaths()) {
      const r = await this.readArtifact(file, parseScenarioReport, 'ScenarioReport');
      if (r.problem) out.problems.push(r.problem);
      else if (r.value) out.scengen.push({ file: this.rel(file), report: r.value });
    }
    return out;
  }

  async summary(): Promise<SummaryResponse> {
    const [reports, envs, runs] = await Promise.all([this.reports(), this.envList(), this.runList()]);
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
    const runCharts = await Promise.all(
      runs.map(async (run) => {
        problems.push(...run.problems);
        const index = await this.trajectoryIndex(run.runId);
        const scores = index.entries.flatMap((e) => (e.score === undefined ? [] : [e.score]));
        const chart = {
          runId: run.runId,
          rewardHistogram: rewardHistogram(scores),
          unscored: index.entries.length - scores.length,
        };
        if (run.summary) {
          stageUsage.push({
            stage: `rollouts ${run.runId}`,
            promptTokens: run.summary.usage.promptTokens,
            completionTokens: run.summary.usage.completionTokens,
            ...(run.summary.usage.costUsd === undefined ? {} : { costUsd: run.summary.usage.costUsd }),
            from: `rollouts/${run.runId}/summary.json`,
          });
          return { ...chart, summary: run.summary };
        }
        return chart;
      }),
    );
    return { funnel, funnelDetails: details, stageUsage, runs: runCharts, problems };
  }
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

function summariseTrajectory(raw: string, index: number, line: number, where: string): TrajectoryIndexEntry {
  const entry: TrajectoryIndexEntry = { index, line };
  let value: unknown;
  try {
    value = JSON.parse(raw);
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
