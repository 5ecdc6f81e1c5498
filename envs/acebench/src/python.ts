/**
 * The Python side of ACEBench's process score, host-side: tool-call arguments parsed as Python's
 * `json.loads` would (keeping ints and floats apart), and a call written the way EnvScaler's ACEBench
 * runner logs it (`AceBenchBaseEnv.step`, `format_like_call_process`):
 * `[name(key='text', other=3, items=[{'product': 'X', 'quantity': 1}])]` — top-level strings in plain
 * single quotes (no escaping), everything else as Python's `str()`.
 */

/** A JSON value as Python's `json.loads` returns it. */
export type PyValue =
  | { kind: 'str'; value: string }
  | { kind: 'int'; text: string }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: [string, PyValue][] };

export class PythonJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PythonJsonError';
  }
}

/**
 * Parses JSON text into Python values: numbers with a fraction or exponent are floats, others ints (kept
 * as their digits); a repeated object key keeps its first position and its last value, as a dict does.
 */
export function parsePythonJson(text: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (what: string): never => {
    throw new PythonJsonError(`${what} at position ${i}`);
  };
  const value = (): PyValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, PyValue][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'dict', entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name');
        const key = string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        const v = value();
        const at = entries.findIndex(([k]) => k === key);
        if (at >= 0) entries[at] = [key, v];
        else entries.push([key, v]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'dict', entries };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: PyValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'list', items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'list', items };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return { kind: 'str', value: string() };
    for (const [word, v] of [
      ['true', { kind: 'bool', value: true }],
      ['false', { kind: 'bool', value: false }],
      ['null', { kind: 'none' }],
      ['NaN', { kind: 'float', value: Number.NaN }],
      ['Infinity', { kind: 'float', value: Infinity }],
      ['-Infinity', { kind: 'float', value: -Infinity }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v as PyValue;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '' || m[0] === '-') return fail('unexpected character');
    i += m[0].length;
    if (m[2] !== undefined || m[3] !== undefined) return { kind: 'float', value: Number(m[0]) };
    const digits = m[0].replace(/^-0$/, '0');
    return { kind: 'int', text: digits };
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('invalid string');
    }
  };
  const out = value();
  ws();
  if (i < text.length) fail('extra data');
  return out;
}

/** A plain JSON value (from `JSON.parse`) as a Python value: whole numbers are ints. */
export function toPyValue(value: unknown): PyValue {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'string') return { kind: 'str', value };
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 2 ** 53
      ? { kind: 'int', text: String(value) }
      : { kind: 'float', value };
  if (Array.isArray(value)) return { kind: 'list', items: value.map(toPyValue) };
  if (typeof value === 'object')
    return {
      kind: 'dict',
      entries: Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPyValue(v)]),
    };
  return { kind: 'str', value: String(value) };
}

/** The plain JSON value of a Python value. */
export function fromPyValue(value: PyValue): unknown {
  switch (value.kind) {
    case 'str':
    case 'bool':
    case 'float':
      return value.value;
    case 'int':
      return Number(value.text);
    case 'none':
      return null;
    case 'list':
      return value.items.map(fromPyValue);
    case 'dict':
      return Object.fromEntries(value.entries.map(([k, v]) => [k, fromPyValue(v)]));
  }
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Python's `repr(str)`: single quotes unless the text has a single quote and no double quote. */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && ch !== ' ' && !PRINTABLE.test(ch)) {
      const hex = code.toString(16);
      out +=
        code <= 0xff
          ? `\\x${hex.padStart(2, '0')}`
          : code <= 0xffff
            ? `\\u${hex.padStart(4, '0')}`
            : `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's `repr(float)`: shortest round-trip digits, '.0' on whole numbers, exponent outside [1e-4, 1e16). */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(x);
    return Number.isInteger(x) ? `${text}.0` : text;
  }
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Python's `repr()` of a value. */
export function pythonRepr(value: PyValue): string {
  switch (value.kind) {
    case 'str':
      return pythonStrRepr(value.value);
    case 'int':
      return value.text;
    case 'float':
      return pythonFloatRepr(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${value.items.map(pythonRepr).join(', ')}]`;
    case 'dict':
      return `{${value.entries.map(([k, v]) => `${pythonStrRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
}

/**
 * One logged call as EnvScaler's ACEBench runner writes it, from the raw arguments text of a tool call
 * (or an already parsed arguments value). Empty arguments count as `{}`; arguments that are not a JSON
 * object log no arguments. Throws `PythonJsonError` on text that is not JSON (the reference's runner
 * fails the whole task there).
 */
export function formatAcebenchCall(name: string, args: string | unknown): string {
  let parsed: PyValue;
  if (typeof args === 'string')
    parsed = args.trim() === '' ? { kind: 'dict', entries: [] } : parsePythonJson(args);
  else parsed = toPyValue(args ?? {});
  const entries = parsed.kind === 'dict' ? parsed.entries : [];
  const text = entries
    .map(([k, v]) => `${k}=${v.kind === 'str' ? `'${v.value}'` : pythonRepr(v)}`)
    .join(', ');
  return `[${name}(${text})]`;
}
