import { open, truncate } from 'node:fs/promises';
import { parseArtifact } from '@envscaler/core';

export interface TolerantJsonl<T> {
  records: T[];
  /** Bytes of a torn last line (a run killed mid-write) that were dropped; 0 when the file was whole. */
  droppedBytes: number;
}

/** Where a line sits in its file (bytes, newline included), so it can be read again without the rest. */
export interface LineSpan {
  offset: number;
  bytes: number;
}

/** Lines are read in pieces of this size: a file of any size is scanned in bounded memory. */
const SCAN_CHUNK_BYTES = 1 << 20;

/**
 * Reads a JSON Lines file that an append-only writer may have been killed while writing. A last line
 * without its newline, or one that does not parse, is a torn write: it is dropped and, with
 * `repair: true`, cut off the file so the next append starts on a fresh line. A bad line anywhere else is
 * corruption and throws InvalidArtifactError naming the line. A missing file reads as empty.
 */
export async function readJsonlTolerant<T>(options: JsonlReadOptions<T>): Promise<TolerantJsonl<T>> {
  const records: T[] = [];
  const { droppedBytes } = await scanJsonlTolerant({ ...options, onRecord: (record) => void records.push(record) });
  return { records, droppedBytes };
}

/**
 * `readJsonlTolerant` without holding the file or its records: each parsed record is handed to
 * `onRecord` with its line's span, and the file is read a megabyte at a time. For files too large to
 * keep (a rollout of tens of thousands of trajectories).
 */
export async function scanJsonlTolerant<T>(options: JsonlReadOptions<T> & {
  onRecord: (record: T, span: LineSpan) => void;
}): Promise<{ droppedBytes: number }> {
  const lines = jsonlRecords(options);
  for (;;) {
    const next = await lines.next();
    if (next.done) return next.value;
    options.onRecord(next.value.record, next.value.span);
  }
}

export interface JsonlReadOptions<T> {
  path: string;
  parse: (value: unknown, source?: string) => T;
  /** Cut a torn last line off the file. */
  repair?: boolean;
  /** Read size (tests use a tiny one so lines cross chunk boundaries). */
  chunkBytes?: number;
}

/**
 * The records of a JSON Lines file one at a time, by the rules of `readJsonlTolerant`, reading a
 * megabyte at a time; returns the bytes dropped as a torn last line.
 */
export async function* jsonlRecords<T>(
  options: JsonlReadOptions<T>,
): AsyncGenerator<{ record: T; span: LineSpan }, { droppedBytes: number }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(options.path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { droppedBytes: 0 };
    throw error;
  }
  // A complete line is only known to be the last once the next one is seen, so each is parsed one step late.
  let held: { text: string; span: LineSpan; line: number } | undefined;
  /** The held line's record, or its size when it is a torn last line. */
  const settle = (last: boolean): { record: T; span: LineSpan } | number => {
    if (!held) return 0;
    const { text, span, line } = held;
    held = undefined;
    if (text.trim() === '') return 0;
    let value: unknown;
    try {
      value = parseArtifact({ text, source: options.path, line, artifact: 'JSON line' });
    } catch (error) {
      if (last) return span.bytes; // a last line that does not parse, even with its newline: also torn
      throw error;
    }
    return { record: options.parse(value, `${options.path}:${line}`), span };
  };
  let keptBytes = 0;
  let droppedBytes = 0;
  try {
    const chunk = Buffer.alloc(options.chunkBytes ?? SCAN_CHUNK_BYTES);
    let carry: Buffer[] = [];
    let carryBytes = 0;
    let position = 0;
    let line = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const ready: { record: T; span: LineSpan }[] = [];
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl !== -1 && nl < bytesRead; nl = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, nl);
        const bytes = carryBytes + piece.length + 1;
        const text = (carry.length === 0 ? piece : Buffer.concat([...carry, piece])).toString('utf8');
        carry = [];
        carryBytes = 0;
        const previous = settle(false);
        if (typeof previous !== 'number') ready.push(previous);
        held = { text, span: { offset: keptBytes, bytes }, line: ++line };
        keptBytes += bytes;
        from = nl + 1;
      }
      if (from < bytesRead) {
        carry.push(Buffer.from(chunk.subarray(from, bytesRead)));
        carryBytes += bytesRead - from;
      }
      yield* ready;
    }
    // The piece after the final newline (or the whole text) is complete only if the file ends with one.
    droppedBytes = carryBytes;
    const last = settle(carryBytes === 0);
    if (typeof last === 'number') {
      keptBytes -= last;
      droppedBytes += last;
    } else yield last;
  } finally {
    await handle.close();
  }
  if (droppedBytes > 0 && options.repair) await truncate(options.path, keptBytes);
  return { droppedBytes };
}

/**
 * An append-only JSON Lines writer. `append` resolves once its line is written and `fdatasync`ed. Lines
 * appended while a sync is in progress are written together in one `write` and one sync (group commit),
 * so many concurrent episodes do not queue behind one fsync each. A crash leaves whole lines followed by
 * at most one torn last line (which readJsonlTolerant drops).
 */
export class JsonlAppender {
  private pending: { line: Buffer; resolve: (span: LineSpan) => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private failed: unknown;
  private constructor(
    private readonly handle: Awaited<ReturnType<typeof open>>,
    /** Where the next line lands: the appender is the file's only writer (callers hold a lock). */
    private size: number,
  ) {}

  static async open(path: string): Promise<JsonlAppender> {
    const handle = await open(path, 'a');
    try {
      return new JsonlAppender(handle, (await handle.stat()).size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Resolves with the line's span in the file once it is written and synced. */
  append(record: unknown): Promise<LineSpan> {
    if (this.failed !== undefined) return Promise.reject(this.failed);
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    return new Promise<LineSpan>((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      const buffer = batch.length === 1 ? batch[0]!.line : Buffer.concat(batch.map((entry) => entry.line));
      try {
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
          offset += bytesWritten;
        }
        await this.handle.datasync();
        for (const entry of batch) {
          entry.resolve({ offset: this.size, bytes: entry.line.length });
          this.size += entry.line.length;
        }
      } catch (error) {
        // Part of the batch may be on disk: later offsets would be wrong, so the appender stops here.
        this.failed = error;
        for (const entry of [...batch, ...this.pending.splice(0)]) entry.reject(error);
      }
    }
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}
