import {
  summarizeCallUsage,
  type BuildReport,
  type CallUsage,
  type PriceTable,
  type RepairReport,
  type StageUsage,
} from '@envscaler/core';
import { corpusDropRules } from './corpus.js';
import type { RepairRound } from './logic/model-logic.js';

// The report's types and JSON Schema live in @envscaler/core (`BuildReport`, `parseBuildReport`), so the
// viewer reads exactly what this writes.

/** Diagnostics kept per repair round in the report; a round with more counts the rest in `omitted`. */
export const reportedDiagnosticsPerRound = 20;

/** The report's view of repair rounds: their first `reportedDiagnosticsPerRound` diagnostics each. */
export function repairReports(rounds: readonly RepairRound[]): RepairReport[] {
  return rounds.map((r) => {
    const kept = r.diagnostics.slice(0, reportedDiagnosticsPerRound);
    return {
      round: r.round + 1,
      diagnostics: kept.map((d) => ({
        file: 'env.ts',
        line: d.line,
        code: `TS${d.code}`,
        message: d.message,
        ...(d.method ? { method: d.method } : {}),
      })),
      ...(r.diagnostics.length > kept.length ? { omitted: r.diagnostics.length - kept.length } : {}),
    };
  });
}

/** Calls and tokens by stage, by model and in total, each call priced at its model's entry of `prices`. */
export function tokensReport(
  calls: Iterable<CallUsage>,
  options: { prices?: PriceTable } = {},
): {
  tokens: Record<string, StageUsage>;
  byModel: Record<string, StageUsage>;
  total: StageUsage;
  unpricedModels: string[];
} {
  const summary = summarizeCallUsage(calls, { prices: options.prices });
  return {
    tokens: summary.byStage,
    byModel: summary.byModel,
    total: summary.total,
    unpricedModels: summary.unpricedModels,
  };
}

/** The readable summary written as `out/report.md`. */
export function renderReportMarkdown(report: BuildReport): string {
  const lines: string[] = [];
  const kept = report.envs.filter((e) => e.status === 'kept');
  lines.push(`# skelbuilder run${report.aborted ? ' (aborted — partial)' : ''}`, '');
  lines.push(
    `${report.corpus.tasks} tasks → ${kept.length} environments in ${(report.wallTimeMs / 1000).toFixed(1)} s` +
      (report.model ? ` with model \`${report.model}\`` : '') +
      '.',
    '',
  );
  const filters = report.corpus.filters;
  if (filters) {
    const drops = corpusDropRules.filter((rule) => (filters.dropped[rule] ?? 0) > 0);
    lines.push(
      `Corpus \`${filters.source}\` (${filters.format}, ${filters.records} records): ${filters.tasks} tasks` +
        (filters.filtered ? " after EnvScaler's filters" : '') +
        (drops.length > 0
          ? `; dropped ${drops.map((rule) => `${filters.dropped[rule]} ${rule}`).join(', ')}.`
          : '; none dropped.'),
      '',
    );
  }
  lines.push(
    `Topic deduplication used **${report.dedup.method === 'embeddings' ? 'embeddings' : 'TF-IDF cosine (no embeddings model given)'}**` +
      ` with similarity threshold ${report.dedup.threshold}.`,
    '',
  );
  lines.push('## Funnel', '', '| stage | in | out | dropped |', '|---|---:|---:|---:|');
  for (const f of report.funnel) lines.push(`| ${f.stage} | ${f.in} | ${f.out} | ${f.dropped.length} |`);
  lines.push('', '## Drops', '');
  const drops = report.funnel.flatMap((f) => f.dropped);
  if (drops.length === 0) lines.push('None.');
  for (const d of drops) lines.push(`- **${d.stage}** \`${d.id}\`: ${oneLine(d.reason)}`);
  lines.push(
    '',
    '## Environments',
    '',
    '| env | topic | tasks | quality | repairs | status |',
    '|---|---|---:|---:|---:|---|',
  );
  for (const e of report.envs) {
    lines.push(
      `| \`${e.envId}\` | ${e.topic} | ${e.taskIds.length} | ${e.qualityScore === undefined ? '–' : e.qualityScore.toFixed(2)} | ${e.repairRounds ?? '–'} | ${e.status}${e.stage ? ` (${e.stage})` : ''} |`,
    );
  }
  lines.push('', '## Repair diagnostics', '');
  const repaired = report.envs.filter((e) => e.repairs?.length);
  if (repaired.length === 0) lines.push('None.');
  for (const e of repaired) {
    for (const r of e.repairs!) {
      lines.push(`- \`${e.envId}\` round ${r.round}:`);
      for (const d of r.diagnostics) {
        const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
        lines.push(
          `  - \`${where}\` ${d.code}${d.method ? ` in \`${d.method}\`` : ''}: ${oneLine(d.message)}`,
        );
      }
      if (r.omitted) lines.push(`  - … ${r.omitted} more`);
    }
  }
  const row = (name: string, t: StageUsage) =>
    `| ${name} | ${t.calls} | ${t.cachedCalls} | ${t.promptTokens} | ${t.completionTokens} | ${t.costUsd === undefined ? '–' : t.costUsd.toFixed(4)} |`;
  lines.push(
    '',
    '## Tokens',
    '',
    'Every call of the build, across interruptions: "replayed" calls were made by an earlier run of this',
    "output and read back from the stage cache by this one. Each call is priced at its own model's price.",
    '',
    '| stage | calls | replayed | prompt | completion | cost (USD) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [stage, t] of Object.entries(report.tokens)) lines.push(row(stage, t));
  lines.push(row('**total**', report.totalTokens));
  lines.push(
    '',
    '| model | calls | replayed | prompt | completion | cost (USD) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [model, t] of Object.entries(report.tokensByModel ?? {})) lines.push(row(`\`${model}\``, t));
  if (report.unpricedModels?.length)
    lines.push('', `No price for ${report.unpricedModels.map((m) => `\`${m}\``).join(', ')}: cost left out.`);
  lines.push('', `Stage cache: ${report.cache.hits} reused, ${report.cache.misses} computed.`, '');
  return lines.join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}
