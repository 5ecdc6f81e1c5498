import { compileSchema, type JsonSchema, type SchemaValidator } from '@envscaler/core';

const validators = new WeakMap<JsonSchema, SchemaValidator>();

/** Problems of a state against the env's State JSON Schema, as `$.path message` lines. */
export function schemaProblems(schema: JsonSchema, state: unknown): string[] {
  let validate = validators.get(schema);
  if (!validate) {
    validate = compileSchema(schema);
    validators.set(schema, validate);
  }
  return validate(state).map((issue) => `${issue.path} ${issue.message}`);
}

function singular(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(ses|xes|ches|shes)$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('s')) return lower.slice(0, -1);
  return lower;
}

/** `order_id`, `orderId`, `orderID` → `order`; anything else → undefined. */
function referencedEntity(field: string): string | undefined {
  const match = /^(.+?)(?:_id|Id|ID)s?$/.exec(field);
  return match ? match[1]!.replace(/_/g, '').toLowerCase() : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Generic referential-integrity heuristics for states shaped as top-level collections
 * (`Record<id, entity>` maps or arrays of entities):
 * - in a map, an entity's own id field (`id`, `<entity>_id`, `<entity>Id`) must equal its key;
 * - a field named `<entity>_id` / `<entity>Id` (or `<entity>_ids`, an array) anywhere inside an entity
 *   must name an existing key of the `<entity>s` collection;
 * - a string array named like a collection (e.g. `user.orders`) must list existing keys of it.
 * Fields that match no collection are ignored, so the check never rejects a state it does not understand.
 */
export function referentialProblems(state: unknown, limit = 20): string[] {
  if (!isRecord(state)) return [];
  // keyed by the singular entity name without underscores (`payment_methods` → `paymentmethod`)
  const collections = new Map<string, { name: string; singular: string; keys: Set<string> }>();
  const entityKey = (name: string) => singular(name).replace(/_/g, '');
  for (const [name, value] of Object.entries(state)) {
    if (isRecord(value) && Object.values(value).every(isRecord) && Object.keys(value).length > 0) {
      collections.set(entityKey(name), { name, singular: singular(name), keys: new Set(Object.keys(value)) });
    } else if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
      const keys = new Set<string>();
      for (const item of value) {
        const id = item.id ?? item[`${singular(name)}_id`] ?? item[`${singular(name)}Id`];
        if (typeof id === 'string' || typeof id === 'number') keys.add(String(id));
      }
      if (keys.size > 0) collections.set(entityKey(name), { name, singular: singular(name), keys });
    }
  }
  const problems: string[] = [];
  const report = (p: string) => {
    if (problems.length < limit) problems.push(p);
  };
  const byName = new Map([...collections.values()].map((c) => [c.name.toLowerCase(), c]));

  const visit = (value: unknown, path: string, ownEntity: string, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, ownEntity, depth + 1));
      return;
    }
    if (!isRecord(value)) return;
    for (const [field, v] of Object.entries(value)) {
      const at = `${path}.${field}`;
      const entity = referencedEntity(field);
      const target = entity !== undefined ? collections.get(entity) : undefined;
      if (target && !(depth === 0 && entity === ownEntity)) {
        const ids = Array.isArray(v) ? v : [v];
        for (const id of ids) {
          if ((typeof id === 'string' || typeof id === 'number') && !target.keys.has(String(id)))
            report(`${at} refers to ${target.name} '${id}', which does not exist`);
        }
        continue;
      }
      const named = byName.get(field.toLowerCase());
      if (named && depth >= 0 && Array.isArray(v) && v.every((x) => typeof x === 'string')) {
        for (const id of v as string[])
          if (!named.keys.has(id)) report(`${at} lists ${named.name} '${id}', which does not exist`);
        continue;
      }
      visit(v, at, ownEntity, depth + 1);
    }
  };

  for (const [entity, collection] of collections) {
    const value = state[collection.name];
    const entries: [string, unknown][] = isRecord(value)
      ? Object.entries(value)
      : (value as unknown[]).map((v, i) => [String(i), v]);
    for (const [key, record] of entries) {
      if (!isRecord(record)) continue;
      const path = isRecord(value)
        ? `$.${collection.name}[${JSON.stringify(key)}]`
        : `$.${collection.name}[${key}]`;
      if (isRecord(value)) {
        const one = collection.singular;
        for (const idField of ['id', `${one}_id`, `${one}Id`]) {
          const id = record[idField];
          if ((typeof id === 'string' || typeof id === 'number') && String(id) !== key)
            report(`${path}.${idField} is '${id}' but the entry is stored under key '${key}'`);
        }
      }
      visit(record, path, entity, 0);
    }
  }
  return problems;
}

/** Schema problems first; integrity is only checked on a schema-valid state. */
export function stateProblems(options: {
  schema: JsonSchema;
  state: unknown;
  integrity?: (state: unknown) => string[];
}): string[] {
  const schema = schemaProblems(options.schema, options.state).slice(0, 30);
  if (schema.length > 0) return schema;
  return [...referentialProblems(options.state), ...(options.integrity?.(options.state) ?? [])];
}
