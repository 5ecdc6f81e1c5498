import type { Lifecycle, TransitionWord } from './vocabulary.js';

// The shapes of a synthetic world and the naming helpers every generator shares.

export type FieldKind = 'string' | 'number' | 'boolean' | 'enum';

export interface WorldField {
  name: string;
  kind: FieldKind;
  values?: string[];
  description: string;
  role: 'id' | 'title' | 'text' | 'number' | 'flag' | 'status' | 'ref';
  min?: number;
  max?: number;
  /** For `ref` fields: the entity referred to. */
  ref?: string;
}

export interface WorldEntity {
  name: string;
  collection: string;
  /** Lower-case words, e.g. `room type`. */
  label: string;
  /** Id prefix, e.g. `roo` for ids `roo-1`. */
  prefix: string;
  description: string;
  fields: WorldField[];
  lifecycle: Lifecycle;
  parent?: string;
}

export type OperationKind = 'get' | 'list' | 'create' | 'update' | 'transition' | 'delete';

export interface WorldArg {
  name: string;
  kind: FieldKind;
  values?: string[];
  description: string;
  optional?: boolean;
  /** The entity an id argument refers to. */
  ref?: string;
}

export interface WorldOperation {
  name: string;
  kind: OperationKind;
  entity: string;
  description: string;
  rules: string[];
  args: WorldArg[];
  /** `update`: the field it sets. */
  field?: string;
  transition?: TransitionWord;
  /** `delete`: the entities whose records block removal while they refer to it. */
  children?: string[];
}

export interface World {
  className: string;
  /** The topic phrase, rebuilt from the class name. */
  phrase: string;
  summary: string;
  entities: WorldEntity[];
  operations: WorldOperation[];
  rules: string[];
}

export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
/** `durationMinutes` / `RoomType` → `duration minutes` / `room type`. */
export const words = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

export const fieldOf = (entity: WorldEntity, role: WorldField['role']): WorldField | undefined =>
  entity.fields.find((f) => f.role === role);
export const idArgOf = (entity: WorldEntity): string => `${lowerFirst(entity.name)}Id`;

export const entityOf = (world: World, name: string): WorldEntity => {
  const entity = world.entities.find((e) => e.name === name);
  if (!entity) throw new Error(`synthetic model: world ${world.className} has no entity ${name}`);
  return entity;
};
