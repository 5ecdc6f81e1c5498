// The viewer on an out dir shaped like `envscaler bench pipeline` at N = 200: 200 environments × 36 scenarios
// × 4 trials (7,200 scenarios, 28,800 trajectories) with small but valid records, plus two bad lines. Checks
// that lists come back in bounded pages with the right totals and order, that one trajectory is re-read from
// its offset, that the summary matches a straightforward computation, that asking again reads no file, and
// that the bad lines are problems naming their file and line while every other line still counts.
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario, ScenarioReport, Trajectory } from '@envscaler/core';
import type {
  EnvListResponse,
  ScenarioListResponse,
  SummaryResponse,
  TrajectoryDetailResponse,
  TrajectoryPage,
} from '../src/api.js';
import { handleApi, maxPageSize, nodeViewerFs, OutDirStore, type ViewerFs } from '../server/index.js';
import { rewardHistogram } from '../src/model/summary.js';
import { parkingEnv, parkingQuality, scenario as baseScenario, scengenReport, trajectoryFailed } from './fixture-run.js';

const envCount = 200;
const scenariosPerEnv = 36;
const trials = 4;
const envId = (e: number) => `env-${String(e).padStart(4, '0')}`;
const scenarioId = (e: number, s: number) => `${envId(e)}-s${String(s).padStart(2, '0')}`;

interface Planned {
  envId: string;
  scenarioId: string;
  id: string;
  score?: number;
  success?: boolean;
}

/** The trajectories in file order; every 97th has no reward. */
function plan(): Planned[] {
  const out: Planned[] = [];
  for (let e = 0; e < envCount; e++) {
    for (let s = 0; s < scenariosPerEnv; s++) {
      for (let t = 0; t < trials; t++) {
        const n = out.length;
        const p: Planned = { envId: envId(e), scenarioId: scenarioId(e, s), id: `${scenarioId(e, s)}-t${t}` };
        if (n % 97 !== 0) {
          p.score = ((e * 7 + s * 3 + t) % 11) / 10;
          p.success = p.score >= 0.8;
        }
        out.push(p);
      }
    }
  }
  return out;
}

const planned = plan();
/** Two bad lines go in before these positions of `planned` (0-based): not JSON, and JSON that is no Trajectory. */
const corruptAt = 10_000;
const invalidAt = 20_000;

function trajectoryOf(p: Planned, trial: number): Trajectory {
  const { reward: _reward, ...rest } = trajectoryFailed;
  const t: Trajectory = { ...rest, id: p.id, envId: p.envId, scenarioId: p.scenarioId, trial };
  if (p.score !== undefined) t.reward = { score: p.score, success: p.success!, checks: [{ id: 'c1', passed: p.success! }] };
  return t;
}

/** The lines of trajectories.jsonl and, per line, the planned trajectory (undefined for the bad lines). */
function trajectoryLines(): { lines: string[]; byLine: (Planned | undefined)[] } {
  const lines: string[] = [];
  const byLine: (Planned | undefined)[] = [];
  planned.forEach((p, i) => {
    if (i === corruptAt) {
      lines.push('{"schemaVersion":1,"id":"torn');
      byLine.push(undefined);
    }
    if (i === invalidAt) {
      lines.push(JSON.stringify({ schemaVersion: 1, id: 'no-messages', envId: p.envId }));
      byLine.push(undefined);
    }
    lines.push(JSON.stringify(trajectoryOf(p, i % trials)));
    byLine.push(p);
  });
  return { lines, byLine };
}

