import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EnvscalerError, InvalidArtifactError, parseArtifact, type CorpusFilters } from '@envscaler/core';

/** One task of the input corpus. `tools` is whatever tool list the source dataset carried (kept as-is). */
export interface CorpusTask {
  id: string;
  task: string;
  tools?: unknown[];
}

/**
 * The corpus formats `loadTaskCorpus` reads: our JSON Lines (`{"task": ...}` per line, or a JSON array of
 * such objects), plain text (one task per line), and the two tool-use data sets EnvScaler mined its
 * environment topics from: API-Bank (a JSON array of `{instruction, input, output}`) and ToolACE (a JSON
 * array of `{system, conversations: [{from, value}]}`).
 */
export type CorpusFormat = 'jsonl' | 'text' | 'api-bank' | 'toolace';

/**
 * The rules a task can be dropped by, in the order they are applied (a task counts under the first one it
 * breaks). `empty` always applies; the others are EnvScaler's (`step0_collect_task.py`) and apply when
 * filtering is on: `non-english` (any character outside ASCII letters, digits, whitespace and common
 * punctuation), `multimodal` (mentions an image, photo, picture, video, audio, sound, speech or clip),
 * `role-definition` ("Role definition:"), `currency` (USD, ETH, Bitcoin, Ethereum), `email` (an `@`),
 * `link` (`.com`, `http:`, `https:`), and `duplicate` (the exact text of an earlier kept task).
 */
export const corpusDropRules = [
  'empty',
  'non-english',
  'multimodal',
  'role-definition',
  'currency',
  'email',
  'link',
  'duplicate',
] as const;

export type CorpusDropRule = (typeof corpusDropRules)[number];

/**
 * What reading a corpus did: its format, how many records it held, and how many tasks each rule dropped
 * (core's `CorpusFilters`, the build report's `corpus.filters`, with this package's formats and rules).
 */
export interface CorpusReport extends CorpusFilters {
  format: CorpusFormat;
  /** Tasks dropped, by rule (every rule listed, 0 when it dropped nothing). */
  dropped: Record<CorpusDropRule, number>;
}

export interface LoadTaskCorpusOptions {
  /** A file to read. */
  path?: string;
  /** The corpus text itself (used when `path` is not given). */
  text?: string;
  /**
   * Force a format. By default: a JSON array is API-Bank (items with `input`), ToolACE (items with
   * `conversations`) or our tasks (items with `task`), judged by its first item; otherwise a corpus whose
   * first non-blank line starts with `{` is JSON Lines (of the same three kinds), else plain text.
   */
  format?: CorpusFormat;
  /**
   * Apply EnvScaler's filters and drop exact duplicates (see `corpusDropRules`). Default: on for API-Bank
   * and ToolACE, off for our own JSON Lines and text (a curated corpus is taken as it is).
   */
  filter?: boolean;
}

/**
 * Loads a task corpus: JSON Lines of `{"id"?, "task", "tools"?}`, plain text with one task per line, or an
 * API-Bank / ToolACE file (see `CorpusFormat`; how a task is taken from each is described at
 * `extractApiBankTask` and `extractToolAceTask`). Blank lines and, in plain text, lines starting with `#`
 * are skipped. Tasks without an id get `task-<line number>`; API-Bank and ToolACE tasks get
 * `api-bank-<index>` / `toolace-<index>`, the index of the item they came from. Bad JSONL throws an
 * `InvalidArtifactError` naming the line. `readTaskCorpus` also returns what each filter dropped.
 */
export async function loadTaskCorpus(options: LoadTaskCorpusOptions): Promise<CorpusTask[]> {
  return (await readTaskCorpus(options)).tasks;
}

