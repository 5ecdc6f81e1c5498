import type { EnvironmentPackage, QualityReport } from '@envscaler/core';
import type { EnvDetailResponse, EnvKeptFilter, EnvListItem, EnvListResponse, EnvSortKey } from '../api.js';
import { envSorts } from '../model/env-list.js';
import { Badge, Code, Json, JsonTree, Problems, Section, VirtualList, Verdict, fmtPercent } from '../components/common.js';
import { href } from '../model/route.js';
import { parameterRows } from '../model/schema.js';

export { envSorts, filterEnvs, sortEnvs } from '../model/env-list.js';
export type EnvSort = EnvSortKey;

function KeptBadge({ item }: { item: Pick<EnvListItem, 'kept' | 'dropReason'> }) {
  if (item.kept === undefined) return <Badge tone="muted">not evaluated</Badge>;
  return item.kept ? (
    <Badge tone="ok">kept</Badge>
  ) : (
    <span title={item.dropReason}>
      <Badge tone="bad">dropped</Badge>
    </span>
  );
}

/**
 * The environment list: filter and order are applied by the server, rows are fetched a page at a time as
 * they scroll into view (`entry` is undefined for a row not fetched yet).
 */
export function EnvListView({
  total,
  counts,
  entry,
  onRange,
  filter,
  kept,
  onFilter,
  onKept,
  sort = 'id',
  onSort,
}: {
  /** Environments matching the filter; undefined while the first page loads. */
  total: number | undefined;
  counts: EnvListResponse['counts'] | undefined;
  entry: (index: number) => EnvListItem | undefined;
  onRange?: (start: number, end: number) => void;
  filter: string;
  kept: EnvKeptFilter;
  onFilter?: (value: string) => void;
  onKept?: (value: EnvKeptFilter) => void;
  sort?: EnvSort;
  onSort?: (value: EnvSort) => void;
}) {
  return (
    <div class="page envs-page">
      <h1>Environments</h1>
      {counts && (
        <p class="muted">
          {counts.all} environments, {counts.kept} kept, {counts.dropped} dropped.
        </p>
      )}
      <div class="toolbar">
        <input
          type="search"
          placeholder="Filter by id, topic or class"
          value={filter}
          aria-label="filter environments"
          onInput={(e) => onFilter?.((e.currentTarget as HTMLInputElement).value)}
        />
        <select
          aria-label="kept or dropped"
          value={kept}
          onChange={(e) => onKept?.((e.currentTarget as HTMLSelectElement).value as EnvKeptFilter)}
        >
          <option value="all">all</option>
          <option value="kept">kept</option>
          <option value="dropped">dropped</option>
        </select>
        <select aria-label="sort" value={sort} onChange={(e) => onSort?.((e.currentTarget as HTMLSelectElement).value as EnvSort)}>
          {Object.entries(envSorts).map(([value, label]) => (
            <option key={value} value={value}>
              sort: {label}
            </option>
          ))}
        </select>
        {total !== undefined && <span class="muted">{total} shown</span>}
      </div>
      <div class="grid-head env-grid">
        <span>id</span>
        <span>topic</span>
        <span class="num">tools</span>
        <span class="num">quality</span>
        <span>status</span>
        <span class="num">scenarios</span>
      </div>
      {total === undefined ? (
        <p class="muted loading">Loading…</p>
      ) : total === 0 ? (
        <p class="muted">No environments{(counts?.all ?? 0) > 0 ? ' match the filter' : ' in this out dir yet'}.</p>
      ) : (
        <VirtualList
          label="environments"
          count={total}
          rowHeight={36}
          items={entry}
          onRange={onRange}
          renderRow={(e) =>
            !e ? (
              <span class="muted">loading…</span>
            ) : (
              <a class="env-grid row-link" href={href({ page: 'env', envId: e.id })} data-env-id={e.id}>
                <span class="mono">{e.id}</span>
                <span class="ellipsis" title={e.topic}>
                  {e.topic ?? '—'}
                </span>
                <span class="num">{e.toolCount ?? '—'}</span>
                <span class="num">{fmtPercent(e.qualityScore)}</span>
                <span>
                  <KeptBadge item={e} />
                  {e.problems.length > 0 && <Badge tone="bad">invalid</Badge>}
                </span>
                <span class="num">{e.scenarioCount}</span>
              </a>
            )
          }
        />
      )}
    </div>
  );
}

