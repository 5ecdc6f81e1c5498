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

/** CPython `random.Random` (MT19937) generator state. */
interface MtState {
  /** The 624 32-bit words. */
  mt: number[];
  /** Position of the next word to temper (624 = regenerate first). */
  index: number;
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
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
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

/** `random.Random(seed)` for an integer seed (CPython seeds with the 32-bit words of `abs(seed)`). */
function mtSeed(seed: number): MtState {
  let n = Math.abs(seed);
  const key: number[] = [];
  do {
    key.push(n % 4294967296);
    n = Math.floor(n / 4294967296);
  } while (n > 0);
  const mt = new Array<number>(MT_N);
  mt[0] = 19650218;
  for (let i = 1; i < MT_N; i++) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
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
  return { mt, index: MT_N };
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
  const mt = state.mt;
  if (state.index >= MT_N) {
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
    state.index = 0;
  }
  let y = mt[state.index++] as number;
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
// Scenario loading (`_load_scenario` of each class, long-context off)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Scenario = Record<string, unknown>;

/** `scenario.get(key, default)`. */
function get<T>(scenario: Scenario, key: string, fallback: T): T {
  return (hasOwn(scenario, key) ? scenario[key] : fallback) as T;
}

function loadFileSystem(scenario: Scenario): FileSystemState {
  const fs: FileSystemState = {
    long_context: false,
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
      for (const [name, data] of Object.entries(current)) {
        if (!isPlainObject(data)) continue;
        if (data['type'] === 'directory') {
          const child = fsNewDirectory(fs, name, directoryId);
          load(data['contents'], child);
          fsPut(fs, directoryId, name, child);
        } else if (data['type'] === 'file') {
          const id = fsNewId(fs, 'f');
          fs._files[id] = { name, content: data['content'] as string };
          fsPut(fs, directoryId, name, id);
        }
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

function loadTrading(scenario: Scenario): TradingState {
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
    long_context: false,
    _random: seedFrom(get(scenario, 'random_seed', 1053520)),
    _order_keys: Object.keys(orders),
  };
}

function loadTravel(scenario: Scenario): TravelState {
  return {
    credit_card_list: get<Record<string, JsonObject>>(scenario, 'credit_card_list', {}),
    booking_record: get<Record<string, JsonObject>>(scenario, 'booking_record', {}),
    access_token: get<Json>(scenario, 'access_token', null),
    token_type: get<Json>(scenario, 'token_type', null),
    token_expires_in: get<Json>(scenario, 'token_expires_in', null),
    token_scope: get<Json>(scenario, 'token_scope', null),
    user_first_name: get<Json>(scenario, 'user_first_name', null),
    user_last_name: get<Json>(scenario, 'user_last_name', null),
    budget_limit: get<Json>(scenario, 'budget_limit', null),
    long_context: false,
    _random: seedFrom(get(scenario, 'random_seed', 141053)),
    _flight_cost_lookup: {},
  };
}

function loadVehicle(scenario: Scenario): VehicleState {
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
    long_context: false,
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
   * `initial_config[<class>]` (or `{}`) with long-context mode off; MathAPI has no scenario.
   */
  static fromConfig(config: { involved_classes: string[]; initial_config: Record<string, unknown> }): State {
    const state: State = { involved: [], classes: {} };
    const initial = isPlainObject(config.initial_config) ? config.initial_config : {};
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
          state.classes.GorillaFileSystem = loadFileSystem(scenario);
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
          state.classes.TradingBot = loadTrading(scenario);
          break;
        case 'TravelAPI':
          state.classes.TravelAPI = loadTravel(scenario);
          break;
        case 'VehicleControlAPI':
          state.classes.VehicleControlAPI = loadVehicle(scenario);
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
      return stock ?? { error: `Stock with symbol '${pyStr(args.symbol)}' not found.` };
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
      return b.orders[key];
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
      return {
        transaction_history: b.transaction_history.filter((transaction) => {
          const when = parseDateTime(item(transaction, 'timestamp'));
          return start <= when && when <= end;
        }),
      };
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
    return this.dispatch('TradingBot', 'get_available_stocks', () => {
      const sectors: Record<string, string[]> = {
        Technology: ['AAPL', 'GOOG', 'MSFT', 'NVDA'],
        Automobile: ['TSLA', 'F', 'GM'],
      };
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
      travel_cost_list: [
        this.flightCost(v, args.travel_from, args.travel_to, args.travel_date, args.travel_class),
      ],
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
        booking_history: {},
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
  private flightCost(
    v: TravelState,
    from: unknown,
    to: unknown,
    date: unknown,
    travelClass: unknown,
  ): number {
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
    const cost = base * factor * (digitSum % 2 === 0 ? 2 : 1);
    v._flight_cost_lookup = {};
    setKey(v._flight_cost_lookup, `${pyStr(from)}|${pyStr(to)}|${pyStr(travelClass)}|${pyStr(date)}`, {
      cost,
    });
    return cost;
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
    return this.dispatch('VehicleControlAPI', 'get_outside_temperature_from_google', (c) => ({
      outsideTemperature: mtUniform(c._random, -10.0, 40.0),
    }));
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
      switch (args.option) {
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
      return {
        parkingBrakeStatus: c.parkingBrakeStatus,
        _parkingBrakeForce: c._parkingBrakeForce,
        _slopeAngle: 10.0,
      };
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
    return this.dispatch('VehicleControlAPI', 'estimate_distance', () => {
      for (const [a, b, distance] of DISTANCES) {
        if ((args.cityA === a && args.cityB === b) || (args.cityA === b && args.cityB === a))
          return { distance };
      }
      return { error: 'distance not found in database.' };
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
        car_info: {},
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
