import { describe, expect, it } from 'vitest';
import { digestText, formatGrowthChart, type GrowthRow } from './bench-pipeline-metrics.js';

describe('digestText', () => {
  it('masks volatile fields so two runs of the same work digest alike', () => {
    const a = digestText({
      file: 'out/report.json',
      text: '{"envs":2,"durationMs":31,"calls":3,"cachedCalls":0}',
    });
    const b = digestText({
      file: 'out/report.json',
      text: '{"envs":2,"durationMs":9,"calls":1,"cachedCalls":2}',
    });
    expect(a).toBe(b);
    expect(digestText({ file: 'out/a.jsonl', text: '{"id":"x","createdAt":"t1"}\n' })).toBe(
      digestText({ file: 'out/a.jsonl', text: '{"id":"x","createdAt":"t2"}\n' }),
    );
  });

  it('names the file, line and column of a corrupt JSON or JSON Lines artifact', () => {
    expect(() => digestText({ file: 'out/report.json', text: '{"envs": 2,}' })).toThrow(
      /out\/report\.json:1:12[^]*trailing comma/,
    );
    expect(() =>
      digestText({ file: 'out/rollouts/r/trajectories.jsonl', text: '{"id":"a"}\n{"id":' }),
    ).toThrow(/out\/rollouts\/r\/trajectories\.jsonl:2:7[^]*unexpected end of input/);
  });
});

describe('formatGrowthChart', () => {
  const row = (envs: number, stageMs: Record<string, number>): GrowthRow => ({
    envs,
    scenarios: envs * 36,
    episodes: envs * 144,
    wallMs: Object.values(stageMs).reduce((a, b) => a + b, 0),
    peakRssBytes: 0,
    stageMs,
  });

  it('charts each stage on its own scale, showing one that grows faster than N', () => {
    // build doubles with N (linear); rollouts quadruple (superlinear); corpus takes no time
    const chart = formatGrowthChart({
      rows: [
        row(25, { corpus: 1, build: 1000, rollouts: 1000 }),
        row(50, { corpus: 1, build: 2000, rollouts: 4000 }),
      ],
      width: 8,
    });
    const lines = chart.split('\n');
    expect(lines).toContain('wall time per stage by N (each on its own scale)');
    expect(chart).not.toMatch(/corpus/);
    const block = (stage: string) =>
      lines.slice(lines.indexOf(`  ${stage}`) + 1, lines.indexOf(`  ${stage}`) + 3);
    // linear: the measured bar fills the linear one, no dots
    expect(block('build')).toEqual(['    N=  25 ████ 1.0 s', '    N=  50 ████████ 2.0 s']);
    // superlinear: N=50's bar is twice as long as linear scaling from N=25 gives
    expect(block('rollouts')).toEqual(['    N=  25 ██ 1.0 s', '    N=  50 ████████ 4.0 s']);
  });
});
