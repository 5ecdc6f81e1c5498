import { createRandom, type Random } from './random.js';
import { referenceCall, type SyntheticState } from './reference.js';
import { personName, referencedIds, titleFor } from './state.js';
import { entityOf, fieldOf, idArgOf, lowerFirst, words, type World, type WorldOperation } from './world.js';

// Scenarios: a task is a few steps (one mutation each), written with one sentence template per
// operation. The same templates parse the task back, so the checklist, the solver and the agent all work
// from the task text they are shown, the way a model reads it, and need nothing remembered.

export interface Step {
  op: WorldOperation;
  args: Record<string, unknown>;
}

type Token = string | { arg: string };

/** The sentence template of a mutation (queries have none). */
function template(world: World, op: WorldOperation): Token[] {
  const entity = entityOf(world, op.entity);
  const id = { arg: idArgOf(entity) };
  switch (op.kind) {
    case 'transition':
      return op
        .transition!.phrase.split(/(\{label\}|\{id\})/)
        .filter((part) => part !== '')
        .map((part) => (part === '{label}' ? entity.label : part === '{id}' ? id : part));
    case 'update':
      return [`Set the ${words(op.field!)} of ${entity.label} `, id, ' to ', { arg: op.field! }, '.'];
    case 'delete':
      return [`Remove ${entity.label} `, id, ' from the records.'];
    case 'create': {
      const parent = entity.parent ? entityOf(world, entity.parent) : undefined;
      const title = fieldOf(entity, 'title')!;
      const number = fieldOf(entity, 'number');
      return [
        `Add a new ${entity.label}`,
        ...(parent ? [` for ${parent.label} `, { arg: idArgOf(parent) }] : []),
        ` with ${words(title.name)} `,
        { arg: title.name },
        ...(number ? [` and ${words(number.name)} `, { arg: number.name }] : []),
        '.',
      ];
    }
    default:
      return [];
  }
}

const isId = (op: WorldOperation, arg: string) => op.args.find((a) => a.name === arg)?.ref !== undefined;
const valuePattern = '("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?|true|false|[a-z][a-z0-9]*-\\d+)';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One step as a sentence of the task. */
export function renderStep(world: World, step: Step): string {
  return template(world, step.op)
    .map((t) =>
      typeof t === 'string'
        ? t
        : isId(step.op, t.arg)
          ? String(step.args[t.arg])
          : JSON.stringify(step.args[t.arg]),
    )
    .join('');
}

/** The steps a task text asks for, in the order it asks for them. */
export function parseSteps(world: World, text: string): Step[] {
  const found: (Step & { at: number })[] = [];
  for (const op of world.operations) {
    const tokens = template(world, op);
    if (tokens.length === 0) continue;
    const args = tokens.filter((t): t is { arg: string } => typeof t !== 'string').map((t) => t.arg);
    const source = tokens.map((t) => (typeof t === 'string' ? escape(t) : valuePattern)).join('');
    for (const m of text.matchAll(new RegExp(`(?<![A-Za-z])${source}`, 'gi'))) {
      const values: Record<string, unknown> = {};
      args.forEach((arg, i) => {
        const raw = m[i + 1]!;
        values[arg] = isId(op, arg) && !raw.startsWith('"') ? raw : JSON.parse(raw);
      });
      found.push({ op, args: values, at: m.index });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ op, args }) => ({ op, args }));
}

const mutations = (world: World) => world.operations.filter((op) => op.kind !== 'get' && op.kind !== 'list');

