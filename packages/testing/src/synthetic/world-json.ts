import { entityOf, plural, type World } from './world-types.js';

// A world as the logic stages answer it: the entity model and the operation list JSON.

/** The entity model as the 'logic-entities' stage answers it. */
export function entityModelJson(world: World): unknown {
  return {
    className: world.className,
    summary: world.summary,
    entities: world.entities.map((e) => ({
      name: e.name,
      collection: e.collection,
      description: e.description,
      fields: e.fields.map((f) => ({
        name: f.name,
        type: f.kind,
        ...(f.values ? { values: f.values } : {}),
        description: f.description,
      })),
    })),
    rules: world.rules,
  };
}

/** The operation list as the 'logic-operations' stage answers it. */
export function operationsJson(world: World): unknown {
  return {
    operations: world.operations.map((op) => ({
      name: op.name,
      kind: op.kind === 'get' || op.kind === 'list' ? 'query' : 'mutation',
      description: op.description,
      args: op.args.map((a) => ({
        name: a.name,
        type: a.kind,
        ...(a.values ? { values: a.values } : {}),
        description: a.description,
        ...(a.optional ? { optional: true } : {}),
      })),
      result: {
        type: op.kind === 'list' ? `${op.entity}[]` : op.entity,
        description:
          op.kind === 'list'
            ? `the matching ${plural(entityOf(world, op.entity).label)}`
            : `the ${entityOf(world, op.entity).label}`,
      },
      rules: op.rules,
    })),
  };
}
