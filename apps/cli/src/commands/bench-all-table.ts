// The table of `envscaler bench all`: its rows from the suites' results, 95% intervals, the Markdown it
// prints and writes, and the checked shape of `results.json`.
import {
  ACEBENCH_SUBSETS,
  BFCL_CATEGORIES,
  type AcebenchBenchmarkResult,
  type BfclSuiteResult,
  type Tau2BenchmarkResult,
} from '@envscaler/bench';
import { EnvscalerError, InvalidArtifactError, compileSchema, type JsonSchema } from '@envscaler/core';
import { wilsonInterval } from '@envscaler/validate';
import {
  PAPER_MODEL_LABELS,
  type PAPER_BENCHMARKS,
  PAPER_QWEN3_8B,
  type PaperFigure,
  type PaperRowId,
} from './bench-all-paper.js';

/** The suites, in the order they run; each one's results go to `<out>/<suite>/`. */
export const BENCH_ALL_SUITES = ['bfcl', 'tau2-retail', 'tau-airline', 'acebench'] as const;
export type BenchAllSuite = (typeof BENCH_ALL_SUITES)[number];

/** One pass rate to average: its value in [0, 1] and the number of tasks (or entries) behind it. */
export interface RatePart {
  rate: number;
  n: number;
}

export interface MeanPassRate {
  /** The unweighted mean of the parts' rates. */
  rate: number;
  /** The sample size the interval is computed at: K² / Σ 1/nᵢ (the total when the parts are equally large). */
  n: number;
  interval95: [number, number];
}

/**
 * The unweighted mean of K pass rates with a 95% Wilson score interval. One part gives the plain Wilson
 * interval of that rate over its n tasks. For a mean of several (BFCL's four categories, τ's two domains,
 * ACEBench's two subsets: the paper's "Overall" columns) the interval is Wilson's at the mean with the
 * effective sample size K² / Σ 1/nᵢ — the size of one binomial sample with the mean's variance when every
 * part has the same rate; with equal parts it is the pooled count (4 × 200 for a full BFCL run). Splitting by
 * part can only narrow the true interval, so this one is conservative, and unlike a plug-in variance it never
 * collapses to a point when every part is all-pass or all-fail. With several trials per task a rate is the
 * mean over trials and n stays the number of tasks (tasks are the sampled unit).
 */
export function meanPassRate(parts: readonly RatePart[]): MeanPassRate {
  if (parts.length === 0) throw new EnvscalerError('INVALID_INPUT', 'meanPassRate: no rates to average');
  for (const [i, p] of parts.entries()) {
    if (!(Number.isInteger(p.n) && p.n > 0))
      throw new EnvscalerError(
        'INVALID_INPUT',
        `meanPassRate: part ${i} has n = ${p.n}; needs a whole number ≥ 1`,
      );
    if (!(p.rate >= 0 && p.rate <= 1))
      throw new EnvscalerError(
        'INVALID_INPUT',
        `meanPassRate: part ${i} has rate ${p.rate}; needs a value in [0, 1]`,
      );
  }
  const k = parts.length;
  const rate = parts.reduce((s, p) => s + p.rate, 0) / k;
  const n = (k * k) / parts.reduce((s, p) => s + 1 / p.n, 0);
  return { rate, n, interval95: wilsonInterval(rate * n, n) };
}

/** A measured figure of the table. */
export interface BenchAllMeasured {
  /** In [0, 1]. */
  rate: number;
  interval95: [number, number];
  /** Tasks or entries behind it (for a mean: the effective n of {@link meanPassRate}). */
  n: number;
  /** Tasks or entries passed, when each was run once. */
  passed?: number;
}

export interface BenchAllRow {
  id: PaperRowId;
  suite: BenchAllSuite | 'tau';
  /** What the row measures, e.g. `BFCL-v3 multi-turn base`. */
  label: string;
  metric: 'accuracy' | 'pass^1' | 'end-state accuracy';
  /** Null when the suite was not run (not in --suites, or interrupted before it). */
  measured: BenchAllMeasured | null;
  /** Episodes whose run failed (model errors), counted as failures; a re-run retries them. */
  errors: number;
  /** The paper's figures in percent (null: not reported). */
  paper: PaperFigure;
}

