import { EnvscalerError, type JsonSchema, type ToolSpec } from '@envscaler/core';
import type { QualitySession } from './quality/evaluate.js';

/** Tool specs and the State JSON Schema derived by the runtime from an environment module. */
export async function deriveSchemas(_options: { source: string; fileName?: string }): Promise<{ tools: ToolSpec[]; stateSchema: JsonSchema }> {
  throw new EnvscalerError('INTERNAL', 'runtime schema derivation is not wired yet');
}

/** A runtime sandbox session of the module starting from `initialState`. */
export async function openSandboxSession(_options: { source: string; initialState: unknown }): Promise<QualitySession> {
  throw new EnvscalerError('INTERNAL', 'runtime sessions are not wired yet');
}
