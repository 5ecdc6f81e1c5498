/**
 * The per-turn state digest of `expected-train.json`: lowercase hex SHA-256 of the UTF-8 bytes of a
 * canonical JSON text of the snapshot `{<class>: {<public attribute>: value}}` (as produced by
 * `BfclMultiTurn.publicState`).
 *
 * Canonical form (Python `json.dumps(canon(S), sort_keys=True, separators=(',', ':'),
 * ensure_ascii=False)`): booleans stay booleans; every other number becomes `round(float(x), 4)` written
 * as a Python float (shortest round-trip digits, always with a decimal point or exponent); object members
 * whose value is null are dropped and keys are sorted by code point; arrays keep their order.
 */
import { sha256Hex } from '@envscaler/core/node';

/** The canonical JSON text of a snapshot. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonFloatRepr(roundHalfEven(value, 4));
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => compareCodePoints(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported value of type ${typeof value}`);
}

/** Lowercase hex SHA-256 of the canonical JSON text. */
export function stateDigest(snapshot: unknown): string {
  return sha256Hex(canonicalJson(snapshot));
}

function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

/** Python `round(x, digits)` on a float: exact value of the double, ties to even, read back correctly rounded. */
export function roundHalfEven(x: number, digits: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`canonicalJson: non-finite number ${x}`);
  if (x === 0) return x;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) + BigInt(view.getUint32(4));
  const exponent = biased === 0 ? -1074 : biased - 1075;
  if (biased !== 0) mantissa += 1n << 52n;
  if (exponent >= 0) return x; // an integer: nothing to round
  const numerator = mantissa * 10n ** BigInt(digits);
  const denominator = 1n << BigInt(-exponent);
  let q = numerator / denominator;
  const twice = 2n * (numerator - q * denominator);
  if (twice > denominator || (twice === denominator && (q & 1n) === 1n)) q += 1n;
  const rounded = Number(`${q}e-${digits}`);
  return x < 0 ? -rounded : rounded;
}

/** Python `repr(float)`. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x) || !Number.isFinite(x)) throw new RangeError(`canonicalJson: non-finite number ${x}`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const point = Number(exponent) + 1;
  let text: string;
  if (point > -4 && point <= 16) {
    if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
    else if (point >= digits.length) text = `${digits}${'0'.repeat(point - digits.length)}.0`;
    else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  } else {
    const e = point - 1;
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    text = `${head}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return (negative ? '-' : '') + text;
}