export interface BenchAllSuiteRun {
  /** The suite's own run folder: `bench bfcl --category all` / `bench tau2` / `bench acebench` resume it too. */
  out: string;
  ran: number;
  skipped: number;
  errors: number;
}

/** `<out>/results.json`. */
export interface BenchAllResults {
  schemaVersion: 1;
  benchmark: 'bench-all';
  agentModel?: string;
  userModel?: string;
  settings: {
    suites: BenchAllSuite[];
    trials: number;
    /** The first N entries / tasks of every category, domain and subset; null: all (the paper's sets). */
    limit: number | null;
    temperature: number;
  };
  suites: Partial<Record<BenchAllSuite, BenchAllSuiteRun>>;
  rows: BenchAllRow[];
  paper: { citation: string; benchmarks: Record<keyof typeof PAPER_BENCHMARKS, string> };
  createdAt: string;
}

/** What the suites returned, as far as they ran. */
export interface BenchAllSuiteResults {
  bfcl?: BfclSuiteResult;
  'tau2-retail'?: Tau2BenchmarkResult;
  'tau-airline'?: Tau2BenchmarkResult;
  acebench?: AcebenchBenchmarkResult;
}

const BFCL_LABELS: Record<(typeof BFCL_CATEGORIES)[number], PaperRowId> = {
  base: 'bfcl.base',
  miss_func: 'bfcl.miss_func',
  miss_param: 'bfcl.miss_param',
  long_context: 'bfcl.long_context',
};

function measuredOf(part: RatePart & { passed?: number }): BenchAllMeasured {
  const m = meanPassRate([part]);
  return {
    rate: m.rate,
    interval95: m.interval95,
    n: part.n,
    ...(part.passed === undefined ? {} : { passed: part.passed }),
  };
}

function meanOf(parts: readonly (RatePart | null)[]): BenchAllMeasured | null {
  if (parts.some((p) => p === null)) return null;
  const m = meanPassRate(parts as RatePart[]);
  return { rate: m.rate, interval95: m.interval95, n: m.n };
}

function row(
  id: PaperRowId,
  suite: BenchAllRow['suite'],
  label: string,
  metric: BenchAllRow['metric'],
  part: (RatePart & { passed?: number }) | null,
  errors: number,
): BenchAllRow {
  return {
    id,
    suite,
    label,
    metric,
    measured: part ? measuredOf(part) : null,
    errors,
    paper: PAPER_QWEN3_8B[id],
  };
}

function tauPart(result: Tau2BenchmarkResult | undefined): (RatePart & { passed?: number }) | null {
  const first = result?.summary.passHatK[0];
  if (!result || !first || first.tasks === 0) return null;
  const s = result.summary;
  const once = Object.values(s.perTask).every((t) => t.trials === 1);
  const passed = Object.values(s.perTask).reduce((sum, t) => sum + t.successes, 0);
  return { rate: first.value, n: first.tasks, ...(once ? { passed } : {}) };
}

