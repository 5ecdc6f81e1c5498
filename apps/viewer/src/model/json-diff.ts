// A small structural JSON diff for the initial → final state of a trajectory.

export type DiffOp = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  /** JSON path such as `$.loans["L-1"].returned`. */
  path: string;
  op: DiffOp;
  before?: unknown;
  after?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Leaf-level differences; objects and arrays are walked, other values compared by value. */
export function jsonDiff(before: unknown, after: unknown, path = '$', out: DiffEntry[] = []): DiffEntry[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) {
      const inBefore = Object.prototype.hasOwnProperty.call(before, key);
      const inAfter = Object.prototype.hasOwnProperty.call(after, key);
      if (inBefore && !inAfter) out.push({ path: child(path, key), op: 'removed', before: before[key] });
      else if (!inBefore && inAfter) out.push({ path: child(path, key), op: 'added', after: after[key] });
      else jsonDiff(before[key], after[key], child(path, key), out);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i >= after.length) out.push({ path: child(path, i), op: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: child(path, i), op: 'added', after: after[i] });
      else jsonDiff(before[i], after[i], child(path, i), out);
    }
    return out;
  }
  if (!Object.is(before, after) && JSON.stringify(before) !== JSON.stringify(after)) {
    if (before === undefined) out.push({ path, op: 'added', after });
    else if (after === undefined) out.push({ path, op: 'removed', before });
    else out.push({ path, op: 'changed', before, after });
  }
  return out;
}
