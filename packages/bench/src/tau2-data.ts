import { EnvscalerError } from '@envscaler/core';
import type { Tau2Data, Tau2Task } from '@envscaler/env-tau2-retail';
import {
  loadEnvironment,
  type LoadedEnvironment,
  type RuntimeLimits,
  type SandboxKind,
} from '@envscaler/runtime';
import { tau2Domain, type Tau2Domain, type Tau2DomainName } from './tau2-domains.js';

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
    throw new EnvscalerError('INVALID_INPUT', `unknown task id(s): ${unknown.join(', ')}`);
  return data.tasks.filter((t) => ids.has(t.id));
}

/**
 * Loads a domain's environment (default: retail, the one shipped in @envscaler/env-tau2-retail; airline:
 * the one in @envscaler/env-tau-airline), or the one in `envDir`.
 */
export async function loadTau2Environment(
  options: {
    envDir?: string;
    domain?: Tau2DomainName | Tau2Domain;
    sandbox?: SandboxKind;
    limits?: RuntimeLimits;
  } = {},
): Promise<LoadedEnvironment> {
  return loadEnvironment({
    dir: options.envDir ?? tau2Domain(options.domain).environmentDir,
    sandbox: options.sandbox,
    limits: { memoryMb: 512, ...options.limits },
  });
}
