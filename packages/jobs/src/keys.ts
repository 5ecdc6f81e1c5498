import { canonicalJson } from '@envscaler/core';
import { sha256Hex } from '@envscaler/core/node';

/** JSON with object keys sorted and undefined members dropped, so equal inputs hash equally. */
export const stableJson = canonicalJson;

/**
 * The key of a job: the first 32 hex digits of the SHA-256 of its kind and canonical inputs. Use the
 * same inputs the stage's resumable cache is keyed by, so "done in the cache" and "done as a job" agree.
 */
export function jobKey(kind: string, inputs: unknown): string {
  return sha256Hex(`${kind}\u0000${stableJson(inputs)}`).slice(0, 32);
}

/** BullMQ job ids may not contain ':' nor be integers; `<kind>-<key>` is neither. */
export function bullJobId(kind: string, key: string): string {
  return `${kind}-${key}`.replace(/:/g, '_');
}
