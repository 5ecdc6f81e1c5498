import { join } from 'node:path';
import type { CallUsage } from '@envscaler/core';
import { readArtifact, writeFileAtomic } from '@envscaler/core/node';
import type { UsageByStage } from './usage.js';

/** What one cached stage run stored: its value (or the reason it failed) and the tokens it used. */
export type CacheEntry<T> = (
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
) & {
  usage: UsageByStage;
  /** The model name the endpoint reported. */
  model?: string;
  /** Every call behind the entry with the model it went to (absent in entries written before). */
  calls?: CallUsage[];
};

/**
 * Stage results on disk under `<dir>/<stage>/<sha256>.json`, written atomically (temp file + rename),
 * so an interrupted run resumes without repeating model calls and concurrent writers never see half a
 * file. A missing or unreadable entry is a miss.
 */
export class ScenarioStageCache {
  constructor(readonly dir: string) {}

  path(stage: string, key: string): string {
    return join(this.dir, stage, `${key}.json`);
  }

  async get<T>(stage: string, key: string): Promise<CacheEntry<T> | undefined> {
    try {
      return await readArtifact<CacheEntry<T>>({ file: this.path(stage, key) });
    } catch {
      return undefined;
    }
  }

  async put<T>(stage: string, key: string, entry: CacheEntry<T>): Promise<void> {
    await writeFileAtomic({ file: this.path(stage, key), data: `${JSON.stringify(entry)}\n` });
  }
}
