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

/** Answers of this many characters or more cross in an array (see PRELUDE). */
const LONG_ANSWER = 512;

// Bundlers that keep function names (tsx, esbuild keepNames) insert `__name(fn, "name")` calls into
// function bodies; inside the isolate that helper is a no-op.
//
// isolated-vm hands a string of 1024 bytes or more to the host as an external string, which is slow to
// make: returning a constant 1.2 KB string cost 9.5 µs a crossing against 3.4 µs for 1,000 characters
// (2-core VM). So `callCrossing` returns a long answer (512 characters or more: two-byte text has two
// bytes a character) inside a one-element array, which `result: { copy: true }` serialises: the host
// gets an ordinary string, in one crossing (τ²-retail get_order_details session calls, A/B in one
// process: 11% less CPU). Only strings made here are in the array, so no environment code (a getter)
// runs while it is copied, which happens after the call's time limit has ended.
const PRELUDE = `const __name = (target) => target;
globalThis.__envscaler = (${createSandboxApi.toString()})(globalThis, true);
{
  const api = globalThis.__envscaler;
  const crossing = (fn) => (...args) => {
    const out = fn(...args);
    return out.length < ${LONG_ANSWER} ? out : [out];
  };
  api.callCrossing = crossing(api.callPacked);
  api.snapshotCrossing = crossing(api.snapshot);
  api.publicStateCrossing = crossing(api.publicState);
}`;

const TIMED_OUT = 'Script execution timed out.';

interface Api {
  addBase: Reference;
  dropBase: Reference;
  open: Reference;
  /** `callPacked`, `snapshot` and `publicState`, a long answer in a one-element array (see PRELUDE). */
  callCrossing: Reference;
  replay: Reference;
  snapshotCrossing: Reference;
  publicStateCrossing: Reference;
  close: Reference;
}

/**
 * Isolates kept alive across all engines of the process, least recently used first. Each isolate costs
 * tens of MB however small its environment, so a process that has loaded hundreds of environments (a
 * rollout over a 200-environment build) would otherwise hold them all. When a boot takes the count over
 * LIVE_ISOLATES_KEPT, the least recently used engines with no open session free their isolate; their next
 * operation boots a new one (bases are re-added on demand, as after a memory-limit reset).
 */
const liveEngines = new Set<IsolateEngine>();
const LIVE_ISOLATES_KEPT = 8;
/** The engine used last: the hot path skips reordering `liveEngines` while it stays the same. */
const recent: { engine?: IsolateEngine } = {};

/** Live isolates in this process (for tests and diagnostics). */
export function liveIsolateCount(): number {
  return liveEngines.size;
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
  /** Sessions open in the current isolate: an engine with any is never released. */
  private readonly openSessions = new Set<number>();
  private disposed = false;
  /** The options of every call into the isolate, made once (see `timed`). */
  private readonly callOptions: { timeout: number; result: { copy: true } };
  /** Deadlines fall on multiples of this many ms (see `timed`). */
  private readonly deadlineGrid: number;

  private constructor(
    private readonly ivm: Ivm,
    private readonly coreFactory: string,
    private readonly envFactory: string,
    private readonly className: string | null,
    private readonly limits: ResolvedLimits,
  ) {
    this.callOptions = { timeout: Math.ceil(limits.callTimeoutMs), result: { copy: true } };
    this.deadlineGrid = Math.min(100, Math.max(1, Math.floor(limits.callTimeoutMs / 10)));
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
        callCrossing: fn('callCrossing'),
        replay: fn('replay'),
        snapshotCrossing: fn('snapshotCrossing'),
        publicStateCrossing: fn('publicStateCrossing'),
        close: fn('close'),
      };
      this.isolate = isolate;
      this.bases.clear();
      this.openSessions.clear();
      liveEngines.add(this);
      recent.engine = this;
      releaseIdleEngines();
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
    } else if (recent.engine !== this) {
      liveEngines.delete(this);
      liveEngines.add(this);
      recent.engine = this;
    }
    return this.api!;
  }

  private opTimeout(): number {
    return Math.max(this.limits.callTimeoutMs * 10, 10_000);
  }

  /**
   * The options of one call into the isolate with a wall-clock limit of `limitMs`. isolated-vm starts a
   * timer for every call with a timeout, and its timer thread wakes at each timer's deadline, even a
   * finished call's, to drop it: about one thread wake-up per call. Deadlines rounded up to a grid (a
   * tenth of the tool-call limit, at most 100 ms) fall together and are dropped in bulk, a few wake-ups
   * per grid step: a τ²-retail call took 33 µs of process CPU instead of 46 (none at all: 33; 2-core VM
   * at load 6). A call still gets its whole limit, and at most a grid step more. The object is reused
   * (the hot path allocates nothing it can avoid); `result: { copy: true }` brings a long answer's
   * one-element array across (see PRELUDE).
   */
  private timed(limitMs: number): { timeout: number; result: { copy: true } } {
    const start = performance.now();
    const grid = this.deadlineGrid;
    this.callOptions.timeout = Math.ceil(Math.ceil((start + limitMs) / grid) * grid - start);
    return this.callOptions;
  }

  /** Runs a non-tool operation; a dead isolate or timeout becomes a SANDBOX_ERROR. */
  private run<T>(what: string, ref: (api: Api) => Reference, args: unknown[], timeout: number): T {
    const api = this.live();
    try {
      return ref(api).applySync(undefined, args as never[], this.timed(timeout)) as T;
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

  /** `run` of an operation whose answer is text, long answers crossing in an array (see PRELUDE). */
  private runText(what: string, ref: (api: Api) => Reference, args: unknown[], timeout: number): string {
    const answer = this.run<string | [string]>(what, ref, args, timeout);
    return typeof answer === 'string' ? answer : answer[0];
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
    this.openSessions.add(sid);
  }

  call(sid: number, name: string, argsJson: string, now: number): CallOutcome {
    const api = this.live();
    try {
      const answer = api.callCrossing.applySync(
        undefined,
        [`${sid}\n${name}\n${now}\n${argsJson}`],
        this.timed(this.limits.callTimeoutMs),
      ) as string | [string];
      const out = typeof answer === 'string' ? answer : answer[0];
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
    return this.runText('snapshot', (a) => a.snapshotCrossing, [sid], this.opTimeout());
  }

  publicState(sid: number): string {
    return this.runText(
      'publicState',
      (a) => a.publicStateCrossing,
      [sid],
      this.limits.callTimeoutMs + this.opTimeout(),
    );
  }

  close(sid: number): void {
    this.openSessions.delete(sid);
    if (this.disposed || this.isolate === undefined || this.isolate.isDisposed) return;
    this.api!.close.applySync(undefined, [sid], this.timed(this.opTimeout()));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.release();
  }

  /** Whether the engine may free its isolate now (no session would lose its world). */
  get idle(): boolean {
    return this.openSessions.size === 0;
  }

  /** Frees the isolate; unless disposed, the next operation boots a new one. */
  release(): void {
    liveEngines.delete(this);
    if (recent.engine === this) recent.engine = undefined;
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = undefined;
    this.api = undefined;
  }
}

function releaseIdleEngines(): void {
  if (liveEngines.size <= LIVE_ISOLATES_KEPT) return;
  for (const engine of liveEngines) {
    if (liveEngines.size <= LIVE_ISOLATES_KEPT) return;
    if (engine.idle && engine !== recent.engine) engine.release();
  }
}
