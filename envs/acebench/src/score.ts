/**
 * ACEBench's scores for one agent task, as its checker defines them (ACEBench/ACEBench `eval_main.py`
 * `agent_eval` and `agent_eval_process`, `model_eval/checker.py` `agent_checker`; the same logic as
 * RUC-NLPIR/EnvScaler `interact_with_env/acebench_env/calc_reward.py` `calc_score`,
 * `calc_end_to_end_score`, `calc_process_score` and `utils/eval_util.py` `attribute_checker`,
 * `calculate_process_accuracy`).
 */

/** One expected class state: `{<class name>: {<attribute>: value}}` (a `ground_truth` entry). */
export type AcebenchClassState = Record<string, Record<string, unknown>>;

/** Python's `==` on JSON values: True == 1, 1 == 1.0, dicts by keys and values, lists in order. */
export function pythonEqual(a: unknown, b: unknown): boolean {
  const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);
  const x = num(a);
  const y = num(b);
  if (typeof x === 'number' || typeof y === 'number') return x === y;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return x === y;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => pythonEqual(v, y[i]));
  }
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(y, k) &&
      pythonEqual((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]),
  );
}

function pyShow(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * `agent_checker`: every attribute the agent-side class has must appear in the expected class; an expected
 * value that is an object is compared key by key over its own keys (extra keys on the agent side pass), any
 * other value must be equal.
 */
export function acebenchAttributeCheck(
  model: AcebenchClassState,
  expected: AcebenchClassState,
): { valid: boolean; errors: string[] } {
  const errors: string[] = [];
  const name = Object.keys(expected)[0] ?? '';
  const want = Object.values(expected)[0] ?? {};
  const have = Object.values(model)[0] ?? {};
  for (const [attribute, value] of Object.entries(have)) {
    if (!Object.prototype.hasOwnProperty.call(want, attribute)) {
      errors.push(`class(${name}) attributes(${attribute}) missing in possible_answer.`);
      continue;
    }
    const expectedValue = want[attribute];
    if (typeof expectedValue === 'object' && expectedValue !== null && !Array.isArray(expectedValue)) {
      const actual = value as Record<string, unknown> | null;
      for (const [key, v] of Object.entries(expectedValue)) {
        const present =
          typeof actual === 'object' && actual !== null && !Array.isArray(actual)
            ? Object.prototype.hasOwnProperty.call(actual, key)
            : false;
        if (!present)
          errors.push(
            `class(${name}) attributes(${attribute}) wrong, [expected: ${pyShow(expectedValue)}, real: ${pyShow(value)}]`,
          );
        else if (!pythonEqual(v, (actual as Record<string, unknown>)[key]))
          errors.push(
            `class(${name}) attributes(${attribute}.${key}) wrong, [expected: ${pyShow(v)}, real: ${pyShow((actual as Record<string, unknown>)[key])}]`,
          );
      }
    } else if (!pythonEqual(expectedValue, value)) {
      errors.push(
        `class(${name}) attributes(${attribute}) wrong, [expected: ${pyShow(expectedValue)}, real: ${pyShow(value)}]`,
      );
    }
  }
  return { valid: errors.length === 0, errors };
}

/**
 * End-to-end (end-state) check: the number of classes must equal the number of expected entries; each
 * expected entry is compared with the agent-side class of the same name. An expected class that no
 * agent-side class matches (the data misspells four names: `ReminderAPI`, `Reminderpi`, `BaseAPI`) is not
 * compared, as in the reference, so it cannot make the task fail.
 */
export function acebenchEndState(options: {
  /** The agent-side classes, e.g. `AceBench.publicState(state)` (one key per involved class). */
  predicted: Record<string, Record<string, unknown>> | readonly AcebenchClassState[];
  groundTruth: readonly AcebenchClassState[];
}): { valid: boolean; errors: string[]; unmatched: string[] } {
  const predicted: AcebenchClassState[] = Array.isArray(options.predicted)
    ? [...(options.predicted as AcebenchClassState[])]
    : Object.entries(options.predicted).map(([k, v]) => ({ [k]: v }));
  const reference = options.groundTruth;
  if (reference.length !== predicted.length)
    return {
      valid: false,
      errors: [`wrong number of class: expected ${reference.length}, got ${predicted.length}`],
      unmatched: [],
    };
  const errors: string[] = [];
  const unmatched: string[] = [];
  for (const expected of reference) {
    const keys = Object.keys(expected).sort().join('\u0000');
    const match = predicted.find((m) => Object.keys(m).sort().join('\u0000') === keys);
    if (!match) {
      unmatched.push(Object.keys(expected).join(','));
      continue;
    }
    errors.push(...acebenchAttributeCheck(match, expected).errors);
  }
  return { valid: errors.length === 0, errors, unmatched };
}

/**
 * `calculate_process_accuracy`: the share of `milestones` found in order as a subsequence of `calls`
 * (each compared after trimming whitespace, exactly). Returns the unrounded and the 3-decimal share.
 */
export function acebenchMilestoneShare(
  milestones: readonly string[],
  calls: readonly string[],
): { share: number; rounded: number; matched: number[] } {
  const matched: number[] = [];
  let at = 0;
  for (const stone of milestones) {
    while (at < calls.length) {
      const hit = (calls[at] as string).trim() === stone.trim();
      at++;
      if (hit) {
        matched.push(at - 1);
        break;
      }
    }
  }
  const share = milestones.length === 0 ? 1 : matched.length / milestones.length;
  return { share, rounded: pythonRound3(share), matched };
}

/**
 * Python's `round(x, 3)` for x ≥ 0: the correctly rounded value, where an exact tie (only odd multiples
 * of 1/16 are exact ties at three decimals) goes to the even last digit.
 */
export function pythonRound3(x: number): number {
  if (Number.isInteger(x * 16) && !Number.isInteger(x * 8)) {
    const low = Math.floor(x * 1000); // exact: x·1000 is an odd multiple of 0.5
    return (low % 2 === 0 ? low : low + 1) / 1000;
  }
  return Number(x.toFixed(3));
}

/**
 * Process accuracy of a run: with one milestone list, its share (unrounded); with alternative lists, the best
 * of their 3-decimal shares.
 */
export function acebenchProcess(
  milestones: readonly string[] | readonly (readonly string[])[],
  calls: readonly string[],
): number {
  if (milestones.length === 0) return 1;
  if (Array.isArray(milestones[0])) {
    let best = -1;
    for (const list of milestones as readonly (readonly string[])[]) {
      best = Math.max(best, acebenchMilestoneShare(list, calls).rounded);
    }
    return best;
  }
  return acebenchMilestoneShare(milestones as readonly string[], calls).share;
}

export interface AcebenchScore {
  /** 1 when the end state matches the ground truth. */
  endToEnd: 0 | 1;
  /** 1 when the end state matches; otherwise the milestone share (see `acebenchProcess`). */
  process: number;
  /** Why the end state did not match. */
  errors: string[];
  /** Expected class names that no involved class matched (misspelled in the data; not compared). */
  unmatched: string[];
}

/** Both scores of one run, as `calc_score` combines them: a correct end state counts as process 1. */
export function acebenchScore(options: {
  predicted: Record<string, Record<string, unknown>> | readonly AcebenchClassState[];
  groundTruth: readonly AcebenchClassState[];
  milestones: readonly string[] | readonly (readonly string[])[];
  calls: readonly string[];
}): AcebenchScore {
  const end = acebenchEndState(options);
  return {
    endToEnd: end.valid ? 1 : 0,
    process: end.valid ? 1 : acebenchProcess(options.milestones, options.calls),
    errors: end.errors,
    unmatched: end.unmatched,
  };
}
