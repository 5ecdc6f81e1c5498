import { GenerationFailedError, type EmbeddingModel, type FunnelDrop } from '@envscaler/core';
import { mapConcurrent } from '@envscaler/core/node';
import { ask, type ModelStageOptions } from './ask.js';
import type { CorpusTask } from './corpus.js';
import {
  topicInferPrompt,
  topicJudgePrompt,
  topicScorePrompt,
  type InferReply,
  type JudgeReply,
  type ScoreReply,
} from './prompts/topic.js';
import { agglomerativeClusters, tfidfSimilarity, vectorSimilarity } from './similarity.js';
import { throwIfAborted } from './util.js';

/** Something removed from the funnel, with the stage that removed it and why (core's `FunnelDrop`). */
export type Drop = FunnelDrop;

/** Progress of one stage: `done` of `total` items processed, `dropped` of them removed. */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  dropped: number;
}

export interface StageProgressOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** Items processed at once (default 4). */
  concurrency?: number;
}

export interface Topic {
  /** Stable id: the id of the task it was inferred from. */
  id: string;
  topic: string;
  description: string;
  /** Ids of every corpus task that maps to this topic (after dedup, the whole cluster's). */
  taskIds: string[];
  /** The texts of those tasks. */
  tasks: string[];
  usefulness?: number;
  modelability?: number;
  scoreReason?: string;
}

/** Runs `fn` per item with bounded concurrency, turning generation failures into drops. */
async function perItem<T, R>(
  items: readonly T[],
  options: StageProgressOptions & { stage: string; signal?: AbortSignal },
  idOf: (item: T) => string,
  fn: (item: T) => Promise<{ keep: R } | { drop: string }>,
): Promise<{ kept: R[]; dropped: Drop[] }> {
  let done = 0;
  const dropped: Drop[] = [];
  options.onProgress?.({ stage: options.stage, done: 0, total: items.length, dropped: 0 });
  const results = await mapConcurrent({
    items,
    concurrency: options.concurrency ?? 4,
    fn: async (item) => {
      throwIfAborted(options.signal);
      let outcome: { keep: R } | { drop: string };
      try {
        outcome = await fn(item);
      } catch (error) {
        if (!(error instanceof GenerationFailedError)) throw error;
        outcome = { drop: `no usable answer: ${error.message}` };
      }
      if ('drop' in outcome) dropped.push({ stage: options.stage, id: idOf(item), reason: outcome.drop });
      done++;
      options.onProgress?.({ stage: options.stage, done, total: items.length, dropped: dropped.length });
      return outcome;
    },
  });
  const kept = results.flatMap((r) => ('keep' in r ? [r.keep] : []));
  const order = new Map(items.map((item, i) => [idOf(item), i]));
  dropped.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { kept, dropped };
}

export type JudgeTasksOptions = ModelStageOptions & StageProgressOptions & { tasks: readonly CorpusTask[] };

/** Stage 1a: keeps tasks that need a stateful environment; drops the rest with the judge's reason. */
export async function judgeTasks(
  options: JudgeTasksOptions,
): Promise<{ kept: CorpusTask[]; dropped: Drop[] }> {
  return perItem<CorpusTask, CorpusTask>(
    options.tasks,
    { ...options, stage: 'topic-judge' },
    (t) => t.id,
    async (task) => {
      const reply = await ask<JudgeReply>({ ...options, prompt: topicJudgePrompt({ task: task.task }) });
      return reply.stateful ? { keep: task } : { drop: `stateless: ${reply.reason}` };
    },
  );
}

export type InferTopicsOptions = ModelStageOptions & StageProgressOptions & { tasks: readonly CorpusTask[] };

/** Stage 1b: one topic + short description per task. */
export async function inferTopics(options: InferTopicsOptions): Promise<{ kept: Topic[]; dropped: Drop[] }> {
  return perItem<CorpusTask, Topic>(
    options.tasks,
    { ...options, stage: 'topic-infer' },
    (t) => t.id,
    async (task) => {
      const reply = await ask<InferReply>({ ...options, prompt: topicInferPrompt({ task: task.task }) });
      return {
        keep: {
          id: task.id,
          topic: reply.topic.trim(),
          description: reply.description.trim(),
          taskIds: [task.id],
          tasks: [task.task],
        },
      };
    },
  );
}

