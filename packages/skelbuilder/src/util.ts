import { canonicalJson, EnvscalerError } from '@envscaler/core';

/** JSON with object keys sorted, so equal values always hash equally. */
export const stableStringify = canonicalJson;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EnvscalerError('ABORTED', 'the build was aborted', { cause: signal.reason });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof EnvscalerError && error.code === 'ABORTED';
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
