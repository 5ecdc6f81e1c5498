import { EnvscalerError } from '@envscaler/core';
import type { CallOutcome, Engine } from './engine.js';
import { createSandboxApi, type LoadedClassInfo, type SandboxApi } from './prelude.js';

/**
 * `sandbox: 'none'`: the same session machinery (copy-on-write overlay, error classification) running
 * in the host's own realm, for trusted code and speed. No time or memory limit can be enforced here;
 * a runaway recursion is still caught and rolled back.
 */
export class InProcessEngine implements Engine {
  readonly info: LoadedClassInfo;
  readonly generation = 0;
  private readonly api: SandboxApi;
  private readonly bases = new Set<string>();

  constructor(options: { coreFactory: string; envFactory: string; className: string | null }) {
    this.api = createSandboxApi(globalThis, false);
    this.api.defineCore(options.coreFactory);
    try {
      this.info = JSON.parse(this.api.load(options.envFactory, options.className)) as LoadedClassInfo;
    } catch (error) {
      throw new EnvscalerError(
        'ENVIRONMENT_LOAD_FAILED',
        `The environment module failed to load: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }

  hasBase(id: string): boolean {
    return this.bases.has(id);
  }

  addBase(id: string, json: string): void {
    this.api.addBase(id, json);
    this.bases.add(id);
  }

  dropBase(id: string): void {
    this.bases.delete(id);
    this.api.dropBase(id);
  }

  open(sid: number, kind: 'base' | 'state' | 'config', payload: string, seed: number, now: number): void {
    this.api.open(sid, kind, payload, seed, now);
  }

  call(sid: number, name: string, argsJson: string, now: number): CallOutcome {
    const out = this.api.call(sid, name, argsJson, now);
    if (out.charCodeAt(0) !== 76 /* L */) return { status: 'ok', json: out };
    return { status: 'rollback', result: JSON.parse(out.slice(1)) };
  }

  replay(sid: number, entries: [string, string, number][]): void {
    if (entries.length > 0) this.api.replay(sid, JSON.stringify(entries));
  }

  snapshot(sid: number): string {
    return this.api.snapshot(sid);
  }

  publicState(sid: number): string {
    return this.api.publicState(sid);
  }

  close(sid: number): void {
    this.api.close(sid);
  }

  dispose(): void {
    // nothing outlives the engine object itself
  }
}
