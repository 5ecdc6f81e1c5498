import { runInNewContext } from 'node:vm';
import { ts } from 'ts-morph';
import type { CheckItem, CheckResult } from '@envscaler/core';
import type { CheckRunner } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A check runner on `node:vm` with a time limit per check and frozen copies of both states. It is the
 * fallback used when no runner is passed and the runtime's sandboxed runner is unavailable; it isolates
 * globals but not memory, so it is meant for trusted or test input.
 */
export function createVmCheckRunner(options: { timeoutMs?: number } = {}): CheckRunner {
  const timeout = options.timeoutMs ?? 1000;
  return {
    async run({ checks, initial, final }) {
      const results: CheckResult[] = [];
      for (const check of checks as CheckItem[]) {
        try {
          const js = ts.transpileModule(`const __check = (${check.source});`, {
            compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
          }).outputText;
          const context = {
            __final: deepFreeze(structuredClone(final)),
            __initial: deepFreeze(structuredClone(initial)),
          };
          const value = runInNewContext(`${js}\n__check(__final, __initial);`, context, { timeout });
          if (typeof value !== 'boolean')
            results.push({ id: check.id, passed: false, error: `returned ${typeof value}, not a boolean` });
          else results.push({ id: check.id, passed: value });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          results.push({ id: check.id, passed: false, error: message });
        }
      }
      return results;
    },
  };
}
