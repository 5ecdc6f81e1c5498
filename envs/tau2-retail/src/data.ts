import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvscalerError } from '@envscaler/core';

/**
 * Where this package keeps its files. Resolved from this module (`src/` in the workspace, `dist/` when
 * installed), so they work wherever the package is installed.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The environment directory (`env.ts` + `meta.json`), for `loadEnvironment({ dir })`. */
export const tau2EnvironmentDir: string = packageRoot;
/** The τ²-bench retail data shipped with this package (see `data/README.md`, `data/PROVENANCE.md`). */
export const tau2DataDir: string = join(packageRoot, 'data');
/** Expected final-state digests of the train split's gold replays (a conformance fixture). */
export const tau2ExpectedTrainFile: string = join(packageRoot, 'fixtures', 'expected-train.json');

/** One τ²-bench retail task (`tasks.json`), the fields the harness uses. */
export interface Tau2Task {
  id: string;
  user_scenario: {
    persona?: string | null;
    instructions:
      | string
      | {
          task_instructions?: string | null;
          domain?: string | null;
          reason_for_call?: string | null;
          known_info?: string | null;
          unknown_info?: string | null;
        };
  };
  evaluation_criteria?: {
    actions?: { name: string; arguments: Record<string, unknown>; action_id?: string }[] | null;
    communicate_info?: string[] | null;
    nl_assertions?: string[] | null;
    reward_basis?: string[] | null;
  } | null;
}

/** `expected-train.json`: the digest of the untouched db and of each train task's gold-replay final db. */
export interface Tau2ExpectedTrain {
  canonicalization?: string;
  initial_digest: string;
  tasks: Record<string, { final_digest: string; n_actions?: number; failing_actions: number[] }>;
}

export interface Tau2Data {
  dataDir: string;
  tasks: Tau2Task[];
  splits: Record<string, string[]>;
  policy: string;
  /** The initial database, parsed (treat as read-only: sessions copy it). */
  db: unknown;
  /** The db.json text (parse it for a private copy). */
  dbText: string;
  /** Expected train digests when the expected file exists. */
  expectedTrain?: Tau2ExpectedTrain;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvscalerError('NOT_FOUND', `τ²-retail data file not found: ${path}`);
    }
    throw error;
  }
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new EnvscalerError('INVALID_INPUT', `${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** The expected train digests in `file` (default: this package's fixture); undefined when absent. */
export async function readTau2ExpectedTrain(
  options: { file?: string } = {},
): Promise<Tau2ExpectedTrain | undefined> {
  const file = options.file ?? tau2ExpectedTrainFile;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : parseJson<Tau2ExpectedTrain>(text, file);
}

/**
 * Reads the τ²-bench retail data from `dataDir` (default: the copy shipped with this package) and the
 * expected train digests from `expectedFile` (default: this package's fixture when reading the shipped
 * data, else `<dataDir>/expected-train.json` if present).
 */
export async function readTau2Data(options: { dataDir?: string; expectedFile?: string } = {}): Promise<Tau2Data> {
  const dir = options.dataDir ?? tau2DataDir;
  const file = (name: string) => join(dir, name);
  const tasks = parseJson<Tau2Task[]>(await readText(file('tasks.json')), file('tasks.json'));
  const splits = parseJson<Record<string, string[]>>(
    await readText(file('split_tasks.json')),
    file('split_tasks.json'),
  );
  const policy = await readText(file('policy.md'));
  const dbText = await readText(file('db.json'));
  const db = parseJson<unknown>(dbText, file('db.json'));
  const expectedTrain = await readTau2ExpectedTrain({
    file:
      options.expectedFile ??
      (resolve(dir) === resolve(tau2DataDir) ? tau2ExpectedTrainFile : file('expected-train.json')),
  });
  return { dataDir: dir, tasks, splits, policy, db, dbText, ...(expectedTrain ? { expectedTrain } : {}) };
}
