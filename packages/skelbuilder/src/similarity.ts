// Lexical and vector similarity for topic deduplication, plus agglomerative clustering.

const stopwords = new Set(
  'a an and are as at be by for from has have in is it its of on or that the their this to with which who will can be been into per via using use system systems management manage environment'.split(
    ' ',
  ),
);

function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((t) => t.length > 1 && !stopwords.has(t))
    .map((t) => (t.length > 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
}

/** TF-IDF vectors (sparse, L2-normalised) of a set of texts. */
export function tfidfVectors(texts: readonly string[]): Map<string, number>[] {
  const docs = texts.map(tokenize);
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  return docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const term of doc) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * Math.log((1 + docs.length) / (1 + (df.get(term) ?? 0)) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function sparseCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * (b[i] ?? 0);
    na += a[i]! * a[i]!;
    nb += (b[i] ?? 0) * (b[i] ?? 0);
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Pairwise cosine similarity matrix of TF-IDF vectors. */
export function tfidfSimilarity(texts: readonly string[]): number[][] {
  const vectors = tfidfVectors(texts);
  return vectors.map((a) => vectors.map((b) => sparseCosine(a, b)));
}

/** Pairwise cosine similarity matrix of dense vectors (embeddings). */
export function vectorSimilarity(vectors: readonly (readonly number[])[]): number[][] {
  return vectors.map((a) => vectors.map((b) => cosine(a, b)));
}

/**
 * Agglomerative clustering with average linkage: repeatedly merges the two most similar clusters while
 * their average pairwise similarity is at least `threshold`. Returns clusters as sorted index lists,
 * ordered by their smallest index.
 */
export function agglomerativeClusters(
  similarity: readonly (readonly number[])[],
  threshold: number,
): number[][] {
  let clusters = similarity.map((_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let pair: [number, number] | undefined;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        let sum = 0;
        for (const a of clusters[i]!) for (const b of clusters[j]!) sum += similarity[a]![b]!;
        const average = sum / (clusters[i]!.length * clusters[j]!.length);
        if (average > best) {
          best = average;
          pair = [i, j];
        }
      }
    }
    if (!pair || best < threshold) break;
    const [i, j] = pair;
    const merged = [...clusters[i]!, ...clusters[j]!].sort((x, y) => x - y);
    clusters = clusters.filter((_, k) => k !== i && k !== j);
    clusters.push(merged);
  }
  return clusters.sort((x, y) => x[0]! - y[0]!);
}
