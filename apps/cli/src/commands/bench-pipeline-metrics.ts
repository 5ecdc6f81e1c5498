import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { mapConcurrent, parseArtifact, sha256Hex } from '@envscaler/core/node';

/** What one stage of `envscaler bench pipeline` cost. */
export interface StageMetrics {
  stage: string;
  wallMs: number;
  /** The stage's unit of work (tasks, environments, scenarios, episodes, records) and how many. */
  unit: string;
  items: number;
  /** Requests that reached the model (answered neither by the response cassette nor a stage cache). */
  modelCalls: number;
  /** Requests answered without calling the model: recorded in `.cache/llm`, or shared with an identical one in flight. */
  cacheHits: number;
  /** Highest resident set size sampled during the stage, in bytes. */
  peakRssBytes: number;
  /** Bytes and files the stage added under `--out` (new files count whole, rewritten ones by growth). */
  bytesWritten: number;
  filesWritten: number;
}

/** Samples `process.memoryUsage().rss` every `intervalMs` until `stop()`, which returns the peak. */
export function sampleRss(options: { intervalMs?: number } = {}): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, options.intervalMs ?? 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** Every file under `dir` with its size, by path relative to `dir` (an absent dir is empty). */
export async function fileSizes(dir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  // a bounded number of stats in flight: all at once (~70,000 files at N=100) took seconds and gigabytes
  await mapConcurrent({
    items: entries.filter((e) => e.isFile()),
    concurrency: 64,
    fn: async (e) => {
      const file = join(e.parentPath, e.name);
      const size = await stat(file).then(
        (s) => s.size,
        () => undefined, // removed meanwhile (a temporary file)
      );
      if (size !== undefined) sizes.set(relative(dir, file), size);
    },
  });
  return sizes;
}

/** Bytes and files added between two `fileSizes` snapshots. */
export function writtenBetween(
  before: Map<string, number>,
  after: Map<string, number>,
): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const [file, size] of after) {
    const old = before.get(file);
    if (old === undefined) {
      files++;
      bytes += size;
    } else if (size > old) bytes += size - old;
  }
  return { bytes, files };
}

/**
 * Fields that record when or how long, not what: `createdAt`, `recordedAt`, `startedAt`, `finishedAt`,
 * `durationMs`, `wallTimeMs`, `elapsedMs`. Digests replace their values, so two runs of the same work
 * (one of them interrupted and resumed) compare equal exactly when everything else is byte-identical.
 * Likewise the split of a usage entry into `calls` made by this run and `cachedCalls` read back from an
 * earlier one, and of the stage cache's `misses` and `hits`, depends on where a run was interrupted;
 * digests keep only their sums.
 */
export const volatileKeys: ReadonlySet<string> = new Set([
  'createdAt',
  'recordedAt',
  'startedAt',
  'finishedAt',
  'durationMs',
  'wallTimeMs',
  'elapsedMs',
]);

/** Counters split by whether this run did the work or reused an earlier run's: [done now, reused]. */
const runSplits = [
  ['calls', 'cachedCalls'],
  ['misses', 'hits'],
] as const;

function maskVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskVolatile);
  if (value && typeof value === 'object') {
    let record = value as Record<string, unknown>;
    for (const [made, reused] of runSplits) {
      const a = record[made];
      const b = record[reused];
      if (typeof a === 'number' && typeof b === 'number')
        record = { ...record, [made]: a + b, [reused]: '<volatile>' };
    }
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, volatileKeys.has(k) ? '<volatile>' : maskVolatile(v)]),
    );
  }
  return value;
}

/**
 * The bytes a digest is taken of: JSON and JSON lines with volatile fields masked, other files as they are.
 * A file that is not JSON is INVALID_ARTIFACT at `file:line:column`.
 */
export function digestText(options: { file: string; text: string }): string {
  const { file, text } = options;
  if (file.endsWith('.json'))
    return `${JSON.stringify(maskVolatile(parseArtifact({ text, source: file })), null, 2)}\n`;
  if (file.endsWith('.jsonl')) {
    return text
      .split('\n')
      .map((line, i) =>
        line.trim() === ''
          ? line
          : JSON.stringify(
              maskVolatile(parseArtifact({ text: line, source: file, line: i + 1, artifact: 'JSON line' })),
            ),
      )
      .join('\n');
  }
  return text;
}

/** The final artifacts of a pipeline run (caches, locks, reports with timings and temporary files aside). */
export const artifactRoots = ['envs', 'dropped', 'scenarios', 'rollouts', 'export', 'report.json'] as const;

