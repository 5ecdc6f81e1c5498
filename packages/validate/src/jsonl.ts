import { open, readFile, truncate } from 'node:fs/promises';
import { parseArtifact } from '@envscaler/core';

export interface TolerantJsonl<T> {
  records: T[];
  /** Bytes of a torn last line (a run killed mid-write) that were dropped; 0 when the file was whole. */
  droppedBytes: number;
}

/**
 * Reads a JSON Lines file that an append-only writer may have been killed while writing. A last line
 * without its newline, or one that does not parse, is a torn write: it is dropped and, with
 * `repair: true`, cut off the file so the next append starts on a fresh line. A bad line anywhere else is
 * corruption and throws InvalidArtifactError naming the line. A missing file reads as empty.
 */
export async function readJsonlTolerant<T>(options: {
  path: string;
  parse: (value: unknown, source?: string) => T;
  repair?: boolean;
}): Promise<TolerantJsonl<T>> {
  let text: string;
  try {
    text = await readFile(options.path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], droppedBytes: 0 };
    throw error;
  }
  const records: T[] = [];
  const lines = text.split('\n');
  // The piece after the final '\n' (or the whole text) is complete only if the file ends with '\n'.
  const tail = lines.pop() ?? '';
  let keptBytes = Buffer.byteLength(text, 'utf8') - Buffer.byteLength(tail, 'utf8');
  let droppedBytes = Buffer.byteLength(tail, 'utf8');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${options.path}:${i + 1}`;
    let value: unknown;
    try {
      value = parseArtifact({ text: line, source: options.path, line: i + 1, artifact: 'JSON line' });
    } catch (error) {
      if (i === lines.length - 1 && tail === '') {
        // A last line that does not parse, even with its newline: also a torn write.
        const bytes = Buffer.byteLength(line, 'utf8') + 1;
        keptBytes -= bytes;
        droppedBytes += bytes;
        return;
      }
      throw error;
    }
    records.push(options.parse(value, where));
  });
  if (droppedBytes > 0 && options.repair) await truncate(options.path, keptBytes);
  return { records, droppedBytes };
}

/**
 * An append-only JSON Lines writer. `append` resolves once its line is written and `fdatasync`ed. Lines
 * appended while a sync is in progress are written together in one `write` and one sync (group commit),
 * so many concurrent episodes do not queue behind one fsync each. A crash leaves whole lines followed by
 * at most one torn last line (which readJsonlTolerant drops).
 */
export class JsonlAppender {
  private pending: { line: Buffer; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private constructor(private readonly handle: Awaited<ReturnType<typeof open>>) {}

  static async open(path: string): Promise<JsonlAppender> {
    return new JsonlAppender(await open(path, 'a'));
  }

  append(record: unknown): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    return new Promise<void>((resolve, reject) => {
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
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }
}
