import { createRandom } from './random.js';
import { operationOf, referenceCall, type Outcome, type SyntheticState } from './reference.js';
import { referencedIds, titleFor } from './state.js';
import { entityOf, fieldOf, idArgOf, type World, type WorldOperation } from './world.js';

// The quality stages: the tester's calls (normal use and rule-breaking edge cases, planned against the
// reference semantics so each edge case really breaks its rule when it is made) and the checker's
// verdicts (each real result compared with what the reference says the call should have done).

export interface PlannedCall {
  tool: string;
  arguments: Record<string, unknown>;
  purpose: string;
}

const isMutation = (op: WorldOperation) => op.kind !== 'get' && op.kind !== 'list';

/** Every call the tester will make, in order; each turn hands out the next slice. */
export function testerPlan(options: {
  world: World;
  seed: number;
  initialState: SyntheticState;
}): PlannedCall[] {
  const { world } = options;
  const rng = createRandom(options.seed, 'tester', world.className);
  const sim = structuredClone(options.initialState);
  const plan: PlannedCall[] = [];
  const used = new Set<string>();
  const call = (op: WorldOperation, args: Record<string, unknown>, purpose: string) => {
    plan.push({ tool: op.name, arguments: args, purpose });
    referenceCall({ world, operation: op.name, state: sim, args });
  };
  const ordered = [
    ...world.operations.filter(isMutation),
    ...world.operations.filter((op) => !isMutation(op)),
  ];
  for (const op of ordered) {
    const entity = entityOf(world, op.entity);
    const records = () => Object.values(sim[entity.collection] ?? {});
    const unknown = `${entity.prefix}-999`;
    const choose = (test: (r: Record<string, unknown>) => boolean): string | undefined => {
      const fits = records().filter(test);
      const fresh = fits.find((r) => !used.has(r.id as string)) ?? fits[0];
      if (fresh) used.add(fresh.id as string);
      return fresh?.id as string | undefined;
    };
    const key = idArgOf(entity);
    const frozen = (r: Record<string, unknown>) => entity.lifecycle.terminal.includes(r.status as string);
    switch (op.kind) {
      case 'get':
        call(op, { [key]: records()[0]?.id ?? unknown }, 'normal lookup');
        call(op, { [key]: unknown }, 'unknown id');
        break;
      case 'list':
        call(op, { status: entity.lifecycle.values[0] }, 'filter by status');
        call(op, {}, 'list everything');
        break;
      case 'create': {
        const parent = entity.parent ? entityOf(world, entity.parent) : undefined;
        const number = fieldOf(entity, 'number');
        const args: Record<string, unknown> = {};
        if (parent)
          args[idArgOf(parent)] = Object.keys(sim[parent.collection] ?? {})[0] ?? `${parent.prefix}-1`;
        args[fieldOf(entity, 'title')!.name] = titleFor(rng, entity);
        if (number) args[number.name] = Math.round((number.min! + number.max!) / 2);
        call(op, args, 'normal create');
        if (number) call(op, { ...args, [number.name]: number.max! + 7 }, `${number.name} above the limit`);
        else if (parent)
          call(op, { ...args, [idArgOf(parent)]: `${parent.prefix}-999` }, `unknown ${parent.label}`);
        break;
      }
      case 'update': {
        const field = entity.fields.find((f) => f.name === op.field)!;
        const target = choose((r) => !frozen(r));
        const current = target ? sim[entity.collection]![target]![field.name] : undefined;
        const value =
          field.kind === 'number'
            ? (current as number) < field.max!
              ? (current as number) + 1
              : field.min!
            : `Revised ${field.name} ${rng.int(2, 99)}`;
        call(op, { [key]: target ?? unknown, [field.name]: value }, 'normal change');
        const locked = choose(frozen);
        if (locked)
          call(
            op,
            { [key]: locked, [field.name]: value },
            `change a ${String(sim[entity.collection]![locked]!.status)} record`,
          );
        else if (field.kind === 'number')
          call(op, { [key]: target ?? unknown, [field.name]: field.max! + 5 }, 'value above the limit');
        else call(op, { [key]: unknown, [field.name]: value }, 'unknown id');
        break;
      }
      case 'transition': {
        const from = op.transition!.from;
        const ready = choose((r) => from.includes(r.status as string));
        call(op, { [key]: ready ?? unknown }, ready ? 'allowed status change' : 'unknown id');
        const blocked = choose((r) => !from.includes(r.status as string));
        call(op, { [key]: blocked ?? unknown }, blocked ? 'status change the rules forbid' : 'unknown id');
        break;
      }
      case 'delete': {
        const inUse = referencedIds(world, sim, entity);
        const free = choose((r) => !inUse.has(r.id as string));
        const busy = choose((r) => inUse.has(r.id as string));
        if (busy) call(op, { [key]: busy }, 'remove a record still in use');
        call(op, { [key]: free ?? unknown }, free ? 'remove an unused record' : 'unknown id');
        break;
      }
    }
  }
  return plan;
}

