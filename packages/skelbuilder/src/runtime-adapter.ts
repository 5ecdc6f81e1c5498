import { deriveEnvironmentSchema, loadEnvironment, type SandboxKind } from '@envscaler/runtime';
import type { JsonSchema, ToolSession, ToolSpec } from '@envscaler/core';

/** Tool specs and the State JSON Schema, derived by the runtime from the module's types and JSDoc. */
export async function deriveSchemas(options: {
  source: string;
  fileName?: string;
}): Promise<{ tools: ToolSpec[]; stateSchema: JsonSchema }> {
  const derived = await deriveEnvironmentSchema({ source: options.source, fileName: options.fileName });
  return { tools: derived.tools, stateSchema: derived.stateSchema };
}

/**
 * A runtime sandbox session of the module starting from `initialState`: the module is loaded (in an
 * isolated-vm sandbox by default), one session created, and both disposed together.
 */
export async function openSandboxSession(options: {
  source: string;
  initialState: unknown;
  sandbox?: SandboxKind;
}): Promise<ToolSession> {
  const loaded = await loadEnvironment({ source: options.source, sandbox: options.sandbox });
  try {
    const session = await loaded.createSession({ initialState: options.initialState });
    return {
      call: (name, args) => session.call(name, args),
      snapshot: () => session.snapshot(),
      dispose: () => {
        session.dispose();
        loaded.dispose();
      },
    };
  } catch (error) {
    loaded.dispose();
    throw error;
  }
}
