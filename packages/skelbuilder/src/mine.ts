import type { CallUsage, ChatModel, EmbeddingModel, FunnelStage } from '@envscaler/core';
import type { ModelStageOptions } from './ask.js';
import type { CorpusTask } from './corpus.js';
import { stageCacheFor, type BuildRunState } from './topic-build.js';
import {
  dedupTopics,
  inferTopics,
  judgeTasks,
  scoreTopics,
  type DedupResult,
  type ProgressEvent,
  type Topic,
} from './topics.js';
import { recordingEmbeddingModel, UsageMeter } from './usage.js';
import { kebabCase } from './util.js';

export interface BuildThresholds {
  /** Minimum usefulness and modelability score (0–10) a topic needs (default 7). */
  minScore?: number;
  /** Cosine similarity at which topics merge (default 0.88 with embeddings, 0.5 with TF-IDF). */
  dedupSimilarity?: number;
  /** Minimum (pass + warning) / total share of the quality run (default 0.85). */
  quality?: number;
}

/** What topic mining reads: the corpus-wide part of `BuildEnvironmentsOptions`. */
export interface MineTopicsOptions {
  tasks: readonly CorpusTask[];
  model: ChatModel;
  /** Used for topic deduplication; without it, TF-IDF cosine is used. */
  embeddings?: EmbeddingModel;
  /** Output root: answers are cached under `.cache/stages/`. */
  out: string;
  /** Tasks processed at once (default 4). */
  concurrency?: number;
  thresholds?: BuildThresholds;
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

/** Gives each topic an environment id from its name, unique within the run. */
export function assignEnvIds(topics: readonly Topic[]): Map<string, string> {
  const used = new Set<string>();
  const ids = new Map<string, string>();
  for (const topic of topics) {
    const base = kebabCase(topic.topic);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(topic.id, id);
  }
  return ids;
}

/** What topic mining (stages 1a–1d) leaves: the deduplicated topics and their environment ids. */
export interface MinedTopics {
  topics: Topic[];
  /** Topic id → environment id (unique within the run). */
  envIds: Map<string, string>;
  /** The topic-judge, topic-infer, topic-score and topic-dedup funnel stages. */
  funnel: FunnelStage[];
  dedup: DedupResult;
  method: 'embeddings' | 'tfidf';
}

/**
 * Topic mining over the whole corpus: judge, infer, score and deduplicate, every answer cached under
 * `out/.cache/stages`. Corpus-wide (dedup compares all topics), so a distributed build runs it on the
 * coordinator and queues one job per returned topic.
 */
export async function mineTopics(
  options: MineTopicsOptions,
  state: BuildRunState = {},
): Promise<MinedTopics> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const minScore = options.thresholds?.minScore ?? 7;
  const meter = state.meter ?? new UsageMeter();
  const cache = state.cache ?? stageCacheFor(options.out);
  const funnel = state.funnel ?? [];
  const method = options.embeddings ? 'embeddings' : 'tfidf';
  const stage: ModelStageOptions = {
    model: meter.chat(options.model),
    cache,
    signal: options.signal,
    maxAttempts: options.maxAttempts,
    temperature: options.temperature,
  };
  const progress = { onProgress: options.onProgress, concurrency };
  const judged = await judgeTasks({ ...stage, ...progress, tasks: options.tasks });
  funnel.push({
    stage: 'topic-judge',
    in: options.tasks.length,
    out: judged.kept.length,
    dropped: judged.dropped,
  });
  const inferred = await inferTopics({ ...stage, ...progress, tasks: judged.kept });
  funnel.push({
    stage: 'topic-infer',
    in: judged.kept.length,
    out: inferred.kept.length,
    dropped: inferred.dropped,
  });
  const scored = await scoreTopics({ ...stage, ...progress, topics: inferred.kept, minScore });
  funnel.push({
    stage: 'topic-score',
    in: inferred.kept.length,
    out: scored.kept.length,
    dropped: scored.dropped,
  });
  const embeddings = options.embeddings ? meter.embeddings(options.embeddings) : undefined;
  options.onProgress?.({ stage: 'topic-dedup', done: 0, total: scored.kept.length, dropped: 0 });
  const dedup = await cache.runRecorded(
    'topic-dedup',
    { topics: scored.kept, method, threshold: options.thresholds?.dedupSimilarity ?? null },
    async () => {
      const calls: CallUsage[] = [];
      const value = await dedupTopics({
        topics: scored.kept,
        embeddings: embeddings ? recordingEmbeddingModel(embeddings, calls) : undefined,
        similarity: options.thresholds?.dedupSimilarity,
        signal: options.signal,
      });
      return { value, calls };
    },
    (calls) => meter.replay(calls),
  );
  funnel.push({
    stage: 'topic-dedup',
    in: scored.kept.length,
    out: dedup.topics.length,
    dropped: dedup.dropped,
  });
  options.onProgress?.({
    stage: 'topic-dedup',
    done: scored.kept.length,
    total: scored.kept.length,
    dropped: dedup.dropped.length,
  });
  return { topics: dedup.topics, envIds: assignEnvIds(dedup.topics), funnel, dedup, method };
}
