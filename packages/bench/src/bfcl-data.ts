import { EnvscalerError, type ChatFunctionTool, type ChatMessage, type JsonSchema } from '@envscaler/core';
import {
  BFCL_CATEGORIES,
  parameterOrderFromDocs,
  parsePythonCall,
  stateDigest,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
  type BfclFunctionDoc,
} from '@envscaler/env-bfcl-multi-turn';

export {
  BFCL_CATEGORIES,
  BFCL_DOC_FILES,
  isBfclCategory,
  readBfclData,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
  type BfclExpectedEntry,
  type BfclFunctionDoc,
} from '@envscaler/env-bfcl-multi-turn';

/**
 * The category of an entry, from its id (`multi_turn_long_context_3` → `long_context`), the way BFCL derives
 * it (`test_entry_id.rsplit("_", 1)[0]`). Throws for an id of no known category.
 */
export function bfclCategoryOf(id: string): BfclCategory {
  const prefix = id.slice(0, id.lastIndexOf('_'));
  const category = BFCL_CATEGORIES.find((c) => prefix === `multi_turn_${c}`);
  if (!category) throw new EnvscalerError('INVALID_INPUT', `'${id}' is not a BFCL multi-turn entry id`);
  return category;
}

/**
 * The user message BFCL sends (function-calling mode) at the turn of a miss_func entry where the withheld
 * functions are added back; that turn has no question of its own (`DEFAULT_USER_PROMPT_FOR_ADDITIONAL_FUNCTION_FC`
 * in BFCL's `bfcl_eval/constants/default_prompts.py`).
 */
export const BFCL_ADDITIONAL_FUNCTIONS_PROMPT =
  'I have updated some more functions you can choose from. What about now?';

/** miss_func: turn index → the functions withheld until that turn (empty for the other categories). */
export function bfclWithheldFunctions(entry: Pick<BfclEntry, 'missed_function'>): Map<number, string[]> {
  return new Map(
    Object.entries(entry.missed_function ?? {}).map(([turn, names]) => [Number(turn), [...names]] as const),
  );
}

/**
 * The user messages of turn `turn` as BFCL sends them: the turn's question, or, at a turn where withheld
 * functions come back (miss_func), BFCL's fixed message saying that more functions are available.
 */
export function bfclTurnMessages(
  entry: Pick<BfclEntry, 'question' | 'missed_function'>,
  turn: number,
): ChatMessage[] {
  if (bfclWithheldFunctions(entry).has(turn)) {
    const question = entry.question[turn] ?? [];
    if (question.length > 0)
      throw new EnvscalerError('INVALID_INPUT', `turn ${turn} adds withheld functions but has a question`);
    return [{ role: 'user', content: BFCL_ADDITIONAL_FUNCTIONS_PROMPT }];
  }
  return [...(entry.question[turn] ?? [])];
}

/** Numeric suffix of an entry id (`multi_turn_base_17` → 17). */
export function bfclEntryNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('_') + 1));
}

/** `train` = even id suffix, `test` = odd (the data README of @envscaler/env-bfcl-multi-turn). */
export function bfclSplitOf(id: string): 'train' | 'test' {
  return bfclEntryNumber(id) % 2 === 0 ? 'train' : 'test';
}

/**
 * Selects entries: `train`, `test`, `all`, or a comma-separated list of ids (`multi_turn_base_4`) or
 * numbers (`4,6,8`), also ranges (`0-9`).
 */
export function selectBfclEntries(entries: readonly BfclEntry[], selection = 'all'): BfclEntry[] {
  const sel = selection.trim();
  if (sel === 'all') return [...entries];
  if (sel === 'train' || sel === 'test') return entries.filter((e) => bfclSplitOf(e.id) === sel);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byNumber = new Map(entries.map((e) => [bfclEntryNumber(e.id), e]));
  const picked: BfclEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: BfclEntry | undefined, token: string) => {
    if (!entry)
      throw new EnvscalerError(
        'INVALID_INPUT',
        `unknown BFCL entry '${token}' (use train, test, all, ids or numbers)`,
      );
    if (!seen.has(entry.id)) picked.push(entry);
    seen.add(entry.id);
  };
  for (const token of sel
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(token);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) add(byNumber.get(n), String(n));
    } else if (/^\d+$/.test(token)) add(byNumber.get(Number(token)), token);
    else add(byId.get(token), token);
  }
  if (picked.length === 0)
    throw new EnvscalerError('INVALID_INPUT', `no BFCL entries selected by '${selection}'`);
  return picked;
}

