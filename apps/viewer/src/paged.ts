// Fetching the API from the browser: memoised JSON GETs and a paged list that loads the pages holding the
// rows a virtual list shows, so a list of 28,800 rows costs a few requests of a few hundred rows each.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { pagesForRange } from './model/virtual.js';

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

/** What every paged endpoint answers. */
export interface PageResponse<E> {
  total: number;
  offset: number;
  items: E[];
}

export interface PagedList<E, R> {
  /** undefined until the first page arrives. */
  total: number | undefined;
  /** The first page's whole response (counts and problems ride on it). */
  first: R | undefined;
  error: string | undefined;
  /** A row if its page has arrived. */
  entry: (index: number) => E | undefined;
  /** Give to VirtualList: loads the pages of the rows in view. */
  onRange: (start: number, end: number) => void;
}

export const defaultPageSize = 200;

/** A list served in pages at `base` (an API path, with or without a query). */
export function usePagedList<E, R extends PageResponse<E> = PageResponse<E>>(base: string, pageSize = defaultPageSize): PagedList<E, R> {
  const [state, setState] = useState<{ base: string; first?: R; error?: string; version: number }>({ base, version: 0 });
  const pages = useRef(new Map<number, E[]>());
  const requested = useRef(new Set<number>());
  const current = useRef(base);
  if (current.current !== base) {
    // A new filter is a new list: forget the old one's pages before rendering.
    current.current = base;
    pages.current = new Map();
    requested.current = new Set();
  }
  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const sep = base.includes('?') ? '&' : '?';
      fetchJson<R>(`${base}${sep}offset=${page * pageSize}&limit=${pageSize}`).then(
        (res) => {
          if (current.current !== base) return;
          pages.current.set(page, res.items);
          setState((s) => ({ base, first: page === 0 ? res : s.base === base ? s.first : undefined, version: s.version + 1 }));
        },
        (e: unknown) => {
          if (current.current !== base) return;
          requested.current.delete(page);
          setState((s) => ({ ...s, base, error: String((e as Error).message ?? e) }));
        },
      );
    },
    [base, pageSize],
  );
  useEffect(() => load(0), [load]);
  const onRange = useCallback(
    (start: number, end: number) => {
      for (const page of pagesForRange({ start, end, pageSize })) load(page);
    },
    [load, pageSize],
  );
  const fresh = state.base === base;
  return {
    total: fresh ? state.first?.total : undefined,
    first: fresh ? state.first : undefined,
    error: fresh ? state.error : undefined,
    entry: (i) => pages.current.get(Math.floor(i / pageSize))?.[i % pageSize],
    onRange,
  };
}
