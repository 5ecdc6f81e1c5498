import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256, stableStringify, writeFileAtomic } from './util.js';

/** What one cached stage file holds. */
export interface StageRecord<T> {
  stage: string;
  key: string;
  createdAt: string;
  value: T;
}

/**
 * Stage results on disk, one file per result: `<dir>/<stage>/<sha256 of the stage's inputs>.json`,
 * written atomically (temporary file + rename) so an interrupted run never leaves a torn file.
 * Without a directory the cache only lives in memory (useful for stages used on their own).
 */
export class StageCache {
  readonly dir: string | undefined;
  private readonly memory = new Map<string, unknown>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  constructor(options: { dir?: string } = {}) {
    this.dir = options.dir;
  }

  keyOf(stage: string, inputs: unknown): string {
    return sha256(stableStringify({ stage, inputs }));
  }

  pathOf(stage: string, key: string): string | undefined {
    return this.dir === undefined ? undefined : join(this.dir, stage, `${key}.json`);
  }

  async get<T>(stage: string, inputs: unknown): Promise<T | undefined> {
    const key = this.keyOf(stage, inputs);
    const id = `${stage}/${key}`;
    if (this.memory.has(id)) return this.memory.get(id) as T;
    const path = this.pathOf(stage, key);
    if (path === undefined) return undefined;
    try {
      const record = JSON.parse(await readFile(path, 'utf8')) as StageRecord<T>;
      this.memory.set(id, record.value);
      return record.value;
    } catch {
      return undefined; // missing or unreadable: recompute
    }
  }

  async set<T>(stage: string, inputs: unknown, value: T): Promise<void> {
    const key = this.keyOf(stage, inputs);
    this.memory.set(`${stage}/${key}`, value);
    const path = this.pathOf(stage, key);
    if (path === undefined) return;
    const record: StageRecord<T> = { stage, key, createdAt: new Date().toISOString(), value };
    await writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  }

  /**
   * Returns the cached result for these inputs or computes, stores and returns it. Concurrent calls
   * with the same inputs share one computation. A computation that throws stores nothing.
   */
  async run<T>(stage: string, inputs: unknown, compute: () => Promise<T>): Promise<T> {
    const id = `${stage}/${this.keyOf(stage, inputs)}`;
    const running = this.inflight.get(id);
    if (running) return running as Promise<T>;
    const promise = (async () => {
      const cached = await this.get<T>(stage, inputs);
      if (cached !== undefined) {
        this.hits++;
        return cached;
      }
      this.misses++;
      const value = await compute();
      await this.set(stage, inputs, value);
      return value;
    })();
    this.inflight.set(id, promise);
    try {
      return await promise;
    } finally {
      this.inflight.delete(id);
    }
  }
}
