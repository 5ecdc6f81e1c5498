import { sha256Hex } from '@envscaler/core/node';

/**
 * The canonical form that `expected-tasks.json` digests. Spelled out in that file too: sha256 (hex) of
 * the UTF-8 bytes of the world's canonical JSON text, where object keys are sorted by code point,
 * there is no whitespace, non-ASCII characters are written as they are, and numbers are written as
 * JavaScript's shortest round-trip form (`250`, `17.5`; negative zero as `0`). Nothing is rounded and
 * null values are kept: two worlds match exactly when their JSON values are equal.
 */
export const CANONICALIZATION =
  'sha256 (hex) of the UTF-8 bytes of the canonical JSON text of the world {flights, reservations, users}: ' +
  "object keys sorted by code point, separators ',' and ':' without whitespace, non-ASCII characters as-is " +
  "(only quote, backslash and control characters escaped, as JSON.stringify does), numbers in JavaScript's " +
  'shortest round-trip form (integers without a fraction, negative zero as 0), nothing rounded, null values kept.';

/** sha256 (hex) of {@link canonicalJson}; host-side (uses node:crypto), not for the sandbox. */
export function canonicalDigest(world: unknown): string {
  return sha256Hex(canonicalJson(world));
}

/** The canonical JSON text of a JSON value (see {@link CANONICALIZATION}). */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

/**
 * Canonical text of deep-frozen objects (frozen, with only frozen or primitive descendants): they
 * cannot change, so worlds that share them with a frozen initial world are hashed quickly.
 */
const frozenText = new WeakMap<object, string>();

function write(value: unknown, out: string[]): void {
  if (value !== null && typeof value === 'object') {
    const cached = frozenText.get(value);
    if (cached !== undefined) {
      out.push(cached);
      return;
    }
    if (Object.isFrozen(value)) {
      const parts: string[] = [];
      writeFresh(value, parts);
      const text = parts.join('');
      if (
        Object.values(value).every(
          (entry) => entry === null || typeof entry !== 'object' || frozenText.has(entry),
        )
      ) {
        frozenText.set(value, text);
      }
      out.push(text);
      return;
    }
  }
  writeFresh(value, out);
}

function writeFresh(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      out.push(Object.is(value, -0) ? '0' : String(value));
      return;
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((entry, index) => {
          if (index > 0) out.push(',');
          write(entry, out);
        });
        out.push(']');
        return;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort(compareCodePoints);
      out.push('{');
      keys.forEach((key, index) => {
        if (index > 0) out.push(',');
        out.push(JSON.stringify(key), ':');
        write(record[key], out);
      });
      out.push('}');
      return;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported value of type ${typeof value}`);
  }
}

/** Orders strings by Unicode code point (JavaScript's default sort is by UTF-16 unit). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** Surrogates (astral code points) sort after U+E000..U+FFFF in code-point order. */
function rank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
