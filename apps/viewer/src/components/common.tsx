import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiProblem } from '../api.js';
import { tokenize } from '../model/tokenize.js';
import { virtualWindow } from '../model/virtual.js';

/** Invalid or unreadable artifacts, listed with each schema violation's JSON path. */
export function Problems({ problems }: { problems: readonly ApiProblem[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  return (
    <div class="problems" role="alert">
      {problems.map((p, i) => (
        <div class="problem" key={i}>
          <strong>{p.source}</strong>: {p.message}
          {p.issues && p.issues.length > 0 && (
            <ul>
              {p.issues.map((issue, j) => (
                <li key={j}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'muted'; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

export function Verdict({ verdict }: { verdict: 'pass' | 'warning' | 'fail' }) {
  return <Badge tone={verdict === 'pass' ? 'ok' : verdict === 'warning' ? 'warn' : 'bad'}>{verdict}</Badge>;
}

export function PassFail({ passed }: { passed: boolean | undefined }) {
  if (passed === undefined) return <Badge tone="muted">n/a</Badge>;
  return passed ? <Badge tone="ok">pass</Badge> : <Badge tone="bad">fail</Badge>;
}

/** TypeScript source with syntax colouring from our own tokenizer, and line numbers. */
export function Code({ source, label }: { source: string; label?: string }) {
  const tokens = useMemo(() => tokenize(source), [source]);
  const lines = source.split('\n').length;
  return (
    <div class="code" aria-label={label}>
      <pre class="gutter" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('')}
      </pre>
      <pre class="source">
        <code>
          {tokens.map((t, i) =>
            t.kind === 'space' || t.kind === 'ident' ? t.text : <span key={i} class={`tok-${t.kind}`}>{t.text}</span>,
          )}
        </code>
      </pre>
    </div>
  );
}

export function Json({ value }: { value: unknown }) {
  return <pre class="json">{JSON.stringify(value, null, 2)}</pre>;
}

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.keys(value).length}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** A collapsible JSON tree; children render only when opened, so large states stay cheap. */
export function JsonTree({ value, name, depth = 0, openDepth = 1 }: { value: unknown; name?: string; depth?: number; openDepth?: number }) {
  const isContainer = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(depth < openDepth);
  const label = name === undefined ? null : <span class="tree-key">{name}: </span>;
  if (!isContainer) {
    const tone = value === null ? 'null' : typeof value;
    return (
      <div class="tree-leaf">
        {label}
        <span class={`tree-${tone}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return (
    <div class="tree-node">
      <button type="button" class="tree-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {label}
        <span class="tree-preview">{preview(value)}</span>
      </button>
      {open && (
        <div class="tree-children">
          {entries.map(([k, v]) => (
            <JsonTree key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * A fixed-row-height virtualised list: only the rows in view (plus a margin) are in the DOM.
 * `onRange` tells the caller which rows are visible, for loading pages on demand.
 */
export function VirtualList<T>({
  items,
  count,
  rowHeight,
  height = 560,
  renderRow,
  onRange,
  label,
}: {
  items: (index: number) => T | undefined;
  count: number;
  rowHeight: number;
  height?: number;
  renderRow: (item: T | undefined, index: number) => ComponentChildren;
  onRange?: (start: number, end: number) => void;
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.min(height, Math.max(rowHeight, count * rowHeight));
  const win = virtualWindow({ count, rowHeight, scrollTop, viewportHeight: viewport });
  useEffect(() => {
    onRange?.(win.start, win.end);
  }, [win.start, win.end, onRange]);
  const rows: ComponentChildren[] = [];
  for (let i = win.start; i < win.end; i++) {
    rows.push(
      <div class="vrow" role="listitem" aria-setsize={count} aria-posinset={i + 1} key={i} style={{ height: `${rowHeight}px` }}>
        {renderRow(items(i), i)}
      </div>,
    );
  }
  return (
    <div
      class="vlist"
      role="list"
      aria-label={label}
      ref={ref}
      style={{ height: `${viewport + 2}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div style={{ height: `${win.totalHeight}px`, position: 'relative' }}>
        <div style={{ position: 'absolute', top: `${win.offsetTop}px`, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="section" id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function fmtNumber(n: number | undefined, digits = 0): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtPercent(n: number | undefined): string {
  return n === undefined ? '—' : `${(n * 100).toFixed(0)}%`;
}
