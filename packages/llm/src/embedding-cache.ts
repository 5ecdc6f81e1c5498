// The embedding half of the response cache: one file per input text, so a request sends only the
// inputs not yet cached. The chat half, with its scripted replies, is cassette.ts.
import path from 'node:path';
import {
  canonicalJson,
  EnvscalerError,
  InvalidArtifactError,
  type EmbeddingModel,
} from '@envscaler/core';
import { sha256Hex, writeFileAtomic } from '@envscaler/core/node';
import { readJsonFile, type CassetteMode, type CassetteStats, type NamesModels } from './cassette.js';

export interface EmbeddingCacheOptions {
  model?: EmbeddingModel;
  dir: string;
  mode?: CassetteMode;
  /** Default `model.modelFor(stage)` when the model has it. */
  modelName?: string;
}

interface EmbeddingRecord {
  schemaVersion: 1;
  model?: string;
  input: string;
  vector: number[];
}

function parseEmbeddingRecord(value: unknown, file: string): EmbeddingRecord {
  const record = value as Partial<EmbeddingRecord> | null;
  if (
    !record ||
    typeof record !== 'object' ||
    record.schemaVersion !== 1 ||
    typeof record.input !== 'string' ||
    !Array.isArray(record.vector) ||
    !record.vector.every((x) => typeof x === 'number')
  ) {
    throw new InvalidArtifactError({
      artifact: 'embedding cache file',
      source: file,
      issues: [{ path: '$', message: 'must be { schemaVersion: 1, input: string, vector: number[] }' }],
    });
  }
  return record as EmbeddingRecord;
}

/**
 * Caches embeddings per input text in `<dir>/embeddings/<sha256>.json`; only the inputs not yet cached
 * are sent to the wrapped model (in one request). Same modes as `withCassette`.
 */
export function withEmbeddingCache(
  options: EmbeddingCacheOptions,
): EmbeddingModel & { stats: CassetteStats } {
  const mode = options.mode ?? 'auto';
  const { model } = options;
  if (mode !== 'replay' && !model) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `withEmbeddingCache: mode '${mode}' needs a model to call on a miss`,
    );
  }
  const stats: CassetteStats = { hits: 0, scripted: 0, recorded: 0 };
  return {
    stats,
    async embed(request) {
      const modelName =
        options.modelName ?? (model as (EmbeddingModel & NamesModels) | undefined)?.modelFor?.(request.stage);
      const files = request.inputs.map((input) =>
        path.join(options.dir, 'embeddings', `${sha256Hex(canonicalJson({ model: modelName, input }))}.json`),
      );
      const vectors: (number[] | undefined)[] = await Promise.all(
        files.map(async (file) => {
          if (mode === 'record') return undefined;
          const stored = await readJsonFile(file);
          return stored === undefined ? undefined : parseEmbeddingRecord(stored, file).vector;
        }),
      );
      const missingIndexes = vectors.flatMap((v, i) => (v === undefined ? [i] : []));
      stats.hits += request.inputs.length - missingIndexes.length;
      let usage = { promptTokens: 0, completionTokens: 0 };
      if (missingIndexes.length > 0) {
        if (mode === 'replay') {
          const first = missingIndexes[0]!;
          throw new EnvscalerError(
            'NOT_FOUND',
            `no cached embedding for stage '${request.stage}' (${missingIndexes.length} of ${request.inputs.length} inputs missing, ` +
              `first: ${path.basename(files[first]!, '.json')}) in ${options.dir} and mode is 'replay'`,
          );
        }
        const inputs = missingIndexes.map((i) => request.inputs[i]!);
        const result = await model!.embed({ ...request, inputs });
        usage = result.usage;
        await Promise.all(
          missingIndexes.map((index, j) => {
            const vector = result.vectors[j]!;
            vectors[index] = vector;
            const record: EmbeddingRecord = {
              schemaVersion: 1,
              model: modelName,
              input: request.inputs[index]!,
              vector,
            };
            return writeFileAtomic({ file: files[index]!, data: JSON.stringify(record) });
          }),
        );
        stats.recorded += missingIndexes.length;
      }
      return { vectors: vectors as number[][], usage };
    },
  };
}
