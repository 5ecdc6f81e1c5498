import { EnvscalerError } from '@envscaler/core';
import { tau2EnvironmentDir, type Tau2Data, type Tau2Task } from '@envscaler/env-tau2-retail';
import {
  loadEnvironment,
  type LoadedEnvironment,
  type RuntimeLimits,
  type SandboxKind,
} from '@envscaler/runtime';

export {
  canonicalDigest as tau2Digest,
  readTau2Data,
  type Tau2Data,
  type Tau2Task,
} from '@envscaler/env-tau2-retail';

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

/** Loads the retail environment (default: the one shipped in @envscaler/env-tau2-retail). */
export async function loadTau2Environment(options: {
  envDir?: string;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
} = {}): Promise<LoadedEnvironment> {
  return loadEnvironment({
    dir: options.envDir ?? tau2EnvironmentDir,
    sandbox: options.sandbox,
    limits: { memoryMb: 512, ...options.limits },
  });
}
