import { operationsFor } from './operations.js';
import { createRandom, shortHash } from './random.js';
import {
  lowerFirst,
  plural,
  upperFirst,
  words,
  type World,
  type WorldEntity,
  type WorldField,
} from './world-types.js';
import {
  flagFields,
  numberFields,
  partyLifecycles,
  partyNouns,
  recordLifecycles,
  recordNouns,
  stopWords,
  textFields,
  titleFields,
  topicTails,
  type Lifecycle,
} from './vocabulary.js';

// A synthetic world: entities, fields, operations and rules, generated from (seed, class name). The class
// name is the one key every later prompt carries (logic prompts name the class, the environment summary
// that scengen and the agent see starts with it), so each stage regenerates the same world from its prompt
// instead of remembering earlier answers: a resumed run in a new process gets identical answers.

export {
  entityOf,
  fieldOf,
  idArgOf,
  lowerFirst,
  plural,
  upperFirst,
  words,
  type FieldKind,
  type OperationKind,
  type World,
  type WorldArg,
  type WorldEntity,
  type WorldField,
  type WorldOperation,
} from './world-types.js';

const reservedNames = new Set([
  'State',
  'Environment',
  'ToolResult',
  'Record',
  'Array',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Date',
  'Map',
  'Set',
  'Promise',
  'Error',
  'Function',
  'Symbol',
  'Math',
  'JSON',
]);

const andJoin = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(xes|ches|shes|sses)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The content words of a text: letters only, no stop words, no topic tails. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter(
    (w) => w.length >= 4 && !stopWords.has(w) && !topicTails.includes(w),
  );
}

/** The class name for a topic: its words in PascalCase (at most five), a stable hash when it has none. */
export function classNameForTopic(topic: string): string {
  const parts = (topic.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])
    .slice(0, 5)
    .map((w) => upperFirst(w.toLowerCase()));
  let name = parts.join('');
  if (name === '') name = `Synthetic${upperFirst(shortHash(topic).replace(/[0-9]/g, 'x'))}`;
  return reservedNames.has(name) ? `${name}System` : name;
}

const worlds = new Map<string, World>();

/** The world of one class name under one seed (memoised: a world is a pure function of both). */
export function worldFor(options: { seed: number; className: string }): World {
  const key = `${options.seed}\u0000${options.className}`;
  let world = worlds.get(key);
  if (!world) {
    world = generateWorld(options.seed, options.className);
    if (worlds.size > 2000) worlds.clear();
    worlds.set(key, world);
  }
  return world;
}

function makeEntity(options: {
  name: string;
  lifecycle: Lifecycle;
  parent?: WorldEntity;
  used: Set<string>;
  rng: ReturnType<typeof createRandom>;
  phrase: string;
  rich: boolean;
}): WorldEntity {
  const { name, rng } = options;
  const label = words(name);
  let prefix = name
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 3);
  while (options.used.has(prefix)) prefix += String.fromCharCode(97 + rng.int(0, 25));
  options.used.add(prefix);
  const fields: WorldField[] = [
    { name: 'id', kind: 'string', role: 'id', description: `Unique id of the ${label}, e.g. "${prefix}-1".` },
  ];
  if (options.parent) {
    const parentLabel = options.parent.label;
    fields.push({
      name: `${lowerFirst(options.parent.name)}Id`,
      kind: 'string',
      role: 'ref',
      ref: options.parent.name,
      description: `The ${parentLabel} this ${label} belongs to.`,
    });
  }
  const title = options.parent ? rng.pick(titleFields) : 'name';
  fields.push({
    name: title,
    kind: 'string',
    role: 'title',
    description: `The ${words(title)} of the ${label}.`,
  });
  fields.push({
    name: 'status',
    kind: 'enum',
    role: 'status',
    values: [...options.lifecycle.values],
    description: `Where the ${label} is in its lifecycle.`,
  });
  if (options.rich || rng.chance(0.5)) {
    const number = rng.pick(numberFields);
    fields.push({
      name: number.name,
      kind: 'number',
      role: 'number',
      min: number.min,
      max: number.max,
      description: `The ${words(number.name)} of the ${label} (${number.min} to ${number.max}).`,
    });
  }
  if (rng.chance(0.6)) {
    const flag = rng.pick(flagFields);
    fields.push({
      name: flag,
      kind: 'boolean',
      role: 'flag',
      description: `Whether the ${label} is ${words(flag)}.`,
    });
  }
  if (!options.parent || rng.chance(0.5)) {
    const text = rng.pick(textFields.filter((f) => f !== title));
    fields.push({
      name: text,
      kind: 'string',
      role: 'text',
      description: `The ${words(text)} of the ${label}.`,
    });
  }
  const description = options.parent
    ? `A ${label} of the ${options.phrase} system; it belongs to one ${options.parent.label}.`
    : `A ${label} served by the ${options.phrase} system.`;
  return {
    name,
    collection: lowerFirst(plural(name)),
    label,
    prefix,
    description,
    fields,
    lifecycle: options.lifecycle,
    ...(options.parent ? { parent: options.parent.name } : {}),
  };
}

