// Filtering and ordering the environment list. The server applies them before paging (/api/envs?q=&kept=&sort=),
// so the browser never needs the whole list.
import type { EnvKeptFilter, EnvListItem, EnvSortKey } from '../api.js';

export function filterEnvs(items: readonly EnvListItem[], filter: string, kept: EnvKeptFilter): EnvListItem[] {
  const q = filter.trim().toLowerCase();
  return items.filter((e) => {
    if (kept === 'kept' && e.kept !== true) return false;
    if (kept === 'dropped' && e.kept !== false) return false;
    if (!q) return true;
    return [e.id, e.topic ?? '', e.className ?? ''].some((s) => s.toLowerCase().includes(q));
  });
}

export const envSorts: Readonly<Record<EnvSortKey, string>> = {
  id: 'id',
  quality: 'quality ↓',
  tools: 'tools ↓',
  scenarios: 'scenarios ↓',
};

export function isEnvSort(value: string): value is EnvSortKey {
  return Object.hasOwn(envSorts, value);
}

export function isKeptFilter(value: string): value is EnvKeptFilter {
  return value === 'all' || value === 'kept' || value === 'dropped';
}

/** Sorted copy; ties and missing values fall back to id order. */
export function sortEnvs(items: readonly EnvListItem[], sort: EnvSortKey): EnvListItem[] {
  const key = (e: EnvListItem): number =>
    sort === 'quality' ? (e.qualityScore ?? -1) : sort === 'tools' ? (e.toolCount ?? -1) : sort === 'scenarios' ? e.scenarioCount : 0;
  return [...items].sort((a, b) => key(b) - key(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
