import { EnvscalerError, type SchemaValidator, type ToolResult, type ToolSpec } from '@envscaler/core';
import type { Engine } from './sandbox/engine.js';

/** How a session's world began; with the journal of calls since, it rebuilds the session exactly. */
export type JournalStart =
  | { kind: 'base'; baseId: string; seed: number; now: number }
  | { kind: 'state'; json: string; seed: number; now: number }
  | { kind: 'config'; json: string; seed: number; now: number };

/** One episode's private world in a loaded environment. */
export interface EnvironmentSession {
  /** Unique within the process. */
  readonly id: number;
  /**
   * Validates `args` against the tool's JSON Schema, then runs the tool. Never rejects for tool-level
   * problems: unknown tools, invalid arguments, thrown errors and resource limits come back as
   * `{ ok: false, error: { code, message } }` with code UNKNOWN_TOOL, INVALID_ARGUMENTS, TOOL_THREW,
   * INVALID_RESULT, TIMEOUT, STACK_OVERFLOW or MEMORY_LIMIT (or the tool's own failure code).
   */
  call(name: string, args?: unknown): Promise<ToolResult>;
  /**
   * `call`, answered as the result's JSON text: exactly `JSON.stringify(await call(name, args))`, with the
   * same validation, journal and failure results. A sandboxed tool's text is the one printed inside the
   * sandbox, so callers that only put the result into a message (rollouts, `serve`) skip parsing it on
   * the host and printing it again.
   */
  callJson(name: string, args?: unknown): Promise<string>;
  /** The whole state as plain JSON (a private copy). */
  snapshot(): Promise<unknown>;
  /** The class's static `publicState(state)` when it defines one, else the snapshot. */
  publicState(): Promise<unknown>;
  /**
   * `publicState()` as the JSON text printed inside the sandbox (`publicState()` is its parse). Callers
   * that store states or compare them (equal text is an equal state) skip parsing on the host.
   */
  publicStateJson(): Promise<string>;
  /** Replaces the world with (a deep copy of) `state`; the environment instance is recreated. */
  restore(state: unknown): Promise<void>;
  /** Number of tool calls made (the journal length, including calls that were rolled back). */
  readonly callCount: number;
  dispose(): void;
}

/** What a session needs from its environment. */
export interface SessionHost {
  readonly engine: Engine;
  readonly toolIndex: ReadonlyMap<string, { spec: ToolSpec; validate: SchemaValidator }>;
  readonly toolList: string;
  /** Makes sure a base state is loaded in the engine's current generation. */
  ensureBase(baseId: string): void;
  releaseBase(baseId: string): void;
  /** Rebuild every live session after the sandbox was recreated. */
  rebuildAll(): void;
  forget(session: Session): void;
  readonly now: () => number;
}

let nextSessionId = 1;

export class Session implements EnvironmentSession {
  readonly id = nextSessionId++;
  private start: JournalStart;
  /**
   * Calls that count for the world, as three parallel columns (name, argsJson, now): no object per call
   * for the collector to copy and promote. Rolled-back calls are not kept.
   */
  private journal = { names: [] as string[], args: [] as string[], nows: [] as number[] };
  private generation: number;
  private calls = 0;
  private disposed = false;

  constructor(
    private readonly host: SessionHost,
    start: JournalStart,
  ) {
    this.start = start;
    this.generation = host.engine.generation;
    this.openFresh();
  }

  get callCount(): number {
    return this.calls;
  }

  private openFresh(): void {
    const { engine } = this.host;
    const s = this.start;
    if (s.kind === 'base') {
      this.host.ensureBase(s.baseId);
      engine.open(this.id, 'base', s.baseId, s.seed, s.now);
    } else {
      try {
        engine.open(this.id, s.kind, s.json, s.seed, s.now);
      } catch (error) {
        if (error instanceof EnvscalerError) throw error;
        const message = (error as Error).message;
        const what = s.kind === 'config' ? 'fromConfig(config)' : 'the environment constructor';
        throw new EnvscalerError(
          'INVALID_INPUT',
          message.includes('the initial state is not valid JSON')
            ? `Could not create a session: ${message}`
            : `Could not create a session: ${what} threw: ${message}`,
          { cause: error },
        );
      }
    }
    this.generation = engine.generation;
  }

