import { EnvscalerError, InvalidArtifactError } from './errors.js';
import type { JsonSchema } from './types/json.js';
import { compileSchema, type SchemaValidator } from './validation.js';

/** Where and why a text is not JSON: `offset` counts UTF-16 code units, `line` and `column` start at 1. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

/**
 * Finds the first syntax error of a JSON text, or undefined when the text is JSON (RFC 8259).
 * Node 20's `JSON.parse` gives no position for many errors ("Unexpected token '}', ... is not valid JSON"),
 * so this scans the text itself; it runs only after a parse failed, and keeps an explicit stack so that
 * deep nesting cannot overflow the call stack.
 */
export function jsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const offsetAndReason = scanJson(text);
  if (offsetAndReason === undefined) return undefined;
  const [offset, reason] = offsetAndReason;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { offset, line, column: offset - lineStart + 1, reason };
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const shown = (c: string) => JSON.stringify(c);

function scanJson(text: string): [number, string] | undefined {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let expect: Expect = 'value';
  const end = (): [number, string] => [n, 'unexpected end of input'];

  /** Skips a string starting at `i` (a quote); a problem, or undefined with `i` after the closing quote. */
  const string = (): [number, string] | undefined => {
    i++;
    for (;;) {
      if (i >= n) return [n, 'unterminated string'];
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c < ' ') return [i, 'control character in string (escape it, e.g. \\n)'];
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) return [n, 'unterminated string'];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return [Math.min(i + k, n), 'bad \\u escape'];
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) return [i + 1, `bad escape \\${e}`];
        i += 2;
        continue;
      }
      i++;
    }
  };

  const digits = (what: string): [number, string] | undefined => {
    if (!isDigit(text[i]))
      return i >= n ? [n, `unexpected end of input in ${what}`] : [i, `expected a digit in ${what}`];
    while (isDigit(text[i])) i++;
    return undefined;
  };

  const number = (): [number, string] | undefined => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else {
      const problem = digits('number');
      if (problem) return problem;
    }
    if (text[i] === '.') {
      i++;
      const problem = digits('fraction');
      if (problem) return problem;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const problem = digits('exponent');
      if (problem) return problem;
    }
    return undefined;
  };

  for (;;) {
    while (isSpace(text[i])) i++;
    const c = text[i];
    // Right after '[' or '{' the container may close at once.
    if ((expect === 'valueOrClose' && c === ']') || (expect === 'keyOrClose' && c === '}')) {
      stack.pop();
      i++;
      expect = 'after';
      continue;
    }
    switch (expect) {
      case 'valueOrClose':
      case 'value': {
        if (c === undefined) return end();
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
          break;
        }
        expect = 'after';
        if (c === '"') {
          const problem = string();
          if (problem) return problem;
          break;
        }
        if (c === '-' || isDigit(c)) {
          const problem = number();
          if (problem) return problem;
          break;
        }
        const literal = ['true', 'false', 'null'].find((word) => word[0] === c);
        if (literal === undefined) {
          // Inside an array a value is only expected after '[' (handled above) or after ','.
          const hint = c === ']' && stack.at(-1) === '[' ? ' (a trailing comma?)' : '';
          return [i, `unexpected ${shown(c)} where a value should be${hint}`];
        }
        for (const want of literal) {
          if (i >= n) return end();
          if (text[i] !== want) return [i, `unexpected ${shown(text[i]!)} in ${literal}`];
          i++;
        }
        break;
      }
      case 'keyOrClose':
      case 'key': {
        if (c === undefined) return end();
        if (c !== '"') {
          const hint = c === '}' ? ' (a trailing comma?)' : '';
          return [i, `expected a double-quoted property name, got ${shown(c)}${hint}`];
        }
        const problem = string();
        if (problem) return problem;
        expect = 'colon';
        break;
      }
      case 'colon':
        if (c === undefined) return end();
        if (c !== ':') return [i, `expected ':' after the property name, got ${shown(c)}`];
        i++;
        expect = 'value';
        break;
      case 'after': {
        const last = stack.at(-1);
        if (last === undefined)
          return c === undefined ? undefined : [i, `unexpected ${shown(c)} after the JSON value`];
        if (c === undefined) return end();
        const close = last === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = last === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
        } else {
          return [
            i,
            `expected ',' or '${close}' after ${last === '{' ? 'a property value' : 'an array element'}, got ${shown(c)}`,
          ];
        }
        break;
      }
    }
  }
}

const compiled = new WeakMap<JsonSchema, SchemaValidator>();

/**
 * Parses the JSON text of an artifact file. A syntax error throws `InvalidArtifactError` (INVALID_ARTIFACT)
 * located at `source:line:column`; with `schema` (any JSON Schema, compiled once per schema object) every
 * violation is listed with its JSON path; with `parse` (e.g. `parseEnvironmentPackage`) that parser checks
 * the value and gets `source` for its errors. A leading byte-order mark is ignored. `line` says the text is
 * that line of `source` (one record of a JSON Lines file): errors then name `source:line`.
 */
export function parseArtifact<T = unknown>(options: {
  text: string;
  /** The file (or other origin) named in errors. */
  source: string;
  schema?: JsonSchema;
  parse?: (value: unknown, source?: string) => T;
  /** What the artifact is called in errors (default "JSON"). */
  artifact?: string;
  /** Appended to a syntax error: what to do about it (e.g. "delete the file to record it again"). */
  hint?: string;
  /** The line of `source` the text starts on (from 1), for one line of a JSON Lines file. */
  line?: number;
}): T {
  const { source, schema, parse, line: firstLine = 1 } = options;
  if (typeof options.text !== 'string') {
    throw new EnvscalerError('INVALID_INPUT', `parseArtifact: text of ${source} must be a string`);
  }
  if (schema !== undefined && parse !== undefined) {
    throw new EnvscalerError('INVALID_INPUT', `parseArtifact: give schema or parse for ${source}, not both`);
  }
  if (!Number.isInteger(firstLine) || firstLine < 1) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `parseArtifact: line must be a positive integer, got ${firstLine}`,
    );
  }
  const artifact = options.artifact ?? 'JSON';
  const where = options.line === undefined ? source : `${source}:${firstLine}`;
  const text = options.text.charCodeAt(0) === 0xfeff ? options.text.slice(1) : options.text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = jsonSyntaxError(text);
    const line = problem && firstLine + problem.line - 1;
    const reason = problem?.reason ?? (error as Error).message;
    throw new InvalidArtifactError({
      artifact,
      source: problem ? `${source}:${line}:${problem.column}` : where,
      issues: [
        { path: '$', message: `is not valid JSON: ${reason}${options.hint ? `; ${options.hint}` : ''}` },
      ],
      details: problem ? { file: source, line, column: problem.column } : { file: source },
    });
  }
  if (parse) return parse(value, where);
  if (schema) {
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = compileSchema(schema)));
    const issues = validate(value);
    if (issues.length > 0) throw new InvalidArtifactError({ artifact, source: where, issues });
  }
  return value as T;
}

/**
 * Parses JSON Lines text, validating each line with `parse`; errors name the line (and, for a syntax
 * error, the column). Blank lines are skipped.
 */
export function parseJsonLines<T>(options: {
  text: string;
  parse: (value: unknown, source?: string) => T;
  source?: string;
}): T[] {
  const out: T[] = [];
  options.text.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    const source = options.source ?? 'input';
    out.push(parseArtifact({ text, source, line: i + 1, artifact: 'JSON line', parse: options.parse }));
  });
  return out;
}
