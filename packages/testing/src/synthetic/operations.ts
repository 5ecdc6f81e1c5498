import {
  plural,
  upperFirst,
  words,
  fieldOf,
  idArgOf,
  type WorldArg,
  type WorldEntity,
  type WorldOperation,
} from './world-types.js';

// The operations of one entity (lookups, listing, create, field updates, status changes, removal) with
// the rules each enforces; the world picks 4-8 of them.

const orJoin = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const idArg = (entity: WorldEntity): WorldArg => ({
  name: idArgOf(entity),
  kind: 'string',
  ref: entity.name,
  description: `Id of the ${entity.label}.`,
});

export function operationsFor(entity: WorldEntity, world: { entities: WorldEntity[] }): WorldOperation[] {
  const ops: WorldOperation[] = [];
  const { label, name } = entity;
  ops.push({
    name: `get${name}`,
    kind: 'get',
    entity: name,
    description: `Look up one ${label} by id.`,
    rules: [],
    args: [idArg(entity)],
  });
  ops.push({
    name: `list${plural(name)}`,
    kind: 'list',
    entity: name,
    description: `List ${plural(label)}, optionally only those with one status.`,
    rules: [],
    args: [
      {
        name: 'status',
        kind: 'enum',
        values: [...entity.lifecycle.values],
        optional: true,
        description: 'Only this status.',
      },
    ],
  });
  const parent = world.entities.find((e) => e.name === entity.parent);
  const number = fieldOf(entity, 'number');
  const title = fieldOf(entity, 'title')!;
  const createArgs: WorldArg[] = [];
  const createRules: string[] = [];
  if (parent) {
    createArgs.push({ ...idArg(parent), description: `The ${parent.label} the new ${label} belongs to.` });
    createRules.push(`A new ${label} must belong to an existing ${parent.label}.`);
  }
  createArgs.push({
    name: title.name,
    kind: 'string',
    description: `The ${words(title.name)}; must not be empty.`,
  });
  if (number) {
    createArgs.push({ name: number.name, kind: 'number', description: `The ${words(number.name)}.` });
    createRules.push(
      `The ${words(number.name)} of a ${label} must stay between ${number.min} and ${number.max}.`,
    );
  }
  ops.push({
    name: `create${name}`,
    kind: 'create',
    entity: name,
    description: `Create a ${label}; it starts as ${entity.lifecycle.initial}.`,
    rules: createRules,
    args: createArgs,
  });
  const frozen = entity.lifecycle.terminal;
  const frozenRule =
    frozen.length > 0 ? [`A ${label} that is ${orJoin(frozen)} can no longer be changed.`] : [];
  for (const field of [number, fieldOf(entity, 'text')]) {
    if (!field) continue;
    const rules = [...frozenRule];
    if (field.kind === 'number')
      rules.push(`The ${words(field.name)} of a ${label} must stay between ${field.min} and ${field.max}.`);
    ops.push({
      name: `update${name}${upperFirst(field.name)}`,
      kind: 'update',
      entity: name,
      field: field.name,
      description: `Change the ${words(field.name)} of a ${label}.`,
      rules,
      args: [
        idArg(entity),
        { name: field.name, kind: field.kind, description: `The new ${words(field.name)}.` },
      ],
    });
  }
  for (const transition of entity.lifecycle.transitions) {
    ops.push({
      name: `${transition.method}${name}`,
      kind: 'transition',
      entity: name,
      transition,
      description: `Move a ${label} to ${words(transition.to)}.`,
      rules: [`A ${label} can be ${transition.past} only while it is ${orJoin(transition.from.map(words))}.`],
      args: [idArg(entity)],
    });
  }
  const children = world.entities.filter((e) => e.parent === name).map((e) => e.name);
  if (children.length > 0) {
    const childLabels = children.map((c) => plural(world.entities.find((e) => e.name === c)!.label));
    ops.push({
      name: `remove${name}`,
      kind: 'delete',
      entity: name,
      children,
      description: `Remove a ${label} from the records.`,
      rules: [`A ${label} that still has ${orJoin(childLabels)} cannot be removed.`],
      args: [idArg(entity)],
    });
  }
  return ops;
}
