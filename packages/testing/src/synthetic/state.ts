import { createRandom, type Random } from './random.js';
import type { SyntheticRecord, SyntheticState } from './reference.js';
import { adjectives, categories, firstNames, lastNames, places, things } from './vocabulary.js';
import { entityOf, idArgOf, type World, type WorldEntity, type WorldField } from './world.js';

// Initial states that satisfy the State schema skelbuilder derives (every field present, enums from
// their values, records keyed by their id) and both referential-integrity checks (a `<entity>Id` field
// names an existing record). Statuses are spread over the lifecycle and one parent is left without
// children, so every rule has a record it matters for.

export function personName(rng: Random): string {
  return `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
}

export function titleFor(rng: Random, entity: WorldEntity): string {
  return `${rng.pick(adjectives)} ${entity.label} ${rng.pick(things)}`;
}

function textValue(rng: Random, field: WorldField, index: number): string {
  switch (field.name) {
    case 'contactEmail':
      return `${rng.pick(firstNames).toLowerCase()}.${index}@example.org`;
    case 'location':
      return rng.pick(places);
    case 'category':
    case 'channel':
      return rng.pick(categories);
    default:
      return `${rng.pick(adjectives)} ${rng.pick(things)} noted`;
  }
}

function numberValue(rng: Random, field: WorldField): number {
  // Inside the range but not at its ends, so raising or lowering it by one is always allowed.
  const min = field.min!;
  const max = field.max!;
  return max - min >= 2 ? rng.int(min + 1, max - 1) : min;
}

/**
 * A state with `perCollection` records in every collection (a range: each collection picks its own
 * count), ids numbered from `firstId`. Parents come first, so children can refer to them.
 */
export function generateState(options: {
  world: World;
  seed: number;
  /** What makes this state differ from others of the same world (a scenario focus, "quality"). */
  variation: string;
  perCollection: [number, number];
  firstId?: number;
}): SyntheticState {
  const { world } = options;
  const rng = createRandom(options.seed, 'state', world.className, options.variation);
  const state: SyntheticState = {};
  const ordered = [...world.entities].sort((a, b) => depth(world, a) - depth(world, b));
  for (const entity of ordered) {
    const count = rng.int(options.perCollection[0], options.perCollection[1]);
    const records: Record<string, SyntheticRecord> = {};
    const parent = entity.parent ? entityOf(world, entity.parent) : undefined;
    // All but the last parent get children, so one parent can always be removed.
    const parentIds = parent ? Object.keys(state[parent.collection] ?? {}) : [];
    const parents = parentIds.length > 1 ? parentIds.slice(0, -1) : parentIds;
    const statusOffset = rng.int(0, entity.lifecycle.values.length - 1);
    const start = options.firstId ?? 1;
    for (let i = 0; i < count; i++) {
      const id = `${entity.prefix}-${start + i}`;
      const record: SyntheticRecord = {};
      for (const field of entity.fields) {
        switch (field.role) {
          case 'id':
            record.id = id;
            break;
          case 'ref':
            record[field.name] = parents.length > 0 ? parents[i % parents.length] : '';
            break;
          case 'title':
            record[field.name] = field.name === 'name' ? personName(rng) : titleFor(rng, entity);
            break;
          case 'status':
            record.status = entity.lifecycle.values[(statusOffset + i) % entity.lifecycle.values.length];
            break;
          case 'number':
            record[field.name] = numberValue(rng, field);
            break;
          case 'flag':
            record[field.name] = rng.chance(0.4);
            break;
          case 'text':
            record[field.name] = textValue(rng, field, start + i);
            break;
        }
      }
      records[id] = record;
    }
    state[entity.collection] = records;
  }
  return state;
}

function depth(world: World, entity: WorldEntity): number {
  let d = 0;
  for (let e: WorldEntity | undefined = entity; e?.parent; e = entityOf(world, e.parent)) d++;
  return d;
}

/** Records of an entity that nothing refers to (safe to remove) and those still referred to. */
export function referencedIds(world: World, state: SyntheticState, entity: WorldEntity): Set<string> {
  const out = new Set<string>();
  for (const child of world.entities.filter((e) => e.parent === entity.name)) {
    for (const record of Object.values(state[child.collection] ?? {}))
      out.add(record[idArgOf(entity)] as string);
  }
  return out;
}
