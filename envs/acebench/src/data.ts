import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvscalerError, type ChatFunctionTool, type JsonSchema } from '@envscaler/core';
import type { AcebenchClassState } from './score.js';

/**
 * Where this package keeps its files. Resolved from this module (`src/` in the workspace, `dist/` when
 * installed), so they work wherever the package is installed.
 */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The environment directory (`env.ts` + `meta.json`), for `loadEnvironment({ dir })`. */
export const acebenchEnvironmentDir: string = packageRoot;
/** The ACEBench agent data shipped with this package (see `data/README.md`, `data/PROVENANCE.md`). */
export const acebenchDataDir: string = join(packageRoot, 'data');
/** Hand-written call sequences that reach the ground truth of every train task (a conformance fixture). */
export const acebenchGoldTrainFile: string = join(packageRoot, 'fixtures', 'gold-train.json');

/** The two agent subsets of ACEBench. */
export type AcebenchSubset = 'multi_step' | 'multi_turn';
export const ACEBENCH_SUBSETS: readonly AcebenchSubset[] = ['multi_step', 'multi_turn'];

export function isAcebenchSubset(value: unknown): value is AcebenchSubset {
  return typeof value === 'string' && (ACEBENCH_SUBSETS as readonly string[]).includes(value);
}

/** Task file and answer file of a subset, relative to the data directory. */
export function acebenchDataFiles(subset: AcebenchSubset): { tasks: string; answers: string } {
  return {
    tasks: `data_agent_${subset}.json`,
    answers: join('possible_answer', `data_agent_${subset}.json`),
  };
}

/** A function description offered to the agent (`function` of a task), in ACEBench's own schema dialect. */
export interface AcebenchFunctionDoc {
  name: string;
  description: string;
  parameters: { type?: string; required?: string[]; properties?: Record<string, Record<string, unknown>> };
}

/** One agent task with its answer. */
export interface AcebenchTask {
  /** `agent_multi_step_<n>` or `agent_multi_turn_<n>`. */
  id: string;
  subset: AcebenchSubset;
  /** Position in the file (equal to the id's number). */
  index: number;
  /** `train` for even positions, `test` for odd ones (`data/README.md`, "Split"). */
  split: 'train' | 'test';
  /** multi_step: the user's request; multi_turn: the instruction for the simulated user. */
  question: string;
  /** Initial overrides by class name (in this data only `BaseApi` `wifi` and `logged_in`). */
  initial_config: Record<string, unknown>;
  involved_classes: string[];
  function: AcebenchFunctionDoc[];
  path: unknown[];
  /** Expected final state: one `{<class>: {<attribute>: value}}` per expected class. */
  ground_truth: AcebenchClassState[];
  /** Expected key calls, or (5 multi-step tasks) alternative lists of them. */
  mile_stone: string[] | string[][];
}

export interface AcebenchData {
  dataDir: string;
  /** The tasks of the requested subsets, multi_step first, in file order. */
  tasks: AcebenchTask[];
}

/** A call of the gold fixture. */
export interface AcebenchGoldCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** `fixtures/gold-train.json`. */
export interface AcebenchGoldTrain {
  description?: string;
  tasks: Record<string, AcebenchGoldCall[]>;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new EnvscalerError('NOT_FOUND', `ACEBench data file not found: ${path}`);
    throw error;
  }
}

/** JSON Lines: one value per non-empty line. */
export function parseJsonLines<T>(text: string, file: string): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, n) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new EnvscalerError(
        'INVALID_INPUT',
        `${file}:${n + 1} is not valid JSON (${(error as Error).message})`,
      );
    }
  });
  return out;
}

/** `train` for tasks whose number (the id's suffix) is even, else `test`. */
export function acebenchSplitOf(id: string): 'train' | 'test' {
  const n = Number(/_(\d+)$/.exec(id)?.[1]);
  return Number.isInteger(n) && n % 2 === 0 ? 'train' : 'test';
}

/** The subset an id belongs to, or undefined. */
export function acebenchSubsetOf(id: string): AcebenchSubset | undefined {
  const m = /^agent_(multi_step|multi_turn)_\d+$/.exec(id);
  return m ? (m[1] as AcebenchSubset) : undefined;
}

