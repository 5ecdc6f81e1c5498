/**
 * A safe parser (no eval) for the Python call expressions of BFCL ground truth, such as
 * `mv(source='a.txt', destination='temp')` or `sort('final_report.pdf')`.
 *
 * Arguments must be Python literals: strings (single, double or triple quoted, with `r`/`u` prefixes,
 * escapes and implicit concatenation), ints, floats, True/False/None, lists, tuples, dicts and sets, with
 * unary signs on numbers. Tuples and sets become arrays. Positional arguments are mapped to parameter names
 * by the order of `parameters.properties` in the official function docs.
 */

export interface PythonCall {
  name: string;
  /** Arguments by parameter name. */
  args: Record<string, unknown>;
}

/** One function description line of `multi_turn_func_doc/*.json`. */
export interface FunctionDoc {
  name: string;
  parameters?: { properties?: Record<string, unknown> };
}

export class PythonCallSyntaxError extends Error {
  readonly position: number;

  constructor(message: string, source: string, position: number) {
    super(`${message} at position ${position} in ${JSON.stringify(source)}`);
    this.name = 'PythonCallSyntaxError';
    this.position = position;
  }
}

/** Parameter order per function name, from function docs. */
export function parameterOrderFromDocs(docs: Iterable<FunctionDoc>): Map<string, string[]> {
  const order = new Map<string, string[]>();
  for (const doc of docs) order.set(doc.name, Object.keys(doc.parameters?.properties ?? {}));
  return order;
}

export interface ParsePythonCallOptions {
  /** Parameter names in declaration order, per function; required when a call passes positional arguments. */
  parameterOrder?: ReadonlyMap<string, readonly string[]>;
}

/** Parse one call expression. Throws {@link PythonCallSyntaxError} naming the position of the problem. */
export function parsePythonCall(source: string, options: ParsePythonCallOptions = {}): PythonCall {
  const parser = new Parser(source);
  parser.skipSpace();
  const nameStart = parser.pos;
  const name = parser.identifier();
  if (name === null) return parser.fail('Expected a function name');
  parser.skipSpace();
  parser.expect('(');
  const positional: unknown[] = [];
  const keywords: Record<string, unknown> = {};
  let hasKeywords = false;
  const positionalAt: number[] = [];
  parser.skipSpace();
  while (parser.peek() !== ')') {
    const argStart = parser.pos;
    const keyword = parser.keywordName();
    if (keyword !== null) {
      if (Object.prototype.hasOwnProperty.call(keywords, keyword)) {
        parser.fail(`Keyword argument '${keyword}' repeated`, argStart);
      }
      defineKey(keywords, keyword, parser.value());
      hasKeywords = true;
    } else {
      if (hasKeywords) parser.fail('Positional argument follows keyword argument', argStart);
      positionalAt.push(argStart);
      positional.push(parser.value());
    }
    parser.skipSpace();
    if (parser.peek() === ',') {
      parser.pos += 1;
      parser.skipSpace();
    } else if (parser.peek() !== ')') {
      parser.fail("Expected ',' or ')'");
    }
  }
  parser.expect(')');
  parser.skipSpace();
  if (parser.pos < source.length) parser.fail('Unexpected text after the call');
  // Without positional arguments the result would be a key-by-key copy of `keywords`.
  if (positional.length === 0) return { name, args: keywords };

  const args: Record<string, unknown> = {};
  const order = options.parameterOrder?.get(name);
  if (!order) {
    throw new PythonCallSyntaxError(
      `No parameter order known for '${name}', needed for its positional arguments`,
      source,
      nameStart,
    );
  }
  for (let i = 0; i < positional.length; i++) {
    const parameter = order[i];
    if (parameter === undefined) {
      throw new PythonCallSyntaxError(
        `Too many positional arguments for '${name}' (it has ${order.length} parameters)`,
        source,
        positionalAt[i] as number,
      );
    }
    defineKey(args, parameter, positional[i]);
  }
  for (const [key, value] of Object.entries(keywords)) {
    if (Object.prototype.hasOwnProperty.call(args, key)) {
      throw new PythonCallSyntaxError(
        `Argument '${key}' given both by position and by keyword`,
        source,
        nameStart,
      );
    }
    defineKey(args, key, value);
  }
  return { name, args };
}

