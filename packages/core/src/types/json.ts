/** A JSON Schema (draft-07) as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
