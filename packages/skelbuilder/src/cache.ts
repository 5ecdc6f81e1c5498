import { join } from 'node:path';
import type { CallUsage } from '@envscaler/core';
import { readArtifact, sha256Hex, writeFileAtomic } from '@envscaler/core/node';
import { stableStringify } from './util.js';

/** What one cached stage file holds. */
export interface StageRecord<T> {
  stage: string;
  key: string;
  createdAt: string;
  value: T;
  /**
   * The model calls that computed `value` (model name and tokens each), so a later run that reads the
   * result back counts them as calls of the run (`cached`). Absent in files written before it existed.
   */
  calls?: CallUsage[];
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
    return sha256Hex(stableStringify({ stage, inputs }));
  }

  pathOf(stage: string, key: string): string | undefined {
    return this.dir === undefined ? undefined : join(this.dir, stage, `${key}.json`);
  }

  async get<T>(stage: string, inputs: unknown): Promise<T | undefined> {
    return (await this.lookup<T>(stage, inputs))?.value;
  }

  /** The cached value, and the calls that computed it when it was read from disk just now. */
  private async lookup<T>(
    stage: string,
    inputs: unknown,
  ): Promise<{ value: T; fromDisk?: CallUsage[] } | undefined> {
    const key = this.keyOf(stage, inputs);
    const id = `${stage}/${key}`;
    if (this.memory.has(id)) return { value: this.memory.get(id) as T };
    const path = this.pathOf(stage, key);
    if (path === undefined) return undefined;
    try {
      const record = await readArtifact<StageRecord<T>>({ file: path });
      this.memory.set(id, record.value);
      return { value: record.value, fromDisk: Array.isArray(record.calls) ? record.calls : [] };
    } catch {
      return undefined; // missing or unreadable: recompute
    }
  }

  async set<T>(stage: string, inputs: unknown, value: T, calls?: readonly CallUsage[]): Promise<void> {
    const key = this.keyOf(stage, inputs);
    this.memory.set(`${stage}/${key}`, value);
    const path = this.pathOf(stage, key);
    if (path === undefined) return;
    const record: StageRecord<T> = {
      stage,
      key,
      createdAt: new Date().toISOString(),
      value,
      ...(calls ? { calls: calls.map(({ cached: _cached, ...call }) => call) } : {}),
    };
    await writeFileAtomic({ file: path, data: `${JSON.stringify(record, null, 2)}\n` });
  }

  /**
   * Returns the cached result for these inputs or computes, stores and returns it. Concurrent calls
   * with the same inputs share one computation. A computation that throws stores nothing.
   */
  async run<T>(stage: string, inputs: unknown, compute: () => Promise<T>): Promise<T> {
    return this.runRecorded(stage, inputs, async () => ({ value: await compute() }));
  }

  /**
   * `run` for results that cost model calls: `compute` returns the value and the calls it made, which are
   * stored with it; when a later run reads the result back from disk, `onReplay` gets those calls (once
   * per result and run: a result already in memory, or shared with a call in flight, is not replayed).
   */
  async runRecorded<T>(
    stage: string,
    inputs: unknown,
    compute: () => Promise<{ value: T; calls?: readonly CallUsage[] }>,
    onReplay?: (calls: CallUsage[]) => void,
  ): Promise<T> {
    const id = `${stage}/${this.keyOf(stage, inputs)}`;
    const running = this.inflight.get(id);
    if (running) return running as Promise<T>;
    const promise = (async () => {
      const cached = await this.lookup<T>(stage, inputs);
      if (cached !== undefined) {
        this.hits++;
        if (cached.fromDisk) onReplay?.(cached.fromDisk);
        return cached.value;
      }
      this.misses++;
      const { value, calls } = await compute();
      await this.set(stage, inputs, value, calls);
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