/** BFCL's type names → JSON Schema types (BFCL's `GORILLA_TO_OPENAPI` mapping; unknown names become string). */
const TYPE_MAP: Readonly<Record<string, string>> = {
  integer: 'integer',
  number: 'number',
  float: 'number',
  string: 'string',
  boolean: 'boolean',
  bool: 'boolean',
  array: 'array',
  list: 'array',
  dict: 'object',
  object: 'object',
  tuple: 'array',
  any: 'string',
};

function castSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...schema };
  const raw = typeof schema.type === 'string' ? schema.type : undefined;
  if (raw === 'float') {
    out.format = 'float';
    out.description = `${typeof schema.description === 'string' ? schema.description : ''} This is a float type value.`;
  }
  out.type = raw !== undefined ? (TYPE_MAP[raw] ?? 'string') : 'string';
  if (schema.properties && typeof schema.properties === 'object') {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Record<string, unknown>>).map(([k, v]) => [
        k,
        castSchema(v),
      ]),
    );
  }
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    out.items = castSchema(schema.items as Record<string, unknown>);
  }
  return out;
}

/**
 * An official BFCL function doc as an OpenAI function tool, the way BFCL prepares it for OpenAI-style
 * function calling: the Python-syntax hint appended to the description, `dict`/`float`/`tuple`/`any`
 * mapped to JSON Schema types (floats get `format: "float"` and a note), the `response` schema dropped.
 */
export function bfclDocToTool(doc: BfclFunctionDoc): ChatFunctionTool {
  const params = doc.parameters ?? {};
  const properties = Object.fromEntries(
    Object.entries(params.properties ?? {}).map(([k, v]) => [k, castSchema(v)]),
  );
  const parameters: Record<string, unknown> = { ...params, type: 'object', properties };
  return {
    type: 'function',
    function: {
      name: doc.name,
      description: `${doc.description} Note that the provided function is in Python 3 syntax.`,
      parameters: parameters as JsonSchema,
    },
  };
}

/** The tools of an entry's classes: the docs of its involved classes, in class order. */
export function bfclToolsFor(
  data: Pick<BfclData, 'docsByClass'>,
  classes: readonly string[],
): ChatFunctionTool[] {
  return bfclDocsFor(data, classes).map(bfclDocToTool);
}

function bfclDocsFor(data: Pick<BfclData, 'docsByClass'>, classes: readonly string[]): BfclFunctionDoc[] {
  const docs: BfclFunctionDoc[] = [];
  const seen = new Set<string>();
  for (const cls of classes) {
    for (const doc of data.docsByClass.get(cls) ?? []) {
      if (seen.has(doc.name)) continue;
      seen.add(doc.name);
      docs.push(doc);
    }
  }
  return docs;
}

/**
 * The tools shown to the agent in turn `turn` of an entry, as BFCL builds the function list: the docs of the
 * involved classes in class order, minus the functions a miss_func entry withholds; at the turn that adds
 * them back they are appended at the end, and stay from then on.
 */
export function bfclToolsAt(
  data: Pick<BfclData, 'docsByClass'>,
  entry: Pick<BfclEntry, 'involved_classes' | 'missed_function'>,
  turn: number,
): ChatFunctionTool[] {
  const docs = bfclDocsFor(data, entry.involved_classes);
  const withheld = [...bfclWithheldFunctions(entry)].sort(([a], [b]) => a - b);
  if (withheld.length === 0) return docs.map(bfclDocToTool);
  const byName = new Map(docs.map((doc) => [doc.name, doc]));
  const removed = new Set(withheld.flatMap(([, names]) => names.filter((name) => byName.has(name))));
  const shown = docs.filter((doc) => !removed.has(doc.name));
  for (const [at, names] of withheld) {
    if (at > turn) break;
    for (const name of names) {
      const doc = byName.get(name);
      if (doc && removed.has(name) && !shown.includes(doc)) shown.push(doc);
    }
  }
  return shown.map(bfclDocToTool);
}

/** The host-side helpers of the BFCL environment (the safe call parser and the state digest). */
export interface BfclEnvHelpers {
  parsePythonCall: typeof parsePythonCall;
  parameterOrderFromDocs: typeof parameterOrderFromDocs;
  stateDigest: typeof stateDigest;
}

/** The helpers of @envscaler/env-bfcl-multi-turn. */
export const bfclEnvHelpers: BfclEnvHelpers = { parsePythonCall, parameterOrderFromDocs, stateDigest };
