// Which rows of a fixed-row-height list to render for a scroll position.

export interface VirtualWindow {
  start: number;
  end: number;
  offsetTop: number;
  totalHeight: number;
}

export function virtualWindow(options: {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan?: number;
}): VirtualWindow {
  const overscan = options.overscan ?? 8;
  const first = Math.floor(Math.max(0, options.scrollTop) / options.rowHeight);
  const visible = Math.ceil(options.viewportHeight / options.rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(options.count, first + visible + overscan);
  return { start, end, offsetTop: start * options.rowHeight, totalHeight: options.count * options.rowHeight };
}

/** The page numbers that hold rows [start, end), for fetching a paged list as it scrolls. */
export function pagesForRange(options: { start: number; end: number; pageSize: number }): number[] {
  const { start, end, pageSize } = options;
  if (end <= start) return [];
  const out: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) out.push(p);
  return out;
}
