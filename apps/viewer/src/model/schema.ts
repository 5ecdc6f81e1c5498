// Reading tool parameter schemas into table rows.
import type { JsonSchema } from '@envscaler/core';

export interface ParamRow {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short type label for a JSON Schema: `string`, `"a" | "b"`, `number[]`, `object`, `string | null`. */
export function schemaType(schema: unknown): string {
  if (!isObj(schema)) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) return alternatives.map(schemaType).join(' | ');
  }
  if (typeof schema.$ref === 'string') return schema.$ref.replace(/^#\/(definitions|\$defs)\//, '');
  const type = schema.type;
  if (Array.isArray(type)) return type.join(' | ');
  if (type === 'array') return `${schemaType(schema.items)}[]`;
  if (typeof type === 'string') {
    const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
    return type + format;
  }
  if (isObj(schema.properties)) return 'object';
  return 'any';
}

export function parameterRows(parameters: JsonSchema): ParamRow[] {
  const props = isObj(parameters.properties) ? parameters.properties : {};
  const required = new Set(Array.isArray(parameters.required) ? parameters.required.map(String) : []);
  return Object.entries(props).map(([name, schema]) => {
    const row: ParamRow = { name, type: schemaType(schema), required: required.has(name) };
    if (isObj(schema) && typeof schema.description === 'string') row.description = schema.description;
    return row;
  });
}
