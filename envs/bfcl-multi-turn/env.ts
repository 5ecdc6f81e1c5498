/**
 * BFCL v3 multi-turn: the eight stateful API classes (file system, math, messaging, posting, tickets,
 * trading, travel booking and vehicle control) as one envscaler environment.
 *
 * Behaviour follows the reference Python classes that ship with RUC-NLPIR/EnvScaler
 * (interact_with_env/bfcl_env/bfcl_envs, commit 87e667397abacf274858c0964796beb8f984aafe), quirks
 * included, so that a gold replay reaches exactly the reference states. See README.md beside this file.
 *
 * Conventions:
 * - A value the reference *returns* (including `{"error": ...}` dictionaries) is a successful tool result
 *   whose data is that value, unchanged. Where the reference *raises* an exception, the tool returns a
 *   failure with code `EXCEPTION`; a tool whose class is not part of the scenario fails with
 *   `UNKNOWN_TOOL`.
 * - Everything that persists between calls lives in `state` as plain JSON: each class's public attributes
 *   under their Python names, private ones prefixed with `_` (random generator, working directory, ...).
 */
import { Environment, type ToolResult } from '@envscaler/core';

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// State
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * CPython `random.Random` (MT19937) generator state, as the seed and the count of 32-bit words drawn
 * since seeding: the words follow from those two. Kept this small because the state is copied at every
 * public state and session (the 624 words were most of an entry's state text).
 */
interface MtState {
  seed: number;
  drawn: number;
}

/** A directory object of the reference file system (`Directory`). */
interface FsDirectory {
  name: string;
  /** Id of the parent directory object (kept even after the directory was moved away, as in the reference). */
  parent: string | null;
  /** Id of the contents dictionary (a dictionary can be shared by several directory objects). */
  contents: string;
}

interface FsFile {
  name: string;
  content: string;
}

/**
 * GorillaFileSystem. The reference keeps an object graph in which moved directories share their contents
 * dictionary and copied directories share their children, so the graph is stored as a small heap: directory
 * objects, file objects and ordered contents dictionaries, addressed by id. `root` (the public attribute) is
 * derived from it by `publicState`.
 */
interface FileSystemState {
  long_context: boolean;
  _root: string;
  /** Id of the current working directory object. */
  _current_dir: string;
  _next_id: number;
  _directories: Record<string, FsDirectory>;
  _files: Record<string, FsFile>;
  /** Ordered `[entry name, directory or file id]` lists; directory ids start with `d`, file ids with `f`. */
  _contents: Record<string, [string, string][]>;
}

interface MessageState {
  /** A Python set of ints (a list when the scenario provided one). */
  generated_ids: Json[];
  user_count: number;
  user_map: Record<string, Json>;
  inbox: JsonObject[];
  message_count: number;
  current_user: Json;
  _random: MtState;
  /** True when `generated_ids` came from the scenario: the reference then holds a list, not a set. */
  _generated_ids_is_list: boolean;
}

interface TwitterState {
  username: Json;
  password: Json;
  authenticated: Json;
  /** Tweets by integer id. */
  tweets: Record<string, JsonObject>;
  /** Comments by tweet id (string keys from the scenario, integer keys from `comment`). */
  comments: Record<string, Json>;
  retweets: Record<string, Json>;
  following_list: Json[];
  tweet_counter: number;
  /** Keys of `comments` that the scenario provided (Python strings, never equal to an integer tweet id). */
  _comment_str_keys: string[];
  /** Comments stored under an integer tweet id whose decimal text is also a scenario (string) key. */
  _int_comments: Record<string, Json[]>;
  /** The shared default `mentions` list of `post_tweet` (a mutable default argument in the reference). */
  _default_mentions: Json[];
  /** Ids of tweets whose `mentions` is that shared default list. */
  _tweets_with_default_mentions: number[];
}

interface TicketState {
  ticket_queue: JsonObject[];
  ticket_counter: number;
  current_user: Json;
}

interface TradingState {
  /** Orders by id; all-digit keys are integer keys in the reference (some scenarios add non-order entries). */
  orders: Record<string, Json>;
  account_info: JsonObject;
  authenticated: Json;
  market_status: Json;
  order_counter: number;
  stocks: Record<string, JsonObject>;
  watch_list: Json[];
  transaction_history: JsonObject[];
  long_context: boolean;
  _random: MtState;
  /** Insertion order of `orders` keys (JS objects list integer-like keys first; Python dicts do not). */
  _order_keys: string[];
}

interface TravelState {
  credit_card_list: Record<string, JsonObject>;
  booking_record: Record<string, JsonObject>;
  access_token: Json;
  token_type: Json;
  token_expires_in: Json;
  token_scope: Json;
  user_first_name: Json;
  user_last_name: Json;
  budget_limit: Json;
  long_context: boolean;
  _random: MtState;
  _flight_cost_lookup: Record<string, { cost: number }>;
}

interface VehicleState {
  fuelLevel: number;
  batteryVoltage: Json;
  engine_state: Json;
  remainingUnlockedDoors: number;
  doorStatus: Record<string, Json>;
  acTemperature: Json;
  fanSpeed: Json;
  acMode: Json;
  humidityLevel: Json;
  headLightStatus: Json;
  parkingBrakeStatus: Json;
  brakePedalStatus: Json;
  distanceToNextVehicle: Json;
  cruiseStatus: Json;
  destination: Json;
  frontLeftTirePressure: number;
  frontRightTirePressure: number;
  rearLeftTirePressure: number;
  rearRightTirePressure: number;
  long_context: boolean;
  _random: MtState;
  _parkingBrakeForce: Json;
  _slopeAngle: Json;
  _brakePedalForce: Json;
}

/** The whole world of one BFCL entry: one instance per involved API class. */
export interface State {
  /** The involved classes, in the scenario's order. */
  involved: string[];
  classes: {
    GorillaFileSystem?: FileSystemState;
    MathAPI?: Record<string, never>;
    MessageAPI?: MessageState;
    TwitterAPI?: TwitterState;
    TicketAPI?: TicketState;
    TradingBot?: TradingState;
    TravelAPI?: TravelState;
    VehicleControlAPI?: VehicleState;
  };
}

type ClassName = keyof State['classes'];
const CLASS_NAMES: readonly ClassName[] = [
  'GorillaFileSystem',
  'MathAPI',
  'MessageAPI',
  'TwitterAPI',
  'TicketAPI',
  'TradingBot',
  'TravelAPI',
  'VehicleControlAPI',
];

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Python semantics helpers
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** An error standing for a Python exception raised by the reference method. */
function pyError(type: string, message: string): Error {
  const error = new Error(message);
  error.name = type;
  return error;
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Assign a key as an own data property (safe for keys such as `__proto__`; keeps an existing key's position). */
function setKey<T>(object: Record<string, T>, key: string, value: T): void {
  // Plain assignment makes the same own data property unless Object.prototype has the key (a setter such
  // as __proto__'s, or a name that would otherwise only be shadowed); it is the common case and cheaper.
  if (key in Object.prototype)
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/**
 * A copy of JSON data, equal to `JSON.parse(JSON.stringify(value))`, made without the text in between:
 * every tool result and every public state is copied, and the text way took most of `publicState`.
 * Values JSON cannot print as they are (objects with another prototype or a `toJSON`) take the text way.
 */
function clone<T>(value: T): T {
  return value === undefined ? value : (copyJson(value) as T);
}

function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    // JSON prints non-finite numbers as null and -0 as 0; functions and symbols are left out
    if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (typeof value === 'bigint') return JSON.parse(JSON.stringify(value)) as never; // throws as JSON does
    return value;
  }
  if (Array.isArray(value)) {
    // push, not stores into `new Array(n)`: see mtSeedWords on holes in the sandbox's frozen realm
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(copyJson(value[i]) ?? null);
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value)
    return JSON.parse(JSON.stringify(value)) as unknown;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copy = copyJson((value as Record<string, unknown>)[key]);
    if (copy !== undefined) setKey(out, key, copy);
  }
  return out;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python truthiness. */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Python `==` on JSON-like values (`True == 1`, `1 == 1.0`). */
function pyEq(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof a === 'boolean') {
    return (typeof b === 'number' || typeof b === 'boolean') && Number(a) === Number(b);
  }
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string') return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => hasOwn(b, k) && pyEq(a[k], b[k]));
  }
  return false;
}

/** Python `x in list`. */
function pyIn(item: unknown, list: readonly unknown[]): boolean {
  return list.some((x) => pyEq(x, item));
}

function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

function isNumber(value: unknown): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

/** A number operand for a comparison or arithmetic; raises TypeError like Python for other types. */
function num(value: unknown, op = '<'): number {
  if (isNumber(value)) return Number(value);
  throw pyError('TypeError', `'${op}' not supported between instances of '${pyTypeName(value)}' and 'int'`);
}

/** A string operand; raises AttributeError like Python when a str method is called on something else. */
function str(value: unknown, method: string): string {
  if (typeof value === 'string') return value;
  throw pyError('AttributeError', `'${pyTypeName(value)}' object has no attribute '${method}'`);
}

/** Python `mapping[key]` (raises KeyError when missing). */
function item(mapping: unknown, key: string): Json {
  if (isPlainObject(mapping) && hasOwn(mapping, key)) return mapping[key] as Json;
  if (isPlainObject(mapping)) throw pyError('KeyError', pyStrRepr(key));
  throw pyError('TypeError', `'${pyTypeName(mapping)}' object is not subscriptable`);
}

/** Iterate like Python `for x in value` (strings yield characters, dicts yield keys). */
function pyIter(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (isPlainObject(value)) return Object.keys(value);
  throw pyError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** Python `float(x)`. */
function pyFloat(value: unknown): number {
  if (isNumber(value)) return Number(value);
  if (typeof value === 'string') {
    const text = value.trim();
    const lower = text.toLowerCase();
    if (/^[+-]?(inf|infinity)$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(lower)) return NaN;
    if (/^[+-]?((\d(_?\d)*)(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$/.test(text)) {
      return Number(text.replace(/_/g, ''));
    }
    throw pyError('ValueError', `could not convert string to float: ${pyRepr(value)}`);
  }
  throw pyError(
    'TypeError',
    `float() argument must be a string or a real number, not '${pyTypeName(value)}'`,
  );
}

/** Python `int(x)`. */
function pyInt(value: unknown): number {
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw pyError(Number.isNaN(value) ? 'ValueError' : 'OverflowError', 'cannot convert float to integer');
    }
    return Math.trunc(value);
  }
  if (typeof value === 'string' && /^\s*[+-]?\d(_?\d)*\s*$/.test(value))
    return Number(value.replace(/_/g, ''));
  if (typeof value === 'string') {
    throw pyError('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`);
  }
  throw pyError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
  );
}

/** Python `repr` of a string. */
function pyStrRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0xa0) || cp === 0xad) {
      out += '\\x' + cp.toString(16).padStart(2, '0');
    } else if (cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + quote;
}

/** Python `repr` of a float: shortest round-trip digits, exponent outside 1e-4 <= |x| < 1e16. */
function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const point = Number(exponent) + 1;
  let text: string;
  if (point > -4 && point <= 16) {
    if (point <= 0) text = '0.' + '0'.repeat(-point) + digits;
    else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length) + '.0';
    else text = digits.slice(0, point) + '.' + digits.slice(point);
  } else {
    const e = point - 1;
    text =
      (digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits) +
      'e' +
      (e < 0 ? '-' : '+') +
      String(Math.abs(e)).padStart(2, '0');
  }
  return (negative ? '-' : '') + text;
}

/** Python `repr` (integral numbers print as ints, since JSON does not keep the distinction). */
function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) ? BigInt(value).toString() : pyFloatRepr(value);
  if (typeof value === 'string') return pyStrRepr(value);
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
  if (isPlainObject(value)) {
    return (
      '{' +
      Object.entries(value)
        .map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`)
        .join(', ') +
      '}'
    );
  }
  return String(value);
}

/** Python `str` (what an f-string interpolates). */
function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** `|x| * 10^digits` rounded half-to-even on the exact binary value of `x`. */
function scaledRoundHalfEven(x: number, digits: number): { negative: boolean; q: bigint } {
  const negative = x < 0 || Object.is(x, -0);
  if (x === 0) return { negative, q: 0n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) + BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa += 1n << 52n;
    exponent = biased - 1075;
  }
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (digits >= 0) numerator *= 10n ** BigInt(digits);
  else denominator *= 10n ** BigInt(-digits);
  let q = numerator / denominator;
  const twice = 2n * (numerator - q * denominator);
  if (twice > denominator || (twice === denominator && (q & 1n) === 1n)) q += 1n;
  return { negative, q };
}

/** Python `round(x, ndigits)` for floats (correctly rounded, ties to even). */
function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (digits > 323) return x;
  if (digits < -308) return 0 * x;
  const { negative, q } = scaledRoundHalfEven(x, digits);
  const value = Number(`${q}e${-digits}`);
  return negative ? -value : value;
}

/** Python `format(x, '.<digits>f')`. */
function pyFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const { negative, q } = scaledRoundHalfEven(x, digits);
  let text = q.toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, '0');
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return (negative ? '-' : '') + text;
}

/** Round a double to `bits` significant bits, ties to even (mpmath's working precision). */
function roundToBits(x: number, bits: number): number {
  if (!Number.isFinite(x) || x === 0 || bits >= 53) return x;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  const exponent = biased === 0 ? -1023 : biased - 1023;
  const scale = 2 ** (bits - 1 - exponent);
  const y = Math.abs(x) * scale;
  const floor = Math.floor(y);
  const rest = y - floor;
  const rounded = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  return (x < 0 ? -rounded : rounded) / scale;
}

/** Python `str.splitlines()`. */
function pySplitlines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\r' && text[i + 1] === '\n') {
      lines.push(text.slice(start, i));
      i += 2;
      start = i;
    } else if ('\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029'.includes(ch)) {
      lines.push(text.slice(start, i));
      i += 1;
      start = i;
    } else i += 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Python `str.split()` (runs of Unicode whitespace). */
function pySplitWhitespace(text: string): string[] {
  const isSpace = (cp: number): boolean =>
    (cp >= 0x09 && cp <= 0x0d) ||
    (cp >= 0x1c && cp <= 0x20) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000;
  const words: string[] = [];
  let current = '';
  for (const ch of text) {
    if (isSpace(ch.codePointAt(0) ?? 0)) {
      if (current !== '') words.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') words.push(current);
  return words;
}

/** Python string ordering (by code point). */
function pyCompare(a: string, b: string): number {
  if (!/[\ud800-\udfff]/.test(a + b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

function utf8Length(text: string): number {
  let length = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    length += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return length;
}

function rstripChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

function stripChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start] as string)) start++;
  return rstripChars(text.slice(start), chars);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkDate(year: number, month: number, day: number): void {
  if (year < 1 || year > 9999) throw pyError('ValueError', `year ${year} is out of range`);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) throw pyError('ValueError', 'day is out of range for month');
}

const YMD = '(\\d\\d\\d\\d)-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])';

/** Python `datetime.strptime` for one fixed format; returns the regex groups as numbers. */
function strptime(text: unknown, pattern: string, format: string): number[] {
  const value = typeof text === 'string' ? text : null;
  if (value === null) {
    throw pyError('TypeError', `strptime() argument 1 must be str, not ${pyTypeName(text)}`);
  }
  const match = new RegExp(`^(?:${pattern})`, 'i').exec(value);
  if (!match) throw pyError('ValueError', `time data ${pyStrRepr(value)} does not match format '${format}'`);
  if (match[0].length !== value.length) {
    throw pyError('ValueError', `unconverted data remains: ${value.slice(match[0].length)}`);
  }
  return match
    .slice(1)
    .map((group) => (/^\s*\d+$/.test(group ?? '') ? Number((group as string).trim()) : NaN));
}

/** `YYYY-MM-DD` → comparable number (Python datetime at midnight). */
function parseDate(text: unknown): number {
  const [y = 0, m = 0, d = 0] = strptime(text, YMD, '%Y-%m-%d');
  checkDate(y, m, d);
  return ((y * 100 + m) * 100 + d) * 1_000_000;
}

/** `YYYY-MM-DD HH:MM:SS` → comparable number. */
function parseDateTime(text: unknown): number {
  const [y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0] = strptime(
    text,
    `${YMD}\\s+(2[0-3]|[0-1]\\d|\\d):([0-5]\\d|\\d):(6[0-1]|[0-5]\\d|\\d)`,
    '%Y-%m-%d %H:%M:%S',
  );
  checkDate(y, m, d);
  if (ss > 59) throw pyError('ValueError', 'second must be in 0..59');
  return ((y * 100 + m) * 100 + d) * 1_000_000 + (hh * 100 + mm) * 100 + ss;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// CPython random.Random (MT19937 with init_by_array seeding)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

const MT_N = 624;
const MT_M = 397;

/**
 * The generator's untempered words by seed, 624 a block, block k after k + 1 twists of the seeded words.
 * Scenarios reuse a few seeds (each class's default) and draw few words, so a session's draw is a lookup.
 * Seeds are kept oldest first up to SEEDS_KEPT, each with its first BLOCKS_KEPT blocks (3 MB in all) and
 * the last block computed past those, so that drawing on and on twists once per block.
 */
const blocksBySeed = new Map<number, { blocks: number[][]; far: { block: number; words: number[] } }>();
const SEEDS_KEPT = 32;
const BLOCKS_KEPT = 16;

/** `random.Random(seed)` for an integer seed (CPython seeds with the 32-bit words of `abs(seed)`). */
function mtSeed(seed: number): MtState {
  return { seed, drawn: 0 };
}

/** The untempered words of block `block` of `seed`'s generator (callers must not change them). */
function mtBlock(seed: number, block: number): readonly number[] {
  let kept = blocksBySeed.get(seed);
  if (kept === undefined) {
    if (blocksBySeed.size >= SEEDS_KEPT) blocksBySeed.delete(blocksBySeed.keys().next().value as number);
    const first = mtTwist(mtSeedWords(seed));
    kept = { blocks: [first], far: { block: 0, words: first } };
    blocksBySeed.set(seed, kept);
  }
  const { blocks } = kept;
  while (blocks.length <= Math.min(block, BLOCKS_KEPT - 1)) blocks.push(mtTwist(blocks[blocks.length - 1]!));
  if (block < BLOCKS_KEPT) return blocks[block]!;
  let { far } = kept;
  if (far.block > block || far.block < BLOCKS_KEPT - 1)
    far = { block: BLOCKS_KEPT - 1, words: blocks[BLOCKS_KEPT - 1]! };
  while (far.block < block) far = { block: far.block + 1, words: mtTwist(far.words) };
  kept.far = far;
  return far.words;
}

function mtSeedWords(seed: number): number[] {
  let n = Math.abs(seed);
  const key: number[] = [];
  do {
    key.push(n % 4294967296);
    n = Math.floor(n / 4294967296);
  } while (n > 0);
  // Built with push, not `new Array(MT_N)` filled by index: in the sandbox's frozen realm a store into a
  // hole of an array takes V8's slow path (it must look for the index up the frozen prototype chain).
  const mt: number[] = [19650218];
  for (let i = 1; i < MT_N; i++) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt.push((Math.imul(1812433253, prev) + i) >>> 0);
  }
  let i = 1;
  let j = 0;
  for (let k = Math.max(MT_N, key.length); k > 0; k--) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt[i] = (((mt[i] as number) ^ Math.imul(prev, 1664525)) + (key[j] as number) + j) >>> 0;
    i++;
    j++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1] as number;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = MT_N - 1; k > 0; k--) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt[i] = (((mt[i] as number) ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1] as number;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return mt;
}

/** The next 624 words after `words` (genrand's regeneration step), as a new array. */
function mtTwist(words: readonly number[]): number[] {
  const mt = words.slice();
  const twist = (a: number, b: number, c: number): number => {
    const y = (a & 0x80000000) | (b & 0x7fffffff);
    return (c ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
  };
  let k = 0;
  for (; k < MT_N - MT_M; k++) mt[k] = twist(mt[k] as number, mt[k + 1] as number, mt[k + MT_M] as number);
  for (; k < MT_N - 1; k++) {
    mt[k] = twist(mt[k] as number, mt[k + 1] as number, mt[k + MT_M - MT_N] as number);
  }
  mt[MT_N - 1] = twist(mt[MT_N - 1] as number, mt[0] as number, mt[MT_M - 1] as number);
  return mt;
}

/** The seed `random.Random(x)` would use for a scenario value (integers; None draws a fresh seed). */
function seedFrom(value: unknown): MtState {
  if (value === null) return mtSeed(Math.floor(Math.random() * 2 ** 52));
  if (typeof value === 'boolean') return mtSeed(Number(value));
  if (typeof value === 'number' && Number.isInteger(value)) return mtSeed(value);
  throw new Error(`bfcl-multi-turn: unsupported random_seed ${JSON.stringify(value)} (integers only)`);
}

/** genrand_uint32. */
function mtNext(state: MtState): number {
  if (!Number.isInteger(state.seed) || !Number.isSafeInteger(state.drawn) || state.drawn < 0) {
    // a state saved by a version that kept the 624 words, or edited by hand
    throw new Error(
      `bfcl-multi-turn: the random generator state ${JSON.stringify(state).slice(0, 80)} is not {seed, drawn}; re-create the state from its scenario config`,
    );
  }
  let y = mtBlock(state.seed, Math.floor(state.drawn / MT_N))[state.drawn % MT_N] as number;
  state.drawn++;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** `getrandbits(k)` for k <= 53 (32-bit words, least significant first). */
function mtGetrandbits(state: MtState, k: number): number {
  if (k === 0) return 0;
  if (k <= 32) return mtNext(state) >>> (32 - k);
  if (k > 53) throw pyError('OverflowError', 'getrandbits: more than 53 bits is not supported here');
  let result = 0;
  let scale = 1;
  for (let bits = k; bits > 0; bits -= 32) {
    let word = mtNext(state);
    if (bits < 32) word >>>= 32 - bits;
    result += word * scale;
    scale *= 4294967296;
  }
  return result;
}

/** `randint(a, b)` = `a + _randbelow(b - a + 1)` with getrandbits rejection sampling. */
function mtRandint(state: MtState, a: number, b: number): number {
  const width = b + 1 - a;
  if (width <= 0) throw pyError('ValueError', `empty range for randrange() (${a}, ${b + 1}, ${width})`);
  let k = 0;
  for (let v = width; v >= 1; v = Math.floor(v / 2)) k++;
  let r = mtGetrandbits(state, k);
  while (r >= width) r = mtGetrandbits(state, k);
  return a + r;
}

/** `random()`: 53-bit float in [0, 1). */
function mtRandom(state: MtState): number {
  const a = mtNext(state) >>> 5;
  const b = mtNext(state) >>> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/** `uniform(a, b)`. */
function mtUniform(state: MtState, a: number, b: number): number {
  return a + (b - a) * mtRandom(state);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// GorillaFileSystem object graph
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

const isDirectoryId = (id: string): boolean => id.startsWith('d');

function fsNewId(fs: FileSystemState, prefix: 'd' | 'f' | 'c'): string {
  const id = `${prefix}${fs._next_id}`;
  fs._next_id += 1;
  return id;
}

/** `Directory(name, parent)` with a fresh, empty contents dictionary. */
function fsNewDirectory(fs: FileSystemState, name: string, parent: string | null): string {
  const contents = fsNewId(fs, 'c');
  fs._contents[contents] = [];
  const id = fsNewId(fs, 'd');
  fs._directories[id] = { name, parent, contents };
  return id;
}

function fsDirectory(fs: FileSystemState, id: string): FsDirectory {
  const directory = fs._directories[id];
  if (!directory) throw new Error(`bfcl-multi-turn: dangling directory id ${id}`);
  return directory;
}

function fsEntries(fs: FileSystemState, directoryId: string): [string, string][] {
  const entries = fs._contents[fsDirectory(fs, directoryId).contents];
  if (!entries) throw new Error(`bfcl-multi-turn: dangling contents of ${directoryId}`);
  return entries;
}

/** `name in directory.contents`. */
function fsLookup(fs: FileSystemState, directoryId: string, name: unknown): string | undefined {
  return fsEntries(fs, directoryId).find(([entry]) => entry === name)?.[1];
}

/** `Directory._get_item`: '.' is the directory itself. */
function fsGetItem(fs: FileSystemState, directoryId: string, name: string): string | undefined {
  return name === '.' ? directoryId : fsLookup(fs, directoryId, name);
}

/** `name in directory.contents` and then `directory._get_item(name)`: an entry named '.' resolves to the directory. */
function fsMember(fs: FileSystemState, directoryId: string, name: unknown): string | undefined {
  return fsLookup(fs, directoryId, name) === undefined
    ? undefined
    : fsGetItem(fs, directoryId, name as string);
}

/** `directory.contents[name] = node` (keeps the position of an existing entry). */
function fsPut(fs: FileSystemState, directoryId: string, name: string, node: string): void {
  const entries = fsEntries(fs, directoryId);
  const existing = entries.find(([entry]) => entry === name);
  if (existing) existing[1] = node;
  else entries.push([name, node]);
}

function fsPop(fs: FileSystemState, directoryId: string, name: string): void {
  const entries = fsEntries(fs, directoryId);
  const index = entries.findIndex(([entry]) => entry === name);
  if (index >= 0) entries.splice(index, 1);
}

/** `Directory._add_file` (raises when the name exists). */
function fsAddFile(fs: FileSystemState, directoryId: string, name: string, content: string): void {
  if (fsLookup(fs, directoryId, name) !== undefined) {
    throw pyError(
      'ValueError',
      `File '${name}' already exists in directory '${fsDirectory(fs, directoryId).name}'.`,
    );
  }
  const id = fsNewId(fs, 'f');
  fs._files[id] = { name, content };
  fsEntries(fs, directoryId).push([name, id]);
}

/** `Directory._add_directory` (raises when the name exists); returns the new directory id. */
function fsAddDirectory(fs: FileSystemState, directoryId: string, name: string): string {
  if (fsLookup(fs, directoryId, name) !== undefined) {
    throw pyError(
      'ValueError',
      `Directory '${name}' already exists in directory '${fsDirectory(fs, directoryId).name}'.`,
    );
  }
  const id = fsNewDirectory(fs, name, directoryId);
  fsEntries(fs, directoryId).push([name, id]);
  return id;
}

function fsFile(fs: FileSystemState, id: string): FsFile {
  const file = fs._files[id];
  if (!file) throw new Error(`bfcl-multi-turn: dangling file id ${id}`);
  return file;
}

/** `_navigate_to_directory`: a directory id, or the reference's error dictionary. */
function fsNavigate(fs: FileSystemState, path: string | null): string | { error: string } {
  if (path === null || path === '.') return fs._current_dir;
  if (path === '/') return fs._root;
  let current = path.startsWith('/') ? fs._root : fs._current_dir;
  for (const name of stripChars(path, '/').split('/')) {
    const next = fsGetItem(fs, current, name);
    if (next === undefined || !isDirectoryId(next))
      return { error: `cd: '${path}': No such file or directory` };
    current = next;
  }
  return current;
}

/** Drop heap objects that the reference could no longer reach. */
function fsCollect(fs: FileSystemState): void {
  const directories = new Set<string>();
  const files = new Set<string>();
  const dictionaries = new Set<string>();
  const stack = [fs._root, fs._current_dir];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (directories.has(id)) continue;
    directories.add(id);
    const directory = fsDirectory(fs, id);
    if (directory.parent !== null) stack.push(directory.parent);
    if (dictionaries.has(directory.contents)) continue;
    dictionaries.add(directory.contents);
    for (const [, node] of fs._contents[directory.contents] ?? []) {
      if (isDirectoryId(node)) stack.push(node);
      else files.add(node);
    }
  }
  for (const id of Object.keys(fs._directories)) if (!directories.has(id)) delete fs._directories[id];
  for (const id of Object.keys(fs._files)) if (!files.has(id)) delete fs._files[id];
  for (const id of Object.keys(fs._contents)) if (!dictionaries.has(id)) delete fs._contents[id];
}

const MAX_DEPTH = 990;

/** The public `root`: `{<name>: {type: 'directory', contents: {...}}}`; files as `{type: 'file', content}`. */
function fsSnapshot(fs: FileSystemState): JsonObject {
  const render = (id: string, open: Set<string>): JsonObject => {
    const directory = fsDirectory(fs, id);
    if (open.has(directory.contents) || open.size > MAX_DEPTH) {
      // `cp` of a directory into itself makes the reference graph cyclic; cut the cycle here.
      return { type: 'directory', contents: {}, recursive: true };
    }
    open.add(directory.contents);
    const contents: JsonObject = {};
    for (const [name, node] of fsEntries(fs, id)) {
      setKey(
        contents,
        name,
        isDirectoryId(node) ? render(node, open) : { type: 'file', content: fsFile(fs, node).content },
      );
    }
    open.delete(directory.contents);
    return { type: 'directory', contents };
  };
  const root: JsonObject = {};
  setKey(root, fsDirectory(fs, fs._root).name, render(fs._root, new Set()));
  return root;
}

function validName(name: unknown): boolean {
  const text = str(name, '__iter__');
  return !Array.from(text).some((c) => '|/\\?%*:"><'.includes(c));
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Scenario loading (`_load_scenario` of each class; `longContext` is BFCL's long-context mode)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Scenario = Record<string, unknown>;

/** `scenario.get(key, default)`. */
function get<T>(scenario: Scenario, key: string, fallback: T): T {
  return (hasOwn(scenario, key) ? scenario[key] : fallback) as T;
}

function loadFileSystem(scenario: Scenario, longContext: boolean): FileSystemState {
  const fs: FileSystemState = {
    long_context: longContext,
    _root: '',
    _current_dir: '',
    _next_id: 0,
    _directories: {},
    _files: {},
    _contents: {},
  };
  const rootConfig = scenario['root'];
  if (hasOwn(scenario, 'root') && isPlainObject(rootConfig)) {
    const rootName = Object.keys(rootConfig)[0];
    if (rootName === undefined) throw pyError('IndexError', 'list index out of range');
    const load = (current: unknown, directoryId: string): void => {
      if (!isPlainObject(current)) throw pyError('TypeError', 'directory contents must be a dict');
      let bottommost = true;
      for (const [name, data] of Object.entries(current)) {
        if (!isPlainObject(data)) continue;
        if (data['type'] === 'directory') {
          bottommost = false;
          const child = fsNewDirectory(fs, name, directoryId);
          load(data['contents'], child);
          fsPut(fs, directoryId, name, child);
        } else if (data['type'] === 'file') {
          let content = data['content'] as string;
          // Long context: every loaded file but a few gets the same long paragraph appended.
          if (longContext && !longContextData().FILES_TAIL_USED.includes(name))
            content += longContextData().FILE_CONTENT_EXTENSION;
          const id = fsNewId(fs, 'f');
          fs._files[id] = { name, content };
          fsPut(fs, directoryId, name, id);
        }
      }
      // Long context: a directory without subdirectories gets 30 empty image files (`_populate_directory`).
      if (bottommost && longContext) {
        for (const file of longContextData().POPULATE_FILE_EXTENSION) fsAddFile(fs, directoryId, file, '');
      }
    };
    fs._root = fsNewDirectory(fs, rootName, null);
    const rootData = rootConfig[rootName];
    load(isPlainObject(rootData) ? rootData['contents'] : undefined, fs._root);
  } else {
    fs._root = fsNewDirectory(fs, '/', null);
  }
  fs._current_dir = fs._root;
  return fs;
}

function loadMessage(scenario: Scenario): MessageState {
  return {
    generated_ids: get<Json[]>(scenario, 'generated_ids', []),
    user_count: get(scenario, 'user_count', 4),
    user_map: get<Record<string, Json>>(scenario, 'user_map', {
      Alice: 'USR001',
      Bob: 'USR002',
      Catherine: 'USR003',
      Daniel: 'USR004',
    }),
    inbox: get<JsonObject[]>(scenario, 'inbox', [
      { USR002: 'My name is Alice. I want to connect.' },
      { USR003: 'Could you upload the file?' },
      { USR004: 'Could you upload the file?' },
    ]),
    message_count: get(scenario, 'message_count', 3),
    current_user: get<Json>(scenario, 'current_user', null),
    _random: seedFrom(get(scenario, 'random_seed', 200191)),
    _generated_ids_is_list: hasOwn(scenario, 'generated_ids'),
  };
}

function loadTwitter(scenario: Scenario): TwitterState {
  const tweets: Record<string, JsonObject> = {};
  for (const [key, tweet] of Object.entries(get<Record<string, JsonObject>>(scenario, 'tweets', {}))) {
    setKey(tweets, String(pyInt(key)), tweet);
  }
  const comments = get<Record<string, Json>>(scenario, 'comments', {});
  return {
    username: get<Json>(scenario, 'username', 'john'),
    password: get<Json>(scenario, 'password', 'john123'),
    authenticated: get<Json>(scenario, 'authenticated', false),
    tweets,
    comments,
    retweets: get<Record<string, Json>>(scenario, 'retweets', {}),
    following_list: get<Json[]>(scenario, 'following_list', ['alice', 'bob']),
    tweet_counter: get(scenario, 'tweet_counter', 0),
    _comment_str_keys: isPlainObject(comments) ? Object.keys(comments) : [],
    _int_comments: {},
    _default_mentions: [],
    _tweets_with_default_mentions: [],
  };
}

function loadTicket(scenario: Scenario): TicketState {
  return {
    ticket_queue: get<JsonObject[]>(scenario, 'ticket_queue', []),
    ticket_counter: get(scenario, 'ticket_counter', 1),
    current_user: get<Json>(scenario, 'current_user', null),
  };
}

const DEFAULT_STOCKS: Record<string, [number, number, number, number, number]> = {
  AAPL: [227.16, 0.17, 2.552, 227.11, 227.09],
  GOOG: [2840.34, 0.24, 1.123, 2835.67, 2842.15],
  TSLA: [667.92, -0.12, 1.654, 671.15, 668.2],
  MSFT: [310.23, 0.09, 3.234, 309.88, 310.11],
  NVDA: [220.34, 0.34, 1.234, 220.45, 220.67],
  ALPH: [1320.45, -0.08, 1.567, 1321.12, 1325.78],
  OMEG: [457.23, 0.12, 2.345, 456.78, 458.12],
  QUAS: [725.89, -0.03, 1.789, 726.45, 728.0],
  NEPT: [88.34, 0.19, 0.654, 88.21, 88.67],
  SYNX: [345.67, 0.11, 2.112, 345.34, 346.12],
  ZETA: [22.09, -0.05, 0.789, 22.12, 22.34],
};

function loadTrading(scenario: Scenario, longContext: boolean): TradingState {
  const defaultStocks: Record<string, JsonObject> = {};
  for (const [symbol, [price, change, volume, ma5, ma20]] of Object.entries(DEFAULT_STOCKS)) {
    defaultStocks[symbol] = { price, percent_change: change, volume, 'MA(5)': ma5, 'MA(20)': ma20 };
  }
  const orders: Record<string, Json> = {};
  const configuredOrders = get<Record<string, Json>>(scenario, 'orders', {
    '12345': { id: 12345, order_type: 'Buy', symbol: 'AAPL', price: 210.65, amount: 10, status: 'Completed' },
    '12446': { id: 12446, order_type: 'Sell', symbol: 'GOOG', price: 2840.56, amount: 5, status: 'Pending' },
  });
  for (const [key, order] of Object.entries(configuredOrders)) {
    setKey(orders, /^[0-9]+$/.test(key) ? String(Number(key)) : key, order);
  }
  return {
    orders,
    account_info: get<JsonObject>(scenario, 'account_info', {
      account_id: 12345,
      balance: 10000.0,
      binding_card: 1974202140965533,
    }),
    authenticated: get<Json>(scenario, 'authenticated', false),
    market_status: get<Json>(scenario, 'market_status', 'Closed'),
    order_counter: get(scenario, 'order_counter', 12446),
    stocks: get(scenario, 'stocks', defaultStocks),
    watch_list: get<Json[]>(scenario, 'watch_list', ['NVDA']),
    transaction_history: get<JsonObject[]>(scenario, 'transaction_history', []),
    long_context: longContext,
    _random: seedFrom(get(scenario, 'random_seed', 1053520)),
    _order_keys: Object.keys(orders),
  };
}

function loadTravel(scenario: Scenario, longContext: boolean): TravelState {
  const credit_card_list = get<Record<string, JsonObject>>(scenario, 'credit_card_list', {});
  const booking_record = get<Record<string, JsonObject>>(scenario, 'booking_record', {});
  if (longContext) {
    // `_add_credit_cards` / `_add_booking_records`: the fixed extras, keys already configured kept as they are.
    const extra = longContextData();
    for (const [id, card] of Object.entries(extra.CREDIT_CARD_EXTENSION)) {
      if (!hasOwn(credit_card_list, id)) setKey(credit_card_list, id, clone(card));
    }
    for (const [id, booking] of Object.entries(extra.BOOKING_RECORD_EXTENSION)) {
      if (!hasOwn(booking_record, id)) setKey(booking_record, id, clone(booking));
    }
  }
  return {
    credit_card_list,
    booking_record,
    access_token: get<Json>(scenario, 'access_token', null),
    token_type: get<Json>(scenario, 'token_type', null),
    token_expires_in: get<Json>(scenario, 'token_expires_in', null),
    token_scope: get<Json>(scenario, 'token_scope', null),
    user_first_name: get<Json>(scenario, 'user_first_name', null),
    user_last_name: get<Json>(scenario, 'user_last_name', null),
    budget_limit: get<Json>(scenario, 'budget_limit', null),
    long_context: longContext,
    _random: seedFrom(get(scenario, 'random_seed', 141053)),
    _flight_cost_lookup: {},
  };
}

function loadVehicle(scenario: Scenario, longContext: boolean): VehicleState {
  const doorStatus = get<Record<string, Json>>(scenario, 'doorStatus', {
    driver: 'unlocked',
    passenger: 'unlocked',
    rear_left: 'unlocked',
    rear_right: 'unlocked',
  });
  return {
    fuelLevel: get(scenario, 'fuelLevel', 0.0),
    batteryVoltage: get<Json>(scenario, 'batteryVoltage', 12.6),
    engine_state: get<Json>(scenario, 'engineState', 'stopped'),
    // The reference overwrites the configured count with one derived from the door status.
    remainingUnlockedDoors:
      4 - Object.keys(doorStatus).filter((door) => pyEq(doorStatus[door], 'locked')).length,
    doorStatus,
    acTemperature: get<Json>(scenario, 'acTemperature', 25.0),
    fanSpeed: get<Json>(scenario, 'fanSpeed', 50),
    acMode: get<Json>(scenario, 'acMode', 'auto'),
    humidityLevel: get<Json>(scenario, 'humidityLevel', 50.0),
    headLightStatus: get<Json>(scenario, 'headLightStatus', 'off'),
    parkingBrakeStatus: get<Json>(scenario, 'parkingBrakeStatus', 'released'),
    brakePedalStatus: get<Json>(scenario, 'brakePedalStatus', 'released'),
    distanceToNextVehicle: get<Json>(scenario, 'distanceToNextVehicle', 50.0),
    cruiseStatus: get<Json>(scenario, 'cruiseStatus', 'inactive'),
    destination: get<Json>(scenario, 'destination', 'None'),
    frontLeftTirePressure: get(scenario, 'frontLeftTirePressure', 32.0),
    frontRightTirePressure: get(scenario, 'frontRightTirePressure', 32.0),
    rearLeftTirePressure: get(scenario, 'rearLeftTirePressure', 30.0),
    rearRightTirePressure: get(scenario, 'rearRightTirePressure', 30.0),
    long_context: longContext,
    _random: seedFrom(get(scenario, 'random_seed', 141053)),
    _parkingBrakeForce: get<Json>(scenario, 'parkingBrakeForce', 0.0),
    _slopeAngle: get<Json>(scenario, 'slopeAngle', 0.0),
    _brakePedalForce: get<Json>(scenario, 'brakePedalForce', 0.0),
  };
}

/** Public attributes (non-underscore names, in the reference's attribute order). */
function publicAttributes(value: object): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) if (!key.startsWith('_')) setKey(out, key, clone(v as Json));
  return out;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Static tables of the reference classes
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

const STOCK_SYMBOLS: Record<string, string> = {
  Apple: 'AAPL',
  Google: 'GOOG',
  Tesla: 'TSLA',
  Microsoft: 'MSFT',
  Nvidia: 'NVDA',
  'Zeta Corp': 'ZETA',
  'Alpha Tech': 'ALPH',
  'Omega Industries': 'OMEG',
  'Quasar Ltd.': 'QUAS',
  'Neptune Systems': 'NEPT',
  'Synex Solutions': 'SYNX',
  Amazon: 'AMZN',
  Gorilla: 'GORI',
};

/** Base flight prices, `FROM TO price` per route. */
const ROUTES = `SFO LAX 200,SFO JFK 500,SFO ORD 400,SFO BOS 450,SFO RMS 300,SFO SBK 350,SFO MPC 370,SFO SVP 320,
SFO SHD 330,SFO SSV 340,SFO OKD 360,SFO WLB 310,SFO CRH 380,SFO ATV 390,SFO PHV 420,SFO GFD 430,SFO CIA 700,
LAX SFO 100,LAX JFK 600,LAX ORD 500,LAX BOS 550,LAX RMS 310,LAX SBK 320,LAX MPC 330,LAX SVP 340,LAX SHD 350,
LAX SSV 360,LAX OKD 370,LAX WLB 380,LAX CRH 390,LAX ATV 400,LAX PHV 410,LAX GFD 420,LAX HND 430,JFK ORD 300,
JFK BOS 250,JFK RMS 450,JFK SBK 460,JFK MPC 470,JFK SVP 480,JFK SHD 490,JFK SSV 500,JFK OKD 510,JFK WLB 520,
JFK CRH 530,JFK ATV 540,JFK PHV 550,JFK GFD 560,JFK LAX 570,JFK HND 800,JFK PVG 950,JFK PEK 1000,ORD LAX 180,
ORD BOS 200,ORD RMS 350,ORD SBK 360,ORD MPC 370,ORD SVP 380,ORD SHD 390,ORD SSV 400,ORD OKD 410,ORD WLB 420,
ORD CRH 430,ORD ATV 440,ORD PHV 450,ORD GFD 460,BOS RMS 400,BOS SBK 410,BOS MPC 420,BOS SVP 430,BOS SHD 440,
BOS SSV 450,BOS OKD 460,BOS WLB 470,BOS CRH 480,BOS ATV 490,BOS PHV 500,BOS GFD 510,RMS BOS 200,RMS JFK 210,
RMS SBK 220,RMS MPC 230,RMS SVP 240,RMS SHD 250,RMS SSV 260,RMS OKD 270,RMS WLB 280,RMS CRH 290,RMS ATV 300,
RMS PHV 310,RMS GFD 320,RMS LAX 330,SBK MPC 200,SBK SVP 210,SBK SHD 220,SBK SSV 230,SBK OKD 240,SBK WLB 250,
SBK CRH 260,SBK ATV 270,SBK PHV 280,SBK GFD 290,MPC SVP 210,MPC SHD 220,MPC SSV 230,MPC OKD 240,MPC WLB 250,
MPC CRH 260,MPC ATV 270,MPC PHV 280,MPC GFD 290,SVP SHD 230,SVP SSV 240,SVP OKD 250,SVP WLB 260,SVP CRH 270,
SVP ATV 280,SVP PHV 290,SVP GFD 300,SHD SSV 220,SHD OKD 230,SHD WLB 240,SHD CRH 250,SHD ATV 260,SHD PHV 270,
SHD GFD 280,SSV OKD 240,SSV WLB 250,SSV CRH 260,SSV ATV 270,SSV PHV 280,SSV GFD 290,OKD WLB 230,OKD CRH 240,
OKD ATV 250,OKD PHV 260,OKD GFD 270,WLB CRH 250,WLB ATV 260,WLB PHV 270,WLB GFD 280,CRH ATV 240,CRH PHV 250,
CRH GFD 260,CRH SFO 270,CRH RMS 280,CRH HKG 290,CRH JFK 300,ATV PHV 230,ATV GFD 240,PHV GFD 220,LHR CDG 100,
OKD LAX 220`;

const BASE_COSTS: Record<string, number> = {};
for (const route of ROUTES.split(',')) {
  const [from = '', to = '', price = '0'] = route.trim().split(' ');
  BASE_COSTS[`${from}|${to}`] = Number(price);
}

const AIRPORTS = [
  'RMS',
  'SBK',
  'MPC',
  'SVP',
  'SHD',
  'CDG',
  'LHR',
  'SSV',
  'OKD',
  'WLB',
  'PEK',
  'HND',
  'HKG',
  'CIA',
  'CRH',
  'ATV',
  'PHV',
  'GFD',
  'SFO',
  'LAX',
  'JFK',
  'ORD',
  'BOS',
];

const CITY_AIRPORTS: Record<string, string> = {
  Rivermist: 'RMS',
  Stonebrook: 'SBK',
  Maplecrest: 'MPC',
  Silverpine: 'SVP',
  Shadowridge: 'SHD',
  London: 'LHR',
  Paris: 'CDG',
  'Sunset Valley': 'SSV',
  Oakendale: 'OKD',
  Willowbend: 'WLB',
  'Crescent Hollow': 'CRH',
  Autumnville: 'ATV',
  Pinehaven: 'PHV',
  Greenfield: 'GFD',
  'San Francisco': 'SFO',
  'Los Angeles': 'LAX',
  'New York': 'JFK',
  Chicago: 'ORD',
  Boston: 'BOS',
  Beijing: 'PEK',
  'Hong Kong': 'HKG',
  Rome: 'CIA',
  Tokyo: 'HND',
};

/** `(base, target, rate)` in the reference's lookup order. */
const EXCHANGE_RATES: [string, string, number][] = [
  ['USD', 'RMB', 7],
  ['USD', 'EUR', 0.8],
  ['USD', 'JPY', 110],
  ['USD', 'GBP', 0.7],
  ['USD', 'CAD', 1.3],
  ['USD', 'AUD', 1.4],
  ['USD', 'INR', 70],
  ['USD', 'RUB', 60],
  ['USD', 'BRL', 3.8],
  ['USD', 'MXN', 20],
];

/** Known distances between zip codes, in the reference's lookup order. */
const DISTANCES: [string, string, number][] = [
  ['83214', '74532', 750.0],
  ['56108', '62947', 320.0],
  ['71354', '83462', 450.0],
  ['47329', '52013', 290.0],
  ['69238', '51479', 630.0],
  ['94016', '83214', 980.0],
  ['94016', '94704', 600.0],
  ['94704', '08540', 2550.0],
  ['94016', '08540', 1950.0],
  ['62947', '47329', 1053.0],
  ['94016', '62947', 780.0],
  ['74532', '94016', 880.0],
];

const ZIP_CODES: Record<string, string> = {
  Rivermist: '83214',
  Stonebrook: '74532',
  Maplecrest: '56108',
  Silverpine: '62947',
  Shadowridge: '71354',
  'Sunset Valley': '83462',
  Oakendale: '47329',
  Willowbend: '52013',
  'Crescent Hollow': '69238',
  Autumnville: '51479',
  'San Francisco': '94016',
};

/** 2024-09-01 10:30:00 (the trading bot's fixed "now") in milliseconds, as a UTC wall clock. */
const TRADING_NOW = Date.UTC(2024, 8, 1, 10, 30, 0);

function lookupString<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && hasOwn(table, key) ? table[key] : undefined;
}

/** Order keys as Python holds them: all-digit keys are ints. */
function pythonOrderKey(key: string): Json {
  return /^[0-9]+$/.test(key) ? Number(key) : key;
}

/** `orders` keys in the reference's (insertion) order, as Python values. */
function orderKeys(b: TradingState): Json[] {
  const known = b._order_keys.filter((key) => hasOwn(b.orders, key));
  const extra = Object.keys(b.orders).filter((key) => !known.includes(key));
  return [...known, ...extra].map(pythonOrderKey);
}

/** The `orders` key a Python value selects (ints only match integer keys, strings only string keys). */
function orderKey(orders: Record<string, Json>, id: unknown): string | undefined {
  if (isNumber(id)) {
    const n = Number(id);
    return Number.isInteger(n) && hasOwn(orders, String(n)) ? String(n) : undefined;
  }
  return typeof id === 'string' && !/^[0-9]+$/.test(id) && hasOwn(orders, id) ? id : undefined;
}

/** Integer-keyed dictionaries (tweets): only an int (or integral float/bool) selects a key. */
function intKey(table: Record<string, unknown>, id: unknown): string | undefined {
  if (!isNumber(id)) return undefined;
  const n = Number(id);
  return Number.isInteger(n) && hasOwn(table, String(n)) ? String(n) : undefined;
}

function firstItem(message: unknown): [string, Json] {
  const entry = isPlainObject(message) ? Object.entries(message)[0] : undefined;
  if (!entry) throw pyError('IndexError', 'list index out of range');
  return entry;
}

function numbersOrNull(values: unknown): number[] | null {
  const list = pyIter(values);
  return list.every(isNumber) ? list.map(Number) : null;
}

/** Python's built-in `sum` over ints and floats (left to right). */
function pySum(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** The fields `displayCarStatus` reports for one option. */
function carStatus(c: VehicleState, option: unknown): JsonObject {
  switch (option) {
    case 'fuel':
      return { fuelLevel: c.fuelLevel };
    case 'battery':
      return { batteryVoltage: c.batteryVoltage };
    case 'doors':
      return { doorStatus: c.doorStatus };
    case 'climate':
      return {
        currentACTemperature: c.acTemperature,
        fanSpeed: c.fanSpeed,
        climateMode: c.acMode,
        humidityLevel: c.humidityLevel,
      };
    case 'headlights':
      return { headlightStatus: c.headLightStatus };
    case 'parkingBrake':
      return {
        parkingBrakeStatus: c.parkingBrakeStatus,
        parkingBrakeForce: c._parkingBrakeForce,
        slopeAngle: c._slopeAngle,
      };
    case 'brakePedal':
      return { brakePedalStatus: c.brakePedalStatus, brakePedalForce: c._brakePedalForce };
    case 'engine':
      return { engineState: c.engine_state };
    default:
      return { error: 'Invalid option' };
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// The environment
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The BFCL multi-turn API classes: a small file system, a calculator, a workspace messenger, a Twitter-like
 * posting service, a support-ticket system, a stock trading bot, a travel booking service and a car's
 * control unit. A scenario involves some of them; only tools of involved classes can be called.
 */
export class BfclMultiTurn extends Environment<State> {
  /**
   * Build the initial state of a BFCL entry: one fresh instance per involved class, loaded from
   * `initial_config[<class>]` (or `{}`); MathAPI has no scenario. `long_context: true` loads the classes in
   * BFCL's long-context mode (how BFCL runs `multi_turn_long_context`): extra files and file text, extra
   * credit cards and bookings, longer tool results.
   */
  static fromConfig(config: {
    involved_classes: string[];
    initial_config: Record<string, unknown>;
    long_context?: boolean;
  }): State {
    const state: State = { involved: [], classes: {} };
    const initial = isPlainObject(config.initial_config) ? config.initial_config : {};
    const longContext = config.long_context === true;
    for (const name of config.involved_classes) {
      if (!(CLASS_NAMES as readonly string[]).includes(name)) {
        throw new Error(`bfcl-multi-turn: unknown API class '${name}'`);
      }
      const cls = name as ClassName;
      if (state.involved.includes(cls)) continue;
      state.involved.push(cls);
      const raw = hasOwn(initial, cls) ? initial[cls] : {};
      const scenario: Scenario = isPlainObject(raw) ? clone(raw) : {};
      switch (cls) {
        case 'GorillaFileSystem':
          state.classes.GorillaFileSystem = loadFileSystem(scenario, longContext);
          break;
        case 'MathAPI':
          state.classes.MathAPI = {};
          break;
        case 'MessageAPI':
          state.classes.MessageAPI = loadMessage(scenario);
          break;
        case 'TwitterAPI':
          state.classes.TwitterAPI = loadTwitter(scenario);
          break;
        case 'TicketAPI':
          state.classes.TicketAPI = loadTicket(scenario);
          break;
        case 'TradingBot':
          state.classes.TradingBot = loadTrading(scenario, longContext);
          break;
        case 'TravelAPI':
          state.classes.TravelAPI = loadTravel(scenario, longContext);
          break;
        case 'VehicleControlAPI':
          state.classes.VehicleControlAPI = loadVehicle(scenario, longContext);
          break;
      }
    }
    return state;
  }

  /**
   * What BFCL compares after each turn: `{<class>: {<public attribute>: value}}` for the involved classes,
   * as JSON (integer keys as decimal text, the id set as a sorted array, the file tree in scenario shape).
   */
  static publicState(state: State): unknown {
    const out: JsonObject = {};
    for (const name of state.involved) {
      const cls = name as ClassName;
      const instance = state.classes[cls];
      if (!instance) continue;
      const attributes = publicAttributes(instance);
      if (cls === 'GorillaFileSystem') {
        attributes['root'] = fsSnapshot(instance as FileSystemState);
      } else if (cls === 'MessageAPI' && !(instance as MessageState)._generated_ids_is_list) {
        attributes['generated_ids'] = [...(instance as MessageState).generated_ids].sort(
          (a, b) => Number(a) - Number(b),
        );
      } else if (cls === 'TwitterAPI') {
        const comments = clone((instance as TwitterState).comments);
        for (const [key, list] of Object.entries((instance as TwitterState)._int_comments)) {
          setKey(comments, key, clone(list));
        }
        attributes['comments'] = comments;
      }
      setKey(out, cls, attributes);
    }
    return out;
  }

  /** Run a tool body against its class instance, mapping raised exceptions to failures. */
  private dispatch<K extends ClassName>(
    cls: K,
    tool: string,
    body: (instance: NonNullable<State['classes'][K]>) => unknown,
  ): ToolResult {
    const instance = this.state.involved.includes(cls) ? this.state.classes[cls] : undefined;
    if (!instance) {
      return this.fail(
        'UNKNOWN_TOOL',
        `Method '${tool}' is not available: its class ${cls} is not part of this scenario.`,
      );
    }
    try {
      const result = body(instance as NonNullable<State['classes'][K]>);
      return this.ok(result === undefined ? null : clone(result));
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      return this.fail('EXCEPTION', `${e.name}: ${e.message}`);
    }
  }

  // ── GorillaFileSystem ────────────────────────────────────────────────────────────────────────────

  /**
   * File system: show the path of the current working directory.
   * Returns `{current_working_directory}`.
   * @query
   */
  pwd(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('GorillaFileSystem', 'pwd', (fs) => {
      const names: string[] = [];
      for (let id: string | null = fs._current_dir; id !== null; id = fsDirectory(fs, id).parent) {
        names.push(fsDirectory(fs, id).name);
      }
      return { current_working_directory: '/' + names.reverse().join('/') };
    });
  }

  /**
   * File system: list the entries of the current directory. Returns `{current_directory_content}`.
   * @query
   */
  ls(
    args: {
      /** Also list hidden entries (names starting with a dot). Defaults to false. */
      a?: boolean;
    } = {},
  ): ToolResult {
    return this.dispatch('GorillaFileSystem', 'ls', (fs) => {
      let contents = fsEntries(fs, fs._current_dir).map(([name]) => name);
      if (!truthy(args.a === undefined ? false : args.a))
        contents = contents.filter((n) => !n.startsWith('.'));
      return { current_directory_content: contents };
    });
  }

  /**
   * File system: change the working directory by one level (a child folder, `..` for the parent, or `/`).
   * Returns `{current_working_directory}` with the new directory's name.
   * @mutation
   */
  cd(args: {
    /** The folder to enter; only one level at a time (no nested paths). */
    folder: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'cd', (fs) => {
      let folder = rstripChars(str(args.folder, 'rstrip'), '/');
      if (folder === '') folder = '/';
      if (!['.', '..', '/'].includes(folder) && folder.includes('/')) {
        return { error: `cd: ${folder}: Unsupported path. Only one folder level at a time is supported.` };
      }
      if (folder === '..') {
        const parent = fsDirectory(fs, fs._current_dir).parent;
        if (parent !== null) fs._current_dir = parent;
        else if (fs._current_dir === fs._root)
          return { error: 'Current directory is already the root. Cannot go back.' };
        else return { error: 'cd: ..: No such directory' };
        return {};
      }
      const target = fsNavigate(fs, folder);
      if (typeof target !== 'string') return target;
      fs._current_dir = target;
      return { current_working_directory: fsDirectory(fs, target).name };
    });
  }

  /**
   * File system: create a directory inside the current directory. Returns nothing on success.
   * @mutation
   */
  mkdir(args: {
    /** Name of the new directory (created in the current directory only). */
    dir_name: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'mkdir', (fs) => {
      if (!validName(args.dir_name)) {
        return { error: `mkdir: cannot create directory '${pyStr(args.dir_name)}': Invalid character` };
      }
      if (fsLookup(fs, fs._current_dir, args.dir_name) !== undefined) {
        return { error: `mkdir: cannot create directory '${args.dir_name}': File exists` };
      }
      fsAddDirectory(fs, fs._current_dir, args.dir_name);
      return null;
    });
  }

  /**
   * File system: create an empty file (any extension) in the current directory. Returns nothing on success.
   * @mutation
   */
  touch(args: {
    /** Name of the new file; local to the current directory, no paths. */
    file_name: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'touch', (fs) => {
      if (!validName(args.file_name))
        return { error: `touch: cannot touch '${pyStr(args.file_name)}': Invalid character` };
      if (fsLookup(fs, fs._current_dir, args.file_name) !== undefined) {
        return { error: `touch: cannot touch '${args.file_name}': File exists` };
      }
      fsAddFile(fs, fs._current_dir, args.file_name, '');
      return null;
    });
  }

  /**
   * File system: write text into an existing file of the current directory (replacing its content), or,
   * without a file name, print it. Returns `{terminal_output}` when printing, nothing after writing.
   * @mutation
   */
  echo(args: {
    /** The text to write or print. */
    content: string;
    /** File in the current directory to overwrite; omit to print to the terminal instead. */
    file_name?: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'echo', (fs) => {
      const fileName = args.file_name === undefined ? null : args.file_name;
      if (fileName === null) return { terminal_output: args.content };
      if (!validName(fileName)) return { error: `echo: cannot write to '${fileName}': Invalid character` };
      if (!truthy(fileName)) return { terminal_output: args.content };
      const item = fsMember(fs, fs._current_dir, fileName);
      if (item === undefined) return { error: `echo: cannot write to '${fileName}': No such file` };
      if (isDirectoryId(item))
        throw pyError('AttributeError', "'Directory' object has no attribute '_write'");
      fsFile(fs, item).content = args.content;
      return null;
    });
  }

  /**
   * File system: show the content of a file in the current directory. Returns `{file_content}`.
   * @query
   */
  cat(args: {
    /** Name of a file in the current directory; no paths. */
    file_name: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'cat', (fs) => {
      if (!validName(args.file_name)) return { error: `cat: '${args.file_name}': Invalid character` };
      const item = fsMember(fs, fs._current_dir, args.file_name);
      if (item === undefined) return { error: `cat: '${args.file_name}': No such file or directory` };
      if (isDirectoryId(item)) return { error: `cat: '${args.file_name}': Is a directory` };
      return { file_content: fsFile(fs, item).content };
    });
  }

  /**
   * File system: search a directory tree recursively for files and directories whose name contains a
   * string (all entries when no name is given). Returns `{matches}`: paths relative to the start path.
   * @query
   */
  find(
    args: {
      /** Directory to search from; defaults to the current directory ("."). */
      path?: string;
      /** Text that matching entry names contain; omit to list everything. */
      name?: string;
    } = {},
  ): ToolResult {
    return this.dispatch('GorillaFileSystem', 'find', (fs) => {
      const path = args.path === undefined ? '.' : args.path;
      const name = args.name === undefined ? null : args.name;
      const target = fsNavigate(fs, path);
      if (typeof target !== 'string') {
        return target.error.startsWith('cd:') ? { error: target.error.replace('cd:', 'find:') } : target;
      }
      const matches: string[] = [];
      const search = (directoryId: string, base: string, depth: number): void => {
        if (depth > MAX_DEPTH) throw pyError('RecursionError', 'maximum recursion depth exceeded');
        for (const [itemName, node] of fsEntries(fs, directoryId)) {
          const itemPath = `${base}/${itemName}`;
          if (name === null || itemName.includes(str(name, '__contains__'))) matches.push(itemPath);
          if (isDirectoryId(node)) search(node, itemPath, depth + 1);
        }
      };
      search(target, rstripChars(str(path, 'rstrip'), '/'), 0);
      return { matches };
    });
  }

  /**
   * File system: count the lines, words or characters of a file in the current directory.
   * Returns `{count, type}` with type "lines", "words" or "characters".
   * @query
   */
  wc(args: {
    /** Name of a file in the current directory. */
    file_name: string;
    /** 'l' for lines (default), 'w' for words, 'c' for characters. */
    mode?: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'wc', (fs) => {
      const mode = args.mode === undefined ? 'l' : args.mode;
      if (!pyIn(mode, ['l', 'w', 'c'])) return { error: `wc: invalid mode '${pyStr(mode)}'` };
      const item = fsMember(fs, fs._current_dir, args.file_name);
      if (item !== undefined && !isDirectoryId(item)) {
        const content = fsFile(fs, item).content;
        if (mode === 'l') return { count: pySplitlines(content).length, type: 'lines' };
        if (mode === 'w') return { count: pySplitWhitespace(content).length, type: 'words' };
        return { count: Array.from(content).length, type: 'characters' };
      }
      return { error: `wc: ${pyStr(args.file_name)}: No such file or directory` };
    });
  }

  /**
   * File system: return the lines of a file in the current directory sorted alphabetically (the file is
   * not changed). Returns `{sorted_content}`.
   * @query
   */
  sort(args: {
    /** Name of a file in the current directory. */
    file_name: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'sort', (fs) => {
      const item = fsMember(fs, fs._current_dir, args.file_name);
      if (item !== undefined && !isDirectoryId(item)) {
        return { sorted_content: pySplitlines(fsFile(fs, item).content).sort(pyCompare).join('\n') };
      }
      return { error: `sort: ${pyStr(args.file_name)}: No such file or directory` };
    });
  }

  /**
   * File system: return the lines of a file in the current directory that contain a pattern (plain
   * substring match). Returns `{matching_lines}`.
   * @query
   */
  grep(args: {
    /** Name of a file in the current directory; no paths. */
    file_name: string;
    /** Text the returned lines must contain. */
    pattern: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'grep', (fs) => {
      const item = fsMember(fs, fs._current_dir, args.file_name);
      if (item !== undefined && !isDirectoryId(item)) {
        const pattern = str(args.pattern, '__contains__');
        return {
          matching_lines: pySplitlines(fsFile(fs, item).content).filter((line) => line.includes(pattern)),
        };
      }
      return { error: `grep: ${pyStr(args.file_name)}: No such file or directory` };
    });
  }

  /**
   * File system: total size in bytes of the current directory's files, recursively. Returns
   * `{disk_usage}` such as "123 bytes" or, human readable, "1.21 KB".
   * @query
   */
  du(
    args: {
      /** Report in B/KB/MB/GB/TB units with two decimals instead of bytes. Defaults to false. */
      human_readable?: boolean;
    } = {},
  ): ToolResult {
    return this.dispatch('GorillaFileSystem', 'du', (fs) => {
      const size = (node: string, depth: number): number => {
        if (depth > MAX_DEPTH) throw pyError('RecursionError', 'maximum recursion depth exceeded');
        if (!isDirectoryId(node)) return utf8Length(fsFile(fs, node).content);
        let total = 0;
        for (const [, child] of fsEntries(fs, node)) total += size(child, depth + 1);
        return total;
      };
      const total = size(fs._current_dir, 0);
      if (!truthy(args.human_readable === undefined ? false : args.human_readable)) {
        return { disk_usage: `${total} bytes` };
      }
      let value = total;
      for (const unit of ['B', 'KB', 'MB', 'GB', 'TB']) {
        if (value < 1024) return { disk_usage: `${pyFixed(value, 2)} ${unit}` };
        value /= 1024;
      }
      return { disk_usage: `${pyFixed(value, 2)} PB` };
    });
  }

  /**
   * File system: the last lines of a file in the current directory. Returns `{last_lines}`.
   * @query
   */
  tail(args: {
    /** Name of a file in the current directory; no paths. */
    file_name: string;
    /** How many lines to show from the end. Defaults to 10. */
    lines?: number;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'tail', (fs) => {
      const item = fsMember(fs, fs._current_dir, args.file_name);
      if (item !== undefined && !isDirectoryId(item)) {
        const content = pySplitlines(fsFile(fs, item).content);
        let lines = num(args.lines === undefined ? 10 : args.lines, '>');
        if (lines > content.length) lines = content.length;
        if (!Number.isInteger(lines)) throw pyError('TypeError', 'slice indices must be integers or None');
        return { last_lines: content.slice(-lines).join('\n') };
      }
      return { error: `tail: ${pyStr(args.file_name)}: No such file or directory` };
    });
  }

  /**
   * File system: compare two files of the current directory line by line (pairs of lines at the same
   * position that differ). Returns `{diff_lines}`.
   * @query
   */
  diff(args: {
    /** First file, in the current directory. */
    file_name1: string;
    /** Second file, in the current directory. */
    file_name2: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'diff', (fs) => {
      const first = fsMember(fs, fs._current_dir, args.file_name1);
      const second = fsMember(fs, fs._current_dir, args.file_name2);
      if (first !== undefined && second !== undefined && !isDirectoryId(first) && !isDirectoryId(second)) {
        const a = pySplitlines(fsFile(fs, first).content);
        const b = pySplitlines(fsFile(fs, second).content);
        const lines: string[] = [];
        for (let i = 0; i < Math.min(a.length, b.length); i++) {
          if (a[i] !== b[i]) lines.push(`- ${a[i]}\n+ ${b[i]}`);
        }
        return { diff_lines: lines.join('\n') };
      }
      return {
        error: `diff: ${pyStr(args.file_name1)} or ${pyStr(args.file_name2)}: No such file or directory`,
      };
    });
  }

  /**
   * File system: move or rename an entry of the current directory. If the destination is an existing
   * directory there, the entry moves into it; otherwise it is renamed. Returns `{result}`.
   * @mutation
   */
  mv(args: {
    /** Name of the file or directory to move, in the current directory. */
    source: string;
    /** A directory of the current directory to move into, or the new name; never a path. */
    destination: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'mv', (fs) => {
      const { source, destination } = args;
      const item = fsMember(fs, fs._current_dir, source);
      if (item === undefined)
        return { error: `mv: cannot move '${pyStr(source)}': No such file or directory` };
      if (str(destination, '__contains__').includes('/')) {
        return { error: 'mv: path not allowed in destination. Provide only a file or directory name.' };
      }
      const target = fsMember(fs, fs._current_dir, destination);
      let result: { result: string };
      if (target !== undefined) {
        if (!isDirectoryId(target)) {
          return { error: `mv: cannot move '${source}' to '${destination}': Not a directory` };
        }
        if (fsLookup(fs, target, source) !== undefined) {
          return { error: `mv: cannot move '${source}' to '${destination}/${source}': File exists` };
        }
        fsPop(fs, fs._current_dir, source);
        this.fsPlace(fs, target, source, item, 'share');
        result = { result: `'${source}' moved to '${destination}/${source}'` };
      } else {
        fsPop(fs, fs._current_dir, source);
        this.fsPlace(fs, fs._current_dir, destination, item, 'share');
        result = { result: `'${source}' moved to '${destination}'` };
      }
      fsCollect(fs);
      return result;
    });
  }

  /**
   * File system: delete a file or directory (with everything in it) from the current directory.
   * Returns `{result}`.
   * @mutation
   */
  rm(args: {
    /** Name of the file or directory to remove. */
    file_name: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'rm', (fs) => {
      if (fsLookup(fs, fs._current_dir, args.file_name) === undefined) {
        return { error: `rm: cannot remove '${pyStr(args.file_name)}': No such file or directory` };
      }
      fsPop(fs, fs._current_dir, args.file_name);
      fsCollect(fs);
      return { result: `'${args.file_name}' removed` };
    });
  }

  /**
   * File system: delete an empty directory of the current directory. Returns `{result}`.
   * @mutation
   */
  rmdir(args: {
    /** Name of the directory to remove; it must be in the current directory and empty. */
    dir_name: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'rmdir', (fs) => {
      const item = fsMember(fs, fs._current_dir, args.dir_name);
      if (item === undefined) {
        return { error: `rmdir: cannot remove '${pyStr(args.dir_name)}': No such file or directory` };
      }
      if (!isDirectoryId(item)) return { error: `rmdir: cannot remove '${args.dir_name}': Not a directory` };
      if (fsEntries(fs, item).length > 0) {
        return { error: `rmdir: cannot remove '${args.dir_name}': Directory not empty` };
      }
      fsPop(fs, fs._current_dir, args.dir_name);
      fsCollect(fs);
      return { result: `'${args.dir_name}' removed` };
    });
  }

  /**
   * File system: copy an entry of the current directory. If the destination is an existing directory
   * there, the copy goes into it; otherwise the copy gets the destination name. Returns `{result}`.
   * @mutation
   */
  cp(args: {
    /** Name of the file or directory to copy, in the current directory. */
    source: string;
    /** A directory of the current directory to copy into, or the name of the copy; never a path. */
    destination: string;
  }): ToolResult {
    return this.dispatch('GorillaFileSystem', 'cp', (fs) => {
      const { source, destination } = args;
      const item = fsMember(fs, fs._current_dir, source);
      if (item === undefined)
        return { error: `cp: cannot copy '${pyStr(source)}': No such file or directory` };
      if (str(destination, '__contains__').includes('/')) {
        return { error: 'cp: path not allowed in destination. Provide only a file or directory name.' };
      }
      const target = fsMember(fs, fs._current_dir, destination);
      let result: { result: string };
      if (target !== undefined) {
        if (!isDirectoryId(target)) {
          return { error: `cp: cannot copy '${source}' to '${destination}': Not a directory` };
        }
        // The reference checks for "<destination>/<source>" (never present), so an existing name raises.
        this.fsPlace(fs, target, source, item, 'copy');
        result = { result: `'${source}' copied to '${destination}/${source}'` };
      } else {
        this.fsPlace(fs, fs._current_dir, destination, item, 'copy');
        result = { result: `'${source}' copied to '${destination}'` };
      }
      fsCollect(fs);
      return result;
    });
  }

  /**
   * Add `item` to a directory under `name` the way `mv` (sharing the moved directory's contents dictionary)
   * or `cp` (a shallow copy of it: the children themselves are shared) do in the reference.
   */
  private fsPlace(
    fs: FileSystemState,
    directoryId: string,
    name: string,
    item: string,
    how: 'share' | 'copy',
  ): void {
    if (!isDirectoryId(item)) {
      fsAddFile(fs, directoryId, name, fsFile(fs, item).content);
      return;
    }
    const created = fsAddDirectory(fs, directoryId, name);
    const source = fsDirectory(fs, item).contents;
    if (how === 'share') {
      fsDirectory(fs, created).contents = source;
    } else {
      const copy = fsNewId(fs, 'c');
      fs._contents[copy] = (fs._contents[source] ?? []).map(([n, node]) => [n, node] as [string, string]);
      fsDirectory(fs, created).contents = copy;
    }
  }

  // ── MathAPI ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * Math: logarithm of a number in a given base, computed at the requested number of significant
   * digits. Returns `{result}`.
   * @query
   */
  logarithm(args: {
    /** The number whose logarithm is wanted. */
    value: number;
    /** The base of the logarithm. */
    base: number;
    /** Number of significant digits of the computation. */
    precision: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'logarithm', () => {
      const { value, base, precision } = args;
      if (!isNumber(value) || !isNumber(base) || !isNumber(precision)) {
        return { error: `cannot create mpf from ${pyRepr(isNumber(value) ? base : value)}` };
      }
      // mpmath works with dps_to_prec(dps) bits; each operation rounds to that many bits.
      const bits = Math.max(1, Math.round((Math.trunc(Number(precision)) + 1) * 3.3219280948873626));
      const denominator = roundToBits(Math.log(Number(base)), bits);
      if (denominator === 0) return { error: '' };
      return { result: roundToBits(roundToBits(Math.log(Number(value)), bits) / denominator, bits) };
    });
  }

  /**
   * Math: arithmetic mean of a list of numbers. Returns `{result}`.
   * @query
   */
  mean(args: {
    /** The numbers to average. */
    numbers: number[];
  }): ToolResult {
    return this.dispatch('MathAPI', 'mean', () => {
      if (!truthy(args.numbers)) return { error: 'Cannot calculate mean of an empty list' };
      const values = numbersOrNull(args.numbers);
      if (!values) return { error: 'All elements in the list must be numbers' };
      return { result: pySum(values) / values.length };
    });
  }

  /**
   * Math: population standard deviation of a list of numbers. Returns `{result}`.
   * @query
   */
  standard_deviation(args: {
    /** The numbers to measure. */
    numbers: number[];
  }): ToolResult {
    return this.dispatch('MathAPI', 'standard_deviation', () => {
      if (!truthy(args.numbers)) return { error: 'Cannot calculate standard deviation of an empty list' };
      const values = numbersOrNull(args.numbers);
      if (!values) return { error: 'All elements in the list must be numbers' };
      const mean = pySum(values) / values.length;
      const variance = pySum(values.map((x) => (x - mean) * (x - mean))) / values.length;
      return { result: Math.sqrt(variance) };
    });
  }

  /**
   * Math: convert a length between SI units (km, m, cm, mm, um, nm). Returns `{result}`.
   * @query
   */
  si_unit_conversion(args: {
    /** The value to convert. */
    value: number;
    /** Unit of the value: km, m, cm, mm, um or nm. */
    unit_in: string;
    /** Unit to convert to: km, m, cm, mm, um or nm. */
    unit_out: string;
  }): ToolResult {
    return this.dispatch('MathAPI', 'si_unit_conversion', () => {
      const toMeters: Record<string, number> = { km: 1000, m: 1, cm: 0.01, mm: 0.001, um: 1e-6, nm: 1e-9 };
      if (!isNumber(args.value)) return { error: 'Value must be a number' };
      const factorIn = lookupString(toMeters, args.unit_in);
      const factorOut = lookupString(toMeters, args.unit_out);
      if (factorIn === undefined || factorOut === undefined) {
        return {
          error: `Conversion from '${pyStr(args.unit_in)}' to '${pyStr(args.unit_out)}' is not supported`,
        };
      }
      const meters = Number(args.value) * factorIn;
      return { result: meters * (1 / factorOut) };
    });
  }

  /**
   * Math: convert between imperial and SI units (cm/in, m/ft, m/yd, km/miles, kg/lb,
   * celsius/fahrenheit). Returns `{result}`.
   * @query
   */
  imperial_si_conversion(args: {
    /** The value to convert. */
    value: number;
    /** Unit of the value, e.g. "cm", "miles", "celsius". */
    unit_in: string;
    /** Unit to convert to, e.g. "in", "km", "fahrenheit". */
    unit_out: string;
  }): ToolResult {
    return this.dispatch('MathAPI', 'imperial_si_conversion', () => {
      const conversion: Record<string, number> = {
        cm_to_in: 0.393701,
        in_to_cm: 2.54,
        m_to_ft: 3.28084,
        ft_to_m: 0.3048,
        m_to_yd: 1.09361,
        yd_to_m: 0.9144,
        km_to_miles: 0.621371,
        miles_to_km: 1.60934,
        kg_to_lb: 2.20462,
        lb_to_kg: 0.453592,
        celsius_to_fahrenheit: 1.8,
        fahrenheit_to_celsius: 5 / 9,
      };
      const value = args.value;
      if (!isNumber(value)) return { error: 'Value must be a number' };
      if (pyEq(args.unit_in, args.unit_out)) return { result: value };
      const key = `${pyStr(args.unit_in)}_to_${pyStr(args.unit_out)}`;
      const factor = lookupString(conversion, key);
      if (factor === undefined) {
        return {
          error: `Conversion from '${pyStr(args.unit_in)}' to '${pyStr(args.unit_out)}' is not supported`,
        };
      }
      if (args.unit_in === 'celsius' && args.unit_out === 'fahrenheit')
        return { result: Number(value) * factor + 32 };
      if (args.unit_in === 'fahrenheit' && args.unit_out === 'celsius')
        return { result: (Number(value) - 32) * factor };
      return { result: Number(value) * factor };
    });
  }

  /**
   * Math: sum of two numbers. Returns `{result}`.
   * @query
   */
  add(args: {
    /** First number. */
    a: number;
    /** Second number. */
    b: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'add', () =>
      isNumber(args.a) && isNumber(args.b)
        ? { result: Number(args.a) + Number(args.b) }
        : { error: 'Both inputs must be numbers' },
    );
  }

  /**
   * Math: difference of two numbers (a - b). Returns `{result}`.
   * @query
   */
  subtract(args: {
    /** The number to subtract from. */
    a: number;
    /** The number to subtract. */
    b: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'subtract', () =>
      isNumber(args.a) && isNumber(args.b)
        ? { result: Number(args.a) - Number(args.b) }
        : { error: 'Both inputs must be numbers' },
    );
  }

  /**
   * Math: product of two numbers. Returns `{result}`.
   * @query
   */
  multiply(args: {
    /** First factor. */
    a: number;
    /** Second factor. */
    b: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'multiply', () =>
      typeof args.a === 'number' && typeof args.b === 'number'
        ? { result: args.a * args.b }
        : { error: 'Both inputs must be numbers' },
    );
  }

  /**
   * Math: quotient of two numbers (a / b). Returns `{result}`.
   * @query
   */
  divide(args: {
    /** The numerator. */
    a: number;
    /** The denominator (must not be zero). */
    b: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'divide', () => {
      if (pyEq(args.b, 0)) return { error: 'Cannot divide by zero' };
      if (!isNumber(args.a) || !isNumber(args.b)) return { error: 'Both inputs must be numbers' };
      return { result: Number(args.a) / Number(args.b) };
    });
  }

  /**
   * Math: a number raised to a power. Returns `{result}`.
   * @query
   */
  power(args: {
    /** The base. */
    base: number;
    /** The exponent. */
    exponent: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'power', () => {
      if (!isNumber(args.base) || !isNumber(args.exponent)) return { error: 'Both inputs must be numbers' };
      const base = Number(args.base);
      const exponent = Number(args.exponent);
      if (base === 0 && exponent < 0)
        throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
      if (base < 0 && Number.isFinite(exponent) && !Number.isInteger(exponent)) {
        // Python returns a complex number here.
        const magnitude = Math.pow(-base, exponent);
        const phase = Math.PI * exponent;
        const re = pyFloatRepr(magnitude * Math.cos(phase)).replace(/\.0$/, '');
        const im = pyFloatRepr(magnitude * Math.sin(phase)).replace(/\.0$/, '');
        return { result: `(${re}${im.startsWith('-') ? '' : '+'}${im}j)` };
      }
      const result = base ** exponent;
      if (!Number.isFinite(result) && Number.isFinite(base) && Number.isFinite(exponent)) {
        throw pyError('OverflowError', "(34, 'Numerical result out of range')");
      }
      return { result };
    });
  }

  /**
   * Math: square root of a non-negative number, computed to the requested number of significant digits.
   * Returns `{result}`.
   * @query
   */
  square_root(args: {
    /** The number (not negative). */
    number: number;
    /** Number of significant digits of the result. */
    precision: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'square_root', () => {
      const invalid = { error: 'Input must be a number or computation resulted in an invalid operation' };
      if (!isNumber(args.number)) return invalid;
      if (Number(args.number) < 0) return { error: 'Cannot calculate square root of a negative number' };
      if (!Number.isInteger(args.precision)) return invalid;
      if (args.precision < 1) throw pyError('ValueError', 'valid range for prec is [1, MAX_PREC]');
      const digits = Math.min(args.precision, 100);
      return { result: Number(Math.sqrt(Number(args.number)).toPrecision(digits)) };
    });
  }

  /**
   * Math: absolute value of a number. Returns `{result}`.
   * @query
   */
  absolute_value(args: {
    /** The number. */
    number: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'absolute_value', () =>
      isNumber(args.number) ? { result: Math.abs(Number(args.number)) } : { error: 'Input must be a number' },
    );
  }

  /**
   * Math: round a number to a number of decimal places (ties to even). Returns `{result}`.
   * @query
   */
  round_number(args: {
    /** The number to round. */
    number: number;
    /** How many decimal places to keep. Defaults to 0. */
    decimal_places?: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'round_number', () => {
      const places = args.decimal_places === undefined ? 0 : args.decimal_places;
      if (!isNumber(args.number) || !Number.isInteger(Number(places)) || typeof places === 'string') {
        return { error: 'First input must be a number, second input must be an integer' };
      }
      return { result: pyRound(Number(args.number), Number(places)) };
    });
  }

  /**
   * Math: what percentage `part` is of `whole`. Returns `{result}`.
   * @query
   */
  percentage(args: {
    /** The part. */
    part: number;
    /** The whole (must not be zero). */
    whole: number;
  }): ToolResult {
    return this.dispatch('MathAPI', 'percentage', () => {
      if (pyEq(args.whole, 0)) return { error: 'Whole value cannot be zero' };
      if (!isNumber(args.part) || !isNumber(args.whole)) return { error: 'Both inputs must be numbers' };
      return { result: (Number(args.part) / Number(args.whole)) * 100 };
    });
  }

  /**
   * Math: smallest number of a list. Returns `{result}`.
   * @query
   */
  min_value(args: {
    /** The numbers to search. */
    numbers: number[];
  }): ToolResult {
    return this.dispatch('MathAPI', 'min_value', () => {
      if (!truthy(args.numbers)) return { error: 'Cannot find minimum of an empty list' };
      const values = numbersOrNull(args.numbers);
      if (!values) return { error: 'All elements in the list must be numbers' };
      return { result: values.reduce((best, x) => (x < best ? x : best)) };
    });
  }

  /**
   * Math: largest number of a list. Returns `{result}`.
   * @query
   */
  max_value(args: {
    /** The numbers to search. */
    numbers: number[];
  }): ToolResult {
    return this.dispatch('MathAPI', 'max_value', () => {
      if (!truthy(args.numbers)) return { error: 'Cannot find maximum of an empty list' };
      const values = numbersOrNull(args.numbers);
      if (!values) return { error: 'All elements in the list must be numbers' };
      return { result: values.reduce((best, x) => (x > best ? x : best)) };
    });
  }

  /**
   * Math: sum of a list of numbers. Returns `{result}`.
   * @query
   */
  sum_values(args: {
    /** The numbers to add up. */
    numbers: number[];
  }): ToolResult {
    return this.dispatch('MathAPI', 'sum_values', () => {
      if (!truthy(args.numbers)) return { error: 'Cannot calculate sum of an empty list' };
      const values = numbersOrNull(args.numbers);
      if (!values) return { error: 'All elements in the list must be numbers' };
      return { result: pySum(values) };
    });
  }

  // ── MessageAPI ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Messaging: names of all users of the workspace. Returns `{user_list}`.
   * @query
   */
  list_users(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('MessageAPI', 'list_users', (m) => ({ user_list: Object.keys(m.user_map) }));
  }

  /**
   * Messaging: look up a user's id by user name. Returns `{user_id}`.
   * @query
   */
  get_user_id(args: {
    /** The user name. */
    user: string;
  }): ToolResult {
    return this.dispatch('MessageAPI', 'get_user_id', (m) => {
      const id = lookupString(m.user_map, args.user);
      if (id === undefined) return { error: `User '${pyStr(args.user)}' not found in the workspace.` };
      return { user_id: id };
    });
  }

  /**
   * Messaging: log in to the messaging application as the user with the given id.
   * Returns `{login_status, message}`.
   * @mutation
   */
  message_login(args: {
    /** Id of the user to log in as, e.g. "USR001". */
    user_id: string;
  }): ToolResult {
    return this.dispatch('MessageAPI', 'message_login', (m) => {
      if (!pyIn(args.user_id, Object.values(m.user_map))) {
        return { login_status: false, message: `User ID '${pyStr(args.user_id)}' not found.` };
      }
      m.current_user = args.user_id;
      return { login_status: true, message: `User '${args.user_id}' logged in successfully.` };
    });
  }

  /**
   * Messaging: whether a user is logged in. Returns `{login_status}`.
   * @query
   */
  message_get_login_status(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('MessageAPI', 'message_get_login_status', (m) => ({
      login_status: truthy(m.current_user),
    }));
  }

  /**
   * Messaging: send a message to a user (requires a logged-in user). Returns
   * `{sent_status, message_id, message}`.
   * @mutation
   */
  send_message(args: {
    /** Id of the recipient, e.g. "USR002". */
    receiver_id: string;
    /** The message text. */
    message: string;
  }): ToolResult {
    return this.dispatch('MessageAPI', 'send_message', (m) => {
      if (!truthy(m.current_user)) return { error: 'No user is currently logged in.' };
      if (!pyIn(args.receiver_id, Object.values(m.user_map))) {
        return { error: `Receiver ID '${pyStr(args.receiver_id)}' not found.` };
      }
      let id = mtRandint(m._random, 10000, 99999);
      while (pyIn(id, m.generated_ids)) id = mtRandint(m._random, 10000, 99999);
      if (m._generated_ids_is_list) throw pyError('AttributeError', "'list' object has no attribute 'add'");
      m.generated_ids.push(id);
      const entry: JsonObject = {};
      setKey(entry, String(args.receiver_id), args.message);
      m.inbox.push(entry);
      m.message_count += 1;
      return {
        sent_status: true,
        message_id: { new_id: id },
        message: `Message sent to '${args.receiver_id}' successfully.`,
      };
    });
  }

  /**
   * Messaging: delete the most recent message sent to a recipient (requires a logged-in user).
   * Returns `{deleted_status, receiver_id, message}`.
   * @mutation
   */
  delete_message(args: {
    /** Id of the recipient whose latest message is deleted. */
    receiver_id: string;
    /** Listed by the official function doc, but the reference method does not accept it: passing it fails. */
    message_id?: number;
  }): ToolResult {
    return this.dispatch('MessageAPI', 'delete_message', (m) => {
      if (args.message_id !== undefined) {
        throw pyError(
          'TypeError',
          "MessageAPI.delete_message() got an unexpected keyword argument 'message_id'",
        );
      }
      if (!truthy(m.current_user)) return { error: 'No user is currently logged in.' };
      for (let i = m.inbox.length - 1; i >= 0; i--) {
        const message = m.inbox[i] as JsonObject;
        const [receiver] = firstItem(message);
        if (receiver === args.receiver_id) {
          // list.remove drops the first message equal to this one.
          m.inbox.splice(
            m.inbox.findIndex((x) => pyEq(x, message)),
            1,
          );
          return {
            deleted_status: true,
            receiver_id: receiver,
            message: `Receiver ${args.receiver_id}'s latest message deleted successfully.`,
          };
        }
      }
      return { error: `Receiver ID ${pyStr(args.receiver_id)} not found.` };
    });
  }

  /**
   * Messaging: all messages in the workspace inbox grouped by recipient id (requires a logged-in user).
   * Returns `{messages}`, e.g. `{"USR002": ["Hi"]}`.
   * @query
   */
  view_messages_sent(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('MessageAPI', 'view_messages_sent', (m) => {
      if (!truthy(m.current_user)) return { error: 'No user is currently logged in.' };
      const sent: Record<string, Json[]> = {};
      for (const message of m.inbox) {
        const [receiver, content] = firstItem(message);
        if (hasOwn(sent, receiver)) (sent[receiver] as Json[]).push(content);
        else setKey(sent, receiver, [content]);
      }
      return { messages: sent };
    });
  }

  /**
   * Messaging: add a contact to the workspace; it gets the next user id. Returns
   * `{added_status, user_id, message}`.
   * @mutation
   */
  add_contact(args: {
    /** User name of the new contact. */
    user_name: string;
  }): ToolResult {
    return this.dispatch('MessageAPI', 'add_contact', (m) => {
      if (lookupString(m.user_map, args.user_name) !== undefined) {
        return { error: `User name '${args.user_name}' already exists.` };
      }
      m.user_count += 1;
      const userId = `USR${String(m.user_count).padStart(3, '0')}`;
      if (pyIn(userId, Object.values(m.user_map))) return { error: `User ID '${userId}' already exists.` };
      setKey(m.user_map, str(args.user_name, '__hash__'), userId);
      return {
        added_status: true,
        user_id: userId,
        message: `Contact '${args.user_name}' added successfully.`,
      };
    });
  }

  /**
   * Messaging: find messages containing a keyword, ignoring case (requires a logged-in user).
   * Returns `{results}`: a list of `{receiver_id, message}`.
   * @query
   */
  search_messages(args: {
    /** The keyword to look for. */
    keyword: string;
  }): ToolResult {
    return this.dispatch('MessageAPI', 'search_messages', (m) => {
      if (!truthy(m.current_user)) return { error: 'No user is currently logged in.' };
      const keyword = str(args.keyword, 'lower').toLowerCase();
      const results: JsonObject[] = [];
      for (const message of m.inbox) {
        const [receiver, content] = firstItem(message);
        if (str(content, 'lower').toLowerCase().includes(keyword))
          results.push({ receiver_id: receiver, message: content });
      }
      return { results };
    });
  }

  /**
   * Messaging: message statistics (requires a logged-in user). Returns
   * `{stats: {received_count, total_contacts}}`.
   * @query
   */
  get_message_stats(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('MessageAPI', 'get_message_stats', (m) => {
      if (!truthy(m.current_user)) return { error: 'No user is currently logged in.' };
      const contacts = new Set<string>();
      for (const message of m.inbox) contacts.add(firstItem(message)[0]);
      return { stats: { received_count: m.inbox.length, total_contacts: contacts.size } };
    });
  }

  // ── TwitterAPI ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Posting: log in with user name and password. Returns `{authentication_status}`.
   * @mutation
   */
  authenticate_twitter(args: {
    /** The user name. */
    username: string;
    /** The password. */
    password: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'authenticate_twitter', (t) => {
      if (pyEq(args.username, t.username) && pyEq(args.password, t.password)) {
        t.authenticated = true;
        return { authentication_status: true };
      }
      return { authentication_status: false };
    });
  }

  /**
   * Posting: whether the user is logged in. Returns `{login_status}`.
   * @query
   */
  posting_get_login_status(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TwitterAPI', 'posting_get_login_status', (t) => ({
      login_status: truthy(t.authenticated),
    }));
  }

  /**
   * Posting: publish a tweet as the logged-in user. Returns the tweet: `{id, username, content, tags,
   * mentions}`.
   * @mutation
   */
  post_tweet(args: {
    /** Text of the tweet. */
    content: string;
    /** Tags for the tweet, each starting with #; only when the user asks for tags. */
    tags?: string[];
    /** Users mentioned in the tweet, each starting with @; only when the user asks for mentions. */
    mentions?: string[];
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'post_tweet', (t) => {
      if (!truthy(t.authenticated))
        return { error: 'User not authenticated. Please authenticate before posting.' };
      const id = t.tweet_counter;
      const shared = args.mentions === undefined;
      const tweet: JsonObject = {
        id,
        username: t.username,
        content: args.content,
        tags: args.tags === undefined ? [] : args.tags,
        mentions: args.mentions === undefined ? clone(t._default_mentions) : args.mentions,
      };
      setKey(t.tweets, String(id), tweet);
      t._tweets_with_default_mentions = t._tweets_with_default_mentions.filter((x) => x !== id);
      if (shared) t._tweets_with_default_mentions.push(id);
      t.tweet_counter += 1;
      return tweet;
    });
  }

  /**
   * Posting: retweet a tweet as the logged-in user. Returns `{retweet_status}`.
   * @mutation
   */
  retweet(args: {
    /** Id of the tweet to retweet. */
    tweet_id: number;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'retweet', (t) => {
      if (!truthy(t.authenticated))
        return { error: 'User not authenticated. Please authenticate before retweeting.' };
      if (intKey(t.tweets, args.tweet_id) === undefined)
        return { error: `Tweet with ID ${pyStr(args.tweet_id)} not found.` };
      const user = pyStr(t.username);
      if (!hasOwn(t.retweets, user)) setKey(t.retweets, user, []);
      const list = t.retweets[user];
      if (!Array.isArray(list))
        throw pyError('AttributeError', `'${pyTypeName(list)}' object has no attribute 'append'`);
      if (pyIn(args.tweet_id, list)) return { retweet_status: 'Already retweeted' };
      list.push(args.tweet_id);
      return { retweet_status: 'Successfully retweeted' };
    });
  }

  /**
   * Posting: comment on a tweet as the logged-in user. Returns `{comment_status}`.
   * @mutation
   */
  comment(args: {
    /** Id of the tweet to comment on. */
    tweet_id: number;
    /** Text of the comment. */
    comment_content: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'comment', (t) => {
      if (!truthy(t.authenticated))
        return { error: 'User not authenticated. Please authenticate before commenting.' };
      const key = intKey(t.tweets, args.tweet_id);
      if (key === undefined) return { error: `Tweet with ID ${pyStr(args.tweet_id)} not found.` };
      // Scenario comment keys are strings in the reference, so an integer id never reaches them.
      const table: Record<string, Json> = t._comment_str_keys.includes(key) ? t._int_comments : t.comments;
      if (!hasOwn(table, key)) setKey(table, key, []);
      const list = table[key];
      if (!Array.isArray(list))
        throw pyError('AttributeError', `'${pyTypeName(list)}' object has no attribute 'append'`);
      list.push({ username: t.username, content: args.comment_content });
      return { comment_status: 'Comment added successfully' };
    });
  }

  /**
   * Posting: add mentioned users to an existing tweet. Returns `{mention_status}`.
   * @mutation
   */
  mention(args: {
    /** Id of the tweet. */
    tweet_id: number;
    /** User names to mention. */
    mentioned_usernames: string[];
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'mention', (t) => {
      const key = intKey(t.tweets, args.tweet_id);
      if (key === undefined) return { error: `Tweet with ID ${pyStr(args.tweet_id)} not found.` };
      const tweet = t.tweets[key] as JsonObject;
      const added = pyIter(args.mentioned_usernames) as Json[];
      if (t._tweets_with_default_mentions.includes(Number(key))) {
        // The reference extends post_tweet's shared default list: every tweet using it changes.
        t._default_mentions.push(...added);
        for (const id of t._tweets_with_default_mentions) {
          const other = t.tweets[String(id)];
          if (other) other['mentions'] = clone(t._default_mentions);
        }
      } else {
        const mentions = item(tweet, 'mentions');
        if (!Array.isArray(mentions)) {
          throw pyError('AttributeError', `'${pyTypeName(mentions)}' object has no attribute 'extend'`);
        }
        mentions.push(...added);
      }
      return { mention_status: 'Users mentioned successfully' };
    });
  }

  /**
   * Posting: follow a user as the logged-in user. Returns `{follow_status}` (false if already following).
   * @mutation
   */
  follow_user(args: {
    /** User name to follow. */
    username_to_follow: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'follow_user', (t) => {
      if (!truthy(t.authenticated))
        return { error: 'User not authenticated. Please authenticate before following.' };
      if (pyIn(args.username_to_follow, t.following_list)) return { follow_status: false };
      t.following_list.push(args.username_to_follow);
      return { follow_status: true };
    });
  }

  /**
   * Posting: users the logged-in user follows. Returns `{following_list}`.
   * @query
   */
  list_all_following(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TwitterAPI', 'list_all_following', (t) => {
      if (!truthy(t.authenticated)) {
        return { error: 'User not authenticated. Please authenticate before listing following.' };
      }
      return { following_list: t.following_list };
    });
  }

  /**
   * Posting: stop following a user. Returns `{unfollow_status}` (false if not following).
   * @mutation
   */
  unfollow_user(args: {
    /** User name to unfollow. */
    username_to_unfollow: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'unfollow_user', (t) => {
      if (!truthy(t.authenticated))
        return { error: 'User not authenticated. Please authenticate before unfollowing.' };
      const index = t.following_list.findIndex((x) => pyEq(x, args.username_to_unfollow));
      if (index < 0) return { unfollow_status: false };
      t.following_list.splice(index, 1);
      return { unfollow_status: true };
    });
  }

  /**
   * Posting: one tweet by id. Returns `{id, username, content, tags, mentions}`.
   * @query
   */
  get_tweet(args: {
    /** Id of the tweet. */
    tweet_id: number;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'get_tweet', (t) => {
      const key = intKey(t.tweets, args.tweet_id);
      if (key === undefined) return { error: `Tweet with ID ${pyStr(args.tweet_id)} not found.` };
      return t.tweets[key];
    });
  }

  /**
   * Posting: all tweets of a user, as a list of tweet objects.
   * @query
   */
  get_user_tweets(args: {
    /** The author's user name. */
    username: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'get_user_tweets', (t) =>
      Object.values(t.tweets).filter((tweet) => pyEq(item(tweet, 'username'), args.username)),
    );
  }

  /**
   * Posting: tweets whose content contains a keyword or that carry it as a tag (case-insensitive), as a
   * list of tweet objects.
   * @query
   */
  search_tweets(args: {
    /** The keyword to look for. */
    keyword: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'search_tweets', (t) => {
      const keyword = str(args.keyword, 'lower').toLowerCase();
      return Object.values(t.tweets).filter(
        (tweet) =>
          str(item(tweet, 'content'), 'lower').toLowerCase().includes(keyword) ||
          pyIter(item(tweet, 'tags')).some((tag) => str(tag, 'lower').toLowerCase() === keyword),
      );
    });
  }

  /**
   * Posting: comments on a tweet, as a list of `{username, content}`.
   * @query
   */
  get_tweet_comments(args: {
    /** Id of the tweet. */
    tweet_id: number;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'get_tweet_comments', (t) => {
      const key = intKey(t.tweets, args.tweet_id);
      if (key === undefined) return { error: `Tweet with ID ${pyStr(args.tweet_id)} not found.` };
      const table: Record<string, Json> = t._comment_str_keys.includes(key) ? t._int_comments : t.comments;
      return hasOwn(table, key) ? table[key] : [];
    });
  }

  /**
   * Posting: statistics of a user. Returns `{tweet_count, following_count, retweet_count}` (following
   * count only for the logged-in account, otherwise 0).
   * @query
   */
  get_user_stats(args: {
    /** The user name. */
    username: string;
  }): ToolResult {
    return this.dispatch('TwitterAPI', 'get_user_stats', (t) => {
      const tweetCount = Object.values(t.tweets).filter((tweet) =>
        pyEq(item(tweet, 'username'), args.username),
      ).length;
      const followingCount = pyEq(args.username, t.username) ? t.following_list.length : 0;
      const retweets =
        typeof args.username === 'string' && hasOwn(t.retweets, args.username)
          ? t.retweets[args.username]
          : [];
      return {
        tweet_count: tweetCount,
        following_count: followingCount,
        retweet_count: pyIter(retweets).length,
      };
    });
  }

  // ── TicketAPI ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Tickets: open a support ticket as the logged-in user. Returns the ticket: `{id, title, description,
   * status, priority, created_by}`.
   * @mutation
   */
  create_ticket(args: {
    /** Title of the ticket. */
    title: string;
    /** Description of the ticket. Defaults to an empty string. */
    description?: string;
    /** Priority from 1 (lowest, the default) to 5 (highest). */
    priority?: number;
  }): ToolResult {
    return this.dispatch('TicketAPI', 'create_ticket', (k) => {
      if (!truthy(k.current_user))
        return { error: 'User not authenticated. Please log in to create a ticket.' };
      const priority = args.priority === undefined ? 1 : args.priority;
      if (num(priority) < 1 || num(priority) > 5)
        return { error: 'Invalid priority. Priority must be between 1 and 5.' };
      const ticket: JsonObject = {
        id: k.ticket_counter,
        title: args.title,
        description: args.description === undefined ? '' : args.description,
        status: 'Open',
        priority,
        created_by: k.current_user,
      };
      k.ticket_queue.push(ticket);
      k.ticket_counter += 1;
      return ticket;
    });
  }

  /**
   * Tickets: one ticket by id. Returns the ticket object.
   * @query
   */
  get_ticket(args: {
    /** Id of the ticket. */
    ticket_id: number | string;
  }): ToolResult {
    return this.dispatch('TicketAPI', 'get_ticket', (k) => {
      const ticket = this.findTicket(k, args.ticket_id);
      return ticket ?? { error: `Ticket with ID ${pyStr(args.ticket_id)} not found.` };
    });
  }

  /**
   * Tickets: close a ticket. Returns `{status}`.
   * @mutation
   */
  close_ticket(args: {
    /** Id of the ticket to close. */
    ticket_id: number | string;
  }): ToolResult {
    return this.dispatch('TicketAPI', 'close_ticket', (k) => {
      const ticket = this.findTicket(k, args.ticket_id);
      if (!ticket) return { error: `Ticket with ID ${pyStr(args.ticket_id)} not found.` };
      if (pyEq(item(ticket, 'status'), 'Closed'))
        return { error: `Ticket with ID ${pyStr(args.ticket_id)} is already closed.` };
      ticket['status'] = 'Closed';
      return { status: `Ticket ${pyStr(args.ticket_id)} has been closed successfully.` };
    });
  }

  /**
   * Tickets: mark a ticket resolved and record the resolution. Returns `{status}`.
   * @mutation
   */
  resolve_ticket(args: {
    /** Id of the ticket to resolve. */
    ticket_id: number | string;
    /** How the issue was resolved. */
    resolution: string;
  }): ToolResult {
    return this.dispatch('TicketAPI', 'resolve_ticket', (k) => {
      const ticket = this.findTicket(k, args.ticket_id);
      if (!ticket) return { error: `Ticket with ID ${pyStr(args.ticket_id)} not found.` };
      if (pyEq(item(ticket, 'status'), 'Resolved')) {
        return { error: `Ticket with ID ${pyStr(args.ticket_id)} is already resolved.` };
      }
      ticket['status'] = 'Resolved';
      ticket['resolution'] = args.resolution;
      return { status: `Ticket ${pyStr(args.ticket_id)} has been resolved successfully.` };
    });
  }

  /**
   * Tickets: change fields of a ticket (title, description, status, priority; null values are ignored).
   * Returns `{status}`.
   * @mutation
   */
  edit_ticket(args: {
    /** Id of the ticket to change. */
    ticket_id: number | string;
    /** The fields to update: any of title, description, status, priority. */
    updates: {
      /** New title. */
      title?: string;
      /** New description. */
      description?: string;
      /** New status, e.g. "Open" or "Closed". */
      status?: string;
      /** New priority, 1 to 5. */
      priority?: number;
    };
  }): ToolResult {
    return this.dispatch('TicketAPI', 'edit_ticket', (k) => {
      const ticket = this.findTicket(k, args.ticket_id);
      if (!ticket) return { error: `Ticket with ID ${pyStr(args.ticket_id)} not found.` };
      if (!isPlainObject(args.updates)) {
        throw pyError('AttributeError', `'${pyTypeName(args.updates)}' object has no attribute 'keys'`);
      }
      const updates: JsonObject = args.updates;
      const invalid = Object.keys(updates).filter(
        (key) => !['title', 'description', 'status', 'priority'].includes(key),
      );
      if (invalid.length > 0) return { error: `Invalid fields for update: ${invalid.join(', ')}` };
      for (const [key, value] of Object.entries(updates)) if (value !== null) setKey(ticket, key, value);
      return { status: `Ticket ${pyStr(args.ticket_id)} has been updated successfully.` };
    });
  }

  /**
   * Tickets: log in to the ticket system (any non-empty user name and password). Returns `{success}`.
   * @mutation
   */
  ticket_login(args: {
    /** The user name. */
    username: string;
    /** The password. */
    password: string;
  }): ToolResult {
    return this.dispatch('TicketAPI', 'ticket_login', (k) => {
      if (truthy(args.username) && truthy(args.password)) {
        k.current_user = args.username;
        return { success: true };
      }
      return { success: false };
    });
  }

  /**
   * Tickets: whether a user is logged in to the ticket system. Returns `{login_status}`.
   * @query
   */
  ticket_get_login_status(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TicketAPI', 'ticket_get_login_status', (k) => ({
      login_status: truthy(k.current_user),
    }));
  }

  /**
   * Tickets: log out of the ticket system. Returns `{success}` (false if nobody was logged in).
   * @mutation
   */
  logout(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TicketAPI', 'logout', (k) => {
      if (!truthy(k.current_user)) return { success: false };
      k.current_user = null;
      return { success: true };
    });
  }

  /** Tickets: the logged-in user's tickets, optionally only those with a given status (case-insensitive). * @query
   */
  get_user_tickets(
    args: {
      /** Only return tickets with this status; omit for all tickets. */
      status?: string;
    } = {},
  ): ToolResult {
    return this.dispatch('TicketAPI', 'get_user_tickets', (k) => {
      if (!truthy(k.current_user))
        return [{ error: 'User not authenticated. Please log in to view tickets.' }];
      let tickets = k.ticket_queue.filter((ticket) => pyEq(item(ticket, 'created_by'), k.current_user));
      const status = args.status === undefined ? null : args.status;
      if (truthy(status)) {
        const wanted = str(status, 'lower').toLowerCase();
        tickets = tickets.filter((ticket) => str(item(ticket, 'status'), 'lower').toLowerCase() === wanted);
      }
      return tickets;
    });
  }

  /** `_find_ticket`: the first ticket whose id equals the given one. */
  private findTicket(k: TicketState, id: unknown): JsonObject | undefined {
    return k.ticket_queue.find((ticket) => pyEq(item(ticket, 'id'), id));
  }

  // ── TradingBot ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Trading: the current time (fixed at 10:30 AM). Returns `{current_time}` in "HH:MM AM/PM" form.
   * @query
   */
  get_current_time(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TradingBot', 'get_current_time', () => ({ current_time: '10:30 AM' }));
  }

  /**
   * Trading: set the market status from a time of day: open from 9:30 AM to 4:00 PM, closed otherwise.
   * Returns `{status}` ("Open" or "Closed").
   * @mutation
   */
  update_market_status(args: {
    /** The current time in "HH:MM AM/PM" form. */
    current_time_str: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'update_market_status', (b) => {
      const [hour12 = 0, minute = 0] = strptime(
        args.current_time_str,
        '(1[0-2]|0[1-9]|[1-9]):([0-5]\\d|\\d)\\s+(am|pm)',
        '%I:%M %p',
      );
      const pm = /pm$/i.test(args.current_time_str);
      const hour = (hour12 % 12) + (pm ? 12 : 0);
      const minutes = hour * 60 + minute;
      const status = minutes >= 9 * 60 + 30 && minutes <= 16 * 60 ? 'Open' : 'Closed';
      b.market_status = status;
      return { status };
    });
  }

  /**
   * Trading: the ticker symbol of a company. Returns `{symbol}` ("Stock not found" if unknown).
   * @query
   */
  get_symbol_by_name(args: {
    /** The company name, e.g. "Apple". */
    name: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'get_symbol_by_name', () => ({
      symbol: lookupString(STOCK_SYMBOLS, args.name) ?? 'Stock not found',
    }));
  }

  /**
   * Trading: details of a stock. Returns `{price, percent_change, volume, MA(5), MA(20)}`.
   * @query
   */
  get_stock_info(args: {
    /** The ticker symbol. */
    symbol: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'get_stock_info', (b) => {
      const stock = lookupString(b.stocks, args.symbol);
      if (stock === undefined) return { error: `Stock with symbol '${pyStr(args.symbol)}' not found.` };
      if (b.long_context) {
        const extra = longContextData();
        return { ...stock, 'MA(5)': extra.MA_5_EXTENSION, 'MA(20)': extra.MA_20_EXTENSION };
      }
      return stock;
    });
  }

  /**
   * Trading: details of an order. Returns `{id, order_type, symbol, price, amount, status}`.
   * @query
   */
  get_order_details(args: {
    /** Id of the order. */
    order_id: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'get_order_details', (b) => {
      const key = orderKey(b.orders, args.order_id);
      if (key === undefined) {
        return {
          error:
            `Order with ID ${pyStr(args.order_id)} not found.` +
            'Here is the list of orders_id: ' +
            pyRepr(orderKeys(b)),
        };
      }
      const order = b.orders[key];
      if (!b.long_context) return order;
      // Long context: a copy of the order with eight long texts about its symbol under `metadata`.
      if (!isPlainObject(order))
        throw pyError('AttributeError', `'${pyTypeName(order)}' object has no attribute 'copy'`);
      const symbol = pyStr(item(order, 'symbol'));
      const metadata: JsonObject = {};
      for (const [field, text] of Object.entries(longContextData().ORDER_DETAIL_EXTENSION)) {
        metadata[field] = text.split('{symbol}').join(symbol);
      }
      return { ...order, metadata };
    });
  }

  /**
   * Trading: cancel an order that is not completed. Returns `{order_id, status}`.
   * @mutation
   */
  cancel_order(args: {
    /** Id of the order to cancel. */
    order_id: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'cancel_order', (b) => {
      const key = orderKey(b.orders, args.order_id);
      if (key === undefined) return { error: `Order with ID ${pyStr(args.order_id)} not found.` };
      const order = b.orders[key] as JsonObject;
      if (pyEq(item(order, 'status'), 'Completed')) {
        return { error: `Can't cancel order ${pyStr(args.order_id)}. Order is already completed.` };
      }
      order['status'] = 'Cancelled';
      return { order_id: args.order_id, status: 'Cancelled' };
    });
  }

  /**
   * Trading: place a buy or sell order (requires login; a buy must be covered by the account balance).
   * Returns `{order_id, order_type, status, price, amount}`.
   * @mutation
   */
  place_order(args: {
    /** "Buy" or "Sell". */
    order_type: string;
    /** Ticker symbol of the stock. */
    symbol: string;
    /** Price per share. */
    price: number;
    /** Number of shares. */
    amount: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'place_order', (b) => {
      if (!truthy(b.authenticated))
        return { error: 'User not authenticated. Please log in to place an order.' };
      if (lookupString(b.stocks, args.symbol) === undefined)
        return { error: `Invalid stock symbol: ${pyStr(args.symbol)}` };
      if (num(args.price, '<=') <= 0 || num(args.amount, '<=') <= 0) {
        return { error: 'Price and amount must be positive values.' };
      }
      if (str(args.order_type, 'lower').toLowerCase() === 'buy') {
        const totalCost = pyFloat(args.price) * pyInt(args.amount);
        const balance = hasOwn(b.account_info, 'balance') ? b.account_info['balance'] : 0;
        if (totalCost > num(balance, '>')) {
          return {
            error: `Insufficient funds: required $${pyFixed(totalCost, 2)} but only $${pyFixed(num(balance), 2)} available.`,
          };
        }
      }
      const price = pyFloat(args.price);
      const orderId = b.order_counter;
      setKey(b.orders, String(orderId), {
        id: orderId,
        order_type: args.order_type,
        symbol: args.symbol,
        price,
        amount: args.amount,
        status: 'Open',
      });
      if (!b._order_keys.includes(String(orderId))) b._order_keys.push(String(orderId));
      b.order_counter += 1;
      return {
        order_id: orderId,
        order_type: args.order_type,
        status: 'Pending',
        price,
        amount: args.amount,
      };
    });
  }

  /**
   * Trading: withdraw money from the account (requires login and an open market). Returns
   * `{status, new_balance}`.
   * @mutation
   */
  withdraw_funds(args: {
    /** Amount to withdraw. */
    amount: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'withdraw_funds', (b) => {
      if (!truthy(b.authenticated))
        return { error: 'User not authenticated. Please log in to make a transaction.' };
      if (!pyEq(b.market_status, 'Open')) return { error: 'Market is closed. Transactions are not allowed.' };
      if (num(args.amount, '<=') <= 0) return { error: 'Transaction amount must be positive.' };
      if (num(args.amount, '>') > num(item(b.account_info, 'balance'), '>'))
        return { error: 'Insufficient funds for withdrawal.' };
      b.account_info['balance'] = num(b.account_info['balance']) - Number(args.amount);
      b.transaction_history.push({
        type: 'withdrawal',
        amount: args.amount,
        timestamp: this.tradingTimestamp(b),
      });
      return { status: 'Withdrawal successful', new_balance: b.account_info['balance'] };
    });
  }

  /**
   * Trading: account details (requires login). Returns `{account_id, balance, binding_card}`.
   * @query
   */
  get_account_info(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TradingBot', 'get_account_info', (b) => {
      if (!truthy(b.authenticated))
        return { error: 'User not authenticated. Please log in to view account information.' };
      return b.account_info;
    });
  }

  /**
   * Trading: log in to the trading system (credentials are not checked). Returns `{status}`.
   * @mutation
   */
  trading_login(args: {
    /** The user name. */
    username: string;
    /** The password. */
    password: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'trading_login', (b) => {
      void args;
      if (truthy(b.authenticated)) return { status: 'Already logged in' };
      b.authenticated = true;
      return { status: 'Logged in successfully' };
    });
  }

  /**
   * Trading: whether the user is logged in. Returns `{status}`.
   * @query
   */
  trading_get_login_status(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TradingBot', 'trading_get_login_status', (b) => ({
      status: truthy(b.authenticated),
    }));
  }

  /**
   * Trading: log out of the trading system. Returns `{status}`.
   * @mutation
   */
  trading_logout(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TradingBot', 'trading_logout', (b) => {
      if (!truthy(b.authenticated)) return { status: 'No user is currently logged in' };
      b.authenticated = false;
      return { status: 'Logged out successfully' };
    });
  }

  /**
   * Trading: deposit money into the account (requires login). Returns `{status, new_balance}`.
   * @mutation
   */
  fund_account(args: {
    /** Amount to deposit. */
    amount: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'fund_account', (b) => {
      if (!truthy(b.authenticated))
        return { error: 'User not authenticated. Please log in to fund the account.' };
      if (num(args.amount, '<=') <= 0) return { error: 'Funding amount must be positive.' };
      b.account_info['balance'] = num(item(b.account_info, 'balance'), '+') + Number(args.amount);
      b.transaction_history.push({
        type: 'deposit',
        amount: args.amount,
        timestamp: this.tradingTimestamp(b),
      });
      return { status: 'Account funded successfully', new_balance: b.account_info['balance'] };
    });
  }

  /**
   * Trading: remove a stock from the watchlist (requires login). Returns `{status}`.
   * @mutation
   */
  remove_stock_from_watchlist(args: {
    /** Ticker symbol to remove. */
    symbol: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'remove_stock_from_watchlist', (b) => {
      if (!truthy(b.authenticated))
        return { error: 'User not authenticated. Please log in to modify the watchlist.' };
      const index = b.watch_list.findIndex((x) => pyEq(x, args.symbol));
      if (index < 0) return { error: `Stock ${pyStr(args.symbol)} not found in watchlist.` };
      b.watch_list.splice(index, 1);
      return { status: `Stock ${pyStr(args.symbol)} removed from watchlist successfully.` };
    });
  }

  /**
   * Trading: the watchlist (requires login). Returns `{watchlist}`.
   * @query
   */
  get_watchlist(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TradingBot', 'get_watchlist', (b) => {
      if (!truthy(b.authenticated))
        return ['Error: User not authenticated. Please log in to view the watchlist.'];
      // Long context: a bare list, the watch list followed by 1000 more symbols.
      if (b.long_context) return [...b.watch_list, ...longContextData().WATCH_LIST_EXTENSION];
      return { watchlist: b.watch_list };
    });
  }

  /**
   * Trading: ids of all orders (requires login). Returns `{history}`.
   * @query
   */
  get_order_history(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TradingBot', 'get_order_history', (b) => {
      if (!truthy(b.authenticated))
        return [{ error: 'User not authenticated. Please log in to view order history.' }];
      return { history: orderKeys(b) };
    });
  }

  /**
   * Trading: account transactions (deposits, withdrawals) between two dates (requires login).
   * Returns `{transaction_history}`: a list of `{type, amount, timestamp}`.
   * @query
   */
  get_transaction_history(
    args: {
      /** First date, "YYYY-MM-DD"; omit for no lower bound. */
      start_date?: string;
      /** Last date, "YYYY-MM-DD" (compared as midnight of that day); omit for no upper bound. */
      end_date?: string;
    } = {},
  ): ToolResult {
    return this.dispatch('TradingBot', 'get_transaction_history', (b) => {
      if (!truthy(b.authenticated)) {
        return [{ error: 'User not authenticated. Please log in to view transaction history.' }];
      }
      const start = truthy(args.start_date) ? parseDate(args.start_date) : -Infinity;
      const end = truthy(args.end_date) ? parseDate(args.end_date) : Infinity;
      const history: Json[] = b.transaction_history.filter((transaction) => {
        const when = parseDateTime(item(transaction, 'timestamp'));
        return start <= when && when <= end;
      });
      // Long context: 1000 more transactions, whatever the dates.
      if (b.long_context) history.push(...longContextData().TRANSACTION_HISTORY_EXTENSION);
      return { transaction_history: history };
    });
  }

  /**
   * Trading: stock symbols of a sector ("Technology" or "Automobile"). Returns `{stock_list}`.
   * @query
   */
  get_available_stocks(args: {
    /** The sector, e.g. "Technology". */
    sector: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'get_available_stocks', (b) => {
      const sectors: Record<string, string[]> = {
        Technology: ['AAPL', 'GOOG', 'MSFT', 'NVDA'],
        Automobile: ['TSLA', 'F', 'GM'],
      };
      if (b.long_context) {
        sectors['Technology']?.push(...longContextData().TECHNOLOGY_EXTENSION);
        sectors['Automobile']?.push(...longContextData().AUTOMOBILE_EXTENSION);
      }
      return { stock_list: lookupString(sectors, args.sector) ?? [] };
    });
  }

  /**
   * Trading: the given symbols whose price lies within a range. Returns `{filtered_stocks}`.
   * @query
   */
  filter_stocks_by_price(args: {
    /** Ticker symbols to filter. */
    stocks: string[];
    /** Lowest allowed price. */
    min_price: number;
    /** Highest allowed price. */
    max_price: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'filter_stocks_by_price', (b) => {
      const price = (symbol: unknown): number => {
        const stock = lookupString(b.stocks, symbol);
        return num(stock && hasOwn(stock, 'price') ? stock['price'] : 0, '>=');
      };
      return {
        filtered_stocks: pyIter(args.stocks).filter(
          (symbol) =>
            price(symbol) >= num(args.min_price, '>=') && price(symbol) <= num(args.max_price, '<='),
        ),
      };
    });
  }

  /**
   * Trading: add a known stock to the watchlist. Returns `{watchlist}`.
   * @mutation
   */
  add_to_watchlist(args: {
    /** Ticker symbol to add. */
    stock: string;
  }): ToolResult {
    return this.dispatch('TradingBot', 'add_to_watchlist', (b) => {
      if (!pyIn(args.stock, b.watch_list) && lookupString(b.stocks, args.stock) !== undefined) {
        b.watch_list.push(args.stock);
      }
      return { watchlist: b.watch_list };
    });
  }

  /**
   * Trading: report which of the given stocks moved by at least a percentage threshold.
   * Returns `{notification}`.
   * @query
   */
  notify_price_change(args: {
    /** Ticker symbols to check. */
    stocks: string[];
    /** Minimum absolute percent change that counts as significant. */
    threshold: number;
  }): ToolResult {
    return this.dispatch('TradingBot', 'notify_price_change', (b) => {
      const changed = pyIter(args.stocks).filter((symbol) => {
        const stock = lookupString(b.stocks, symbol);
        return (
          stock !== undefined && Math.abs(num(item(stock, 'percent_change'))) >= num(args.threshold, '>=')
        );
      });
      if (changed.length > 0) {
        return { notification: `Stocks ${changed.map(pyStr).join(', ')} have significant price changes.` };
      }
      return { notification: 'No significant price changes in the selected stocks.' };
    });
  }

  /** A transaction time: 2024-09-01 10:30:00 plus a drawn number of seconds in [0, 86400]. */
  private tradingTimestamp(b: TradingState): string {
    const when = new Date(TRADING_NOW + mtRandint(b._random, 0, 86400) * 1000);
    const two = (n: number): string => String(n).padStart(2, '0');
    return (
      `${when.getUTCFullYear()}-${two(when.getUTCMonth() + 1)}-${two(when.getUTCDate())} ` +
      `${two(when.getUTCHours())}:${two(when.getUTCMinutes())}:${two(when.getUTCSeconds())}`
    );
  }

  // ── TravelAPI ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Travel: authenticate with the travel API and receive an access token for later calls. Returns
   * `{expires_in, access_token, token_type, scope}`.
   * @mutation
   */
  authenticate_travel(args: {
    /** The client application's id. */
    client_id: string;
    /** The client application's secret. */
    client_secret: string;
    /** The refresh token from a previous authentication. */
    refresh_token: string;
    /** Grant type: read_write, read or write. */
    grant_type: string;
    /** The user's first name. */
    user_first_name: string;
    /** The user's last name. */
    user_last_name: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'authenticate_travel', (v) => {
      v.token_expires_in = 2;
      v.access_token = String(mtRandint(v._random, 100000, 999999));
      v.token_type = 'Bearer';
      v.token_scope = args.grant_type;
      v.user_first_name = args.user_first_name;
      v.user_last_name = args.user_last_name;
      return { expires_in: 2, access_token: v.access_token, token_type: 'Bearer', scope: args.grant_type };
    });
  }

  /**
   * Travel: whether the user is logged in (holds an unexpired token). Returns `{status}`.
   * @query
   */
  travel_get_login_status(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TravelAPI', 'travel_get_login_status', (v) => ({
      status: !(v.token_expires_in === null || pyEq(v.token_expires_in, 0)),
    }));
  }

  /** Travel: the budget fiscal year. Returns `{budget_fiscal_year}`. * @query
   */
  get_budget_fiscal_year(
    args: {
      /** Only fiscal years changed after this UTC date-time, e.g. 2016-03-29T16:12:20. */
      lastModifiedAfter?: string;
      /** Whether to include removed fiscal years ("true"/"false"); defaults to false. */
      includeRemoved?: string;
    } = {},
  ): ToolResult {
    return this.dispatch('TravelAPI', 'get_budget_fiscal_year', () => {
      void args;
      return { budget_fiscal_year: '2018' };
    });
  }

  /**
   * Travel: register a credit card for bookings. Returns `{card_id}`.
   * @mutation
   */
  register_credit_card(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
    /** The card number. */
    card_number: string;
    /** Expiry date, "MM/YYYY". */
    expiration_date: string;
    /** Name of the cardholder. */
    cardholder_name: string;
    /** The card verification number. */
    card_verification_number: number;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'register_credit_card', (v) => {
      if (v.token_expires_in === null) return { error: 'Token not initialized' };
      if (pyEq(v.token_expires_in, 0)) return { error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token)) return { error: 'Invalid access token' };
      // The reference compares the card number with the registered card ids.
      if (lookupString(v.credit_card_list, args.card_number) !== undefined)
        return { error: 'Card already registered' };
      const cardId = String(mtRandint(v._random, 100000000000, 999999999999));
      setKey(v.credit_card_list, cardId, {
        card_number: args.card_number,
        expiration_date: args.expiration_date,
        cardholder_name: args.cardholder_name,
        card_verification_number: args.card_verification_number,
        balance: mtRandint(v._random, 10000, 99999),
      });
      return { card_id: cardId };
    });
  }

  /**
   * Travel: flight price in USD for a route, date and class (weekday-independent; dates whose digits sum
   * to an even number cost double). Returns `{travel_cost_list}`.
   * @mutation
   */
  get_flight_cost(args: {
    /** Three-letter code of the departure airport. */
    travel_from: string;
    /** Three-letter code of the arrival airport. */
    travel_to: string;
    /** Travel date, "YYYY-MM-DD". */
    travel_date: string;
    /** economy, business or first. */
    travel_class: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'get_flight_cost', (v) => ({
      travel_cost_list: this.flightCost(
        v,
        args.travel_from,
        args.travel_to,
        args.travel_date,
        args.travel_class,
      ),
    }));
  }

  /**
   * Travel: balance of a registered credit card. Returns `{card_balance}`.
   * @query
   */
  get_credit_card_balance(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
    /** Id of the credit card. */
    card_id: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'get_credit_card_balance', (v) => {
      if (pyEq(v.token_expires_in, 0)) return { error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token)) return { error: 'Invalid access token' };
      const card = lookupString(v.credit_card_list, args.card_id);
      if (card === undefined) {
        return {
          error:
            "Card not registered. Here are a list of card_id's: " + pyRepr(Object.keys(v.credit_card_list)),
        };
      }
      return { card_balance: item(card, 'balance') };
    });
  }

  /**
   * Travel: book a flight (airport codes in IATA form) and charge it to a registered card. Returns
   * `{booking_id, transaction_id, booking_status, booking_history}`.
   * @mutation
   */
  book_flight(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
    /** Id of the credit card to charge. */
    card_id: string;
    /** Travel date, "YYYY-MM-DD". */
    travel_date: string;
    /** Departure airport code. */
    travel_from: string;
    /** Arrival airport code. */
    travel_to: string;
    /** economy, business or first. */
    travel_class: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'book_flight', (v) => {
      const { card_id, travel_date, travel_from, travel_to, travel_class } = args;
      if (pyEq(v.token_expires_in, 0)) return { booking_status: false, error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token))
        return { booking_status: false, error: 'Invalid access token' };
      const card = lookupString(v.credit_card_list, card_id);
      if (card === undefined) return { booking_status: false, error: 'Card not registered' };
      if (!hasOwn(card, 'balance')) return { booking_status: false, error: 'Balance not found' };
      if (!pyIn(travel_from, AIRPORTS)) {
        return { booking_status: false, error: `Invalid departure airport code: ${pyStr(travel_from)}` };
      }
      if (!pyIn(travel_to, AIRPORTS)) {
        return { booking_status: false, error: `Invalid destination airport code: ${pyStr(travel_to)}` };
      }
      try {
        parseDate(travel_date);
      } catch (error) {
        if (error instanceof Error && error.name === 'ValueError') {
          return { booking_status: false, error: 'Invalid date format. Use YYYY-MM-DD.' };
        }
        throw error;
      }
      if (!pyIn(travel_class, ['economy', 'business', 'first'])) {
        return {
          booking_status: false,
          error: "Invalid travel class. Must be one of {'economy', 'business', 'first'}",
        };
      }
      let cost: number;
      try {
        this.flightCost(v, travel_from, travel_to, travel_date, travel_class);
        const entry = v._flight_cost_lookup[`${travel_from}|${travel_to}|${travel_class}|${travel_date}`];
        if (entry === undefined)
          return { booking_status: false, error: 'No available route for the given parameters' };
        cost = entry.cost;
      } catch (error) {
        if (error instanceof Error && error.name === 'ValueError')
          return { booking_status: false, error: error.message };
        throw error;
      }
      const balance = num(card['balance']);
      if (balance < cost) return { booking_status: false, error: 'Insufficient funds' };
      // The reference compares the card balance (not the price) with the budget limit.
      if (v.budget_limit !== null && balance < num(v.budget_limit)) {
        return { booking_status: false, error: 'Balance is less than budget limit' };
      }
      card['balance'] = balance - cost;
      const bookingId = String(mtRandint(v._random, 1000000, 9999999));
      const transactionId = String(mtRandint(v._random, 10000000, 99999999));
      setKey(v.booking_record, bookingId, {
        card_id,
        travel_date,
        travel_from,
        travel_to,
        travel_class,
        travel_cost: cost,
        transaction_id: transactionId,
      });
      return {
        booking_id: bookingId,
        transaction_id: transactionId,
        booking_status: true,
        // Long context: every booking record.
        booking_history: v.long_context ? v.booking_record : {},
      };
    });
  }

  /**
   * Travel: the invoice of a booking. Returns `{invoice: {booking_id, travel_date, travel_from, travel_to,
   * travel_class, travel_cost, transaction_id}}`.
   * @query
   */
  retrieve_invoice(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
    /** Id of the booking. */
    booking_id?: string;
    /** Id of an insurance (not used for the lookup). */
    insurance_id?: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'retrieve_invoice', (v) => {
      if (pyEq(v.token_expires_in, 0)) return { error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token)) return { error: 'Invalid access token' };
      const booking = lookupString(v.booking_record, args.booking_id);
      if (booking === undefined) return { error: 'Booking not found' };
      return {
        invoice: {
          booking_id: args.booking_id ?? null,
          travel_date: item(booking, 'travel_date'),
          travel_from: item(booking, 'travel_from'),
          travel_to: item(booking, 'travel_to'),
          travel_class: item(booking, 'travel_class'),
          travel_cost: item(booking, 'travel_cost'),
          transaction_id: item(booking, 'transaction_id'),
        },
      };
    });
  }

  /**
   * Travel: all bookings, keyed by booking id. Returns `{booking_history}`.
   * @query
   */
  get_booking_history(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'get_booking_history', (v) => {
      if (pyEq(v.token_expires_in, 0)) return { error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token)) return { error: 'Invalid access token' };
      return { booking_history: v.booking_record };
    });
  }

  /**
   * Travel: codes of all airports served, as a list.
   * @query
   */
  list_all_airports(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TravelAPI', 'list_all_airports', () => [...AIRPORTS]);
  }

  /**
   * Travel: cancel a booking and refund its price to the card. Returns `{cancel_status}`.
   * @mutation
   */
  cancel_booking(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
    /** Id of the booking to cancel. */
    booking_id: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'cancel_booking', (v) => {
      if (pyEq(v.token_expires_in, 0)) return { cancel_status: false, error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token))
        return { cancel_status: false, error: 'Invalid access token' };
      const booking = lookupString(v.booking_record, args.booking_id);
      if (booking === undefined) return { cancel_status: false, error: 'Booking not found' };
      const cardId = item(booking, 'card_id');
      const travelCost = item(booking, 'travel_cost');
      const card = lookupString(v.credit_card_list, cardId);
      if (card === undefined) throw pyError('KeyError', pyRepr(cardId));
      card['balance'] = num(item(card, 'balance'), '+') + num(travelCost, '+');
      delete v.booking_record[args.booking_id];
      return { cancel_status: true };
    });
  }

  /**
   * Travel: convert an amount between USD and another currency (RMB, EUR, JPY, GBP, CAD, AUD, INR, RUB,
   * BRL, MXN). Returns `{exchanged_value}`.
   * @query
   */
  compute_exchange_rate(args: {
    /** Currency of the amount, e.g. USD. */
    base_currency: string;
    /** Currency to convert to, e.g. EUR. */
    target_currency: string;
    /** The amount to convert. */
    value: number;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'compute_exchange_rate', () => {
      for (const [from, to, rate] of EXCHANGE_RATES) {
        if (args.base_currency === from && args.target_currency === to) {
          return { exchanged_value: num(args.value, '*') * rate };
        }
        if (args.base_currency === to && args.target_currency === from) {
          return { exchanged_value: pyRound(num(args.value, '/') / rate, 2) };
        }
      }
      throw pyError('ValueError', 'No available exchange rate for the given currencies.');
    });
  }

  /**
   * Travel: check that a traveler is the logged-in user, an adult and holds a US passport. Returns
   * `{verification_status}` and, on failure, `verification_failure`.
   * @query
   */
  verify_traveler_information(args: {
    /** Traveler's first name. */
    first_name: string;
    /** Traveler's last name. */
    last_name: string;
    /** Date of birth, "YYYY-MM-DD". */
    date_of_birth: string;
    /** Passport number. */
    passport_number: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'verify_traveler_information', (v) => {
      if (!pyEq(v.user_first_name, args.first_name) || !pyEq(v.user_last_name, args.last_name)) {
        return {
          verification_status: false,
          verification_failure:
            'Cannot book flight information for another user.' +
            `Expected ${pyStr(v.user_first_name)} ${pyStr(v.user_last_name)}, got ${pyStr(args.first_name)} ${pyStr(args.last_name)}`,
        };
      }
      let age: number;
      try {
        const birth = parseDate(args.date_of_birth) / 1_000_000;
        const year = Math.floor(birth / 10000);
        const monthDay = birth % 10000;
        const today = new Date();
        const todayMonthDay = (today.getMonth() + 1) * 100 + today.getDate();
        age = today.getFullYear() - year - (todayMonthDay < monthDay ? 1 : 0);
      } catch (error) {
        if (error instanceof Error && error.name === 'ValueError') {
          return {
            verification_status: false,
            verification_failure: 'Invalid date of birth format. Please use YYYY-MM-DD.',
          };
        }
        throw error;
      }
      if (age < 18)
        return {
          verification_status: false,
          verification_failure: 'Traveler must be at least 18 years old.',
        };
      if (!str(args.passport_number, 'startswith').startsWith('US')) {
        return {
          verification_status: false,
          verification_failure: 'Passport must be issued by the United States.',
        };
      }
      return { verification_status: true };
    });
  }

  /**
   * Travel: set the user's budget limit in USD. Returns `{budget_limit}`.
   * @mutation
   */
  set_budget_limit(args: {
    /** The access token from authenticate_travel (or the initial configuration). */
    access_token: string;
    /** The budget limit in USD. */
    budget_limit: number;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'set_budget_limit', (v) => {
      if (pyEq(v.token_expires_in, 0)) return { error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token)) return { error: 'Invalid access token' };
      const limit = pyFloat(args.budget_limit);
      v.budget_limit = limit;
      return { budget_limit: limit };
    });
  }

  /**
   * Travel: code of the airport nearest to a city. Returns `{nearest_airport}` ("Unknown" if unknown).
   * @query
   */
  get_nearest_airport_by_city(args: {
    /**
     * The city: Rivermist, Stonebrook, Maplecrest, Silverpine, Shadowridge, London, Paris, Sunset Valley,
     * Oakendale, Willowbend, Crescent Hollow, Autumnville, Pinehaven, Greenfield, San Francisco,
     * Los Angeles, New York, Chicago, Boston, Beijing, Hong Kong, Rome or Tokyo.
     */
    location: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'get_nearest_airport_by_city', () => ({
      nearest_airport: lookupString(CITY_AIRPORTS, args.location) ?? 'Unknown',
    }));
  }

  /**
   * Travel: buy travel insurance for a booking, charged to a registered card. Returns
   * `{insurance_id, insurance_status}`.
   * @mutation
   */
  purchase_insurance(args: {
    /** The access token from authenticate_travel. */
    access_token: string;
    /** Kind of insurance. */
    insurance_type: string;
    /** Id of the booking to insure. */
    booking_id: string;
    /** Price of the insurance. */
    insurance_cost: number;
    /** Id of the credit card to charge. */
    card_id: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'purchase_insurance', (v) => {
      if (pyEq(v.token_expires_in, 0)) return { insurance_status: false, error: 'Token expired' };
      if (!pyEq(args.access_token, v.access_token))
        return { insurance_status: false, error: 'Invalid access token' };
      if (v.budget_limit !== null && num(v.budget_limit) < num(args.insurance_cost)) {
        return { insurance_status: false, error: 'Exceeded budget limit' };
      }
      if (lookupString(v.booking_record, args.booking_id) === undefined) {
        return { insurance_status: false, error: 'Booking not found' };
      }
      const card = lookupString(v.credit_card_list, args.card_id);
      if (card === undefined) return { insurance_status: false, error: 'Credit card not registered' };
      card['balance'] = num(item(card, 'balance'), '-') - num(args.insurance_cost, '-');
      return { insurance_id: String(mtRandint(v._random, 100000000, 999999999)), insurance_status: true };
    });
  }

  /**
   * Travel: send a message about a booking to customer support. Returns `{customer_support_message}`.
   * @query
   */
  contact_customer_support(args: {
    /** Id of the booking concerned. */
    booking_id: string;
    /** The message for support. */
    message: string;
  }): ToolResult {
    return this.dispatch('TravelAPI', 'contact_customer_support', (v) => {
      if (lookupString(v.booking_record, args.booking_id) === undefined)
        return { error: 'Booking not found' };
      return {
        customer_support_message:
          'Thank you for contacting customer support. Your message has been received and we will get back to you shortly.',
      };
    });
  }

  /**
   * Travel: all registered credit cards, keyed by card id. Returns `{credit_card_list}`.
   * @query
   */
  get_all_credit_cards(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('TravelAPI', 'get_all_credit_cards', (v) => ({
      credit_card_list: v.credit_card_list,
    }));
  }

  /** `get_flight_cost` of the reference: raises ValueError for unknown routes/classes; caches the price. */
  /**
   * The price list `get_flight_cost` returns, caching the prices (`_flight_cost_lookup`) for `book_flight`:
   * the requested route only, or in long context the same class and date on every route.
   */
  private flightCost(
    v: TravelState,
    from: unknown,
    to: unknown,
    date: unknown,
    travelClass: unknown,
  ): number[] {
    const base =
      typeof from === 'string' && typeof to === 'string'
        ? lookupString(BASE_COSTS, `${from}|${to}`)
        : undefined;
    if (base === undefined) throw pyError('ValueError', 'No available route for the given airports.');
    const factor =
      travelClass === 'economy' ? 1 : travelClass === 'business' ? 2 : travelClass === 'first' ? 5 : 0;
    if (factor === 0)
      throw pyError('ValueError', 'Invalid travel class. Options are: economy, business, first.');
    let digitSum = 0;
    for (const ch of pyIter(date) as string[]) if (ch >= '0' && ch <= '9') digitSum += Number(ch);
    const multiplier = digitSum % 2 === 0 ? 2 : 1;
    v._flight_cost_lookup = {};
    const routes = v.long_context ? Object.entries(BASE_COSTS) : [[`${from}|${to}`, base] as const];
    const costs: number[] = [];
    for (const [route, price] of routes) {
      const cost = price * factor * multiplier;
      setKey(v._flight_cost_lookup, `${route}|${pyStr(travelClass)}|${pyStr(date)}`, { cost });
      costs.push(cost);
    }
    return costs;
  }

  // ── VehicleControlAPI ────────────────────────────────────────────────────────────────────────────

  /**
   * Vehicle: start (or stop) the engine. Starting needs all doors locked and the brake pedal fully
   * pressed. Returns `{engineState, fuelLevel, batteryVoltage}`.
   * @mutation
   */
  startEngine(args: {
    /** "START" or "STOP". */
    ignitionMode: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'startEngine', (c) => {
      if (args.ignitionMode === 'STOP') c.engine_state = 'stopped';
      if (c.remainingUnlockedDoors > 0) {
        const unlocked = Object.keys(c.doorStatus).filter((door) => pyEq(c.doorStatus[door], 'unlocked'));
        return {
          error:
            'All doors must be locked before starting the engine. Here are the unlocked doors: ' +
            unlocked.join(', '),
        };
      }
      if (!pyEq(c.brakePedalStatus, 'pressed'))
        return { error: 'Brake pedal needs to be pressed when starting the engine.' };
      if (!pyEq(c._brakePedalForce, 1000.0))
        return { error: 'Must press the brake fully before starting the engine.' };
      if (c.fuelLevel < 0.0) return { error: 'Fuel tank is empty.' };
      if (args.ignitionMode !== 'START') return { error: 'Invalid ignition mode.' };
      c.engine_state = 'running';
      return { engineState: c.engine_state, fuelLevel: c.fuelLevel, batteryVoltage: c.batteryVoltage };
    });
  }

  /**
   * Vehicle: add fuel to the tank (capacity 50 gallons). Returns `{fuelLevel}`.
   * @mutation
   */
  fillFuelTank(args: {
    /** Gallons of fuel to add to what is already in the tank. */
    fuelAmount: number;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'fillFuelTank', (c) => {
      const amount = num(args.fuelAmount);
      if (amount < 0) return { error: 'Fuel amount cannot be negative.' };
      if (c.fuelLevel + amount > 50) return { error: 'Cannot fill gas above the tank capacity.' };
      if (c.fuelLevel + amount < 0.0) return { error: 'Fuel tank is empty. Min fuel level is 0 gallons.' };
      c.fuelLevel += amount;
      return { fuelLevel: c.fuelLevel };
    });
  }

  /**
   * Vehicle: lock or unlock doors. Returns `{lockStatus, remainingUnlockedDoors}`.
   * @mutation
   */
  lockDoors(args: {
    /** True to unlock the doors, false to lock them. */
    unlock: boolean;
    /** The doors: any of "driver", "passenger", "rear_left", "rear_right". */
    door: string[];
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'lockDoors', (c) => {
      const wanted = truthy(args.unlock) ? 'unlocked' : 'locked';
      for (const door of pyIter(args.door)) {
        const key = typeof door === 'string' && hasOwn(c.doorStatus, door) ? door : undefined;
        if (key === undefined) throw pyError('KeyError', pyRepr(door));
        if (pyEq(c.doorStatus[key], wanted)) continue;
        c.doorStatus[key] = wanted;
        c.remainingUnlockedDoors += wanted === 'unlocked' ? 1 : -1;
      }
      return { lockStatus: wanted, remainingUnlockedDoors: c.remainingUnlockedDoors };
    });
  }

  /**
   * Vehicle: set the climate control (temperature, fan speed, mode); Fahrenheit input is stored in
   * Celsius. Returns `{currentACTemperature, climateMode, humidityLevel}`.
   * @mutation
   */
  adjustClimateControl(args: {
    /** Target temperature, in Celsius unless `unit` says otherwise. */
    temperature: number;
    /** "celsius" (default) or "fahrenheit". */
    unit?: string;
    /** Fan speed from 0 to 100. Defaults to 50. */
    fanSpeed?: number;
    /** "auto" (default), "cool", "heat" or "defrost". */
    mode?: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'adjustClimateControl', (c) => {
      const unit = args.unit === undefined ? 'celsius' : args.unit;
      const fanSpeed = args.fanSpeed === undefined ? 50 : args.fanSpeed;
      const mode = args.mode === undefined ? 'auto' : args.mode;
      if (!(0 <= num(fanSpeed, '<=') && num(fanSpeed, '<=') <= 100))
        return { error: 'Fan speed must be between 0 and 100.' };
      c.acTemperature = args.temperature;
      if (unit === 'fahrenheit') c.acTemperature = ((num(args.temperature, '-') - 32) * 5) / 9;
      c.fanSpeed = fanSpeed;
      c.acMode = mode;
      return { currentACTemperature: args.temperature, climateMode: mode, humidityLevel: c.humidityLevel };
    });
  }

  /**
   * Vehicle: outside temperature in Celsius (a simulated reading). Returns `{outsideTemperature}`.
   * @mutation
   */
  get_outside_temperature_from_google(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('VehicleControlAPI', 'get_outside_temperature_from_google', (c) => {
      const outsideTemperature = mtUniform(c._random, -10.0, 40.0);
      // Long context: 15 days of past weather come with it.
      return c.long_context
        ? { ...longContextData().LONG_WEATHER_EXTENSION, outsideTemperature }
        : { outsideTemperature };
    });
  }

  /**
   * Vehicle: outside temperature from weather.com (this service always answers with error 404).
   * @query
   */
  get_outside_temperature_from_weather_com(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('VehicleControlAPI', 'get_outside_temperature_from_weather_com', () => ({
      error: 404,
    }));
  }

  /**
   * Vehicle: switch the headlights ("auto" turns them off). Returns `{headlightStatus}`.
   * @mutation
   */
  setHeadlights(args: {
    /** "on", "off" or "auto". */
    mode: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'setHeadlights', (c) => {
      if (!pyIn(args.mode, ['on', 'off', 'auto'])) return { error: 'Invalid headlight mode.' };
      c.headLightStatus = args.mode === 'on' ? 'on' : 'off';
      return { headlightStatus: c.headLightStatus };
    });
  }

  /**
   * Vehicle: status of one part of the car. Returns the fields of that part, e.g. `{fuelLevel}` or
   * `{doorStatus}`.
   * @query
   */
  displayCarStatus(args: {
    /** fuel, battery, doors, climate, headlights, parkingBrake, brakePedal or engine. */
    option: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'displayCarStatus', (c) => {
      const status = carStatus(c, args.option);
      // Long context: a long description of the car comes first.
      return c.long_context
        ? { metadata: longContextData().CAR_STATUS_METADATA_EXTENSION, ...status }
        : status;
    });
  }

  /**
   * Vehicle: engage or release the parking brake. Returns `{parkingBrakeStatus, _parkingBrakeForce,
   * _slopeAngle}`.
   * @mutation
   */
  activateParkingBrake(args: {
    /** "engage" or "release". */
    mode: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'activateParkingBrake', (c) => {
      if (!pyIn(args.mode, ['engage', 'release'])) return { error: 'Invalid mode' };
      const engage = args.mode === 'engage';
      c.parkingBrakeStatus = engage ? 'engaged' : 'released';
      c._parkingBrakeForce = engage ? 500.0 : 0.0;
      c._slopeAngle = 10.0;
      const result = {
        parkingBrakeStatus: c.parkingBrakeStatus,
        _parkingBrakeForce: c._parkingBrakeForce,
        _slopeAngle: 10.0,
      };
      // Long context: a long instruction text comes first.
      return c.long_context
        ? { parkingBrakeInstruction: longContextData().PARKING_BRAKE_INSTRUCTION, ...result }
        : result;
    });
  }

  /**
   * Vehicle: press the brake pedal to a position between 0 (released) and 1 (fully pressed); it stays
   * pressed until released. Returns `{brakePedalStatus, brakePedalForce}`.
   * @mutation
   */
  pressBrakePedal(args: {
    /** Pedal position from 0 (not pressed) to 1 (fully pressed). */
    pedalPosition: number;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'pressBrakePedal', (c) => {
      const position = num(args.pedalPosition, '<=');
      if (!(0 <= position && position <= 1)) return { error: 'Pedal position must be between 0 and 1.' };
      if (position === 0) {
        c.brakePedalStatus = 'released';
        c._brakePedalForce = 0.0;
        return { brakePedalStatus: 'released', brakePedalForce: 0.0 };
      }
      const force = position * 1000;
      c.brakePedalStatus = 'pressed';
      c._brakePedalForce = force;
      return { brakePedalStatus: 'pressed', brakePedalForce: force };
    });
  }

  /**
   * Vehicle: release the brake pedal. Returns `{brakePedalStatus, brakePedalForce}`.
   * @mutation
   */
  releaseBrakePedal(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('VehicleControlAPI', 'releaseBrakePedal', (c) => {
      c.brakePedalStatus = 'released';
      c._brakePedalForce = 0.0;
      return { brakePedalStatus: 'released', brakePedalForce: 0.0 };
    });
  }

  /**
   * Vehicle: turn cruise control on or off (the engine must run; speeds are multiples of 5 up to 120).
   * Returns `{cruiseStatus, currentSpeed, distanceToNextVehicle}`.
   * @mutation
   */
  setCruiseControl(args: {
    /** Speed to hold, 0 to 120 and a multiple of 5. */
    speed: number;
    /** True to activate cruise control, false to deactivate it. */
    activate: boolean;
    /** Distance to keep to the next vehicle, in meters. */
    distanceToNextVehicle: number;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'setCruiseControl', (c) => {
      const distance = pyFloat(args.distanceToNextVehicle);
      const speed = pyFloat(args.speed);
      if (pyEq(c.engine_state, 'stopped'))
        return { error: 'Start the engine before activating the cruise control.' };
      c.distanceToNextVehicle = distance;
      if (truthy(args.activate)) {
        if (speed < 0 || speed > 120 || speed % 5 !== 0) return { error: 'Invalid speed' };
        c.cruiseStatus = 'active';
        return { cruiseStatus: 'active', currentSpeed: speed, distanceToNextVehicle: distance };
      }
      c.cruiseStatus = 'inactive';
      return { cruiseStatus: 'inactive', currentSpeed: speed, distanceToNextVehicle: distance };
    });
  }

  /**
   * Vehicle: current speed in km/h (a simulated reading). Returns `{currentSpeed}`.
   * @mutation
   */
  get_current_speed(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('VehicleControlAPI', 'get_current_speed', (c) => ({
      currentSpeed: mtUniform(c._random, 0.0, 120.0),
    }));
  }

  /**
   * Vehicle: show log messages on the car's display. Returns `{log}`.
   * @query
   */
  display_log(args: {
    /** The messages to show. */
    messages: string[];
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'display_log', () => ({ log: args.messages }));
  }

  /**
   * Vehicle: whether the fuel in the tank suffices for a distance (20 miles per gallon). Returns
   * `{canDrive}`.
   * @query
   */
  estimate_drive_feasibility_by_mileage(args: {
    /** Distance to drive, in miles. */
    distance: number;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'estimate_drive_feasibility_by_mileage', (c) => ({
      canDrive: !(c.fuelLevel * 20.0 < num(args.distance)),
    }));
  }

  /**
   * Vehicle: convert liters to gallons. Returns `{gallon}`.
   * @query
   */
  liter_to_gallon(args: {
    /** Amount in liters. */
    liter: number;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'liter_to_gallon', () => ({
      gallon: num(args.liter, '*') * 0.264172,
    }));
  }

  /**
   * Vehicle: convert gallons to liters. Returns `{liter}`.
   * @query
   */
  gallon_to_liter(args: {
    /** Amount in gallons. */
    gallon: number;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'gallon_to_liter', () => ({
      liter: num(args.gallon, '*') * 3.78541,
    }));
  }

  /**
   * Vehicle: driving distance in km between two cities given by zip code. Returns `{distance}`.
   * @query
   */
  estimate_distance(args: {
    /** Zip code of the first city. */
    cityA: string;
    /** Zip code of the second city. */
    cityB: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'estimate_distance', (c) => {
      let result: JsonObject = { error: 'distance not found in database.' };
      for (const [a, b, distance] of DISTANCES) {
        if ((args.cityA === a && args.cityB === b) || (args.cityA === b && args.cityB === a)) {
          result = { distance };
          break;
        }
      }
      // Long context: a long list of cities on the way, found or not.
      if (c.long_context) result['intermediaryCities'] = longContextData().INTERMEDIARY_CITIES;
      return result;
    });
  }

  /**
   * Vehicle: zip code of a city. Returns `{zipcode}` ("00000" if unknown).
   * @query
   */
  get_zipcode_based_on_city(args: {
    /** Name of the city. */
    city: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'get_zipcode_based_on_city', () => ({
      zipcode: lookupString(ZIP_CODES, args.city) ?? '00000',
    }));
  }

  /**
   * Vehicle: start navigation to a destination. Returns `{status}`.
   * @mutation
   */
  set_navigation(args: {
    /** Destination as "street, city, state". */
    destination: string;
  }): ToolResult {
    return this.dispatch('VehicleControlAPI', 'set_navigation', (c) => {
      c.destination = args.destination;
      if (typeof args.destination !== 'string') {
        throw pyError('TypeError', `can only concatenate str (not "${pyTypeName(args.destination)}") to str`);
      }
      return { status: 'Navigating to ' + args.destination };
    });
  }

  /**
   * Vehicle: tire pressures in psi and whether their average is healthy (30 to 35). Returns
   * `{frontLeftTirePressure, frontRightTirePressure, rearLeftTirePressure, rearRightTirePressure,
   * healthy_tire_pressure, car_info}`.
   * @query
   */
  check_tire_pressure(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('VehicleControlAPI', 'check_tire_pressure', (c) => {
      const average =
        (c.frontLeftTirePressure +
          c.frontRightTirePressure +
          c.rearLeftTirePressure +
          c.rearRightTirePressure) /
        4;
      return {
        frontLeftTirePressure: c.frontLeftTirePressure,
        frontRightTirePressure: c.frontRightTirePressure,
        rearLeftTirePressure: c.rearLeftTirePressure,
        rearRightTirePressure: c.rearRightTirePressure,
        healthy_tire_pressure: 30 <= average && average <= 35,
        // Long context: the long description of the car.
        car_info: c.long_context ? longContextData().CAR_STATUS_METADATA_EXTENSION : {},
      };
    });
  }

  /**
   * Vehicle: location of the nearest tire shop. Returns `{shopLocation}`.
   * @query
   */
  find_nearest_tire_shop(_args: Record<never, never> = {}): ToolResult {
    return this.dispatch('VehicleControlAPI', 'find_nearest_tire_shop', () => ({
      shopLocation: '456 Oakwood Avenue, Rivermist, 83214',
    }));
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Long-context constants
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The fixed extras of BFCL's long-context mode (`long_context.py` of the reference classes). */
interface LongContextData {
  /** 1000 more watch-list symbols; the last element is Python's `Ellipsis` in the reference (here the string). */
  WATCH_LIST_EXTENSION: string[];
  TRANSACTION_HISTORY_EXTENSION: JsonObject[];
  MA_5_EXTENSION: number[];
  MA_20_EXTENSION: number[];
  TECHNOLOGY_EXTENSION: string[];
  AUTOMOBILE_EXTENSION: string[];
  /** Texts with `{symbol}` placeholders. */
  ORDER_DETAIL_EXTENSION: Record<string, string>;
  FILE_CONTENT_EXTENSION: string;
  POPULATE_FILE_EXTENSION: string[];
  CAR_STATUS_METADATA_EXTENSION: string;
  LONG_WEATHER_EXTENSION: JsonObject;
  PARKING_BRAKE_INSTRUCTION: string;
  INTERMEDIARY_CITIES: string[];
  CREDIT_CARD_EXTENSION: Record<string, JsonObject>;
  BOOKING_RECORD_EXTENSION: Record<string, JsonObject>;
  FILES_TAIL_USED: string[];
}

let longContextCache: LongContextData | undefined;

/** The long-context constants, parsed on first use (values are cloned before they reach a state or result). */
function longContextData(): LongContextData {
  longContextCache ??= JSON.parse(LONG_CONTEXT_JSON) as LongContextData;
  return longContextCache;
}

/**
 * The values of `interact_with_env/bfcl_env/bfcl_envs/long_context.py` in RUC-NLPIR/EnvScaler at commit
 * 87e667397abacf274858c0964796beb8f984aafe (BFCL data, Apache-2.0), converted to JSON unchanged (Python's
 * `Ellipsis` at the end of WATCH_LIST_EXTENSION written as the string "Ellipsis").
 */
const LONG_CONTEXT_JSON = String.raw`{
"WATCH_LIST_EXTENSION":[
"JHGUN","LMAT","YNK","W","XSW","XZEHV","R","UIENW","H","P","JN","OQAI","FBIS","DZ","K","JNZD","IJXX","Z","J",
"FJD","D","NMONY","GMRH","LS","G","VEUCA","KBWCK","BAJ","V","FTCW","YOTF","PU","GOUW","UMQJN","KSA","HDYC",
"HTTKI","Y","S","OYXV","Y","HGA","YBRB","O","CLBAP","UPN","CQK","NGCJ","KX","XQW","MK","T","LPGBV","HP","D",
"CW","HGQRT","HZ","VGF","QIA","I","DXFI","DLKGJ","VWJJR","CHGAI","N","JXBJ","Z","H","IIHPH","SAY","F","EJHS",
"VXCU","QHL","JNFBP","PQNP","E","WB","S","BGMO","CPM","WQYU","ZOJS","GA","FPKT","ME","BOS","OPSP","RYR","A",
"LI","HLP","N","FZGF","VC","KU","GVG","CC","PGNK","XMOB","GDRDH","Q","IMKY","MCZ","RPM","KLX","BO","LRDS","Q",
"JM","AFYEN","ZEIE","FI","HIJQQ","MAN","Q","JBU","UZGZ","NXA","UVQPH","CD","GWG","CQELF","I","ACH","INUP",
"PQM","XQXBK","ZTEVF","YW","AQ","Y","O","IU","UX","XEFEG","AM","YWV","JC","BI","AO","L","JCVMS","PN","VNGUG",
"BX","DDKDG","KRP","X","LGN","Y","WYOY","CYQNZ","ZPQFY","QULWX","DC","OW","LDPNX","EFGIJ","PMAAO","SCXU",
"UZHJR","XLU","WAQ","NZJHK","WHHKS","KUR","S","AVVI","W","FU","LKIJP","X","JWL","BL","KYH","WT","IU","WFBLH",
"MHEH","UCB","DH","EI","V","J","URNI","TT","Q","NELL","YNCKW","WFY","DYHJ","GFC","S","AR","DIX","W","OWI",
"TOHNF","DEA","D","XGEER","ZJ","HL","AH","D","BAKDY","HX","IVCEL","RMA","CGM","BLUZQ","B","K","II","YC","RRUX",
"LOPT","ZKKVF","ACO","BW","ZLCPC","YFS","ZQNAF","AHP","P","RVO","PLVYW","FVLK","ZO","T","UH","CRSM","OT",
"CTQU","OXPN","EMY","MZ","KRIC","VGCIW","HDQUR","MH","WSH","PMKGG","SXHJ","JBKT","Y","X","JCAU","RDOQ","ECE",
"OIQFI","K","LIW","R","W","RIFW","EV","CE","CKWT","WUULT","D","TIDAW","MX","HUMWI","QKPM","UX","ICANP","MQERM",
"IC","F","VQW","LXVZ","S","HW","LJV","D","EK","MUJ","LSCL","S","DBC","W","QC","U","VIO","KI","IKS","OL","REZO",
"HQJB","UE","IG","NTY","M","W","HAWLO","OV","YKXYV","UBOE","H","TTB","HSWUL","LG","O","P","N","I","Y","IPEI",
"L","BJZ","QQ","O","N","RDTEI","POC","MP","ROTOB","SOF","S","PKHC","YEBA","KVRK","L","ST","LZT","V","X","AY",
"MGHYT","TR","OHF","N","H","CHL","KHLBF","Z","FFID","Z","B","TF","JITII","UHNWM","VGFOO","OW","KTZTK","BFNLX",
"PWB","VDNWY","QEVKO","AQ","XYMJO","FR","RFN","Z","DJ","FOHQW","C","P","WRH","WD","QZNF","O","JH","GG","C","H",
"HWOKP","YNKSZ","KICYT","HSNLG","CIB","ZMSJN","Z","H","ORPB","F","S","QXLNA","AANR","UOL","Q","QVH","ILUY","C",
"DCJ","TKH","MFDF","LWKF","IKMGU","NEL","KPM","ISCMP","ZJ","UPF","ZSDQ","C","WOX","ZNME","YZ","ZPK","XY",
"AXDI","KYYY","H","H","VR","C","ON","KOO","PILBJ","P","CM","PKB","ZVT","BJB","TWXH","RD","XWX","MRTNG","LY",
"HNIV","IEPM","SJEOV","FXW","FWVYY","LH","AYOON","OBMU","VU","HMX","TVLF","FBY","GXWI","WR","MHK","XBE","YCB",
"G","ED","LN","BNJD","FL","DS","HMS","DNDL","YREER","WR","VOUQH","MPXZ","TZXVY","JIXV","CRF","PVYA","GEP",
"ZNK","IGHJ","FER","WZDFX","CF","EB","LMN","AZYXJ","QDXJ","YWE","P","NYK","Y","J","KH","WKDJW","HUY","CUJUI",
"UMXR","OZCXH","NOD","A","WJYW","OJWXH","L","TQCZ","IB","WV","LZF","YRXXC","YK","FEBMI","OYR","I","XSP",
"HZKEK","QURFG","XU","RTYWY","LV","HSRF","JPUFI","KRE","KW","X","IAU","VYXN","F","ASTJG","C","QCFLG","VZO","B",
"UURE","GULB","NE","TIFJ","DRPXD","EAOZC","WDF","OEVZU","E","IBG","XJ","BE","YLG","ABV","GV","L","LTD","EL",
"TEIUX","UM","XPAGG","VUFZG","MWTA","IQI","NJY","ACP","C","J","AKB","X","OM","XNFV","QSK","AGUS","CYVF","EW",
"OHB","BC","GMQRF","SNCLM","NKXDP","DHGV","Q","HQ","SU","GVDGR","FKZGR","TOMSF","JJMCF","GRSCV","S","XUB",
"AFQ","XSCUT","SG","CF","L","MVSV","YR","F","DSI","VJWZA","YRXXB","Z","ZEY","AGEH","Z","IKBBO","EMM","TTW",
"KSSMF","IPOKB","F","GQBHL","HJG","GC","JTX","DSW","CUSM","KW","HGA","Y","N","WFE","GQN","DBS","BBRM","IVSP",
"LVX","OXQF","PPR","USCJT","TXBVX","W","V","BSU","DBIK","FVTY","FJNXI","FWXGY","KSQGA","XQD","KF","BVX",
"LMJFU","SQAP","JGIDS","HOH","XHRMK","RDG","BMYNW","H","CK","NJO","DOS","JKT","VERO","B","Q","GWU","BI","CHT",
"CIV","XQT","EDD","BPIF","G","Q","B","N","VH","KEB","LRLIQ","X","EHRYZ","UF","KS","SNW","LHRKP","KBTXD","JLOX",
"J","HIM","V","QA","N","EBKQ","NQCJI","XVV","DYZX","FG","EGYQ","QB","QF","L","NCW","SVJW","MKBW","KS","M",
"LPH","ZLT","DR","MPON","RVSA","VZ","X","BIYTW","M","L","RUC","VMG","AB","URRF","RLU","RI","B","I","MW","JFNB",
"ETWA","T","ZESUU","N","JNG","GFQ","KHH","JG","CF","ERQ","ZJCN","XW","IRVZ","XU","LVHPU","NABN","NNR","IJFY",
"JDVJA","JQHYO","ZSPL","W","RXRY","OALL","COVM","FKAMV","WJ","PRC","YY","JLILK","VBO","X","C","OO","OKZV",
"BVB","RX","NBJG","GVZ","CHJN","LJM","Y","OM","WIZO","BCTBI","OYSUT","PRLBI","U","SC","PY","BHPLR","M","YOS",
"CY","Z","PU","NEJ","NXBBD","VNEY","WNMT","MICQD","PGMYM","A","RYVIK","WQONJ","SEAD","V","TTAES","CWZ","OHMUM",
"SNMPE","D","XLOSS","QOFCP","UXLHW","WBMOD","WKQ","GZI","KXHVX","EV","A","BEPNR","KTM","E","YGGGL","JHKN","G",
"WDB","C","CCEM","Y","VS","OA","GPV","HC","OBV","A","JHC","BGB","CSB","TENS","EIQ","OGCUW","FJ","BP","U","T",
"LTKSX","H","WM","TMEZ","W","MGBG","CHD","FJL","LA","TTW","JZ","N","LUT","QM","LLT","VZLH","VFJCR","T","X",
"NSAD","Q","ATUI","DTP","NTBDB","OIVEX","G","C","GJ","EM","LQ","B","J","MPMXG","ZYJ","SCXSB","Z","MB","EO",
"TQ","KYQJQ","TCX","EMDGT","PQHVI","K","IIJA","TLDJ","GZQ","KMD","KKHG","W","TE","EWIJ","E","R","NDOT","WWBBM",
"TEP","DIDJP","H","DUPV","YP","B","ODEDI","J","QANK","UZFB","MGLK","CDSPC","AWTQ","EYNN","ISGZE","ZR","YD",
"QSG","F","I","RA","KEDJI","OKPM","IDMR","YFNI","M","ITLZC","B","C","KK","JA","VIXP","NRKC","WC","RPQP","J",
"WJ","Q","JCNDJ","YHZ","FNA","SRR","CXTP","F","PGORW","U","CF","SPDMG","QNBZ","LYRZ","IA","YFNB","BRMO","LY",
"USK","PANP","OTRWT","MAQF","MCNF","ERB","ZVE","NBI","FAIS","ME","QC","CJ","HO","U","OBUDX","RS","GX","ADPV",
"DGTPN","IZ","BEPTR","FNJDI","IW","I","K","NUI","IMAAM","MO","OKK","M","NS","KVNET","DC","EFD","RS","S","OHQK",
"UCGZ","DXHZB","UPK","GE","ZUZMG","ISI","TPX","ZTLN","QMDZO","MB","QLL","UOCSH","C","EGLI","YJC","SMQP","TSW",
"YO","C","E","NNY","MP","LN","TQWHK","KMFZN","BQZ","ICYSZ","B","JU","URY","FT","EQF","IEUK","I","GSGBQ","EXDG",
"AGC","F","JHH","HFLSA","VRM","XIBO","AR","DGNH","UVCXR","VT","IE","FLMEO","Q","CFIQC","PUWZ","SN","BX",
"NJTKO","YBTT","ZRFRE","Ellipsis"
],
"TRANSACTION_HISTORY_EXTENSION":[
{"type":"deposit","amount":9933.53,"timestamp":"2024-05-01 22:14:05.858817"},
{"type":"deposit","amount":9084.83,"timestamp":"2023-10-25 20:12:10.858830"},
{"type":"deposit","amount":671.32,"timestamp":"2023-10-04 06:33:21.858835"},
{"type":"withdrawal","amount":9665.3,"timestamp":"2024-04-13 15:29:14.858840"},
{"type":"deposit","amount":3921.42,"timestamp":"2024-03-16 06:18:24.858844"},
{"type":"withdrawal","amount":9675.67,"timestamp":"2024-07-26 21:53:21.858849"},
{"type":"deposit","amount":853.72,"timestamp":"2023-10-28 18:01:23.858853"},
{"type":"deposit","amount":932.42,"timestamp":"2024-04-19 10:06:26.858858"},
{"type":"withdrawal","amount":6048.05,"timestamp":"2024-01-03 22:01:08.858862"},
{"type":"withdrawal","amount":6235.57,"timestamp":"2023-10-04 22:40:59.858867"},
{"type":"deposit","amount":1703.82,"timestamp":"2024-07-19 17:51:05.858871"},
{"type":"deposit","amount":6062.24,"timestamp":"2024-08-26 19:12:20.858875"},
{"type":"deposit","amount":588.7,"timestamp":"2024-05-18 13:36:18.858880"},
{"type":"deposit","amount":9369.51,"timestamp":"2024-01-20 09:27:29.858884"},
{"type":"withdrawal","amount":2344.74,"timestamp":"2023-12-14 18:52:10.858888"},
{"type":"deposit","amount":4475.58,"timestamp":"2023-12-29 07:53:58.858893"},
{"type":"deposit","amount":5221.42,"timestamp":"2024-06-02 22:06:44.858897"},
{"type":"deposit","amount":7287.0,"timestamp":"2024-01-01 19:52:09.858901"},
{"type":"withdrawal","amount":2806.69,"timestamp":"2024-01-20 23:56:02.858906"},
{"type":"withdrawal","amount":9603.47,"timestamp":"2024-01-04 01:30:36.858910"},
{"type":"withdrawal","amount":7290.76,"timestamp":"2023-12-05 20:53:00.858914"},
{"type":"withdrawal","amount":4553.98,"timestamp":"2023-10-14 02:45:36.858918"},
{"type":"withdrawal","amount":2795.43,"timestamp":"2024-08-24 09:33:50.858923"},
{"type":"deposit","amount":832.64,"timestamp":"2023-12-16 12:05:20.858934"},
{"type":"deposit","amount":3022.33,"timestamp":"2024-04-29 22:38:25.858938"},
{"type":"withdrawal","amount":5420.49,"timestamp":"2023-11-10 15:10:07.858943"},
{"type":"deposit","amount":1510.23,"timestamp":"2023-09-22 16:36:31.858947"},
{"type":"deposit","amount":5608.16,"timestamp":"2024-06-02 15:43:21.858952"},
{"type":"deposit","amount":2692.53,"timestamp":"2024-02-29 11:06:31.858956"},
{"type":"deposit","amount":4203.4,"timestamp":"2024-03-31 00:35:05.858960"},
{"type":"deposit","amount":1560.42,"timestamp":"2023-11-25 04:29:50.858965"},
{"type":"withdrawal","amount":7009.56,"timestamp":"2024-02-13 16:07:26.858969"},
{"type":"withdrawal","amount":2973.94,"timestamp":"2023-09-25 14:24:15.858973"},
{"type":"withdrawal","amount":7279.28,"timestamp":"2024-06-20 03:17:50.858977"},
{"type":"deposit","amount":5095.78,"timestamp":"2023-10-28 00:06:58.858982"},
{"type":"withdrawal","amount":2853.16,"timestamp":"2024-05-17 09:49:04.858986"},
{"type":"withdrawal","amount":3046.58,"timestamp":"2024-05-28 22:20:42.858990"},
{"type":"withdrawal","amount":2766.97,"timestamp":"2024-05-18 01:28:11.859007"},
{"type":"deposit","amount":9375.96,"timestamp":"2023-11-12 14:22:02.859021"},
{"type":"withdrawal","amount":7466.15,"timestamp":"2024-06-13 04:45:20.859027"},
{"type":"deposit","amount":5624.75,"timestamp":"2024-04-09 05:59:28.859032"},
{"type":"deposit","amount":3840.23,"timestamp":"2024-02-23 10:34:35.859037"},
{"type":"withdrawal","amount":1686.87,"timestamp":"2024-01-22 19:39:24.859042"},
{"type":"deposit","amount":8361.93,"timestamp":"2024-02-08 13:22:13.859047"},
{"type":"deposit","amount":6367.91,"timestamp":"2023-12-30 18:17:29.859051"},
{"type":"withdrawal","amount":1586.09,"timestamp":"2023-12-13 15:38:46.859056"},
{"type":"deposit","amount":7964.81,"timestamp":"2024-07-21 03:04:11.859060"},
{"type":"withdrawal","amount":496.04,"timestamp":"2024-06-14 07:54:38.859065"},
{"type":"deposit","amount":2029.8,"timestamp":"2024-07-01 20:00:50.859069"},
{"type":"deposit","amount":5917.09,"timestamp":"2024-02-11 14:53:34.859073"},
{"type":"withdrawal","amount":7760.62,"timestamp":"2024-08-25 09:11:03.859087"},
{"type":"deposit","amount":4998.94,"timestamp":"2024-07-21 04:32:48.859092"},
{"type":"deposit","amount":9780.68,"timestamp":"2024-09-10 19:33:48.859096"},
{"type":"deposit","amount":4306.9,"timestamp":"2024-03-15 02:27:43.859101"},
{"type":"withdrawal","amount":7646.65,"timestamp":"2024-02-27 23:18:07.859105"},
{"type":"deposit","amount":7899.65,"timestamp":"2023-12-10 12:49:22.859109"},
{"type":"withdrawal","amount":9876.42,"timestamp":"2023-10-02 16:01:37.859133"},
{"type":"deposit","amount":3827.39,"timestamp":"2023-10-09 20:20:51.859141"},
{"type":"deposit","amount":1764.72,"timestamp":"2023-11-01 11:26:07.859147"},
{"type":"withdrawal","amount":6707.37,"timestamp":"2024-01-27 08:59:38.859151"},
{"type":"deposit","amount":3872.56,"timestamp":"2023-12-20 15:19:52.859164"},
{"type":"withdrawal","amount":7976.01,"timestamp":"2024-03-02 17:01:51.859168"},
{"type":"withdrawal","amount":7610.88,"timestamp":"2024-03-26 22:21:16.859172"},
{"type":"deposit","amount":3384.11,"timestamp":"2024-05-04 12:30:17.859177"},
{"type":"withdrawal","amount":4942.2,"timestamp":"2024-06-24 23:47:12.859182"},
{"type":"deposit","amount":9217.12,"timestamp":"2024-09-06 08:28:38.859187"},
{"type":"withdrawal","amount":4450.17,"timestamp":"2024-04-22 14:27:08.859192"},
{"type":"deposit","amount":5563.6,"timestamp":"2023-11-20 16:24:21.859198"},
{"type":"deposit","amount":8121.47,"timestamp":"2023-11-02 01:12:34.859203"},
{"type":"withdrawal","amount":2069.51,"timestamp":"2024-03-19 10:39:01.859207"},
{"type":"withdrawal","amount":5034.99,"timestamp":"2024-08-08 15:10:31.859212"},
{"type":"withdrawal","amount":7575.31,"timestamp":"2024-04-07 01:23:53.859216"},
{"type":"deposit","amount":3062.84,"timestamp":"2023-11-13 13:32:34.859221"},
{"type":"withdrawal","amount":5061.87,"timestamp":"2023-12-01 06:54:29.859225"},
{"type":"deposit","amount":5434.37,"timestamp":"2024-07-12 11:27:25.859230"},
{"type":"withdrawal","amount":8966.8,"timestamp":"2023-12-08 03:15:40.859234"},
{"type":"deposit","amount":3184.27,"timestamp":"2024-01-26 14:39:31.859238"},
{"type":"deposit","amount":1488.41,"timestamp":"2024-02-23 16:03:35.859244"},
{"type":"deposit","amount":2901.33,"timestamp":"2024-01-16 11:00:20.859248"},
{"type":"withdrawal","amount":60.26,"timestamp":"2024-05-14 22:50:19.859252"},
{"type":"withdrawal","amount":8811.27,"timestamp":"2024-06-16 09:21:41.859257"},
{"type":"deposit","amount":8040.03,"timestamp":"2024-01-21 05:56:48.859261"},
{"type":"deposit","amount":3705.66,"timestamp":"2023-10-03 17:07:38.859265"},
{"type":"deposit","amount":9129.1,"timestamp":"2024-01-08 13:06:04.859270"},
{"type":"deposit","amount":7357.12,"timestamp":"2024-07-17 15:13:14.859274"},
{"type":"withdrawal","amount":4184.97,"timestamp":"2024-04-15 04:48:45.859278"},
{"type":"deposit","amount":4221.44,"timestamp":"2024-04-13 13:53:17.859282"},
{"type":"withdrawal","amount":1267.55,"timestamp":"2024-09-10 20:09:15.859286"},
{"type":"deposit","amount":3795.59,"timestamp":"2024-01-02 22:34:18.859291"},
{"type":"deposit","amount":6466.48,"timestamp":"2023-10-24 16:34:18.859295"},
{"type":"withdrawal","amount":6797.62,"timestamp":"2024-01-03 07:37:17.859299"},
{"type":"deposit","amount":7547.06,"timestamp":"2024-06-28 14:27:22.859303"},
{"type":"deposit","amount":2584.21,"timestamp":"2023-12-28 01:19:40.859307"},
{"type":"deposit","amount":7264.8,"timestamp":"2023-12-14 07:36:59.859312"},
{"type":"deposit","amount":7892.01,"timestamp":"2024-02-03 22:34:43.859316"},
{"type":"withdrawal","amount":8719.4,"timestamp":"2024-05-08 23:38:17.859320"},
{"type":"withdrawal","amount":7997.38,"timestamp":"2023-12-13 13:20:04.859324"},
{"type":"deposit","amount":3333.01,"timestamp":"2024-07-30 23:35:46.859329"},
{"type":"withdrawal","amount":2775.82,"timestamp":"2024-06-01 05:14:06.859333"},
{"type":"deposit","amount":2076.12,"timestamp":"2024-05-07 22:00:35.859337"},
{"type":"deposit","amount":3320.84,"timestamp":"2024-08-14 07:11:23.859341"},
{"type":"withdrawal","amount":3013.96,"timestamp":"2023-09-19 20:43:25.859346"},
{"type":"withdrawal","amount":7339.28,"timestamp":"2024-08-30 09:54:34.859350"},
{"type":"withdrawal","amount":8410.91,"timestamp":"2024-02-11 16:33:17.859354"},
{"type":"deposit","amount":432.1,"timestamp":"2023-10-08 23:31:19.859358"},
{"type":"withdrawal","amount":6955.35,"timestamp":"2024-06-26 14:12:15.859362"},
{"type":"deposit","amount":496.59,"timestamp":"2024-03-17 05:53:02.859367"},
{"type":"deposit","amount":4556.56,"timestamp":"2023-12-19 05:47:57.859371"},
{"type":"deposit","amount":4981.31,"timestamp":"2024-07-09 00:05:25.859375"},
{"type":"deposit","amount":1486.55,"timestamp":"2024-03-12 09:50:56.859380"},
{"type":"withdrawal","amount":6872.75,"timestamp":"2024-03-10 05:41:20.859384"},
{"type":"withdrawal","amount":1958.57,"timestamp":"2023-10-19 19:03:34.859388"},
{"type":"deposit","amount":5014.57,"timestamp":"2024-01-26 09:20:32.859393"},
{"type":"deposit","amount":6498.5,"timestamp":"2024-03-08 10:04:11.859397"},
{"type":"withdrawal","amount":9711.02,"timestamp":"2024-04-26 14:32:36.859401"},
{"type":"withdrawal","amount":1551.12,"timestamp":"2024-08-21 22:18:29.859405"},
{"type":"deposit","amount":9951.86,"timestamp":"2024-04-02 23:53:50.859410"},
{"type":"deposit","amount":6255.06,"timestamp":"2024-02-15 23:42:15.859414"},
{"type":"deposit","amount":8367.15,"timestamp":"2024-05-21 23:25:31.859418"},
{"type":"withdrawal","amount":2059.66,"timestamp":"2024-07-24 13:06:58.859423"},
{"type":"withdrawal","amount":768.07,"timestamp":"2024-02-25 22:01:20.859427"},
{"type":"withdrawal","amount":1991.76,"timestamp":"2024-06-27 08:54:55.859432"},
{"type":"deposit","amount":1397.27,"timestamp":"2024-02-08 09:30:52.859436"},
{"type":"deposit","amount":4391.39,"timestamp":"2024-04-15 19:50:02.859440"},
{"type":"deposit","amount":7256.68,"timestamp":"2023-12-09 11:50:58.859444"},
{"type":"withdrawal","amount":7139.41,"timestamp":"2024-04-17 03:46:11.859448"},
{"type":"withdrawal","amount":1376.46,"timestamp":"2023-12-03 14:03:26.859453"},
{"type":"withdrawal","amount":1817.08,"timestamp":"2024-01-28 08:21:42.859457"},
{"type":"deposit","amount":3858.49,"timestamp":"2024-05-07 18:58:47.859462"},
{"type":"deposit","amount":2812.75,"timestamp":"2024-07-17 03:21:40.859466"},
{"type":"deposit","amount":269.37,"timestamp":"2024-03-04 21:39:43.859470"},
{"type":"withdrawal","amount":1937.69,"timestamp":"2024-02-19 02:31:39.859474"},
{"type":"withdrawal","amount":2928.29,"timestamp":"2024-06-12 05:54:22.859479"},
{"type":"deposit","amount":4753.11,"timestamp":"2024-06-09 19:52:48.859483"},
{"type":"withdrawal","amount":949.77,"timestamp":"2024-05-22 20:58:00.859487"},
{"type":"withdrawal","amount":7701.95,"timestamp":"2023-10-20 01:08:45.859491"},
{"type":"deposit","amount":3607.5,"timestamp":"2023-09-22 06:34:23.859495"},
{"type":"withdrawal","amount":1565.02,"timestamp":"2023-11-07 17:16:44.859499"},
{"type":"withdrawal","amount":5666.43,"timestamp":"2024-07-30 08:50:29.859504"},
{"type":"withdrawal","amount":7795.31,"timestamp":"2024-05-10 12:33:16.859508"},
{"type":"deposit","amount":8340.17,"timestamp":"2024-04-06 03:10:35.859512"},
{"type":"withdrawal","amount":9398.52,"timestamp":"2024-06-22 14:25:53.859516"},
{"type":"withdrawal","amount":2391.22,"timestamp":"2024-05-31 05:19:04.859521"},
{"type":"deposit","amount":6993.86,"timestamp":"2023-10-28 00:16:25.859525"},
{"type":"withdrawal","amount":4517.23,"timestamp":"2023-10-16 23:59:17.859529"},
{"type":"withdrawal","amount":4274.47,"timestamp":"2024-01-24 12:43:02.859533"},
{"type":"withdrawal","amount":42.3,"timestamp":"2023-12-31 19:37:02.859538"},
{"type":"withdrawal","amount":907.33,"timestamp":"2024-07-05 06:17:13.859543"},
{"type":"withdrawal","amount":3458.19,"timestamp":"2024-04-30 07:24:42.859547"},
{"type":"withdrawal","amount":3482.74,"timestamp":"2024-01-05 05:07:28.859552"},
{"type":"withdrawal","amount":9471.48,"timestamp":"2024-07-16 06:30:06.859556"},
{"type":"deposit","amount":8749.14,"timestamp":"2024-07-22 17:19:34.859560"},
{"type":"deposit","amount":631.13,"timestamp":"2024-01-17 20:30:01.859565"},
{"type":"withdrawal","amount":7646.36,"timestamp":"2024-08-19 09:32:19.859569"},
{"type":"withdrawal","amount":1310.45,"timestamp":"2024-01-01 15:52:14.859573"},
{"type":"withdrawal","amount":5805.4,"timestamp":"2024-02-28 07:27:30.859578"},
{"type":"deposit","amount":6277.22,"timestamp":"2024-05-27 20:22:23.859582"},
{"type":"withdrawal","amount":790.81,"timestamp":"2024-05-28 06:06:25.859586"},
{"type":"deposit","amount":1660.65,"timestamp":"2024-02-12 23:06:29.859591"},
{"type":"deposit","amount":5160.49,"timestamp":"2024-03-17 08:47:13.859596"},
{"type":"withdrawal","amount":9185.3,"timestamp":"2024-07-09 14:28:36.859601"},
{"type":"withdrawal","amount":4729.63,"timestamp":"2024-03-29 07:37:52.859605"},
{"type":"withdrawal","amount":2642.77,"timestamp":"2023-11-02 16:21:51.859609"},
{"type":"withdrawal","amount":5194.87,"timestamp":"2024-06-13 20:33:29.859614"},
{"type":"deposit","amount":354.95,"timestamp":"2024-03-04 14:20:20.859618"},
{"type":"deposit","amount":2101.23,"timestamp":"2024-03-11 13:23:45.859623"},
{"type":"withdrawal","amount":4909.99,"timestamp":"2024-08-07 23:26:29.859627"},
{"type":"deposit","amount":1996.77,"timestamp":"2024-05-07 11:26:53.859631"},
{"type":"deposit","amount":6032.87,"timestamp":"2024-07-09 10:43:38.859635"},
{"type":"withdrawal","amount":9321.02,"timestamp":"2024-06-11 00:18:19.859640"},
{"type":"withdrawal","amount":5198.11,"timestamp":"2024-08-08 04:13:32.859644"},
{"type":"withdrawal","amount":172.86,"timestamp":"2024-03-27 01:26:07.859648"},
{"type":"withdrawal","amount":5373.97,"timestamp":"2023-10-04 15:20:22.859653"},
{"type":"deposit","amount":7812.04,"timestamp":"2024-06-09 11:32:53.859657"},
{"type":"deposit","amount":209.61,"timestamp":"2024-06-15 00:43:28.859662"},
{"type":"deposit","amount":260.51,"timestamp":"2024-05-22 12:22:01.859665"},
{"type":"withdrawal","amount":7855.67,"timestamp":"2024-05-22 04:29:35.859670"},
{"type":"deposit","amount":6254.05,"timestamp":"2023-12-06 11:27:38.859674"},
{"type":"deposit","amount":1991.92,"timestamp":"2023-12-15 03:04:23.859678"},
{"type":"deposit","amount":7022.56,"timestamp":"2023-11-16 07:24:40.859682"},
{"type":"withdrawal","amount":9684.0,"timestamp":"2023-11-14 18:58:58.859686"},
{"type":"deposit","amount":7094.96,"timestamp":"2024-04-13 23:35:28.859690"},
{"type":"deposit","amount":2496.64,"timestamp":"2024-01-17 03:15:15.859695"},
{"type":"deposit","amount":647.93,"timestamp":"2023-12-31 17:20:31.859699"},
{"type":"deposit","amount":1364.56,"timestamp":"2024-05-24 21:49:49.859703"},
{"type":"deposit","amount":8742.26,"timestamp":"2024-06-19 01:18:23.859708"},
{"type":"deposit","amount":9302.89,"timestamp":"2023-12-29 12:43:56.859712"},
{"type":"withdrawal","amount":9005.39,"timestamp":"2024-04-04 08:09:38.859717"},
{"type":"deposit","amount":9486.92,"timestamp":"2023-11-02 17:56:06.859721"},
{"type":"withdrawal","amount":9879.54,"timestamp":"2023-10-25 19:53:52.859725"},
{"type":"deposit","amount":7171.94,"timestamp":"2023-09-23 17:47:17.859730"},
{"type":"withdrawal","amount":8180.39,"timestamp":"2024-06-10 05:19:39.859734"},
{"type":"deposit","amount":5224.95,"timestamp":"2024-03-26 09:47:55.859738"},
{"type":"withdrawal","amount":2225.87,"timestamp":"2024-01-18 14:24:50.859742"},
{"type":"withdrawal","amount":8319.56,"timestamp":"2024-06-25 09:48:44.859747"},
{"type":"deposit","amount":8193.23,"timestamp":"2024-05-29 20:56:40.859751"},
{"type":"withdrawal","amount":4737.54,"timestamp":"2024-04-27 21:06:19.859755"},
{"type":"withdrawal","amount":606.4,"timestamp":"2024-06-08 07:36:21.859759"},
{"type":"withdrawal","amount":3412.75,"timestamp":"2024-01-07 12:22:58.859763"},
{"type":"deposit","amount":888.38,"timestamp":"2024-05-01 05:14:27.859767"},
{"type":"withdrawal","amount":5990.04,"timestamp":"2024-04-22 01:59:36.859772"},
{"type":"withdrawal","amount":2195.02,"timestamp":"2024-05-29 22:04:27.859776"},
{"type":"deposit","amount":4347.95,"timestamp":"2024-07-26 04:45:19.859780"},
{"type":"deposit","amount":112.53,"timestamp":"2023-10-08 19:19:36.859785"},
{"type":"withdrawal","amount":5675.09,"timestamp":"2024-04-03 20:53:10.859790"},
{"type":"withdrawal","amount":1069.08,"timestamp":"2023-11-09 07:04:10.859794"},
{"type":"withdrawal","amount":5180.58,"timestamp":"2023-11-20 08:44:12.859798"},
{"type":"withdrawal","amount":2419.67,"timestamp":"2024-05-26 16:11:57.859803"},
{"type":"withdrawal","amount":2539.39,"timestamp":"2023-09-23 03:39:35.859807"},
{"type":"withdrawal","amount":4201.31,"timestamp":"2024-08-13 22:37:42.859812"},
{"type":"deposit","amount":7378.83,"timestamp":"2023-12-08 19:44:40.859816"},
{"type":"withdrawal","amount":3207.5,"timestamp":"2024-03-21 17:43:48.859820"},
{"type":"withdrawal","amount":220.13,"timestamp":"2023-10-09 01:25:27.859825"},
{"type":"withdrawal","amount":3353.26,"timestamp":"2023-09-29 13:18:11.859829"},
{"type":"deposit","amount":4698.05,"timestamp":"2024-05-14 14:01:31.859833"},
{"type":"withdrawal","amount":3958.33,"timestamp":"2023-12-13 18:29:30.859837"},
{"type":"deposit","amount":4594.61,"timestamp":"2023-09-18 12:09:24.859842"},
{"type":"withdrawal","amount":147.75,"timestamp":"2024-08-21 23:27:04.859846"},
{"type":"deposit","amount":600.18,"timestamp":"2023-10-06 08:23:21.859851"},
{"type":"deposit","amount":7061.55,"timestamp":"2024-04-23 11:56:14.859855"},
{"type":"withdrawal","amount":7194.37,"timestamp":"2024-06-16 04:41:25.859859"},
{"type":"withdrawal","amount":805.42,"timestamp":"2023-09-25 13:38:38.859864"},
{"type":"withdrawal","amount":1181.47,"timestamp":"2024-06-24 02:57:08.859868"},
{"type":"deposit","amount":5759.93,"timestamp":"2024-03-25 05:52:11.859872"},
{"type":"deposit","amount":7381.28,"timestamp":"2024-03-14 22:23:10.859876"},
{"type":"withdrawal","amount":9840.14,"timestamp":"2023-11-25 01:55:39.859880"},
{"type":"withdrawal","amount":8681.4,"timestamp":"2023-12-29 21:55:44.859885"},
{"type":"deposit","amount":3528.9,"timestamp":"2024-08-20 14:15:37.859889"},
{"type":"deposit","amount":1505.94,"timestamp":"2023-09-30 12:03:57.859893"},
{"type":"withdrawal","amount":2325.71,"timestamp":"2023-12-13 15:39:28.859897"},
{"type":"deposit","amount":587.3,"timestamp":"2023-11-16 10:08:30.859901"},
{"type":"deposit","amount":667.13,"timestamp":"2023-10-15 14:46:13.859905"},
{"type":"deposit","amount":2856.98,"timestamp":"2024-06-08 20:40:37.859910"},
{"type":"withdrawal","amount":3490.21,"timestamp":"2024-06-09 04:13:31.859914"},
{"type":"withdrawal","amount":38.14,"timestamp":"2023-12-28 05:30:18.859918"},
{"type":"withdrawal","amount":2177.32,"timestamp":"2024-03-02 04:32:04.859923"},
{"type":"withdrawal","amount":4818.74,"timestamp":"2023-11-06 09:36:27.859927"},
{"type":"deposit","amount":6677.7,"timestamp":"2024-06-11 15:06:24.859932"},
{"type":"withdrawal","amount":8677.5,"timestamp":"2024-09-03 02:45:33.859936"},
{"type":"deposit","amount":7149.07,"timestamp":"2024-01-30 09:52:52.859940"},
{"type":"deposit","amount":4250.11,"timestamp":"2024-02-06 12:44:45.859944"},
{"type":"deposit","amount":4798.53,"timestamp":"2024-02-22 21:45:47.859948"},
{"type":"withdrawal","amount":4627.12,"timestamp":"2023-11-07 20:58:33.859953"},
{"type":"deposit","amount":8536.0,"timestamp":"2024-07-03 01:12:04.859957"},
{"type":"withdrawal","amount":8437.14,"timestamp":"2024-06-18 17:11:43.859961"},
{"type":"deposit","amount":2640.95,"timestamp":"2024-06-26 13:29:40.859966"},
{"type":"withdrawal","amount":7573.52,"timestamp":"2024-08-15 17:54:19.859970"},
{"type":"deposit","amount":2522.11,"timestamp":"2024-05-21 07:50:04.859974"},
{"type":"withdrawal","amount":7445.11,"timestamp":"2024-08-03 03:54:27.859979"},
{"type":"deposit","amount":9857.3,"timestamp":"2023-11-07 13:35:57.859983"},
{"type":"withdrawal","amount":1625.72,"timestamp":"2024-02-28 09:43:27.859988"},
{"type":"withdrawal","amount":6970.68,"timestamp":"2024-01-14 23:54:09.859992"},
{"type":"withdrawal","amount":7446.23,"timestamp":"2023-12-19 14:03:50.859997"},
{"type":"deposit","amount":7551.46,"timestamp":"2024-07-25 16:33:35.860001"},
{"type":"deposit","amount":2908.08,"timestamp":"2024-06-08 23:48:37.860006"},
{"type":"withdrawal","amount":7654.43,"timestamp":"2023-11-11 08:41:17.860010"},
{"type":"deposit","amount":2068.06,"timestamp":"2024-03-13 20:54:22.860014"},
{"type":"withdrawal","amount":9086.33,"timestamp":"2023-10-08 02:15:39.860018"},
{"type":"deposit","amount":4709.96,"timestamp":"2024-07-23 08:21:06.860023"},
{"type":"deposit","amount":5811.69,"timestamp":"2023-12-27 16:15:24.860027"},
{"type":"deposit","amount":3326.53,"timestamp":"2024-03-21 14:36:24.860031"},
{"type":"deposit","amount":3819.13,"timestamp":"2024-03-11 20:10:33.860035"},
{"type":"withdrawal","amount":996.9,"timestamp":"2023-09-25 10:52:07.860040"},
{"type":"deposit","amount":9126.0,"timestamp":"2024-03-23 23:38:57.860044"},
{"type":"withdrawal","amount":1191.24,"timestamp":"2024-09-04 04:24:05.860048"},
{"type":"deposit","amount":7918.07,"timestamp":"2024-02-11 15:01:13.860052"},
{"type":"deposit","amount":5557.57,"timestamp":"2024-07-08 06:15:07.860056"},
{"type":"withdrawal","amount":6003.04,"timestamp":"2024-05-14 17:20:21.860061"},
{"type":"deposit","amount":231.13,"timestamp":"2024-06-09 10:13:34.860065"},
{"type":"deposit","amount":8419.81,"timestamp":"2023-10-03 13:52:20.860070"},
{"type":"deposit","amount":2469.0,"timestamp":"2024-09-07 00:12:33.860074"},
{"type":"withdrawal","amount":5489.67,"timestamp":"2024-09-01 16:35:21.860078"},
{"type":"deposit","amount":6279.41,"timestamp":"2023-11-23 16:04:40.860082"},
{"type":"withdrawal","amount":9849.26,"timestamp":"2024-04-12 05:49:40.860087"},
{"type":"withdrawal","amount":6110.2,"timestamp":"2023-12-24 23:05:48.860091"},
{"type":"deposit","amount":9096.57,"timestamp":"2023-11-04 15:35:04.860095"},
{"type":"deposit","amount":4517.78,"timestamp":"2024-05-05 14:40:31.860099"},
{"type":"withdrawal","amount":4479.4,"timestamp":"2024-07-13 22:24:17.860103"},
{"type":"withdrawal","amount":1888.21,"timestamp":"2023-12-03 09:09:47.860107"},
{"type":"deposit","amount":6857.2,"timestamp":"2024-07-25 13:40:19.860111"},
{"type":"deposit","amount":7906.47,"timestamp":"2023-09-25 18:51:58.860115"},
{"type":"withdrawal","amount":9787.77,"timestamp":"2024-02-04 08:12:24.860119"},
{"type":"withdrawal","amount":4258.47,"timestamp":"2023-12-15 20:14:24.860123"},
{"type":"withdrawal","amount":2298.11,"timestamp":"2023-10-27 10:27:31.860128"},
{"type":"deposit","amount":7967.04,"timestamp":"2024-06-18 21:06:48.860132"},
{"type":"withdrawal","amount":2563.05,"timestamp":"2024-03-09 16:07:14.860136"},
{"type":"withdrawal","amount":9831.55,"timestamp":"2024-06-09 01:00:07.860140"},
{"type":"withdrawal","amount":3143.22,"timestamp":"2024-07-19 11:43:27.860144"},
{"type":"withdrawal","amount":5647.92,"timestamp":"2024-02-05 03:10:29.860149"},
{"type":"withdrawal","amount":8206.33,"timestamp":"2024-06-05 10:08:39.860153"},
{"type":"withdrawal","amount":7242.84,"timestamp":"2024-05-21 08:59:11.860157"},
{"type":"withdrawal","amount":7714.38,"timestamp":"2024-06-20 14:46:26.860161"},
{"type":"deposit","amount":1915.49,"timestamp":"2024-08-21 04:09:11.860166"},
{"type":"deposit","amount":1797.23,"timestamp":"2023-12-09 16:43:44.860170"},
{"type":"withdrawal","amount":9272.12,"timestamp":"2024-02-08 10:17:43.860174"},
{"type":"withdrawal","amount":5373.53,"timestamp":"2024-05-07 02:15:46.860178"},
{"type":"withdrawal","amount":295.78,"timestamp":"2023-11-29 21:24:59.860182"},
{"type":"withdrawal","amount":4215.37,"timestamp":"2024-07-05 13:01:54.860307"},
{"type":"deposit","amount":2808.24,"timestamp":"2024-07-17 20:11:38.860317"},
{"type":"deposit","amount":9680.31,"timestamp":"2024-06-26 07:42:56.860322"},
{"type":"withdrawal","amount":8410.98,"timestamp":"2024-08-06 17:07:47.860327"},
{"type":"withdrawal","amount":3458.46,"timestamp":"2024-06-21 11:01:18.860331"},
{"type":"deposit","amount":8575.83,"timestamp":"2024-05-03 18:10:18.860336"},
{"type":"deposit","amount":1619.26,"timestamp":"2024-08-01 06:40:06.860340"},
{"type":"withdrawal","amount":8423.07,"timestamp":"2024-09-08 09:23:59.860344"},
{"type":"withdrawal","amount":1085.29,"timestamp":"2024-01-12 21:40:16.860349"},
{"type":"withdrawal","amount":3119.59,"timestamp":"2024-02-18 10:53:19.860353"},
{"type":"deposit","amount":9939.83,"timestamp":"2024-04-02 21:22:54.860358"},
{"type":"withdrawal","amount":1128.97,"timestamp":"2024-04-03 05:01:26.860369"},
{"type":"withdrawal","amount":7961.82,"timestamp":"2024-07-24 12:46:00.860375"},
{"type":"deposit","amount":9448.45,"timestamp":"2023-11-04 20:49:52.860379"},
{"type":"withdrawal","amount":2875.17,"timestamp":"2024-06-21 23:15:33.860383"},
{"type":"deposit","amount":1085.3,"timestamp":"2024-01-05 08:15:06.860388"},
{"type":"withdrawal","amount":5088.67,"timestamp":"2024-05-16 12:33:11.860392"},
{"type":"deposit","amount":529.14,"timestamp":"2023-12-29 17:53:42.860396"},
{"type":"withdrawal","amount":126.96,"timestamp":"2024-09-08 08:13:55.860401"},
{"type":"deposit","amount":7390.53,"timestamp":"2023-09-30 11:05:21.860405"},
{"type":"deposit","amount":7116.85,"timestamp":"2024-04-12 22:02:04.860409"},
{"type":"deposit","amount":1910.38,"timestamp":"2023-12-03 14:19:17.860414"},
{"type":"deposit","amount":8503.37,"timestamp":"2024-05-27 23:19:24.860418"},
{"type":"withdrawal","amount":8250.31,"timestamp":"2024-02-13 18:25:48.860423"},
{"type":"withdrawal","amount":6595.59,"timestamp":"2024-04-18 23:03:08.860427"},
{"type":"withdrawal","amount":1297.48,"timestamp":"2024-06-13 06:50:24.860431"},
{"type":"withdrawal","amount":2229.47,"timestamp":"2024-03-02 21:01:28.860436"},
{"type":"deposit","amount":8978.11,"timestamp":"2024-03-30 19:35:43.860440"},
{"type":"withdrawal","amount":7235.47,"timestamp":"2024-07-29 23:23:24.860444"},
{"type":"withdrawal","amount":1218.71,"timestamp":"2024-07-17 06:07:46.860448"},
{"type":"withdrawal","amount":5747.51,"timestamp":"2023-10-20 15:44:24.860453"},
{"type":"withdrawal","amount":132.7,"timestamp":"2023-11-12 03:52:43.860457"},
{"type":"withdrawal","amount":3638.41,"timestamp":"2023-12-09 23:19:22.860461"},
{"type":"withdrawal","amount":5195.84,"timestamp":"2024-01-07 15:47:35.860466"},
{"type":"withdrawal","amount":4896.97,"timestamp":"2023-12-15 11:41:04.860470"},
{"type":"withdrawal","amount":9327.75,"timestamp":"2024-02-26 22:29:41.860474"},
{"type":"deposit","amount":9847.97,"timestamp":"2024-01-01 17:44:54.860479"},
{"type":"withdrawal","amount":2055.21,"timestamp":"2024-09-03 09:21:42.860483"},
{"type":"deposit","amount":8584.1,"timestamp":"2024-04-25 16:07:52.860487"},
{"type":"withdrawal","amount":8016.43,"timestamp":"2024-03-25 16:46:51.860491"},
{"type":"withdrawal","amount":4302.61,"timestamp":"2024-04-18 07:47:36.860496"},
{"type":"withdrawal","amount":5484.51,"timestamp":"2024-07-18 02:21:23.860501"},
{"type":"withdrawal","amount":1875.85,"timestamp":"2024-02-22 17:54:35.860505"},
{"type":"withdrawal","amount":8477.79,"timestamp":"2023-12-20 06:48:52.860509"},
{"type":"deposit","amount":8935.17,"timestamp":"2024-05-07 04:14:43.860514"},
{"type":"deposit","amount":8173.37,"timestamp":"2024-04-28 17:18:46.860518"},
{"type":"deposit","amount":1010.1,"timestamp":"2024-09-09 07:21:41.860523"},
{"type":"withdrawal","amount":9882.6,"timestamp":"2023-11-05 04:34:24.860530"},
{"type":"deposit","amount":7830.74,"timestamp":"2024-02-09 07:16:41.860534"},
{"type":"deposit","amount":5468.99,"timestamp":"2023-09-24 11:26:57.860539"},
{"type":"withdrawal","amount":8967.73,"timestamp":"2024-05-27 14:45:51.860543"},
{"type":"withdrawal","amount":7371.89,"timestamp":"2024-04-19 09:28:38.860547"},
{"type":"deposit","amount":1115.03,"timestamp":"2024-04-16 02:45:13.860551"},
{"type":"deposit","amount":2136.02,"timestamp":"2024-09-09 16:35:34.860556"},
{"type":"deposit","amount":6437.37,"timestamp":"2024-03-24 15:03:02.860560"},
{"type":"deposit","amount":9359.42,"timestamp":"2023-09-20 18:22:42.860565"},
{"type":"withdrawal","amount":6326.44,"timestamp":"2023-10-03 15:47:11.860570"},
{"type":"deposit","amount":4301.65,"timestamp":"2024-01-24 10:51:11.860575"},
{"type":"deposit","amount":8066.51,"timestamp":"2023-12-05 07:08:49.860580"},
{"type":"deposit","amount":9092.83,"timestamp":"2023-11-12 07:18:27.860591"},
{"type":"withdrawal","amount":7791.63,"timestamp":"2023-11-07 20:57:56.860596"},
{"type":"withdrawal","amount":3316.66,"timestamp":"2024-04-05 12:10:13.860600"},
{"type":"deposit","amount":2383.64,"timestamp":"2023-12-18 21:01:45.860605"},
{"type":"deposit","amount":9358.55,"timestamp":"2024-05-03 11:33:51.860609"},
{"type":"withdrawal","amount":9503.74,"timestamp":"2024-08-09 02:32:27.860614"},
{"type":"withdrawal","amount":5254.19,"timestamp":"2024-05-03 03:20:25.860619"},
{"type":"withdrawal","amount":3305.15,"timestamp":"2023-12-30 17:03:12.860623"},
{"type":"deposit","amount":3232.28,"timestamp":"2024-06-06 06:40:47.860627"},
{"type":"withdrawal","amount":4658.26,"timestamp":"2023-11-30 22:43:55.860632"},
{"type":"deposit","amount":5823.43,"timestamp":"2024-03-24 01:19:56.860636"},
{"type":"withdrawal","amount":4697.23,"timestamp":"2024-02-04 10:14:46.860641"},
{"type":"deposit","amount":1598.51,"timestamp":"2024-03-22 10:18:43.860645"},
{"type":"deposit","amount":1915.06,"timestamp":"2024-09-01 04:31:45.860649"},
{"type":"withdrawal","amount":9780.83,"timestamp":"2024-03-13 17:52:46.860654"},
{"type":"deposit","amount":5684.34,"timestamp":"2023-09-15 09:19:21.860658"},
{"type":"deposit","amount":3505.6,"timestamp":"2024-08-22 03:02:59.860662"},
{"type":"deposit","amount":2433.0,"timestamp":"2024-08-17 10:54:13.860666"},
{"type":"deposit","amount":1905.66,"timestamp":"2023-11-27 02:55:57.860671"},
{"type":"withdrawal","amount":3461.98,"timestamp":"2024-06-13 04:42:07.860675"},
{"type":"withdrawal","amount":6910.32,"timestamp":"2024-07-26 20:17:37.860679"},
{"type":"withdrawal","amount":1291.22,"timestamp":"2024-08-23 16:03:06.860683"},
{"type":"deposit","amount":7127.42,"timestamp":"2024-03-26 09:31:33.860688"},
{"type":"deposit","amount":5675.33,"timestamp":"2024-05-08 00:25:20.860692"},
{"type":"withdrawal","amount":2549.6,"timestamp":"2023-11-09 18:13:12.860696"},
{"type":"withdrawal","amount":9152.87,"timestamp":"2024-05-04 14:46:43.860700"},
{"type":"deposit","amount":4849.32,"timestamp":"2023-09-29 18:58:26.860705"},
{"type":"withdrawal","amount":1830.52,"timestamp":"2024-05-17 05:00:53.860709"},
{"type":"deposit","amount":8959.55,"timestamp":"2024-02-25 01:32:08.860713"},
{"type":"deposit","amount":3147.25,"timestamp":"2023-10-20 06:30:07.860717"},
{"type":"deposit","amount":6641.26,"timestamp":"2024-08-29 23:25:11.860722"},
{"type":"deposit","amount":2402.72,"timestamp":"2023-11-04 04:19:59.860726"},
{"type":"withdrawal","amount":7897.3,"timestamp":"2023-11-01 11:52:51.860878"},
{"type":"withdrawal","amount":6353.27,"timestamp":"2024-03-25 22:52:13.860884"},
{"type":"withdrawal","amount":299.18,"timestamp":"2024-03-20 15:01:17.860888"},
{"type":"deposit","amount":6783.18,"timestamp":"2024-09-01 10:20:23.860893"},
{"type":"withdrawal","amount":8062.57,"timestamp":"2024-01-08 04:24:22.860897"},
{"type":"deposit","amount":6165.99,"timestamp":"2024-05-03 08:26:33.860901"},
{"type":"deposit","amount":6465.52,"timestamp":"2024-05-30 12:52:14.860905"},
{"type":"deposit","amount":8601.07,"timestamp":"2023-11-13 15:02:30.860910"},
{"type":"withdrawal","amount":9614.78,"timestamp":"2023-10-01 00:07:58.860914"},
{"type":"deposit","amount":3677.72,"timestamp":"2023-09-17 01:31:11.860919"},
{"type":"withdrawal","amount":5372.94,"timestamp":"2023-12-19 07:31:02.860923"},
{"type":"deposit","amount":4413.91,"timestamp":"2023-09-27 20:39:20.860927"},
{"type":"deposit","amount":2954.74,"timestamp":"2024-08-26 06:12:12.860931"},
{"type":"withdrawal","amount":7856.11,"timestamp":"2024-08-10 03:04:57.860936"},
{"type":"deposit","amount":813.08,"timestamp":"2024-07-03 11:36:42.860940"},
{"type":"deposit","amount":6744.66,"timestamp":"2024-09-09 23:30:53.860945"},
{"type":"withdrawal","amount":3875.59,"timestamp":"2024-05-05 13:59:21.860949"},
{"type":"withdrawal","amount":7411.72,"timestamp":"2023-11-12 20:37:36.860954"},
{"type":"deposit","amount":2448.92,"timestamp":"2024-06-17 19:25:00.860958"},
{"type":"withdrawal","amount":4090.01,"timestamp":"2023-10-16 04:32:54.860963"},
{"type":"deposit","amount":3439.85,"timestamp":"2024-08-12 05:24:50.860967"},
{"type":"withdrawal","amount":1075.01,"timestamp":"2024-08-10 18:52:17.860971"},
{"type":"deposit","amount":1500.13,"timestamp":"2024-06-04 12:54:50.860979"},
{"type":"withdrawal","amount":1127.94,"timestamp":"2023-10-05 01:51:48.860983"},
{"type":"deposit","amount":2977.32,"timestamp":"2024-05-01 06:45:47.860988"},
{"type":"withdrawal","amount":1189.56,"timestamp":"2024-07-08 16:10:50.860992"},
{"type":"withdrawal","amount":7748.28,"timestamp":"2023-11-23 09:41:34.860997"},
{"type":"withdrawal","amount":4156.53,"timestamp":"2024-02-29 02:01:08.861001"},
{"type":"withdrawal","amount":3875.35,"timestamp":"2023-11-17 23:12:33.861005"},
{"type":"deposit","amount":8018.96,"timestamp":"2024-01-30 11:38:09.861010"},
{"type":"deposit","amount":478.54,"timestamp":"2024-01-08 01:34:57.861014"},
{"type":"withdrawal","amount":1783.43,"timestamp":"2023-11-23 03:42:58.861018"},
{"type":"withdrawal","amount":2562.86,"timestamp":"2024-04-26 13:44:16.861023"},
{"type":"deposit","amount":9567.17,"timestamp":"2024-05-18 23:04:48.861027"},
{"type":"deposit","amount":1867.21,"timestamp":"2024-05-13 01:12:53.861031"},
{"type":"deposit","amount":3909.35,"timestamp":"2024-04-26 07:26:39.861036"},
{"type":"withdrawal","amount":1568.47,"timestamp":"2024-07-04 03:21:38.861040"},
{"type":"withdrawal","amount":2340.47,"timestamp":"2023-10-04 14:43:36.861044"},
{"type":"withdrawal","amount":91.59,"timestamp":"2024-04-28 09:45:22.861049"},
{"type":"deposit","amount":342.2,"timestamp":"2024-01-24 06:30:02.861053"},
{"type":"withdrawal","amount":9349.1,"timestamp":"2023-10-18 16:42:44.861058"},
{"type":"withdrawal","amount":7707.75,"timestamp":"2024-08-22 19:28:23.861063"},
{"type":"withdrawal","amount":5690.03,"timestamp":"2024-01-18 13:15:24.861067"},
{"type":"withdrawal","amount":272.38,"timestamp":"2024-08-11 08:30:02.861071"},
{"type":"deposit","amount":2284.35,"timestamp":"2024-05-31 14:12:49.861075"},
{"type":"withdrawal","amount":9275.24,"timestamp":"2023-09-16 12:05:07.861080"},
{"type":"deposit","amount":6138.22,"timestamp":"2023-11-30 16:58:26.861084"},
{"type":"withdrawal","amount":7665.15,"timestamp":"2023-11-28 07:54:50.861088"},
{"type":"withdrawal","amount":3583.66,"timestamp":"2024-07-23 00:58:11.861095"},
{"type":"withdrawal","amount":4300.89,"timestamp":"2024-05-07 12:31:15.861099"},
{"type":"withdrawal","amount":6266.16,"timestamp":"2024-08-19 06:59:12.861104"},
{"type":"withdrawal","amount":7178.74,"timestamp":"2024-03-21 07:50:57.861109"},
{"type":"withdrawal","amount":1281.61,"timestamp":"2024-06-03 09:21:00.861113"},
{"type":"withdrawal","amount":6893.6,"timestamp":"2023-09-26 05:09:10.861117"},
{"type":"deposit","amount":1304.8,"timestamp":"2024-03-26 19:25:49.861122"},
{"type":"withdrawal","amount":1545.16,"timestamp":"2024-05-29 14:49:16.861126"},
{"type":"deposit","amount":5219.76,"timestamp":"2024-01-12 18:43:49.861130"},
{"type":"deposit","amount":3067.91,"timestamp":"2023-11-16 00:27:47.861135"},
{"type":"deposit","amount":5455.11,"timestamp":"2023-12-05 20:42:15.861139"},
{"type":"deposit","amount":3517.48,"timestamp":"2024-01-11 16:27:52.861143"},
{"type":"withdrawal","amount":3720.86,"timestamp":"2024-04-13 20:39:25.861148"},
{"type":"deposit","amount":8601.23,"timestamp":"2024-06-09 05:31:17.861152"},
{"type":"withdrawal","amount":3275.26,"timestamp":"2024-06-01 16:13:19.861157"},
{"type":"withdrawal","amount":6611.88,"timestamp":"2024-02-26 02:21:35.861161"},
{"type":"deposit","amount":1154.16,"timestamp":"2023-10-07 00:04:21.861165"},
{"type":"withdrawal","amount":3625.51,"timestamp":"2024-09-13 00:56:19.861169"},
{"type":"deposit","amount":5907.98,"timestamp":"2023-09-26 12:47:07.861174"},
{"type":"withdrawal","amount":9493.6,"timestamp":"2024-05-27 07:51:44.861178"},
{"type":"withdrawal","amount":7492.11,"timestamp":"2023-10-24 23:55:28.861182"},
{"type":"deposit","amount":6569.55,"timestamp":"2024-09-03 19:47:45.861187"},
{"type":"withdrawal","amount":7412.98,"timestamp":"2023-09-22 14:39:01.861191"},
{"type":"withdrawal","amount":491.55,"timestamp":"2023-12-21 10:00:15.861195"},
{"type":"deposit","amount":6880.9,"timestamp":"2024-04-09 13:41:26.861200"},
{"type":"deposit","amount":1568.84,"timestamp":"2024-06-14 04:35:39.861204"},
{"type":"withdrawal","amount":8640.37,"timestamp":"2023-09-14 02:53:56.861208"},
{"type":"withdrawal","amount":1289.09,"timestamp":"2024-07-01 17:58:54.861212"},
{"type":"deposit","amount":6887.39,"timestamp":"2023-09-19 09:42:20.861216"},
{"type":"withdrawal","amount":6838.18,"timestamp":"2024-03-27 06:01:58.861221"},
{"type":"deposit","amount":9041.24,"timestamp":"2024-04-22 13:19:23.861225"},
{"type":"deposit","amount":795.17,"timestamp":"2024-09-04 17:27:38.861230"},
{"type":"withdrawal","amount":8468.2,"timestamp":"2024-07-23 06:37:43.861234"},
{"type":"withdrawal","amount":667.01,"timestamp":"2024-02-18 06:17:05.861239"},
{"type":"withdrawal","amount":2793.27,"timestamp":"2024-08-26 18:45:45.861243"},
{"type":"withdrawal","amount":1525.14,"timestamp":"2024-04-28 01:48:26.861249"},
{"type":"withdrawal","amount":7344.81,"timestamp":"2023-11-13 09:47:41.861253"},
{"type":"deposit","amount":9503.12,"timestamp":"2024-08-29 17:30:39.861258"},
{"type":"withdrawal","amount":5866.06,"timestamp":"2024-05-21 00:57:07.861262"},
{"type":"deposit","amount":9091.59,"timestamp":"2023-10-10 18:12:31.861266"},
{"type":"deposit","amount":1423.98,"timestamp":"2024-01-20 05:49:14.861271"},
{"type":"withdrawal","amount":1453.41,"timestamp":"2023-10-19 20:51:13.861275"},
{"type":"withdrawal","amount":8539.55,"timestamp":"2023-11-24 01:51:10.861280"},
{"type":"deposit","amount":7668.1,"timestamp":"2024-08-12 08:19:22.861284"},
{"type":"deposit","amount":8552.26,"timestamp":"2023-12-17 19:06:41.861288"},
{"type":"withdrawal","amount":9393.65,"timestamp":"2024-02-29 02:33:58.861293"},
{"type":"withdrawal","amount":9794.02,"timestamp":"2024-02-08 01:41:25.861297"},
{"type":"deposit","amount":4719.03,"timestamp":"2023-12-31 20:12:25.861302"},
{"type":"withdrawal","amount":6872.6,"timestamp":"2023-12-28 04:52:22.861306"},
{"type":"deposit","amount":1204.63,"timestamp":"2024-05-24 01:54:09.861310"},
{"type":"withdrawal","amount":1250.68,"timestamp":"2024-07-26 15:42:04.861314"},
{"type":"deposit","amount":7436.03,"timestamp":"2023-09-14 13:02:32.861319"},
{"type":"deposit","amount":5120.16,"timestamp":"2024-04-07 14:15:01.861323"},
{"type":"withdrawal","amount":101.55,"timestamp":"2024-08-24 05:53:57.861327"},
{"type":"withdrawal","amount":5483.81,"timestamp":"2023-09-20 00:58:41.861332"},
{"type":"withdrawal","amount":1134.54,"timestamp":"2024-06-13 01:08:46.861336"},
{"type":"withdrawal","amount":6228.26,"timestamp":"2024-01-09 00:48:07.861340"},
{"type":"deposit","amount":7559.31,"timestamp":"2024-04-15 20:31:24.861344"},
{"type":"deposit","amount":9591.1,"timestamp":"2023-12-07 08:45:08.861349"},
{"type":"withdrawal","amount":1886.6,"timestamp":"2023-10-14 01:04:11.861353"},
{"type":"deposit","amount":4615.24,"timestamp":"2024-06-05 04:51:15.861357"},
{"type":"deposit","amount":616.12,"timestamp":"2024-05-21 14:17:17.861362"},
{"type":"withdrawal","amount":3461.87,"timestamp":"2024-05-08 00:54:50.861366"},
{"type":"deposit","amount":7607.82,"timestamp":"2024-02-08 11:22:24.861370"},
{"type":"withdrawal","amount":2619.01,"timestamp":"2024-09-13 15:10:10.861374"},
{"type":"withdrawal","amount":9692.12,"timestamp":"2024-05-10 00:53:44.861379"},
{"type":"withdrawal","amount":4128.06,"timestamp":"2024-03-12 07:20:38.861383"},
{"type":"withdrawal","amount":8831.68,"timestamp":"2023-09-21 12:54:38.861387"},
{"type":"deposit","amount":3741.73,"timestamp":"2024-01-25 22:38:49.861391"},
{"type":"deposit","amount":9434.47,"timestamp":"2024-02-08 23:04:02.861395"},
{"type":"withdrawal","amount":5998.35,"timestamp":"2024-04-19 08:45:25.861400"},
{"type":"deposit","amount":8843.95,"timestamp":"2023-10-14 00:33:48.861404"},
{"type":"withdrawal","amount":5520.72,"timestamp":"2024-07-24 06:23:11.861408"},
{"type":"withdrawal","amount":7050.95,"timestamp":"2024-03-24 12:29:49.861413"},
{"type":"withdrawal","amount":6852.61,"timestamp":"2023-09-28 19:02:59.861417"},
{"type":"withdrawal","amount":2687.73,"timestamp":"2024-01-06 03:34:06.861422"},
{"type":"withdrawal","amount":3103.8,"timestamp":"2024-02-18 22:01:54.861426"},
{"type":"withdrawal","amount":7503.48,"timestamp":"2024-04-05 15:43:30.861430"},
{"type":"deposit","amount":4170.46,"timestamp":"2023-10-17 09:02:46.861435"},
{"type":"deposit","amount":5378.75,"timestamp":"2024-07-05 21:11:49.861439"},
{"type":"withdrawal","amount":2456.91,"timestamp":"2024-06-25 19:07:03.861444"},
{"type":"deposit","amount":6670.97,"timestamp":"2024-05-19 22:38:43.861448"},
{"type":"withdrawal","amount":6766.53,"timestamp":"2024-02-07 07:17:25.861453"},
{"type":"withdrawal","amount":7711.59,"timestamp":"2024-02-03 20:34:24.861457"},
{"type":"deposit","amount":2654.13,"timestamp":"2024-01-02 20:48:52.861461"},
{"type":"withdrawal","amount":8628.49,"timestamp":"2024-08-12 06:18:34.861466"},
{"type":"deposit","amount":2810.53,"timestamp":"2024-05-29 01:58:32.861470"},
{"type":"withdrawal","amount":1980.5,"timestamp":"2024-05-27 10:58:20.861474"},
{"type":"deposit","amount":973.18,"timestamp":"2023-10-12 23:29:00.861478"},
{"type":"deposit","amount":8387.12,"timestamp":"2024-09-09 06:19:48.861482"},
{"type":"withdrawal","amount":6729.52,"timestamp":"2024-02-16 08:51:42.861487"},
{"type":"deposit","amount":8948.88,"timestamp":"2024-07-14 06:02:00.861491"},
{"type":"withdrawal","amount":6090.95,"timestamp":"2023-12-25 12:28:27.861500"},
{"type":"deposit","amount":9349.21,"timestamp":"2024-08-26 13:03:46.861505"},
{"type":"deposit","amount":1272.78,"timestamp":"2024-05-29 10:40:52.861509"},
{"type":"deposit","amount":9972.23,"timestamp":"2024-04-22 18:23:40.861513"},
{"type":"withdrawal","amount":7955.82,"timestamp":"2023-12-08 13:29:53.861518"},
{"type":"withdrawal","amount":7667.0,"timestamp":"2024-06-19 09:45:04.861522"},
{"type":"withdrawal","amount":1456.3,"timestamp":"2024-04-17 20:32:39.861526"},
{"type":"withdrawal","amount":7742.06,"timestamp":"2023-11-20 10:02:34.861530"},
{"type":"deposit","amount":4793.64,"timestamp":"2024-02-15 15:27:11.861534"},
{"type":"withdrawal","amount":444.18,"timestamp":"2024-09-04 06:15:41.861538"},
{"type":"withdrawal","amount":5151.37,"timestamp":"2023-09-26 05:56:50.861542"},
{"type":"deposit","amount":2467.24,"timestamp":"2023-11-27 14:29:33.861546"},
{"type":"deposit","amount":6943.62,"timestamp":"2024-03-08 03:57:14.861551"},
{"type":"deposit","amount":1847.47,"timestamp":"2024-06-21 07:49:28.861555"},
{"type":"withdrawal","amount":2556.64,"timestamp":"2024-01-01 05:12:59.861559"},
{"type":"withdrawal","amount":9912.33,"timestamp":"2023-11-21 05:10:15.861563"},
{"type":"withdrawal","amount":3584.37,"timestamp":"2024-06-28 23:23:15.861567"},
{"type":"withdrawal","amount":7972.14,"timestamp":"2024-08-19 13:57:42.861572"},
{"type":"withdrawal","amount":882.19,"timestamp":"2024-07-18 14:37:23.861576"},
{"type":"withdrawal","amount":2114.11,"timestamp":"2024-02-21 17:31:00.861580"},
{"type":"withdrawal","amount":3508.07,"timestamp":"2024-06-26 19:23:05.861584"},
{"type":"deposit","amount":7674.01,"timestamp":"2024-03-13 07:44:32.861589"},
{"type":"deposit","amount":2279.27,"timestamp":"2024-08-02 17:31:12.861593"},
{"type":"deposit","amount":1550.31,"timestamp":"2023-12-29 21:01:11.861597"},
{"type":"withdrawal","amount":4226.95,"timestamp":"2024-07-16 05:20:58.861601"},
{"type":"deposit","amount":5498.46,"timestamp":"2024-08-26 21:28:03.861606"},
{"type":"withdrawal","amount":6340.6,"timestamp":"2024-01-19 20:39:47.861610"},
{"type":"withdrawal","amount":4724.93,"timestamp":"2023-11-15 19:06:40.861614"},
{"type":"withdrawal","amount":8827.5,"timestamp":"2024-09-13 19:29:50.861618"},
{"type":"withdrawal","amount":9589.07,"timestamp":"2024-03-28 10:51:26.861622"},
{"type":"withdrawal","amount":1890.72,"timestamp":"2023-10-27 18:03:21.861626"},
{"type":"withdrawal","amount":7289.97,"timestamp":"2024-06-10 13:23:24.861631"},
{"type":"deposit","amount":6598.66,"timestamp":"2024-05-27 19:13:54.861635"},
{"type":"withdrawal","amount":9260.15,"timestamp":"2024-02-24 20:55:31.861639"},
{"type":"withdrawal","amount":4479.41,"timestamp":"2024-07-07 09:37:36.861644"},
{"type":"withdrawal","amount":7594.36,"timestamp":"2024-03-07 10:16:56.861648"},
{"type":"deposit","amount":4998.69,"timestamp":"2024-07-14 10:08:33.861652"},
{"type":"deposit","amount":9842.87,"timestamp":"2024-01-16 05:36:14.861656"},
{"type":"deposit","amount":3021.01,"timestamp":"2023-12-05 04:44:48.861660"},
{"type":"deposit","amount":7092.65,"timestamp":"2023-09-30 04:55:09.861665"},
{"type":"withdrawal","amount":8411.13,"timestamp":"2024-07-01 10:51:22.861669"},
{"type":"withdrawal","amount":6429.02,"timestamp":"2024-06-12 00:09:26.861673"},
{"type":"withdrawal","amount":977.98,"timestamp":"2024-08-23 15:50:42.861677"},
{"type":"withdrawal","amount":7660.27,"timestamp":"2024-01-17 20:46:11.861681"},
{"type":"withdrawal","amount":2499.3,"timestamp":"2024-04-19 19:33:03.861685"},
{"type":"deposit","amount":9666.63,"timestamp":"2023-11-07 11:19:45.861689"},
{"type":"deposit","amount":1586.41,"timestamp":"2023-12-18 23:53:14.861694"},
{"type":"withdrawal","amount":9059.6,"timestamp":"2024-03-25 05:59:18.861698"},
{"type":"deposit","amount":6127.57,"timestamp":"2024-05-27 17:20:02.861702"},
{"type":"deposit","amount":384.68,"timestamp":"2024-04-24 11:22:58.861706"},
{"type":"deposit","amount":6166.03,"timestamp":"2024-07-05 03:32:06.861711"},
{"type":"withdrawal","amount":6079.77,"timestamp":"2023-12-22 19:37:38.861715"},
{"type":"deposit","amount":8650.49,"timestamp":"2024-08-06 13:30:40.861719"},
{"type":"withdrawal","amount":1648.83,"timestamp":"2024-02-02 22:32:02.861723"},
{"type":"withdrawal","amount":3993.41,"timestamp":"2024-07-01 04:46:17.861727"},
{"type":"deposit","amount":9608.57,"timestamp":"2023-09-14 19:01:25.861732"},
{"type":"withdrawal","amount":4887.26,"timestamp":"2024-01-10 18:58:37.861736"},
{"type":"deposit","amount":4869.12,"timestamp":"2024-07-04 07:13:39.861740"},
{"type":"deposit","amount":1259.46,"timestamp":"2024-07-18 18:37:41.861744"},
{"type":"withdrawal","amount":4823.75,"timestamp":"2024-02-27 13:58:39.861749"},
{"type":"deposit","amount":2865.69,"timestamp":"2024-04-23 03:08:20.861753"},
{"type":"deposit","amount":445.0,"timestamp":"2024-03-21 11:15:18.861757"},
{"type":"withdrawal","amount":7049.04,"timestamp":"2023-12-06 09:19:13.861762"},
{"type":"deposit","amount":3340.23,"timestamp":"2024-06-03 14:35:15.861766"},
{"type":"withdrawal","amount":2388.88,"timestamp":"2024-06-16 10:14:56.861770"},
{"type":"withdrawal","amount":3030.16,"timestamp":"2024-03-28 19:52:28.861775"},
{"type":"withdrawal","amount":3393.5,"timestamp":"2023-10-06 00:09:52.861779"},
{"type":"withdrawal","amount":6371.58,"timestamp":"2024-07-19 22:25:52.861784"},
{"type":"withdrawal","amount":8845.4,"timestamp":"2024-08-03 13:20:23.861788"},
{"type":"withdrawal","amount":8555.65,"timestamp":"2024-02-23 02:07:43.861792"},
{"type":"withdrawal","amount":2077.97,"timestamp":"2023-12-28 22:15:20.861796"},
{"type":"deposit","amount":4104.49,"timestamp":"2024-03-24 07:42:21.861800"},
{"type":"deposit","amount":7232.1,"timestamp":"2024-06-01 14:06:42.861805"},
{"type":"withdrawal","amount":562.58,"timestamp":"2024-05-01 06:57:31.861809"},
{"type":"withdrawal","amount":7288.43,"timestamp":"2023-12-09 01:41:24.861813"},
{"type":"withdrawal","amount":6287.32,"timestamp":"2024-02-21 17:45:27.861817"},
{"type":"withdrawal","amount":7482.24,"timestamp":"2023-10-17 23:11:01.861821"},
{"type":"deposit","amount":2661.37,"timestamp":"2024-08-05 13:58:31.861825"},
{"type":"deposit","amount":8461.09,"timestamp":"2024-03-25 15:59:58.861829"},
{"type":"deposit","amount":1975.59,"timestamp":"2024-08-12 10:27:38.861834"},
{"type":"withdrawal","amount":9352.38,"timestamp":"2024-06-20 22:59:36.861839"},
{"type":"deposit","amount":754.52,"timestamp":"2024-03-04 12:18:13.861843"},
{"type":"withdrawal","amount":5618.36,"timestamp":"2023-11-26 08:13:21.861847"},
{"type":"deposit","amount":4871.17,"timestamp":"2024-02-17 16:09:03.861851"},
{"type":"deposit","amount":2804.64,"timestamp":"2024-06-06 18:33:20.861855"},
{"type":"deposit","amount":3700.45,"timestamp":"2023-09-28 11:46:33.861860"},
{"type":"deposit","amount":9371.68,"timestamp":"2024-03-15 06:14:14.861864"},
{"type":"deposit","amount":3787.65,"timestamp":"2024-03-16 06:16:32.861869"},
{"type":"deposit","amount":2855.64,"timestamp":"2024-09-11 13:59:53.861873"},
{"type":"deposit","amount":6055.89,"timestamp":"2023-09-16 01:09:29.861877"},
{"type":"withdrawal","amount":3919.28,"timestamp":"2024-08-28 23:45:11.861881"},
{"type":"deposit","amount":6159.7,"timestamp":"2024-02-04 16:17:25.861886"},
{"type":"deposit","amount":8074.66,"timestamp":"2024-07-20 22:39:19.861892"},
{"type":"withdrawal","amount":3136.2,"timestamp":"2023-11-25 20:01:32.861896"},
{"type":"withdrawal","amount":7068.66,"timestamp":"2024-02-26 11:40:36.861900"},
{"type":"deposit","amount":423.65,"timestamp":"2024-01-18 22:05:32.861904"},
{"type":"deposit","amount":4322.18,"timestamp":"2024-07-17 23:24:56.861909"},
{"type":"deposit","amount":8403.0,"timestamp":"2024-03-24 07:02:46.861913"},
{"type":"withdrawal","amount":6835.25,"timestamp":"2024-08-31 09:40:16.861917"},
{"type":"withdrawal","amount":4962.25,"timestamp":"2024-03-27 08:44:17.861921"},
{"type":"deposit","amount":3022.83,"timestamp":"2023-11-28 18:30:17.861925"},
{"type":"withdrawal","amount":5001.26,"timestamp":"2024-07-15 04:13:35.861930"},
{"type":"withdrawal","amount":6159.58,"timestamp":"2023-10-12 12:40:54.861934"},
{"type":"withdrawal","amount":1340.26,"timestamp":"2024-05-18 21:16:33.861938"},
{"type":"deposit","amount":2327.54,"timestamp":"2023-12-16 14:43:45.861942"},
{"type":"withdrawal","amount":4591.63,"timestamp":"2023-10-22 21:24:15.861947"},
{"type":"deposit","amount":2250.71,"timestamp":"2024-01-24 10:08:35.861951"},
{"type":"deposit","amount":4828.73,"timestamp":"2024-05-21 16:09:00.861955"},
{"type":"withdrawal","amount":5928.96,"timestamp":"2023-11-20 22:29:53.861959"},
{"type":"withdrawal","amount":1596.16,"timestamp":"2024-03-31 01:21:15.861964"},
{"type":"deposit","amount":1776.75,"timestamp":"2023-11-22 17:22:14.861968"},
{"type":"deposit","amount":9526.69,"timestamp":"2024-07-05 11:45:21.861972"},
{"type":"deposit","amount":1888.73,"timestamp":"2024-06-22 02:06:24.861977"},
{"type":"withdrawal","amount":1109.65,"timestamp":"2024-07-03 10:45:22.861981"},
{"type":"deposit","amount":8506.58,"timestamp":"2024-02-23 15:07:43.861985"},
{"type":"withdrawal","amount":802.81,"timestamp":"2023-12-02 23:46:04.861989"},
{"type":"deposit","amount":7177.14,"timestamp":"2023-12-17 18:58:39.861993"},
{"type":"deposit","amount":5388.83,"timestamp":"2024-02-12 16:42:48.861998"},
{"type":"deposit","amount":1385.79,"timestamp":"2024-08-23 22:29:49.862002"},
{"type":"withdrawal","amount":993.54,"timestamp":"2024-08-19 14:59:32.862006"},
{"type":"deposit","amount":5090.68,"timestamp":"2024-03-28 17:02:17.862012"},
{"type":"deposit","amount":9736.62,"timestamp":"2024-09-09 07:36:49.862016"},
{"type":"withdrawal","amount":2210.52,"timestamp":"2024-07-19 10:53:43.862021"},
{"type":"deposit","amount":8625.92,"timestamp":"2024-08-23 23:38:19.862025"},
{"type":"withdrawal","amount":839.58,"timestamp":"2024-07-08 06:49:49.862029"},
{"type":"withdrawal","amount":3220.22,"timestamp":"2023-10-04 22:43:13.862033"},
{"type":"withdrawal","amount":6728.74,"timestamp":"2024-04-14 01:04:43.862038"},
{"type":"deposit","amount":8807.73,"timestamp":"2024-08-25 04:46:11.862042"},
{"type":"deposit","amount":852.5,"timestamp":"2023-09-20 13:56:27.862046"},
{"type":"deposit","amount":9234.23,"timestamp":"2023-11-05 05:21:56.862050"},
{"type":"deposit","amount":2297.73,"timestamp":"2023-10-23 11:39:11.862054"},
{"type":"deposit","amount":6412.41,"timestamp":"2024-02-06 16:58:17.862059"},
{"type":"deposit","amount":7453.07,"timestamp":"2024-03-04 05:44:38.862063"},
{"type":"deposit","amount":6254.3,"timestamp":"2023-09-23 19:32:55.862067"},
{"type":"deposit","amount":8964.21,"timestamp":"2024-07-28 12:29:37.862071"},
{"type":"deposit","amount":8045.08,"timestamp":"2024-03-11 22:32:49.862076"},
{"type":"withdrawal","amount":1419.97,"timestamp":"2024-02-28 16:47:04.862080"},
{"type":"deposit","amount":9935.1,"timestamp":"2024-04-12 01:45:25.862084"},
{"type":"deposit","amount":1123.34,"timestamp":"2023-12-13 23:17:55.862088"},
{"type":"withdrawal","amount":5846.26,"timestamp":"2024-06-22 09:51:20.862092"},
{"type":"deposit","amount":1143.78,"timestamp":"2024-01-18 23:24:50.862097"},
{"type":"deposit","amount":6905.76,"timestamp":"2023-10-15 20:20:07.862101"},
{"type":"withdrawal","amount":2453.31,"timestamp":"2024-07-02 12:52:41.862105"},
{"type":"deposit","amount":5417.47,"timestamp":"2024-03-03 22:41:02.862109"},
{"type":"deposit","amount":2554.15,"timestamp":"2024-01-11 06:04:36.862114"},
{"type":"withdrawal","amount":122.61,"timestamp":"2024-06-15 16:01:32.862118"},
{"type":"deposit","amount":2980.05,"timestamp":"2024-01-09 16:32:17.862122"},
{"type":"deposit","amount":4757.53,"timestamp":"2023-11-13 00:53:29.862126"},
{"type":"deposit","amount":6624.36,"timestamp":"2023-10-31 19:28:27.862131"},
{"type":"withdrawal","amount":1397.43,"timestamp":"2023-12-13 21:36:46.862135"},
{"type":"deposit","amount":4528.74,"timestamp":"2024-06-27 15:54:47.862139"},
{"type":"withdrawal","amount":6923.05,"timestamp":"2024-08-12 16:47:20.862143"},
{"type":"withdrawal","amount":8368.97,"timestamp":"2023-11-19 14:08:47.862147"},
{"type":"withdrawal","amount":6687.82,"timestamp":"2023-10-10 05:43:30.862151"},
{"type":"deposit","amount":2802.64,"timestamp":"2024-02-23 01:56:34.862155"},
{"type":"deposit","amount":6173.27,"timestamp":"2024-08-21 02:10:15.862160"},
{"type":"withdrawal","amount":3816.09,"timestamp":"2024-03-07 02:00:54.862164"},
{"type":"deposit","amount":2542.91,"timestamp":"2024-03-17 05:27:53.862168"},
{"type":"withdrawal","amount":8049.82,"timestamp":"2024-03-29 15:51:13.862172"},
{"type":"deposit","amount":3520.36,"timestamp":"2024-04-27 05:15:45.862176"},
{"type":"deposit","amount":1229.78,"timestamp":"2024-08-09 00:14:17.862180"},
{"type":"deposit","amount":6424.19,"timestamp":"2024-06-19 04:20:54.862184"},
{"type":"deposit","amount":4242.89,"timestamp":"2024-02-19 04:44:55.862188"},
{"type":"withdrawal","amount":48.74,"timestamp":"2024-07-12 01:56:27.862193"},
{"type":"withdrawal","amount":7130.03,"timestamp":"2024-07-09 13:53:06.862197"},
{"type":"withdrawal","amount":1339.86,"timestamp":"2024-08-14 15:08:24.862201"},
{"type":"deposit","amount":8055.81,"timestamp":"2024-05-07 16:11:36.862205"},
{"type":"withdrawal","amount":2081.14,"timestamp":"2024-05-15 08:10:56.862209"},
{"type":"deposit","amount":8742.54,"timestamp":"2024-07-10 21:16:29.862213"},
{"type":"deposit","amount":2905.69,"timestamp":"2023-11-21 18:39:23.862218"},
{"type":"withdrawal","amount":4261.86,"timestamp":"2024-04-16 22:33:56.862222"},
{"type":"deposit","amount":370.47,"timestamp":"2024-06-09 09:34:02.862226"},
{"type":"withdrawal","amount":4183.78,"timestamp":"2024-05-11 07:16:32.862230"},
{"type":"withdrawal","amount":9954.87,"timestamp":"2024-08-12 18:39:22.862235"},
{"type":"withdrawal","amount":8863.75,"timestamp":"2024-03-19 18:49:14.862239"},
{"type":"deposit","amount":1884.58,"timestamp":"2024-04-29 23:41:32.862243"},
{"type":"deposit","amount":4851.41,"timestamp":"2024-08-28 04:52:34.862248"},
{"type":"withdrawal","amount":498.24,"timestamp":"2024-03-29 22:20:04.862252"},
{"type":"deposit","amount":2395.68,"timestamp":"2023-11-16 13:59:38.862256"},
{"type":"withdrawal","amount":3523.49,"timestamp":"2024-06-05 05:58:33.862261"},
{"type":"deposit","amount":5682.02,"timestamp":"2024-06-01 06:26:36.862265"},
{"type":"withdrawal","amount":5197.13,"timestamp":"2024-03-08 21:18:23.862270"},
{"type":"withdrawal","amount":4574.3,"timestamp":"2023-09-28 23:58:30.862274"},
{"type":"deposit","amount":1245.06,"timestamp":"2024-06-24 03:23:03.862279"},
{"type":"withdrawal","amount":836.04,"timestamp":"2024-05-27 18:12:35.862285"},
{"type":"withdrawal","amount":3982.27,"timestamp":"2024-07-22 06:14:30.862289"},
{"type":"deposit","amount":9523.02,"timestamp":"2024-04-21 17:00:50.862293"},
{"type":"deposit","amount":5265.67,"timestamp":"2023-12-22 00:51:18.862297"},
{"type":"deposit","amount":5715.01,"timestamp":"2024-07-02 03:41:48.862301"},
{"type":"withdrawal","amount":3831.69,"timestamp":"2023-10-21 09:58:49.862305"},
{"type":"withdrawal","amount":5073.71,"timestamp":"2024-03-12 10:30:04.862310"},
{"type":"withdrawal","amount":409.77,"timestamp":"2023-10-03 22:02:41.862314"},
{"type":"withdrawal","amount":3761.36,"timestamp":"2023-11-11 18:37:23.862318"},
{"type":"deposit","amount":8456.46,"timestamp":"2024-07-06 22:07:58.862323"},
{"type":"withdrawal","amount":1763.58,"timestamp":"2024-04-09 14:20:51.862327"},
{"type":"withdrawal","amount":7571.66,"timestamp":"2024-05-23 08:49:39.862332"},
{"type":"deposit","amount":8306.15,"timestamp":"2024-08-18 12:23:29.862336"},
{"type":"withdrawal","amount":7073.02,"timestamp":"2023-12-14 16:51:23.862340"},
{"type":"withdrawal","amount":6024.04,"timestamp":"2024-03-02 06:22:32.862344"},
{"type":"withdrawal","amount":831.94,"timestamp":"2024-06-14 01:17:05.862349"},
{"type":"deposit","amount":202.22,"timestamp":"2024-07-15 21:24:48.862353"},
{"type":"withdrawal","amount":2847.18,"timestamp":"2024-07-13 05:38:52.862357"},
{"type":"deposit","amount":5690.93,"timestamp":"2023-10-31 23:23:51.862361"},
{"type":"withdrawal","amount":6248.55,"timestamp":"2023-11-08 11:26:07.862366"},
{"type":"deposit","amount":2245.1,"timestamp":"2023-12-08 11:42:53.862370"},
{"type":"withdrawal","amount":6789.61,"timestamp":"2023-11-18 22:46:52.862374"},
{"type":"deposit","amount":7924.12,"timestamp":"2024-04-25 16:56:34.862378"},
{"type":"withdrawal","amount":1337.69,"timestamp":"2024-07-15 04:54:37.862382"},
{"type":"deposit","amount":1027.01,"timestamp":"2023-11-14 04:16:21.862387"},
{"type":"deposit","amount":4131.95,"timestamp":"2023-11-19 12:31:58.862391"},
{"type":"withdrawal","amount":1680.76,"timestamp":"2024-02-27 06:43:15.862395"},
{"type":"withdrawal","amount":9991.34,"timestamp":"2024-04-23 12:47:39.862399"},
{"type":"deposit","amount":2039.72,"timestamp":"2024-03-31 05:57:04.862403"},
{"type":"deposit","amount":148.72,"timestamp":"2024-08-27 18:04:24.862408"},
{"type":"withdrawal","amount":9750.25,"timestamp":"2024-03-25 15:48:38.862412"},
{"type":"deposit","amount":1395.18,"timestamp":"2024-06-12 10:31:39.862416"},
{"type":"deposit","amount":9121.49,"timestamp":"2024-02-23 06:08:16.862420"},
{"type":"withdrawal","amount":6406.1,"timestamp":"2024-07-01 15:02:24.862425"},
{"type":"withdrawal","amount":3259.8,"timestamp":"2024-06-07 20:53:21.862429"},
{"type":"deposit","amount":6417.73,"timestamp":"2024-08-21 19:41:35.862433"},
{"type":"deposit","amount":44.89,"timestamp":"2023-09-15 14:06:26.862438"},
{"type":"deposit","amount":6482.47,"timestamp":"2024-08-21 08:40:59.862442"},
{"type":"withdrawal","amount":9680.75,"timestamp":"2023-10-29 00:58:59.862446"},
{"type":"deposit","amount":7466.36,"timestamp":"2024-06-05 18:35:33.862451"},
{"type":"withdrawal","amount":9647.72,"timestamp":"2023-09-13 23:34:56.862455"},
{"type":"deposit","amount":2897.91,"timestamp":"2024-07-26 22:15:25.862459"},
{"type":"withdrawal","amount":7965.27,"timestamp":"2024-08-21 05:20:32.862463"},
{"type":"deposit","amount":7544.84,"timestamp":"2024-02-20 08:57:10.862467"},
{"type":"withdrawal","amount":2831.31,"timestamp":"2024-08-08 02:10:20.862471"},
{"type":"deposit","amount":8783.59,"timestamp":"2024-02-08 15:38:55.862476"},
{"type":"withdrawal","amount":1770.01,"timestamp":"2024-01-15 01:19:47.862480"},
{"type":"deposit","amount":4581.82,"timestamp":"2024-01-10 15:46:32.862484"},
{"type":"deposit","amount":1518.01,"timestamp":"2024-04-04 19:15:58.862488"},
{"type":"deposit","amount":183.92,"timestamp":"2024-07-29 10:02:52.862493"},
{"type":"withdrawal","amount":3156.8,"timestamp":"2024-05-31 07:57:37.862497"},
{"type":"withdrawal","amount":8669.74,"timestamp":"2024-06-07 10:45:47.862501"},
{"type":"deposit","amount":1775.52,"timestamp":"2024-06-02 23:27:30.862506"},
{"type":"withdrawal","amount":206.64,"timestamp":"2024-06-30 20:40:40.862510"},
{"type":"withdrawal","amount":7570.39,"timestamp":"2024-03-08 07:52:51.862515"},
{"type":"withdrawal","amount":6353.91,"timestamp":"2024-01-06 01:29:30.862519"},
{"type":"withdrawal","amount":9927.54,"timestamp":"2024-07-11 18:47:14.862523"},
{"type":"withdrawal","amount":3056.1,"timestamp":"2024-06-08 18:10:06.862527"},
{"type":"deposit","amount":6513.25,"timestamp":"2024-04-21 18:55:31.862532"},
{"type":"deposit","amount":8390.96,"timestamp":"2023-10-06 17:48:39.862536"},
{"type":"deposit","amount":5912.83,"timestamp":"2024-04-06 06:36:25.862540"},
{"type":"deposit","amount":188.33,"timestamp":"2023-11-09 12:46:45.862544"},
{"type":"deposit","amount":7067.41,"timestamp":"2024-01-11 12:14:27.862548"},
{"type":"withdrawal","amount":1510.49,"timestamp":"2023-11-20 07:38:29.862553"},
{"type":"withdrawal","amount":1983.73,"timestamp":"2024-09-04 19:40:59.862557"},
{"type":"withdrawal","amount":6192.86,"timestamp":"2023-12-07 23:53:38.862561"},
{"type":"deposit","amount":807.56,"timestamp":"2024-09-07 04:38:44.862565"},
{"type":"withdrawal","amount":5590.97,"timestamp":"2024-07-24 20:03:45.862569"},
{"type":"deposit","amount":970.62,"timestamp":"2024-02-07 04:51:57.862574"},
{"type":"withdrawal","amount":9323.32,"timestamp":"2023-12-31 03:03:49.862578"},
{"type":"withdrawal","amount":3162.49,"timestamp":"2024-09-03 20:09:38.862582"},
{"type":"deposit","amount":5270.33,"timestamp":"2024-03-18 22:13:35.862586"},
{"type":"withdrawal","amount":5017.63,"timestamp":"2024-06-28 07:01:52.862591"},
{"type":"withdrawal","amount":9321.37,"timestamp":"2024-01-21 14:49:26.862595"},
{"type":"deposit","amount":7171.43,"timestamp":"2024-07-07 14:06:19.862599"},
{"type":"withdrawal","amount":89.28,"timestamp":"2023-10-22 10:55:04.862603"},
{"type":"withdrawal","amount":1445.89,"timestamp":"2024-02-04 19:09:43.862608"},
{"type":"withdrawal","amount":5515.9,"timestamp":"2024-04-28 23:55:45.862613"},
{"type":"deposit","amount":2092.69,"timestamp":"2023-10-12 04:45:41.862617"},
{"type":"deposit","amount":9090.74,"timestamp":"2024-02-14 16:43:56.862622"},
{"type":"withdrawal","amount":7386.37,"timestamp":"2024-06-22 15:53:31.862626"},
{"type":"withdrawal","amount":6736.54,"timestamp":"2023-10-20 10:38:43.862630"},
{"type":"withdrawal","amount":2932.01,"timestamp":"2024-01-20 18:48:38.862634"},
{"type":"withdrawal","amount":459.25,"timestamp":"2024-07-15 15:51:45.862639"},
{"type":"deposit","amount":3860.34,"timestamp":"2024-09-01 05:35:19.862643"},
{"type":"withdrawal","amount":5660.79,"timestamp":"2024-02-03 00:41:20.862647"},
{"type":"deposit","amount":7100.54,"timestamp":"2024-09-11 02:20:22.862651"},
{"type":"deposit","amount":3566.43,"timestamp":"2023-12-01 01:54:06.862656"},
{"type":"deposit","amount":6981.07,"timestamp":"2023-09-19 23:08:04.862660"},
{"type":"deposit","amount":35.57,"timestamp":"2024-03-10 09:43:52.862664"},
{"type":"deposit","amount":2089.9,"timestamp":"2024-08-07 23:51:11.862668"},
{"type":"withdrawal","amount":7658.78,"timestamp":"2024-02-03 21:36:01.862673"},
{"type":"deposit","amount":7548.45,"timestamp":"2024-07-19 03:21:59.862679"},
{"type":"deposit","amount":7106.67,"timestamp":"2024-03-06 04:02:33.862683"},
{"type":"withdrawal","amount":7377.08,"timestamp":"2023-12-25 23:35:18.862687"},
{"type":"deposit","amount":3494.7,"timestamp":"2023-09-28 18:57:33.862692"},
{"type":"deposit","amount":826.44,"timestamp":"2024-02-14 12:29:19.862696"},
{"type":"deposit","amount":7045.93,"timestamp":"2024-06-25 15:48:51.862700"},
{"type":"deposit","amount":2596.75,"timestamp":"2024-06-02 12:38:16.862704"},
{"type":"deposit","amount":8655.09,"timestamp":"2024-05-27 11:12:18.862708"},
{"type":"deposit","amount":8524.03,"timestamp":"2024-06-15 15:01:52.862712"},
{"type":"deposit","amount":7030.09,"timestamp":"2024-09-04 03:46:53.862716"},
{"type":"deposit","amount":2979.93,"timestamp":"2024-01-28 10:18:12.862721"},
{"type":"withdrawal","amount":2273.99,"timestamp":"2023-12-18 08:16:00.862725"},
{"type":"deposit","amount":8712.37,"timestamp":"2024-02-13 22:40:39.862729"},
{"type":"withdrawal","amount":8232.82,"timestamp":"2023-10-18 12:50:42.862734"},
{"type":"withdrawal","amount":3099.15,"timestamp":"2023-12-02 11:39:42.862738"},
{"type":"deposit","amount":6924.96,"timestamp":"2024-08-29 15:21:21.862742"},
{"type":"deposit","amount":6198.24,"timestamp":"2023-11-27 17:02:16.862746"},
{"type":"deposit","amount":508.24,"timestamp":"2024-06-14 03:41:20.862751"},
{"type":"deposit","amount":2095.44,"timestamp":"2023-09-28 05:09:46.862755"},
{"type":"withdrawal","amount":2255.95,"timestamp":"2023-11-10 06:56:50.862759"},
{"type":"withdrawal","amount":1363.17,"timestamp":"2024-06-14 20:02:58.862764"},
{"type":"withdrawal","amount":8440.51,"timestamp":"2024-06-16 05:01:01.862768"},
{"type":"withdrawal","amount":7964.74,"timestamp":"2023-10-14 12:07:50.862772"},
{"type":"withdrawal","amount":2963.75,"timestamp":"2023-09-15 00:08:51.862776"},
{"type":"deposit","amount":1728.07,"timestamp":"2023-09-30 02:07:53.862780"},
{"type":"withdrawal","amount":3984.84,"timestamp":"2023-11-03 13:13:22.862784"},
{"type":"deposit","amount":8602.21,"timestamp":"2023-11-18 12:49:57.862789"},
{"type":"deposit","amount":3339.59,"timestamp":"2023-12-06 21:02:05.862793"},
{"type":"withdrawal","amount":917.79,"timestamp":"2023-10-06 16:08:41.862797"},
{"type":"deposit","amount":9144.43,"timestamp":"2024-07-13 20:18:01.862801"},
{"type":"withdrawal","amount":9369.23,"timestamp":"2024-01-17 04:10:03.862805"},
{"type":"withdrawal","amount":6470.13,"timestamp":"2024-09-03 14:13:37.862810"},
{"type":"withdrawal","amount":3507.08,"timestamp":"2023-12-13 17:31:15.862814"},
{"type":"deposit","amount":4762.17,"timestamp":"2024-01-04 06:27:46.862818"},
{"type":"deposit","amount":2472.77,"timestamp":"2023-11-02 01:36:10.862822"},
{"type":"withdrawal","amount":6613.17,"timestamp":"2024-06-01 07:29:59.862827"},
{"type":"deposit","amount":1651.9,"timestamp":"2024-01-13 13:28:30.862831"},
{"type":"withdrawal","amount":1211.56,"timestamp":"2024-07-01 15:42:08.862835"},
{"type":"withdrawal","amount":5155.27,"timestamp":"2023-12-05 15:16:51.862839"},
{"type":"deposit","amount":8183.37,"timestamp":"2024-07-06 18:54:58.862843"},
{"type":"deposit","amount":3285.02,"timestamp":"2023-09-30 15:55:04.862847"},
{"type":"withdrawal","amount":5485.4,"timestamp":"2023-10-16 11:42:01.862852"},
{"type":"deposit","amount":9921.35,"timestamp":"2024-03-24 22:30:34.862856"},
{"type":"withdrawal","amount":1327.29,"timestamp":"2024-07-12 20:26:58.862860"},
{"type":"withdrawal","amount":5370.98,"timestamp":"2023-12-17 00:39:12.862864"},
{"type":"deposit","amount":961.42,"timestamp":"2024-02-24 12:17:20.862868"},
{"type":"deposit","amount":9816.58,"timestamp":"2023-12-26 12:41:48.862872"},
{"type":"withdrawal","amount":7265.58,"timestamp":"2024-05-30 22:30:47.862877"},
{"type":"withdrawal","amount":2124.11,"timestamp":"2024-06-28 03:56:41.862881"},
{"type":"withdrawal","amount":305.99,"timestamp":"2024-05-29 05:22:25.862885"},
{"type":"deposit","amount":9134.79,"timestamp":"2024-03-11 07:25:16.862890"},
{"type":"deposit","amount":1935.34,"timestamp":"2024-03-11 23:55:05.862894"},
{"type":"withdrawal","amount":2052.57,"timestamp":"2023-12-05 02:38:24.862898"},
{"type":"deposit","amount":333.32,"timestamp":"2024-06-18 19:36:33.862902"},
{"type":"deposit","amount":3995.41,"timestamp":"2024-08-18 12:14:48.862906"},
{"type":"withdrawal","amount":8227.96,"timestamp":"2023-12-22 15:13:55.862911"},
{"type":"withdrawal","amount":3897.61,"timestamp":"2024-08-10 02:47:03.862915"},
{"type":"deposit","amount":8384.36,"timestamp":"2024-01-02 13:52:40.862920"},
{"type":"deposit","amount":4685.36,"timestamp":"2024-08-27 06:02:36.862924"},
{"type":"withdrawal","amount":1996.3,"timestamp":"2024-05-26 20:28:56.862928"},
{"type":"withdrawal","amount":80.45,"timestamp":"2024-01-23 17:36:09.862932"},
{"type":"withdrawal","amount":6560.35,"timestamp":"2024-08-29 15:47:56.862936"},
{"type":"deposit","amount":5304.55,"timestamp":"2023-09-27 06:29:27.862940"},
{"type":"deposit","amount":9335.86,"timestamp":"2023-10-19 09:37:13.862944"},
{"type":"withdrawal","amount":7541.55,"timestamp":"2024-01-19 02:32:51.862948"},
{"type":"withdrawal","amount":9472.41,"timestamp":"2024-03-01 02:20:15.862953"},
{"type":"deposit","amount":461.4,"timestamp":"2023-09-30 17:04:20.862957"},
{"type":"deposit","amount":6824.9,"timestamp":"2023-09-19 03:42:45.862961"},
{"type":"withdrawal","amount":5834.07,"timestamp":"2024-01-03 00:10:04.862966"},
{"type":"deposit","amount":1921.43,"timestamp":"2024-01-02 07:29:25.862970"},
{"type":"deposit","amount":8264.32,"timestamp":"2024-02-18 14:31:30.862974"},
{"type":"withdrawal","amount":1634.83,"timestamp":"2024-07-25 23:01:32.862978"},
{"type":"withdrawal","amount":9303.89,"timestamp":"2023-12-21 05:22:36.862982"},
{"type":"deposit","amount":6085.67,"timestamp":"2024-09-13 10:49:09.862987"},
{"type":"withdrawal","amount":819.11,"timestamp":"2024-06-16 08:22:48.862992"},
{"type":"deposit","amount":2344.62,"timestamp":"2023-11-01 04:35:00.862996"},
{"type":"withdrawal","amount":7155.38,"timestamp":"2024-02-20 16:54:28.863000"},
{"type":"withdrawal","amount":3739.44,"timestamp":"2023-11-24 00:56:35.863004"},
{"type":"deposit","amount":8720.49,"timestamp":"2024-06-24 16:58:32.863009"},
{"type":"deposit","amount":2821.32,"timestamp":"2024-04-20 04:05:33.863013"},
{"type":"deposit","amount":72.82,"timestamp":"2023-09-18 00:08:18.863018"},
{"type":"deposit","amount":125.97,"timestamp":"2024-08-17 20:33:29.863022"},
{"type":"withdrawal","amount":9972.39,"timestamp":"2024-04-04 21:20:58.863026"},
{"type":"deposit","amount":1141.49,"timestamp":"2024-01-24 01:10:14.863031"},
{"type":"withdrawal","amount":8994.68,"timestamp":"2024-07-10 12:45:43.863035"},
{"type":"withdrawal","amount":5141.68,"timestamp":"2023-11-01 20:51:21.863039"},
{"type":"withdrawal","amount":9717.04,"timestamp":"2023-10-24 16:25:34.863043"},
{"type":"withdrawal","amount":2616.87,"timestamp":"2024-08-24 04:09:49.863048"},
{"type":"withdrawal","amount":1016.3,"timestamp":"2023-11-25 18:17:04.863052"},
{"type":"deposit","amount":8327.22,"timestamp":"2024-06-28 17:49:22.863056"},
{"type":"deposit","amount":8215.86,"timestamp":"2024-06-07 17:16:18.863061"},
{"type":"withdrawal","amount":4057.46,"timestamp":"2024-02-01 21:54:20.863065"},
{"type":"deposit","amount":7814.53,"timestamp":"2024-04-06 14:44:48.863071"},
{"type":"withdrawal","amount":1064.11,"timestamp":"2024-06-19 23:30:45.863075"},
{"type":"deposit","amount":4404.86,"timestamp":"2024-05-03 16:40:24.863080"},
{"type":"deposit","amount":3391.11,"timestamp":"2024-03-09 09:07:16.863084"},
{"type":"deposit","amount":2911.23,"timestamp":"2024-08-15 08:52:30.863088"},
{"type":"withdrawal","amount":4180.7,"timestamp":"2024-03-06 18:09:27.863092"},
{"type":"withdrawal","amount":6876.93,"timestamp":"2023-09-18 19:43:53.863096"},
{"type":"deposit","amount":9471.26,"timestamp":"2024-06-02 15:04:54.863100"},
{"type":"withdrawal","amount":9927.18,"timestamp":"2024-03-05 11:39:07.863104"},
{"type":"deposit","amount":5162.79,"timestamp":"2024-01-13 16:02:02.863109"},
{"type":"withdrawal","amount":4676.79,"timestamp":"2024-01-19 17:05:16.863113"},
{"type":"deposit","amount":4539.99,"timestamp":"2024-07-25 12:55:12.863117"},
{"type":"deposit","amount":2225.16,"timestamp":"2024-07-15 05:44:12.863121"},
{"type":"withdrawal","amount":5823.32,"timestamp":"2023-10-31 09:07:52.863126"},
{"type":"deposit","amount":641.29,"timestamp":"2024-05-14 20:43:09.863130"},
{"type":"withdrawal","amount":1329.39,"timestamp":"2023-11-06 23:38:32.863134"},
{"type":"withdrawal","amount":5250.33,"timestamp":"2024-02-15 14:29:25.863138"},
{"type":"deposit","amount":2995.42,"timestamp":"2024-01-19 10:37:03.863142"},
{"type":"withdrawal","amount":5079.67,"timestamp":"2024-03-14 00:59:46.863147"},
{"type":"withdrawal","amount":4145.48,"timestamp":"2024-03-04 00:12:51.863151"},
{"type":"withdrawal","amount":2097.88,"timestamp":"2024-09-13 19:42:53.863155"},
{"type":"withdrawal","amount":3884.0,"timestamp":"2023-09-19 19:34:15.863160"},
{"type":"deposit","amount":7508.02,"timestamp":"2024-05-22 23:23:43.863165"},
{"type":"withdrawal","amount":1581.35,"timestamp":"2023-12-04 10:30:41.863169"},
{"type":"withdrawal","amount":1734.6,"timestamp":"2024-04-11 17:36:20.863173"},
{"type":"deposit","amount":5572.8,"timestamp":"2024-05-23 08:24:54.863177"},
{"type":"deposit","amount":8974.3,"timestamp":"2024-04-03 23:18:11.863181"},
{"type":"deposit","amount":6559.85,"timestamp":"2024-09-03 06:51:45.863185"},
{"type":"withdrawal","amount":3892.97,"timestamp":"2023-11-07 21:26:11.863192"},
{"type":"deposit","amount":2109.89,"timestamp":"2023-10-18 01:16:41.863196"},
{"type":"withdrawal","amount":5372.6,"timestamp":"2023-12-25 16:08:07.863201"},
{"type":"deposit","amount":1147.63,"timestamp":"2024-05-02 06:18:07.863205"},
{"type":"withdrawal","amount":4869.56,"timestamp":"2024-03-26 15:18:02.863210"},
{"type":"deposit","amount":486.98,"timestamp":"2024-03-12 01:10:43.863214"},
{"type":"deposit","amount":5892.49,"timestamp":"2024-04-18 07:53:51.863219"},
{"type":"withdrawal","amount":9503.32,"timestamp":"2024-02-10 19:25:36.863223"},
{"type":"withdrawal","amount":6867.62,"timestamp":"2024-07-20 04:23:12.863227"},
{"type":"deposit","amount":9925.96,"timestamp":"2024-01-24 05:31:44.863231"},
{"type":"deposit","amount":4095.52,"timestamp":"2024-02-17 15:03:37.863236"},
{"type":"withdrawal","amount":1563.08,"timestamp":"2024-03-19 02:51:18.863240"},
{"type":"withdrawal","amount":901.99,"timestamp":"2024-09-05 16:58:50.863244"},
{"type":"withdrawal","amount":544.3,"timestamp":"2024-06-09 18:38:22.863248"},
{"type":"deposit","amount":2262.23,"timestamp":"2024-06-28 15:46:50.863252"},
{"type":"withdrawal","amount":2445.52,"timestamp":"2023-12-22 01:17:46.863256"},
{"type":"withdrawal","amount":1028.95,"timestamp":"2023-11-02 08:15:34.863261"},
{"type":"withdrawal","amount":8134.08,"timestamp":"2024-07-29 22:35:04.863305"},
{"type":"deposit","amount":4765.19,"timestamp":"2024-03-19 16:43:46.863385"},
{"type":"withdrawal","amount":6134.88,"timestamp":"2024-01-07 21:39:12.863390"},
{"type":"withdrawal","amount":2455.23,"timestamp":"2024-02-03 19:30:12.863394"},
{"type":"withdrawal","amount":5057.24,"timestamp":"2023-11-27 00:43:18.863399"},
{"type":"withdrawal","amount":1857.08,"timestamp":"2024-02-20 13:16:01.863404"},
{"type":"deposit","amount":2390.24,"timestamp":"2023-11-07 16:32:34.863408"},
{"type":"withdrawal","amount":9644.52,"timestamp":"2023-09-22 22:15:49.863413"},
{"type":"deposit","amount":7197.01,"timestamp":"2024-01-18 01:27:53.863417"},
{"type":"withdrawal","amount":2587.14,"timestamp":"2024-07-21 22:11:29.863421"},
{"type":"deposit","amount":9947.68,"timestamp":"2024-03-24 05:18:55.863463"},
{"type":"withdrawal","amount":569.41,"timestamp":"2024-08-29 08:09:37.863490"},
{"type":"withdrawal","amount":8072.83,"timestamp":"2024-09-03 05:42:44.863499"},
{"type":"deposit","amount":2769.58,"timestamp":"2024-01-08 19:39:31.863506"},
{"type":"withdrawal","amount":5575.23,"timestamp":"2024-05-21 21:45:44.863513"},
{"type":"withdrawal","amount":6311.04,"timestamp":"2024-07-21 14:54:05.863521"},
{"type":"deposit","amount":938.51,"timestamp":"2023-10-04 13:24:19.863527"},
{"type":"withdrawal","amount":9785.71,"timestamp":"2024-07-06 12:51:56.863534"},
{"type":"withdrawal","amount":7617.47,"timestamp":"2024-04-02 23:14:16.863541"},
{"type":"deposit","amount":8118.54,"timestamp":"2024-08-06 04:02:35.863548"},
{"type":"withdrawal","amount":4099.96,"timestamp":"2024-06-05 17:44:20.863554"},
{"type":"deposit","amount":238.81,"timestamp":"2024-08-04 12:58:56.863561"},
{"type":"withdrawal","amount":7011.13,"timestamp":"2024-08-06 02:46:57.863567"},
{"type":"deposit","amount":9972.32,"timestamp":"2023-10-09 10:42:30.863574"},
{"type":"withdrawal","amount":9708.03,"timestamp":"2024-04-14 17:11:41.863580"},
{"type":"deposit","amount":6930.46,"timestamp":"2024-07-31 20:44:32.863644"},
{"type":"deposit","amount":1411.43,"timestamp":"2023-11-24 22:51:27.863663"},
{"type":"withdrawal","amount":7396.21,"timestamp":"2024-05-01 07:34:15.863671"},
{"type":"withdrawal","amount":9421.77,"timestamp":"2024-03-18 20:35:42.863679"},
{"type":"deposit","amount":2483.67,"timestamp":"2024-03-24 17:47:14.863685"},
{"type":"withdrawal","amount":1194.94,"timestamp":"2024-06-12 23:35:29.863692"},
{"type":"withdrawal","amount":6600.73,"timestamp":"2023-11-20 06:56:27.863698"},
{"type":"withdrawal","amount":7800.2,"timestamp":"2023-11-25 16:57:21.863707"},
{"type":"withdrawal","amount":6506.68,"timestamp":"2024-04-27 02:48:41.863714"},
{"type":"withdrawal","amount":5901.7,"timestamp":"2024-06-04 19:10:51.863720"},
{"type":"deposit","amount":2994.35,"timestamp":"2024-01-18 13:53:07.863727"},
{"type":"withdrawal","amount":4043.79,"timestamp":"2024-08-05 16:18:34.863733"},
{"type":"withdrawal","amount":9662.18,"timestamp":"2024-02-06 20:57:14.863740"},
{"type":"withdrawal","amount":7617.22,"timestamp":"2024-03-01 20:54:59.863747"},
{"type":"withdrawal","amount":6249.78,"timestamp":"2023-09-25 12:21:45.863753"},
{"type":"deposit","amount":4327.76,"timestamp":"2024-07-01 00:58:01.863760"},
{"type":"withdrawal","amount":8186.81,"timestamp":"2023-11-25 22:28:56.863766"},
{"type":"deposit","amount":932.23,"timestamp":"2024-06-16 10:08:15.863773"},
{"type":"deposit","amount":4604.7,"timestamp":"2024-02-08 09:15:53.863820"},
{"type":"deposit","amount":6677.05,"timestamp":"2024-05-06 02:58:42.863826"},
{"type":"deposit","amount":9810.44,"timestamp":"2024-02-15 19:12:52.863851"},
{"type":"withdrawal","amount":3450.07,"timestamp":"2024-07-14 02:10:28.863886"},
{"type":"deposit","amount":2293.49,"timestamp":"2024-07-09 08:29:33.863908"},
{"type":"withdrawal","amount":869.7,"timestamp":"2024-03-10 23:03:50.863916"},
{"type":"withdrawal","amount":7467.0,"timestamp":"2024-07-28 17:32:57.863924"},
{"type":"withdrawal","amount":8487.58,"timestamp":"2024-08-01 23:05:06.863931"},
{"type":"deposit","amount":7947.39,"timestamp":"2023-11-17 15:56:57.863937"},
{"type":"withdrawal","amount":4404.56,"timestamp":"2024-06-17 09:52:59.863944"},
{"type":"deposit","amount":3793.46,"timestamp":"2024-03-15 05:22:53.863952"},
{"type":"withdrawal","amount":6046.69,"timestamp":"2023-09-18 15:05:41.863959"},
{"type":"deposit","amount":3758.01,"timestamp":"2023-11-13 05:43:44.863965"},
{"type":"withdrawal","amount":700.29,"timestamp":"2024-05-28 19:48:27.863971"},
{"type":"deposit","amount":4044.84,"timestamp":"2024-05-07 08:38:45.863978"},
{"type":"withdrawal","amount":6787.08,"timestamp":"2024-03-22 13:33:04.863985"}
],
"MA_5_EXTENSION":[
234.34,212.46,228.56,209.19,223.68,242.5,225.93,219.47,241.34,208.85,232.41,219.51,240.59,200.59,205.85,237.24,
203.73,217.93,223.4,204.42,234.54,200.67,242.43,216.14,218.47,228.74,214.67,209.03,233.21,221.63,211.74,245.42,
209.38,217.39,247.27,225.03,201.75,246.12,207.74,247.79,214.59,238.44,233.35,244.36,223.74,220.15,248.49,
207.66,231.45,208.04,223.95,230.41,247.04,225.97,226.84,231.9,202.0,219.07,234.87,212.52,216.84,231.42,234.41,
240.72,216.07,219.27,209.44,211.72,203.16,202.5,201.8,208.66,214.73,215.27,213.13,217.9,222.0,209.43,246.91,
211.22,208.26,239.9,233.53,203.98,228.58,229.42,218.44,232.89,224.71,234.41,235.7,201.72,247.17,246.42,221.3,
236.7,220.84,242.23,208.46,221.29,234.77,201.07,226.68,205.36,205.88,211.04,206.76,218.54,227.85,210.04,227.5,
246.89,227.4,218.59,209.59,230.27,209.93,210.92,242.29,223.01,218.77,248.7,210.19,220.49,235.59,244.22,216.49,
235.28,238.19,202.89,236.94,232.9,217.01,208.03,215.07,202.95,239.8,248.69,225.2,245.02,202.05,204.51,224.49,
224.31,239.6,249.27,206.73,201.62,238.52,217.94,216.7,231.97,222.06,234.37,237.12,238.63,228.32,249.24,209.51,
248.49,221.7,216.82,217.42,212.33,211.35,241.29,242.15,242.99,237.38,245.87,248.76,215.87,247.86,238.14,236.66,
248.29,248.84,243.05,217.98,226.05,235.49,240.46,203.77,230.4,226.03,207.89,207.63,205.22,244.38,205.66,233.44,
229.58,216.74,214.93,246.03,202.79,217.5,209.19,243.75,245.48,232.76,218.45,231.21,229.49,227.26,242.22,208.83,
242.72,233.49,210.31,220.56,248.73,239.5,224.09,206.75,200.16,219.42,204.76,231.25,234.26,235.58,211.52,231.44,
211.63,210.23,241.75,202.96,244.1,206.72,203.46,223.18,229.26,219.24,237.11,247.06,225.04,214.83,213.06,245.9,
228.8,220.99,242.07,211.58,200.26,238.21,231.18,227.68,227.79,203.91,245.79,230.2,243.33,213.22,246.69,226.38,
240.41,230.12,228.79,216.71,244.25,234.17,242.5,247.94,245.98,235.52,246.41,241.46,215.11,222.72,234.23,247.02,
214.27,217.39,219.29,245.75,213.17,204.61,230.45,204.65,234.13,214.18,209.54,211.85,226.62,239.91,230.59,
228.55,218.93,229.02,245.3,241.86,220.38,239.38,245.11,243.19,228.73,239.52,243.05,234.18,202.04,200.24,247.5,
223.48,233.01,217.87,247.78,221.86,210.23,229.07,223.48,230.37,249.81,243.19,220.34,211.83,206.53,248.65,
234.34,221.97,238.52,216.4,235.49,234.69,201.55,209.01,224.55,219.26,247.63,224.8,235.23,203.79,247.1,206.0,
234.77,236.09,213.0,239.46,249.5,237.38,244.05,237.2,211.81,220.29,214.86,228.47,206.9,241.81,241.77,225.59,
232.44,217.97,208.47,245.44,215.6,205.19,203.12,216.12,203.29,240.69,223.53,237.27,216.27,230.97,218.5,225.14,
248.6,201.85,215.11,207.02,201.11,202.57,240.68,215.31,213.85,228.66,223.78,239.92,211.71,201.41,219.63,239.73,
249.76,229.19,227.31,214.23,203.55,243.25,243.23,232.05,237.58,239.41,206.77,244.84,231.77,231.12,248.33,
206.83,201.52,246.06,207.75,214.21,245.48,208.62,238.69,216.16,217.19,205.01,214.9,221.79,214.44,240.79,232.79,
216.22,244.2,230.2,201.34,203.97,214.33,237.39,205.5,241.66,216.34,241.98,245.07,223.24,226.02,249.1,248.49,
217.88,228.78,222.57,231.82,233.5,234.81,220.38,207.02,226.51,242.31,241.79,236.26,204.65,222.88,207.41,213.13,
248.79,249.27,237.32,218.53,245.0,216.8,201.84,202.99,201.4,216.2,243.6,215.88,228.36,228.53,212.31,222.71,
223.99,231.39,209.4,247.96,219.05,241.28,230.77,208.24,231.95,204.76,244.29,202.73,240.33,208.18,223.6,203.25,
218.37,210.94,203.75,246.2,200.66,213.04,216.23,247.51,231.03,221.5,212.68,226.81,227.88,230.89,237.03,229.55,
222.73,204.81,200.17,206.93,221.32,237.61,236.46,247.8,214.39,238.38,207.6,208.55,205.6,224.67,247.13,213.18,
247.88,231.91,240.0,201.42,227.21,233.71,222.23,201.69,240.89,218.63,205.76,222.61,230.17,225.3,243.76,216.04,
241.54,223.2,213.36,209.84,236.7,232.14,209.69,206.5,203.31,241.28,238.37,213.8,203.51,221.69,220.39,208.55,
233.25,206.83,206.18,248.27,244.28,221.45,215.84,246.73,237.7,202.37,234.26,200.11,217.29,239.49,248.17,201.77,
209.76,218.62,202.16,231.32,221.45,215.26,232.14,227.61,239.43,212.61,237.29,208.43,229.03,217.97,230.57,
208.22,215.76,218.09,208.23,246.24,218.68,225.7,224.08,208.25,249.54,236.54,219.18,242.05,229.47,207.09,233.65,
200.11,242.54,203.25,236.78,247.21,224.4,228.48,203.14,237.12,237.91,208.89,234.75,232.32,220.51,213.82,219.63,
215.98,237.74,215.57,237.69,208.35,220.66,248.86,232.39,220.33,232.82,223.96,237.47,235.78,216.16,219.03,
247.72,239.44,239.2,232.77,227.44,211.43,241.39,205.12,236.15,219.61,220.77,220.69,225.97,249.24,208.23,216.54,
214.33,233.74,216.18,235.66,205.38,233.75,243.39,205.21,237.85,247.44,244.47,207.92,235.8,204.21,216.65,209.0,
247.77,231.14,201.5,217.1,217.53,236.56,225.14,221.26,240.44,232.47,222.58,222.22,205.14,246.06,215.16,241.44,
238.93,239.6,224.88,215.64,203.83,227.4,210.93,224.38,207.66,247.1,209.24,229.12,228.54,203.61,246.5,234.08,
211.51,203.44,210.45,205.98,200.62,231.94,232.51,208.55,240.97,233.84,246.35,237.61,214.42,243.83,226.13,
208.39,220.06,213.93,241.2,210.39,240.79,214.78,217.89,235.86,232.05,224.73,226.45,231.63,228.46,230.46,205.88,
241.91,237.68,218.61,239.38,223.42,201.88,228.12,208.73,245.58,202.02,214.99,243.14,218.07,220.29,233.13,
215.23,215.2,237.47,244.25,209.93,223.16,234.7,222.42,214.57,227.63,218.97,227.28,237.34,217.68,224.1,227.73,
242.69,200.91,216.23,205.74,240.21,209.44,209.38,217.6,216.94,220.28,240.91,202.78,243.75,216.63,216.17,231.57,
226.62,212.28,240.49,226.17,241.36,200.02,220.62,249.73,225.1,211.36,215.67,248.86,240.17,204.61,226.86,231.03,
204.06,212.27,244.51,216.36,219.96,212.73,212.52,229.03,215.9,225.45,226.88,227.45,205.27,247.02,209.35,226.98,
249.71,206.62,222.45,210.71,234.82,238.48,234.14,219.28,245.76,225.79,202.91,249.34,210.31,220.88,231.77,
235.72,214.81,249.78,248.75,222.82,228.36,228.94,239.89,216.84,230.64,245.52,209.61,229.39,205.05,242.57,
224.57,245.41,204.87,227.86,206.9,229.3,240.84,201.52,211.28,213.73,224.07,242.69,202.64,230.89,228.11,215.13,
243.93,211.35,214.13,221.66,225.87,202.21,245.74,239.28,236.78,220.16,201.45,210.36,231.77,242.26,248.02,229.7,
210.85,206.13,248.14,203.83,243.65,239.36,212.03,231.86,207.29,244.67,216.0,211.94,224.84,203.12,227.53,239.49,
203.47,241.19,244.88,245.47,240.33,235.46,210.3,226.45,240.39,211.89,218.48,220.92,231.43,227.32,218.1,243.33,
229.86,229.57,228.16,218.06,229.98,217.66,220.69,241.26,212.53,234.04,249.25,243.27,237.9,227.49,241.34,202.31,
219.34,248.52,234.83,237.91,201.74,210.67,205.69,205.2,215.27,204.91,227.44,245.41,202.53,220.57,227.42,241.71,
207.58,201.64,234.92,201.17,223.28,212.88,229.16,210.88,214.73,244.79,224.59,235.25,223.08,218.11,231.53,
208.05,238.53,205.61,210.46,213.63,233.81,235.0,240.66,236.51,225.32,240.07,242.32,216.75,208.12,201.56,221.9,
203.69,215.17,243.11,202.49,244.87,226.47,206.35,206.92,210.18,205.33,232.02,232.94,229.63,239.93,239.03,249.1,
214.29,209.46,229.86,227.36,212.77,217.3,242.36,222.02,236.13,237.97,248.1,240.98,227.62,221.53,222.98,223.74,
212.64,203.45,200.19,213.99,227.42,218.06,217.13,200.47,247.03,211.68,241.21,215.62,227.19,236.98,213.06,207.9,
241.25,230.33,217.48,214.69,235.41,239.61,222.36,230.68,245.52,245.27,227.17,208.49,207.35,235.29,238.78,
238.44,205.98,233.31,221.86,216.54,206.17,206.4,235.3,215.47,219.86,221.86,237.1,209.9,236.01,244.4,221.2,
214.69,204.12,238.58,233.32,234.98,225.48,211.99,243.5,213.98,207.48,220.04,248.03,231.39,205.55,234.28,236.41,
200.26,203.71,209.94,216.93,235.94,221.85,205.66,219.12,230.56,249.88,202.28,247.47,225.97,208.86,213.14,
241.22,245.34,233.51,232.22,214.45,244.71,201.62,208.43,236.9,220.98,231.91,210.25,238.67,231.76,208.86,240.61,
243.53,242.93,206.43,237.33,220.47,222.84,213.38,213.85,214.18,235.68,243.51,240.98,230.82,244.22,243.88,
204.92,249.98,249.97,237.16,229.41,228.18,242.13,217.61,221.04,234.2,243.95,248.06,237.63,241.35,228.93,235.02,
208.85,239.5,224.18,234.74,202.75,224.1,222.52,221.24,248.01,234.53,201.51,221.81,202.46,229.3,248.64,237.85,
218.56,219.41,217.68,223.72,241.01,225.05,214.31,204.63,233.79,211.82,235.16,216.93,200.08,200.52,224.22,
201.02,225.55,234.01,241.54,211.08,236.37,233.49,225.76,204.22,204.03,200.52,237.95,212.82,247.07,239.06,
232.66,202.73,200.47,223.98,207.98,207.21,235.12,236.51,230.2,219.97,215.85,233.3,243.77,221.85,239.12,238.56,
210.4,224.89,242.0,216.77,220.88,247.0,200.18,229.46,221.39,232.11,203.51,229.74,208.89,220.08,209.96,200.93,
236.54,235.37,230.96,238.55,217.21,241.04,224.87,243.47,233.74,221.96,231.25,248.15,201.75,202.84,222.37,
228.32,238.42,221.47,210.12,232.44,203.72,249.4,212.04,247.15,234.27,223.64,245.2,239.76,249.47,223.81,208.67,
211.81,226.68,219.84,224.52,214.46,204.15,208.09,223.97,238.09,231.88,206.48,202.63,211.83,215.07,209.41,
211.68,246.48,203.58,206.25,206.22,211.83,205.48,224.22,228.95,215.64,249.06,201.89,230.24,232.82,244.05,
202.56,215.98,232.05,247.27,226.06,223.99,201.69,202.57,213.04,238.6,234.04,216.55,202.39,234.5,202.76,243.7,
212.05,209.3,201.78,211.74,210.18,243.62,246.06,232.93,238.47,201.13,210.29,229.78,213.62,217.63,229.75,226.24,
201.99,241.21,215.69,234.0,218.38,202.94,219.2,248.05,231.34,248.2,245.41,225.14,216.24,230.88,228.61,212.49,
223.22,209.06,236.25,246.27,216.36,201.76,247.85,224.98,247.99,241.48,224.39,207.34,240.63,247.81,242.69,
208.17,221.19,231.55,210.92,216.14,220.28,220.56,243.31,200.95,215.95,210.22,204.38,244.15,235.69,201.32,
212.78,235.78,222.26,246.77,224.26,248.4,237.13,228.55,245.04,233.35,238.91,224.72,213.14,221.36,209.82,217.88,
204.85,235.16,246.43,208.6,233.6,229.07,237.34,243.44,229.46,206.44,245.1,228.98,217.86,206.97,226.56,209.72,
221.73,244.31,238.8,235.94,230.79,207.14,249.19,208.69,238.74,225.65,210.61,204.7,202.5,218.92,210.67,233.17,
249.61,239.77,219.07,213.58,212.45,235.09,239.6,205.65,215.12,238.56,202.91,217.85,242.38,247.84,240.03,208.58,
219.59,221.16,218.84,237.26,227.84,237.25,208.54,217.87,214.1,231.01,211.81,214.05,230.18,239.66,232.64,227.54,
214.49,231.61,207.72,220.24,227.48,220.18,218.54,207.45,209.66,217.96,228.37,242.8,216.42,204.57,225.22,232.88,
208.37,211.94,249.31,238.47,220.17,209.28,238.23,241.24,226.94,231.85,213.42,214.61,247.13,208.9,223.89,237.1,
233.81,203.23,246.29,234.11,238.19,233.32,212.28,232.36,205.22,213.64,244.17,235.23,206.86,221.85,239.27,
214.47,202.09,212.27,215.58,226.57,219.67,203.67,249.41,235.5,230.65,244.98,232.18,245.62,241.09,226.63,241.48,
216.65,238.83,212.25,249.8,237.71,240.81,233.55,246.4,218.68,209.97,216.77,200.35,207.43,201.14,225.15,201.42,
204.29,234.39,247.94,249.22,201.51,215.1,227.99,240.51,213.12,211.7,202.53,219.81,223.27,245.17,209.78,223.64,
249.28,202.71,247.39,247.86,246.27,213.75,229.21,214.58,206.49,205.16,212.02,218.23,209.54,216.49,206.23,
200.14,210.04,231.11,217.37,215.54,204.77,243.71,204.42,204.09,219.17,241.78,235.5,244.67,207.74,202.74,233.95,
230.06,247.8,200.91,247.75,202.75,241.35,228.98,245.84,246.56,236.77,209.8,217.67,235.26,242.91,218.12,226.28,
206.76,230.02,220.27,209.19,249.16,205.72,246.96,203.63,249.0,217.21,242.26,248.15,249.21,200.41,243.51,225.29,
207.63,231.34,229.34,231.26,226.12,226.14,214.54,249.64,211.36,247.61,244.01,231.3,223.4,240.1,205.67,204.72,
218.73,233.01,227.48,238.76,206.09,228.28,235.81,230.96,210.92,220.81,220.87,234.65,248.46,224.03,218.41,
233.38,209.69,229.73,242.08,244.57,203.8,215.05,223.16,225.1,229.5,232.18,215.27,222.36,249.15,235.2,220.92,
213.02,246.66,245.64,215.47,239.61,217.11,247.16,212.86,221.36,201.98,225.37,200.26,217.8,200.07,237.52,202.89,
245.12,240.6,234.99,221.55,246.91,246.75,247.47,248.83,230.06,239.88,208.5,231.4,211.91,246.63,222.58,234.09,
202.54,241.18,204.9,247.06,236.77,229.64,244.55,221.74,211.97,206.01,249.94,229.38,242.92,244.9,244.17,242.58,
244.78,243.2,234.46,229.96,241.87,224.85,228.13,210.69,225.86,201.92,216.24,243.06,221.97,219.82,220.04,245.57,
244.22,214.37,222.16,247.82,247.25,229.28,227.5,245.35,212.57,245.0,212.66,201.19,212.81,202.69,237.54,246.66,
249.85,205.78,210.25,221.8,214.34,239.09,205.67,212.15,219.41,221.56,216.27,233.48,218.52,218.23,234.97,234.17,
211.3,209.69,212.79,214.51,232.33,247.08,231.84,204.82,232.89,209.41,238.79,226.46,246.24,240.93,232.53,219.34,
217.94,234.57,207.97,225.04,248.03,247.82,246.8,248.02,231.82,243.03,240.11,238.26,204.75,234.44,244.79,227.53,
223.05,205.35,204.79,225.72,201.11,209.31,202.55,206.55,231.04,220.73,209.42,220.81,233.48,206.24,225.08,
221.87,242.63,208.1,238.89,238.49,235.14,246.31,225.87,241.94,233.86,243.63,237.48,207.32,245.33,221.31,218.4,
213.15,211.6,245.58,217.15,217.57,213.02,205.9,209.8,206.23,226.6,207.91,226.67,239.56,243.78,242.13,203.51,
206.75,205.65,238.77,201.32,230.35,213.28,210.78,202.04,246.37,245.02,228.23,240.11,204.24,248.8,219.39,204.47,
201.91,236.38,205.19,213.04,236.36,212.93,226.36,210.83,220.73,230.38,205.12,249.02,244.63,235.53,215.08,
248.65,243.99,243.77,242.59,225.79,236.56,213.15,246.86,216.18,220.8,241.33,217.04,228.16,246.31,230.91,207.71,
230.8,224.83,227.03,237.73,228.6,223.99,212.71,215.04,202.63,208.45,248.97,247.72,249.17,226.02,225.28,240.04,
214.66,231.82,219.25,202.24,204.49,217.45,239.98,233.65,210.32,203.11,203.11,238.57,210.01,245.86,228.47,
237.78,211.1,227.43,245.79,238.34,247.34,231.94,219.11,218.38,200.08,240.48,208.61,211.79,232.12,216.16,247.08,
212.9,220.17,237.59,206.92,226.25,202.71,210.24,230.4,242.33,248.1,200.71,216.85,210.76,237.11,241.58,234.13,
221.75,202.2,221.05,227.84,214.45,238.4,217.86,248.58,225.71,205.94,200.14,237.56,230.64,233.59,230.44,232.89,
233.35,229.86,211.5,235.16,204.53,221.91,200.38,216.77,226.9,212.48,213.03,200.14,208.27,209.42,241.48,225.79,
204.53,201.17,248.03,202.77,249.53,242.64,229.07,202.66,239.89,216.84,206.51,216.44,239.99,203.7,211.41,249.69,
209.74,210.58,249.12,230.31,242.02,246.14,228.5,240.23,214.78,226.76,236.56,232.26,226.95,218.55,241.22,223.93,
231.22,212.32,228.46,227.93,203.39,206.72,224.67,226.13,222.15,232.9,232.89,207.08,229.98,206.58,221.81,202.33,
235.51,200.24,206.36,205.46,249.65,206.02,229.9,238.33,201.22,203.3,213.82,247.96,226.92,210.21,221.1,216.58,
204.75,230.12,244.07,235.58,225.0,233.63,241.46,227.58,240.44,201.14,231.93
],
"MA_20_EXTENSION":[
225.08,209.54,242.23,200.66,205.5,236.61,235.66,244.32,207.04,236.46,221.74,244.56,228.39,234.78,202.53,220.66,
236.42,226.24,241.84,243.41,235.89,201.95,205.36,212.92,213.68,244.96,226.37,220.54,210.26,227.79,237.98,
216.51,232.9,226.55,224.83,241.6,200.69,201.19,234.43,238.86,228.16,246.28,219.07,202.35,220.67,209.64,232.44,
246.01,220.31,218.71,239.88,215.44,230.9,225.55,221.76,246.79,200.73,215.68,213.38,216.93,207.94,237.58,220.33,
202.92,205.26,201.63,201.63,236.59,232.47,230.27,227.7,223.37,219.11,208.19,238.09,249.31,222.32,218.54,245.4,
235.75,208.48,205.06,225.43,206.11,232.99,203.81,231.63,226.71,212.5,241.53,205.54,212.96,220.85,225.04,201.78,
203.17,248.58,237.84,208.68,227.47,216.42,246.09,249.88,212.09,216.04,236.87,226.44,215.98,210.94,224.81,
246.27,217.51,249.35,243.59,237.96,229.75,220.13,246.46,237.77,214.35,210.41,218.54,245.07,228.34,216.93,
222.17,244.04,222.41,244.65,249.78,231.81,215.9,248.55,213.27,246.73,226.81,208.56,235.33,238.37,234.08,243.31,
222.46,201.96,222.47,218.89,227.64,239.9,239.84,205.67,205.76,249.09,231.97,243.64,221.29,225.05,245.38,200.19,
208.39,200.98,210.95,235.38,206.0,214.04,243.4,216.22,247.28,206.33,229.49,235.97,200.06,220.1,224.69,217.56,
205.07,242.61,244.33,227.04,231.23,238.27,242.61,224.16,215.81,244.31,215.29,247.49,215.34,212.04,212.63,
222.03,248.33,225.08,236.25,236.94,207.59,241.13,243.28,234.46,244.9,226.53,202.92,205.58,232.41,200.62,248.19,
246.64,202.37,248.89,248.92,226.91,227.47,224.86,212.72,220.06,206.31,202.57,246.25,216.85,244.35,202.98,
248.45,232.63,249.22,232.0,211.7,225.26,232.94,207.25,223.02,222.74,205.15,247.57,238.17,226.01,232.91,222.82,
220.59,241.87,246.36,213.52,237.33,205.06,233.02,216.37,205.1,233.59,228.56,222.2,235.5,222.51,218.03,241.42,
248.57,241.2,248.81,241.5,230.6,248.41,225.15,238.78,216.54,239.62,219.48,214.61,216.46,241.53,228.64,214.11,
241.67,249.46,215.98,224.12,207.69,216.69,238.74,221.95,249.62,227.67,241.67,200.64,218.36,244.49,247.45,
238.53,246.45,225.52,233.95,218.63,223.58,206.99,236.61,220.97,241.03,222.28,216.62,201.19,240.39,203.77,
215.62,240.84,217.95,201.76,206.84,213.5,224.96,248.55,222.12,202.59,225.97,245.22,202.56,233.32,218.13,234.83,
203.19,204.51,201.9,228.39,200.62,239.65,209.53,242.31,210.88,211.02,202.35,234.14,201.38,213.23,249.38,223.72,
246.24,224.24,232.68,208.82,211.37,229.87,209.86,202.5,203.42,222.65,225.84,206.25,230.09,220.57,213.95,241.06,
218.02,229.95,206.48,218.35,216.78,249.93,205.86,228.24,239.7,200.02,233.89,210.52,249.32,218.47,216.47,243.06,
225.89,217.83,239.47,210.87,241.45,236.19,229.28,208.1,201.64,227.0,243.25,235.96,230.8,244.14,249.79,211.03,
240.98,243.39,208.81,207.34,200.97,245.5,218.27,211.38,202.76,232.16,204.41,225.07,201.13,200.47,202.9,240.04,
221.69,243.77,207.14,212.98,217.37,206.75,226.41,205.06,215.16,203.55,247.89,212.52,230.39,210.53,239.15,
240.39,233.48,221.16,247.82,247.51,246.73,215.43,243.93,244.04,222.43,218.48,217.12,221.82,205.15,227.84,
201.08,234.11,220.87,201.67,219.99,224.13,249.41,244.68,226.19,213.31,202.0,222.47,228.32,230.31,214.83,231.16,
236.58,246.23,225.09,207.8,248.27,229.74,206.35,232.81,214.26,202.04,200.33,202.79,217.11,248.5,230.09,214.61,
244.74,222.41,233.65,203.08,226.37,221.59,217.86,217.96,248.26,247.14,249.94,241.53,247.42,244.08,200.82,
201.72,214.28,233.08,238.2,201.0,244.98,231.72,205.01,230.74,243.2,238.72,208.66,230.99,233.12,216.17,213.8,
214.03,216.85,203.43,206.95,210.16,207.16,246.78,200.9,220.52,228.15,229.3,222.1,230.75,245.24,231.6,202.92,
217.6,214.39,248.74,215.45,245.03,220.55,249.02,225.8,241.35,240.32,234.41,231.31,220.48,209.37,243.39,216.41,
204.5,212.3,229.08,204.44,204.4,229.09,245.51,207.55,223.99,220.62,209.88,211.89,240.65,213.18,206.64,242.55,
218.13,229.47,201.35,201.46,209.38,225.0,202.3,234.71,215.53,201.87,230.69,235.06,239.77,243.9,227.65,201.35,
202.19,240.35,229.14,227.83,226.01,227.36,235.07,217.83,245.81,226.68,241.65,231.79,249.7,213.23,221.5,249.59,
226.06,213.51,202.43,226.36,246.4,224.65,218.35,201.94,248.97,209.44,228.91,206.41,239.28,209.15,245.91,213.99,
226.36,236.07,216.76,213.66,240.81,247.18,202.52,210.18,222.2,210.13,238.19,237.59,212.87,247.28,227.24,207.6,
243.08,209.69,211.4,204.6,239.47,236.23,227.25,242.52,200.65,232.17,210.13,241.14,200.77,228.72,224.79,220.2,
218.91,223.56,229.57,245.0,205.69,232.17,234.35,213.26,232.58,243.36,206.11,244.29,210.99,204.9,207.26,245.75,
218.98,246.3,215.4,225.76,217.99,230.01,204.55,200.52,237.78,221.29,204.09,215.05,214.55,237.16,231.61,219.74,
207.0,227.57,200.73,214.37,238.7,205.04,239.57,209.54,204.1,244.83,213.1,219.72,233.19,219.89,208.05,209.99,
219.33,207.1,239.21,207.08,247.46,232.72,217.34,225.89,236.16,210.52,249.37,204.01,241.96,221.88,232.89,236.36,
222.72,218.79,217.61,216.73,204.47,213.81,203.61,203.61,201.89,215.79,231.1,221.11,241.68,236.41,237.91,206.7,
220.55,238.16,239.35,214.0,206.55,222.93,238.82,226.28,209.76,227.35,245.4,238.12,218.37,210.09,210.37,217.15,
206.36,208.81,217.17,225.92,238.18,240.75,239.44,214.59,232.23,236.47,245.84,215.02,211.84,207.99,235.62,
233.26,220.23,238.46,205.59,247.98,243.54,241.24,246.77,237.66,243.32,222.86,200.53,246.69,239.15,214.35,
201.32,226.37,229.86,239.61,228.96,215.59,230.02,240.34,247.83,227.3,219.51,211.68,212.46,233.29,221.95,242.19,
210.37,204.57,239.47,219.55,236.46,203.09,222.47,240.12,201.67,234.2,229.35,227.19,215.69,249.43,237.54,221.43,
205.24,230.01,234.95,231.51,225.33,221.38,210.54,233.66,249.89,213.46,218.46,229.75,213.06,243.11,244.2,237.02,
208.16,240.17,203.55,230.35,201.02,203.81,216.4,241.61,246.9,224.16,236.15,235.37,236.86,238.41,206.54,210.32,
241.3,238.24,245.07,229.89,214.08,208.4,207.13,220.81,201.83,214.44,219.76,233.8,234.94,243.35,238.33,221.26,
237.21,225.83,238.2,208.75,240.19,220.94,242.03,224.91,219.37,211.1,205.38,212.35,208.34,243.77,233.86,212.6,
216.12,224.5,215.17,227.96,223.97,219.16,247.49,246.56,207.74,249.17,203.33,245.6,204.29,242.95,228.39,209.62,
211.25,207.53,225.52,245.48,240.58,231.69,236.94,227.77,224.2,202.09,228.9,237.61,219.77,205.31,203.48,222.14,
241.6,217.05,218.37,245.3,201.07,237.8,209.08,223.21,205.36,212.23,247.24,211.84,222.08,208.93,238.26,212.59,
241.11,209.08,206.37,215.26,222.82,227.57,239.22,249.13,243.81,219.54,208.28,212.19,220.99,240.34,222.48,
212.29,228.9,246.17,206.41,244.39,241.5,223.93,220.29,237.74,221.35,233.91,218.72,232.43,210.34,244.95,215.08,
212.21,244.97,215.54,222.64,208.14,205.03,228.44,233.1,233.33,218.83,203.14,246.76,226.77,226.97,206.69,227.13,
203.7,239.2,201.15,230.04,202.1,228.57,208.88,203.38,237.87,211.36,232.02,231.83,212.53,248.07,246.24,215.04,
214.09,219.51,235.03,242.24,238.38,234.87,223.23,244.05,222.91,249.49,203.86,233.42,211.91,228.33,202.14,
211.89,248.0,223.94,249.27,210.65,233.32,242.25,228.2,216.83,233.57,223.62,215.06,211.63,213.62,219.77,207.55,
247.28,229.05,247.37,223.12,233.65,206.78,224.13,222.31,209.09,201.74,242.77,224.27,244.39,202.95,212.48,
214.36,239.26,239.56,221.89,234.04,237.76,205.76,220.64,226.5,200.87,206.71,220.56,221.33,215.32,201.7,236.93,
242.47,215.44,233.76,216.87,222.15,204.67,208.28,239.39,219.67,211.42,211.16,237.35,215.12,210.5,212.45,204.15,
227.91,238.93,216.39,238.41,227.52,222.29,212.5,205.57,243.52,220.98,249.95,218.26,232.81,229.13,230.01,222.28,
218.98,228.73,221.0,247.5,201.61,213.42,205.15,217.94,226.4,225.13,244.5,245.73,226.21,211.89,246.11,236.19,
206.49,216.88,232.65,239.99,217.34,200.54,212.03,237.09,229.78,209.09,213.88,226.18,214.9,206.42,203.36,245.94,
216.04,247.35,237.22,240.48,225.23,225.64,230.54,228.0,200.86,237.68,233.58,225.87,208.33,203.38,242.33,224.01,
234.4,217.92,223.93,243.64,214.68,215.89,228.04,218.92,212.22,219.99,210.04,232.91,225.02,207.24,212.57,227.04,
237.46,245.62,237.78,228.54,232.66,222.45,202.66,215.13,233.66,211.0,206.5,205.79,200.65,233.09,211.05,233.01,
249.67,222.66,207.92,236.28,248.07,242.78,203.6,201.87,222.26,246.43,231.58,246.67,231.98,219.58,229.77,211.42,
230.96,235.79,249.52,232.46,210.77,218.29,218.02,219.46,220.37,215.0,216.33,227.46,203.37,210.32,218.63,218.49,
231.54,231.39,245.24,213.15,216.23,205.61,228.2,216.22,249.01,208.12,242.2,222.24,201.31,217.12,242.74,206.56,
223.31,249.31,209.93,236.83,213.18,224.75,219.7,249.61,226.56,235.29,230.45,222.23,244.52,207.01,246.5,200.93,
225.46,207.3,232.11,201.73,220.72,233.84,203.62,216.74,235.05,209.04,233.2,234.22,237.82,224.74,211.67,204.82,
201.03,241.61,200.04,241.98,218.57,230.05,223.28,232.85,222.73,240.39,217.12,247.44,211.77,240.75,226.03,
236.87,202.17,246.3,205.74,221.35,220.07,243.98,205.42,201.53,210.43,215.74,248.29,212.73,248.57,229.58,216.67,
215.35,237.55,214.03,224.77,246.72,206.57,228.14,245.84,219.1,223.51,227.72,220.35,240.59,211.7,243.61,223.86,
202.34,215.25,248.13,248.86,200.48,225.28,228.14,219.93,203.08,202.76,223.56,238.99,246.78,237.83,219.67,
224.15,249.21,225.02,242.7,203.92,235.19,244.81,213.47,220.67,212.59,224.62,223.08,210.0,239.92,201.72,206.72,
233.02,214.79,215.36,212.74,222.85,226.75,243.13,226.43,217.4,249.46,236.65,214.71,227.26,225.16,207.84,233.73,
202.87,211.76,222.27,202.75,240.49,207.76,238.71,234.67,213.07,244.31,211.49,221.92,232.57,238.63,249.43,
231.61,208.91,212.99,211.66,216.93,246.32,243.72,231.81,229.52,218.2,226.96,235.67,207.46,206.37,221.41,223.75,
205.25,213.18,219.08,224.06,202.85,213.12,231.98,223.18,202.67,218.32,210.79,233.25,224.8,217.89,211.21,227.32,
235.86,215.79,218.58,214.98,222.27,247.55,226.55,216.27,211.69,224.04,237.43,216.12,227.05,228.23,213.55,
206.31,203.8,226.69,208.29,246.83,200.31,237.9,210.4,242.27,229.05,218.24,203.02,234.55,203.13,238.42,211.32,
233.94,201.51,205.86,240.13,223.74,241.64,204.79,246.69,221.17,229.27,231.08,221.83,239.56,229.35,231.04,
240.37,249.33,202.28,201.61,213.1,220.18,214.74,219.44,208.64,227.42,214.64,243.94,246.7,227.65,208.18,240.77,
218.9,216.41,222.06,248.73,236.84,222.0,237.42,229.38,217.33,238.47,228.83,244.89,222.36,226.58,208.91,204.29,
245.19,249.92,246.07,201.68,228.37,229.1,226.78,217.7,217.64,233.17,212.95,228.94,233.76,215.53,223.24,227.39,
221.94,213.37,247.75,231.25,245.77,223.68,209.38,214.63,217.99,234.72,233.89,210.64,236.85,214.74,215.24,
237.19,230.08,215.33,235.74,215.92,238.38,203.44,246.66,200.39,226.68,209.77,247.25,228.9,233.89,246.11,244.61,
240.99,239.21,240.43,237.04,226.43,234.53,238.37,236.71,245.06,222.86,211.04,226.46,223.73,224.41,225.11,
230.76,249.32,213.77,217.68,241.85,233.85,244.3,222.1,239.31,200.44,203.22,203.35,245.49,212.53,220.91,233.52,
221.04,217.79,235.9,200.14,231.29,205.42,228.85,244.51,224.4,211.27,237.17,213.51,234.13,205.34,214.05,241.11,
234.87,248.13,213.62,210.43,215.36,213.82,218.26,241.13,239.85,244.22,224.02,200.72,218.06,230.49,225.54,
210.83,223.57,242.88,228.73,205.82,220.8,246.08,202.69,225.34,235.98,204.48,243.97,227.14,220.55,221.44,226.33,
227.57,248.2,237.33,228.41,238.64,249.12,221.24,244.19,223.34,211.36,238.6,213.82,237.77,243.61,228.76,215.12,
242.64,207.24,217.27,248.61,212.74,208.2,242.2,235.57,204.97,226.08,220.84,242.58,215.38,224.27,236.04,204.98,
247.54,249.43,242.77,216.74,245.63,229.47,240.28,200.26,245.36,240.33,240.17,201.2,248.72,229.13,204.59,229.92,
230.95,206.88,210.18,201.4,244.66,244.64,203.66,232.03,200.85,210.89,247.62,236.57,234.09,218.54,235.97,240.92,
228.24,203.99,236.95,232.91,244.88,211.16,210.95,221.46,212.67,247.33,226.55,218.23,205.59,230.76,214.11,
218.02,227.61,245.12,243.76,239.36,223.2,209.13,245.21,245.03,212.12,210.01,243.22,207.0,235.55,224.26,233.11,
211.22,219.39,233.69,235.32,233.46,239.25,205.76,224.68,226.27,223.23,223.62,221.93,203.68,237.36,235.66,
201.47,230.53,243.4,242.43,244.92,207.13,240.58,246.59,203.59,229.76,218.56,237.56,224.69,231.47,231.71,221.48,
231.35,246.56,244.14,241.59,244.6,242.0,216.11,231.93,210.68,225.49,224.6,229.83,226.42,222.3,220.72,216.25,
234.11,247.01,236.63,224.25,242.39,205.29,230.69,226.45,201.89,241.74,202.24,234.96,216.81,214.36,223.84,
201.29,213.4,239.22,244.72,226.72,243.7,243.88,243.26,228.9,225.75,207.65,213.13,234.02,247.98,207.22,210.21,
238.37,232.48,214.93,230.87,227.65,224.42,206.67,219.92,224.63,237.52,215.86,201.26,231.04,219.06,249.94,
248.54,248.03,239.28,216.23,229.18,240.89,205.15,211.06,220.03,203.73,237.74,221.44,209.62,201.29,207.19,205.6,
234.93,206.66,203.76,214.2,241.53,232.85,213.82,229.83,241.65,244.3,227.05,224.82,230.46,248.49,211.39,200.19,
215.07,233.57,245.55,202.69,222.11,209.21,229.52,213.84,214.99,240.57,214.52,212.19,213.04,204.81,231.74,
227.84,241.32,239.92,208.43,201.06,231.04,214.13,216.57,206.61,248.56,212.63,242.32,234.9,208.05,241.49,231.22,
207.02,225.39,218.96,245.52,207.07,212.68,231.29,229.27,203.61,224.72,212.54,200.25,201.02,241.7,210.79,222.93,
223.12,234.33,247.37,236.76,212.6,222.99,216.9,205.97,235.64,203.46,208.1,206.48,240.37,237.4,242.56,218.85,
217.71,241.9,216.58,216.33,207.42,236.99,241.75,230.15,204.62,222.21,217.43,236.19,221.49,229.1,203.47,247.2,
209.32,246.59,225.12,234.67,234.24,244.49,213.5,237.91,227.06,225.61,201.1,233.14,203.01,224.65,231.22,225.72,
217.55,217.95,211.69,215.53,202.31,233.67,242.81,227.26,225.02,208.59,229.68,223.29,245.33,234.43,214.13,
218.55,234.18,208.09,217.69,212.31,213.02,213.82,240.1,246.67,231.08,223.7,249.66,218.18,244.72,248.49,201.77,
210.2,241.86,222.46,249.73,240.05,230.35,219.39,244.99,217.23,210.38,234.01,225.11,248.86,219.82,242.28,207.33,
215.36,230.01,238.92,244.47,206.08,218.32,228.5,202.7,226.47,241.76,247.18,204.08,233.8,221.46,242.38,222.25,
248.51,207.79,241.58,234.29,214.29,205.38,202.64,222.83,220.57,237.71,231.05,228.33,215.25,205.06,227.43,
240.03,242.3,234.69,223.88,238.53,243.46,245.92,248.77,247.7,246.27,246.0,245.25,246.5,209.2,223.14,233.61,
207.37,223.93,209.36,239.78,239.08,202.68,231.03,201.46,238.97,203.0,228.44,229.14,228.69,207.26,223.47,226.37,
242.36,209.18,221.89,217.17,241.07,207.67,203.86,207.75,230.0,231.94,219.58,245.22,209.63,208.94,221.62,241.05,
206.66,220.41,210.6,220.0,244.88,232.6,229.33,216.92,217.31,239.24,239.74,232.27,219.6,246.63
],
"TECHNOLOGY_EXTENSION":[
"AAPL","GOOG","MSFT","NVDA","LGY","HW","OLMK","O","ZTMG","BZHAI","CEXPE","MQZRF","XBKC","W","RHWL","CL","KO",
"WG","ST","RNUUI","NFLP","LBCV","U","Z","ABBBQ","QCZHX","TMMOX","STAIK","GGSSJ","M","BMXI","IY","DAJ","DV",
"JCVLY","TPE","CJBVY","OU","TMH","USYPG","DOXG","SCT","DIZE","X","G","MZD","ZILO","P","LLA","QUGWR","LBC",
"STI","WDQ","EH","YF","TBYI","ROV","DB","J","OWN","P","UHDC","FMCE","EJ","YEFP","YKT","TJGK","AJ","YT","JFMA",
"CUA","V","ID","SBSXN","UUZTD","TNI","T","O","EV","VVCG","UP","T","XGED","RVXY","P","PWDZ","LJS","QM","ILZ",
"RET","J","T","IIH","Z","ONUWE","PX","LYV","BXNA","BVSS","Z","NVRLW","OKO","RHH","O","GGWPW","I","BGIT","EC",
"WAGD","R","E","ZK","KW","PQ","Z","XW","IZS","G","ZMROV","N","ILW","TN","RKV","LBB","LXE","TWB","FLQBX","OLXN",
"KPC","J","YA","SUTO","BAFYF","HLCNY","ZS","OB","MURJK","OI","U","QZEO","QNR","DLE","SREFX","YNN","ZT","I",
"GMET","CF","IJI","A","IJJE","IIPE","FQV","ZHUN","ZNQSI","A","AAOOS","C","XXAET","LG","BYJAN","USZRZ","ORATF",
"WW","PTH","BDLGN","NA","UQ","IOJJO","JBTPW","B","J","SEM","XJP","H","PO","JX","XBW","GZKLB","QMXLV","GST",
"OMMPT","V","P","GP","J","AKSGL","HUXV","AHV","CXVEI","UCMDX","X","NVU","SJ","QM","ZRK","SB","SIZ","QHH",
"PDYP","JTKS","V","PPE","RVB","XMGSL","N","JE","VMUH","ZRE","W","Q","XWC","VXOD","ESQ","PXX","BS","FWW","TAK",
"A","L","T","Q","LIWK","X","K","LYH","EKDP","P","Y","IULD","P","TA","JRT","OL","QQIJY","DO","QLT","COBXD",
"BXS","B","FOCT","K","CPOIZ","I","AWMC","WVABM","X","ZYSC","EROQ","D","SMIO","XS","AOXBR","UOLK","D","M",
"YZDXS","OYTFO","RVKBA","ZH","I","GRE","WHK","UBJ","V","LX","O","UK","JBQF","WAWUE","Z","IUWPI","ZV","E",
"DWPFL","D","KLBMK","YMU","QANOX","EEMGR","EDICO","MQ","A","CYI","JGWF","E","SE","A","KHYM","G","SROM","YNJKH",
"PMUN","GNIKB","JH","O","LVYRM","KLN","H","VF","SBTTV","XNRZJ","MMR","QVBIX","NYGEY","ZTI","UUB","P","MQBB",
"ESJNT","OW","XNS","XWFI","LQ","AOXC","EUUF","ADTMM","GQ","PGL","ZOMAS","NUB","FDO","ZN","CTVV","XFP","AIQI",
"KPULF","PEGNC","DVQC","EUNR","LMDB","TWI","MQO","U","NLJJ","IK","KCUZ","ZY","GNZ","DVEHH","AAJ","VJYJY","R",
"RUQFZ","VLZ","IH","BI","L","T","F","BR","D","QZJHI","JH","OO","R","BZM","EY","KUA","Q","GIE","HK","FK","TDS",
"BLYFT","CZY","NPN","O","YOLCR","GPTTY","N","JSOM","ODB","BOF","RPA","TYUE","YJXQC","SAZ","UOI","R","BLJM",
"UCJKW","CPHDJ","QB","ZZB","Q","QFNE","ZHFOF","EJQ","RZX","CS","DDNYC","SLT","LE","UV","FS","GP","U","M","TDG",
"U","MWAP","YTR","X","GWLU","M","Y","IX","VDV","TISAC","L","F","T","ZNS","EXX","I","SBGS","BWT","XNUKY","W",
"UCEU","B","S","WKFR","FLLRO","BVTR","FNAJ","ML","MG","QJ","LDCTR","THIV","HIM","HRC","L","ROX","O","UKP",
"YHG","QNGQS","SUJ","YWMW","LNWDJ","YTH","DGJFJ","BGCU","ADUH","KETP","Y","EQ","NHZUS","PJ","GGUMD","NAHZW",
"SSU","O","U","T","XXR","DTVSN","IST","KDLFP","QFD","DHTT","YT","PXIU","ZISP","GEKN","PC","FPVGA","QCKYQ",
"QYSCY","X","JAMYJ","FGDY","U","ZIUU","WDXK","UXE","RP","KMTFP","E","QQAWD","C","X","QUJ","SONRZ","N","LRF",
"P","FF","ZPCDE","QFC","XYVFP","VQVVN","P","RXMQ","VLFCQ","SYW","RJSB","JHBGM","VFELK","Y","ETR","NAJIV","C",
"G","ABDW","LG","AANNY","ZFED","LT","C","RHYU","PBJRL","PVH","GZDHN","O","D","SR","PC","A","NVJ","VCF","UN",
"ZWRO","LJD","EA","Y","ZE","EQHBL","YNH","VHE","BFTR","CIXYV","M","BNX","J","T","ZFCZ","KNBXP","K","V","CV",
"F","GJUI","JHWCR","P","ACVFL","BAWOD","Z","PP","MJ","ICV","ZNWEK","F","L","WMGE","GMGBV","UGA","L","V","UYC",
"UXYA","S","IYTO","UV","V","TTAP","XUZ","WHQO","LYPLL","TZIP","Z","BC","GTLSX","R","T","U","GCQ","BI","JGSW",
"WE","MZGM","MB","TYMTA","LDWU","QLF","H","SPVTF","HK","LA","KJA","Q","RZVEN","LUR","CZZMC","X","WPA","ES",
"BJ","HSUN","UNMH","N","ZYRH","YR","IRR","ZRQH","MNJD","Y","N","KP","T","AC","GADM","GLCW","WZIII","XRD","XK",
"EQOQ","QI","S","MTRK","R","BEPDR","NMRRK","BUO","L","P","XJEY","GULRJ","GKCIO","OOON","DD","EKUPJ","BORN",
"UNGHF","QCN","ZHQN","IPZ","BKGUA","V","OE","LUKZN","KEOOG","LOAE","VPRG","CA","EBJIH","UTPL","WNTI","WS","PL",
"QGXRE","ZF","CZ","LJCWF","FFGN","ZVE","NQ","GWXZQ","JGFI","COAQS","ZUZOQ","B","MIYPA","RJ","SLC","TOMA",
"DSTRT","VU","JZ","BAS","VKWN","YPPFU","KNN","YOZKD","F","VWWEI","A","SVIT","F","XZTT","P","DJUD","OVP",
"IMCIE","P","YO","SQUB","KXHVG","XJP","W","O","LC","UQ","MX","EG","NOB","M","RCFSJ","V","LEJ","R","MZJTS","D",
"GWO","KOUHA","C","MGSQ","CAAMJ","ZFBA","HJY","R","WWSZL","TVYW","MIHZE","ZM","CS","PWU","PUFZ","AOU","X",
"GZP","N","TCMGE","LZCNC","BRIP","TZ","CLI","VHLR","D","CPOYH","ZJGRO","LWUZ","QZQYC","UHMR","ILK","KMSEE","G",
"JTXY","S","E","RO","UAXD","WGYYZ","UG","QD","YIVP","J","LMA","DLPH","H","VKA","DBJ","MHKE","TV","WB","SP",
"OSEC","RZ","BJG","CGI","GPUHT","OJ","SBFFJ","BOPLK","R","PA","OOQ","E","OFI","GFRT","UYIA","PXGKE","WWSG","B",
"ZSCK","RJGL","DIC","GK","PWPF","DF","K","UR","HY","AA","IABI","S","N","QIEW","RLHQD","ZVXJJ","YEO","WDWZ",
"GJ","CYOA","U","V","QKN","V","MY","JMMZA","FXN","RJW","U","NGATS","YOJRT","QLFUU","QRO","YU","NP","IOYQX",
"XX","TJQLA","VSEPP","QJ","ZNZYC","TT","OBHED","UEM","WFTF","EBDA","IY","PF","RGXTC","SMWL","HF","T","CRDG",
"MBXF","AVZNI","ERUY","DFAD","YE","PGT","UNJH","UNR","K","VLBYA","CLD","FSRAV","IAW","INM","LUPTK","G","ZXCAN",
"EMY","L","VGP","AY","ZUT","NVUI","SZ","FTI","WF","A","BHD","MWRYL","VVNV","JYVJ","OSZQN","SPUZH","U","VF",
"GXYNK","LXSM","GLY","AJYW","XZ","E","X","MGUV","KKM","JJY","JDIOB","BITQ","ABV","MWRWZ","OGCLJ","OAH","H","B",
"PH","C","BUBJ","XAV","BAPUB","L","IVM","AGK","HEDQC","BJPA","L","GR","NLVIA","VQTS","VAE","VQ","DBY","EYRZ",
"RIKW","R","BKNSX","PRNN","JVD","R","Z","BCSOX","JRT","BFJ","S","QV","VVIUC","W","RNJIG","GDQMC","VRD","B",
"TBP","RF","IKB","KURKI","GF","KFIG","KIP","FZER","UZVPL","TFCQ","NDXQF","QOU","FP","R","GKQZT","Z","S",
"YBRWT","AIL","NJEJU","NF","RXBP","RPD","XPQGJ","V","XCQF","POVOI","XOSKL","O","VGU","HZ","BQG","CKPG","ZC",
"SOMX","IHQL","FPW","DLOSK","WEEY","YQ","XRYBN","JBB","AT","V","XXY","S","QJT","AUL","TPEP","DGRS","AU","QB",
"CT","WND","VEM","F","S","XL","XVGD","UYAS","X","YDJM","FVOWH","YT","LCQR","F","FID","MJKQ","R","ZLF","LS","P",
"GG","PE","CHAC","MMIUH","AFDLK","XS","BMY","C","FDVU"
],
"AUTOMOBILE_EXTENSION":[
"TSLA","F","GM","UNUGJ","BVO","OG","QMQQH","CP","NPIGW","V","TKVI","JY","JWLLW","GEB","C","XX","OSI","RDGUA",
"FXM","ZXFWC","U","YZ","HYMU","OLD","FBCI","K","PKYUU","Z","TY","XL","LS","FOE","W","UBJRI","G","TGRBC",
"LPJXZ","NFIT","K","BDUP","A","LOBW","XDQ","WR","VROU","GDTKY","TKR","S","YF","YFUQ","QB","YMTF","VCD","OSI",
"HXVKZ","OMHFR","KGF","IRERC","KGJQJ","GRH","H","CKGT","XMIM","XDX","NJKMM","CAAH","ADZZ","DOK","SF","I",
"PWGLY","UL","XE","VM","AQ","UOO","WGXLY","QFSSP","TL","ISXYP","BQ","P","RWJFT","SURJ","ZRT","P","QIDI","L",
"HV","MCZ","F","WNFH","S","NOZ","QZM","KFIMY","F","Z","AOPS","CNKA","FBQ","EH","MO","QQ","G","N","K","SWNN",
"OLPW","T","QM","FPHBD","NOTC","AFTIO","Z","AGFV","CO","VLF","EVRZZ","C","CRO","NKUR","AZ","XWARH","HQT",
"STMAW","E","GIKUN","W","CCLU","YUMJS","DQU","DZGDS","OOPT","BZ","CUC","PFOVE","XZSYI","ZGQWT","V","HQORG",
"RRO","UZHR","D","TEKU","LE","Y","D","ZQFB","VFDUT","N","NQ","U","BNBT","VP","NDVAX","SLJHH","VOH","WCEWX","H",
"TA","SIKV","NABM","H","PHTUJ","MKWP","LVBHX","F","SU","F","ZG","YW","LEOK","TB","CY","I","QAJBB","B","D",
"CMRQL","MDF","ZQTW","IOKV","PZK","CP","WJWIP","DTXW","C","NL","X","MWN","RUMJB","CVGKN","HLXTI","MAJN","ZQ",
"GL","IOD","LNBI","Q","HGEUT","XFM","RDWY","RG","XTEHH","J","NM","H","OHN","P","KBC","NGY","IIOX","RI","PU",
"NMNYU","RBPMB","XDD","S","RPF","KDT","NHWZ","S","WFJ","ZG","HCGAP","FGV","S","VJU","BMGZG","CMZ","U","YY",
"AGBJ","EQ","JCYQD","SSMLA","Z","DLEW","UAPAR","SPXS","NV","BZLG","L","WKWB","WLFF","JINW","T","GF","UGYQ",
"ZGBP","BR","DVCGC","BD","KQTS","VPUW","FMAXH","AP","UP","M","SRKHL","G","F","CIJ","QEEM","UDW","SH","MO",
"LNU","ZSKHQ","YDQU","JD","MJ","HWHT","P","RBP","CON","F","CVU","SUL","ZMQSK","IMASE","HXTCM","ZKF","RWLIL",
"IQN","SWQJ","LSJ","WF","LMGLH","QSGU","UL","SVMCX","SQZE","NI","S","E","VFRW","T","XXGD","NNVYD","BV","TL",
"MXR","HWKK","FI","TGUW","KQJGC","OC","XW","YWXE","ORDM","NREH","RUYBQ","WWZSH","HI","T","Q","YUC","EMB","LZ",
"GSMMR","VZULM","GOYES","OI","JTJK","OWU","CGYPQ","FR","OVG","WRGP","LGHI","A","WL","MZGV","IH","XX","WCFPV",
"UHM","QWTHQ","KS","F","RKC","FJE","C","OKQE","XKPPX","R","JOCB","ZIFP","LZGDD","IOISR","JXZV","NFQEM","TJSSW",
"TSFL","AEU","G","OENTN","WQ","I","F","VBGE","RKA","L","NV","OPM","S","U","QS","IK","WD","JCZM","ZVA","JQF",
"KJ","ZT","M","PJQSU","ACL","QWI","NSA","HH","PXNR","SK","SK","EBVXP","HFCKN","HWMW","U","H","AWV","Z","IANC",
"HMI","X","BLTU","EJVWN","HUAFW","GJ","VPCI","IVR","NTM","XBIU","EC","HYR","PIZJ","OYH","QI","IP","A","VM",
"EX","VZ","SEEUM","GQ","GLPS","ZE","PT","DEP","AEFLT","I","HAR","ZSJBU","XQXN","V","RM","INL","DZQ","C","FQX",
"ZWCCC","UDET","L","IHE","F","CB","ZSD","JHMRJ","WU","WFQI","ZIRP","N","DEEBW","ERCCX","VIRUP","QGBX","PQJS",
"AKZCO","BNQBB","II","U","MI","IYMLL","BZSJT","WW","JV","A","EVY","JDS","N","UGNS","EZXWN","DYMR","CIX",
"VIEPZ","CLMI","BNL","H","S","N","I","KXSAQ","HFNA","NUMC","HOPK","DY","HCOL","VHHVC","WFCPE","COK","Q",
"MMWVS","OKVSE","H","FUTY","C","ZMQF","LNX","V","KWDM","RBNA","SMYN","NUD","BPFQ","Q","WNN","PBNUT","ZU",
"GNYC","BPD","W","NLB","OXNDN","VO","J","CWMVT","ORVDN","RSAT","Y","ONA","GLTI","DQIBO","J","X","HOK","QY",
"UOA","CC","VN","C","GF","EP","VY","XE","BLX","PTY","XTTWI","ONPNW","D","UGUHL","YO","OC","ZLC","KPDP","VD",
"W","DZB","TD","SQVR","KHYOM","R","BGZ","J","VXXAL","CS","F","NGM","K","NV","PF","RA","ARIBM","SAMK","KM","W",
"PEJN","XG","EMKZF","HSLV","CN","KIJ","XTIS","VIK","JVB","JNXF","FNGP","ZHXHW","JEIB","OXJV","ZBWS","TOJU","S",
"BNWK","QQ","P","BRPH","ML","U","YP","U","G","TB","BVEG","VWHRS","JHQ","OFAA","XMV","OQ","CXVMA","YORQ","VFV",
"QAE","WBPE","EVI","SHPH","F","HLQUQ","GB","HLM","MMQO","YEGLY","DUNMI","XZ","GKJ","WRHG","XI","M","UPP","OST",
"YTTV","WDQ","FDE","WUD","NCZEW","EPW","QQQG","TN","GHDTM","GLXKD","LDEVJ","YQRYU","M","T","QNIR","U","GZ",
"OO","I","BU","IRBTQ","Y","DQZJC","BUIAB","RU","AR","JJIYM","C","TOJ","RLVWB","RYSVE","ZQTI","ILK","Q","V","B",
"IZ","JVB","MAMGE","PD","VEFV","IHW","FFXK","PX","LFOA","YZK","UZT","UYJ","FHM","AWW","UAB","OV","R","DGXE",
"I","TI","UES","GJN","ETC","S","B","RAICA","UO","AUGJ","YHMVJ","SXDO","DYCNI","LD","LEND","Q","P","GLOZ",
"BDQOP","ZWJ","JNDBC","WZOU","KLA","HI","KS","YIEA","Y","FHIW","F","M","RBFF","XG","UV","VGKP","C","Y","MYCHS",
"B","MLWP","VRC","V","PJSWZ","GTOH","JAKHY","TFY","T","ONLF","SO","QPKBD","BKYMJ","B","NXJV","S","N","XNFME",
"XRQ","DXQVZ","L","CQDA","L","KVFXI","O","SHW","MKX","AXSSZ","IC","RQB","H","F","E","MDWTH","GLMDY","UKAZI",
"ZW","H","OWN","KOWJ","HQ","DMNX","IXARP","Y","EQFD","TK","ZJYI","EIFU","O","UWBWK","XRKJY","WLD","TYXQO","WL",
"EMVG","ITHXJ","DCZMP","IWIMA","DWAT","UIJ","THI","L","G","NN","RN","DCYM","PZ","WHF","KCH","LAM","AZD","L",
"TW","HGD","QCKIC","LFBVX","N","B","YKO","EA","KTOED","RRZ","TZOZ","KL","M","M","HBTS","VO","XTKZW","ONBDU",
"O","HLNT","SEKS","AJKHZ","GFLII","RJJL","PWHM","WXJGK","DNN","CAKM","MA","F","Y","A","RAK","RQTR","V","H",
"YGYBH","SNJL","IEOS","TEAOU","PYJFQ","OIG","B","IPWKX","ASIPM","HIC","OYOO","MF","KHP","HYP","AYS","IRK",
"PDXPG","N","JVO","MHS","BLXF","AM","N","GGS","IB","ZUMRI","UG","JL","FWL","D","SVB","DQ","XDCM","PJ","DS","Y",
"INN","ANQ","CFZ","H","YOZH","IPSQ","VBLKN","CKF","FV","RZBML","PXE","TWRK","Y","TDDL","LRN","AOQH","AC","Z",
"PJEMA","FEQ","WU","MCG","IP","CMJ","SU","YQJWG","HLIT","BFJP","GSD","C","ESRQF","MTXWP","LLF","EOS","PQOWQ",
"TI","GI","GS","TMG","TYQSO","WEFN","YRSOM","VDY","UJ","IKD","Z","ULXG","YLHLK","QI","NHI","ZF","HJJXC",
"UMKYO","BV","K","UXELK","NPE","UHBOE","P","LA","GDOMV","DAL","SB","OZNUX","B","KUYQC","QDI","M","P","KA","BS",
"IX","Y","GX","CXTG","K","HBWC","ZEWFA","L","RSVS","YG","J","FNNU","A","F","B","CGVQB","USJE","UZP","OQ","I",
"HYWQ","FG","UFXN","XS","ST","RY","IEN","UOA","YPCQH","RKA","TSO","RF","R","ZMP","Z","ZDU","PNR","WM","TJ",
"MEXAH","WJISG","JRW","J","QXHH","DX","P","HZCWC","V","HPPJL","PGQKJ","P","HJXLO","XUPC","OFWO","OXLS","MJHK",
"IMGGK","WKAX","SRWOI","MPUYM","DRCY","MG","WOQZ","ABRXA","GJCR","JCUQ","DV","EJEDV","Q","FF","QJJ","JNSPS",
"PJAU","GI","UDVR","FC","SS","NQZV","HMDQV","MLP","CTQK","JSAL","IFD","EM"
],
"ORDER_DETAIL_EXTENSION":{
"company_overview":"\n    {symbol} is one of the most influential companies in its sector. With a global reach, {symbol} has been instrumental\n    in shaping its industry. From groundbreaking products to innovative services, the company has consistently delivered\n    high-quality offerings that resonate with both consumers and investors. Founded several decades ago, {symbol} has grown\n    exponentially, establishing itself as a market leader. Its extensive portfolio includes diverse products and services,\n    each contributing to the company’s robust financial health.\n\n    The company has consistently demonstrated a commitment to innovation, regularly introducing new technologies that redefine\n    how consumers and businesses interact with its products. In recent years, {symbol} has placed significant emphasis on \n    sustainability, investing in environmentally friendly initiatives and aiming for carbon neutrality by the year 2030. This\n    focus has garnered support from eco-conscious consumers and institutional investors alike, further enhancing the company's\n    reputation and stock value.\n    ",
"market_analysis":"\n    {symbol} has maintained a strong presence in the market, consistently outperforming many of its competitors. Analysts\n    regard the stock as a strong buy, citing the company's steady growth trajectory, high margins, and diverse revenue streams.\n    Despite global economic challenges, {symbol} has continued to expand, particularly in emerging markets where it has seen\n    significant demand for its products. \n\n    The company operates in a highly competitive sector, with key rivals like {symbol}'s closest competitors vying for market\n    share. However, due to its strong brand loyalty and continuous innovation, {symbol} has remained a top choice for both \n    consumers and businesses. Recent quarterly reports have highlighted the company’s ability to navigate challenges such as \n    supply chain disruptions, inflationary pressures, and shifts in consumer behavior.\n    ",
"technical_analysis":"\n    From a technical analysis perspective, {symbol} is currently trading within a key range that has attracted significant\n    attention from traders. The stock’s 50-day moving average (MA50) and 200-day moving average (MA200) are converging, \n    signaling a potential breakout. Additionally, the stock’s current price of $210.65 reflects a period of consolidation, \n    where it has been trading in a tight range between $200 and $220. \n\n    Indicators such as the Relative Strength Index (RSI) suggest that {symbol} is in neutral territory, neither overbought \n    nor oversold. Many traders are watching the Bollinger Bands, which have tightened in recent weeks, indicating that the \n    stock could experience higher volatility soon. Historical trends show that {symbol} tends to rally after earnings \n    announcements, especially when the company beats analysts' expectations.\n    ",
"financial_highlights":"\n    In terms of financials, {symbol} boasts impressive metrics. The company has reported consistent revenue growth over the past\n    five years, with a compound annual growth rate (CAGR) of over 15%. The company’s net profit margins have remained high,\n    exceeding 20% for the past three fiscal years. This strong financial performance has allowed {symbol} to maintain a robust\n    balance sheet, with significant cash reserves and minimal debt.\n\n    {symbol} has also been returning value to shareholders through dividends and share buybacks. Over the past two years,\n    the company has repurchased over $20 billion worth of its own stock, boosting earnings per share (EPS) and increasing\n    shareholder value. Analysts predict that {symbol} will continue its strong financial performance, driven by new product\n    launches and expansion into new markets.\n    ",
"risks":"\n    Despite its strong performance, {symbol} faces several risks that could impact its future growth. One of the primary risks \n    is increased competition, particularly from smaller, more agile companies that are quickly gaining market share in niche \n    areas. Additionally, {symbol} operates in a sector that is highly sensitive to technological change, and the company \n    must continuously innovate to stay ahead.\n\n    Regulatory scrutiny is another concern for {symbol}, particularly in markets like the European Union, where new regulations \n    could affect the company’s ability to operate freely. There are also concerns about potential disruptions in the global supply \n    chain, which could impact the company's manufacturing and distribution capabilities, leading to delays in product launches.\n    ",
"future_outlook":"\n    Looking ahead, {symbol} is poised for continued growth. The company has several new products in the pipeline, including \n    expansions into new markets such as artificial intelligence (AI), augmented reality (AR), and the Internet of Things (IoT). \n    These technologies are expected to drive demand for {symbol}'s products, particularly in the business and enterprise sectors.\n\n    {symbol} has also announced plans to expand its services division, which includes subscription-based offerings such as \n    cloud services, digital media, and financial technology (FinTech) solutions. These high-margin services are expected to \n    contribute significantly to the company's revenue in the coming years. Investors and analysts alike are optimistic about \n    the company’s future prospects, particularly in light of its continued commitment to innovation and sustainability.\n    ",
"historical_performance":"\n    Over the past decade, {symbol} has been a standout performer in its sector, delivering consistently high returns to \n    shareholders. The stock has outperformed the broader market, with an annualized return of over 18% in the past 10 years. \n    The company’s ability to navigate both market downturns and economic crises, such as the 2008 financial crisis and the \n    2020 COVID-19 pandemic, has made it a favorite among institutional investors.\n\n    In 2022, {symbol} saw a record-breaking year, with revenue exceeding $500 billion for the first time in its history. \n    This growth was driven by strong demand for the company’s flagship products, as well as the rapid expansion of its services \n    division. Analysts expect the company to continue its strong performance, with projected revenue growth of 10% in the \n    next fiscal year.\n    ",
"sustainability_initiatives":"\n    {symbol} has been at the forefront of sustainability initiatives within its industry. The company has made significant \n    investments in renewable energy, with plans to power all of its global operations with 100% renewable energy by 2025. \n    {symbol} has also committed to reducing its carbon footprint, aiming to achieve carbon neutrality across its entire \n    supply chain by 2030.\n\n    In addition to its environmental efforts, {symbol} has implemented several initiatives to promote diversity and inclusion \n    within the company. These efforts have been well-received by both employees and the wider public, enhancing the company’s \n    reputation as a socially responsible corporate entity.\n    "
},
"FILE_CONTENT_EXTENSION":"The company's financials for the year reflect a period of steady growth and consistent revenue generation, with both top-line and bottom-line figures showing improvement compared to the previous year. Total revenue increased at a modest pace, driven primarily by strong performance in the company’s core markets. Despite some fluctuations in demand, the business maintained healthy margins, with cost controls and efficiency measures helping to offset any increase in operational expenses. As a result, gross profit grew at a stable rate, keeping in line with management’s expectations. The company’s operating income saw an uptick, indicating that the firm was able to manage its administrative and selling expenses effectively, while also benefiting from a more streamlined supply chain. This contributed to a higher operating margin, suggesting that the company’s core operations were becoming more efficient and profitable. Net income also rose, bolstered by favorable tax conditions and reduced interest expenses due to a restructuring of long-term debt. The company managed to reduce its financial leverage, leading to an improvement in its interest coverage ratio. On the balance sheet, the company maintained a solid financial position, with total assets increasing year over year. The growth in assets was largely due to strategic investments in new technology and facilities, aimed at expanding production capacity and improving operational efficiency. Cash reserves remained robust, supported by positive cash flow from operations. The company also reduced its short-term liabilities, improving its liquidity ratios, and signaling a stronger ability to meet near-term obligations.Shareholders’ equity grew as a result of retained earnings, reflecting the company’s profitability and its strategy of reinvesting profits back into the business rather than paying out large dividends. The company maintained a conservative approach to debt, with its debt-to-equity ratio remaining within industry norms, which reassured investors about the company’s long-term solvency and risk management practices. The cash flow statement highlighted the company’s ability to generate cash from its core operations, which remained a strong indicator of the business's health. Cash from operating activities was sufficient to cover both investing and financing needs, allowing the company to continue its capital expenditure plans without increasing its reliance on external financing. The company’s investment activities included expanding its production facilities and acquiring new technology to improve future productivity and efficiency. Meanwhile, the company’s financing activities reflected a balanced approach, with some debt repayments and a modest issuance of new equity, allowing for flexible capital management.Overall, the company's financials indicate a well-managed business with a clear focus on sustainable growth. Profitability remains strong, operational efficiency is improving, and the company’s balance sheet reflects a stable, low-risk financial structure. The management’s strategy of cautious expansion, combined with a disciplined approach to debt and investment, has positioned the company well for future growth and profitability.",
"POPULATE_FILE_EXTENSION":[
"image_344822349461074042.jpg","image_8219547643081662353.jpg","image_5421509146842474663.jpg",
"image_185391401034246046.jpg","image_6824007961180780019.jpg","image_2994974694593273051.jpg",
"image_2537728455072851196.jpg","image_2164918946836800275.jpg","image_1745133864906284051.jpg",
"image_7707563551789432679.jpg","image_8190489168166590809.jpg","image_2385660725381355820.jpg",
"image_4771211633166048374.jpg","image_3443718094055823214.jpg","image_6838087561356843690.jpg",
"image_605952633285970710.jpg","image_6341510244180179744.jpg","image_4119241148692325954.jpg",
"image_5651066601163181955.jpg","image_3747091333751395055.jpg","image_4623743619379194431.jpg",
"image_5072742684386583099.jpg","image_1978458056362464778.jpg","image_3090346927968358019.jpg",
"image_7193806748674265039.jpg","image_7169516574395086720.jpg","image_8618240224293913315.jpg",
"image_5514683852355062444.jpg","image_8749630317332649147.jpg","image_1912245706439755759.jpg"
],
"CAR_STATUS_METADATA_EXTENSION":"Manufacturer: Audi; Model: A6; Year: 2024; EngineType: V6 Turbocharged; Transmission: Automatic 7-speed; DriveType: AWD; FuelType: Gasoline; Passenger: Fastened; SunroofStatus: Closed; GPSLocation: 34.0522N, 118.2437W; Destination: None; EstimatedArrivalTime: None; AudioSystem: On; AudioVolume: 15; RadioStation: 101.1 FM; BluetoothConnected: Yes; ConnectedDevice: iPhone; WiFiStatus: Connected; CellularSignalStrength: 75%; OTAUpdateStatus: No Updates Available; LastServiceDate: 2023-08-15; NextServiceDue: 2024-08-15 or in 12,000 km; OilLevel: Normal; CoolantTemperature: 90C; TransmissionTemperature: 65C; BrakePadWear: Front: 40%, Rear: 35%; TractionControlStatus: On; StabilityControlStatus: On; LaneAssist: Active; BlindSpotMonitor: Active; CollisionWarning: None; ParkingSensors: Front: Clear, Rear: Clear; BackupCamera: Active; SteeringAngle: 0 degrees; CurrentSpeed: 0 km/h; AverageFuelConsumption: 8.2L/100km; TripOdometer: 256 km; TotalOdometer: 45,112 km; FuelRange: 560 km remaining; BatteryHealth: Good; BrakeFluidLevel: Normal; CoolantLevel: Normal; TireTreadDepth: FrontLeft: 7mm, FrontRight: 7mm, RearLeft: 6mm, RearRight: 6mm; KeyFobBatteryLevel: 75%; RemoteStartEnabled: Yes; RemoteLockEnabled: Yes; CabinAirQuality: Good; CarbonDioxideLevel: Low; AirFilterStatus: Normal; ChildLock: Active; RearWindowDefrost: Off; FrontWindowDefrost: Off; Sunshade: Closed; PassengerAirbagStatus: Enabled; DriverAirbagStatus: Enabled; SideAirbagStatus: Enabled; ABSStatus: Active; EngineOilTemperature: 85C; DifferentialTemperature: 60C; TransferCaseTemperature: 62C; ExhaustTemperature: 200C; TurboBoostPressure: Normal; SuspensionStatus: Normal; RideHeight: Normal; DampingForce: Normal; SuspensionMode: Comfort; TowMode: Off; TrailerBrakeController: Not Installed; PayloadCapacity: 800 kg; TowingCapacity: 3,500 kg; RoofLoadCapacity: 100 kg; CurrentLoadWeight: 200 kg; SeatStatus: Driver: Occupied, Passenger: Empty, RearLeft: Empty, RearRight: Occupied; SeatAdjustmentMemory: Driver: Position 1, Passenger: None; MirrorAdjustmentMemory: Driver: Position 1, Passenger: None; PedalAdjustmentMemory: Driver: Position 1; LumbarSupport: Driver: 3/5, Passenger: 2/5; SeatHeating: Driver: Off, Passenger: Off; SeatCooling: Driver: Off, Passenger: Off; ArmRestPosition: Normal; SteeringWheelHeater: Off; ClimateControlSync: On; DefrostingMirrors: Off; FogLights: Off; RearFogLight: Off; LicensePlateLight: On; BrakeLightStatus: On; TurnSignal: Left: Off, Right: Off; HazardLight: Off; DoorOpenAlert: None; SpeedLimitWarning: None; TrafficSignRecognition: Active; AdaptiveCruiseControlStatus: Inactive; AutoParking: Inactive; ParkingAssist: Active; RearCrossTrafficAlert: None; SurroundViewCamera: Off; DigitalRearViewMirror: Off; HeadUpDisplay: Off; NavigationMapUpdate: None; SoftwareVersion: v5.6.2; BatteryRegenerationStatus: Normal; DrivetrainMode: Comfort; GearPosition: Park; IdleTime: 2 minutes; EngineLoad: 15%; FuelInjectionTiming: Normal; SparkTiming: Normal; CylinderDeactivationStatus: Off; ExhaustGasRecirculation: Normal; EmissionControlSystem: Normal; ParticleFilterStatus: Normal; CatalystTemperature: Normal; StartStopSystem: Active; SteeringResponse: Normal; HandlingMode: Sport; ElectronicLimitedSlipDifferential: On; DifferentialLock: Off; EngineVibration: None; BodyRoll: None; YawRate: 0 degrees/sec; AxleLoadDistribution: Front: 60%, Rear: 40%; ChassisStiffness: Normal; GroundClearance: Normal; PowerSteeringStatus: Active; SteeringWheelVibration: None; LockToLockTurns: 2.8; TurningRadius: 11.5 meters; AirbagReadiness: Normal; PreCollisionSystem: Active; ActiveSteeringAssist: Off; HandsOnWheelAlert: None; OccupantClassificationSystem: Active; EventDataRecorderStatus: Normal; BlackBoxRecording: Active; StabilityControlOverride: None; SeatMassager: Off; ArmRestTemperature: Normal; AmbientLightingColor: Blue; SteeringWheelPosition: Normal; HeatedSteeringWheel: Off; PaddleShifters: Off; SportMode: On; PerformanceMode: Off; AutoHighBeamAssist: Off; TireTemperature: FrontLeft: 32C, FrontRight: 32C, RearLeft: 34C, RearRight: 34C; BrakeRotorTemperature: FrontLeft: 150C, FrontRight: 150C, RearLeft: 130C, RearRight: 130C; MirrorHeating: Off; FuelTankPressure: Normal; EvaporativeEmissionSystem: Normal; GasCapStatus: Closed; FuelDoorStatus: Closed; BatteryChargerStatus: None; ChargingCableConnected: No; ChargerType: None; ChargingPortLight: Off; HighVoltageBatteryInsulation: Normal; HighVoltageBatteryTemperature: Normal; RegenerativeBrakingForce: Normal; BatteryCoolingSystem: Normal; BatteryHeatingSystem: Off; ExteriorTemperature: 20C; WiperFluidLevel: Normal; WasherNozzleHeated: Off; EngineSoundEnhancer: Off; VehicleSoundForPedestrians: Off; ExhaustFlapControl: Normal; EngineCoolingFanStatus: Off; TransmissionOilPressure: Normal; TransmissionOilTemperature: 70C; ThrottleBodyStatus: Normal; IntakeManifoldPressure: Normal; CabinNoiseLevel: Low; SunshadePosition: Closed; RearSunshade: Off; LuggageCompartmentLight: Off; RearSeatBeltReminder: None; RearSeatOccupancySensor: Active; FrontCrashZoneSensors: Active; SideCrashSensors: Active; RearCrashSensors: Active; TireSealantStatus: Full; TireJackStatus: Present; EmergencyKitStatus: Present; SpareTireStatus: Present; Owner'sManualLocation: GloveBox; FirstAidKitLocation: Trunk; FireExtinguisherLocation: Trunk; ChildSeatAnchors: Installed; RoofRackStatus: Not Installed; VehicleWrap: None; RoofColor: BodyColor; PaintProtectionFilm: None; CeramicCoating: None; WheelType: Alloy; WheelSize: 19 inches; WheelBoltTorque: Normal; TireSidewallDamage: None; WheelRimDamage: None; VehicleWarrantyStatus: Active; RoadsideAssistanceStatus: Active; MaintenancePlanStatus: Active; LeaseStatus: Not Leased; FinancingStatus: PaidOff; VehicleTitleStatus: Clear; NumberOfKeys: 2; KeyMemoryStatus: Active; VehicleHistoryReport: Clean; VINNumber: WAUZZZF4XNA123456; RegistrationStatus: Active; InsuranceStatus: FullCoverage; InsuranceProvider: StateFarm; InsuranceExpirationDate: 2025-04-10; RoadTaxStatus: Paid; GarageLocation: Home; LastGarageEntryTime: 2024-04-15 08:30; AlarmSystemStatus: Armed; SecuritySystem: Enabled; AntiTowSystem: Enabled; GlassBreakSensor: Active; MotionSensor: Active; TintedWindows: Yes; DashcamStatus: On; DashcamRecording: Active; DashcamStorage: 128GB; DashcamBatteryLevel: 90%; AdditionalAccessories: RoofBoxInstalled: No; RoofTent: No; TrailerHitch: Installed; Winch: Not Installed; SnowChains: Not Installed; FogLightCovers: Installed; GrilleGuard: Not Installed; RoofLightBar: Not Installed.",
"LONG_WEATHER_EXTENSION":{
"-1_day":{"windSpeed":15.0,"humidity":75.0,"precipitation":5.0,"uvIndex":6,"visibility":8.0,"airPressure":1010.0,"dewPoint":10.0},
"-2_day":{"windSpeed":10.0,"humidity":65.0,"precipitation":2.0,"uvIndex":7,"visibility":9.0,"airPressure":1020.0,"dewPoint":8.0},
"-3_day":{"windSpeed":20.0,"humidity":85.0,"precipitation":0.0,"uvIndex":5,"visibility":7.0,"airPressure":1005.0,"dewPoint":12.0},
"-4_day":{"windSpeed":18.0,"humidity":80.0,"precipitation":1.0,"uvIndex":6,"visibility":9.0,"airPressure":1008.0,"dewPoint":9.0},
"-5_day":{"windSpeed":12.0,"humidity":70.0,"precipitation":3.0,"uvIndex":8,"visibility":10.0,"airPressure":1015.0,"dewPoint":11.0},
"-6_day":{"windSpeed":16.0,"humidity":72.0,"precipitation":4.0,"uvIndex":7,"visibility":9.0,"airPressure":1009.0,"dewPoint":10.0},
"-7_day":{"windSpeed":14.0,"humidity":68.0,"precipitation":6.0,"uvIndex":6,"visibility":8.0,"airPressure":1012.0,"dewPoint":7.0},
"-8_day":{"windSpeed":17.0,"humidity":78.0,"precipitation":0.5,"uvIndex":5,"visibility":9.0,"airPressure":1013.0,"dewPoint":8.0},
"-9_day":{"windSpeed":19.0,"humidity":82.0,"precipitation":0.0,"uvIndex":6,"visibility":10.0,"airPressure":1011.0,"dewPoint":9.0},
"-10_day":{"windSpeed":13.0,"humidity":74.0,"precipitation":2.5,"uvIndex":7,"visibility":9.5,"airPressure":1014.0,"dewPoint":10.0},
"-11_day":{"windSpeed":11.0,"humidity":70.0,"precipitation":1.5,"uvIndex":6,"visibility":8.5,"airPressure":1016.0,"dewPoint":8.5},
"-12_day":{"windSpeed":15.0,"humidity":75.0,"precipitation":5.0,"uvIndex":6,"visibility":8.0,"airPressure":1010.0,"dewPoint":10.0},
"-13_day":{"windSpeed":10.0,"humidity":65.0,"precipitation":2.0,"uvIndex":7,"visibility":9.0,"airPressure":1020.0,"dewPoint":8.0},
"-14_day":{"windSpeed":20.0,"humidity":85.0,"precipitation":0.0,"uvIndex":5,"visibility":7.0,"airPressure":1005.0,"dewPoint":12.0},
"-15_day":{"windSpeed":18.0,"humidity":80.0,"precipitation":1.0,"uvIndex":6,"visibility":9.0,"airPressure":1008.0,"dewPoint":9.0}
},
"PARKING_BRAKE_INSTRUCTION":"The parking brake, also commonly referred to as the handbrake or emergency brake, is an essential safety component in vehicles. While its primary function is to secure the vehicle when parked, preventing it from rolling forward or backward, it also serves as an emergency stopping mechanism under certain conditions. It is crucial to understand the correct way to use a parking brake to ensure both safety and vehicle longevity. This guide will cover the fundamentals of proper parking brake use, its function, maintenance, and additional tips for various scenarios. Understanding the Parking Brake Mechanism Before diving into the right use, it's essential to understand how the parking brake operates. The parking brake is an independent braking system, separate from the main hydraulic brake system that is used while driving. When engaged, the parking brake applies pressure directly to the vehicle’s rear wheels, locking them in place and preventing movement. In most vehicles, the parking brake is either a lever, a pedal, or an electronic switch. - Lever-style parking brake: This is the most traditional type of parking brake, commonly found between the driver and passenger seats. Pulling the lever engages the brake, and releasing it disengages it. - Pedal-style parking brake: Often found in vehicles with automatic transmissions, this brake is engaged by pressing a pedal located on the far left side of the driver's footwell. A separate release lever or pedal is typically used to disengage the brake. - Electronic parking brake: In modern vehicles, especially those with advanced technological features, the parking brake may be engaged and disengaged with a button or switch. This system automatically applies and releases the brake when necessary, often integrating with other safety features like hill-start assist. When to Use the Parking Brake The parking brake should be used in several situations to ensure that your vehicle remains secure and does not roll unintentionally. Here are the most common circumstances when you should engage the parking brake: 1. When Parking on a Hill or Slope: Parking on an incline is one of the most important times to use the parking brake. Regardless of whether you drive a manual or automatic vehicle, the parking brake provides extra security by ensuring that your car remains stationary even if the primary brakes fail. In vehicles with manual transmissions, leaving the car in gear will add an extra layer of security. For automatic vehicles, ensure the car is in the Park position. Always turn your wheels toward the curb when parking uphill or downhill to minimize the risk of your vehicle rolling into traffic if the brake should fail. 2. When Parking on Level Ground: While using the parking brake on flat ground may not seem necessary, it's still a good practice. Engaging the parking brake takes the strain off the transmission, preventing unnecessary wear and tear. In the case of automatic vehicles, using the parking brake in conjunction with the Park position keeps the car more securely in place. 3. During Emergency Stops: While not typically recommended, the parking brake can be used in emergencies if the primary hydraulic braking system fails. Pulling the parking brake lever slowly and steadily can help reduce speed. However, sudden engagement of the parking brake can cause the rear wheels to lock, resulting in loss of control. Only use it cautiously in situations where you have no other option. Modern electronic parking brakes often feature an automatic emergency braking function that can be activated with a hard press or hold, giving the driver more control over deceleration. 4. While Towing: When towing a vehicle, the parking brake should always be engaged to prevent rolling while loading or unloading. Similarly, when a trailer is attached, ensure the parking brake is engaged when the vehicle is stationary to provide additional security. 5. At Traffic Lights or Stop Signs on a Hill: If you're stopped on a hill, especially in a vehicle with a manual transmission, engaging the parking brake temporarily can prevent rolling backward when you release the foot brake to move forward again. Some vehicles come equipped with hill-start assist systems, but if yours does not, the parking brake is an effective alternative. How to Properly Engage and Disengage the Parking Brake Using the parking brake is relatively simple, but there are a few steps to ensure you're doing it correctly: 1. Engaging the Parking Brake: For a lever-style brake: Pull the lever upwards until you feel resistance and the brake locks in place. Some cars require you to press a button on the end of the lever while pulling it up. The brake lever should remain in the upright position when engaged. For a pedal-style brake: Firmly press the pedal down until it clicks and stays locked in place. The brake is now engaged. For an electronic brake: Press the button or switch to engage the brake. A light on the dashboard will usually indicate that the parking brake is active. 2. Disengaging the Parking Brake: For a lever-style brake: Pull the lever up slightly to release pressure, then press the button on the end and lower the lever fully to disengage the brake. For a pedal-style brake: Either pull the release lever or press the brake pedal again to unlock and disengage it. For an electronic brake: Simply press the button or switch again to disengage the brake. Some vehicles will automatically disengage the parking brake when you press the accelerator pedal, especially if you're in gear and ready to move. Common Mistakes When Using the Parking Brake There are several mistakes that drivers commonly make when using the parking brake. Avoid these errors to prolong the life of the brake and maintain your vehicle's safety: 1. Not Using the Parking Brake: One of the most common mistakes is neglecting to use the parking brake at all. Relying solely on the transmission's Park function (for automatic vehicles) or leaving the vehicle in gear (for manual vehicles) can result in unnecessary stress on the transmission system, especially on hills or inclines. 2. Driving With the Parking Brake Engaged: Forgetting to disengage the parking brake before driving can cause serious damage to your vehicle’s braking system. The brake pads can overheat, warp, or wear prematurely. Always make sure the parking brake is fully disengaged before you start driving. In most cars, a dashboard light will indicate whether the parking brake is engaged. 3. Pulling the Parking Brake Too Hard: Over-tensioning the parking brake by pulling it too hard can cause cables to stretch or snap over time, leading to costly repairs. Pull the brake lever firmly but avoid excessive force. 4. Using the Parking Brake Inappropriately in an Emergency: In a panic situation, some drivers may instinctively pull the parking brake, causing the rear wheels to lock up. This can lead to skidding or spinning, particularly at high speeds. Instead, if you experience a brake failure, try to downshift and use engine braking first. The parking brake should only be used gradually in emergencies. Maintenance and Care for the Parking Brake Regular maintenance of the parking brake is crucial for ensuring its long-term effectiveness. Like any other part of your vehicle, the parking brake can wear down over time and may require adjustment or repair. Follow these tips to keep your parking brake in good condition: 1. Use the Parking Brake Regularly: Even if you drive mostly on flat surfaces, using the parking brake regularly helps keep the components in working order. Regular use ensures that the cables do not rust or seize. 2. Check for Tension: If the parking brake feels too loose or too tight, it may need adjustment. A loose brake may not hold the vehicle securely, while an overly tight brake can cause unnecessary strain on the system. Have your parking brake checked by a mechanic during routine vehicle maintenance to ensure it's properly adjusted. 3. Lubricate the Cables: If your parking brake uses a cable system (lever or pedal style), periodic lubrication can help prevent rust and ensure smooth operation. Electronic parking brakes usually don’t require this kind of maintenance. 4. Listen for Warning Signs: If you hear squeaking or grinding noises when engaging or disengaging the parking brake, it could indicate worn brake components. Get the system inspected to prevent further damage. 5. Test the Parking Brake on a Hill: Periodically test the effectiveness of the parking brake by parking on a slight incline. Engage the brake and see if the car remains stationary. If the vehicle rolls or the brake feels weak, it's time for a professional check-up. Parking Brake Use in Special Conditions 1. Cold Weather: In extremely cold temperatures, moisture can freeze around the parking brake cables, causing them to seize. If you live in a cold climate, be cautious about using the parking brake during freezing weather. If the brake does seize, do not try to force it. Instead, let the vehicle warm up, which may melt the ice, or consult a professional mechanic. 2. Off-Road Conditions: If you frequently drive in muddy or dusty conditions, inspect the parking brake regularly. Dirt and debris can accumulate around the brake components, causing them to function improperly. 3. Towing and Parking on Steep Inclines: When towing or parking on an extremely steep incline, engage both the parking brake and use wheel chocks for added safety. This will reduce the risk of the vehicle rolling. By following these instructions and guidelines, you will ensure that your parking brake is used effectively, maintaining both your vehicle's safety and functionality.",
"INTERMEDIARY_CITIES":[
"New Hamilton","Jacksonville","Fort Stoneport","Lincolnville","Madison","Clayton Hillport","Franklin Heights",
"Old Jefferson","Bentondale","Sullivan Springs","Red Monroe","Newtonburg","Green Clay","East Kingston",
"West Princeton","Grand Georgetown","Andersonfield","Richmond","Shelbyton","Hamptonfield","Fultondale",
"Hudsonview","Carsonville","Lawrenceburg","Masonport","Bristol","New Clayton","Bensondale","Clarkville",
"Dawsonsprings","Ellisport","Floyd","Graysonville","Hayesburg","Irvington","Jasperburg","Kentport","Lamarburg",
"Morganton","Nortonville","Owenport","Perryville","Quincyburg","Russellton","Shermanburg","Taylor",
"Uptonville","Vernon","Wilsonburg","Youngtown","Zionville","Newfield","Sanport","Fortburg","Mountview",
"Lakeport","Northfield","Southport","Eastwood","Westdale","Grandview","Greenwood","Redfield","Oldtown",
"Saintport","Glenwood","Springfield","Riverdale","Rockville","Whitefield","Blackport","Blueburg","Silverdale",
"Goldton","Crystal Springs","Fairview","Highfield","Lowtown","Brightwood","Shadowbrook","Sunridge","Moonlake",
"Starpoint","Oakwood","Pinecrest","Mapleton","Cedar Grove","Ashland","Willowbrook","Elmdale","Birchwood",
"Greenfield","Redwood","Oldbridge","Saintsville","Glendale","Springtown","Riverport","Rockford","Whitehaven",
"Blackburn","Bluewater","Silverton","Goldfield","Crystal Bay","Fairhaven","Highpoint","Lowridge","Brighton",
"Shadow Valley","Sun City","Moontown","Star Lake","Oak Ridge","Pine Hill","Maple Grove","Cedar Point",
"Ashville","Willow Creek","Elmwood","Birch Bay","River Falls","Rock Hill","White Plains","Black Lake",
"Blue Ridge","Silver Springs","Golden Grove","Crystal Cove","Fair Oaks","Highland","Lowville","Bright Meadows",
"Shadow Creek","Sunrise","Moondale","Star City","Oakton","Pine Valley","Maple Ridge","Cedar Falls","Ashford",
"Willow Springs","Elmsford","Birchwood","River City","Rockport","Whitewater","Blackstone","Blue Hills",
"Silver Lake","Gold Beach","Crystal River","Fairfield","Highview","Low Point","Brighton Beach","Shadow Lake",
"Sunset","Moorestown","Star City","Oakland","Pine City","Mapleton","Cedar Springs","Ash Grove","Willowdale",
"Elm Creek","Birch Grove","River Ridge","Rock Valley","White Sands","Black Rock","Blue River","Silver Creek",
"Gold Hill","Crystal Lake","Fairview Heights","High Springs","Low Gap","Bright City","Shadow Mountain",
"Sun Valley","Moonlight","Star Harbor","Oak Hollow","Pine Grove","Maple Valley","Cedar Ridge","Ash Point",
"Willow Glen","Elm Springs","Birch Creek","Riverside","Rockport","White Rock","Blackwood","Blue Mountain",
"Silver City","Golden Valley","Crystal Springs","Fairhope","Highland Park","Lowtown","Brighton Hills",
"Shadow Creek","Sunbrook","Moon City","Star View","Oakdale","Pinecrest","Maple Hill","Cedar City","Ashwood",
"Willow Valley","Elmwood Park","Birch Meadow","Riverbend","Rockland","White Mountain","Black Creek",
"Blue Ridge","Silverton","Gold River","Crystal Hill","Fairmont","Highland Springs","Lowville","Brightwood",
"Shadow Valley","Sunbrook","Moonside","Star City","Oak Grove","Pine Valley","Maple Creek","Cedar Lake",
"Ash Hill","Willow Creek","Elmhurst","Birchwood","River City","Rock Falls","Whitehaven","Black River",
"Blue Mountain","Silver Lake","Gold Hill","Crystal City","Fairhaven","High Point","Low Gap","Brighton",
"Shadow Creek","Sun Valley","Moon Lake","Star Hill","Oakwood","Pine Ridge","Maple Valley","Cedar Grove",
"Ashland","Willowbrook","Elmwood","Birch Grove","Riverport","Rock City","White Plains","Blackburn",
"Blue Hills","Silverton","Golden Grove","Crystal Cove","Fairview","Highland","Lowtown","Brighton",
"Shadow Lake","Sunrise","Moontown","Star Lake","Oak Hill","Pine Meadow","Mapleton","Cedar Bluff","Ashford",
"Willow Creek","Elm Grove","Birchwood","Green Valley","Redstone","Old Mill","Saintsville","Glenview",
"Springfield","Riverdale","Rockport","Whitewater","Blackwood","Bluefield","Silvertown","Gold Creek",
"Crystal Falls","Fairbank","Highfield","Lowville","Brighton","Shadowbrook","Sunridge","Moonhaven","Starpoint",
"Oakton","Pinecrest","Maple Ridge","Cedar Springs","Ashland","Willowbrook","Elmdale","Birchwood","Greenfield",
"Redwood","Oldbridge","Saintport","Glenwood","Springtown","Riverport","Rockford","Whitehaven","Blackburn",
"Bluewater","Silverton","Goldfield","Crystal Bay","Fairhaven","Highpoint","Lowridge","Brighton",
"Shadow Valley","Sun City","Moontown","Star Lake","Oak Ridge","Pine Hill","Maple Grove","Cedar Point",
"Ashville","Willow Creek","Elmwood","Birch Bay","River Falls","Rock Hill","White Plains","Black Lake",
"Blue Ridge","Silver Springs","Golden Grove","Crystal Cove","Fair Oaks","Highland","Lowville","Bright Meadows",
"Shadow Creek","Sunrise","Moondale","Star City","Oakton","Pine Valley","Maple Ridge","Cedar Falls","Ashford",
"Willow Springs","Elmsford","Birchwood","River City","Rockport","Whitewater","Blackstone","Blue Hills",
"Silver Lake","Gold Beach","Crystal River","Fairfield","Highview","Low Point","Brighton Beach","Shadow Lake",
"Sunset","Moorestown","Star City","Oakland","Pine City","Mapleton","Cedar Springs","Ash Grove","Willowdale",
"Elm Creek","Birch Grove","River Ridge","Rock Valley","White Sands","Black Rock","Blue River","Silver Creek",
"Gold Hill","Crystal Lake","Fairview Heights","High Springs","Low Gap","Bright City","Shadow Mountain",
"Sun Valley","Moonlight","Star Harbor","Oak Hollow","Pine Grove","Maple Valley","Cedar Ridge","Ash Point",
"Willow Glen","Elm Springs","Birch Creek","Riverside","Rockport","White Rock","Blackwood","Blue Mountain",
"Silver City","Golden Valley","Crystal Spring","Greenstone","Grandchester","Hillbrook","Redfield","Bridgeton",
"Forest Heights","Mountainview","Stone Harbor","Seaford","Crestwood","Hillcrest","Summitville","Waterford",
"Silverstone","Lakeshore","New River","Riverbank","Forestport","Hightower","Midland","Pineville",
"Hollow Ridge","Ridgeway","Sunset Valley","Moonlight Bay","Hilltown","Blue Valley","Snowhill","Lakewood",
"Eagle Ridge","Bayfield","Windmill","Canyon Valley","Cypress Grove","Foxwood","Pine Grove","Evergreen Hill",
"Green Hills","Limestone","Oceanview","Sandalwood","Whitestone","Timberwood","Winterhaven","Desert Springs",
"Pinewood","Foxburg","Haven Ridge","Rocky River","Shoreview","Greystone","Fernhill","Stoneville","Sandridge",
"Highgate","Redwater","Elmwood Springs","Silver Glen","Woodside","Forest Glen","Clearbrook","Lakeside",
"Hawkstone","Greenbriar","Dalesville","Brighton Point","Highland Bay","Brookstone","Grand Terrace","Ironwood",
"Bluerock","Glacier Ridge","Wolf Creek","Windy Ridge","Maple Springs","Shady Valley","Crescent Ridge",
"Wildwood","Shadow Hills","Riverstone","Canyon Creek","Woodland Springs","Crystalfall","Longstone","Moonridge",
"Maplepoint","Sunset Hills","Frostvalley","Eaglewood","Woodsford","Brookfield","Iron Ridge","Fossil Ridge",
"Spring Hill","Oceancrest","Firestone","Evergreen Lake","Frost Haven","Stonecrest","Willowstone","Stonebridge",
"Shady Hills","Forest Edge","Treetop Hill","Fairbank Heights","Hawk Valley","Stonegate","Timber Ridge",
"Glacier Springs","Windward","Summit Edge","Fox Ridge","Elmwood Heights","Whitewater Springs","Cypress Bay",
"Pine Valley","Rivergate","Eagleport","Sandwood","Birchfield","Sunrise Grove","Meadow Brook","Bluffwood",
"Green Lake","Oceanstone","Shady Brook","Granite Ridge","Rockstone","Hollycrest","Summit Ridge",
"Edgewater Springs","Eagle Peak","Misty Hills","River Valley","Pineview","Lakeview Ridge","Stonewater",
"Silver Ridge","Greenstone Falls","Seaside Valley","Willowbend","Baystone","Sandbrook","Cliffside","Fernwood",
"Crystal Ridge","Oceancrest","Foxbridge","Seaview","Meadowridge","Canyon Hill","Whitestone Ridge",
"Lakeshore Hills","Timberland","Wolfstone","Willowridge","Granite Creek","Shadowridge","Ocean Bluff",
"Bright Creek","Evergreen Ridge","Lakeshore Heights","Fernhill Springs","Sandhill Grove","Glacier Hill",
"Clearwater Ridge","Stonewall Heights","Pine Ridge","Shady Grove","Timber Cove","Green Ridge","Iron Ridge",
"Hightower Point","Windy Ridge","Eagle Valley","Sunset Crest","Silver Heights","Seaside Springs",
"Misty Valley","Woodland Grove","Shadowbrook Grove","Shady Brook","Evergreen Crest","Stonegate Valley",
"Cypress Hills","Moonlight Valley","Cedar Valley","Brookhaven Springs","Riverbend Valley","Seaside Grove",
"Glacier Ridge","Ironstone Point","Foxwood Springs","Oceanstone Valley","Fernwood Cove","Lakeside Grove",
"Seabrook","Misty Lake","Greenfield Hill","Oceanview Ridge","Silver Creek","Redwood Valley","Riverstone Point",
"Clearwater Springs","Greenleaf Valley","Shadowbrook Grove","Sunset Hills","Treetop Heights","Windstone Hill",
"Willowford","Blueridge Grove","Timber Ridge","Misty River","Redwood Springs","Meadow Ridge","Lakeside Valley",
"Shady Cove","Crystal Shore","Granite Creek","Ironstone Valley","Foxwood Glen","Seaview Ridge","Treetop Hill",
"Baystone Valley","Blueridge Point","Pinebrook Ridge","Canyonbrook","Granite Springs","Riverstone Cove",
"Clearwater Valley","Silver Ridge","Eagle Creek","Willowbrook","Shady Creek","Timberstone Ridge","Meadowbrook",
"Bay Ridge","Sandridge Point","Eaglewood Heights","Misty Grove","Greenstone Point","Clearview",
"Silverstone Heights","Oceancrest Ridge","Granite Point","Meadowdale","Canyon Ridge","Bluffridge",
"Ironstone Ridge","Foxbrook Heights","Pine Ridge","Shoreline Crest","Timberland Ridge","Meadowcrest",
"Stonegate Grove","Fernwood Springs","Brookstone Valley","Evergreen Hills","Greenstone Ridge",
"Oceanstone Point","Brighton Crest","Canyonbrook","Wolfstone Ridge","Ironstone Cove","Fox Ridge",
"Pinehill Grove","Crystal River","Clearview Point","Seaside Valley","Hollow Ridge","Misty Creek",
"Shady Valley","Riverstone Heights","Blueridge Cove","Evergreen Grove","Greenfield Ridge","Timberstone Point",
"Shady Brook","Clearview Valley","Silverstone Hill","Oceanstone Springs","Fernhill Ridge","Fox Ridge",
"Meadowridge Point","Shady Crest","Timber Ridge","Evergreen Springs","Foxwood Glen","Seaview Heights",
"Granite Ridge","Ocean Ridge","Rivergate Valley","Seaside Grove","Clearview Springs","Silverstone Point",
"Foxwood Ridge","Timberstone Point","Pinebrook Crest","Riverstone Grove","Granite Ridge","Blueridge Valley",
"Meadowbrook Point","Ironstone Valley","Cypress Springs","Crystal Ridge","Evergreen Springs","Silver Creek",
"Greenridge Valley","Lakeside Ridge","Shady Ridge","Baystone Grove","Crystal Grove","Treetop Valley",
"Seaside Crest","Clearwater Ridge","Oceanstone Ridge","Bluffwood Grove","Fernhill Point","Silverstone Springs",
"Clearwater Point","Greenwood Valley","Shadybrook Ridge","Brightwood Ridge","Willowbrook Grove",
"Timberland Ridge","Crystal Springs","Granite Ridge","Foxbrook Springs","Lakeside Heights","Shady Brook",
"Greenstone Ridge","Oceancrest Valley","Blueridge Ridge","Canyon Ridge","Clearbrook Point","Fernhill Ridge",
"Pinecrest Heights","Ironstone Grove","Meadowstone Ridge","Baystone Heights","Crystal Valley",
"Seaside Springs","Silverton Springs","Evergreen Point","Granite Ridge","Meadowbrook Ridge","Lakeside Point",
"Clearwater Springs","Brightwood Point","Silverstone Ridge","Seaside Ridge","Crystal Shores","Evergreen Crest",
"Granite Point","Seaside Crest","Clearwater Valley","Fernhill Valley","Baystone Ridge","Riverstone Grove",
"Shadybrook Ridge","Foxbrook Point","Timberstone Point","Brightwood Ridge","Evergreen Springs","Seaside Ridge",
"Granite Valley","Crystal Ridge","Shadybrook Springs","Foxbrook Ridge","Pinecrest Grove","Willowbrook Valley",
"Canyon Ridge","Clearwater Ridge","Oceancrest Point","Seaside Heights","Shadybrook Ridge","Baystone Heights",
"Pinebrook Ridge","Foxbrook Valley","Granite Ridge","Shadybrook Valley","Clearwater Grove","Evergreen Ridge",
"Willowbrook Ridge","Granite Ridge","Shadybrook Grove","Willowbrook Grove","Foxbrook Point","Clearwater Ridge",
"Silverstone Ridge","Shadybrook Valley","Clearwater Ridge","Seaside Grove","Willowbrook Valley",
"Shadybrook Valley","Seaside Ridge","Willowbrook Ridge"
],
"CREDIT_CARD_EXTENSION":{
"1234567812345678":{"card_number":"1234567812345678","expiration_date":"12/25","cardholder_name":"John Doe","card_verification_number":123,"balance":5000.0},
"2345678923456789":{"card_number":"2345678923456789","expiration_date":"11/24","cardholder_name":"Jane Smith","card_verification_number":456,"balance":7500.0},
"3456789034567890":{"card_number":"3456789034567890","expiration_date":"10/23","cardholder_name":"Robert Johnson","card_verification_number":789,"balance":6200.0},
"4567890145678901":{"card_number":"4567890145678901","expiration_date":"09/26","cardholder_name":"Emily Davis","card_verification_number":321,"balance":8200.0},
"9978997699789976":{"card_number":"9978997699789976","expiration_date":"01/30","cardholder_name":"Cardholder 97","card_verification_number":697,"balance":5850.0},
"9989997799899989":{"card_number":"9989997799899989","expiration_date":"02/30","cardholder_name":"Cardholder 98","card_verification_number":698,"balance":5900.0},
"9999997899999999":{"card_number":"9999997899999999","expiration_date":"03/30","cardholder_name":"Cardholder 99","card_verification_number":699,"balance":5950.0},
"1000000790000000":{"card_number":"1000000790000000","expiration_date":"04/30","cardholder_name":"Cardholder 100","card_verification_number":700,"balance":6000.0},
"1234567812345674":{"card_number":"1234567812345674","expiration_date":"12/25","cardholder_name":"Johnyy Doe Stacks","card_verification_number":132,"balance":5000.0},
"2345678923456784":{"card_number":"2345678923456784","expiration_date":"11/24","cardholder_name":"Jane Hudson","card_verification_number":465,"balance":7500.0},
"3456789034567894":{"card_number":"3456789034567894","expiration_date":"10/23","cardholder_name":"Mitchell Johnson","card_verification_number":798,"balance":6200.0},
"4567890145678904":{"card_number":"4567890145678904","expiration_date":"09/26","cardholder_name":"Emilio Berkeley","card_verification_number":312,"balance":8200.0},
"9978997699789974":{"card_number":"9978997699789974","expiration_date":"01/30","cardholder_name":"Cardholder 397","card_verification_number":679,"balance":5850.0},
"9989997799899984":{"card_number":"9989997799899984","expiration_date":"02/30","cardholder_name":"Cardholder 098","card_verification_number":689,"balance":5900.0},
"9999997899999994":{"card_number":"9999997899999994","expiration_date":"03/30","cardholder_name":"Cardholder 499","card_verification_number":696,"balance":5950.0},
"1000000790000004":{"card_number":"1000000790000004","expiration_date":"04/30","cardholder_name":"Cardholder 4100","card_verification_number":712,"balance":6000.0},
"1456789034567891":{"card_number":"1456789034567891","expiration_date":"10/23","cardholder_name":"Roberto Johnson","card_verification_number":798,"balance":6200.0},
"1567890145678901":{"card_number":"1567890145678901","expiration_date":"09/26","cardholder_name":"Emily Daviston","card_verification_number":312,"balance":8200.0},
"1978997699789971":{"card_number":"1978997699789971","expiration_date":"01/30","cardholder_name":"Cardholder 697","card_verification_number":679,"balance":5850.0},
"1989997799899981":{"card_number":"1989997799899981","expiration_date":"02/30","cardholder_name":"Cardholder 598","card_verification_number":689,"balance":5900.0},
"1999997899999991":{"card_number":"1999997899999991","expiration_date":"03/30","cardholder_name":"Cardholder 499","card_verification_number":696,"balance":5950.0},
"1000000790000001":{"card_number":"1000000790000004","expiration_date":"04/30","cardholder_name":"Cardholder 2100","card_verification_number":712,"balance":6000.0}
},
"BOOKING_RECORD_EXTENSION":{
"booking_901":{"card_id":"1234567812345678","travel_date":"2024-05-21","travel_from":"SFO","travel_to":"JFK","travel_class":"economy","travel_cost":400.0,"transaction_id":"trans_001"},
"booking_902":{"card_id":"2345678923456789","travel_date":"2024-06-15","travel_from":"LAX","travel_to":"ORD","travel_class":"business","travel_cost":900.0,"transaction_id":"trans_002"},
"booking_903":{"card_id":"3456789034567890","travel_date":"2024-07-01","travel_from":"BOS","travel_to":"RMS","travel_class":"first","travel_cost":1500.0,"transaction_id":"trans_003"},
"booking_904":{"card_id":"4567890145678901","travel_date":"2024-08-21","travel_from":"SFO","travel_to":"ORD","travel_class":"economy","travel_cost":380.0,"transaction_id":"trans_004"},
"booking_997":{"card_id":"9978997699789976","travel_date":"2024-03-15","travel_from":"MPC","travel_to":"WLB","travel_class":"business","travel_cost":900.0,"transaction_id":"trans_097"},
"booking_998":{"card_id":"9989997799899989","travel_date":"2024-02-11","travel_from":"SHD","travel_to":"SVP","travel_class":"economy","travel_cost":450.0,"transaction_id":"trans_098"},
"booking_999":{"card_id":"9999997899999999","travel_date":"2024-01-23","travel_from":"RMS","travel_to":"SBK","travel_class":"first","travel_cost":2200.0,"transaction_id":"trans_099"},
"booking_900":{"card_id":"1000000790000000","travel_date":"2024-12-05","travel_from":"SFO","travel_to":"JFK","travel_class":"business","travel_cost":1300.0,"transaction_id":"trans_100"},
"booking_401":{"card_id":"1234567812345678","travel_date":"2024-05-21","travel_from":"SFO","travel_to":"JFK","travel_class":"economy","travel_cost":400.0,"transaction_id":"trans_401"},
"booking_402":{"card_id":"2345678923456789","travel_date":"2024-06-15","travel_from":"LAX","travel_to":"ORD","travel_class":"business","travel_cost":900.0,"transaction_id":"trans_002"},
"booking_403":{"card_id":"3456789034567890","travel_date":"2024-07-01","travel_from":"BOS","travel_to":"RMS","travel_class":"first","travel_cost":1500.0,"transaction_id":"trans_403"},
"booking_404":{"card_id":"4567890145678901","travel_date":"2024-08-21","travel_from":"SFO","travel_to":"ORD","travel_class":"economy","travel_cost":380.0,"transaction_id":"trans_404"},
"booking_497":{"card_id":"9978997699789976","travel_date":"2024-03-15","travel_from":"MPC","travel_to":"WLB","travel_class":"business","travel_cost":900.0,"transaction_id":"trans_497"},
"booking_498":{"card_id":"9989997799899989","travel_date":"2024-02-11","travel_from":"SHD","travel_to":"SVP","travel_class":"economy","travel_cost":450.0,"transaction_id":"trans_498"},
"booking_499":{"card_id":"9999997899999999","travel_date":"2024-01-23","travel_from":"RMS","travel_to":"SBK","travel_class":"first","travel_cost":2200.0,"transaction_id":"trans_499"},
"booking_400":{"card_id":"1000000790000000","travel_date":"2024-12-05","travel_from":"SFO","travel_to":"JFK","travel_class":"business","travel_cost":1300.0,"transaction_id":"trans_400"}
},
"FILES_TAIL_USED":[
"log.txt","report.txt","report.csv","DataSet1.csv","file1.txt","finance_report.txt","config.py",
"Q4_summary.doc","file3.txt"
]
}`;
