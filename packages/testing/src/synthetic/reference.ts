import { entityOf, fieldOf, idArgOf, type World, type WorldArg, type WorldOperation } from './world.js';

// The meaning of every synthetic operation, in plain JavaScript: what the generated TypeScript method is
// supposed to do. The tester and the task planner run it to choose calls that are valid (or that break
// a rule on purpose) at the moment they are made, and the quality checker compares each real tool result
// with it, so an environment whose code does not enforce its rules fails quality evaluation.

export type SyntheticRecord = Record<string, unknown>;
export type SyntheticState = Record<string, Record<string, SyntheticRecord>>;

export type Outcome = { ok: true; data: unknown } | { ok: false; code: string; message: string };

const fail = (code: string, message: string): Outcome => ({ ok: false, code, message });

function argProblem(arg: WorldArg, value: unknown): string | undefined {
  if (value === undefined) return arg.optional ? undefined : `${arg.name} is required`;
  if (arg.kind === 'enum')
    return arg.values!.includes(value as string)
      ? undefined
      : `${arg.name} must be one of ${arg.values!.join(', ')}`;
  return typeof value === arg.kind ? undefined : `${arg.name} must be a ${arg.kind}`;
}

export function operationOf(world: World, name: string): WorldOperation | undefined {
  return world.operations.find((op) => op.name === name);
}

/** The id a create call gives its record: the prefix and the count plus one, skipping ids already taken. */
export function nextId(prefix: string, collection: Record<string, unknown>): string {
  let n = Object.keys(collection).length + 1;
  while (collection[`${prefix}-${n}`]) n++;
  return `${prefix}-${n}`;
}

/**
 * Runs one operation of `world` on `state` (changed in place when the call succeeds), with the checks the
 * runtime makes first (argument schema) and the rules the method enforces, in the order it checks them.
 */
export function referenceCall(options: {
  world: World;
  operation: string;
  state: SyntheticState;
  args: Record<string, unknown>;
}): Outcome {
  const { world, state, args } = options;
  const op = operationOf(world, options.operation);
  if (!op) return fail('UNKNOWN_TOOL', `no tool ${options.operation}`);
  for (const key of Object.keys(args)) {
    if (!op.args.some((a) => a.name === key)) return fail('INVALID_ARGUMENTS', `unknown argument ${key}`);
  }
  for (const arg of op.args) {
    const problem = argProblem(arg, args[arg.name]);
    if (problem) return fail('INVALID_ARGUMENTS', problem);
  }
  const entity = entityOf(world, op.entity);
  const records = (state[entity.collection] ??= {});
  const target = records[args[idArgOf(entity)] as string];
  const missing = () => fail('NOT_FOUND', `No ${entity.label} with id ${String(args[idArgOf(entity)])}`);
  const number = fieldOf(entity, 'number');
  const outOfRange = (value: number) => number !== undefined && (value < number.min! || value > number.max!);
  switch (op.kind) {
    case 'get':
      return target ? { ok: true, data: target } : missing();
    case 'list': {
      const all = Object.values(records);
      return {
        ok: true,
        data: args.status === undefined ? all : all.filter((r) => r.status === args.status),
      };
    }
    case 'create': {
      const parent = entity.parent ? entityOf(world, entity.parent) : undefined;
      if (parent && !state[parent.collection]?.[args[idArgOf(parent)] as string]) {
        return fail('NOT_FOUND', `No ${parent.label} with id ${String(args[idArgOf(parent)])}`);
      }
      const title = fieldOf(entity, 'title')!;
      if ((args[title.name] as string).trim() === '')
        return fail('INVALID_ARGUMENT', `${title.name} must not be empty`);
      if (number && outOfRange(args[number.name] as number))
        return fail('LIMIT_EXCEEDED', `${number.name} out of range`);
      const id = nextId(entity.prefix, records);
      const record: SyntheticRecord = {};
      for (const field of entity.fields) {
        if (field.role === 'id') record.id = id;
        else if (field.role === 'status') record.status = entity.lifecycle.initial;
        else if (field.role === 'flag') record[field.name] = false;
        else if (field.name in args) record[field.name] = args[field.name];
        else record[field.name] = field.kind === 'number' ? field.min : '';
      }
      records[id] = record;
      return { ok: true, data: record };
    }
    case 'update': {
      if (!target) return missing();
      if (entity.lifecycle.terminal.includes(target.status as string))
        return fail('INVALID_STATUS', 'can no longer be changed');
      const value = args[op.field!];
      if (typeof value === 'number' && outOfRange(value))
        return fail('LIMIT_EXCEEDED', `${op.field} out of range`);
      if (typeof value === 'string' && value.trim() === '')
        return fail('INVALID_ARGUMENT', `${op.field} must not be empty`);
      target[op.field!] = value;
      return { ok: true, data: target };
    }
    case 'transition': {
      if (!target) return missing();
      if (!op.transition!.from.includes(target.status as string))
        return fail('INVALID_STATUS', `is ${String(target.status)}`);
      target.status = op.transition!.to;
      return { ok: true, data: target };
    }
    case 'delete': {
      if (!target) return missing();
      const id = target.id as string;
      for (const childName of op.children ?? []) {
        const child = entityOf(world, childName);
        const link = idArgOf(entity);
        if (Object.values(state[child.collection] ?? {}).some((r) => r[link] === id))
          return fail('IN_USE', `still has ${child.collection}`);
      }
      delete records[id];
      return { ok: true, data: target };
    }
  }
}
