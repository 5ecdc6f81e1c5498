import { EnvscalerError, type Environment, type EnvironmentPackage, type ToolResult } from '@envscaler/core';
import type { ToolSession } from '@envscaler/core';
import type { EpisodeEnvironment, SessionInit } from '../src/environment.js';

/**
 * A test stand-in for a runtime-loaded environment: runs the class in this process (no sandbox) and
 * copies state in and out, like a runtime session does.
 */
export function inProcessEnvironment<S>(options: {
  pkg: EnvironmentPackage;
  Class: new (state: S) => Environment<S>;
  /** Artificial latency per tool call (ms), for benchmarks. */
  delayMs?: number;
}): EpisodeEnvironment & { calls: number } {
  const env = {
    id: options.pkg.id,
    tools: options.pkg.tools,
    introduction: options.pkg.introduction,
    rules: options.pkg.rules,
    stateSchema: options.pkg.stateSchema,
    calls: 0,
    createSession(init: SessionInit): ToolSession {
      if (!('initialState' in init)) throw new EnvscalerError('INVALID_INPUT', 'config init is not supported here');
      const instance = new options.Class(structuredClone(init.initialState as S));
      const names = new Set(options.pkg.tools.map((t) => t.name));
      return {
        async call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
          env.calls++;
          if (!names.has(name)) return { ok: false, error: { code: 'UNKNOWN_TOOL', message: name } };
          const method = (instance as unknown as Record<string, (a: unknown) => ToolResult>)[name]!;
          try {
            return structuredClone(method.call(instance, args));
          } catch (error) {
            return { ok: false, error: { code: 'TOOL_THREW', message: (error as Error).message } };
          }
        },
        snapshot: () => structuredClone(instance.state),
        dispose: () => undefined,
      };
    },
  };
  return env;
}
