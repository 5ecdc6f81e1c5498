import type { JsonSchema } from '@envscaler/core';

/**
 * A TypeScript type for a JSON Schema, for environments that ship no `source` (only `stateSchema`).
 * Covers what State schemas use: objects, records, arrays, enums, consts, unions, primitives, local
 * `$ref`s into `definitions`/`$defs`; anything else becomes `unknown`.
 */
export function schemaToTs(schema: JsonSchema, root: JsonSchema = schema, depth = 0): string {
  if (depth > 30) return 'unknown';
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(s.$ref);
    const target = match
      ? (root as Record<string, Record<string, JsonSchema>>)[match[1]!]?.[match[2]!]
      : undefined;
    return target ? schemaToTs(target, root, depth + 1) : 'unknown';
  }
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ') || 'never';
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key]))
      return (s[key] as JsonSchema[]).map((x) => `(${schemaToTs(x, root, depth + 1)})`).join(' | ');
  }
  if (Array.isArray(s.allOf))
    return (s.allOf as JsonSchema[]).map((x) => `(${schemaToTs(x, root, depth + 1)})`).join(' & ');
  const type = s.type;
  if (Array.isArray(type)) return type.map((t) => schemaToTs({ ...s, type: t }, root, depth + 1)).join(' | ');
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const items =
        s.items && typeof s.items === 'object'
          ? schemaToTs(s.items as JsonSchema, root, depth + 1)
          : 'unknown';
      return `Array<${items}>`;
    }
    case 'object':
    case undefined: {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((s.required ?? []) as string[]);
      const fields = Object.entries(props).map(
        ([k, v]) => `${JSON.stringify(k)}${required.has(k) ? '' : '?'}: ${schemaToTs(v, root, depth + 1)};`,
      );
      const extra = s.additionalProperties;
      if (extra && typeof extra === 'object')
        fields.push(`[key: string]: ${schemaToTs(extra as JsonSchema, root, depth + 1)};`);
      else if (type === undefined && fields.length === 0) return 'unknown';
      else if (extra !== false && fields.length === 0) fields.push('[key: string]: unknown;');
      return `{ ${fields.join(' ')} }`;
    }
    default:
      return 'unknown';
  }
}
