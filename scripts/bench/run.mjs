#!/usr/bin/env node
// `pnpm bench [--no-check]`: runs every workspace package's `bench` script one at a time (turbo), each
// writing its rows as JSON into a temporary directory, then prints one closing table with a verdict per
// target, writes it to docs/benchmarks-results.md (the only place README and docs take figures from),
// and exits non-zero when a target is missed, a results check fails or a bench did not report.
// `--no-check` reports only (exit 0 unless a bench crashed). Run with tsx (the root `bench` script does).
/* global console, process -- Node globals; this file is plain JavaScript */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTable } from '@envscaler/testing/bench';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const check = !process.argv.includes('--no-check');
const passThrough = process.argv.slice(2).filter((a) => a !== '--no-check' && a !== '--');

/** Workspace packages with a bench script: they must each report. */
function benchPackages() {
  const names = [];
  for (const group of ['apps', 'packages', 'envs']) {
    let dirs = [];
    try {
      dirs = readdirSync(join(root, group));
    } catch {
      continue;
    }
    for (const d of dirs) {
      try {
        const pkg = JSON.parse(readFileSync(join(root, group, d, 'package.json'), 'utf8'));
        if (pkg.scripts?.bench) names.push(pkg.name);
      } catch {
        // not a package
      }
    }
  }
  return names.sort();
}

const resultsDir = mkdtempSync(join(tmpdir(), 'envscaler-bench-results-'));
const startedAt = new Date();
const loadAtStart = loadavg()[0];
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');
const run = spawnSync(
  process.execPath,
  [turbo, 'run', 'bench', '--concurrency=1', '--output-logs=full', '--continue', ...passThrough],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ENVSCALER_BENCH_RESULTS_DIR: resultsDir, ENVSCALER_BENCH_NO_CHECK: '1' },
  },
);

const suites = readdirSync(resultsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')))
  .sort((a, b) => a.suite.localeCompare(b.suite));
rmSync(resultsDir, { recursive: true, force: true });
const reported = new Set(suites.map((s) => s.suite));
const filtered = passThrough.some((a) => a.startsWith('--filter'));
const missing = filtered ? [] : benchPackages().filter((name) => !reported.has(name));
const rows = suites.flatMap((s) => s.rows);
for (const name of missing) {
  rows.push({
    suite: name,
    id: 'reported',
    name: 'bench ran and reported its figures',
    unit: '',
    value: null,
    verdict: 'fail',
    note: 'no results: the bench crashed or did not report (see its output above)',
  });
}
const failed = rows.filter((r) => r.verdict === 'fail');
const targets = rows.filter((r) => r.target);
const checks = rows.filter((r) => r.verdict !== 'reference' && !r.target && r.value === null);
const loadAtEnd = loadavg()[0];
const table = renderTable(rows);
const summary = `${targets.length - targets.filter((r) => r.verdict === 'fail').length} of ${targets.length} targets met; ${checks.filter((r) => r.verdict === 'pass').length} of ${checks.length} results checks passed${missing.length ? `; ${missing.length} bench(es) did not report` : ''}`;

console.log('\n=== pnpm bench: closing table ===\n');
console.log(table);
console.log(
  `\n${summary}. Load average ${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)} on ${cpus().length} CPUs.`,
);

const references = rows.filter((r) => r.verdict === 'reference');
const machine = suites[0] ?? {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
};
const markdown = `# Benchmark results

<!-- Written by \`pnpm bench\` (scripts/bench/run.mjs). Do not edit by hand: run it again. -->

The figures below are the last run of \`pnpm bench\`${filtered ? ` (${passThrough.join(' ')})` : ''}, started ${startedAt.toISOString()} on
${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${loadAtStart.toFixed(1)} at the start and
${loadAtEnd.toFixed(1)} at the end${Math.max(loadAtStart, loadAtEnd) > 1 ? ' (other jobs were running on the machine)' : ''}. **${summary}.**

How to read them:

- Each figure is the median of at least five repetitions, with its spread (min–max).
- A ratio compares a figure with a baseline measured in the same run, paired round by round (the
  baseline and the figure alternate, and the ratio is the median of the per-round ratios), so load from
  other processes shifts both sides alike.
- Unless a row says wall-clock, times and rates are process CPU time (all threads: the isolate's, the GC
  helpers'), which does not count the time the process waited for a core on a busy machine; each suite's
  own output also prints the wall-clock figures.
- Results checks verify that the benchmarked work gave the right answers (digests against the
  environments' expected-train fixtures, per-session balances), so a fast wrong answer fails.
- A reference row is a figure that cannot be measured in the same run; it names where it comes from.

${table}
${
  references.length > 0
    ? `\n## Reference figures\n\n${references.map((r) => `- **${r.name}** (${r.value} ${r.unit}): ${r.note}`).join('\n')}\n`
    : ''
}
## Per suite

${suites
  .map(
    (s) =>
      `- \`${s.suite}\`: ${s.startedAt} – ${s.finishedAt}, load average ${s.loadAverage.start.toFixed(1)} → ${s.loadAverage.end.toFixed(1)}`,
  )
  .join('\n')}
`;
writeFileSync(join(root, 'docs', 'benchmarks-results.md'), markdown);
console.log('Wrote docs/benchmarks-results.md');

if (run.status !== 0) {
  console.error(`turbo exited with ${run.status ?? run.signal}: a bench (or a build it needs) failed`);
  process.exit(1);
}
if (missing.length > 0) process.exit(1);
if (check && failed.length > 0) {
  console.error(
    `${failed.length} target(s) or check(s) missed: ${failed.map((r) => `${r.suite} ${r.id}`).join(', ')}`,
  );
  process.exit(1);
}