/** `loadTaskCorpus` with the report of what was read and what each filter dropped. */
export async function readTaskCorpus(
  options: LoadTaskCorpusOptions,
): Promise<{ tasks: CorpusTask[]; report: CorpusReport }> {
  let text: string;
  const source = options.path ?? 'corpus';
  if (options.path !== undefined) {
    try {
      text = await readFile(options.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new EnvscalerError(
          'NOT_FOUND',
          `corpus file not found: ${resolve(options.path)} (expected JSON Lines, one {"task": "..."} per line, or plain text with one task per line, or an API-Bank or ToolACE JSON file)`,
          { cause: error, details: { path: resolve(options.path) } },
        );
      }
      throw new EnvscalerError(
        'NOT_FOUND',
        `cannot read task corpus ${options.path}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  } else if (options.text !== undefined) {
    text = options.text;
  } else {
    throw new EnvscalerError('INVALID_INPUT', 'loadTaskCorpus needs `path` or `text`');
  }
  return parseCorpus({ text, source, format: options.format, filter: options.filter });
}

/** The synchronous core of `loadTaskCorpus`. */
export function parseTaskCorpus(options: {
  text: string;
  source?: string;
  format?: CorpusFormat;
  filter?: boolean;
}): CorpusTask[] {
  return parseCorpus(options).tasks;
}

/** One record of a JSON array or a JSON Lines file, with where it was for error messages. */
interface CorpusRecord {
  value: unknown;
  where: string;
  /** 0-based position among the records. */
  index: number;
  /** 1-based line (JSON Lines only). */
  line?: number;
}

/** The synchronous core of `readTaskCorpus`. */
export function parseCorpus(options: {
  text: string;
  source?: string;
  format?: CorpusFormat;
  filter?: boolean;
}): { tasks: CorpusTask[]; report: CorpusReport } {
  const source = options.source ?? 'corpus';
  const text = options.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const firstLine = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  // A JSON array; a text corpus whose first task happens to start with '[' stays text.
  const array =
    options.format !== 'text' && text.trimStart().startsWith('[')
      ? parseArray(text, source, options.format === undefined)
      : undefined;
  const isText =
    options.format === 'text' ||
    (options.format === undefined && array === undefined && !firstLine.startsWith('{'));

  const candidates: { task: CorpusTask; where: string }[] = [];
  let records = 0;
  let format: CorpusFormat;
  if (isText) {
    format = 'text';
    lines.forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') return;
      records++;
      if (line.startsWith('#')) return;
      candidates.push({ task: { id: `task-${index + 1}`, task: line }, where: `${source}:${index + 1}` });
    });
  } else {
    const parsed = array ?? lineRecords(lines, source);
    records = parsed.length;
    format = options.format ?? detectFormat(parsed, source, array !== undefined);
    for (const record of parsed) candidates.push({ task: taskOf(record, format), where: record.where });
  }

  const filtered = options.filter ?? (format === 'api-bank' || format === 'toolace');
  const dropped = Object.fromEntries(corpusDropRules.map((rule) => [rule, 0])) as Record<
    CorpusDropRule,
    number
  >;
  const tasks: CorpusTask[] = [];
  const seenIds = new Set<string>();
  const seenTasks = new Set<string>();
  for (const { task, where } of candidates) {
    const rule =
      task.task === ''
        ? 'empty'
        : filtered
          ? (taskDropRule(task.task) ?? (seenTasks.has(task.task) ? 'duplicate' : undefined))
          : undefined;
    if (rule !== undefined) {
      dropped[rule]++;
      continue;
    }
    if (seenIds.has(task.id)) {
      throw new InvalidArtifactError({
        artifact: 'task corpus line',
        source: where,
        issues: [{ path: '$.id', message: `duplicates the id '${task.id}' of an earlier line` }],
      });
    }
    seenIds.add(task.id);
    seenTasks.add(task.task);
    tasks.push(task);
  }
  const report: CorpusReport = { source, format, records, filtered, dropped, tasks: tasks.length };
  if (tasks.length === 0) {
    const drops = corpusDropRules.filter((rule) => dropped[rule] > 0);
    throw new EnvscalerError(
      'INVALID_INPUT',
      drops.length === 0
        ? `task corpus ${source} contains no tasks`
        : `task corpus ${source} contains no tasks after filtering (${drops.map((rule) => `${dropped[rule]} ${rule}`).join(', ')})`,
      { details: { report } },
    );
  }
  return { tasks, report };
}

/** The records of a JSON array; undefined when `lenient` and the text is no JSON (then it is plain text). */
function parseArray(text: string, source: string, lenient: boolean): CorpusRecord[] | undefined {
  let value: unknown;
  try {
    value = parseArtifact({ text, source, artifact: 'task corpus' });
  } catch (error) {
    if (lenient) return undefined;
    throw error;
  }
  if (!Array.isArray(value)) {
    throw new InvalidArtifactError({
      artifact: 'task corpus',
      source,
      issues: [{ path: '$', message: 'must be a JSON array' }],
    });
  }
  return value.map((item, index) => ({ value: item, where: `${source}[${index}]`, index }));
}

function lineRecords(lines: readonly string[], source: string): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${source}:${index + 1}`;
    const value = parseArtifact({ text: raw, source, line: index + 1, artifact: 'task corpus line' });
    records.push({ value, where, index: records.length, line: index + 1 });
  });
  return records;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The format of a JSON corpus, judged by its first record. */
function detectFormat(records: readonly CorpusRecord[], source: string, isArray: boolean): CorpusFormat {
  const first = records[0]?.value;
  if (isObject(first)) {
    if ('task' in first) return 'jsonl';
    if (Array.isArray(first.conversations)) return 'toolace';
    if (typeof first.input === 'string') return 'api-bank';
  }
  if (!isArray) return 'jsonl'; // our JSON Lines: its checks name the line and what is wrong
  throw new InvalidArtifactError({
    artifact: 'task corpus',
    source,
    issues: [
      {
        path: '$[0]',
        message:
          'is neither a task ({"task": ...}), an API-Bank item ({"instruction", "input", "output"}) nor a ToolACE conversation ({"system", "conversations"}); pass `format` to say which it is',
      },
    ],
  });
}

function taskOf(record: CorpusRecord, format: CorpusFormat): CorpusTask {
  const fail = (path: string, message: string): never => {
    throw new InvalidArtifactError({
      artifact: format === 'jsonl' ? 'task corpus line' : `${format} item`,
      source: record.where,
      issues: [{ path, message }],
    });
  };
  // our tasks; in a JSON array, ids default to the 1-based item number
  if (format === 'jsonl') return parseJsonTask(record.value, record.where, record.line ?? record.index + 1);
  if (!isObject(record.value)) return fail('$', 'must be an object');
  if (format === 'api-bank') {
    const input = record.value.input;
    if (typeof input !== 'string') return fail('$.input', 'must be a string');
    const task = extractApiBankTask(input);
    if (task === undefined) return fail('$.input', "has no 'User:' turn");
    return { id: `api-bank-${record.index}`, task };
  }
  const conversations = record.value.conversations;
  if (!Array.isArray(conversations)) return fail('$.conversations', 'must be an array of {from, value}');
  const task = extractToolAceTask(conversations);
  if (task === undefined) return fail('$.conversations', "has no turn from 'user' with a string value");
  return { id: `toolace-${record.index}`, task };
}

/** Python's `str.isspace()` characters (what EnvScaler's `\s` and `strip()` mean), as a class body. */
const pySpace =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const pyStripPattern = new RegExp(`^[${pySpace}]+|[${pySpace}]+$`, 'g');
/** ASCII letters, digits, whitespace and the punctuation EnvScaler's `contains_non_english` allows. */
const englishPattern = new RegExp(`^[A-Za-z0-9${pySpace}.,?!;:'"()\\[\\]{}\\-_*/\\\\@#$%^&+=<>|~\`]*$`);

/** Python's `str.strip()`. */
function pyStrip(text: string): string {
  return text.replace(pyStripPattern, '');
}

/**
 * The task of an API-Bank item's `input`, as EnvScaler takes it: the text after the first `User:` (up to
 * a second one), cut at `\nGenerate API Request: `, `\nAPI-Request: ` and `TIME: `, stripped, then cut at
 * the first `\nAI: ` reply (and stripped again; EnvScaler does not strip here, which only matters for
 * whitespace). Undefined when there is no `User:`.
 */
export function extractApiBankTask(input: string): string | undefined {
  const turns = input.split('User:');
  if (turns.length < 2) return undefined;
  const task = pyStrip(
    turns[1]!.split('\nGenerate API Request: ')[0]!.split('\nAPI-Request: ')[0]!.split('TIME: ')[0]!,
  );
  return task.includes('\nAI: ') ? pyStrip(task.split('\nAI: ')[0]!) : task;
}

/**
 * The task of a ToolACE conversation: its first turn from the user (`from: 'user'`, or `'human'` as in
 * ShareGPT-style files), stripped. EnvScaler takes `conversations[0]` and asserts it is the user's;
 * later user turns are follow-ups within the same task, not tasks of their own.
 */
export function extractToolAceTask(conversations: readonly unknown[]): string | undefined {
  for (const turn of conversations) {
    if (isObject(turn) && (turn.from === 'user' || turn.from === 'human') && typeof turn.value === 'string')
      return pyStrip(turn.value);
  }
  return undefined;
}

const multimodalWords = ['image', 'photo', 'picture', 'video', 'audio', 'sound', 'speech', 'clip'];

/**
 * The first of EnvScaler's filter rules a task breaks (see `corpusDropRules`; `empty` and `duplicate`
 * are decided by the loader), or undefined when it passes. Substring tests, case-sensitive except the
 * multimodal words, exactly as in `step0_collect_task.py` (so "eclipse" counts as a clip).
 */
export function taskDropRule(task: string): Exclude<CorpusDropRule, 'empty' | 'duplicate'> | undefined {
  if (!englishPattern.test(task)) return 'non-english';
  const lower = task.toLowerCase();
  if (multimodalWords.some((word) => lower.includes(word))) return 'multimodal';
  if (task.includes('Role definition:')) return 'role-definition';
  if (['USD', 'ETH', 'Bitcoin', 'Ethereum'].some((word) => task.includes(word))) return 'currency';
  if (task.includes('@')) return 'email';
  if (['.com', 'http:', 'https:'].some((word) => task.includes(word))) return 'link';
  return undefined;
}

function parseJsonTask(value: unknown, where: string, lineNumber: number): CorpusTask {
  const fail = (path: string, message: string): never => {
    throw new InvalidArtifactError({
      artifact: 'task corpus line',
      source: where,
      issues: [{ path, message }],
    });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('$', 'must be an object');
  const record = value as Record<string, unknown>;
  if (typeof record.task !== 'string' || record.task.trim() === '')
    return fail('$.task', 'must be a non-empty string');
  if (
    record.id !== undefined &&
    (typeof record.id !== 'string' || record.id === '') &&
    typeof record.id !== 'number'
  ) {
    return fail('$.id', 'must be a non-empty string or a number');
  }
  if (record.tools !== undefined && !Array.isArray(record.tools)) return fail('$.tools', 'must be an array');
  const task: CorpusTask = {
    id: record.id === undefined ? `task-${lineNumber}` : String(record.id),
    task: record.task.trim(),
  };
  if (Array.isArray(record.tools)) task.tools = record.tools;
  return task;
}
