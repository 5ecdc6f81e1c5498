// The structured JSON the model writes during logic modelling, and the checks that keep it within what
// the code generator can turn into TypeScript. Types are a small closed vocabulary (not free TS text) so
// that every argument maps to a JSON Schema the runtime can derive, and so that a bad type is caught
// here, with a message the model can act on, instead of as a compiler error later.

/** Value types of entity fields and tool arguments. `enum` takes its values from `values`. */
export type ValueType = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'boolean[]' | 'enum';
export const valueTypes: readonly ValueType[] = [
  'string',
  'number',
  'boolean',
  'string[]',
  'number[]',
  'boolean[]',
  'enum',
];

export interface FieldSpec {
  name: string;
  type: ValueType;
  /** Allowed values when `type` is `enum`. */
  values?: string[];
  description: string;
  optional?: boolean;
}

export interface EntitySpec {
  /** PascalCase singular, e.g. `Book`. */
  name: string;
  /** camelCase plural key of the record map in State, e.g. `books`. */
  collection: string;
  description: string;
  fields: FieldSpec[];
}

/** Stage 'logic-entities': the world's entities, their fields and the business rules. */
export interface EntityModel {
  /** PascalCase class name of the environment. */
  className: string;
  /** One or two sentences on what the environment simulates. */
  summary: string;
  entities: EntitySpec[];
  rules: string[];
}

export type ArgSpec = FieldSpec;

