import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EnvDetailResponse,
  EnvListResponse,
  RunListResponse,
  ScenarioDetailResponse,
  ScenarioListResponse,
  SummaryResponse,
  TrajectoryDetailResponse,
  TrajectoryPage,
} from '../src/api.js';
import { startViewerServer, viewerDistDir, type ViewerServer } from '../server/index.js';
import { libraryEnv, runSummary, scenario, scenario2, trajectory, writeFixtureRun } from './fixture-run.js';

let root: string;
let server: ViewerServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'viewer-server-'));
  await writeFixtureRun(path.join(root, 'out'));
  await mkdir(path.join(root, 'dist/assets'), { recursive: true });
  await writeFile(path.join(root, 'dist/index.html'), '<!doctype html><title>viewer</title>');
  await writeFile(path.join(root, 'dist/assets/app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'do not serve');
  server = await startViewerServer({ outDir: path.join(root, 'out'), distDir: path.join(root, 'dist') });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

async function get<T>(p: string): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(p, server.url));
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T };
}

/** A raw request whose path is sent as written (fetch would normalise `..`). */
function raw(p: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: p, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('viewer server', () => {
  it('listens on loopback and points at the package dist dir', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(viewerDistDir.replace(/\\/g, '/')).toMatch(/apps\/viewer\/dist\/$/);
  });

  it('lists kept, dropped and report-only environments with summary fields, invalid ones as problems', async () => {
    const { status, body } = await get<EnvListResponse>('/api/envs');
    expect(status).toBe(200);
    expect(body.items.map((e) => [e.id, e.location])).toEqual([
      ['broken-env', 'envs'],
      ['ghost-town', 'report'],
      ['library-loans', 'envs'],
      ['parking-permits', 'dropped'],
    ]);
    const lib = body.items.find((e) => e.id === 'library-loans');
    expect(lib).toMatchObject({ topic: libraryEnv.topic, toolCount: 2, qualityScore: 0.75, kept: true, scenarioCount: 3, problems: [] });
    expect(body.items.find((e) => e.id === 'parking-permits')).toMatchObject({
      topic: 'Residential parking permits',
      qualityScore: 0.25,
      kept: false,
      dropReason: 'quality: quality 0.25 below threshold 0.6',
      problems: [],
    });
    expect(body.items.find((e) => e.id === 'ghost-town')).toMatchObject({
      topic: 'Ghost town registry',
      kept: false,
      dropReason: 'logic-typecheck: TS2322 after 3 repair rounds',
    });
    const broken = body.items.find((e) => e.id === 'broken-env');
    expect(broken?.problems[0]?.source).toBe('envs/broken-env/env.json');
    expect(broken?.problems[0]?.issues?.length).toBeGreaterThan(0);
  });

  it('filters, orders and pages the environment list on the server', async () => {
    const ids = async (q: string) => (await get<EnvListResponse>(`/api/envs?${q}`)).body.items.map((e) => e.id);
    expect(await ids('kept=dropped')).toEqual(['ghost-town', 'parking-permits']);
    expect(await ids('q=PARKING')).toEqual(['parking-permits']);
    expect(await ids('sort=quality')).toEqual(['library-loans', 'parking-permits', 'broken-env', 'ghost-town']);
    expect(await ids('offset=1&limit=2')).toEqual(['ghost-town', 'library-loans']);
    const page = await get<EnvListResponse>('/api/envs?kept=kept&limit=1');
    expect(page.body).toMatchObject({ total: 1, offset: 0, counts: { all: 4, kept: 1, dropped: 2 } });
    // nonsense parameters fall back to the defaults
    expect(await ids('kept=maybe&sort=colour&limit=-3')).toEqual(['broken-env']);
  });

  it('serves a dropped environment from dropped/ and a report-only one from report.json', async () => {
    const dropped = await get<EnvDetailResponse>('/api/envs/parking-permits');
    expect(dropped.body).toMatchObject({ location: 'dropped', kept: false, source: 'export class ParkingPermits {}\n', problems: [] });
    expect(dropped.body.quality?.dropReason).toContain('below');
    expect(dropped.body.env).toBeUndefined();
    const ghost = await get<EnvDetailResponse>('/api/envs/ghost-town');
    expect(ghost.body).toMatchObject({ location: 'report', kept: false, outcome: { stage: 'logic-typecheck', repairRounds: 3 } });
  });

  it('serves one environment with its source and quality report', async () => {
    const { body } = await get<EnvDetailResponse>('/api/envs/library-loans');
    expect(body.env?.className).toBe('LibraryLoans');
    expect(body.source).toContain('class LibraryLoans');
    expect(body.quality?.steps).toHaveLength(4);
    expect(body.problems).toEqual([]);
  });

  it('serves scenarios per environment, flagging invalid lines with their line number', async () => {
    const { body } = await get<ScenarioListResponse>('/api/envs/library-loans/scenarios');
    expect(body).toMatchObject({ total: 3, offset: 0 });
    expect(body.items).toHaveLength(3);
    expect(body.items[0]).toEqual({ index: 0, line: 1, id: scenario.id, task: scenario.task, checks: 2 });
    expect(body.items[2]?.problem?.source).toBe('scenarios/library-loans.jsonl:3');
    expect(body.problems.map((p) => p.source)).toEqual(['scenarios/library-loans.jsonl:3']);
    const second = await get<ScenarioListResponse>('/api/envs/library-loans/scenarios?offset=1&limit=1');
    expect(second.body.items.map((e) => e.id)).toEqual([scenario2.id]);
    const one = await get<ScenarioDetailResponse>(`/api/envs/library-loans/scenarios/${scenario2.id}`);
    expect(one.body).toEqual({ envId: 'library-loans', line: 2, scenario: scenario2 });
    expect((await get('/api/envs/library-loans/scenarios/nope')).status).toBe(404);
    expect((await get('/api/envs/nope/scenarios')).status).toBe(404);
    const none = await get<ScenarioListResponse>('/api/envs/parking-permits/scenarios');
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  it('lists runs, pages trajectories and serves one with its scenario', async () => {
    const runs = await get<RunListResponse>('/api/runs');
    expect(runs.body.items).toEqual([expect.objectContaining({ runId: 'run1', trajectoryCount: 3, summary: runSummary })]);
    const page = await get<TrajectoryPage>('/api/runs/run1/trajectories?offset=1&limit=1');
    expect(page.body).toMatchObject({ total: 3, offset: 1 });
    expect(page.body.items).toEqual([expect.objectContaining({ index: 1, success: false, score: 0 })]);
    const invalid = await get<TrajectoryPage>('/api/runs/run1/trajectories?status=invalid');
    expect(invalid.body.items[0]?.problem?.source).toBe('rollouts/run1/trajectories.jsonl:3');
    const filtered = await get<TrajectoryPage>(`/api/runs/run1/trajectories?scenarioId=${scenario.id}`);
    expect(filtered.body.total).toBe(2);
    const one = await get<TrajectoryDetailResponse>('/api/runs/run1/trajectories/0');
    expect(one.body.trajectory?.id).toBe(trajectory.id);
    expect(one.body.scenario?.id).toBe(scenario.id);
    const bad = await get<TrajectoryDetailResponse>('/api/runs/run1/trajectories/2');
    expect(bad.status).toBe(200);
    expect(bad.body.trajectory).toBeUndefined();
    expect(bad.body.problems[0]?.message).toMatch(/JSON/);
  });

  it('builds the summary: funnel from the reports, usage per stage, reward histogram', async () => {
    const { body } = await get<SummaryResponse>('/api/summary');
    expect(body.funnel.map((s) => [s.key, s.count, s.from])).toEqual([
      ['tasks', 40, 'report'],
      ['topics', 12, 'report'],
      ['envs', 2, 'report'],
      ['kept', 1, 'report'],
      ['scenarios', 4, 'report'],
      ['scenariosKept', 2, 'report'],
    ]);
    expect(body.funnelDetails.map((d) => `${d.source}:${d.stage}:${d.in}>${d.out}`)).toEqual([
      'skelbuilder:topic-judge:40>30',
      'skelbuilder:topic-infer:30>28',
      'skelbuilder:topic-score:28>15',
      'skelbuilder:topic-dedup:15>12',
      'skelbuilder:logic:12>2',
      'skelbuilder:quality:2>1',
      'scengen:state:4>4',
      'scengen:doNothing:4>3',
      'scengen:solvability:3>2',
    ]);
    expect(body.stageUsage.map((s) => s.stage)).toEqual([
      'topic-judge',
      'logic-method',
      'quality-checker',
      'scenario-task',
      'scenario-checks',
      'rollouts run1',
    ]);
    expect(body.stageUsage.find((s) => s.stage === 'logic-method')).toMatchObject({ calls: 30, costUsd: 0.05 });
    expect(body.runs[0]?.rewardHistogram[0]).toBe(1);
    expect(body.runs[0]?.rewardHistogram[9]).toBe(1);
    expect(body.runs[0]?.unscored).toBe(1);
  });

  it('counts the funnel on disk when there are no reports', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'viewer-bare-'));
    await writeFixtureRun(bare);
    await rm(path.join(bare, 'report.json'));
    await rm(path.join(bare, 'scenarios/library-loans.report.json'));
    const s = await startViewerServer({ outDir: bare, distDir: path.join(root, 'dist') });
    try {
      const summary = (await (await fetch(new URL('/api/summary', s.url))).json()) as SummaryResponse;
      expect(summary.funnel.map((f) => [f.key, f.count, f.from])).toEqual([
        ['envs', 3, 'disk'],
        // everything in envs/ (library-loans and the invalid broken-env), not parking-permits in dropped/
        ['kept', 2, 'disk'],
        ['scenarios', 3, 'disk'],
        ['scenariosKept', 3, 'disk'],
      ]);
    } finally {
      await s.close();
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('reads the stage reports validated: a corrupt or mis-shaped one is a problem naming the file', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'viewer-bad-reports-'));
    await writeFixtureRun(bad);
    // a report with the wrong usage shape (no cachedCalls, a string count) and a truncated one
    const { skelbuilderReport } = await import('./fixture-run.js');
    const wrong = { ...skelbuilderReport, totalTokens: { calls: 'many', promptTokens: 1, completionTokens: 1 } };
    await writeFile(path.join(bad, 'report.json'), JSON.stringify(wrong));
    await writeFile(path.join(bad, 'scenarios/library-loans.report.json'), '{"schemaVersion": 1,\n "envId": ');
    const s = await startViewerServer({ outDir: bad, distDir: path.join(root, 'dist') });
    try {
      const summary = (await (await fetch(new URL('/api/summary', s.url))).json()) as SummaryResponse;
      const problems = summary.problems.filter((p) => p.source.includes('report.json'));
      expect(problems.map((p) => [p.source, p.message])).toEqual([
        ['report.json', 'Invalid BuildReport'],
        ['scenarios/library-loans.report.json', 'Invalid ScenarioReport at line 2, column 11'],
      ]);
      expect(problems[0]!.issues).toEqual(
        expect.arrayContaining([
          { path: '$.totalTokens.calls', message: 'must be integer' },
          { path: '$.totalTokens.cachedCalls', message: 'is required but missing' },
        ]),
      );
      // nothing from the invalid reports is counted: the funnel falls back to the disk
      expect(summary.funnel.every((f) => f.from === 'disk')).toBe(true);
    } finally {
      await s.close();
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('answers 404 for unknown things and refuses path traversal', async () => {
    expect((await get('/api/envs/nope')).status).toBe(404);
    expect((await get('/api/runs/nope/trajectories')).status).toBe(404);
    expect((await get('/api/runs/run1/trajectories/99')).status).toBe(404);
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await raw('/api/envs/..%2F..%2Fsecret')).status).toBe(404);
    expect((await raw('/api/envs/%2E%2E/scenarios')).status).toBe(404);
    const traversal = await raw('/../secret.txt');
    expect(traversal.body).not.toContain('do not serve');
    const encoded = await raw('/%2e%2e/secret.txt');
    expect(encoded.body).not.toContain('do not serve');
    expect([403, 404]).toContain(encoded.status);
  });

  it('answers only requests addressed to a loopback name (no DNS rebinding)', async () => {
    expect((await raw('/api/envs', { host: 'evil.example:80' })).status).toBe(421);
    expect((await raw('/api/envs', { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await raw('/api/envs', { host: `[::1]:${server.port}` })).status).toBe(200);
  });

  it('serves the SPA and its assets, and index.html for page paths', async () => {
    const index = await get<string>('/');
    expect(index.body).toContain('<title>viewer</title>');
    expect((await get<string>('/assets/app.js')).body).toContain('console.log');
    expect((await get('/assets/missing.js')).status).toBe(404);
    const post = await fetch(new URL('/api/envs', server.url), { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('shows hand-written environments (env.ts + meta.json) without a missing-env.json problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'viewer-meta-'));
    await mkdir(path.join(dir, 'envs/counters'), { recursive: true });
    await writeFile(path.join(dir, 'envs/counters/env.ts'), 'export class Counters {}\n');
    await writeFile(
      path.join(dir, 'envs/counters/meta.json'),
      JSON.stringify({ id: 'counters', className: 'Counters', topic: 'Named counters', summary: 'Counts.', rules: ['Be exact.', 3] }),
    );
    const s = await startViewerServer({ outDir: dir, distDir: path.join(root, 'dist') });
    try {
      const list = (await (await fetch(new URL('/api/envs', s.url))).json()) as EnvListResponse;
      expect(list.items).toEqual([expect.objectContaining({ id: 'counters', topic: 'Named counters', className: 'Counters', problems: [] })]);
      const detail = (await (await fetch(new URL('/api/envs/counters', s.url))).json()) as EnvDetailResponse;
      expect(detail.meta).toEqual({ id: 'counters', className: 'Counters', topic: 'Named counters', summary: 'Counts.', rules: ['Be exact.'] });
      expect(detail.source).toContain('class Counters');
    } finally {
      await s.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('copes with an empty out dir', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'viewer-empty-'));
    const s = await startViewerServer({ outDir: empty, distDir: path.join(root, 'dist') });
    try {
      const envs = (await (await fetch(new URL('/api/envs', s.url))).json()) as EnvListResponse;
      expect(envs.items).toEqual([]);
      const summary = (await (await fetch(new URL('/api/summary', s.url))).json()) as SummaryResponse;
      expect(summary.runs).toEqual([]);
      expect(summary.funnel.map((f) => f.count)).toEqual([0, 0, 0, 0]);
    } finally {
      await s.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