/** Arguments for `op` that are valid on `state` (or, with `invalid`, that break one of its rules). */
function argsFor(options: {
  world: World;
  op: WorldOperation;
  state: SyntheticState;
  rng: Random;
  touched: Set<string>;
  invalid: boolean;
}): Record<string, unknown> | undefined {
  const { world, op, state, rng, touched, invalid } = options;
  const entity = entityOf(world, op.entity);
  const key = idArgOf(entity);
  const records = Object.values(state[entity.collection] ?? {}).filter((r) => !touched.has(r.id as string));
  const pick = (test: (r: Record<string, unknown>) => boolean) => {
    const fits = records.filter(test);
    return fits.length > 0 ? (rng.pick(fits).id as string) : undefined;
  };
  const frozen = (r: Record<string, unknown>) => entity.lifecycle.terminal.includes(r.status as string);
  const unknown = `${entity.prefix}-${rng.int(900, 999)}`;
  switch (op.kind) {
    case 'transition': {
      const from = op.transition!.from;
      const id = invalid
        ? (pick((r) => !from.includes(r.status as string)) ?? unknown)
        : pick((r) => from.includes(r.status as string));
      return id === undefined ? undefined : { [key]: id };
    }
    case 'update': {
      const field = entity.fields.find((f) => f.name === op.field)!;
      const id = pick((r) => !frozen(r));
      if (id === undefined)
        return invalid
          ? { [key]: unknown, [field.name]: field.kind === 'number' ? field.min! : 'x' }
          : undefined;
      const current = state[entity.collection]![id]![field.name];
      if (field.kind === 'number') {
        if (invalid) return { [key]: id, [field.name]: field.max! + rng.int(5, 50) };
        let value = rng.int(field.min!, field.max!);
        if (value === current) value = value === field.max! ? field.min! : value + 1;
        return { [key]: id, [field.name]: value };
      }
      return invalid
        ? { [key]: unknown, [field.name]: 'Revised' }
        : { [key]: id, [field.name]: `Revised ${words(field.name)} ${rng.int(2, 99)}` };
    }
    case 'delete': {
      const inUse = referencedIds(world, state, entity);
      const id = invalid
        ? (pick((r) => inUse.has(r.id as string)) ?? unknown)
        : pick((r) => !inUse.has(r.id as string));
      return id === undefined ? undefined : { [key]: id };
    }
    case 'create': {
      const parent = entity.parent ? entityOf(world, entity.parent) : undefined;
      const number = fieldOf(entity, 'number');
      const args: Record<string, unknown> = {};
      if (parent) {
        const ids = Object.keys(state[parent.collection] ?? {}).filter((id) => !touched.has(id));
        if (ids.length === 0) return undefined;
        args[idArgOf(parent)] = invalid && !number ? `${parent.prefix}-${rng.int(900, 999)}` : rng.pick(ids);
      }
      args[fieldOf(entity, 'title')!.name] = titleFor(rng, entity);
      if (number)
        args[number.name] = invalid ? number.max! + rng.int(5, 50) : rng.int(number.min!, number.max!);
      return args;
    }
    default:
      return undefined;
  }
}

/**
 * The steps of a scenario's task: the mutations the scengen focus names (then others), each valid after
 * the ones before it and on records no other step touches; with `unsolvable`, the last step breaks a rule.
 */
