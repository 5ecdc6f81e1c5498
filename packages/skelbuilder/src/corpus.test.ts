import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArtifactError } from '@envscaler/core';
import { loadTaskCorpus, parseTaskCorpus } from './corpus.js';

describe('loadTaskCorpus', () => {
  it('reads JSONL with optional ids and tools', async () => {
    const text =
      '{"id":"a","task":"Book a room"}\n\n{"task":"Cancel order 7","tools":[{"name":"cancel"}]}\n{"id":3,"task":"x"}\n';
    const tasks = await loadTaskCorpus({ text });
    expect(tasks).toEqual([
      { id: 'a', task: 'Book a room' },
      { id: 'task-3', task: 'Cancel order 7', tools: [{ name: 'cancel' }] },
      { id: '3', task: 'x' },
    ]);
  });

  it('reads plain text, one task per line, skipping blanks and comments', () => {
    expect(parseTaskCorpus({ text: '# my tasks\nBook a room\n\n  Convert 3 km to miles  \n' })).toEqual([
      { id: 'task-2', task: 'Book a room' },
      { id: 'task-4', task: 'Convert 3 km to miles' },
    ]);
  });

  it('names the line of bad JSONL', () => {
    const text = '{"task":"ok"}\n{"task": "unterminated}\n';
    expect(() => parseTaskCorpus({ text, source: 'tasks.jsonl' })).toThrow(InvalidArtifactError);
    expect(() => parseTaskCorpus({ text, source: 'tasks.jsonl' })).toThrow(
      /tasks\.jsonl:2[\s\S]*not valid JSON/,
    );
    expect(() => parseTaskCorpus({ text: '{"task":"a"}\n{"id":"x"}', source: 'c' })).toThrow(
      /c:2[\s\S]*\$\.task/,
    );
    expect(() => parseTaskCorpus({ text: '{"id":"x","task":"a"}\n{"id":"x","task":"b"}' })).toThrow(
      /duplicates the id/,
    );
  });

  it('loads a file and reports a missing one as NOT_FOUND', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    try {
      await writeFile(join(dir, 't.txt'), 'Rent a car\n');
      expect(await loadTaskCorpus({ path: join(dir, 't.txt') })).toEqual([
        { id: 'task-1', task: 'Rent a car' },
      ]);
      const error = await loadTaskCorpus({ path: join(dir, 'missing.jsonl') }).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'NOT_FOUND' });
      // the file and what it should hold, not the raw ENOENT text
      expect((error as Error).message).toBe(
        `corpus file not found: ${join(dir, 'missing.jsonl')} (expected JSON Lines, one {"task": "..."} per line, or plain text with one task per line)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ships an example corpus of 30+ tasks, some stateless', async () => {
    const tasks = await loadTaskCorpus({
      path: new URL('../../../examples/corpus/tasks.jsonl', import.meta.url).pathname,
    });
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    expect(tasks.filter((t) => /^(calc|conv|trivia|text|time)-/.test(t.id)).length).toBeGreaterThanOrEqual(5);
  });
});