function generateWorld(seed: number, className: string): World {
  const rng = createRandom(seed, 'world', className);
  const phraseWords = words(className).split(' ');
  const phrase = phraseWords.join(' ');
  const taken = new Set<string>([className]);
  const pickName = (pool: readonly string[]): string => {
    const name = rng.pick(pool.filter((n) => !taken.has(n)));
    taken.add(name);
    return name;
  };
  const used = new Set<string>();
  const root = makeEntity({
    name: pickName(partyNouns),
    lifecycle: rng.pick(partyLifecycles),
    used,
    rng,
    phrase,
    rich: false,
  });
  const fromTopic = contentWords(phrase)
    .map((w) => upperFirst(singular(w)))
    .filter((w) => !taken.has(w) && !reservedNames.has(w));
  const mainName = fromTopic.length > 0 ? fromTopic[fromTopic.length - 1]! : pickName(recordNouns);
  taken.add(mainName);
  const main = makeEntity({
    name: mainName,
    lifecycle: rng.pick(recordLifecycles),
    parent: root,
    used,
    rng,
    phrase,
    rich: true,
  });
  const entities = [root, main];
  const extra = rng.int(0, 2);
  for (let i = 0; i < extra; i++) {
    const parent = rng.chance(0.5) ? main : root;
    entities.push(
      makeEntity({
        name: pickName(recordNouns),
        lifecycle: rng.pick(recordLifecycles),
        parent,
        used,
        rng,
        phrase,
        rich: false,
      }),
    );
  }
  const all = entities.flatMap((e) => operationsFor(e, { entities }));
  const required = [
    `get${main.name}`,
    `create${main.name}`,
    `${main.lifecycle.transitions[0]!.method}${main.name}`,
  ];
  if (rng.chance(0.6)) required.push(`list${plural(main.name)}`);
  const size = rng.int(Math.max(5, required.length), 8);
  const chosen = new Set(required);
  for (const op of rng.shuffle(all.filter((o) => !chosen.has(o.name) && o.kind !== 'list'))) {
    if (chosen.size >= size) break;
    chosen.add(op.name);
  }
  const operations = all.filter((op) => chosen.has(op.name));
  const rules = [
    ...entities
      .filter((e) => e.parent)
      .map((e) => `Every ${e.label} belongs to an existing ${words(e.parent!)}.`),
    ...operations.flatMap((op) => op.rules),
  ].filter((r, i, a) => a.indexOf(r) === i);
  const summary =
    `The ${className} system simulates ${phrase}: it keeps ${andJoin(entities.map((e) => plural(e.label)))}, ` +
    `and staff move them through their statuses.`;
  return { className, phrase, summary, entities, operations, rules };
}

/** Finds the class name in a world's summary ("The X system simulates …"), as scengen and agents see it. */
export const summaryClassPattern = /\bThe ([A-Z][A-Za-z0-9]*) system simulates\b/;
