import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EnvscalerError, InvalidArtifactError } from '@envscaler/core';

/** One task of the input corpus. `tools` is whatever tool list the source dataset carried (kept as-is). */
export interface CorpusTask {
  id: string;
  task: string;
  tools?: unknown[];
}

export interface LoadTaskCorpusOptions {
  /** A file to read (JSONL or plain text). */
  path?: string;
  /** The corpus text itself (used when `path` is not given). */
  text?: string;
  /** Force a format; by default a corpus whose first non-blank line starts with `{` is JSONL. */
  format?: 'jsonl' | 'text';
}

/**
 * Loads a task corpus: JSON Lines of `{"id"?, "task", "tools"?}` or plain text with one task per line.
 * Blank lines and, in plain text, lines starting with `#` are skipped. Tasks without an id get
 * `task-<line number>`. Bad JSONL throws an `InvalidArtifactError` naming the line.
 */
export async function loadTaskCorpus(options: LoadTaskCorpusOptions): Promise<CorpusTask[]> {
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
          `corpus file not found: ${resolve(options.path)} (expected JSON Lines, one {"task": "..."} per line, or plain text with one task per line)`,
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
  return parseTaskCorpus({ text, source, format: options.format });
}

/** The synchronous core of `loadTaskCorpus`. */
export function parseTaskCorpus(options: {
  text: string;
  source?: string;
  format?: 'jsonl' | 'text';
}): CorpusTask[] {
  const source = options.source ?? 'corpus';
  const lines = options.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  const format = options.format ?? (firstLine.startsWith('{') ? 'jsonl' : 'text');
  const tasks: CorpusTask[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `${source}:${index + 1}`;
    if (line === '') return;
    let task: CorpusTask;
    if (format === 'text') {
      if (line.startsWith('#')) return;
      task = { id: `task-${index + 1}`, task: line };
    } else {
      task = parseJsonTaskLine(line, where, index + 1);
    }
    if (seen.has(task.id)) {
      throw new InvalidArtifactError({
        artifact: 'task corpus line',
        source: where,
        issues: [{ path: '$.id', message: `duplicates the id '${task.id}' of an earlier line` }],
      });
    }
    seen.add(task.id);
    tasks.push(task);
  });
  if (tasks.length === 0) {
    throw new EnvscalerError('INVALID_INPUT', `task corpus ${source} contains no tasks`);
  }
  return tasks;
}

function parseJsonTaskLine(line: string, where: string, lineNumber: number): CorpusTask {
  const fail = (path: string, message: string): never => {
    throw new InvalidArtifactError({
      artifact: 'task corpus line',
      source: where,
      issues: [{ path, message }],
    });
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail('$', `is not valid JSON (${(error as Error).message})`);
  }
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
