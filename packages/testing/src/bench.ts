/**
 * Benchmark reporting shared by every `bench` script of the repository (`pnpm bench`).
 *
 * Rules the helpers enforce: every figure is the median of at least five repetitions and is printed
 * with its spread (min–max); a ratio is paired per repetition (candidate and baseline measured back to
 * back in the same round, the median of the per-round ratios), so load from other processes shifts both
 * sides alike; a target has a verdict; results checks (is the fast answer also the right one?) are rows
 * too; figures that cannot be measured in the same run are `reference` rows that name where they come
 * from. `finish()` prints the suite's table, writes it as JSON to `$ENVSCALER_BENCH_RESULTS_DIR` (set by
 * the root `pnpm bench`, which prints the closing table and writes docs/benchmarks-results.md) and sets a
 * non-zero exit code when a target is missed, unless `--no-check` (or `ENVSCALER_BENCH_NO_CHECK=1`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

/** The fewest repetitions a reported figure may have. */
export const MIN_REPETITIONS = 5;

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spreadOf(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('spreadOf: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** Per-repetition ratios `a[i] / b[i]` (both measured in round i). */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error('pairedRatios: sample counts differ');
  return a.map((x, i) => x / b[i]!);
}

/** Process CPU time (user + system, all threads: the isolate's, GC helpers') in microseconds. */
export function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** CPU and wall-clock time of something, in microseconds. */
export interface Timing {
  cpu: number;
  wall: number;
}

/** Times one run of `fn` (awaited when it returns a promise). */
export async function timed(fn: () => unknown): Promise<Timing> {
  const c0 = cpuMicros();
  const w0 = performance.now();
  const r = fn();
  if (r instanceof Promise) await r;
  return { cpu: cpuMicros() - c0, wall: (performance.now() - w0) * 1000 };
}

/** A variant of {@link alternate}: a function to time, or an untimed `prepare` step and the timed `run`. */
export type Variant = (() => unknown) | { prepare: () => unknown; run: (prepared: never) => unknown };

/**
 * Runs `rounds` rounds after `warmup` discarded ones. A round runs `batches` batches of every variant,
 * alternating (the order rotates from batch to batch), so a burst of load from other processes falls on
 * all variants alike; a variant's figure for the round is the sum over its batches. A variant with a
 * `prepare` step gets its input made just before it runs, outside the timing. Process CPU time is the
 * robust figure on a shared machine (time spent waiting for a core is not counted); wall-clock time is
 * kept for the record.
 */
export async function alternate<K extends string>(
  options: { rounds: number; batches?: number; warmup?: number },
  variants: Record<K, Variant>,
): Promise<Record<K, { cpu: number[]; wall: number[] }>> {
  const keys = Object.keys(variants) as K[];
  const out = Object.fromEntries(
    keys.map((k) => [k, { cpu: [] as number[], wall: [] as number[] }]),
  ) as unknown as Record<K, { cpu: number[]; wall: number[] }>;
  const batches = options.batches ?? 1;
  const warmup = options.warmup ?? 1;
  for (let r = 0; r < warmup + options.rounds; r++) {
    const sum = Object.fromEntries(keys.map((k) => [k, { cpu: 0, wall: 0 }])) as Record<K, Timing>;
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < keys.length; i++) {
        const key = keys[(i + b + r) % keys.length]!;
        const variant = variants[key];
        let t: Timing;
        if (typeof variant === 'function') t = await timed(variant);
        else {
          let input = variant.prepare();
          if (input instanceof Promise) input = await input;
          t = await timed(() => variant.run(input as never));
        }
        sum[key].cpu += t.cpu;
        sum[key].wall += t.wall;
      }
    }
    if (r < warmup) continue;
    for (const key of keys) {
      out[key].cpu.push(sum[key].cpu);
      out[key].wall.push(sum[key].wall);
    }
  }
  return out;
}

/** `samples` divided by `by` (totals → per operation, or operations / seconds with `rate`). */
export function per(samples: readonly number[], by: number): number[] {
  return samples.map((x) => x / by);
}
/** Operations per second from totals in microseconds. */
export function rate(samples: readonly number[], operations: number): number[] {
  return samples.map((us) => operations / (us / 1e6));
}

export type TargetOp = '<=' | '>=';
export interface Target {
  op: TargetOp;
  limit: number;
}

export type Verdict = 'pass' | 'fail' | 'info' | 'reference';

