/**
 * Reads τ-bench's `tasks_test.py` without running Python: the file is one assignment
 * `TASKS = [Task(...), ...]` whose values are Python literals (strings, numbers, True/False/None,
 * lists, tuples, dicts) and calls of `Task` / `Action` with keyword arguments. Anything else in an
 * expression is refused.
 */
import { EnvscalerError } from '@envscaler/core';

/** One gold tool call of a task. */
export interface TauAirlineAction {
  /** Tool name, e.g. 'book_reservation'. */
  name: string;
  /** The tool's arguments by name. */
  kwargs: Record<string, unknown>;
}

/** One τ-bench airline task. */
export interface TauAirlineTask {
  /** The task's position in `TASKS`, as text ('0' … '49'). */
  id: string;
  annotator?: string;
  /** The user the simulated customer plays. */
  user_id: string;
  /** What the simulated customer wants, and how they behave. */
  instruction: string;
  /** The gold tool calls, in order. */
  actions: TauAirlineAction[];
  /** Texts the agent must say to the user (each must appear in one of its replies). */
  outputs: string[];
}

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'punct'; text: string; at: number }
  | { kind: 'end'; at: number };

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '=', '-', '+']);

function fail(message: string, file: string, at: number, source: string): never {
  const line = source.slice(0, at).split('\n').length;
  throw new EnvscalerError('INVALID_INPUT', `${file}:${line}: ${message}`);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '\\' && source[i + 1] === '\n') {
      i += 2;
      continue;
    }
    const at = i;
    if (/[A-Za-z_]/.test(char)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))![0];
      const next = source[i + name.length];
      if ((name === 'r' || name === 'R' || name === 'u' || name === 'U') && (next === '"' || next === "'")) {
        i += name.length;
        const { value, end } = readString(source, i, file, name.toLowerCase() === 'r');
        tokens.push({ kind: 'string', value, at });
        i = end;
        continue;
      }
      tokens.push({ kind: 'name', text: name, at });
      i += name.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const { value, end } = readString(source, i, file, false);
      tokens.push({ kind: 'string', value, at });
      i = end;
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const text = /^(?:\d[\d_]*)?(?:\.[\d_]*)?(?:[eE][+-]?\d+)?/.exec(source.slice(i))![0];
      const value = Number(text.replace(/_/g, ''));
      if (!Number.isFinite(value)) fail(`bad number '${text}'`, file, at, source);
      tokens.push({ kind: 'number', value, at });
      i += text.length;
      continue;
    }
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: 'punct', text: char, at });
      i++;
      continue;
    }
    fail(`unexpected character '${char}'`, file, at, source);
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

function readString(
  source: string,
  start: number,
  file: string,
  raw: boolean,
): { value: string; end: number } {
  const quote = source[start] as string;
  const triple = source.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = start + delimiter.length;
  let value = '';
  for (;;) {
    if (i >= source.length) fail('unterminated string', file, start, source);
    if (source.startsWith(delimiter, i)) return { value, end: i + delimiter.length };
    const char = source[i] as string;
    if (char === '\n' && !triple) fail('unterminated string', file, start, source);
    if (char !== '\\') {
      value += char;
      i++;
      continue;
    }
    const next = source[i + 1] ?? '';
    if (raw) {
      value += char + next;
      i += 2;
      continue;
    }
    if (next === '\n') {
      i += 2;
      continue;
    }
    if (next in SIMPLE_ESCAPES && !(next === '0' && /[0-7]/.test(source[i + 2] ?? ''))) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
      continue;
    }
    const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hex > 0) {
      const digits = source.slice(i + 2, i + 2 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) fail('bad escape', file, i, source);
      value += String.fromCodePoint(parseInt(digits, 16));
      i += 2 + hex;
      continue;
    }
    // Python keeps an unknown escape as it is.
    value += char;
    i++;
  }
}

