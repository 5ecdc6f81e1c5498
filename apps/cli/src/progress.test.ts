import { describe, expect, it } from 'vitest';
import { chooseProgressMode, createProgressReporter, describeProgress } from './progress.js';

function capture(mode: 'tty' | 'plain' | 'json' | 'quiet') {
  let clock = 0;
  const out: string[] = [];
  const reporter = createProgressReporter({
    mode,
    write: (t) => out.push(t),
    now: () => clock,
    plainIntervalMs: 1000,
  });
  return { reporter, out, advance: (ms: number) => (clock += ms) };
}

describe('progress', () => {
  it('describes counts, rate and ETA', () => {
    expect(describeProgress({ done: 5, total: 10, elapsedMs: 10_000 })).toBe('5/10  0.5/s  ETA 10s  10s');
    expect(describeProgress({ done: 3, total: 3, failed: 1, elapsedMs: 90_000 })).toBe(
      '3/3  1 failed  0.0/s  1m30s',
    );
  });

  it('shows gate drops apart from failures', () => {
    expect(describeProgress({ done: 4, total: 4, dropped: 2, failed: 1, elapsedMs: 0 })).toBe(
      '4/4  2 dropped  1 failed  0s',
    );
    const { reporter, out } = capture('plain');
    const stage = reporter.stage('quality', 3);
    stage.update({ done: 3, dropped: 1 });
    stage.finish();
    expect(out.at(-1)).toContain('3/3  1 dropped');
    expect(out.join('')).not.toContain('failed');
    const json = capture('json');
    json.reporter.stage('quality', 3).update({ done: 3, dropped: 1 });
    expect(JSON.parse(json.out.at(-1)!)).toMatchObject({ type: 'progress', dropped: 1, failed: 0 });
  });

  it('emits one JSON event per line in json mode', () => {
    const { reporter, out, advance } = capture('json');
    const stage = reporter.stage('topic-judge', 4);
    stage.update({ done: 2 });
    advance(100);
    stage.finish('2 dropped');
    const events = out.map((l) => JSON.parse(l) as { type: string });
    expect(events.map((e) => e.type)).toEqual(['stage', 'progress', 'done']);
    expect(events[2]).toMatchObject({
      stage: 'topic-judge',
      done: 2,
      total: 4,
      detail: '2 dropped',
      elapsedMs: 100,
    });
  });

  it('throttles plain lines and always prints the final one', () => {
    const { reporter, out, advance } = capture('plain');
    const stage = reporter.stage('rollouts', 100);
    stage.update({ done: 1 });
    stage.update({ done: 2 });
    advance(1500);
    stage.update({ done: 3 });
    stage.finish();
    expect(out).toHaveLength(3);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('redraws one line on a TTY and prints nothing when quiet', () => {
    const tty = capture('tty');
    const stage = tty.reporter.stage('build', 2);
    stage.update({ done: 1 });
    stage.finish();
    expect(tty.out[0]!.startsWith('\r\x1b[2K')).toBe(true);
    expect(tty.out.at(-1)!.endsWith('\n')).toBe(true);
    const quiet = capture('quiet');
    quiet.reporter.stage('x').finish();
    quiet.reporter.message('hello');
    expect(quiet.out).toEqual([]);
  });

  it('picks the mode from flags and the terminal', () => {
    expect(chooseProgressMode({ quiet: true, json: true, isTTY: true })).toBe('quiet');
    expect(chooseProgressMode({ json: true, isTTY: true })).toBe('json');
    expect(chooseProgressMode({ isTTY: false })).toBe('plain');
  });
});
