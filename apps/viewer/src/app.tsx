import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type {
  EnvDetailResponse,
  EnvKeptFilter,
  EnvListItem,
  EnvListResponse,
  Overview,
  RunListResponse,
  ScenarioDetailResponse,
  ScenarioListEntry,
  ScenarioListResponse,
  SummaryResponse,
  TrajectoryDetailResponse,
  TrajectoryIndexEntry,
  TrajectoryPage,
} from './api.js';
import { EnvDetailView, EnvListView, envTabs, type EnvSort, type EnvTab } from './pages/envs.js';
import { ScenariosView, firstScenarioId } from './pages/scenarios.js';
import { SummaryView } from './pages/summary.js';
import { RunsView, TrajectoryListView, TrajectoryView } from './pages/trajectories.js';
import { href, parseRoute, type Route } from './model/route.js';

type RunStatus = 'passed' | 'failed' | 'invalid';

import { fetchJson, usePagedList } from './paged.js';

export { fetchJson };

type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

/** One API response; an empty path fetches nothing (stays loading). */
function useApi<T>(path: string): Loaded<T> {
  const [value, setValue] = useState<{ path: string; loaded: Loaded<T> }>({ path, loaded: { state: 'loading' } });
  useEffect(() => {
    if (path === '') return;
    let live = true;
    fetchJson<T>(path).then(
      (data) => live && setValue({ path, loaded: { state: 'ok', data } }),
      (error: unknown) => live && setValue({ path, loaded: { state: 'error', message: String((error as Error).message ?? error) } }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return value.path === path ? value.loaded : { state: 'loading' };
}

function Load<T>({ path, children }: { path: string; children: (data: T) => ComponentChildren }) {
  const loaded = useApi<T>(path);
  if (loaded.state === 'loading') return <p class="muted loading">Loading…</p>;
  if (loaded.state === 'error')
    return (
      <div class="problems" role="alert">
        Could not load {path}: {loaded.message}
      </div>
    );
  return <>{children(loaded.data)}</>;
}

const enc = encodeURIComponent;

function EnvsPage({ filter }: { filter: string }) {
  const [text, setText] = useState(filter);
  const [kept, setKept] = useState<EnvKeptFilter>('all');
  const [sort, setSort] = useState<EnvSort>('id');
  const query = new URLSearchParams();
  if (text.trim()) query.set('q', text.trim());
  if (kept !== 'all') query.set('kept', kept);
  if (sort !== 'id') query.set('sort', sort);
  const qs = query.toString();
  const list = usePagedList<EnvListItem, EnvListResponse>(qs ? `envs?${qs}` : 'envs');
  if (list.error) return <div class="problems" role="alert">{list.error}</div>;
  return (
    <EnvListView
      total={list.total}
      counts={list.first?.counts}
      entry={list.entry}
      onRange={list.onRange}
      filter={text}
      kept={kept}
      onFilter={setText}
      onKept={setKept}
      sort={sort}
      onSort={setSort}
    />
  );
}

/** The paged trajectory list: fetches index pages as rows scroll into view. */
function RunPage({ runId, envId, scenarioId, status }: { runId: string; envId?: string; scenarioId?: string; status?: RunStatus }) {
  const query = new URLSearchParams();
  if (envId) query.set('envId', envId);
  if (scenarioId) query.set('scenarioId', scenarioId);
  if (status) query.set('status', status);
  const qs = query.toString();
  const list = usePagedList<TrajectoryIndexEntry, TrajectoryPage>(`runs/${enc(runId)}/trajectories${qs ? `?${qs}` : ''}`);
  if (list.error) return <div class="problems" role="alert">{list.error}</div>;
  if (list.total === undefined) return <p class="muted loading">Loading…</p>;
  const filter: { envId?: string; scenarioId?: string; status?: RunStatus } = {};
  if (envId) filter.envId = envId;
  if (scenarioId) filter.scenarioId = scenarioId;
  if (status) filter.status = status;
  return <TrajectoryListView runId={runId} total={list.total} filter={filter} entry={list.entry} onRange={list.onRange} />;
}

function ScenariosPage({ envId, scenarioId, runIds }: { envId: string; scenarioId?: string; runIds: readonly string[] }) {
  const list = usePagedList<ScenarioListEntry, ScenarioListResponse>(`envs/${enc(envId)}/scenarios`);
  const selectedId = scenarioId ?? firstScenarioId(list.first?.items);
  const detail = useApi<ScenarioDetailResponse>(selectedId === undefined ? '' : `envs/${enc(envId)}/scenarios/${enc(selectedId)}`);
  if (list.error) return <div class="problems" role="alert">{list.error}</div>;
  return (
    <ScenariosView
      envId={envId}
      total={list.total}
      entry={list.entry}
      onRange={list.onRange}
      problems={list.first?.problems ?? []}
      runIds={runIds}
      {...(selectedId === undefined ? {} : { selectedId })}
      {...(detail.state === 'ok' ? { selected: detail.data.scenario } : {})}
      selectedState={selectedId !== undefined && detail.state === 'loading' ? 'loading' : 'ok'}
    />
  );
}

export function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'summary':
      return (
        <Load<Overview> path="overview">
          {(overview) => (
            <Load<SummaryResponse> path="summary">{(summary) => <SummaryView summary={summary} overview={overview} />}</Load>
          )}
        </Load>
      );
    case 'envs':
      return <EnvsPage filter={route.filter ?? ''} />;
    case 'env': {
      const tab = (envTabs as readonly string[]).includes(route.tab ?? '') ? (route.tab as EnvTab) : 'overview';
      return (
        <Load<EnvDetailResponse> path={`envs/${enc(route.envId)}`}>{(detail) => <EnvDetailView detail={detail} tab={tab} />}</Load>
      );
    }
    case 'scenarios':
      return (
        <Load<Overview> path="overview">
          {(overview) => (
            <ScenariosPage
              envId={route.envId}
              runIds={overview.runIds}
              {...(route.scenarioId ? { scenarioId: route.scenarioId } : {})}
            />
          )}
        </Load>
      );
    case 'runs':
      return <Load<RunListResponse> path="runs">{(data) => <RunsView items={data.items} />}</Load>;
    case 'run':
      return (
        <RunPage
          key={`${route.runId}|${route.envId ?? ''}|${route.scenarioId ?? ''}|${route.status ?? ''}`}
          runId={route.runId}
          {...(route.envId ? { envId: route.envId } : {})}
          {...(route.scenarioId ? { scenarioId: route.scenarioId } : {})}
          {...(route.status ? { status: route.status } : {})}
        />
      );
    case 'trajectory':
      return (
        <Load<TrajectoryDetailResponse> path={`runs/${enc(route.runId)}/trajectories/${route.index}`}>
          {(detail) => <TrajectoryView detail={detail} />}
        </Load>
      );
    case 'not-found':
      return (
        <div class="page">
          <h1>Not found</h1>
          <p>
            No page at <code>{route.hash}</code>. <a href={href({ page: 'summary' })}>Back to the summary</a>.
          </p>
        </div>
      );
  }
}

function section(route: Route): string {
  if (route.page === 'env' || route.page === 'scenarios') return 'envs';
  if (route.page === 'run' || route.page === 'trajectory') return 'runs';
  return route.page;
}

export function Nav({ route }: { route: Route }) {
  const active = section(route);
  const link = (target: Route, label: string, key: string) => (
    <a href={href(target)} class={active === key ? 'active' : ''} aria-current={active === key ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <header class="topbar">
      <span class="brand">envscaler viewer</span>
      <nav aria-label="main">
        {link({ page: 'summary' }, 'Run summary', 'summary')}
        {link({ page: 'envs' }, 'Environments', 'envs')}
        {link({ page: 'runs' }, 'Trajectories', 'runs')}
      </nav>
    </header>
  );
}

export function App() {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => {
      setHash(window.location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const route = parseRoute(hash);
  return (
    <>
      <Nav route={route} />
      <main>
        <Page key={hash.split('?')[0]} route={route} />
      </main>
    </>
  );
}
