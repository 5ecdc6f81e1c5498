import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type {
  EnvDetailResponse,
  EnvListResponse,
  Overview,
  RunListResponse,
  ScenarioListResponse,
  SummaryResponse,
  TrajectoryDetailResponse,
  TrajectoryIndexEntry,
  TrajectoryPage,
} from './api.js';
import { EnvDetailView, EnvListView, envTabs, type EnvSort, type EnvTab } from './pages/envs.js';
import { ScenariosView } from './pages/scenarios.js';
import { SummaryView } from './pages/summary.js';
import { RunsView, TrajectoryListView, TrajectoryView } from './pages/trajectories.js';
import { href, parseRoute, type Route } from './model/route.js';

type RunStatus = 'passed' | 'failed' | 'invalid';

const responses = new Map<string, Promise<unknown>>();

/** GET a JSON API path; responses are memoised for the session (the out dir is read-only here). */
export function fetchJson<T>(path: string): Promise<T> {
  let pending = responses.get(path);
  if (!pending) {
    pending = fetch(`api/${path}`).then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
      return body;
    });
    pending.catch(() => responses.delete(path));
    responses.set(path, pending);
  }
  return pending as Promise<T>;
}

type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

function useApi<T>(path: string): Loaded<T> {
  const [value, setValue] = useState<{ path: string; loaded: Loaded<T> }>({ path, loaded: { state: 'loading' } });
  useEffect(() => {
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
  const [kept, setKept] = useState<'all' | 'kept' | 'dropped'>('all');
  const [sort, setSort] = useState<EnvSort>('id');
  return (
    <Load<EnvListResponse> path="envs">
      {(data) => (
        <EnvListView items={data.items} filter={text} kept={kept} onFilter={setText} onKept={setKept} sort={sort} onSort={setSort} />
      )}
    </Load>
  );
}

const pageSize = 200;

/** The paged trajectory list: fetches index pages as rows scroll into view. */
function RunPage({ runId, envId, scenarioId, status }: { runId: string; envId?: string; scenarioId?: string; status?: RunStatus }) {
  const query = new URLSearchParams();
  if (envId) query.set('envId', envId);
  if (scenarioId) query.set('scenarioId', scenarioId);
  if (status) query.set('status', status);
  const base = `runs/${enc(runId)}/trajectories?${query.toString()}`;
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, TrajectoryIndexEntry[]>());
  const requested = useRef(new Set<number>());
  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      fetchJson<TrajectoryPage>(`${base}&offset=${page * pageSize}&limit=${pageSize}`).then(
        (res) => {
          pages.current.set(page, res.items);
          setTotal(res.total);
          setVersion((v) => v + 1);
        },
        (e: unknown) => setError(String((e as Error).message ?? e)),
      );
    },
    [base],
  );
  useEffect(() => {
    pages.current = new Map();
    requested.current = new Set();
    setTotal(undefined);
    load(0);
  }, [base, load]);
  const onRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / pageSize); p <= Math.floor(Math.max(start, end - 1) / pageSize); p++) load(p);
    },
    [load],
  );
  if (error) return <div class="problems" role="alert">{error}</div>;
  if (total === undefined) return <p class="muted loading">Loading…</p>;
  const filter: { envId?: string; scenarioId?: string; status?: RunStatus } = {};
  if (envId) filter.envId = envId;
  if (scenarioId) filter.scenarioId = scenarioId;
  if (status) filter.status = status;
  return (
    <TrajectoryListView
      runId={runId}
      total={total}
      filter={filter}
      entry={(i) => pages.current.get(Math.floor(i / pageSize))?.[i % pageSize]}
      onRange={onRange}
    />
  );
}

function ScenariosPage({ envId, scenarioId }: { envId: string; scenarioId?: string }) {
  return (
    <Load<Overview> path="overview">
      {(overview) => (
        <Load<ScenarioListResponse> path={`envs/${enc(envId)}/scenarios`}>
          {(data) => (
            <ScenariosView
              envId={envId}
              items={data.items}
              runIds={overview.runIds}
              {...(scenarioId === undefined ? {} : { selectedId: scenarioId })}
            />
          )}
        </Load>
      )}
    </Load>
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
      return <ScenariosPage envId={route.envId} {...(route.scenarioId ? { scenarioId: route.scenarioId } : {})} />;
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
