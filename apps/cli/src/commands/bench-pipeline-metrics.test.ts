import { describe, expect, it } from 'vitest';
import { digestText } from './bench-pipeline-metrics.js';

describe('digestText', () => {
  it('masks volatile fields so two runs of the same work digest alike', () => {
    const a = digestText({ file: 'out/report.json', text: '{"envs":2,"durationMs":31,"calls":3,"cachedCalls":0}' });
    const b = digestText({ file: 'out/report.json', text: '{"envs":2,"durationMs":9,"calls":1,"cachedCalls":2}' });
    expect(a).toBe(b);
    expect(digestText({ file: 'out/a.jsonl', text: '{"id":"x","createdAt":"t1"}\n' })).toBe(
      digestText({ file: 'out/a.jsonl', text: '{"id":"x","createdAt":"t2"}\n' }),
    );
  });

  it('names the file, line and column of a corrupt JSON or JSON Lines artifact', () => {
    expect(() => digestText({ file: 'out/report.json', text: '{"envs": 2,}' })).toThrow(
      /out\/report\.json:1:12[^]*trailing comma/,
    );
    expect(() => digestText({ file: 'out/rollouts/r/trajectories.jsonl', text: '{"id":"a"}\n{"id":' })).toThrow(
      /out\/rollouts\/r\/trajectories\.jsonl:2:7[^]*unexpected end of input/,
    );
  });
});
