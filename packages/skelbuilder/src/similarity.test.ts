import { describe, expect, it } from 'vitest';
import { agglomerativeClusters, tfidfSimilarity } from './similarity.js';
import { dedupTopics, type Topic } from './topics.js';

const topic = (id: string, name: string, description: string, score = 8): Topic => ({
  id,
  topic: name,
  description,
  taskIds: [id],
  tasks: [`task ${id}`],
  usefulness: score,
  modelability: score,
});

describe('topic dedup', () => {
  it('clusters by average-linkage threshold', () => {
    const sim = [
      [1, 0.9, 0.1],
      [0.9, 1, 0.2],
      [0.1, 0.2, 1],
    ];
    expect(agglomerativeClusters(sim, 0.8)).toEqual([[0, 1], [2]]);
    expect(agglomerativeClusters(sim, 0.95)).toEqual([[0], [1], [2]]);
  });

  it('merges near-duplicate topics with TF-IDF and keeps the best-scored representative with all tasks', async () => {
    const topics = [
      topic('a', 'Public library loans', 'Library system tracking books, members and loans.', 8),
      topic('b', 'Clinic appointment scheduling', 'Doctors, patients and appointment slots.'),
      topic(
        'c',
        'Public library loans and holds',
        'Library system tracking books, members, loans and holds.',
        9,
      ),
    ];
    const sim = tfidfSimilarity(topics.map((t) => `${t.topic} ${t.description}`));
    expect(sim[0]![2]!).toBeGreaterThan(0.5);
    expect(sim[0]![1]!).toBeLessThan(0.2);
    const result = await dedupTopics({ topics });
    expect(result.method).toBe('tfidf');
    expect(result.topics.map((t) => t.id)).toEqual(['c', 'b']);
    expect(result.topics[0]!.taskIds).toEqual(['a', 'c']);
    expect(result.merged).toEqual([{ representative: 'c', members: ['a', 'c'] }]);
    expect(result.dropped).toEqual([expect.objectContaining({ stage: 'topic-dedup', id: 'a' })]);
  });

  it('uses embeddings when given', async () => {
    const vectors: Record<string, number[]> = { a: [1, 0, 0], b: [0, 1, 0], c: [0.98, 0.05, 0] };
    const topics = [topic('a', 'A', 'x'), topic('b', 'B', 'y'), topic('c', 'C', 'z')];
    const result = await dedupTopics({
      topics,
      embeddings: {
        embed: async (request) => ({
          vectors: request.inputs.map((text) => vectors[text[0]!.toLowerCase()]!),
          usage: { promptTokens: 3, completionTokens: 0 },
        }),
      },
    });
    expect(result.method).toBe('embeddings');
    expect(result.topics.map((t) => t.taskIds)).toEqual([['a', 'c'], ['b']]);
  });
});