async function writeLargeRun(outDir: string): Promise<string[]> {
  for (let e = 0; e < envCount; e++) {
    const id = envId(e);
    const dir = path.join(outDir, 'envs', id);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'env.json'), JSON.stringify({ ...parkingEnv, id, topic: `Topic ${e}` }));
    await writeFile(path.join(dir, 'env.ts'), parkingEnv.source);
    await writeFile(path.join(dir, 'quality.json'), JSON.stringify({ ...parkingQuality, envId: id, kept: true, score: e / envCount, steps: [] }));
    const scenarios = Array.from({ length: scenariosPerEnv }, (_, s): Scenario => ({
      ...baseScenario,
      id: scenarioId(e, s),
      envId: id,
      task: `Task ${s} of ${id}`,
    }));
    await mkdir(path.join(outDir, 'scenarios'), { recursive: true });
    await writeFile(path.join(outDir, 'scenarios', `${id}.jsonl`), `${scenarios.map((s) => JSON.stringify(s)).join('\n')}\n`);
    const report: ScenarioReport = { ...scengenReport, envId: id, requested: 40, candidates: 40, kept: scenariosPerEnv };
    await writeFile(path.join(outDir, 'scenarios', `${id}.report.json`), JSON.stringify(report));
  }
  const { lines } = trajectoryLines();
  await mkdir(path.join(outDir, 'rollouts/run'), { recursive: true });
  await writeFile(path.join(outDir, 'rollouts/run/trajectories.jsonl'), `${lines.join('\n')}\n`);
  return lines;
}

/** node:fs with every read counted by kind and file (relative to the out dir). */
function countingFs(outDir: string) {
  const reads: string[] = [];
  const rel = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
  const fs: ViewerFs = {
    stat: nodeViewerFs.stat,
    readdir: nodeViewerFs.readdir,
    readFile: (file) => {
      reads.push(`readFile ${rel(file)}`);
      return nodeViewerFs.readFile(file);
    },
    stream: (file) => {
      reads.push(`stream ${rel(file)}`);
      return nodeViewerFs.stream(file);
    },
    readRange: (options) => {
      reads.push(`readRange ${rel(options.file)}`);
      return nodeViewerFs.readRange(options);
    },
  };
  return { fs, reads };
}

let root: string;
let store: OutDirStore;
let reads: string[];

