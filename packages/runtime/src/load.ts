// loadEnvironment and the loaded environment it returns: compiling, the sandbox engine, shared base
// states and the sessions' host (reading an environment's files is describe.ts). A little over 400 lines
// because the loaded environment is one class: its base-state bookkeeping and session creation share
// private maps that splitting would have to expose.
import {
  EnvscalerError,
  compileSchema,
  createAjv,
  parseEnvironmentPackage,
  type EnvironmentPackage,
  type JsonSchema,
  type SchemaValidator,
  type ToolSpec,
} from '@envscaler/core';
import { coreEnvironmentBody, factoryExpression, transpileModuleBody } from './compile.js';
import type { Engine, ResolvedLimits } from './sandbox/engine.js';
import { InProcessEngine } from './sandbox/in-process-engine.js';
import { IsolateEngine } from './sandbox/isolate-engine.js';
import { deriveEnvironmentSchema } from './schema/derive.js';
import { describe, kebab } from './describe.js';
import { withDigest } from './digest.js';
import { Session, type EnvironmentSession, type JournalStart, type SessionHost } from './session.js';

export type SandboxKind = 'isolated-vm' | 'none';

export interface RuntimeLimits {
  /**
   * Wall-clock limit of one tool call (and of `fromConfig`/`publicState`), ms. Default 1000. A tool call
   * is stopped after at least this long and at most a tenth (up to 100 ms) longer: deadlines are rounded
   * up to a grid so the sandbox's timer thread can drop finished calls' timers in bulk.
   */
  callTimeoutMs?: number;
  /**
   * Heap limit of the environment's isolate (base states plus all its sessions), MiB. Default 512.
   * isolated-vm sizes the isolate's young generation from it (2 MiB at 128, 16 MiB from 512 up), and a
   * small young generation makes allocation-heavy tools and large states markedly slower.
   */
  memoryMb?: number;
}

interface CommonLoadOptions {
  /** Default 'isolated-vm'. 'none' runs the code in-process: only for trusted code. */
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
  /** Fail on TypeScript type errors too (slower; syntax errors always fail). Default false. */
  typecheck?: boolean;
}

/** Where the environment comes from: TypeScript source, a directory, or an environment package. */
export type LoadEnvironmentOptions = CommonLoadOptions &
  ({ source: string; className?: string; id?: string } | { dir: string } | { package: EnvironmentPackage });

export type CreateSessionOptions =
  | { initialState: unknown; seed?: number }
  | { initialStateJson: string; seed?: number }
  | { config: unknown; seed?: number };

/** An environment compiled and running in its sandbox, ready to host many sessions. */
export interface LoadedEnvironment {
  readonly id: string;
  readonly className: string;
  readonly topic: string;
  readonly summary: string;
  readonly introduction: string;
  readonly rules: string[];
  readonly tools: ToolSpec[];
  readonly stateSchema: JsonSchema;
  readonly initialization: 'state' | 'config';
  readonly sandbox: SandboxKind;
  readonly limits: Readonly<Required<RuntimeLimits>>;
  /** True when the class defines a static `publicState(state)`. */
  readonly hasPublicState: boolean;
  readonly source: string;
  toPackage(): EnvironmentPackage;
  /**
   * A new private world. `initialState` is deep-copied (never mutated) and, as an object, cached by
   * identity and by its JSON text as a shared read-only base that sessions overlay copy-on-write: treat
   * an object passed as `initialState` as read-only afterwards. `initialStateJson` is the state as JSON
   * text, parsed inside the sandbox into a world of the session's own (never cached or shared; invalid
   * JSON is an INVALID_INPUT error). `config` goes through the class's static `fromConfig(config)`.
   */
  createSession(options: CreateSessionOptions): Promise<EnvironmentSession>;
  /** Number of live sessions. */
  readonly sessionCount: number;
  dispose(): void;
}

function resolveLimits(limits: RuntimeLimits | undefined): ResolvedLimits {
  const callTimeoutMs = limits?.callTimeoutMs ?? 1000;
  const memoryMb = limits?.memoryMb ?? 512;
  if (!(Number.isFinite(callTimeoutMs) && callTimeoutMs > 0)) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `limits.callTimeoutMs must be a positive number, got ${callTimeoutMs}`,
    );
  }
  if (!(Number.isFinite(memoryMb) && memoryMb >= 8)) {
    throw new EnvscalerError('INVALID_INPUT', `limits.memoryMb must be at least 8, got ${memoryMb}`);
  }
  return { callTimeoutMs, memoryMb };
}

const validatorCache = new Map<string, SchemaValidator>();
const sharedAjv = createAjv();
function validatorFor(schema: JsonSchema): SchemaValidator {
  const key = JSON.stringify(schema);
  let v = validatorCache.get(key);
  if (!v) {
    v = compileSchema(schema, sharedAjv);
    validatorCache.set(key, v);
  }
  return v;
}

/**
 * Compiles an environment module, loads it into its sandbox and returns a handle that creates sessions.
 * Errors: ENVIRONMENT_LOAD_FAILED (does not compile, throws on load, no/ambiguous Environment class),
 * NOT_FOUND (missing files), INVALID_ARTIFACT / INVALID_INPUT (bad env.json / meta.json / options).
 */
