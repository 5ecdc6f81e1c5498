import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EnvscalerError } from '@envscaler/core';
import {
  loadEnvironment,
  type LoadedEnvironment,
  type RuntimeLimits,
  type SandboxKind,
} from '@envscaler/runtime';

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

export interface Tau2Data {
  dataDir: string;
  tasks: Tau2Task[];
  splits: Record<string, string[]>;
  policy: string;
  /** The initial database, parsed (treat as read-only: sessions copy it). */
  db: unknown;
  /** `expected-train.json` when present. */
  expectedTrain?: {
    initial_digest: string;
    tasks: Record<string, { final_digest: string; failing_actions: number[] }>;
  };
}

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

/** Reads the τ²-bench retail data from `dataDir` (see ../shared/conformance/tau2-retail/README.md). */
export async function readTau2Data(options: { dataDir: string }): Promise<Tau2Data> {
  const dir = options.dataDir;
  const tasks = JSON.parse(await readText(join(dir, 'tasks.json'))) as Tau2Task[];
  const splits = JSON.parse(await readText(join(dir, 'split_tasks.json'))) as Record<string, string[]>;
  const policy = await readText(join(dir, 'policy.md'));
  const db = JSON.parse(await readText(join(dir, 'db.json'))) as unknown;
  const expectedText = await readFile(join(dir, 'expected-train.json'), 'utf8').catch(() => undefined);
  return {
    dataDir: dir,
    tasks,
    splits,
    policy,
    db,
    ...(expectedText ? { expectedTrain: JSON.parse(expectedText) as Tau2Data['expectedTrain'] } : {}),
  };
}

/** Selects tasks by split name (`train`, `test`, `base`) or explicit ids, in `tasks.json` order. */
export function selectTau2Tasks(
  data: Pick<Tau2Data, 'tasks' | 'splits'>,
  selection: { split?: string; ids?: readonly string[] },
): Tau2Task[] {
  let ids: Set<string>;
  if (selection.ids && selection.ids.length > 0) ids = new Set(selection.ids);
  else {
    const split = selection.split ?? 'base';
    const list = data.splits[split];
    if (!list)
      throw new EnvscalerError(
        'INVALID_INPUT',
        `unknown split '${split}' (known: ${Object.keys(data.splits).join(', ')})`,
      );
    ids = new Set(list);
  }
  const known = new Set(data.tasks.map((t) => t.id));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new EnvscalerError('INVALID_INPUT', `unknown τ²-retail task id(s): ${unknown.join(', ')}`);
  return data.tasks.filter((t) => ids.has(t.id));
}

/** The canonical database digest of envs/tau2-retail (`digest.ts`), loaded by path (TypeScript: needs tsx or vitest). */
export async function loadTau2Digest(options: { envDir: string }): Promise<(db: unknown) => string> {
  try {
    const mod = (await import(pathToFileURL(join(options.envDir, 'digest.ts')).href)) as {
      canonicalDigest: (db: unknown) => string;
    };
    return mod.canonicalDigest;
  } catch (error) {
    throw new EnvscalerError(
      'NOT_FOUND',
      `cannot load ${join(options.envDir, 'digest.ts')}: ${(error as Error).message}`,
    );
  }
}

/** Loads the retail environment directory (from its env.ts source while it has no env.json/meta.json yet). */
export async function loadTau2Environment(options: {
  envDir: string;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
}): Promise<LoadedEnvironment> {
  const common = { sandbox: options.sandbox, limits: { memoryMb: 512, ...options.limits } };
  if (existsSync(join(options.envDir, 'meta.json')) || existsSync(join(options.envDir, 'env.json'))) {
    return loadEnvironment({ ...common, dir: options.envDir });
  }
  const source = await readText(join(options.envDir, 'env.ts'));
  return loadEnvironment({ ...common, source, id: 'tau2-retail' });
}
