import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scanLines, type LineRef } from './viewer-fs.js';

async function scan(chunks: Buffer[]): Promise<{ text: string; ref: LineRef }[]> {
  const out: { text: string; ref: LineRef }[] = [];
  await scanLines({ chunks: Readable.from(chunks), onLine: (text, ref) => out.push({ text, ref }) });
  return out;
}

describe('scanLines', () => {
  it('gives each non-blank line its number and byte range, whatever the chunk boundaries', async () => {
    const file = Buffer.from('{"a":1}\n\n{"é":"ü"}\r\n  \n{"z":true}', 'utf8');
    for (const size of [1, 2, 3, 5, 7, file.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < file.length; i += size) chunks.push(file.subarray(i, i + size));
      const lines = await scan(chunks);
      expect(lines.map((l) => l.ref.line)).toEqual([1, 3, 5]);
      expect(lines.map((l) => JSON.parse(l.text))).toEqual([{ a: 1 }, { é: 'ü' }, { z: true }]);
      for (const { text, ref } of lines) {
        // the range re-reads exactly the line (multi-byte characters split across chunks included)
        expect(file.subarray(ref.start, ref.start + ref.length).toString('utf8')).toBe(text);
      }
    }
  });

  it('reads nothing from an empty stream and a final line without a newline', async () => {
    expect(await scan([])).toEqual([]);
    expect(await scan([Buffer.from('x')])).toEqual([{ text: 'x', ref: { line: 1, start: 0, length: 1 } }]);
  });
});
