/** Binomial coefficient C(n, k) as a float (exact for the small n of trial counts). */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let result = 1;
  for (let i = 1; i <= m; i++) result = (result * (n - m + i)) / i;
  return result;
}

/**
 * Unbiased estimate, for one scenario with `n` trials of which `c` succeeded, of the probability that
 * k fresh trials ALL succeed (τ-bench's pass^k): C(c, k) / C(n, k).
 */
export function passHatKOne(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass^${k} needs at least ${k} trials, got ${n}`);
  return choose(c, k) / choose(n, k);
}

/**
 * Unbiased estimate (Chen et al. 2021, HumanEval) of the probability that AT LEAST ONE of k fresh trials
 * succeeds: 1 − C(n − c, k) / C(n, k).
 */
export function passAtKOne(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} trials, got ${n}`);
  return 1 - choose(n - c, k) / choose(n, k);
}

/** A small seeded PRNG (mulberry32), so bootstrap intervals are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * 95% percentile-bootstrap interval of the mean of per-scenario values: resample scenarios with
 * replacement `resamples` times (default 2000) with a fixed seed, take the 2.5th and 97.5th percentiles.
 * With one scenario (or identical values) the interval collapses to the point estimate.
 */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: { resamples?: number; seed?: number } = {},
): [number, number] {
  if (values.length === 0) return [0, 0];
  const point = mean(values);
  if (values.length === 1 || values.every((v) => v === values[0])) return [point, point];
  const resamples = options.resamples ?? 2000;
  const random = seededRandom(options.seed ?? 12345);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    means[r] = sum / values.length;
  }
  means.sort();
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return [clamp01(at(0.025)), clamp01(at(0.975))];
}

/** Wilson score interval (95%) for a proportion of successes among n Bernoulli trials. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [clamp01(centre - half), clamp01(centre + half)];
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
