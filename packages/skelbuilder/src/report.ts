import type { RepairRound } from './logic/model-logic.js';
import type { Drop } from './topics.js';
import { costOf, type Pricing, type UsageMeter } from './usage.js';

/** One funnel step: how many items went in, how many came out, and why each drop happened. */
export interface FunnelStage {
  stage: string;
  in: number;
  out: number;
  dropped: Drop[];
}

export interface EnvOutcome {
  envId: string;
  topicId: string;
  topic: string;
  taskIds: string[];
  status: 'kept' | 'dropped';
  /** The stage that dropped it. */
  stage?: string;
  reason?: string;
  className?: string;
  qualityScore?: number;
  repairRounds?: number;
  /** The compiler diagnostics behind each repair round (absent when none was needed). */
  repairs?: RepairReport[];
  /** Where its files are (relative to `out`). */
  path?: string;
}

/** Diagnostics kept per repair round in the report; a round with more counts the rest in `omitted`. */
export const reportedDiagnosticsPerRound = 20;

/** The compiler diagnostics that sent an environment's code back for one repair round. */
export interface RepairReport {
  /** 1 for the first repair round. */
  round: number;
  /**
   * `file` is the environment's `env.ts`; lines refer to the module as assembled in that round, before
   * the repair (0: found by the per-body syntax check, which has no module line).
   */
  diagnostics: { file: string; line: number; code: string; message: string; method?: string }[];
  omitted?: number;
}

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

export interface StageTokens {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd?: number;
}

/** `out/report.json`. */
export interface BuildReport {
  schemaVersion: 1;
  createdAt: string;
  wallTimeMs: number;
  aborted: boolean;
  model?: string;
  corpus: { tasks: number };
  dedup: {
    method: 'embeddings' | 'tfidf';
    threshold: number;
    merged: { representative: string; members: string[] }[];
  };
  thresholds: { minScore: number; quality: number; dedupSimilarity: number };
  funnel: FunnelStage[];
  /** Tokens spent by this run per stage (answers reused from the cache cost nothing and are not counted). */
  tokens: Record<string, StageTokens>;
  totalTokens: StageTokens;
  cache: { hits: number; misses: number };
  envs: EnvOutcome[];
}

export function tokensReport(
  meter: UsageMeter,
  pricing: Pricing | undefined,
): { tokens: Record<string, StageTokens>; total: StageTokens } {
  const tokens: Record<string, StageTokens> = {};
  const total: StageTokens = { calls: 0, promptTokens: 0, completionTokens: 0 };
  for (const [stage, usage] of [...meter.byStage].sort(([a], [b]) => a.localeCompare(b))) {
    const cost = costOf(usage, pricing);
    tokens[stage] = { ...usage, ...(cost === undefined ? {} : { costUsd: cost }) };
    total.calls += usage.calls;
    total.promptTokens += usage.promptTokens;
    total.completionTokens += usage.completionTokens;
  }
  const totalCost = costOf(total, pricing);
  if (totalCost !== undefined) total.costUsd = totalCost;
  return { tokens, total };
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
  lines.push(
    '',
    '## Tokens',
    '',
    '| stage | calls | prompt | completion | cost (USD) |',
    '|---|---:|---:|---:|---:|',
  );
  for (const [stage, t] of Object.entries(report.tokens)) {
    lines.push(
      `| ${stage} | ${t.calls} | ${t.promptTokens} | ${t.completionTokens} | ${t.costUsd === undefined ? '–' : t.costUsd.toFixed(4)} |`,
    );
  }
  const t = report.totalTokens;
  lines.push(
    `| **total** | ${t.calls} | ${t.promptTokens} | ${t.completionTokens} | ${t.costUsd === undefined ? '–' : t.costUsd.toFixed(4)} |`,
  );
  lines.push('', `Stage cache: ${report.cache.hits} reused, ${report.cache.misses} computed.`, '');
  return lines.join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}
