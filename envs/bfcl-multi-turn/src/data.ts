import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvscalerError, type ChatMessage } from '@envscaler/core';

/**
 * Where this package keeps its files. Resolved from this module (`src/` in the workspace, `dist/` when
 * installed), so they work wherever the package is installed.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The environment directory (`env.ts` + `meta.json`), for `loadEnvironment({ dir })`. */
export const bfclEnvironmentDir: string = packageRoot;
/** The BFCL v3 multi-turn data shipped with this package (see `data/README.md`, `data/PROVENANCE.md`). */
export const bfclDataDir: string = join(packageRoot, 'data');
/**
 * The four BFCL v3 multi-turn categories that make up BFCL's multi-turn score (`data/README.md`): `base`, and
 * its variants with withheld functions (`miss_func`), missing parameters (`miss_param`) and long-context
 * states and results (`long_context`).
 */
export type BfclCategory = 'base' | 'miss_func' | 'miss_param' | 'long_context';
/** The categories, in BFCL's order. */
export const BFCL_CATEGORIES: readonly BfclCategory[] = ['base', 'miss_func', 'miss_param', 'long_context'];

/** Whether `value` names a category. */
export function isBfclCategory(value: unknown): value is BfclCategory {
  return typeof value === 'string' && (BFCL_CATEGORIES as readonly string[]).includes(value);
}

/** Expected per-turn state digests of the train split, per category (conformance fixtures). */
export const bfclExpectedTrainFiles = {
  base: join(packageRoot, 'fixtures', 'expected-train.json'),
  miss_func: join(packageRoot, 'fixtures', 'expected-train-miss-func.json'),
  miss_param: join(packageRoot, 'fixtures', 'expected-train-miss-param.json'),
  long_context: join(packageRoot, 'fixtures', 'expected-train-long-context.json'),
} as const;

/** One BFCL v3 multi-turn entry (`BFCL_v3_multi_turn_<category>.json`). */
export interface BfclEntry {
  id: string;
  /** User turns; each turn is a list of chat messages (empty for the turn where withheld functions return). */
  question: ChatMessage[][];
  initial_config: Record<string, unknown>;
  involved_classes: string[];
  path?: string[];
  /**
   * miss_func only: turn index (as a string) → names of the functions withheld until that turn. The
   * turn's question is empty; BFCL then adds the functions back with a fixed user message.
   */
  missed_function?: Record<string, string[]>;
}

/** One official function description (`multi_turn_func_doc/*.json`). */
export interface BfclFunctionDoc {
  name: string;
  description: string;
  parameters: { type?: string; properties?: Record<string, Record<string, unknown>>; required?: string[] };
  response?: unknown;
}

/** Expected per-turn digests of one train entry (`expected-train.json`). */
export interface BfclExpectedEntry {
  classes: string[];
  initial_state_digest: string;
  turns: { n_calls: number; errors: number[]; state_digest: string }[];
}

/** Everything the BFCL harness reads from the data directory, for one category. */
export interface BfclData {
  dataDir: string;
  category: BfclCategory;
  entries: BfclEntry[];
  /** Ground truth per entry id: turns of Python call expressions. */
  groundTruth: Map<string, string[][]>;
  /** Official function docs per API class name. */
  docsByClass: Map<string, BfclFunctionDoc[]>;
  /** Expected digests of the train entries (empty when no expected file was found). */
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
      throw new EnvscalerError('NOT_FOUND', `BFCL data file not found: ${path}`);
    }
    throw error;
  }
}

/** Parses JSON Lines; a bad line is an error naming the file and line. */
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

/** The expected train digests in `file`, by entry id (empty when the file does not exist). */
export async function readBfclExpectedTrain(
  options: { file?: string } = {},
): Promise<Map<string, BfclExpectedEntry>> {
  const file = options.file ?? bfclExpectedTrainFiles.base;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return new Map();
  let parsed: { items?: Record<string, BfclExpectedEntry> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new EnvscalerError('INVALID_INPUT', `${file} is not valid JSON (${(error as Error).message})`);
  }
  return new Map(Object.entries(parsed.items ?? {}));
}

/** File name of a category's expected train digests (`expected-train.json` for base, `expected-train-miss-func.json`, ...). */
export function bfclExpectedTrainFileName(category: BfclCategory): string {
  return category === 'base' ? 'expected-train.json' : `expected-train-${category.replace('_', '-')}.json`;
}

/**
 * Reads the BFCL multi-turn data of one category (default `base`): entries, ground truth and function docs
 * from `dataDir` (default: the copy shipped with this package), expected train digests from `expectedFile`
 * (default: this package's fixture for the shipped data, else `<dataDir>/expected-train[-<category>].json`
 * if present).
 */
export async function readBfclData(
  options: { dataDir?: string; expectedFile?: string; category?: BfclCategory } = {},
): Promise<BfclData> {
  const dir = options.dataDir ?? bfclDataDir;
  const category = options.category ?? 'base';
  if (!isBfclCategory(category)) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `unknown BFCL multi-turn category '${String(category)}' (use ${BFCL_CATEGORIES.join(', ')})`,
    );
  }
  const entriesFile = join(dir, `BFCL_v3_multi_turn_${category}.json`);
  const answersFile = join(dir, 'possible_answer', `BFCL_v3_multi_turn_${category}.json`);
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
  const expectedFile =
    options.expectedFile ??
    (resolve(dir) === resolve(bfclDataDir)
      ? bfclExpectedTrainFiles[category]
      : join(dir, bfclExpectedTrainFileName(category)));
  const expectedTrain = await readBfclExpectedTrain({ file: expectedFile });
  return { dataDir: dir, category, entries, groundTruth, docsByClass, expectedTrain };
}
