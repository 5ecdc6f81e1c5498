import { createHash } from 'node:crypto';
import { canonicalJson } from '@envscaler/core';

/** JSON text with object keys sorted, so equal values always hash the same. */
export const stableStringify = canonicalJson;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** sha256 of the stable JSON of a value. */
export function hashValue(value: unknown): string {
  return sha256(stableStringify(value));
}