/** The table's rows from whatever the suites returned: BFCL per category and mean, τ per domain and mean, ACEBench per subset and mean. */
export function benchAllRows(results: BenchAllSuiteResults): BenchAllRow[] {
  const rows: BenchAllRow[] = [];
  const bfclParts = BFCL_CATEGORIES.map((c) => {
    const s = results.bfcl?.categories[c]?.summary;
    const part = s && s.entries > 0 ? { rate: s.accuracy, n: s.entries, passed: s.passed } : null;
    rows.push(row(BFCL_LABELS[c], 'bfcl', `BFCL-v3 multi-turn ${c}`, 'accuracy', part, s?.errors ?? 0));
    return part;
  });
  rows.push({
    id: 'bfcl.overall',
    suite: 'bfcl',
    label: 'BFCL-v3 multi-turn mean of 4',
    metric: 'accuracy',
    measured: meanOf(bfclParts),
    errors: results.bfcl?.summary.errors ?? 0,
    paper: PAPER_QWEN3_8B['bfcl.overall'],
  });

  const retail = results['tau2-retail'];
  const airline = results['tau-airline'];
  const retailPart = tauPart(retail);
  const airlinePart = tauPart(airline);
  rows.push(
    row('tau.retail', 'tau2-retail', 'τ²-bench retail', 'pass^1', retailPart, retail?.summary.errors ?? 0),
  );
  rows.push(
    row('tau.airline', 'tau-airline', 'τ-bench airline', 'pass^1', airlinePart, airline?.summary.errors ?? 0),
  );
  rows.push({
    id: 'tau.overall',
    suite: 'tau',
    label: 'τ retail + airline mean',
    metric: 'pass^1',
    measured: meanOf([retailPart, airlinePart]),
    errors: (retail?.summary.errors ?? 0) + (airline?.summary.errors ?? 0),
    paper: PAPER_QWEN3_8B['tau.overall'],
  });

  const ace = results.acebench?.summary;
  const aceParts = ACEBENCH_SUBSETS.map((subset) => {
    const s = ace?.subsets[subset];
    const part =
      s && s.tasks > 0
        ? { rate: s.endToEnd, n: s.tasks, ...(s.episodes === s.tasks ? { passed: s.endToEndPassed } : {}) }
        : null;
    const id: PaperRowId = subset === 'multi_step' ? 'acebench.multi_step' : 'acebench.multi_turn';
    const errors = ace ? results.acebench!.results.filter((r) => r.subset === subset && r.error).length : 0;
    rows.push(row(id, 'acebench', `ACEBench agent ${subset}`, 'end-state accuracy', part, errors));
    return part;
  });
  rows.push({
    id: 'acebench.overall',
    suite: 'acebench',
    label: 'ACEBench agent mean of 2',
    metric: 'end-state accuracy',
    measured: meanOf(aceParts),
    errors: ace?.errors ?? 0,
    paper: PAPER_QWEN3_8B['acebench.overall'],
  });
  return rows;
}

function pct1(x: number): string {
  return (x * 100).toFixed(1);
}

function measuredCell(r: BenchAllRow): string {
  if (!r.measured) return 'not run';
  const m = r.measured;
  const errors = r.errors > 0 ? ` (${r.errors} error${r.errors === 1 ? '' : 's'})` : '';
  return `${pct1(m.rate)} [${pct1(m.interval95[0])}, ${pct1(m.interval95[1])}]${errors}`;
}

function nCell(r: BenchAllRow): string {
  if (!r.measured) return '–';
  if (r.measured.passed !== undefined) return `${r.measured.passed}/${r.measured.n}`;
  return Number.isInteger(r.measured.n) ? String(r.measured.n) : r.measured.n.toFixed(1);
}

function paperCell(value: number | null): string {
  return value === null ? 'not reported' : value.toFixed(2);
}

