import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import {
  EnvscalerError,
  InvalidArtifactError,
  isEnvscalerError,
  parseArtifact,
  parseJsonLines,
  parseScenario,
  type Scenario,
} from '@envscaler/core';
import { readArtifact } from '@envscaler/core/node';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';

// Reading the inputs every command shares: environment directories, scenario files, numeric flags.

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Environment directories under `dir`: `dir` itself when it holds an env.ts, else every subdirectory
 * that does (the `<out>/envs/<envId>/` layout skelbuilder writes), in name order.
 */
export async function findEnvironmentDirs(dir: string): Promise<string[]> {
  const root = resolve(dir);
  if (await isFile(join(root, 'env.ts'))) return [root];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new EnvscalerError('NOT_FOUND', `environments directory not found: ${dir}`);
  });
  const dirs: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && (await isFile(join(root, entry.name, 'env.ts'))))
      dirs.push(join(root, entry.name));
  }
  if (dirs.length === 0)
    throw new EnvscalerError('NOT_FOUND', `no environment (a directory with env.ts) under ${dir}`);
  return dirs;
}

/**
 * Loads every environment under `dir`: `dir` itself when it holds an env.ts, else each subdirectory
 * that does (`<out>/envs/<envId>/`). The caller disposes them.
 */
export async function loadEnvironmentsFrom(options: { dir: string }): Promise<LoadedEnvironment[]> {
  const dirs = await findEnvironmentDirs(options.dir);
  const envs: LoadedEnvironment[] = [];
  try {
    for (const dir of dirs) envs.push(await loadEnvironment({ dir }));
  } catch (error) {
    for (const env of envs) env.dispose();
    throw error;
  }
  return envs;
}

/** Reads scenarios from a .jsonl file, a .json file (one scenario or an array) or a directory of .jsonl files. */
export async function readScenarios(options: { path: string }): Promise<Scenario[]> {
  const path = resolve(options.path);
  const info = await stat(path).catch(() => {
    throw new EnvscalerError('NOT_FOUND', `scenarios not found: ${options.path}`);
  });
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (file.endsWith('.json')) {
      const value = parseArtifact({ text, source: file, artifact: 'scenarios file' });
      for (const [i, item] of (Array.isArray(value) ? value : [value]).entries())
        scenarios.push(parseScenario(item, `${file}[${i}]`));
    } else {
      scenarios.push(...parseJsonLines({ text, parse: parseScenario, source: file }));
    }
  }
  if (scenarios.length === 0) throw new EnvscalerError('NOT_FOUND', `no scenarios in ${options.path}`);
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.id))
      throw new InvalidArtifactError({
        artifact: 'scenarios',
        source: options.path,
        issues: [{ path: '$.id', message: `duplicate scenario id '${s.id}'` }],
      });
    ids.add(s.id);
  }
  return scenarios;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

/** A JSON input file; errors name the file and say whether it is missing or not JSON. */
export async function readJsonFile(options: { file: string; what: string }): Promise<unknown> {
  const { file, what } = options;
  try {
    return await readArtifact({ file, artifact: `${what} file` });
  } catch (error) {
    if (error instanceof InvalidArtifactError) {
      // parseArtifact finds the line and column; the message stays one line, as for every CLI input
      const { line, column } = (error.details ?? {}) as { line?: number; column?: number };
      const at = line === undefined ? '' : ` at line ${line}, column ${column}`;
      const reason = error.issues[0]?.message.replace(/^is not valid JSON: /, '');
      throw new EnvscalerError('INVALID_INPUT', `${what} file ${file} is not valid JSON${at}: ${reason}`, {
        details: { file, line, column },
      });
    }
    if (isEnvscalerError(error)) throw error; // not found, or a directory
    throw new EnvscalerError(
      'INVALID_INPUT',
      `cannot read ${what} file ${file}: ${(error as Error).message}`,
    );
  }
}