/** Stage 'logic-operations': one tool. */
export interface OperationSpec {
  name: string;
  kind: 'query' | 'mutation';
  description: string;
  args: ArgSpec[];
  result: { type: string; description: string };
  /** The business rules (verbatim or paraphrased) this operation enforces. */
  rules: string[];
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const camel = /^[a-z][A-Za-z0-9]*$/;
const pascal = /^[A-Z][A-Za-z0-9]*$/;
const reserved = new Set([
  'constructor',
  'state',
  'ok',
  'fail',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'then',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'let',
  'static',
  'yield',
  'await',
]);
const reservedTypeNames = new Set([
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
]);

const typeAliases: Record<string, ValueType> = {
  integer: 'number',
  int: 'number',
  float: 'number',
  double: 'number',
  decimal: 'number',
  money: 'number',
  date: 'string',
  datetime: 'string',
  'date-time': 'string',
  time: 'string',
  timestamp: 'string',
  id: 'string',
  uuid: 'string',
  text: 'string',
  email: 'string',
  bool: 'boolean',
};

/**
 * Maps common spellings models use for the closed type vocabulary onto it, in place: `integer` → `number`,
 * `date` → `string`, `array<string>` / `list[int]` → `string[]` / `number[]`, a `string` with `values` → `enum`.
 * Anything else is left for the check to report.
 */
export function normalizeFieldType(field: FieldSpec): void {
  const raw = String(field.type ?? '')
    .trim()
    .toLowerCase();
  const array = /^(?:array|list)\s*[<[(]\s*([a-z-]+)\s*[>\])]$/.exec(raw) ?? /^([a-z-]+)\s*\[\]$/.exec(raw);
  const base = array ? array[1]! : raw;
  const mapped = (valueTypes as readonly string[]).includes(base) ? (base as ValueType) : typeAliases[base];
  if (mapped === undefined) return;
  if (array) {
    if (mapped === 'string' || mapped === 'number' || mapped === 'boolean') field.type = `${mapped}[]`;
    return;
  }
  field.type =
    mapped === 'string' && Array.isArray(field.values) && field.values.length > 0 ? 'enum' : mapped;
}

function checkField(field: FieldSpec, where: string, problems: string[]): void {
  normalizeFieldType(field);
  if (!camel.test(field.name) || reserved.has(field.name)) {
    problems.push(
      `${where}: name '${field.name}' must be a camelCase identifier that is not a reserved word`,
    );
  }
  if (!valueTypes.includes(field.type)) {
    problems.push(`${where}: type '${field.type}' must be one of ${valueTypes.join(', ')}`);
  }
  if (field.type === 'enum' && (!field.values || field.values.length === 0)) {
    problems.push(`${where}: an enum needs a non-empty 'values' list`);
  }
}

/** Semantic checks of an entity model beyond its JSON Schema; returns problems for the model to fix. */
export function checkEntityModel(model: EntityModel): string[] {
  const problems: string[] = [];
  if (!pascal.test(model.className) || reservedTypeNames.has(model.className)) {
    problems.push(`className '${model.className}' must be a PascalCase identifier (and not a built-in name)`);
  }
  const names = new Set<string>();
  const collections = new Set<string>();
  model.entities.forEach((entity, i) => {
    const where = `entities[${i}]`;
    if (!pascal.test(entity.name) || reservedTypeNames.has(entity.name) || entity.name === model.className) {
      problems.push(
        `${where}: name '${entity.name}' must be a unique PascalCase identifier, not a built-in name or the class name`,
      );
    }
    if (names.has(entity.name)) problems.push(`${where}: entity name '${entity.name}' is used twice`);
    names.add(entity.name);
    if (!camel.test(entity.collection) || reserved.has(entity.collection)) {
      problems.push(`${where}: collection '${entity.collection}' must be a camelCase identifier`);
    }
    if (collections.has(entity.collection))
      problems.push(`${where}: collection '${entity.collection}' is used twice`);
    collections.add(entity.collection);
    const fieldNames = new Set<string>();
    entity.fields.forEach((field, j) => {
      checkField(field, `${where}.fields[${j}]`, problems);
      if (fieldNames.has(field.name))
        problems.push(`${where}.fields[${j}]: field '${field.name}' is declared twice`);
      fieldNames.add(field.name);
    });
    const id = entity.fields.find((f) => f.name === 'id');
    if (!id || id.type !== 'string' || id.optional) {
      problems.push(
        `${where}: entity '${entity.name}' needs a required field 'id' of type string (its key in '${entity.collection}')`,
      );
    }
  });
  return problems;
}

/** The TypeScript type of a field or argument. */
export function tsTypeOfField(field: FieldSpec): string {
  if (field.type === 'enum') return (field.values ?? []).map((v) => JSON.stringify(v)).join(' | ');
  return field.type;
}

/**
 * Result types: a value type (`string`, `number[]`, ...), an entity name or an array of one, `object`
 * (any JSON object) or `null` (nothing to return).
 */
export function tsTypeOfResult(type: string, entityNames: ReadonlySet<string>): string | undefined {
  const base = type.endsWith('[]') ? type.slice(0, -2) : type;
  const array = type.endsWith('[]');
  let ts: string | undefined;
  if (base === 'string' || base === 'number' || base === 'boolean') ts = base;
  else if (base === 'object') ts = 'Record<string, unknown>';
  else if (base === 'null' && !array) return 'null';
  else if (entityNames.has(base)) ts = base;
  if (ts === undefined) return undefined;
  return array ? (ts.includes('<') ? `Array<${ts}>` : `${ts}[]`) : ts;
}

/** Semantic checks of an operation list against the entity model. */
export function checkOperations(operations: OperationSpec[], model: EntityModel): string[] {
  const problems: string[] = [];
  const entityNames = new Set(model.entities.map((e) => e.name));
  const names = new Set<string>();
  if (operations.length === 0) problems.push('operations must not be empty');
  if (!operations.some((o) => o.kind === 'mutation'))
    problems.push('at least one operation must be a mutation (change state)');
  operations.forEach((op, i) => {
    const where = `operations[${i}]`;
    if (!camel.test(op.name) || reserved.has(op.name) || !identifier.test(op.name)) {
      problems.push(
        `${where}: name '${op.name}' must be a camelCase identifier and not one of ${[...reserved].slice(0, 4).join(', ')}, ...`,
      );
    }
    if (names.has(op.name)) problems.push(`${where}: operation name '${op.name}' is used twice`);
    names.add(op.name);
    const argNames = new Set<string>();
    op.args.forEach((arg, j) => {
      checkField(arg, `${where}.args[${j}]`, problems);
      if (argNames.has(arg.name))
        problems.push(`${where}.args[${j}]: argument '${arg.name}' is declared twice`);
      argNames.add(arg.name);
    });
    if (tsTypeOfResult(op.result.type, entityNames) === undefined) {
      problems.push(
        `${where}.result.type '${op.result.type}' must be string, number, boolean, object, null, an entity name (${[...entityNames].join(', ')}) or an array of one of these (suffix [])`,
      );
    }
  });
  return problems;
}
