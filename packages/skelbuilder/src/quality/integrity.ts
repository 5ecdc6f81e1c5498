import type { EntityModel } from '../logic/spec.js';

/**
 * Referential integrity of a state, by naming convention:
 *
 * 1. Every record is stored under its own id: `state[collection][key].id === key`.
 * 2. A field whose name ends in `Id` (string) or `Ids` (string[]) refers to an entity when the words
 *    before the suffix end with that entity's name, compared case-insensitively and longest match first:
 *    `memberId` → Member, `borrowerMemberId` → Member, `flightIds` → Flight, `roomTypeId` → RoomType.
 *    Each referenced id must be a key of that entity's collection. Missing optional fields, `null` and
 *    empty strings are not checked. Fields that match no entity (e.g. `externalRef`, `isbnId` with no Isbn
 *    entity) are free text.
 *
 * Returns every violation as `path: message`, for the model to fix.
 */
export function checkReferentialIntegrity(options: { state: unknown; model: EntityModel }): string[] {
  const { state, model } = options;
  const problems: string[] = [];
  if (typeof state !== 'object' || state === null) return ['the state must be an object'];
  const root = state as Record<string, unknown>;
  const byName = new Map(model.entities.map((e) => [e.name.toLowerCase(), e]));
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  for (const entity of model.entities) {
    const records = root[entity.collection];
    if (typeof records !== 'object' || records === null) continue; // the schema check reports this
    for (const [key, record] of Object.entries(records as Record<string, unknown>)) {
      if (typeof record !== 'object' || record === null) continue;
      const fields = record as Record<string, unknown>;
      const where = `$.${entity.collection}[${JSON.stringify(key)}]`;
      if (fields.id !== key)
        problems.push(`${where}.id: must equal its key '${key}' (found ${JSON.stringify(fields.id)})`);
      for (const field of entity.fields) {
        const target = referencedEntity(field.name, names);
        if (!target || field.name === 'id') continue;
        const targetEntity = byName.get(target)!;
        const collection = root[targetEntity.collection];
        const keys =
          typeof collection === 'object' && collection !== null
            ? (collection as Record<string, unknown>)
            : {};
        const value = fields[field.name];
        const ids = Array.isArray(value) ? value : [value];
        for (const id of ids) {
          if (id === undefined || id === null || id === '') continue;
          if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(keys, id)) {
            problems.push(
              `${where}.${field.name}: ${JSON.stringify(id)} is not an id in ${targetEntity.collection} (${targetEntity.name})`,
            );
          }
        }
      }
    }
  }
  return problems;
}

/** The lower-cased entity name a field like `ownerMemberId` refers to, or undefined. */
export function referencedEntity(
  fieldName: string,
  entityNamesLongestFirst: readonly string[],
): string | undefined {
  const match = /^(.*?)(Id|Ids|ID|IDs)$/.exec(fieldName);
  if (!match || match[1] === '') return undefined;
  const stem = match[1]!.toLowerCase();
  return entityNamesLongestFirst.find((name) => stem.endsWith(name));
}