/** Sets an own data property; `defineProperty` only where assignment would hit `Object.prototype` (`__proto__`). */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

const SIMPLE_ESCAPES = new Map<string, string>([
  ['\n', ''],
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['a', '\x07'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
]);

/** Hex digits after `\x`, `\u` and `\U`. */
const HEX_ESCAPE_WIDTHS = new Map<string, number>([
  ['x', 2],
  ['u', 4],
  ['U', 8],
]);

// Sticky, so they match at `lastIndex` without slicing the rest of the source.
const PREFIXED_INT = /0[xX][0-9a-fA-F](_?[0-9a-fA-F])*|0[oO][0-7](_?[0-7])*|0[bB][01](_?[01])*/y;
const DECIMAL = /(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?/y;

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** `[ \t\r\n\f\v]`. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** `[A-Za-z]`. */
function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `[A-Za-z_]`. */
function isIdentifierStart(c: number): boolean {
  return isLetter(c) || c === 0x5f;
}

function isOctalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function isQuote(c: number): boolean {
  return c === 0x27 || c === 0x22;
}

/** `[rRuU]`: string prefixes that can stand alone. */
function isRawOrUnicode(c: number): boolean {
  return c === 0x72 || c === 0x52 || c === 0x75 || c === 0x55;
}

/** `[bB]`. */
function isBytes(c: number): boolean {
  return c === 0x62 || c === 0x42;
}

/** `[rR]`. */
function isRaw(c: number): boolean {
  return c === 0x72 || c === 0x52;
}

class Parser {
  pos = 0;

  constructor(readonly source: string) {}

  fail(message: string, at = this.pos): never {
    throw new PythonCallSyntaxError(message, this.source, at);
  }

  peek(offset = 0): string | undefined {
    return this.source[this.pos + offset];
  }

  expect(ch: string): void {
    if (this.peek() !== ch)
      this.fail(`Expected '${ch}'${this.pos >= this.source.length ? ' but the input ended' : ''}`);
    this.pos += 1;
  }

  skipSpace(): void {
    while (isSpace(this.source.charCodeAt(this.pos))) this.pos += 1;
  }

  /** End of the identifier `[A-Za-z_][A-Za-z0-9_]*` starting at `from`, or `from` if there is none. */
  private identifierEnd(from: number): number {
    if (!isIdentifierStart(this.source.charCodeAt(from))) return from;
    let end = from + 1;
    while (isIdentifierStart(this.source.charCodeAt(end)) || isDigit(this.source.charCodeAt(end))) end += 1;
    return end;
  }

  identifier(): string | null {
    const end = this.identifierEnd(this.pos);
    if (end === this.pos) return null;
    const word = this.source.slice(this.pos, end);
    this.pos = end;
    return word;
  }

  /** `name =` (not `==`) at the current position, with tabs or spaces around `=`: consumes it and returns the name. */
  keywordName(): string | null {
    const source = this.source;
    const end = this.identifierEnd(this.pos);
    if (end === this.pos) return null;
    let i = end;
    while (source.charCodeAt(i) === 0x20 || source.charCodeAt(i) === 0x09) i += 1;
    if (source.charCodeAt(i) !== 0x3d || source.charCodeAt(i + 1) === 0x3d) return null;
    i += 1;
    while (source.charCodeAt(i) === 0x20 || source.charCodeAt(i) === 0x09) i += 1;
    const name = source.slice(this.pos, end);
    this.pos = i;
    return name;
  }

  value(): unknown {
    this.skipSpace();
    const ch = this.peek();
    if (ch === undefined) this.fail('Expected a value but the input ended');
    if (ch === '[') return this.sequence('[', ']');
    if (ch === '(') return this.parenthesized();
    if (ch === '{') return this.braces();
    if (ch === '-' || ch === '+') {
      this.pos += 1;
      this.skipSpace();
      const start = this.pos;
      const operand = this.value();
      if (typeof operand !== 'number') this.fail(`Unary '${ch}' needs a number`, start);
      return ch === '-' ? -operand : operand;
    }
    const code = ch.charCodeAt(0);
    if (isDigit(code) || ch === '.') return this.number();
    if (this.stringStartsHere()) return this.strings();
    const start = this.pos;
    const word = this.identifier();
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    return this.fail(word === null ? `Unexpected character '${ch}'` : `'${word}' is not a literal`, start);
  }

  private sequence(open: string, close: string): unknown[] {
    this.expect(open);
    this.skipSpace();
    return this.restOfSequence([], close);
  }

  /** Reads items up to `close`, appending to `items`; starts just after the open bracket or a separator. */
  private restOfSequence(items: unknown[], close: string): unknown[] {
    while (this.peek() !== close) {
      items.push(this.value());
      this.separator(close);
    }
    this.expect(close);
    return items;
  }

  /** Skips the `,` after an item, or fails unless `close` follows. */
  private separator(close: string): void {
    this.skipSpace();
    if (this.peek() === ',') {
      this.pos += 1;
      this.skipSpace();
    } else if (this.peek() !== close) this.fail(`Expected ',' or '${close}'`);
  }

  /** A tuple (any parenthesised list with a comma, or `()`), or a parenthesised value. */
  private parenthesized(): unknown {
    this.expect('(');
    this.skipSpace();
    if (this.peek() === ')') {
      this.pos += 1;
      return [];
    }
    const first = this.value();
    this.skipSpace();
    if (this.peek() === ')') {
      this.pos += 1;
      return first;
    }
    // A tuple: carry on after its first item rather than re-reading it.
    this.separator(')');
    return this.restOfSequence([first], ')');
  }

  /** A dict `{k: v, ...}` (keys must be strings or numbers) or a set `{a, b}` (as an array). */
  private braces(): unknown {
    this.expect('{');
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos += 1;
      return {};
    }
    const firstStart = this.pos;
    const first = this.value();
    this.skipSpace();
    if (this.peek() !== ':') {
      // A set: carry on after its first item rather than re-reading it.
      this.separator('}');
      return this.restOfSequence([first], '}');
    }
    const result: Record<string, unknown> = {};
    let key: unknown = first;
    let keyStart = firstStart;
    for (;;) {
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null) {
        this.fail('Dict keys must be strings or numbers', keyStart);
      }
      this.skipSpace();
      this.expect(':');
      defineKey(result, typeof key === 'string' ? key : String(key), this.value());
      this.separator('}');
      if (this.peek() === '}') break;
      keyStart = this.pos;
      key = this.value();
    }
    this.expect('}');
    return result;
  }

  private number(): number {
    const start = this.pos;
    // Every prefixed form starts with `0`; skip the regex otherwise.
    if (this.source.charCodeAt(start) === 0x30) {
      PREFIXED_INT.lastIndex = start;
      const prefixed = PREFIXED_INT.exec(this.source);
      if (prefixed) {
        this.pos = PREFIXED_INT.lastIndex;
        return Number(prefixed[0].replace(/_/g, '').toLowerCase());
      }
    }
    DECIMAL.lastIndex = start;
    const match = DECIMAL.exec(this.source);
    if (!match) this.fail('Malformed number');
    const text = match[0].includes('_') ? match[0].replace(/_/g, '') : match[0];
    if (text.length > 1 && text.charCodeAt(0) === 0x30 && /^\d+$/.test(text) && !/^0+$/.test(text)) {
      this.fail('Leading zeros are not allowed in Python integers');
    }
    this.pos = DECIMAL.lastIndex;
    if (isIdentifierStart(this.source.charCodeAt(this.pos))) this.fail('Malformed number');
    return Number(text);
  }

  /** Length of the string prefix (`r`, `u`, `b`, `rb`, `br`, any case) before a quote here, or -1 if no string starts here. */
  private stringPrefixLength(): number {
    const source = this.source;
    const c0 = source.charCodeAt(this.pos);
    if (isQuote(c0)) return 0;
    const c1 = source.charCodeAt(this.pos + 1);
    if ((isRawOrUnicode(c0) || isBytes(c0)) && isQuote(c1)) return 1;
    if (
      ((isRaw(c0) && isBytes(c1)) || (isBytes(c0) && isRaw(c1))) &&
      isQuote(source.charCodeAt(this.pos + 2))
    ) {
      return 2;
    }
    return -1;
  }

  private stringStartsHere(): boolean {
    return this.stringPrefixLength() >= 0;
  }

  /** One or more adjacent string literals (implicit concatenation). */
  private strings(): string {
    let text = this.string();
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      if (!this.stringStartsHere()) {
        this.pos = save;
        return text;
      }
      text += this.string();
    }
  }

  /** A string literal; the caller has checked that one starts here. */
  private string(): string {
    const source = this.source;
    const start = this.pos;
    const prefixLength = this.stringPrefixLength();
    let raw = false;
    for (let i = start; i < start + prefixLength; i++) {
      const c = source.charCodeAt(i);
      if (isBytes(c)) this.fail('Bytes literals are not supported', start);
      if (isRaw(c)) raw = true;
    }
    let pos = start + prefixLength;
    const quote = source.charCodeAt(pos);
    const triple = source.charCodeAt(pos + 1) === quote && source.charCodeAt(pos + 2) === quote;
    pos += triple ? 3 : 1;
    // Ordinary characters are copied in runs, between escapes.
    let out = '';
    let runStart = pos;
    for (;;) {
      if (pos >= source.length) this.fail('Unterminated string literal', start);
      const c = source.charCodeAt(pos);
      if (
        c === quote &&
        (!triple || (source.charCodeAt(pos + 1) === quote && source.charCodeAt(pos + 2) === quote))
      ) {
        this.pos = pos + (triple ? 3 : 1);
        return out + source.slice(runStart, pos);
      }
      if (c === NEWLINE && !triple) this.fail('Unterminated string literal (newline inside)', start);
      if (c !== BACKSLASH) {
        pos += 1;
        continue;
      }
      if (pos + 1 >= source.length) this.fail('Unterminated string literal', start);
      // A raw string keeps the backslash and the character after it as written.
      if (raw) {
        pos += 2;
        continue;
      }
      out += source.slice(runStart, pos);
      this.pos = pos;
      out += this.escape();
      pos = runStart = this.pos;
    }
  }

  /** An escape sequence starting at the backslash. */
  private escape(): string {
    const source = this.source;
    const start = this.pos;
    const next = source[start + 1] as string;
    const simple = SIMPLE_ESCAPES.get(next);
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const code = next.charCodeAt(0);
    if (isOctalDigit(code)) {
      let end = start + 2;
      while (end < start + 4 && isOctalDigit(source.charCodeAt(end))) end += 1;
      this.pos = end;
      return String.fromCodePoint(parseInt(source.slice(start + 1, end), 8));
    }
    const width = HEX_ESCAPE_WIDTHS.get(next);
    if (width !== undefined) {
      for (let i = start + 2; i < start + 2 + width; i++) {
        if (!isHexDigit(source.charCodeAt(i))) this.fail(`Truncated \\${next} escape`, start);
      }
      const cp = parseInt(source.slice(start + 2, start + 2 + width), 16);
      if (cp > 0x10ffff) this.fail(`Illegal Unicode character in \\${next} escape`, start);
      this.pos += 2 + width;
      return String.fromCodePoint(cp);
    }
    if (next === 'N') this.fail('\\N{...} escapes are not supported', start);
    // Python keeps unknown escapes as written.
    this.pos += 2;
    return '\\' + next;
  }
}