async function api<T>(pathname: string): Promise<T> {
  const [p = '', q = ''] = pathname.split('?');
  const value = await handleApi(store, p, new URLSearchParams(q));
  if (value === undefined) throw new Error(`no endpoint ${pathname}`);
  return value as T;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'viewer-scale-'));
  await writeLargeRun(root);
  const counting = countingFs(root);
  reads = counting.reads;
  store = new OutDirStore(root, { fs: counting.fs });
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the viewer on a run of 200 environments, 7,200 scenarios and 28,800 trajectories', () => {
  it('pages the environment list with the right total, order and counts', async () => {
    const first = await api<EnvListResponse>('/api/envs');
    expect(first).toMatchObject({ total: envCount, offset: 0, counts: { all: envCount, kept: envCount, dropped: 0 } });
    expect(first.items).toHaveLength(100);
    const last = await api<EnvListResponse>('/api/envs?offset=150&limit=100');
    expect(last.items.map((e) => e.id)).toEqual(Array.from({ length: 50 }, (_, i) => envId(150 + i)));
    expect(last.items[0]).toMatchObject({ topic: 'Topic 150', toolCount: 1, kept: true, scenarioCount: scenariosPerEnv, problems: [] });
    const best = await api<EnvListResponse>('/api/envs?sort=quality&limit=3');
    expect(best.items.map((e) => e.id)).toEqual([envId(199), envId(198), envId(197)]);
    const found = await api<EnvListResponse>('/api/envs?q=topic%2012&limit=500');
    expect(found.total).toBe(11); // Topic 12 and Topic 120–129
  });

  it('pages one environment’s scenarios and serves one by id', async () => {
    const page = await api<ScenarioListResponse>(`/api/envs/${envId(123)}/scenarios?offset=30&limit=10`);
    expect(page).toMatchObject({ total: scenariosPerEnv, offset: 30, problems: [] });
    expect(page.items.map((s) => s.id)).toEqual(Array.from({ length: 6 }, (_, i) => scenarioId(123, 30 + i)));
    expect(page.items[0]).toMatchObject({ index: 30, line: 31, task: `Task 30 of ${envId(123)}`, checks: 2 });
    const one = await api<{ scenario: Scenario; line: number }>(`/api/envs/${envId(123)}/scenarios/${scenarioId(123, 17)}`);
    expect(one.line).toBe(18);
    expect(one.scenario.task).toBe(`Task 17 of ${envId(123)}`);
  });

  it('pages the trajectories in file order, never more than the maximum page', async () => {
    const { byLine } = trajectoryLines();
    const all = await api<TrajectoryPage>('/api/runs/run/trajectories?offset=14400&limit=100000');
    expect(all.total).toBe(byLine.length);
    expect(all.items).toHaveLength(maxPageSize);
    all.items.forEach((entry, i) => {
      expect(entry.index).toBe(14_400 + i);
      expect(entry.line).toBe(14_401 + i);
      expect(entry.id).toBe(byLine[14_400 + i]?.id);
    });
    const tail = await api<TrajectoryPage>(`/api/runs/run/trajectories?offset=${byLine.length - 3}&limit=10`);
    expect(tail.items.map((e) => e.id)).toEqual(byLine.slice(-3).map((p) => p?.id));
    const oneEnv = await api<TrajectoryPage>(`/api/runs/run/trajectories?envId=${envId(100)}&limit=500`);
    expect(oneEnv.total).toBe(scenariosPerEnv * trials);
    expect(oneEnv.items.every((e) => e.envId === envId(100))).toBe(true);
    const oneScenario = await api<TrajectoryPage>(`/api/runs/run/trajectories?scenarioId=${scenarioId(7, 5)}`);
    expect(oneScenario.items.map((e) => e.id)).toEqual([0, 1, 2, 3].map((t) => `${scenarioId(7, 5)}-t${t}`));
  });

  it('re-reads one trajectory from the middle of the file by its position, with its scenario', async () => {
    const { byLine } = trajectoryLines();
    const position = 14_400;
    reads.length = 0;
    const detail = await api<TrajectoryDetailResponse>(`/api/runs/run/trajectories/${position}`);
    expect(detail.problems).toEqual([]);
    expect(detail.trajectory?.id).toBe(byLine[position]?.id);
    expect(detail.trajectory?.reward?.score).toBe(byLine[position]?.score);
    expect(detail.scenario?.id).toBe(byLine[position]?.scenarioId);
    expect(detail.total).toBe(byLine.length);
    // One line of the (already indexed) trajectories; the scenario file is indexed once, then its line read.
    const scenarios = `scenarios/${byLine[position]!.envId}.jsonl`;
    expect(reads.sort()).toEqual([`readRange rollouts/run/trajectories.jsonl`, `readRange ${scenarios}`, `stream ${scenarios}`]);
    reads.length = 0;
    await api<TrajectoryDetailResponse>(`/api/runs/run/trajectories/${position - 1}`); // same environment
    expect(reads.sort()).toEqual([`readRange rollouts/run/trajectories.jsonl`, `readRange ${scenarios}`]);
  });

  it('summarises the run exactly as a straightforward count over the records does', async () => {
    const summary = await api<SummaryResponse>('/api/summary');
    const scored = planned.filter((p) => p.score !== undefined);
    const run = summary.runs[0]!;
    expect(run.rewardHistogram).toEqual(rewardHistogram(scored.map((p) => p.score!)));
    expect(run.unscored).toBe(planned.length - scored.length + 2);
    expect(run.outcomes).toEqual({
      passed: scored.filter((p) => p.success).length,
      failed: scored.filter((p) => !p.success).length,
      unscored: planned.length - scored.length,
      invalid: 2,
    });
    expect(run.perEnvironment).toHaveLength(envCount);
    for (const e of [0, 57, 199]) {
      const mine = planned.filter((p) => p.envId === envId(e));
      const graded = mine.filter((p) => p.score !== undefined);
      const row = run.perEnvironment[e]!;
      expect(row.envId).toBe(envId(e));
      expect(row.episodes).toBe(mine.length);
      expect(row.unscored).toBe(mine.length - graded.length);
      expect(row.meanReward).toBeCloseTo(graded.reduce((n, p) => n + p.score!, 0) / graded.length, 12);
      expect(row.successRate).toBeCloseTo(graded.filter((p) => p.success).length / graded.length, 12);
    }
    expect(summary.funnel.map((f) => [f.key, f.count, f.from])).toEqual([
      ['envs', envCount, 'disk'],
      ['kept', envCount, 'disk'],
      ['scenarios', envCount * 40, 'report'],
      ['scenariosKept', envCount * scenariosPerEnv, 'report'],
    ]);
    expect(summary.funnelDetails.find((d) => d.stage === 'doNothing')).toMatchObject({ in: envCount * 4, out: envCount * 3 });
  });

  it('answers a second summary request without reading any file again', async () => {
    const first = await api<SummaryResponse>('/api/summary');
    reads.length = 0;
    const again = await api<SummaryResponse>('/api/summary');
    expect(reads).toEqual([]);
    expect(again).toEqual(first);
    await api<EnvListResponse>('/api/envs?offset=100');
    await api<TrajectoryPage>('/api/runs/run/trajectories?offset=28000&status=failed');
    expect(reads).toEqual([]);
  });

  it('never reads a JSON Lines file whole, and re-reads only the file that changed', async () => {
    expect(reads.filter((r) => r.startsWith('readFile') && r.endsWith('.jsonl'))).toEqual([]);
    const extra = trajectoryOf({ envId: envId(3), scenarioId: scenarioId(3, 0), id: 'late-arrival', score: 1, success: true }, 4);
    await appendFile(path.join(root, 'rollouts/run/trajectories.jsonl'), `${JSON.stringify(extra)}\n`);
    reads.length = 0;
    const summary = await api<SummaryResponse>('/api/summary');
    expect(reads).toEqual(['stream rollouts/run/trajectories.jsonl']);
    expect(summary.runs[0]!.rewardHistogram[9]).toBe(rewardHistogram(planned.flatMap((p) => (p.score === undefined ? [] : [p.score])))[9]! + 1);
    const last = await api<TrajectoryPage>(`/api/runs/run/trajectories?offset=${planned.length + 2}`);
    expect(last.items.map((e) => e.id)).toEqual(['late-arrival']);
  });

  it('reports each bad line as a problem naming the file and line, and keeps every other line', async () => {
    const summary = await api<SummaryResponse>('/api/summary');
    const torn = corruptAt + 1;
    const invalid = invalidAt + 2;
    expect(summary.problems.map((p) => p.source)).toEqual([
      `rollouts/run/trajectories.jsonl:${torn}`,
      `rollouts/run/trajectories.jsonl:${invalid}`,
    ]);
    expect(summary.problems[0]!.message).toMatch(new RegExp(`^Invalid JSON line at line ${torn}, column \\d+$`));
    expect(summary.problems[0]!.issues?.[0]?.message).toMatch(/^is not valid JSON: /);
    expect(summary.problems[1]!.issues?.length).toBeGreaterThan(0);
    const bad = await api<TrajectoryPage>('/api/runs/run/trajectories?status=invalid');
    expect(bad.items.map((e) => [e.line, e.id])).toEqual([
      [torn, undefined],
      [invalid, 'no-messages'],
    ]);
    const detail = await api<TrajectoryDetailResponse>(`/api/runs/run/trajectories/${torn - 1}`);
    expect(detail.trajectory).toBeUndefined();
    expect(detail.problems[0]?.source).toBe(`rollouts/run/trajectories.jsonl:${torn}`);
    const next = await api<TrajectoryDetailResponse>(`/api/runs/run/trajectories/${torn}`);
    expect(next.trajectory?.id).toBe(planned[corruptAt]!.id);
  });
});