export interface BenchRow {
  suite: string;
  id: string;
  name: string;
  unit: string;
  /** Median of the repetitions (or the reference figure). */
  value: number | null;
  spread?: [number, number];
  repetitions?: number;
  baseline?: { name: string; unit: string; value: number; spread: [number, number] };
  ratio?: { value: number; spread: [number, number] };
  /** What the target is compared with: the ratio to the baseline, or the value itself. */
  targetOn?: 'ratio' | 'value';
  target?: Target;
  verdict: Verdict;
  note?: string;
}

export interface SuiteResults {
  schemaVersion: 1;
  suite: string;
  startedAt: string;
  finishedAt: string;
  node: string;
  cpus: number;
  cpuModel: string;
  loadAverage: { start: number; end: number };
  rows: BenchRow[];
}

/** Three significant digits, thousands separated: 16.2, 0.0034, 2,340. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  if (abs === 0) return '0';
  return n.toPrecision(2);
}

const unitText = (unit: string) => (unit === '×' ? '×' : ` ${unit}`);
export function formatTarget(target: Target, unit: string): string {
  return `${target.op === '<=' ? '≤' : '≥'} ${formatNumber(target.limit)}${unitText(unit)}`;
}
export function formatMeasured(
  value: number | null,
  unit: string,
  spread?: [number, number],
  n?: number,
): string {
  if (value === null) return '–';
  const base = `${formatNumber(value)}${unitText(unit)}`;
  if (!spread) return base;
  return `${base} (${formatNumber(spread[0])}–${formatNumber(spread[1])}${n ? `, n=${n}` : ''})`;
}

function meets(value: number, target: Target): boolean {
  return target.op === '<=' ? value <= target.limit : value >= target.limit;
}

/** The options a bench script was started with. */
export function noCheck(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--no-check') || process.env.ENVSCALER_BENCH_NO_CHECK === '1';
}

export class BenchSuite {
  readonly rows: BenchRow[] = [];
  private readonly startedAt = new Date();
  private readonly loadAtStart = loadavg()[0]!;

  constructor(readonly suite: string) {}

  private add(row: Omit<BenchRow, 'suite'>): BenchRow {
    const full = { suite: this.suite, ...row };
    this.rows.push(full);
    const ratio = full.ratio ? ` → ${formatMeasured(full.ratio.value, '×', full.ratio.spread)}` : '';
    const baseline = full.baseline
      ? ` vs ${full.baseline.name} ${formatMeasured(full.baseline.value, full.baseline.unit, full.baseline.spread)}`
      : '';
    const target = full.target
      ? ` (target ${formatTarget(full.target, full.targetOn === 'ratio' ? '×' : full.unit)})`
      : '';
    console.log(
      `[${full.verdict}] ${full.name}: ${formatMeasured(full.value, full.unit, full.spread, full.repetitions)}${baseline}${ratio}${target}${full.note ? ` — ${full.note}` : ''}`,
    );
    return full;
  }

  /**
   * A figure against a baseline measured in the same rounds: `samples[i]` and `baseline.samples[i]` come
   * from round i. The ratio is measured / baseline per round; a target applies to its median.
   */
  compare(options: {
    id: string;
    name: string;
    unit: string;
    samples: readonly number[];
    baseline: { name: string; samples: readonly number[]; unit?: string };
    target?: Target;
    note?: string;
  }): BenchRow {
    requireRepetitions(options.name, options.samples);
    const s = spreadOf(options.samples);
    const b = spreadOf(options.baseline.samples);
    const r = spreadOf(pairedRatios(options.samples, options.baseline.samples));
    return this.add({
      id: options.id,
      name: options.name,
      unit: options.unit,
      value: s.median,
      spread: [s.min, s.max],
      repetitions: s.n,
      baseline: {
        name: options.baseline.name,
        unit: options.baseline.unit ?? options.unit,
        value: b.median,
        spread: [b.min, b.max],
      },
      ratio: { value: r.median, spread: [r.min, r.max] },
      ...(options.target ? { targetOn: 'ratio' as const, target: options.target } : {}),
      verdict: options.target ? (meets(r.median, options.target) ? 'pass' : 'fail') : 'info',
      ...(options.note ? { note: options.note } : {}),
    });
  }

