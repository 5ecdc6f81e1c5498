import { bootstrapMeanInterval, passHatKOne } from '@envscaler/validate';

export interface PassHatKRow {
  k: number;
  /** Mean over tasks of C(c, k) / C(n, k) (τ-bench's unbiased pass^k). */
  value: number;
  /** 95% percentile-bootstrap interval over tasks. */
  interval95: [number, number];
  /** Tasks with at least k trials (the ones averaged). */
  tasks: number;
}

/**
 * pass^k for k = 1..maxK from per-task trial counts (`n` trials, `c` successes). Tasks with fewer than k
 * trials are left out of that k's mean.
 */
export function passHatKTable(options: {
  counts: readonly { n: number; c: number }[];
  maxK: number;
  seed?: number;
}): PassHatKRow[] {
  const rows: PassHatKRow[] = [];
  for (let k = 1; k <= options.maxK; k++) {
    const values = options.counts.filter((t) => t.n >= k).map((t) => passHatKOne(t.n, t.c, k));
    const value = values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
    rows.push({
      k,
      value,
      interval95: values.length === 0 ? [0, 0] : bootstrapMeanInterval(values, { seed: options.seed }),
      tasks: values.length,
    });
  }
  return rows;
}