export async function loadEnvironment(options: LoadEnvironmentOptions): Promise<LoadedEnvironment> {
  const sandbox = options.sandbox ?? 'isolated-vm';
  if (sandbox !== 'isolated-vm' && sandbox !== 'none') {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `sandbox must be 'isolated-vm' or 'none', got '${String(sandbox)}'`,
    );
  }
  const limits = resolveLimits(options.limits);
  const desc = await describe(options);
  const envBody = await transpileModuleBody({ source: desc.source, fileName: desc.fileName });
  let derived: Awaited<ReturnType<typeof deriveEnvironmentSchema>> | undefined;
  if (desc.tools === undefined || options.typecheck) {
    derived = await deriveEnvironmentSchema({
      source: desc.source,
      className: desc.className,
      fileName: desc.fileName,
      typecheck: options.typecheck,
    });
  }
  const coreFactory = factoryExpression(await coreEnvironmentBody());
  const envFactory = factoryExpression(envBody);
  const className = desc.className ?? derived?.className ?? null;
  const engine: Engine =
    sandbox === 'none'
      ? new InProcessEngine({ coreFactory, envFactory, className })
      : await IsolateEngine.create({ coreFactory, envFactory, className, limits });
  try {
    const tools = desc.tools ?? derived!.tools;
    for (const tool of tools) {
      if (!engine.info.methods.includes(tool.name)) {
        throw new EnvscalerError(
          'ENVIRONMENT_LOAD_FAILED',
          `Tool '${tool.name}' is not a method of ${engine.info.className}`,
        );
      }
    }
    const resolvedClass = engine.info.className;
    return new RuntimeEnvironment({
      engine,
      sandbox,
      limits,
      id: desc.id || kebab(resolvedClass),
      className: resolvedClass,
      topic: desc.topic ?? resolvedClass,
      summary: desc.summary ?? derived?.description.split('\n')[0] ?? '',
      introduction: desc.introduction ?? derived?.description ?? '',
      rules: desc.rules,
      tools,
      stateSchema: desc.stateSchema ?? derived!.stateSchema,
      initialization: desc.initialization ?? (engine.info.hasFromConfig ? 'config' : 'state'),
      hasPublicState: engine.info.hasPublicState,
      source: desc.source,
      provenance: withDigest(desc.provenance, {
        source: desc.source,
        tools,
        stateSchema: desc.stateSchema ?? derived!.stateSchema,
      }),
    });
  } catch (error) {
    engine.dispose();
    throw error;
  }
}

interface BaseEntry {
  json: string;
  refs: number;
  lastUsed: number;
}

/** How many unreferenced base states an environment keeps loaded for reuse. */
const IDLE_BASES = 4;

class RuntimeEnvironment implements LoadedEnvironment, SessionHost {
  readonly engine: Engine;
  readonly sandbox: SandboxKind;
  readonly limits: Readonly<Required<RuntimeLimits>>;
  readonly id: string;
  readonly className: string;
  readonly topic: string;
  readonly summary: string;
  readonly introduction: string;
  readonly rules: string[];
  readonly tools: ToolSpec[];
  readonly stateSchema: JsonSchema;
  readonly initialization: 'state' | 'config';
  readonly hasPublicState: boolean;
  readonly source: string;
  readonly toolIndex: Map<string, { spec: ToolSpec; validate: SchemaValidator }>;
  readonly toolList: string;
  readonly now = Date.now;
  private readonly provenance: EnvironmentPackage['provenance'];
  private readonly sessions = new Set<Session>();
  private readonly bases = new Map<string, BaseEntry>();
  private readonly baseByIdentity = new WeakMap<object, string>();
  /**
   * Base ids by the length of their JSON text. A lookup compares the text with the few bases of the same
   * length (exact, and a differing text usually stops at its first characters); hashing a megabyte of
   * text would cost more than that.
   */
  private readonly baseByLength = new Map<number, string[]>();
  private nextBaseId = 1;
  private useCounter = 0;
  private disposed = false;

