import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EnvscalerError, type ChatFunctionTool, type ChatMessage, type JsonSchema } from '@envscaler/core';

/** One BFCL v3 multi-turn entry (`BFCL_v3_multi_turn_base.json`). */
export interface BfclEntry {
  id: string;
  /** User turns; each turn is a list of chat messages. */
  question: ChatMessage[][];
  initial_config: Record<string, unknown>;
  involved_classes: string[];
  path?: string[];
}

/** One official function description (`multi_turn_func_doc/*.json`). */
export interface BfclFunctionDoc {
  name: string;
  description: string;
  parameters: { type?: string; properties?: Record<string, Record<string, unknown>>; required?: string[] };
  response?: unknown;
}

/** Expected per-turn digests of the train split (`expected-train.json`). */
export interface BfclExpectedEntry {
  classes: string[];
  initial_state_digest: string;
  turns: { n_calls: number; errors: number[]; state_digest: string }[];
}

/** Everything the BFCL harness reads from the data directory. */
export interface BfclData {
  dataDir: string;
  entries: BfclEntry[];
  /** Ground truth per entry id: turns of Python call expressions. */
  groundTruth: Map<string, string[][]>;
  /** Official function docs per API class name. */
  docsByClass: Map<string, BfclFunctionDoc[]>;
  /** Expected digests of the train entries (empty when the file is absent). */
  expectedTrain: Map<string, BfclExpectedEntry>;
}

/** API class name → function doc file (without `.json`). */
export const BFCL_DOC_FILES: Readonly<Record<string, string>> = {
  GorillaFileSystem: 'gorilla_file_system',
  MathAPI: 'math_api',
  MessageAPI: 'message_api',
  TwitterAPI: 'posting_api',
  TicketAPI: 'ticket_api',
  TradingBot: 'trading_bot',
  TravelAPI: 'travel_booking',
  VehicleControlAPI: 'vehicle_control',
};

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvscalerError('NOT_FOUND', `benchmark data file not found: ${path} (pass --data <dir>)`);
    }
    throw error;
  }
}

export function parseJsonLinesText<T>(text: string, source: string): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `${source}:${i + 1} is not valid JSON (${(error as Error).message})`,
      );
    }
  });
  return out;
}

/** Reads the BFCL multi-turn base data from `dataDir` (see ../shared/conformance/bfcl-multi-turn/README.md). */
export async function readBfclData(options: { dataDir: string }): Promise<BfclData> {
  const dir = options.dataDir;
  const entriesFile = join(dir, 'BFCL_v3_multi_turn_base.json');
  const answersFile = join(dir, 'possible_answer', 'BFCL_v3_multi_turn_base.json');
  const entries = parseJsonLinesText<BfclEntry>(await readText(entriesFile), entriesFile);
  const answers = parseJsonLinesText<{ id: string; ground_truth: string[][] }>(
    await readText(answersFile),
    answersFile,
  );
  const groundTruth = new Map(answers.map((a) => [a.id, a.ground_truth]));
  const docsByClass = new Map<string, BfclFunctionDoc[]>();
  for (const [cls, file] of Object.entries(BFCL_DOC_FILES)) {
    const path = join(dir, 'multi_turn_func_doc', `${file}.json`);
    docsByClass.set(cls, parseJsonLinesText<BfclFunctionDoc>(await readText(path), path));
  }
  const expectedTrain = new Map<string, BfclExpectedEntry>();
  const expectedText = await readFile(join(dir, 'expected-train.json'), 'utf8').catch(() => undefined);
  if (expectedText !== undefined) {
    const parsed = JSON.parse(expectedText) as { items?: Record<string, BfclExpectedEntry> };
    for (const [id, item] of Object.entries(parsed.items ?? {})) expectedTrain.set(id, item);
  }
  return { dataDir: dir, entries, groundTruth, docsByClass, expectedTrain };
}

/** Numeric suffix of an entry id (`multi_turn_base_17` → 17). */
export function bfclEntryNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('_') + 1));
}

/** `train` = even id suffix, `test` = odd (../shared/conformance/bfcl-multi-turn/README.md). */
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

/** The tools shown to the agent for an entry: the docs of its involved classes, in class order. */
export function bfclToolsFor(
  data: Pick<BfclData, 'docsByClass'>,
  classes: readonly string[],
): ChatFunctionTool[] {
  const tools: ChatFunctionTool[] = [];
  const seen = new Set<string>();
  for (const cls of classes) {
    for (const doc of data.docsByClass.get(cls) ?? []) {
      if (seen.has(doc.name)) continue;
      seen.add(doc.name);
      tools.push(bfclDocToTool(doc));
    }
  }
  return tools;
}

/** The host-side helpers of envs/bfcl-multi-turn (the safe call parser and the state digest). */
export interface BfclEnvHelpers {
  parsePythonCall(
    source: string,
    options: { parameterOrder?: ReadonlyMap<string, readonly string[]> },
  ): {
    name: string;
    args: Record<string, unknown>;
  };
  parameterOrderFromDocs(
    docs: Iterable<{ name: string; parameters?: { properties?: Record<string, unknown> } }>,
  ): Map<string, string[]>;
  stateDigest(snapshot: unknown): string;
}

/**
 * Loads `python-call.ts` and `digest.ts` of the BFCL environment directory. They are TypeScript files, so
 * this needs a TypeScript-aware loader (the `envscaler` CLI in a source checkout runs under tsx; vitest).
 */
export async function loadBfclEnvHelpers(options: { envDir: string }): Promise<BfclEnvHelpers> {
  try {
    const parser = (await import(pathToFileURL(join(options.envDir, 'python-call.ts')).href)) as Pick<
      BfclEnvHelpers,
      'parsePythonCall' | 'parameterOrderFromDocs'
    >;
    const digest = (await import(pathToFileURL(join(options.envDir, 'digest.ts')).href)) as Pick<
      BfclEnvHelpers,
      'stateDigest'
    >;
    return {
      parsePythonCall: parser.parsePythonCall,
      parameterOrderFromDocs: parser.parameterOrderFromDocs,
      stateDigest: digest.stateDigest,
    };
  } catch (error) {
    throw new EnvscalerError(
      'NOT_FOUND',
      `cannot load the BFCL environment helpers from ${options.envDir} (python-call.ts, digest.ts): ${(error as Error).message}`,
    );
  }
}
