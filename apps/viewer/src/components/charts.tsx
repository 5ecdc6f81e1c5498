// Small SVG charts: no chart library, a few rectangles and labels each.
import type { FunnelStep, UsageRow } from '../api.js';
import type { RateWithInterval } from '@envscaler/core';
import { fmtNumber } from './common.js';

export function FunnelChart({ steps }: { steps: readonly FunnelStep[] }) {
  if (steps.length === 0) return <p class="muted">No funnel numbers yet.</p>;
  const max = Math.max(1, ...steps.map((s) => s.count));
  const rowH = 28;
  const labelW = 110;
  const barW = 420;
  return (
    <svg class="chart funnel" role="img" aria-label="pipeline funnel" width={labelW + barW + 80} height={steps.length * rowH + 4}>
      {steps.map((s, i) => {
        const w = Math.max(2, (s.count / max) * barW);
        return (
          <g key={s.key} data-step={s.key}>
            <text x={labelW - 8} y={i * rowH + 18} class="chart-label" text-anchor="end">
              {s.label}
            </text>
            <rect x={labelW} y={i * rowH + 4} width={w} height={rowH - 8} class={`bar bar-${s.from}`} />
            <text x={labelW + w + 6} y={i * rowH + 18} class="chart-value">
              {fmtNumber(s.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical bars over [0, 1] in equal bins. */
export function RewardHistogram({ bins, label }: { bins: readonly number[]; label: string }) {
  const max = Math.max(1, ...bins);
  const w = 36;
  const h = 120;
  const top = 16;
  const total = bins.reduce((a, b) => a + b, 0);
  return (
    <svg class="chart histogram" role="img" aria-label={label} width={bins.length * w + 40} height={h + top + 32}>
      {bins.map((n, i) => {
        const bh = (n / max) * h;
        return (
          <g key={i}>
            <rect x={30 + i * w} y={top + h - bh} width={w - 4} height={bh} class="bar bar-report">
              <title>{`${(i / bins.length).toFixed(1)}–${((i + 1) / bins.length).toFixed(1)}: ${n}`}</title>
            </rect>
            {n > 0 && (
              <text x={30 + i * w + (w - 4) / 2} y={top - 4 + h - bh} class="chart-value" text-anchor="middle">
                {n}
              </text>
            )}
          </g>
        );
      })}
      <line x1={28} y1={top + h} x2={30 + bins.length * w} y2={top + h} class="axis" />
      <text x={30} y={top + h + 14} class="chart-label">0</text>
      <text x={30 + bins.length * w - 4} y={top + h + 14} class="chart-label" text-anchor="end">1</text>
      <text x={30 + (bins.length * w) / 2} y={top + h + 28} class="chart-label" text-anchor="middle">
        {`reward (${total} scored)`}
      </text>
    </svg>
  );
}

/** pass^k (or pass@k) by k as bars with 95% interval whiskers. */
export function RateByK({ rates, label }: { rates: readonly RateWithInterval[]; label: string }) {
  if (rates.length === 0) return <p class="muted">No {label} values.</p>;
  const w = 48;
  const h = 120;
  const top = 16;
  const y = (v: number) => top + h - Math.min(1, Math.max(0, v)) * h;
  return (
    <svg class="chart ratek" role="img" aria-label={label} width={rates.length * w + 50} height={h + top + 32}>
      <line x1={36} y1={top} x2={36} y2={h + top} class="axis" />
      <text x={32} y={top + 4} class="chart-label" text-anchor="end">1</text>
      <text x={32} y={h + top} class="chart-label" text-anchor="end">0</text>
      {rates.map((r, i) => {
        const x = 40 + i * w;
        return (
          <g key={r.k} data-k={r.k}>
            <rect x={x} y={y(r.value)} width={w - 12} height={h + top - y(r.value)} class="bar bar-report">
              <title>{`k=${r.k}: ${r.value.toFixed(3)} [${r.ci[0].toFixed(3)}, ${r.ci[1].toFixed(3)}]`}</title>
            </rect>
            <line x1={x + (w - 12) / 2} x2={x + (w - 12) / 2} y1={y(r.ci[0])} y2={y(r.ci[1])} class="whisker" />
            <text x={x + (w - 12) / 2} y={Math.min(y(r.value), y(r.ci[1])) - 3} class="chart-value" text-anchor="middle">
              {r.value.toFixed(2)}
            </text>
            <text x={x + (w - 12) / 2} y={h + top + 14} class="chart-label" text-anchor="middle">
              {`k=${r.k}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function StageUsageTable({ rows }: { rows: readonly UsageRow[] }) {
  if (rows.length === 0) return <p class="muted">No token usage reported yet.</p>;
  const max = Math.max(1, ...rows.map((r) => r.promptTokens + r.completionTokens));
  const hasCost = rows.some((r) => r.costUsd !== undefined);
  const total = rows.reduce(
    (acc, r) => ({
      p: acc.p + r.promptTokens,
      c: acc.c + r.completionTokens,
      cost: acc.cost + (r.costUsd ?? 0),
    }),
    { p: 0, c: 0, cost: 0 },
  );
  return (
    <table class="table usage">
      <thead>
        <tr>
          <th>stage</th>
          <th class="num">prompt tokens</th>
          <th class="num">completion tokens</th>
          {hasCost && <th class="num">cost (USD)</th>}
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.from}:${r.stage}`} title={r.from}>
            <td>{r.stage}</td>
            <td class="num">{fmtNumber(r.promptTokens)}</td>
            <td class="num">{fmtNumber(r.completionTokens)}</td>
            {hasCost && <td class="num">{r.costUsd === undefined ? '—' : r.costUsd.toFixed(4)}</td>}
            <td>
              <svg width={160} height={12} aria-hidden="true">
                <rect x={0} y={1} width={(r.promptTokens / max) * 160} height={10} class="bar bar-prompt" />
                <rect
                  x={(r.promptTokens / max) * 160}
                  y={1}
                  width={(r.completionTokens / max) * 160}
                  height={10}
                  class="bar bar-completion"
                />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>total</th>
          <th class="num">{fmtNumber(total.p)}</th>
          <th class="num">{fmtNumber(total.c)}</th>
          {hasCost && <th class="num">{total.cost.toFixed(4)}</th>}
          <th />
        </tr>
      </tfoot>
    </table>
  );
}
