import { canonicalJson } from '@envscaler/core';
import { sha256Hex } from '@envscaler/core/node';

/** sha256 of the canonical JSON of a value, so equal values hash the same whatever their key order. */
export function hashValue(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