  /** Re-creates the world from the journal start and replays every kept call (after a rollback or reset). */
  rebuild(): void {
    if (this.disposed) return;
    const { engine } = this.host;
    if (engine.generation === this.generation) engine.close(this.id);
    this.openFresh();
    const { names, args, nows } = this.journal;
    engine.replay(
      this.id,
      names.map((name, i): [string, string, number] => [name, args[i]!, nows[i]!]),
    );
  }

  private ensureLive(): void {
    if (this.disposed) throw new EnvscalerError('INVALID_INPUT', `Session ${this.id} has been disposed`);
    if (this.generation !== this.host.engine.generation) this.host.rebuildAll();
  }

  async call(name: string, args: unknown = {}): Promise<ToolResult> {
    return this.callSync(name, args);
  }

  async callJson(name: string, args: unknown = {}): Promise<string> {
    const answer = this.invoke(name, args);
    return typeof answer === 'string' ? answer : JSON.stringify(answer);
  }

  /** The synchronous core of `call` (the engines are synchronous). */
  callSync(name: string, args: unknown = {}): ToolResult {
    const answer = this.invoke(name, args);
    return typeof answer === 'string' ? (JSON.parse(answer) as ToolResult) : answer;
  }

  /**
   * Runs one call: the tool's answer as JSON text when it ran to the end (whatever it returned), or the
   * failure result the host made (unknown tool, invalid arguments, a resource limit).
   */
  private invoke(name: string, args: unknown): string | ToolResult {
    this.ensureLive();
    const tool = this.host.toolIndex.get(name);
    if (tool === undefined) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_TOOL',
          message: `Unknown tool '${name}'. Available tools: ${this.host.toolList}`,
        },
      };
    }
    const issues = tool.validate(args);
    if (issues.length > 0) {
      const list = issues.map((i) => `${i.path.replace(/^\$/, 'arguments')} ${i.message}`).join('; ');
      return {
        ok: false,
        error: { code: 'INVALID_ARGUMENTS', message: `Invalid arguments for tool '${name}': ${list}` },
      };
    }
    const argsJson = JSON.stringify(args);
    const now = this.host.now();
    this.calls++;
    const outcome = this.host.engine.call(this.id, name, argsJson, now);
    if (outcome.status === 'ok') {
      const journal = this.journal;
      journal.names.push(tool.spec.name);
      journal.args.push(argsJson);
      journal.nows.push(now);
      return outcome.json;
    }
    if (outcome.status === 'rollback') this.rebuild();
    else this.host.rebuildAll();
    return outcome.result;
  }

  async snapshot(): Promise<unknown> {
    this.ensureLive();
    return JSON.parse(this.host.engine.snapshot(this.id));
  }

  async publicState(): Promise<unknown> {
    return JSON.parse(await this.publicStateJson());
  }

  async publicStateJson(): Promise<string> {
    this.ensureLive();
    return this.host.engine.publicState(this.id);
  }

  async restore(state: unknown): Promise<void> {
    this.ensureLive();
    const json = JSON.stringify(state);
    if (json === undefined)
      throw new EnvscalerError('INVALID_INPUT', 'restore(state): state must be JSON data');
    const previous = this.start;
    this.host.engine.close(this.id);
    this.start = { kind: 'state', json, seed: previous.seed, now: this.host.now() };
    this.journal = { names: [], args: [], nows: [] };
    if (previous.kind === 'base') this.host.releaseBase(previous.baseId);
    this.openFresh();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.generation === this.host.engine.generation) this.host.engine.close(this.id);
    if (this.start.kind === 'base') this.host.releaseBase(this.start.baseId);
    this.host.forget(this);
  }
}
