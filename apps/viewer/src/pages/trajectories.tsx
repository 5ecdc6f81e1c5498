import type { ChatMessage, Scenario, Trajectory } from '@envscaler/core';
import type { RunListItem, TrajectoryDetailResponse, TrajectoryIndexEntry } from '../api.js';
import { Badge, Code, Json, JsonTree, PassFail, Problems, Section, VirtualList, fmtNumber, fmtPercent } from '../components/common.js';
import { jsonDiff, type DiffEntry } from '../model/json-diff.js';
import { href, type Route } from '../model/route.js';

export function RunsView({ items }: { items: readonly RunListItem[] }) {
  return (
    <div class="page runs-page">
      <h1>Rollout runs</h1>
      {items.length === 0 ? (
        <p class="muted">No rollouts in this out dir yet.</p>
      ) : (
        <table class="table runs">
          <thead>
            <tr>
              <th>run</th>
              <th class="num">trajectories</th>
              <th class="num">scenarios</th>
              <th class="num">mean reward</th>
              <th class="num">success</th>
              <th>created</th>
            </tr>
          </thead>
          <tbody>
            {items.map((run) => (
              <tr key={run.runId} data-run-id={run.runId}>
                <td>
                  <a class="mono" href={href({ page: 'run', runId: run.runId })}>
                    {run.runId}
                  </a>
                  <Problems problems={run.problems} />
                </td>
                <td class="num">{run.trajectoryCount}</td>
                <td class="num">{run.summary?.scenarios ?? '—'}</td>
                <td class="num">{run.summary ? run.summary.meanReward.toFixed(3) : '—'}</td>
                <td class="num">{fmtPercent(run.summary?.successRate)}</td>
                <td>{run.summary?.createdAt ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function TrajectoryRow({ entry, runId }: { entry: TrajectoryIndexEntry | undefined; runId: string }) {
  if (!entry) return <span class="muted">loading…</span>;
  return (
    <a class="traj-grid row-link" href={href({ page: 'trajectory', runId, index: entry.index })} data-trajectory-id={entry.id}>
      <span class="num muted">{entry.index}</span>
      <span class="mono ellipsis">{entry.id ?? `line ${entry.line}`}</span>
      <span class="mono ellipsis">{entry.scenarioId ?? '—'}</span>
      <span class="num">{entry.trial ?? '—'}</span>
      <span class="num">{entry.score === undefined ? '—' : entry.score.toFixed(2)}</span>
      <span>{entry.problem ? <Badge tone="bad">invalid</Badge> : <PassFail passed={entry.success} />}</span>
      <span class="muted">{entry.termination ?? ''}</span>
    </a>
  );
}

export function TrajectoryListView({
  runId,
  total,
  entry,
  onRange,
  filter,
}: {
  runId: string;
  total: number;
  entry: (index: number) => TrajectoryIndexEntry | undefined;
  onRange?: (start: number, end: number) => void;
  filter?: { envId?: string; scenarioId?: string; status?: 'passed' | 'failed' | 'invalid' };
}) {
  const withStatus = (status: string) => {
    const route: Route = { page: 'run', runId };
    if (filter?.envId) route.envId = filter.envId;
    if (filter?.scenarioId) route.scenarioId = filter.scenarioId;
    if (status === 'passed' || status === 'failed' || status === 'invalid') route.status = status;
    return href(route);
  };
  return (
    <div class="page run-page">
      <p class="crumbs">
        <a href={href({ page: 'runs' })}>Runs</a> / <span class="mono">{runId}</span>
        {(filter?.scenarioId ?? filter?.envId) && (
          <>
            {' '}
            / {filter?.scenarioId ? 'scenario' : 'environment'}{' '}
            <span class="mono">{filter?.scenarioId ?? filter?.envId}</span> (<a href={href({ page: 'run', runId })}>all</a>)
          </>
        )}
      </p>
      <h1>Trajectories</h1>
      <div class="toolbar">
        <select
          aria-label="result"
          value={filter?.status ?? 'all'}
          onChange={(e) => {
            window.location.hash = withStatus((e.currentTarget as HTMLSelectElement).value);
          }}
        >
          <option value="all">all results</option>
          <option value="passed">passed</option>
          <option value="failed">failed</option>
          <option value="invalid">invalid</option>
        </select>
        <span class="muted">
          {total} {total === 1 ? 'trajectory' : 'trajectories'}
        </span>
      </div>
      <div class="grid-head traj-grid">
        <span class="num">#</span>
        <span>trajectory</span>
        <span>scenario</span>
        <span class="num">trial</span>
        <span class="num">reward</span>
        <span>result</span>
        <span>termination</span>
      </div>
      {total === 0 ? (
        <p class="muted">No trajectories.</p>
      ) : (
        <VirtualList
          label="trajectories"
          count={total}
          rowHeight={34}
          items={entry}
          onRange={onRange}
          renderRow={(e) => <TrajectoryRow entry={e} runId={runId} />}
        />
      )}
    </div>
  );
}

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function ToolResultView({ content }: { content: string }) {
  const value = parseArgs(content);
  const failed = typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
  return (
    <>
      {failed ? <Badge tone="bad">error</Badge> : <Badge tone="ok">ok</Badge>}
      {typeof value === 'string' ? <pre class="prose">{value}</pre> : <Json value={value} />}
    </>
  );
}

export function Conversation({ messages }: { messages: readonly ChatMessage[] }) {
  return (
    <ol class="conversation">
      {messages.map((m, i) => {
        if (m.role === 'system') {
          return (
            <li key={i} class="msg msg-system" data-role="system">
              <details>
                <summary>system prompt</summary>
                <pre class="prose">{m.content}</pre>
              </details>
            </li>
          );
        }
        if (m.role === 'user') {
          return (
            <li key={i} class="msg msg-user" data-role="user">
              <div class="msg-role">user</div>
              <pre class="prose">{m.content}</pre>
            </li>
          );
        }
        if (m.role === 'assistant') {
          return (
            <li key={i} class="msg msg-assistant" data-role="assistant">
              <div class="msg-role">agent</div>
              {m.content && <pre class="prose">{m.content}</pre>}
              {m.tool_calls?.map((call) => (
                <div class="tool-call" key={call.id} data-tool-call={call.function.name}>
                  <span class="mono">→ {call.function.name}</span>
                  <Json value={parseArgs(call.function.arguments)} />
                </div>
              ))}
            </li>
          );
        }
        return (
          <li key={i} class="msg msg-tool" data-role="tool">
            <div class="msg-role">tool {m.name ? <span class="mono">{m.name}</span> : null}</div>
            <ToolResultView content={m.content} />
          </li>
        );
      })}
    </ol>
  );
}

function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function StateDiff({ entries }: { entries: readonly DiffEntry[] }) {
  if (entries.length === 0) return <p class="muted">The final state equals the initial state.</p>;
  return (
    <table class="table diff">
      <tbody>
        {entries.map((e) => (
          <tr key={e.path} class={`diff-${e.op}`} data-diff-path={e.path}>
            <td class="mono">{e.op === 'added' ? '+' : e.op === 'removed' ? '−' : '~'}</td>
            <td class="mono">{e.path}</td>
            <td class="mono diff-before">{e.op === 'added' ? '' : short(e.before)}</td>
            <td class="mono diff-after">{e.op === 'removed' ? '' : short(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Checks({ trajectory, scenario }: { trajectory: Trajectory; scenario?: Scenario }) {
  const results = new Map((trajectory.reward?.checks ?? []).map((c) => [c.id, c]));
  const ids = scenario ? scenario.checklist.map((c) => c.id) : [...results.keys()];
  for (const id of results.keys()) if (!ids.includes(id)) ids.push(id);
  if (ids.length === 0) return <p class="muted">No checks.</p>;
  return (
    <table class="table checks">
      <tbody>
        {ids.map((id) => {
          const item = scenario?.checklist.find((c) => c.id === id);
          const result = results.get(id);
          return (
            <tr key={id} data-check-id={id} data-passed={result ? String(result.passed) : 'unknown'}>
              <td>
                <PassFail passed={result?.passed} />
              </td>
              <td class="mono">{id}</td>
              <td>
                {item?.description ?? ''}
                {result?.error && <div class="error">{result.error}</div>}
                {item && (
                  <details>
                    <summary>check function</summary>
                    <Code source={item.source} label={`check ${id}`} />
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TrajectoryView({ detail }: { detail: TrajectoryDetailResponse }) {
  const t = detail.trajectory;
  const scenario = detail.scenario;
  return (
    <div class="page trajectory-page">
      <p class="crumbs">
        <a href={href({ page: 'runs' })}>Runs</a> /{' '}
        <a href={href({ page: 'run', runId: detail.runId })} class="mono">
          {detail.runId}
        </a>{' '}
        / #{detail.index}
      </p>
      <h1 class="mono">{t?.id ?? `trajectory ${detail.index}`}</h1>
      <p class="pager">
        {detail.index > 0 && (
          <a href={href({ page: 'trajectory', runId: detail.runId, index: detail.index - 1 })} rel="prev">
            ← previous
          </a>
        )}{' '}
        <span class="muted">
          {detail.index + 1} of {detail.total}
        </span>{' '}
        {detail.index + 1 < detail.total && (
          <a href={href({ page: 'trajectory', runId: detail.runId, index: detail.index + 1 })} rel="next">
            next →
          </a>
        )}
      </p>
      <Problems problems={detail.problems} />
      {t && (
        <>
          <dl class="facts">
            <dt>environment</dt>
            <dd>
              <a class="mono" href={href({ page: 'env', envId: t.envId })}>
                {t.envId}
              </a>
            </dd>
            <dt>scenario</dt>
            <dd>
              <a class="mono" href={href({ page: 'scenarios', envId: t.envId, scenarioId: t.scenarioId })}>
                {t.scenarioId}
              </a>
            </dd>
            <dt>trial / mode</dt>
            <dd>
              {t.trial} / {t.mode}
            </dd>
            <dt>reward</dt>
            <dd class="reward">
              {t.reward ? (
                <>
                  {t.reward.score.toFixed(2)} <PassFail passed={t.reward.success} />
                </>
              ) : (
                'not graded'
              )}
            </dd>
            <dt>termination</dt>
            <dd>{t.termination}</dd>
            <dt>tokens</dt>
            <dd>
              {fmtNumber(t.usage.promptTokens)} prompt, {fmtNumber(t.usage.completionTokens)} completion in{' '}
              {(t.durationMs / 1000).toFixed(1)} s
            </dd>
            {t.error && (
              <>
                <dt>error</dt>
                <dd class="error">{t.error}</dd>
              </>
            )}
          </dl>
          {scenario && (
            <Section title="Task">
              <pre class="prose task">{scenario.task}</pre>
            </Section>
          )}
          <Section title="Checks">
            <Checks trajectory={t} {...(scenario ? { scenario } : {})} />
          </Section>
          <Section title="Conversation">
            <Conversation messages={t.messages} />
          </Section>
          <Section title="State diff (initial → final)">
            {scenario?.initialState !== undefined ? (
              <StateDiff entries={jsonDiff(scenario.initialState, t.finalState)} />
            ) : (
              <>
                <p class="muted">No initial state to compare with; the final state:</p>
                <JsonTree value={t.finalState} />
              </>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
