// The file system calls the viewer's store makes, behind one small interface so a test can count the
// reads (a second summary request must not re-read anything) without patching node:fs.
import { createReadStream } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';

export interface ViewerFsStat {
  mtimeMs: number;
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface ViewerFsEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface ViewerFs {
  stat(file: string): Promise<ViewerFsStat>;
  readdir(dir: string): Promise<ViewerFsEntry[]>;
  /** A whole small file (JSON artifacts, env.ts). */
  readFile(file: string): Promise<string>;
  /** A large file in chunks (JSON Lines), so it is never held in memory at once. */
  stream(file: string): AsyncIterable<Buffer>;
  /** `length` bytes at `start`: one JSON Lines record. */
  readRange(options: { file: string; start: number; length: number }): Promise<Buffer>;
}

export const nodeViewerFs: ViewerFs = {
  stat: (file) => stat(file),
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  readFile: (file) => readFile(file, 'utf8'),
  stream: (file) => createReadStream(file, { highWaterMark: 1 << 20 }),
  async readRange({ file, start, length }) {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};

/** Where one line of a JSON Lines file is: 1-based line number, byte offset and byte length (no newline). */
export interface LineRef {
  line: number;
  start: number;
  length: number;
}

/**
 * Calls `onLine` for every non-blank line of a chunked byte stream with its line number and byte range, so
 * a line can later be re-read alone (`readRange`). Holds one chunk plus at most one partial line.
 */
export async function scanLines(options: {
  chunks: AsyncIterable<Buffer>;
  onLine: (text: string, ref: LineRef) => void;
}): Promise<void> {
  let carry: Buffer[] = [];
  let lineStart = 0;
  let line = 0;
  const emit = (bytes: Buffer) => {
    line += 1;
    const ref = { line, start: lineStart, length: bytes.length };
    lineStart += bytes.length + 1;
    const text = bytes.toString('utf8');
    if (text.trim() !== '') options.onLine(text, ref);
  };
  for await (const chunk of options.chunks) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      if (nl === -1) break;
      const piece = chunk.subarray(from, nl);
      if (carry.length > 0) {
        emit(Buffer.concat([...carry, piece]));
        carry = [];
      } else emit(piece);
      from = nl + 1;
    }
    if (from < chunk.length) carry.push(chunk.subarray(from));
  }
  if (carry.length > 0) emit(Buffer.concat(carry));
}