/** One call as the checker prompt shows it. */
export interface ShownCall {
  index: number;
  tool: string;
  args: Record<string, unknown>;
  /** The state before the call, or undefined when the prompt shows it cut short. */
  stateBefore: SyntheticState | undefined;
  result: { ok: boolean; code?: string } | undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The calls listed in a 'quality-checker' prompt. */
export function shownCalls(text: string): ShownCall[] {
  const out: ShownCall[] = [];
  const pattern =
    /^#(\d+) ([A-Za-z0-9_]+)\((.*)\) — tester's intent: .*\nstate before: (.*)\nresult: (.*)$/gm;
  for (const m of text.matchAll(pattern)) {
    const state = parseJson(m[4]!);
    const raw = parseJson(m[5]!);
    let result: ShownCall['result'];
    if (raw && typeof raw === 'object' && typeof (raw as { ok?: unknown }).ok === 'boolean') {
      const r = raw as { ok: boolean; error?: { code?: string } };
      result = { ok: r.ok, ...(r.error?.code ? { code: r.error.code } : {}) };
    } else if (typeof raw === 'string') {
      // cut short by the prompt: the start still says whether it failed and why
      const ok = /"ok":\s*(true|false)/.exec(raw)?.[1];
      if (ok)
        result = {
          ok: ok === 'true',
          ...(/"code":\s*"([A-Z_]+)"/.exec(raw) ? { code: /"code":\s*"([A-Z_]+)"/.exec(raw)![1] } : {}),
        };
    }
    out.push({
      index: Number(m[1]),
      tool: m[2]!,
      args: (parseJson(m[3]!) as Record<string, unknown>) ?? {},
      stateBefore: state && typeof state === 'object' ? (state as SyntheticState) : undefined,
      result,
    });
  }
  return out;
}

export interface Verdict {
  index: number;
  verdict: 'pass' | 'warning' | 'fail';
  reason: string;
}

const describe = (o: Outcome) => (o.ok ? 'success' : o.code);

/** The checker's verdict on one call: the real result against the reference outcome on the state before. */
export function judgeCall(world: World, call: ShownCall): Verdict {
  const op = operationOf(world, call.tool);
  if (!op) return { index: call.index, verdict: 'fail', reason: `there is no tool ${call.tool}` };
  if (!call.stateBefore || !call.result) {
    return {
      index: call.index,
      verdict: 'warning',
      reason: 'the state or result is too long to judge in full',
    };
  }
  const expected = referenceCall({
    world,
    operation: op.name,
    state: structuredClone(call.stateBefore),
    args: call.args,
  });
  const actual = call.result;
  const rule = op.rules[0] ? ` (${op.rules[0]})` : '';
  if (expected.ok && actual.ok)
    return { index: call.index, verdict: 'pass', reason: 'Correct result for a valid call.' };
  if (!expected.ok && !actual.ok && expected.code === actual.code) {
    return { index: call.index, verdict: 'pass', reason: `Correctly refused with ${actual.code}.` };
  }
  if (!expected.ok && !actual.ok) {
    return {
      index: call.index,
      verdict: 'warning',
      reason: `Refused as it should be, but with ${actual.code} instead of ${expected.code}.`,
    };
  }
  return {
    index: call.index,
    verdict: 'fail',
    reason: `Expected ${describe(expected)}${expected.ok ? '' : rule}, got ${actual.ok ? 'success' : actual.code}.`,
  };
}