/** The table, as Markdown with padded columns (readable in a terminal too). */
export function formatBenchAllTable(results: Pick<BenchAllResults, 'rows'>): string {
  const header = [
    'Benchmark',
    'Metric',
    'Measured % [95% CI]',
    'n',
    PAPER_MODEL_LABELS.before,
    PAPER_MODEL_LABELS.after,
  ];
  const body = results.rows.map((r) => [
    r.id === 'tau.retail' ? `${r.label} ¹` : r.label,
    r.metric,
    measuredCell(r),
    nCell(r),
    paperCell(r.paper.before),
    paperCell(r.paper.after),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return (
    [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n') + '\n'
  );
}

/** `<out>/results.md`: the table and what it rests on. */
export function formatBenchAllMarkdown(results: BenchAllResults): string {
  const s = results.settings;
  const who = [
    results.agentModel ? `agent \`${results.agentModel}\`` : undefined,
    results.userModel ? `simulated user \`${results.userModel}\`` : undefined,
  ].filter(Boolean);
  return [
    "# envscaler bench all: the EnvScaler paper's table",
    '',
    `${who.length > 0 ? `${who.join(', ')}; ` : ''}suites ${s.suites.join(', ')}; ${s.trials} trial${s.trials === 1 ? '' : 's'} per task; temperature ${s.temperature}; ${s.limit === null ? 'every task (the paper’s sets)' : `the first ${s.limit} of every category, domain and subset`}. ${results.createdAt}`,
    '',
    formatBenchAllTable(results).trimEnd(),
    '',
    `- Paper figures: ${results.paper.citation}. Benchmarks there: ${Object.values(results.paper.benchmarks).join('; ')}.`,
    '- ¹ The paper ran τ-bench (v1) retail, 115 tasks; this harness runs τ²-bench retail (114 tasks), the revised version of the same domain, so that row compares across benchmark versions. Airline is τ-bench airline, as in the paper.',
    '- Measured: BFCL accuracy per category, τ pass^1 (mean over tasks of successes / trials), ACEBench end-state accuracy per subset; means are unweighted, as the paper’s "Overall" columns. 95% intervals: Wilson score over tasks; for a mean, Wilson at the effective sample size K² / Σ 1/nᵢ (conservative). n: passed/total when every task ran once.',
    ...(s.limit === null
      ? []
      : [
          `- --limit ${s.limit}: a subset of every benchmark: compare the measured figures with the paper's only through their intervals.`,
        ]),
    '',
  ].join('\n');
}

const rate = { type: 'number', minimum: 0, maximum: 1 };
const wholeNumber = { type: 'integer', minimum: 0 };
const paperValue = { type: ['number', 'null'] };

const benchAllResultsSchema: JsonSchema = {
  type: 'object',
  required: ['schemaVersion', 'benchmark', 'settings', 'suites', 'rows', 'paper', 'createdAt'],
  properties: {
    schemaVersion: { const: 1 },
    benchmark: { const: 'bench-all' },
    agentModel: { type: 'string' },
    userModel: { type: 'string' },
    settings: {
      type: 'object',
      required: ['suites', 'trials', 'limit', 'temperature'],
      properties: {
        suites: { type: 'array', items: { enum: [...BENCH_ALL_SUITES] } },
        trials: { type: 'integer', minimum: 1 },
        limit: { oneOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }] },
        temperature: { type: 'number' },
      },
    },
    suites: {
      type: 'object',
      propertyNames: { enum: [...BENCH_ALL_SUITES] },
      additionalProperties: {
        type: 'object',
        required: ['out', 'ran', 'skipped', 'errors'],
        properties: { out: { type: 'string' }, ran: wholeNumber, skipped: wholeNumber, errors: wholeNumber },
      },
    },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'metric', 'measured', 'errors', 'paper'],
        properties: {
          id: { enum: Object.keys(PAPER_QWEN3_8B) },
          label: { type: 'string' },
          metric: { enum: ['accuracy', 'pass^1', 'end-state accuracy'] },
          errors: wholeNumber,
          measured: {
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                required: ['rate', 'interval95', 'n'],
                properties: {
                  rate,
                  n: { type: 'number', exclusiveMinimum: 0 },
                  interval95: { type: 'array', items: rate, minItems: 2, maxItems: 2 },
                  passed: wholeNumber,
                },
              },
            ],
          },
          paper: {
            type: 'object',
            required: ['before', 'after'],
            properties: { before: paperValue, after: paperValue },
          },
        },
      },
    },
    paper: { type: 'object', required: ['citation', 'benchmarks'] },
    createdAt: { type: 'string' },
  },
};

let validateBenchAllResults: ReturnType<typeof compileSchema> | undefined;

/** Checks a parsed `results.json` against {@link BenchAllResults}; throws an `InvalidArtifactError` listing every problem. */
export function parseBenchAllResults(value: unknown, source?: string): BenchAllResults {
  validateBenchAllResults ??= compileSchema(benchAllResultsSchema);
  const issues = validateBenchAllResults(value);
  if (issues.length === 0) {
    // What a schema cannot say: an interval must contain its own rate.
    (value as BenchAllResults).rows.forEach((r, i) => {
      const m = r.measured;
      if (m && !(m.interval95[0] <= m.rate && m.rate <= m.interval95[1]))
        issues.push({ path: `$.rows[${i}].measured.interval95`, message: 'must contain rate' });
    });
  }
  if (issues.length > 0) throw new InvalidArtifactError({ artifact: 'bench all results', issues, source });
  return value as BenchAllResults;
}