class LiteralParser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
    private readonly file: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.position] as Token;
  }

  private fail(message: string): never {
    fail(message, this.file, this.peek().at, this.source);
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) this.fail(`expected '${text}'`);
    this.position++;
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  /** A comma-separated sequence up to `close`, trailing comma allowed. */
  private sequence<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    while (!this.isPunct(close)) {
      items.push(item());
      if (!this.isPunct(',')) break;
      this.position++;
    }
    this.expect(close);
    return items;
  }

  value(): unknown {
    const token = this.peek();
    if (token.kind === 'string') {
      // Adjacent literals concatenate.
      let text = '';
      while (this.peek().kind === 'string') {
        text += (this.peek() as { value: string }).value;
        this.position++;
      }
      return text;
    }
    if (token.kind === 'number') {
      this.position++;
      return token.value;
    }
    if (token.kind === 'punct' && (token.text === '-' || token.text === '+')) {
      this.position++;
      const operand = this.value();
      if (typeof operand !== 'number') this.fail('a sign must precede a number');
      return token.text === '-' ? -operand : operand;
    }
    if (token.kind === 'punct' && token.text === '[') {
      this.position++;
      return this.sequence(']', () => this.value());
    }
    if (token.kind === 'punct' && token.text === '(') {
      this.position++;
      // A parenthesised value or a tuple (read as a list).
      const items: unknown[] = [];
      let comma = false;
      while (!this.isPunct(')')) {
        items.push(this.value());
        if (!this.isPunct(',')) break;
        comma = true;
        this.position++;
      }
      this.expect(')');
      return comma || items.length !== 1 ? items : items[0];
    }
    if (token.kind === 'punct' && token.text === '{') {
      this.position++;
      const record: Record<string, unknown> = {};
      this.sequence('}', () => {
        const key = this.value();
        if (typeof key !== 'string') this.fail('dictionary keys must be strings');
        this.expect(':');
        Object.defineProperty(record, key, {
          value: this.value(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      return record;
    }
    if (token.kind === 'name') {
      this.position++;
      if (token.text === 'True') return true;
      if (token.text === 'False') return false;
      if (token.text === 'None') return null;
      if (token.text !== 'Task' && token.text !== 'Action') this.fail(`unexpected name '${token.text}'`);
      this.expect('(');
      const kwargs: Record<string, unknown> = { __call: token.text };
      this.sequence(')', () => {
        const name = this.peek();
        if (name.kind !== 'name') this.fail('expected a keyword argument');
        this.position++;
        this.expect('=');
        kwargs[name.text] = this.value();
      });
      return kwargs;
    }
    this.fail('expected a value');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses the text of τ-bench's `tasks_test.py` into its tasks (ids are their positions). */
export function parseTauAirlineTasks(source: string, file = 'tasks_test.py'): TauAirlineTask[] {
  const assignment = /^TASKS\s*=/m.exec(source);
  if (assignment === null)
    throw new EnvscalerError('INVALID_INPUT', `${file}: no 'TASKS = [...]' assignment`);
  const before = source.slice(0, assignment.index);
  for (const line of before.split('\n')) {
    const text = line.trim();
    if (text !== '' && !text.startsWith('#') && !/^(from\s+\S+\s+)?import\s/.test(text)) {
      throw new EnvscalerError('INVALID_INPUT', `${file}: unexpected statement before TASKS: ${text}`);
    }
  }
  const offset = assignment.index + assignment[0].length;
  const tokens = tokenize(source.slice(offset), file).map((token) => ({ ...token, at: token.at + offset }));
  const parser = new LiteralParser(tokens, source, file);
  const list = parser.value();
  if (!parser.atEnd()) fail('unexpected text after TASKS', file, source.length, source);
  if (!Array.isArray(list)) throw new EnvscalerError('INVALID_INPUT', `${file}: TASKS is not a list`);
  return list.map((entry, index): TauAirlineTask => {
    const where = `${file}: TASKS[${index}]`;
    if (!isRecord(entry) || entry.__call !== 'Task')
      throw new EnvscalerError('INVALID_INPUT', `${where} is not a Task(...)`);
    const { user_id, instruction, actions, outputs, annotator } = entry;
    if (typeof user_id !== 'string' || typeof instruction !== 'string' || !Array.isArray(actions)) {
      throw new EnvscalerError('INVALID_INPUT', `${where} lacks user_id, instruction or actions`);
    }
    const outputList = outputs ?? [];
    if (!Array.isArray(outputList) || !outputList.every((o) => typeof o === 'string')) {
      throw new EnvscalerError('INVALID_INPUT', `${where}: outputs must be a list of strings`);
    }
    return {
      id: String(index),
      ...(typeof annotator === 'string' ? { annotator } : {}),
      user_id,
      instruction,
      actions: actions.map((action, n) => {
        if (
          !isRecord(action) ||
          action.__call !== 'Action' ||
          typeof action.name !== 'string' ||
          !isRecord(action.kwargs)
        ) {
          throw new EnvscalerError(
            'INVALID_INPUT',
            `${where}.actions[${n}] is not an Action(name=..., kwargs={...})`,
          );
        }
        return { name: action.name, kwargs: action.kwargs };
      }),
      outputs: outputList as string[],
    };
  });
}