export const envTabs = ['overview', 'source', 'tools', 'state', 'quality'] as const;
export type EnvTab = (typeof envTabs)[number];

function ToolsTable({ env }: { env: EnvironmentPackage }) {
  return (
    <table class="table tools">
      <thead>
        <tr>
          <th>tool</th>
          <th>kind</th>
          <th>parameters</th>
          <th>description</th>
        </tr>
      </thead>
      <tbody>
        {env.tools.map((tool) => (
          <tr key={tool.name} data-tool={tool.name}>
            <td class="mono">{tool.name}</td>
            <td>
              <Badge tone={tool.kind === 'query' ? 'muted' : 'warn'}>{tool.kind}</Badge>
            </td>
            <td>
              <ul class="params">
                {parameterRows(tool.parameters).map((p) => (
                  <li key={p.name}>
                    <span class="mono">
                      {p.name}
                      {p.required ? '' : '?'}: <span class="tok-type">{p.type}</span>
                    </span>
                    {p.description && <span class="muted"> — {p.description}</span>}
                  </li>
                ))}
              </ul>
            </td>
            <td>{tool.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function QualitySteps({ quality }: { quality: QualityReport }) {
  return (
    <>
      <p>
        score <strong>{fmtPercent(quality.score)}</strong> (threshold {fmtPercent(quality.threshold)}) —{' '}
        {quality.counts.pass} pass, {quality.counts.warning} warning, {quality.counts.fail} fail —{' '}
        {quality.kept ? <Badge tone="ok">kept</Badge> : <Badge tone="bad">dropped</Badge>}
        {quality.dropReason && <span class="muted"> {quality.dropReason}</span>}
      </p>
      <table class="table quality">
        <thead>
          <tr>
            <th>#</th>
            <th>tester call</th>
            <th>result</th>
            <th>checker verdict</th>
          </tr>
        </thead>
        <tbody>
          {quality.steps.map((step) => (
            <tr key={step.index} data-step={step.index}>
              <td>{step.index}</td>
              <td>
                <span class="mono">{step.tool}</span>
                <Json value={step.arguments} />
              </td>
              <td>
                {step.result.ok ? <Badge tone="ok">ok</Badge> : <Badge tone="bad">{step.result.error.code}</Badge>}
                <Json value={step.result.ok ? step.result.data : step.result.error.message} />
              </td>
              <td>
                <Verdict verdict={step.verdict} />
                <div>{step.reason}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OutcomeFacts({ detail }: { detail: EnvDetailResponse }) {
  const o = detail.outcome;
  return (
    <dl class="facts outcome">
      <dt>found in</dt>
      <dd class="mono">
        {detail.location === 'report' ? 'report.json only (no files kept)' : `${detail.location}/${detail.id}/`}
      </dd>
      {o?.status && (
        <>
          <dt>status</dt>
          <dd>{o.status}</dd>
        </>
      )}
      {o?.stage && (
        <>
          <dt>dropped at</dt>
          <dd>{o.stage}</dd>
        </>
      )}
      {o?.reason && (
        <>
          <dt>reason</dt>
          <dd class="reason">{o.reason}</dd>
        </>
      )}
      {o?.repairRounds !== undefined && (
        <>
          <dt>repair rounds</dt>
          <dd>{o.repairRounds}</dd>
        </>
      )}
      {o?.taskIds && o.taskIds.length > 0 && (
        <>
          <dt>seed tasks</dt>
          <dd class="mono">{o.taskIds.join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

export function EnvDetailView({ detail, tab }: { detail: EnvDetailResponse; tab: EnvTab }) {
  const env = detail.env;
  const quality = detail.quality;
  const source = detail.source ?? env?.source;
  const meta = detail.meta;
  const topic = env?.topic ?? meta?.topic ?? detail.outcome?.topic;
  return (
    <div class="page env-page">
      <p class="crumbs">
        <a href={href({ page: 'envs' })}>Environments</a> / <span class="mono">{detail.id}</span>
      </p>
      <h1>
        {env?.className ?? meta?.className ?? detail.outcome?.className ?? detail.id}{' '}
        {detail.kept !== undefined && (detail.kept ? <Badge tone="ok">kept</Badge> : <Badge tone="bad">dropped</Badge>)}
      </h1>
      {topic && <p class="topic">{topic}</p>}
      <Problems problems={detail.problems} />
      <nav class="tabs" aria-label="environment sections">
        {envTabs.map((t) => (
          <a key={t} href={href({ page: 'env', envId: detail.id, tab: t })} class={t === tab ? 'tab active' : 'tab'}>
            {t}
          </a>
        ))}
        <a class="tab" href={href({ page: 'scenarios', envId: detail.id })}>
          scenarios ({detail.scenarioCount})
        </a>
      </nav>
      {tab === 'overview' && !env && meta && (
        <>
          <Section title="Summary">
            <p>{meta.summary}</p>
            <p class="muted">
              A hand-written environment (env.ts + meta.json): its tools and State schema are derived when the runtime
              loads it, so they are not shown here.
            </p>
          </Section>
          <Section title="Rules">
            <ol class="rules">
              {(meta.rules ?? []).map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ol>
          </Section>
          {meta.introduction && (
            <Section title="Introduction">
              <pre class="prose">{meta.introduction}</pre>
            </Section>
          )}
        </>
      )}
      {tab === 'overview' && !env && !meta && (
        <Section title="Outcome">
          <OutcomeFacts detail={detail} />
          {quality && <p>quality score {fmtPercent(quality.score)} (threshold {fmtPercent(quality.threshold)})</p>}
          <p class="muted">skelbuilder writes env.json only for kept environments; see the source and quality tabs.</p>
        </Section>
      )}
      {tab === 'overview' && env && (
        <>
          <Section title="Summary">
            <p>{env.summary}</p>
            <dl class="facts">
              <dt>id</dt>
              <dd class="mono">{env.id}</dd>
              <dt>tools</dt>
              <dd>
                {env.tools.length} ({env.tools.filter((t) => t.kind === 'query').length} queries,{' '}
                {env.tools.filter((t) => t.kind === 'mutation').length} mutations)
              </dd>
              <dt>initialisation</dt>
              <dd>{env.initialization}</dd>
              <dt>quality</dt>
              <dd>{quality ? fmtPercent(quality.score) : '—'}</dd>
              {env.provenance.model && (
                <>
                  <dt>model</dt>
                  <dd>{env.provenance.model}</dd>
                </>
              )}
              <dt>created</dt>
              <dd>{env.provenance.createdAt}</dd>
            </dl>
          </Section>
          {env.provenance.seedTask && (
            <Section title="Seed task">
              <blockquote>{env.provenance.seedTask}</blockquote>
            </Section>
          )}
          <Section title="Rules">
            {env.rules.length === 0 ? (
              <p class="muted">No rules.</p>
            ) : (
              <ol class="rules">
                {env.rules.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ol>
            )}
          </Section>
          <Section title="Introduction">
            <pre class="prose">{env.introduction}</pre>
          </Section>
        </>
      )}
      {tab === 'source' &&
        (source ? <Code source={source} label="environment source" /> : <p class="muted">No source on disk.</p>)}
      {(tab === 'tools' || tab === 'state') && !env && <p class="muted">No tools or State schema were derived for this environment.</p>}
      {tab === 'tools' && env && <ToolsTable env={env} />}
      {tab === 'state' && env && (
        <Section title="State schema">
          <JsonTree value={env.stateSchema} openDepth={3} />
        </Section>
      )}
      {tab === 'quality' &&
        (quality ? <QualitySteps quality={quality} /> : <p class="muted">No quality report for this environment.</p>)}
    </div>
  );
}