  /** A figure with a target on its own median (a rate), optionally with a same-run baseline for context. */
  value(options: {
    id: string;
    name: string;
    unit: string;
    samples: readonly number[];
    target?: Target;
    baseline?: { name: string; samples: readonly number[]; unit?: string };
    note?: string;
  }): BenchRow {
    requireRepetitions(options.name, options.samples);
    const s = spreadOf(options.samples);
    let baseline: BenchRow['baseline'];
    let ratio: BenchRow['ratio'];
    if (options.baseline) {
      const b = spreadOf(options.baseline.samples);
      const r = spreadOf(pairedRatios(options.samples, options.baseline.samples));
      baseline = {
        name: options.baseline.name,
        unit: options.baseline.unit ?? options.unit,
        value: b.median,
        spread: [b.min, b.max],
      };
      ratio = { value: r.median, spread: [r.min, r.max] };
    }
    return this.add({
      id: options.id,
      name: options.name,
      unit: options.unit,
      value: s.median,
      spread: [s.min, s.max],
      repetitions: s.n,
      ...(baseline ? { baseline, ratio } : {}),
      ...(options.target ? { targetOn: 'value' as const, target: options.target } : {}),
      verdict: options.target ? (meets(s.median, options.target) ? 'pass' : 'fail') : 'info',
      ...(options.note ? { note: options.note } : {}),
    });
  }

  /** A results check: the benchmark's answers were verified (a fast wrong answer fails the bench). */
  check(options: { id: string; name: string; ok: boolean; detail: string }): BenchRow {
    return this.add({
      id: options.id,
      name: options.name,
      unit: '',
      value: null,
      verdict: options.ok ? 'pass' : 'fail',
      note: options.detail,
    });
  }

  /** A figure that is not measured in this run; `source` says how, where and by whom it was measured. */
  reference(options: { id: string; name: string; unit: string; value: number; source: string }): BenchRow {
    return this.add({
      id: options.id,
      name: options.name,
      unit: options.unit,
      value: options.value,
      verdict: 'reference',
      note: options.source,
    });
  }

  get failed(): BenchRow[] {
    return this.rows.filter((r) => r.verdict === 'fail');
  }

  /** Prints the table, writes the JSON results, sets the exit code. */
  finish(): SuiteResults {
    const results: SuiteResults = {
      schemaVersion: 1,
      suite: this.suite,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverage: { start: this.loadAtStart, end: loadavg()[0]! },
      rows: this.rows,
    };
    console.log(
      `\n${this.suite}: load average ${results.loadAverage.start.toFixed(1)} → ${results.loadAverage.end.toFixed(1)} on ${results.cpus} CPUs`,
    );
    console.log(renderTable(this.rows, { suiteColumn: false }));
    const dir = process.env.ENVSCALER_BENCH_RESULTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${this.suite.replace(/[^a-z0-9.-]+/gi, '_')}.json`),
        `${JSON.stringify(results, null, 2)}\n`,
      );
    }
    if (this.failed.length > 0) {
      console.log(`${this.failed.length} target(s) missed: ${this.failed.map((r) => r.id).join(', ')}`);
      if (!noCheck()) process.exitCode = 1;
    }
    return results;
  }
}

function requireRepetitions(name: string, samples: readonly number[]): void {
  if (samples.length < MIN_REPETITIONS) {
    throw new Error(
      `${name}: ${samples.length} repetitions; a reported figure needs at least ${MIN_REPETITIONS}`,
    );
  }
}

const verdictText: Record<Verdict, string> = {
  pass: '✅ pass',
  fail: '❌ MISSED',
  info: 'info',
  reference: 'reference',
};

/** A Markdown table of rows (the format of the closing table and of docs/benchmarks-results.md). */
export function renderTable(rows: readonly BenchRow[], options: { suiteColumn?: boolean } = {}): string {
  const withSuite = options.suiteColumn ?? true;
  const head = [
    ...(withSuite ? ['suite'] : []),
    'benchmark',
    'measured (median, min–max)',
    'baseline (same run)',
    'ratio (paired, min–max)',
    'target',
    'verdict',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [
      ...(withSuite ? [r.suite] : []),
      r.name,
      r.value === null ? (r.note ?? '') : formatMeasured(r.value, r.unit, r.spread, r.repetitions),
      r.baseline
        ? `${r.baseline.name}: ${formatMeasured(r.baseline.value, r.baseline.unit, r.baseline.spread)}`
        : r.verdict === 'reference'
          ? (r.note ?? '')
          : '',
      r.ratio ? formatMeasured(r.ratio.value, '×', r.ratio.spread) : '',
      r.target ? formatTarget(r.target, r.targetOn === 'ratio' ? '×' : r.unit) : '',
      verdictText[r.verdict],
    ];
    lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return lines.join('\n');
}