/** Reads the tasks and answers of the given subsets (default both) from `dataDir` (default: the shipped copy). */
export async function readAcebenchData(
  options: { dataDir?: string; subsets?: readonly AcebenchSubset[] } = {},
): Promise<AcebenchData> {
  const dir = options.dataDir ?? acebenchDataDir;
  const tasks: AcebenchTask[] = [];
  for (const subset of options.subsets ?? ACEBENCH_SUBSETS) {
    const files = acebenchDataFiles(subset);
    const taskFile = join(dir, files.tasks);
    const answerFile = join(dir, files.answers);
    const raw = parseJsonLines<
      Omit<AcebenchTask, 'subset' | 'index' | 'split' | 'ground_truth' | 'mile_stone'>
    >(await readText(taskFile), taskFile);
    const answers = parseJsonLines<{
      id: string;
      ground_truth: AcebenchClassState[];
      mile_stone: string[] | string[][];
    }>(await readText(answerFile), answerFile);
    const byId = new Map(answers.map((a) => [a.id, a]));
    raw.forEach((task, index) => {
      const answer = byId.get(task.id);
      if (!answer) throw new EnvscalerError('INVALID_INPUT', `${answerFile} has no answer for ${task.id}`);
      tasks.push({
        id: task.id,
        subset,
        index,
        split: acebenchSplitOf(task.id),
        question: task.question,
        initial_config: task.initial_config ?? {},
        involved_classes: task.involved_classes,
        function: task.function,
        path: task.path ?? [],
        ground_truth: Array.isArray(answer.ground_truth) ? answer.ground_truth : [answer.ground_truth],
        mile_stone: answer.mile_stone,
      });
    });
  }
  return { dataDir: dir, tasks };
}

/** The gold fixture (default: this package's `fixtures/gold-train.json`). */
export async function readAcebenchGoldTrain(options: { file?: string } = {}): Promise<AcebenchGoldTrain> {
  const file = options.file ?? acebenchGoldTrainFile;
  const text = await readText(file);
  try {
    return JSON.parse(text) as AcebenchGoldTrain;
  } catch (error) {
    throw new EnvscalerError('INVALID_INPUT', `${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** The session config of a task, for `createSession({ config })` / `AceBench.fromConfig`. */
export function acebenchTaskConfig(task: Pick<AcebenchTask, 'involved_classes' | 'initial_config'>): {
  involved_classes: string[];
  initial_config: Record<string, unknown>;
} {
  return {
    involved_classes: [...task.involved_classes],
    initial_config: structuredClone(task.initial_config),
  };
}

const TYPE_MAP: Record<string, string> = {
  dict: 'object',
  list: 'array',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  boolean: 'boolean',
  str: 'string',
};

function fixSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...schema };
  if (typeof out['type'] === 'string' && TYPE_MAP[out['type']]) out['type'] = TYPE_MAP[out['type']];
  const props = out['properties'];
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    out['properties'] = Object.fromEntries(
      Object.entries(props as Record<string, unknown>).map(([k, v]) => [
        k,
        v && typeof v === 'object' && !Array.isArray(v) ? fixSchema(v as Record<string, unknown>) : v,
      ]),
    );
  }
  const items = out['items'];
  if (items && typeof items === 'object' && !Array.isArray(items))
    out['items'] = fixSchema(items as Record<string, unknown>);
  return out;
}

/**
 * The tools offered to the agent for a task: its `function` list with ACEBench's type names mapped to JSON
 * Schema (`dict` → object, `list` → array, `int` → integer, …), as EnvScaler's runner sends them
 * (`process_tool_schema`). Nothing else is changed, typos included (`reserve_flight` requires
 * `payment_methods` but describes `payment_method`).
 */
export function acebenchToolsFor(task: Pick<AcebenchTask, 'function'>): ChatFunctionTool[] {
  return task.function.map((doc) => ({
    type: 'function',
    function: {
      name: doc.name,
      description: doc.description,
      parameters: fixSchema(doc.parameters as Record<string, unknown>) as JsonSchema,
    },
  }));
}
