import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ToolCallRequest } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment, type LoadEnvironmentOptions } from '../index.js';

/**
 * Paths and loaders for the τ²-bench retail conformance data (../shared/conformance/tau2-retail, never
 * copied into the repository) and the envs/tau2-retail environment. Used by tests and benchmarks only.
 */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const retailDir = `${repoRoot}envs/tau2-retail`;
export const retailDataDir = `${repoRoot}../shared/conformance/tau2-retail`;

export interface RetailTask {
  id: string;
  calls: ToolCallRequest[];
}

export function retailAvailable(): boolean {
  return existsSync(`${retailDir}/env.ts`) && existsSync(`${retailDataDir}/db.json`);
}

export function readRetailDbText(): string {
  return readFileSync(`${retailDataDir}/db.json`, 'utf8');
}

export function readRetailTasks(): RetailTask[] {
  const tasks = JSON.parse(readFileSync(`${retailDataDir}/tasks.json`, 'utf8')) as {
    id: string;
    evaluation_criteria: { actions: { name: string; arguments: Record<string, unknown> }[] };
  }[];
  return tasks.map((t) => ({
    id: t.id,
    calls: t.evaluation_criteria.actions.map((a) => ({ name: a.name, arguments: a.arguments })),
  }));
}

export function readRetailSplits(): Record<string, string[]> {
  return JSON.parse(readFileSync(`${retailDataDir}/split_tasks.json`, 'utf8')) as Record<string, string[]>;
}

export interface ExpectedTrain {
  initial_digest: string;
  tasks: Record<string, { final_digest: string; n_actions: number; failing_actions: number[] }>;
}

export function readExpectedTrain(): ExpectedTrain {
  return JSON.parse(readFileSync(`${retailDataDir}/expected-train.json`, 'utf8')) as ExpectedTrain;
}

/** The environment helper's digest function (envs/tau2-retail/digest.ts), loaded by path. */
export async function loadRetailDigest(): Promise<(db: unknown) => string> {
  const mod = (await import(pathToFileURL(`${retailDir}/digest.ts`).href)) as {
    canonicalDigest: (db: unknown) => string;
  };
  return mod.canonicalDigest;
}

/** Loads envs/tau2-retail as a directory (falls back to its env.ts source while meta.json is missing). */
export function loadRetail(
  options: Omit<LoadEnvironmentOptions, 'dir' | 'source' | 'package'> = {},
): Promise<LoadedEnvironment> {
  if (existsSync(`${retailDir}/meta.json`) || existsSync(`${retailDir}/env.json`)) {
    return loadEnvironment({ ...options, dir: retailDir });
  }
  return loadEnvironment({
    ...options,
    source: readFileSync(`${retailDir}/env.ts`, 'utf8'),
    id: 'tau2-retail',
  });
}