  constructor(init: {
    engine: Engine;
    sandbox: SandboxKind;
    limits: ResolvedLimits;
    id: string;
    className: string;
    topic: string;
    summary: string;
    introduction: string;
    rules: string[];
    tools: ToolSpec[];
    stateSchema: JsonSchema;
    initialization: 'state' | 'config';
    hasPublicState: boolean;
    source: string;
    provenance: EnvironmentPackage['provenance'];
  }) {
    this.engine = init.engine;
    this.sandbox = init.sandbox;
    this.limits = init.limits;
    this.id = init.id;
    this.className = init.className;
    this.topic = init.topic;
    this.summary = init.summary;
    this.introduction = init.introduction;
    this.rules = init.rules;
    this.tools = init.tools;
    this.stateSchema = init.stateSchema;
    this.initialization = init.initialization;
    this.hasPublicState = init.hasPublicState;
    this.source = init.source;
    this.provenance = init.provenance;
    this.toolIndex = new Map(
      this.tools.map((spec) => [spec.name, { spec, validate: validatorFor(spec.parameters) }]),
    );
    this.toolList = this.tools.map((t) => t.name).join(', ');
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  toPackage(): EnvironmentPackage {
    return parseEnvironmentPackage(
      structuredClone({
        schemaVersion: 1,
        id: this.id,
        className: this.className,
        topic: this.topic,
        summary: this.summary,
        introduction: this.introduction,
        rules: this.rules,
        stateSchema: this.stateSchema,
        tools: this.tools,
        source: this.source,
        initialization: this.initialization,
        provenance: this.provenance,
      }),
      `environment ${this.id}`,
    );
  }

  async createSession(options: CreateSessionOptions): Promise<EnvironmentSession> {
    return this.createSessionSync(options);
  }

  /** Synchronous core of `createSession`. */
  createSessionSync(options: CreateSessionOptions): Session {
    if (this.disposed) throw new EnvscalerError('INVALID_INPUT', `Environment ${this.id} has been disposed`);
    if (options === null || typeof options !== 'object') {
      throw new EnvscalerError('INVALID_INPUT', 'createSession needs { initialState } or { config }');
    }
    const seed = options.seed ?? 1;
    const now = this.now();
    let start: JournalStart;
    if ('config' in options) {
      if (!this.engine.info.hasFromConfig) {
        throw new EnvscalerError(
          'INVALID_INPUT',
          `${this.className} has no static fromConfig(config); pass { initialState }`,
        );
      }
      const json = JSON.stringify(options.config);
      if (json === undefined)
        throw new EnvscalerError('INVALID_INPUT', 'createSession: config must be JSON data');
      start = { kind: 'config', json, seed, now };
    } else if ('initialStateJson' in options) {
      const json = options.initialStateJson;
      if (typeof json !== 'string')
        throw new EnvscalerError('INVALID_INPUT', 'createSession: initialStateJson must be JSON text');
      start = { kind: 'state', json, seed, now };
    } else if ('initialState' in options) {
      const state = options.initialState;
      if (state !== null && typeof state === 'object') {
        const baseId = this.baseFor(state);
        this.bases.get(baseId)!.refs++;
        start = { kind: 'base', baseId, seed, now };
      } else {
        const json = JSON.stringify(state);
        if (json === undefined)
          throw new EnvscalerError('INVALID_INPUT', 'createSession: initialState must be JSON data');
        start = { kind: 'state', json, seed, now };
      }
    } else {
      throw new EnvscalerError(
        'INVALID_INPUT',
        'createSession needs { initialState }, { initialStateJson } or { config }',
      );
    }
    let session: Session;
    try {
      session = new Session(this, start);
    } catch (error) {
      if (start.kind === 'base') this.releaseBase(start.baseId);
      throw error;
    }
    this.sessions.add(session);
    return session;
  }

  /** The id of the shared base for a state object: by identity, else by its JSON text. */
  private baseFor(state: object): string {
    const known = this.baseByIdentity.get(state);
    if (known !== undefined) {
      const entry = this.bases.get(known);
      if (entry) {
        entry.lastUsed = ++this.useCounter;
        return known;
      }
    }
    const json = JSON.stringify(state) as string | undefined;
    if (json === undefined)
      throw new EnvscalerError('INVALID_INPUT', 'createSession: initialState must be JSON data');
    const sameLength = this.baseByLength.get(json.length);
    let id = sameLength?.find((candidate) => this.bases.get(candidate)?.json === json);
    if (id !== undefined) this.bases.get(id)!.lastUsed = ++this.useCounter;
    else {
      id = `b${this.nextBaseId++}`;
      this.bases.set(id, { json, refs: 0, lastUsed: ++this.useCounter });
      if (sameLength) sameLength.push(id);
      else this.baseByLength.set(json.length, [id]);
    }
    this.baseByIdentity.set(state, id);
    return id;
  }

  ensureBase(baseId: string): void {
    const entry = this.bases.get(baseId);
    if (!entry) throw new EnvscalerError('INTERNAL', `Base state ${baseId} is not registered`);
    if (!this.engine.hasBase(baseId)) this.engine.addBase(baseId, entry.json);
  }

  releaseBase(baseId: string): void {
    const entry = this.bases.get(baseId);
    if (!entry) return;
    entry.refs--;
    const idle = [...this.bases.entries()]
      .filter(([, e]) => e.refs <= 0)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    while (idle.length > IDLE_BASES) {
      const [id, dropped] = idle.shift()!;
      this.bases.delete(id);
      const sameLength = this.baseByLength.get(dropped.json.length)?.filter((other) => other !== id) ?? [];
      if (sameLength.length > 0) this.baseByLength.set(dropped.json.length, sameLength);
      else this.baseByLength.delete(dropped.json.length);
      if (!this.disposed) this.engine.dropBase(id);
    }
  }

  rebuildAll(): void {
    for (const session of this.sessions) session.rebuild();
  }

  forget(session: Session): void {
    this.sessions.delete(session);
  }

  dispose(): void {
    if (this.disposed) return;
    for (const session of [...this.sessions]) session.dispose();
    this.disposed = true;
    this.engine.dispose();
  }
}
