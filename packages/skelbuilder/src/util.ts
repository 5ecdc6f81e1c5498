import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJson, EnvscalerError } from '@envscaler/core';

/** JSON with object keys sorted, so equal values always hash equally. */
export const stableStringify = canonicalJson;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes a file atomically: a temporary file in the same directory, then a rename over the target. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, 'utf8');
  await rename(tmp, path);
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EnvscalerError('ABORTED', 'the build was aborted', { cause: signal.reason });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof EnvscalerError && error.code === 'ABORTED';
}

/**
 * Maps over items with at most `concurrency` in flight, preserving order. The first rejection stops
 * new work from starting and is rethrown once running work settles.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker);
  await Promise.all(workers);
  if (failure) throw failure.error;
  return results;
}

/** `LibraryLoans` from "library loans" / "library-loans". */
export function pascalCase(text: string): string {
  const words = text.match(/[A-Za-z0-9]+/g) ?? [];
  let name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (name === '' || /^[0-9]/.test(name)) name = `Env${name}`;
  return name;
}

/** `library-loans` from "Library Loans!". */
export function kebabCase(text: string): string {
  const slug = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'env' : slug.slice(0, 60).replace(/-+$/, '');
}