export function planTask(options: {
  world: World;
  seed: number;
  state: SyntheticState;
  focus: string;
  unsolvable: boolean;
}): { steps: Step[]; broken: boolean } {
  const { world, state } = options;
  const rng = createRandom(options.seed, 'task', world.className, options.focus, JSON.stringify(state));
  const named = mutations(world)
    .map((op) => ({ op, at: options.focus.search(new RegExp(`\\b${op.name}\\b`)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.op);
  const candidates = [...named, ...rng.shuffle(mutations(world).filter((op) => !named.includes(op)))];
  const want = rng.chance(0.3) ? 3 : 2;
  const sim = structuredClone(state);
  const touched = new Set<string>();
  const steps: Step[] = [];
  let broken = false;
  for (const op of candidates) {
    if (steps.length >= want) break;
    const last = steps.length === want - 1 || op === candidates[candidates.length - 1];
    const invalid = options.unsolvable && last;
    const args = argsFor({ world, op, state: sim, rng, touched, invalid });
    if (!args) continue;
    const outcome = referenceCall({ world, operation: op.name, state: sim, args });
    if (outcome.ok === invalid) {
      // a valid call that failed, or a rule-breaking one that passed: not the step we wanted
      continue;
    }
    for (const value of Object.values(args)) if (typeof value === 'string') touched.add(value);
    if (outcome.ok) touched.add((outcome.data as { id: string }).id);
    steps.push({ op, args });
    if (invalid) {
      broken = true;
      break;
    }
  }
  return { steps, broken };
}

const greetings = [
  'Hi, this is {name}.',
  'Hello, {name} here.',
  'Good morning, I am {name} from the front office.',
  'Hey, {name} speaking.',
];
const closings = [
  'Please let me know when it is done.',
  'Thanks for sorting this out.',
  'Tell me once everything is updated.',
  'Thank you!',
];

/** The task text and the simulated user's profile for a list of steps. */
export function writeTask(options: { world: World; seed: number; steps: Step[] }): {
  task: string;
  user: { persona: string; knownInfo: string; unknownInfo: string };
} {
  const { world, steps } = options;
  const rng = createRandom(
    options.seed,
    'task-text',
    world.className,
    JSON.stringify(steps.map((s) => [s.op.name, s.args])),
  );
  const name = personName(rng);
  const sentences = steps.map((s, i) =>
    i === 0 ? renderStep(world, s) : `After that, ${lowerFirst(renderStep(world, s))}`,
  );
  const task = [rng.pick(greetings).replace('{name}', name), ...sentences, rng.pick(closings)].join(' ');
  const ids = [
    ...new Set(steps.flatMap((s) => s.op.args.filter((a) => a.ref).map((a) => String(s.args[a.name])))),
  ];
  return {
    task,
    user: {
      persona: `${name}, a busy member of staff at the ${world.phrase} office who writes short messages.`,
      knownInfo: `My name is ${name}. The record ids I gave are ${ids.join(', ') || 'none'}.`,
      unknownInfo: 'Internal details of the records beyond what is in my request.',
    },
  };
}

/** The checklist of a task: one condition on the final state per step, phrased so it can be parsed back. */
export function conditionsFor(world: World, steps: Step[]): string[] {
  return steps.map(({ op, args }) => {
    const entity = entityOf(world, op.entity);
    const at = `${entity.collection}[${JSON.stringify(args[idArgOf(entity)])}]`;
    switch (op.kind) {
      case 'transition':
        return `${at}.status is ${JSON.stringify(op.transition!.to)}`;
      case 'update':
        return `${at}.${op.field} is ${JSON.stringify(args[op.field!])}`;
      case 'delete':
        return `${at} no longer exists`;
      default: {
        const pairs = op.args.map((a) => `${a.name} ${JSON.stringify(args[a.name])}`);
        return `a new record in ${entity.collection} has ${pairs.join(', ')}`;
      }
    }
  });
}

export type CheckForm = 'correct' | 'trivial' | 'typeError';

/** The check function source for a checklist condition written by `conditionsFor`, or undefined. */
export function checkSource(description: string, form: CheckForm = 'correct'): string | undefined {
  let source: string | undefined;
  let trivial: string | undefined;
  let collection: string | undefined;
  const field = /^([a-z][A-Za-z0-9]*)\[("[^"]*")\]\.([a-z][A-Za-z0-9]*) is (.+)$/.exec(description);
  const gone = /^([a-z][A-Za-z0-9]*)\[("[^"]*")\] no longer exists$/.exec(description);
  const created = /^a new record in ([a-z][A-Za-z0-9]*) has (.+)$/.exec(description);
  if (field) {
    const [, c, id, f, value] = field;
    collection = c;
    source = `(final, initial) => final.${c}[${id}]?.${f} === ${value} && initial.${c}[${id}]?.${f} !== ${value}`;
    trivial = `(final, initial) => final.${c}[${id}]?.id === initial.${c}[${id}]?.id`;
  } else if (gone) {
    const [, c, id] = gone;
    collection = c;
    source = `(final, initial) => !(${id} in final.${c}) && ${id} in initial.${c}`;
    trivial = `(final, initial) => Object.keys(final.${c}).length <= Object.keys(initial.${c}).length`;
  } else if (created) {
    const [, c, tail] = created;
    collection = c;
    const pairs = [...tail!.matchAll(/([a-z][A-Za-z0-9]*) ("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false)/g)];
    const tests = pairs.map(([, name, value]) => ` && r.${name} === ${value}`).join('');
    source = `(final, initial) => Object.values(final.${c}).some((r) => !(r.id in initial.${c})${tests})`;
    trivial = `(final, initial) => Object.keys(final.${c}).length >= Object.keys(initial.${c}).length`;
  }
  if (!source || !collection) return undefined;
  if (form === 'trivial') return trivial;
  if (form === 'typeError') return source.replace(`final.${collection}`, `final.${collection}List`);
  return source;
}

/** The tool calls that carry out a list of steps: a lookup of the record first, then the change. */
export function solutionCalls(
  world: World,
  steps: Step[],
): { name: string; arguments: Record<string, unknown> }[] {
  const calls: { name: string; arguments: Record<string, unknown> }[] = [];
  for (const { op, args } of steps) {
    const entity = entityOf(world, op.entity);
    const lookupEntity = op.kind === 'create' && entity.parent ? entityOf(world, entity.parent) : entity;
    const get = world.operations.find((o) => o.kind === 'get' && o.entity === lookupEntity.name);
    const id = args[idArgOf(lookupEntity)];
    if (get && typeof id === 'string')
      calls.push({ name: get.name, arguments: { [idArgOf(lookupEntity)]: id } });
    calls.push({ name: op.name, arguments: args });
  }
  return calls;
}
