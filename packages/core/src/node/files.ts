import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EnvscalerError } from '../errors.js';
import { parseArtifact } from '../json-text.js';
import type { JsonSchema } from '../types/json.js';

/**
 * Writes a file so that readers see the old content or the new, never part of a write: the data goes to
 * `.<name>.<pid>.<random>.tmp` beside the target (the same file system, so the rename is atomic), is
 * flushed to disk, then renamed over the target. Creates the parent folders; removes the temporary file
 * when anything fails. Concurrent writers of one file each rename a whole file: the last one wins.
 */
export async function writeFileAtomic(options: {
  file: string;
  /**
   * The content; an iterable of strings (sync or async, e.g. records converted while another file is
   * read) is written piece by piece, so it never sits whole in memory.
   */
  data: string | Uint8Array | Iterable<string> | AsyncIterable<string>;
}): Promise<void> {
  const { file, data } = options;
  if (typeof file !== 'string' || file === '') {
    throw new EnvscalerError('INVALID_INPUT', 'writeFileAtomic: file must be a non-empty path');
  }
  const iterable = typeof data !== 'string' && !(data instanceof Uint8Array);
  const candidate = data as Partial<Iterable<string> & AsyncIterable<string>> | null;
  if (
    iterable &&
    typeof candidate?.[Symbol.iterator] !== 'function' &&
    typeof candidate?.[Symbol.asyncIterator] !== 'function'
  ) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `writeFileAtomic: data for ${file} must be a string, bytes or an iterable of strings`,
    );
  }
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      if (!iterable) await handle.writeFile(data as string | Uint8Array);
      else await writePieces(handle, data as Iterable<string> | AsyncIterable<string>);
      // Without the flush a crash right after the rename can leave an empty file under the new name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Writes strings in batches of about a megabyte: few system calls, bounded memory. */
async function writePieces(
  handle: FileHandle,
  pieces: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for await (const piece of pieces) {
    if (typeof piece !== 'string') {
      throw new EnvscalerError('INVALID_INPUT', 'writeFileAtomic: every piece of data must be a string');
    }
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      await handle.write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await handle.write(batch.join(''));
}

/**
 * Reads and parses a JSON artifact file (see `parseArtifact`): NOT_FOUND naming the file when it is
 * missing, INVALID_ARTIFACT at `file:line:column` when it is not JSON, and the JSON path of every
 * violation of `schema` (or whatever `parse` throws).
 */
export async function readArtifact<T = unknown>(options: {
  file: string;
  schema?: JsonSchema;
  parse?: (value: unknown, source?: string) => T;
  /** What the artifact is called in errors (default "JSON"). */
  artifact?: string;
  /** Appended to a syntax error: what to do about it. */
  hint?: string;
}): Promise<T> {
  const { file } = options;
  if (typeof file !== 'string' || file === '') {
    throw new EnvscalerError('INVALID_INPUT', 'readArtifact: file must be a non-empty path');
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = options.artifact ?? 'file';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new EnvscalerError('NOT_FOUND', `${what} not found: ${file}`, {
        cause: error,
        details: { file },
      });
    }
    if (code === 'EISDIR') {
      throw new EnvscalerError('INVALID_INPUT', `${what} ${file} is a directory, not a file`, {
        details: { file },
      });
    }
    throw error;
  }
  const { schema, parse, artifact, hint } = options;
  return parseArtifact({ text, source: file, schema, parse, artifact, hint });
}
