import type { EmbeddingModel, EmbeddingRequest, EmbeddingResponse } from '@envscaler/core';

/** FNV-1a, 32 bit: a small stable string hash. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A deterministic embedding: a hashed bag of lower-cased words, L2-normalised. Texts sharing words get
 * a high cosine similarity, identical texts get identical vectors, and no model is needed.
 */
export function hashedBagOfWords(options: { text: string; dimensions?: number }): number[] {
  const dimensions = options.dimensions ?? 64;
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of options.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const hash = fnv1a(word);
    vector[hash % dimensions]! += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

/** An `EmbeddingModel` returning `hashedBagOfWords` vectors; records every request. */
export class MockEmbeddingModel implements EmbeddingModel {
  readonly calls: EmbeddingRequest[] = [];
  readonly dimensions: number;
  readonly model: string;

  constructor(options: { dimensions?: number; model?: string } = {}) {
    this.dimensions = options.dimensions ?? 64;
    this.model = options.model ?? 'mock-embedding';
  }

  modelFor(): string {
    return this.model;
  }

  async embed(request: EmbeddingRequest): Promise<EmbeddingResponse> {
    this.calls.push({ ...request, inputs: [...request.inputs] });
    const vectors = request.inputs.map((text) => hashedBagOfWords({ text, dimensions: this.dimensions }));
    const promptTokens = request.inputs.reduce((n, text) => n + Math.ceil(text.length / 4), 0);
    return { vectors, usage: { promptTokens, completionTokens: 0 } };
  }
}