export type ScoreTopicsOptions = ModelStageOptions &
  StageProgressOptions & {
    topics: readonly Topic[];
    /** Keep a topic when both usefulness and modelability are at least this (default 7). */
    minScore?: number;
  };

/** Stage 1c: scores usefulness and modelability (0–10); keeps topics where both reach `minScore`. */
export async function scoreTopics(options: ScoreTopicsOptions): Promise<{ kept: Topic[]; dropped: Drop[] }> {
  const minScore = options.minScore ?? 7;
  return perItem<Topic, Topic>(
    options.topics,
    { ...options, stage: 'topic-score' },
    (t) => t.id,
    async (topic) => {
      const reply = await ask<ScoreReply>({ ...options, prompt: topicScorePrompt(topic) });
      const scored: Topic = {
        ...topic,
        usefulness: reply.usefulness,
        modelability: reply.modelability,
        scoreReason: reply.reason,
      };
      if (reply.usefulness >= minScore && reply.modelability >= minScore) return { keep: scored };
      return {
        drop: `score below ${minScore} (usefulness ${reply.usefulness}, modelability ${reply.modelability}): ${reply.reason}`,
      };
    },
  );
}

export interface DedupTopicsOptions {
  topics: readonly Topic[];
  /** With embeddings, topics are compared by embedding cosine; without, by TF-IDF cosine. */
  embeddings?: EmbeddingModel;
  /** Merge clusters whose average similarity is at least this (default 0.88 embeddings, 0.5 TF-IDF). */
  similarity?: number;
  signal?: AbortSignal;
}

export interface DedupResult {
  topics: Topic[];
  method: 'embeddings' | 'tfidf';
  threshold: number;
  /** Each cluster that merged more than one topic: its representative and the merged topic ids. */
  merged: { representative: string; members: string[] }[];
  dropped: Drop[];
}

export const defaultDedupThreshold = { embeddings: 0.88, tfidf: 0.5 } as const;

function topicText(topic: Topic): string {
  return `${topic.topic}. ${topic.topic}. ${topic.description}`;
}

/**
 * Stage 1d: agglomerative clustering (average linkage, cosine threshold) of topic texts; keeps one
 * representative per cluster (the highest-scoring, then the first) and gives it every member's tasks.
 */
export async function dedupTopics(options: DedupTopicsOptions): Promise<DedupResult> {
  throwIfAborted(options.signal);
  const topics = options.topics;
  const method = options.embeddings ? 'embeddings' : 'tfidf';
  const threshold = options.similarity ?? defaultDedupThreshold[method];
  if (topics.length === 0) return { topics: [], method, threshold, merged: [], dropped: [] };
  let matrix: number[][];
  if (options.embeddings) {
    const response = await options.embeddings.embed({
      stage: 'topic-dedup',
      inputs: topics.map(topicText),
      signal: options.signal,
    });
    matrix = vectorSimilarity(response.vectors);
  } else {
    matrix = tfidfSimilarity(topics.map(topicText));
  }
  const clusters = agglomerativeClusters(matrix, threshold);
  const kept: Topic[] = [];
  const merged: DedupResult['merged'] = [];
  const dropped: Drop[] = [];
  for (const cluster of clusters) {
    const members = cluster.map((i) => topics[i]!);
    const score = (t: Topic) => (t.usefulness ?? 0) + (t.modelability ?? 0);
    const representative = members.reduce((best, t) => (score(t) > score(best) ? t : best), members[0]!);
    const taskIds = [...new Set(members.flatMap((m) => m.taskIds))];
    const tasks = [...new Set(members.flatMap((m) => m.tasks))];
    kept.push({ ...representative, taskIds, tasks });
    if (members.length > 1) {
      merged.push({ representative: representative.id, members: members.map((m) => m.id) });
      for (const m of members) {
        if (m === representative) continue;
        dropped.push({
          stage: 'topic-dedup',
          id: m.id,
          reason: `duplicate of topic '${representative.topic}' (${representative.id}) by ${method} similarity ≥ ${threshold}`,
        });
      }
    }
  }
  return { topics: kept, method, threshold, merged, dropped };
}
