import { sha256Hex } from '@envscaler/core/node';

/**
 * The digest that `expected-train.json` (fixtures/expected-train.json) gives for a retail
 * database: sha256 (hex) of Python's
 * `json.dumps(canonical, sort_keys=True, separators=(',', ':'), ensure_ascii=False)`, where
 * `canonical` is the database with every null-valued object key dropped and every number replaced
 * by the float `round(x, 2)`.
 *
 * Runs on the host (it uses node:crypto), not in the sandbox.
 */
export function canonicalDigest(db: unknown): string {
  return sha256Hex(canonicalJson(db));
}

/** The canonical JSON text that {@link canonicalDigest} hashes. */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

/**
 * Canonical text of deep-frozen objects (frozen, with only frozen or primitive descendants): they
 * cannot change, so worlds that share them with a frozen initial state are hashed quickly.
 */
const frozenText = new WeakMap<object, string>();

function canonical(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      // JSON.stringify escapes exactly what Python's json.dumps(ensure_ascii=False) escapes
      // (backslash, quote, control characters) and writes everything else as-is.
      return JSON.stringify(value);
    case 'number':
      return pythonJsonFloat(pythonRound2(value));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      const cached = frozenText.get(value);
      if (cached !== undefined) return cached;
      const text = Array.isArray(value)
        ? canonicalArray(value)
        : canonicalObject(value as Record<string, unknown>);
      if (Object.isFrozen(value) && Object.values(value).every(isImmutable)) frozenText.set(value, text);
      return text;
    }
    default:
      throw new TypeError(`canonicalDigest: unsupported value of type ${typeof value}`);
  }
}

function isImmutable(value: unknown): boolean {
  return value === null || typeof value !== 'object' || frozenText.has(value);
}

function canonicalArray(value: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < value.length; i++) {
    const entry = value[i];
    text += (i > 0 ? ',' : '') + canonical(entry === undefined ? null : entry);
  }
  return text + ']';
}

function canonicalObject(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort();
  // The default sort is by UTF-16 unit; that differs from code-point order only around astral
  // characters, which would show as an adjacent pair out of code-point order.
  for (let i = 1; i < keys.length; i++) {
    if (compareCodePoints(keys[i - 1] as string, keys[i] as string) > 0) {
      keys.sort(compareCodePoints);
      break;
    }
  }
  let text = '{';
  let first = true;
  for (const key of keys) {
    const entry = record[key];
    if (entry === null || entry === undefined) continue;
    text += (first ? '' : ',') + JSON.stringify(key) + ':' + canonical(entry);
    first = false;
  }
  return text + '}';
}

/** Order strings by Unicode code point, as Python does (JS's default order is by UTF-16 unit). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (astral code points) sort after U+E000..U+FFFF in code-point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/**
 * Python's `round(x, 2)` for a float: the correctly rounded value at 2 decimals, where an exact tie
 * (only binary fractions such as 0.125 or 2.375 can be one) goes to the even last digit.
 */
export function pythonRound2(x: number): number {
  if (x === 0 || !Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const eighths = x * 8; // exact: scaling by a power of two
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    // x = m/8 with m odd, so 100·x = 12.5·m sits exactly between two integers: pick the even one.
    const twice = BigInt(25) * BigInt(eighths); // 2 · 100x
    let low = twice / BigInt(2);
    if (twice < BigInt(0)) low -= BigInt(1); // division truncated toward zero; we want the floor
    const chosen = low % BigInt(2) === BigInt(0) ? low : low + BigInt(1);
    const negative = chosen < BigInt(0);
    const digits = (negative ? -chosen : chosen).toString().padStart(3, '0');
    return Number(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
  }
  // toFixed is exact for |x| < 1e21 but sends ties away from zero; ties were handled above.
  return Number(x.toFixed(2));
}

/**
 * Python's `repr(float)`: the shortest digits that read back to the same float, in fixed notation
 * when the decimal exponent is in [-4, 16), otherwise in scientific notation (1e+16, 1.5e-05);
 * whole numbers get a trailing '.0'.
 */
export function pythonFloatRepr(x: number): string {
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    // Both languages print the shortest round-trip digits in fixed notation in this range.
    const text = String(x);
    return Number.isInteger(x) ? `${text}.0` : text;
  }
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const pointPosition = exponent + 1;
  if (pointPosition > 16 || pointPosition <= -4) {
    const scaled = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${scaled}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (pointPosition <= 0) return `${sign}0.${'0'.repeat(-pointPosition)}${digits}`;
  if (pointPosition >= digits.length) return `${sign}${digits}${'0'.repeat(pointPosition - digits.length)}.0`;
  return `${sign}${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
}

/** A float as Python's json module writes it (repr, with Infinity/NaN spelled the JSON way). */
function pythonJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pythonFloatRepr(x);
}
