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
  if (name === null) parser.fail('Expected a function name');
  parser.skipSpace();
  parser.expect('(');
  const positional: unknown[] = [];
  const keywords: Record<string, unknown> = {};
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
    } else {
      if (Object.keys(keywords).length > 0)
        parser.fail('Positional argument follows keyword argument', argStart);
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

  const args: Record<string, unknown> = {};
  if (positional.length > 0) {
    const order = options.parameterOrder?.get(name as string);
    if (!order) {
      throw new PythonCallSyntaxError(
        `No parameter order known for '${name}', needed for its positional arguments`,
        source,
        nameStart,
      );
    }
    positional.forEach((value, i) => {
      const parameter = order[i];
      if (parameter === undefined) {
        throw new PythonCallSyntaxError(
          `Too many positional arguments for '${name}' (it has ${order.length} parameters)`,
          source,
          positionalAt[i] as number,
        );
      }
      defineKey(args, parameter, value);
    });
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
  return { name: name as string, args };
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

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
    while (this.pos < this.source.length && /[ \t\r\n\f\v]/.test(this.source[this.pos] as string))
      this.pos += 1;
  }

  identifier(): string | null {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.source.slice(this.pos));
    if (!match) return null;
    this.pos += match[0].length;
    return match[0];
  }

  /** `name =` (not `==`) at the current position: consumes it and returns the name. */
  keywordName(): string | null {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)[ \t]*/.exec(this.source.slice(this.pos));
    if (!match) return null;
    this.pos += match[0].length;
    return match[1] as string;
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
    if (/[0-9.]/.test(ch)) return this.number();
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
    const items: unknown[] = [];
    this.skipSpace();
    while (this.peek() !== close) {
      items.push(this.value());
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos += 1;
        this.skipSpace();
      } else if (this.peek() !== close) this.fail(`Expected ',' or '${close}'`);
    }
    this.expect(close);
    return items;
  }

  /** A tuple (any parenthesised list with a comma, or `()`), or a parenthesised value. */
  private parenthesized(): unknown {
    const start = this.pos;
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
    this.pos = start;
    return this.sequence('(', ')');
  }

  /** A dict `{k: v, ...}` (keys must be strings or numbers) or a set `{a, b}` (as an array). */
  private braces(): unknown {
    const braceStart = this.pos;
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
      this.pos = braceStart;
      return this.sequence('{', '}');
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
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos += 1;
        this.skipSpace();
      } else if (this.peek() !== '}') this.fail("Expected ',' or '}'");
      if (this.peek() === '}') break;
      keyStart = this.pos;
      key = this.value();
    }
    this.expect('}');
    return result;
  }

  private number(): number {
    const rest = this.source.slice(this.pos);
    const special = /^0[xX][0-9a-fA-F](_?[0-9a-fA-F])*|^0[oO][0-7](_?[0-7])*|^0[bB][01](_?[01])*/.exec(rest);
    if (special) {
      this.pos += special[0].length;
      return Number(special[0].replace(/_/g, '').toLowerCase());
    }
    const match = /^(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?/.exec(rest);
    if (!match) this.fail('Malformed number');
    const text = match[0].replace(/_/g, '');
    if (/^0\d/.test(text) && /^\d+$/.test(text) && !/^0+$/.test(text)) {
      this.fail('Leading zeros are not allowed in Python integers');
    }
    this.pos += match[0].length;
    if (/^[A-Za-z_]/.test(this.source.slice(this.pos))) this.fail('Malformed number');
    return Number(text);
  }

  private stringStartsHere(): boolean {
    return /^([rRuU]|[rR][bB]|[bB][rR]|[bB])?['"]/.test(this.source.slice(this.pos, this.pos + 3));
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

  private string(): string {
    const start = this.pos;
    const prefix = /^[A-Za-z]*/.exec(this.source.slice(this.pos))?.[0] ?? '';
    if (/b/i.test(prefix)) this.fail('Bytes literals are not supported', start);
    const raw = /r/i.test(prefix);
    this.pos += prefix.length;
    const quote = this.peek() as string;
    const triple = this.source.startsWith(quote.repeat(3), this.pos);
    const delimiter = triple ? quote.repeat(3) : quote;
    this.pos += delimiter.length;
    let out = '';
    for (;;) {
      if (this.pos >= this.source.length) this.fail('Unterminated string literal', start);
      if (this.source.startsWith(delimiter, this.pos)) {
        this.pos += delimiter.length;
        return out;
      }
      const ch = this.source[this.pos] as string;
      if (ch === '\n' && !triple) this.fail('Unterminated string literal (newline inside)', start);
      if (ch !== '\\') {
        out += ch;
        this.pos += 1;
        continue;
      }
      const next = this.source[this.pos + 1];
      if (next === undefined) this.fail('Unterminated string literal', start);
      if (raw) {
        out += ch + next;
        this.pos += 2;
        continue;
      }
      out += this.escape();
    }
  }

  /** An escape sequence starting at the backslash. */
  private escape(): string {
    const start = this.pos;
    const next = this.source[this.pos + 1] as string;
    if (Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, next)) {
      this.pos += 2;
      return SIMPLE_ESCAPES[next] as string;
    }
    if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(this.source.slice(this.pos + 1))?.[0] as string;
      this.pos += 1 + digits.length;
      return String.fromCodePoint(parseInt(digits, 8));
    }
    const widths: Record<string, number> = { x: 2, u: 4, U: 8 };
    const width = widths[next];
    if (width !== undefined) {
      const hex = this.source.slice(this.pos + 2, this.pos + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) this.fail(`Truncated \\${next} escape`, start);
      const cp = parseInt(hex, 16);
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
