// Hash routes, so deep links work with a static file server: #/envs/<id>, #/runs/<runId>/<index>, ...

export type Route =
  | { page: 'summary' }
  | { page: 'envs'; filter?: string }
  | { page: 'env'; envId: string; tab?: string }
  | { page: 'scenarios'; envId: string; scenarioId?: string }
  | { page: 'runs' }
  | { page: 'run'; runId: string; envId?: string; scenarioId?: string; status?: 'passed' | 'failed' | 'invalid' }
  | { page: 'trajectory'; runId: string; index: number }
  | { page: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = pathPart
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const query = new URLSearchParams(queryPart);
  const [a, b, c, d] = parts;
  if (parts.length === 0 || (a === 'summary' && parts.length === 1)) return { page: 'summary' };
  if (a === 'envs' && parts.length === 1) {
    const filter = query.get('q');
    return filter ? { page: 'envs', filter } : { page: 'envs' };
  }
  if (a === 'envs' && b !== undefined && parts.length === 2) {
    const tab = query.get('tab');
    return tab ? { page: 'env', envId: b, tab } : { page: 'env', envId: b };
  }
  if (a === 'envs' && b !== undefined && c === 'scenarios' && parts.length <= 4) {
    return d === undefined ? { page: 'scenarios', envId: b } : { page: 'scenarios', envId: b, scenarioId: d };
  }
  if (a === 'runs' && parts.length === 1) return { page: 'runs' };
  if (a === 'runs' && b !== undefined && parts.length === 2) {
    const route: Route = { page: 'run', runId: b };
    const envId = query.get('env');
    const scenarioId = query.get('scenario');
    const status = query.get('status');
    if (envId) route.envId = envId;
    if (scenarioId) route.scenarioId = scenarioId;
    if (status === 'passed' || status === 'failed' || status === 'invalid') route.status = status;
    return route;
  }
  if (a === 'runs' && b !== undefined && c !== undefined && /^\d+$/.test(c) && parts.length === 3) {
    return { page: 'trajectory', runId: b, index: Number(c) };
  }
  return { page: 'not-found', hash };
}

const enc = encodeURIComponent;

export function href(route: Route): string {
  switch (route.page) {
    case 'summary':
      return '#/summary';
    case 'envs':
      return route.filter ? `#/envs?q=${enc(route.filter)}` : '#/envs';
    case 'env':
      return `#/envs/${enc(route.envId)}${route.tab ? `?tab=${enc(route.tab)}` : ''}`;
    case 'scenarios':
      return `#/envs/${enc(route.envId)}/scenarios${route.scenarioId ? `/${enc(route.scenarioId)}` : ''}`;
    case 'runs':
      return '#/runs';
    case 'run': {
      const q = new URLSearchParams();
      if (route.envId) q.set('env', route.envId);
      if (route.scenarioId) q.set('scenario', route.scenarioId);
      if (route.status) q.set('status', route.status);
      const qs = q.toString();
      return `#/runs/${enc(route.runId)}${qs ? `?${qs}` : ''}`;
    }
    case 'trajectory':
      return `#/runs/${enc(route.runId)}/${route.index}`;
    case 'not-found':
      return route.hash;
  }
}
