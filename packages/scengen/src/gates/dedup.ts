/**
 * Near-duplicate detection for task texts with TF-IDF vectors and cosine similarity. Tokens are
 * lower-cased words and ids (`#w2378156`, `order_42`), without stop words and greetings; salient
 * tokens (containing a digit, `@` or `#`, or capitalised mid-sentence: names, titles, ids, dates)
 * count three times, because which entities a task is about matters more than how it is phrased.
 * IDF is smoothed (ln((1+N)/(1+df)) + 1) over the tasks seen so far plus the candidate. The default
 * threshold 0.85 drops rephrasings of the same request about the same entities, while the same request
 * about another entity (another book, order or user) stays below it.
 */
export const DEFAULT_DEDUP_THRESHOLD = 0.85;

const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have i in is it its my me of on or please that the this to was ' +
    'were will with would you your can could am m s d ll ve re hi hello hey thanks thank dear so just also'
  ).split(' '),
);

const SALIENT_WEIGHT = 3;

/** Lower-cased content tokens with their weight (salient tokens weigh more). */
export function tokenize(text: string): { token: string; weight: number }[] {
  const out: { token: string; weight: number }[] = [];
  let sentenceStart = true;
  for (const match of text.matchAll(/[#@]?[\p{L}\p{N}][\p{L}\p{N}_@.-]*|[.!?]/gu)) {
    const raw = match[0].replace(/[.-]+$/, '');
    if (raw === '' || /^[.!?]$/.test(match[0])) {
      sentenceStart = true;
      continue;
    }
    const token = raw.toLowerCase();
    const salient = /[\d@#]/.test(raw) || (!sentenceStart && /^\p{Lu}/u.test(raw));
    sentenceStart = /[.!?]$/.test(match[0]);
    if (STOPWORDS.has(token)) continue;
    out.push({ token, weight: salient ? SALIENT_WEIGHT : 1 });
  }
  return out;
}

function termFrequencies(tokens: { token: string; weight: number }[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t.token, (tf.get(t.token) ?? 0) + t.weight);
  return tf;
}

/** Tasks accepted so far for one environment; `findDuplicate` compares a candidate with all of them. */
export class TaskDeduper {
  private readonly docs: { id: string; tf: Map<string, number> }[] = [];
  private readonly df = new Map<string, number>();

  constructor(readonly threshold = DEFAULT_DEDUP_THRESHOLD) {}

  add(id: string, text: string): void {
    const tf = termFrequencies(tokenize(text));
    this.docs.push({ id, tf });
    for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  /** The most similar earlier task at or above the threshold, if any. */
  findDuplicate(text: string): { id: string; similarity: number } | undefined {
    const tf = termFrequencies(tokenize(text));
    const n = this.docs.length + 1;
    const idf = (term: string) =>
      Math.log((1 + n) / (1 + (this.df.get(term) ?? 0) + (tf.has(term) ? 1 : 0))) + 1;
    const vector = (m: Map<string, number>) => {
      const v = new Map<string, number>();
      for (const [term, count] of m) v.set(term, count * idf(term));
      return v;
    };
    const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
    const a = vector(tf);
    const na = norm(a);
    let best: { id: string; similarity: number } | undefined;
    for (const doc of this.docs) {
      const b = vector(doc.tf);
      let dot = 0;
      for (const [term, x] of a) dot += x * (b.get(term) ?? 0);
      const similarity = na === 0 ? 0 : dot / (na * norm(b) || 1);
      if (similarity >= this.threshold && (!best || similarity > best.similarity))
        best = { id: doc.id, similarity };
    }
    return best;
  }
}
