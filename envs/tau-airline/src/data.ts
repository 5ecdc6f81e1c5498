import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvscalerError } from '@envscaler/core';
import { parseTauAirlineTasks, type TauAirlineTask } from './tasks-file.js';

/**
 * Where this package keeps its files. Resolved from this module (`src/` in the workspace, `dist/` when
 * installed), so they work wherever the package is installed.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The environment directory (`env.ts` + `meta.json`), for `loadEnvironment({ dir })`. */
export const tauAirlineEnvironmentDir: string = packageRoot;
/** The τ-bench airline data shipped with this package (see `data/PROVENANCE.md`). */
export const tauAirlineDataDir: string = join(packageRoot, 'data');
/** Expected final-state digests of every task's gold replay, computed by this port (a regression fixture). */
export const tauAirlineExpectedTasksFile: string = join(packageRoot, 'fixtures', 'expected-tasks.json');

/** The data files, as τ-bench names them. */
export const TAU_AIRLINE_FILES = {
  flights: 'flights.json',
  reservations: 'reservations.json',
  users: 'users.json',
  tasks: 'tasks_test.py',
  policy: 'wiki.md',
} as const;

/**
 * τ-bench ships the airline tasks as one test set without a train/test split. This port splits it the
 * way τ²-bench splits its domains (`train`, `test`, and `base` = all), with τ²-bench airline's sizes
 * (30 train, 20 test) and a fixed rule: task i goes to `test` when i mod 5 is 1 or 3, else to `train`.
 */
export function tauAirlineSplits(taskIds: readonly string[]): Record<'train' | 'test' | 'base', string[]> {
  const isTest = (id: string) => {
    const index = Number(id);
    return Number.isInteger(index) && (index % 5 === 1 || index % 5 === 3);
  };
  return {
    train: taskIds.filter((id) => !isTest(id)),
    test: taskIds.filter(isTest),
    base: [...taskIds],
  };
}

/** `expected-tasks.json`: the digest of the untouched data and of each task's gold-replay final state. */
export interface TauAirlineExpectedTasks {
  canonicalization?: string;
  computed_by?: string;
  initial_digest: string;
  tasks: Record<string, { final_digest: string; n_actions?: number; failing_actions: number[] }>;
}

export interface TauAirlineData {
  dataDir: string;
  tasks: TauAirlineTask[];
  splits: Record<string, string[]>;
  /** The agent policy (`wiki.md`). */
  policy: string;
  /** The initial world `{ flights, reservations, users }`, parsed (treat as read-only: sessions copy it). */
  db: unknown;
  /** The same world as one JSON text (parse it for a private copy). */
  dbText: string;
  /** Expected digests when the expected file exists. */
  expectedTasks?: TauAirlineExpectedTasks;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvscalerError('NOT_FOUND', `τ-airline data file not found: ${path}`);
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

/** The expected digests in `file` (default: this package's fixture); undefined when absent. */
export async function readTauAirlineExpectedTasks(
  options: { file?: string } = {},
): Promise<TauAirlineExpectedTasks | undefined> {
  const file = options.file ?? tauAirlineExpectedTasksFile;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : parseJson<TauAirlineExpectedTasks>(text, file);
}

/** The tasks of `tasks_test.py` in `dataDir` (default: the shipped copy). */
export async function readTauAirlineTasks(options: { dataDir?: string } = {}): Promise<TauAirlineTask[]> {
  const file = join(options.dataDir ?? tauAirlineDataDir, TAU_AIRLINE_FILES.tasks);
  return parseTauAirlineTasks(await readText(file), file);
}

/**
 * Reads the τ-bench airline data from `dataDir` (default: the copy shipped with this package) and the
 * expected digests from `expectedFile` (default: this package's fixture when reading the shipped data,
 * else `<dataDir>/expected-tasks.json` if present).
 */
export async function readTauAirlineData(
  options: { dataDir?: string; expectedFile?: string } = {},
): Promise<TauAirlineData> {
  const dir = options.dataDir ?? tauAirlineDataDir;
  const file = (name: string) => join(dir, name);
  const [flights, reservations, users] = await Promise.all(
    [TAU_AIRLINE_FILES.flights, TAU_AIRLINE_FILES.reservations, TAU_AIRLINE_FILES.users].map(async (name) =>
      parseJson<unknown>(await readText(file(name)), file(name)),
    ),
  );
  const tasks = await readTauAirlineTasks({ dataDir: dir });
  const policy = await readText(file(TAU_AIRLINE_FILES.policy));
  const db = { flights, reservations, users };
  const expectedTasks = await readTauAirlineExpectedTasks({
    file:
      options.expectedFile ??
      (resolve(dir) === resolve(tauAirlineDataDir)
        ? tauAirlineExpectedTasksFile
        : file('expected-tasks.json')),
  });
  return {
    dataDir: dir,
    tasks,
    splits: tauAirlineSplits(tasks.map((task) => task.id)),
    policy,
    db,
    dbText: JSON.stringify(db),
    ...(expectedTasks ? { expectedTasks } : {}),
  };
}