/** sha256 of every final artifact under `out` (see `digestText`), by path relative to `out`, sorted. */
export async function artifactDigests(options: { out: string }): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  const files: string[] = [];
  for (const root of artifactRoots) {
    const path = join(options.out, root);
    const found = await stat(path).catch(() => undefined);
    if (found?.isFile()) files.push(root);
    else if (found?.isDirectory()) {
      for (const file of (await fileSizes(path)).keys()) files.push(join(root, file));
    }
  }
  for (const file of files.sort()) {
    if (file.split(sep).some((part) => part.startsWith('.'))) continue;
    const full = join(options.out, file);
    digests[file] = sha256Hex(digestText({ file: full, text: await readFile(full, 'utf8') }));
  }
  return digests;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The per-stage table of one run, as Markdown. */
export function formatStageTable(options: { stages: readonly StageMetrics[] }): string {
  const rows = options.stages.map((s) => [
    s.stage,
    seconds(s.wallMs),
    `${s.items} ${s.unit}`,
    s.items > 0 ? (s.wallMs / s.items).toFixed(2) : '-',
    String(s.modelCalls),
    String(s.cacheHits),
    mb(s.peakRssBytes),
    mb(s.bytesWritten),
    String(s.filesWritten),
  ]);
  const total = options.stages.reduce(
    (t, s) => ({
      wallMs: t.wallMs + s.wallMs,
      modelCalls: t.modelCalls + s.modelCalls,
      cacheHits: t.cacheHits + s.cacheHits,
      peak: Math.max(t.peak, s.peakRssBytes),
      bytes: t.bytes + s.bytesWritten,
      files: t.files + s.filesWritten,
    }),
    { wallMs: 0, modelCalls: 0, cacheHits: 0, peak: 0, bytes: 0, files: 0 },
  );
  rows.push([
    'total',
    seconds(total.wallMs),
    '',
    '',
    String(total.modelCalls),
    String(total.cacheHits),
    mb(total.peak),
    mb(total.bytes),
    String(total.files),
  ]);
  return table(
    [
      'stage',
      'wall s',
      'items',
      'ms/item',
      'model calls',
      'cache hits',
      'peak RSS MB',
      'MB written',
      'files',
    ],
    rows,
  );
}

/** One run of a growth series. */
export interface GrowthRow {
  envs: number;
  scenarios: number;
  episodes: number;
  wallMs: number;
  peakRssBytes: number;
  /** Wall time per stage, by stage name. */
  stageMs: Record<string, number>;
}

/** The growth table: end-to-end and per-stage time at each N, and time(N) / time(first N). */
export function formatGrowthTable(options: { rows: readonly GrowthRow[] }): string {
  const first = options.rows[0];
  const stages = first ? Object.keys(first.stageMs) : [];
  const rows = options.rows.map((r) => [
    String(r.envs),
    String(r.scenarios),
    String(r.episodes),
    seconds(r.wallMs),
    first ? `${(r.wallMs / first.wallMs).toFixed(2)}×` : '',
    ...stages.map((s) => seconds(r.stageMs[s] ?? 0)),
    mb(r.peakRssBytes),
  ]);
  return table(
    [
      'N',
      'scenarios',
      'episodes',
      'total s',
      'time(N)/time(first)',
      ...stages.map((s) => `${s} s`),
      'peak RSS MB',
    ],
    rows,
  );
}

/**
 * Text bar charts against N, each next to linear scaling from the first N: end-to-end time, then each
 * stage's time (on its own scale, so a stage that grows faster than N shows however small it is).
 */
export function formatGrowthChart(options: { rows: readonly GrowthRow[]; width?: number }): string {
  const { rows } = options;
  const width = options.width ?? 50;
  const first = rows[0];
  if (!first) return '';
  const chart = (title: string, ms: (r: GrowthRow) => number, indent: string) => {
    const linear = (r: GrowthRow) => (ms(first) * r.envs) / first.envs;
    const max = Math.max(...rows.map((r) => Math.max(ms(r), linear(r))));
    const bar = (value: number) => (max === 0 ? 1 : Math.max(1, Math.round((value / max) * width)));
    const lines = [title];
    for (const r of rows) {
      const measured = bar(ms(r));
      const expected = bar(linear(r));
      const tail = expected > measured ? '·'.repeat(expected - measured) : '';
      lines.push(
        `${indent}N=${String(r.envs).padStart(4)} ${'█'.repeat(measured)}${tail} ${seconds(ms(r))} s`,
      );
    }
    return lines.join('\n');
  };
  const parts = [
    chart('end-to-end wall time by N (█ measured, · linear from the first N)', (r) => r.wallMs, ''),
  ];
  // stages that take no measurable time (writing the corpus) would only be noise
  const stages = Object.keys(first.stageMs).filter((s) => rows.some((r) => (r.stageMs[s] ?? 0) >= 100));
  if (stages.length > 0) parts.push('wall time per stage by N (each on its own scale)');
  for (const stage of stages) parts.push(chart(`  ${stage}`, (r) => r.stageMs[stage] ?? 0, '    '));
  return parts.join('\n');
}
