import { createHash } from 'node:crypto';

// Every choice the synthetic model makes comes from a PRNG seeded by the sha256 of the model's seed and
// the item the choice is about (a class name, a method, a task text), so answers do not depend on call
// order or concurrency, and the same (seed, item) always gets the same answer.

/** A 32-bit seed from the sha256 of the parts, joined with a separator no part contains. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  return createHash('sha256').update(parts.map(String).join('\u0000')).digest().readUInt32LE(0);
}

/** A short hex digest of the parts, for keys and ids. */
export function shortHash(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex').slice(0, 8);
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** mulberry32 over a seed derived from `parts` (see `hashSeed`). */
export function createRandom(...parts: readonly (string | number)[]): Random {
  let a = hashSeed(...parts);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('synthetic model: pick() from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    chance: (p) => next() < p,
  };
}

/** A yes/no decision with probability `rate`, fixed for one (seed, item): the same item always decides alike. */
export function decide(rate: number, ...parts: readonly (string | number)[]): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  return hashSeed('decide', ...parts) / 4294967296 < rate;
}
