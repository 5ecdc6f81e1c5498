import { createHash } from 'node:crypto';

/** SHA-256 of a text (as UTF-8) or of bytes, as 64 lowercase hex digits. */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}
