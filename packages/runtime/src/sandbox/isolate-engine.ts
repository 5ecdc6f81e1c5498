import { EnvscalerError } from '@envscaler/core';
import type * as IvmModule from 'isolated-vm';
import type { CallOutcome, Engine, ResolvedLimits } from './engine.js';
import { createSandboxApi, type LoadedClassInfo } from './prelude.js';

type Ivm = typeof IvmModule;
type Reference = IvmModule.Reference;

let ivmPromise: Promise<Ivm> | undefined;
async function loadIvm(): Promise<Ivm> {
  ivmPromise ??= import('isolated-vm').then((m) => ((m as unknown as { default?: Ivm }).default ?? m) as Ivm);
  try {
    return await ivmPromise;
  } catch (error) {
    ivmPromise = undefined;
    throw new EnvscalerError(
      'SANDBOX_ERROR',
      `isolated-vm could not be loaded: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

// Bundlers that keep function names (tsx, esbuild keepNames) insert `__name(fn, "name")` calls into
// function bodies; inside the isolate that helper is a no-op.
const PRELUDE = `const __name = (target) => target;\nglobalThis.__envscaler = (${createSandboxApi.toString()})(globalThis, true);`;

const TIMED_OUT = 'Script execution timed out.';

interface Api {
  addBase: Reference;
  dropBase: Reference;
  open: Reference;
  callPacked: Reference;
  replay: Reference;
  snapshot: Reference;
  publicState: Reference;
  close: Reference;
}

/**
 * Runs one environment in an isolated-vm isolate: a separate V8 heap with a memory limit, no Node APIs,
 * and a timeout on every call into it. When the isolate dies (memory limit) the next operation boots a
 * fresh one and bumps `generation`; the owner then rebuilds its sessions from their journals.
 */
export class IsolateEngine implements Engine {
  info!: LoadedClassInfo;
  generation = 0;
  private isolate: IvmModule.Isolate | undefined;
  private api: Api | undefined;
  private readonly bases = new Set<string>();
  private disposed = false;
  /** The options of every tool call, made once (the hot path allocates nothing it can avoid). */
  private readonly callOptions: { timeout: number };

  private constructor(
    private readonly ivm: Ivm,
    private readonly coreFactory: string,
    private readonly envFactory: string,
    private readonly className: string | null,
    private readonly limits: ResolvedLimits,
  ) {
    this.callOptions = { timeout: limits.callTimeoutMs };
  }

  static async create(options: {
    coreFactory: string;
    envFactory: string;
    className: string | null;
    limits: ResolvedLimits;
  }): Promise<IsolateEngine> {
    const ivm = await loadIvm();
    const engine = new IsolateEngine(
      ivm,
      options.coreFactory,
      options.envFactory,
      options.className,
      options.limits,
    );
    engine.boot();
    return engine;
  }

  private boot(): void {
    const isolate = new this.ivm.Isolate({ memoryLimit: this.limits.memoryMb });
    try {
      const context = isolate.createContextSync();
      context.evalSync(PRELUDE, { timeout: 10_000 });
      const apiRef = context.global.getSync('__envscaler', { reference: true }) as Reference;
      context.global.deleteSync('__envscaler');
      const fn = (name: string) => apiRef.getSync(name, { reference: true }) as Reference;
      fn('defineCore').applySync(undefined, [this.coreFactory], { timeout: 10_000 });
      fn('lockdown').applySync(undefined, [], { timeout: 10_000 });
      let infoJson: string;
      try {
        infoJson = fn('load').applySync(undefined, [this.envFactory, this.className], {
          timeout: this.limits.callTimeoutMs * 5,
        }) as string;
      } catch (error) {
        throw new EnvscalerError(
          'ENVIRONMENT_LOAD_FAILED',
          `The environment module failed to load: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      this.info = JSON.parse(infoJson) as LoadedClassInfo;
      this.api = {
        addBase: fn('addBase'),
        dropBase: fn('dropBase'),
        open: fn('open'),
        callPacked: fn('callPacked'),
        replay: fn('replay'),
        snapshot: fn('snapshot'),
        publicState: fn('publicState'),
        close: fn('close'),
      };
      this.isolate = isolate;
      this.bases.clear();
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }

  /** The live API, booting a new isolate when the previous one died. */
  private live(): Api {
    if (this.disposed) throw new EnvscalerError('SANDBOX_ERROR', 'The environment has been disposed');
    if (this.isolate === undefined || this.isolate.isDisposed || this.api === undefined) {
      this.generation++;
      this.boot();
    }
    return this.api!;
  }

  private opTimeout(): number {
    return Math.max(this.limits.callTimeoutMs * 10, 10_000);
  }

  /** Runs a non-tool operation; a dead isolate or timeout becomes a SANDBOX_ERROR. */
  private run<T>(what: string, ref: (api: Api) => Reference, args: unknown[], timeout: number): T {
    const api = this.live();
    try {
      return ref(api).applySync(undefined, args as never[], { timeout }) as T;
    } catch (error) {
      const message = (error as Error).message;
      if (this.isolate?.isDisposed) {
        throw new EnvscalerError(
          'SANDBOX_ERROR',
          `The sandbox ran out of memory (${this.limits.memoryMb} MB limit) during ${what}`,
          { cause: error },
        );
      }
      if (message === TIMED_OUT) {
        throw new EnvscalerError('SANDBOX_ERROR', `${what} exceeded its ${timeout} ms time limit`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  hasBase(id: string): boolean {
    this.live();
    return this.bases.has(id);
  }

  addBase(id: string, json: string): void {
    this.run('loading a base state', (a) => a.addBase, [id, json], this.opTimeout());
    this.bases.add(id);
  }

  dropBase(id: string): void {
    if (!this.bases.has(id) || this.isolate?.isDisposed) return;
    this.bases.delete(id);
    this.run('dropping a base state', (a) => a.dropBase, [id], this.opTimeout());
  }

  open(sid: number, kind: 'base' | 'state' | 'config', payload: string, seed: number, now: number): void {
    const timeout = kind === 'config' ? this.limits.callTimeoutMs : this.opTimeout();
    this.run(
      kind === 'config' ? 'fromConfig' : 'opening a session',
      (a) => a.open,
      [sid, kind, payload, seed, now],
      timeout,
    );
  }

  call(sid: number, name: string, argsJson: string, now: number): CallOutcome {
    const api = this.live();
    try {
      const out = api.callPacked.applySync(
        undefined,
        [`${sid}\n${name}\n${now}\n${argsJson}`],
        this.callOptions,
      ) as string;
      if (out.charCodeAt(0) !== 76 /* L */) return { status: 'ok', json: out };
      return { status: 'rollback', result: JSON.parse(out.slice(1)) };
    } catch (error) {
      const message = (error as Error).message;
      if (this.isolate?.isDisposed) {
        const result = {
          ok: false as const,
          error: {
            code: 'MEMORY_LIMIT',
            message: `Tool '${name}' exceeded the sandbox memory limit of ${this.limits.memoryMb} MB; the call was rolled back`,
          },
        };
        return { status: 'reset', result };
      }
      if (message === TIMED_OUT) {
        const result = {
          ok: false as const,
          error: {
            code: 'TIMEOUT',
            message: `Tool '${name}' exceeded the time limit of ${this.limits.callTimeoutMs} ms per call; the call was rolled back`,
          },
        };
        return { status: 'rollback', result };
      }
      throw new EnvscalerError('SANDBOX_ERROR', `Calling tool '${name}' failed in the sandbox: ${message}`, {
        cause: error,
      });
    }
  }

  replay(sid: number, entries: [string, string, number][]): void {
    if (entries.length === 0) return;
    const timeout = this.limits.callTimeoutMs * entries.length + this.opTimeout();
    this.run('replaying a session journal', (a) => a.replay, [sid, JSON.stringify(entries)], timeout);
  }

  snapshot(sid: number): string {
    return this.run('snapshot', (a) => a.snapshot, [sid], this.opTimeout());
  }

  publicState(sid: number): string {
    return this.run('publicState', (a) => a.publicState, [sid], this.limits.callTimeoutMs + this.opTimeout());
  }

  close(sid: number): void {
    if (this.disposed || this.isolate === undefined || this.isolate.isDisposed) return;
    this.api!.close.applySync(undefined, [sid], { timeout: this.opTimeout() });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = undefined;
    this.api = undefined;
  }
}
