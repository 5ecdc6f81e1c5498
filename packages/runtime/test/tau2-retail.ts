import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolCallRequest } from '@envscaler/core';
import {
  canonicalDigest,
  tau2DataDir,
  tau2EnvironmentDir,
  tau2ExpectedTrainFile,
  type Tau2ExpectedTrain,
} from '@envscaler/env-tau2-retail';
import { loadEnvironment, type LoadedEnvironment, type LoadEnvironmentOptions } from '../src/index.js';

/**
 * The τ²-bench retail data and environment of @envscaler/env-tau2-retail, in the shapes the runtime's
 * conformance tests and benchmarks use (synchronous reads, so test tables can be built at collection).
 */
export const retailDir = tau2EnvironmentDir;

export interface RetailTask {
  id: string;
  calls: ToolCallRequest[];
}

export function readRetailDbText(): string {
  return readFileSync(join(tau2DataDir, 'db.json'), 'utf8');
}

export function readRetailTasks(): RetailTask[] {
  const tasks = JSON.parse(readFileSync(join(tau2DataDir, 'tasks.json'), 'utf8')) as {
    id: string;
    evaluation_criteria: { actions: { name: string; arguments: Record<string, unknown> }[] };
  }[];
  return tasks.map((t) => ({
    id: t.id,
    calls: t.evaluation_criteria.actions.map((a) => ({ name: a.name, arguments: a.arguments })),
  }));
}

export function readRetailSplits(): Record<string, string[]> {
  return JSON.parse(readFileSync(join(tau2DataDir, 'split_tasks.json'), 'utf8')) as Record<string, string[]>;
}

export function readExpectedTrain(): Tau2ExpectedTrain {
  return JSON.parse(readFileSync(tau2ExpectedTrainFile, 'utf8')) as Tau2ExpectedTrain;
}

export const retailDigest: (db: unknown) => string = canonicalDigest;

/** Loads the retail environment directory. */
export function loadRetail(
  options: Omit<LoadEnvironmentOptions, 'dir' | 'source' | 'package'> = {},
): Promise<LoadedEnvironment> {
  return loadEnvironment({ ...options, dir: retailDir });
}
