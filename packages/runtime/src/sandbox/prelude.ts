/* eslint-disable @typescript-eslint/no-explicit-any -- this code handles arbitrary environment values */
// Long because `createSandboxApi` is injected into the isolate as its own text: it may reference nothing
// outside its body, so the overlay, the JSON copy and the session machinery cannot move to other modules.

/**
 * A CommonJS module body: `function (exports, require, module) { …transpiled module… }`.
 */
export type ModuleFactory = (
  exports: any,
  require: (name: string) => unknown,
  module: { exports: any },
) => void;

/** What `load` reports about the environment class it found. */
export interface LoadedClassInfo {
  className: string;
  methods: string[];
  hasFromConfig: boolean;
  hasPublicState: boolean;
}

/**
 * The machinery that runs next to environment code. In the isolated-vm sandbox it is injected as text
 * (`createSandboxApi.toString()`), so the function must stay self-contained: it may reference nothing
 * outside its own body. With `sandbox: 'none'` the host calls it directly, so both modes share every
 * line of session, copy-on-write and error-classification logic.
 *
 * All inputs and outputs are strings and numbers, which is what crosses the isolate boundary cheaply.
 */
export interface SandboxApi {
  /** Registers the `@envscaler/core` module: source of a `ModuleFactory` expression. */
  defineCore(factorySource: string): void;
  /**
   * Sandbox only, after `defineCore` and before `load`: freezes every intrinsic reachable from the global
   * object (and the core module), so environment code can neither break this machinery nor pass
   * state between sessions through patched built-ins.
   */
  lockdown(): void;
  /** Evaluates the environment module (source of a `ModuleFactory`); returns JSON of `LoadedClassInfo`. */
  load(factorySource: string, className: string | null): string;
  /** Makes a base state available to sessions; `state` is JSON text (or, in-process, a private object). */
  addBase(id: string, state: unknown): void;
  dropBase(id: string): void;
  /**
   * Opens a session: kind `base` (payload: a base id; the session is a copy-on-write overlay over it),
   * `state` (payload: JSON text of a full state) or `config` (payload: JSON text handed to `fromConfig`).
   */
  open(sid: number, kind: 'base' | 'state' | 'config', payload: string, seed: number, now: number): void;
  /**
   * Calls one tool. Returns the result's JSON text (`{…}`, including a tool that threw) or `L<json>`
   * for a resource-limit failure the host must roll back (stack overflow, refused allocation).
   */
  call(sid: number, name: string, argsJson: string, now: number): string;
  /** `call` with its arguments in one string, `${sid}\n${name}\n${now}\n${argsJson}` (the isolate's hot path). */
  callPacked(packed: string): string;
  /** Re-runs journal entries `[[name, argsJson, now], …]` after a rebuild; results are dropped. */
  replay(sid: number, entriesJson: string): void;
  snapshot(sid: number): string;
  publicState(sid: number): string;
  close(sid: number): void;
}

/** A shared base state and the JSON texts printed of its untouched nodes (see `printed`). */
interface BaseEntry {
  state: unknown;
  texts: WeakMap<object, string>;
  /** Characters of text still to keep. */
  room: number;
}

export function createSandboxApi(g: any, hardened: boolean): SandboxApi {
  const hasOwn = Object.prototype.hasOwnProperty;
  const isArray = Array.isArray;
  const modules: Record<string, unknown> = {};
  const bases = new Map<string, BaseEntry>();
  const sessions = new Map<number, any>();
  let EnvironmentBase: any = null;
  let Cls: any = null;
  let methods: string[] = [];
  let methodSet = new Set<string>();
  // The session whose code is running: Math.random and Date read their deterministic values from it.
  let current: any = null;
  const nativeStringify = JSON.stringify;
  /** Sandbox only: every overlay proxy's node, for the JSON.stringify below. */
  const overlayNodes = hardened ? new WeakMap<object, any>() : null;

  // ---------------------------------------------------------------- deterministic, closed globals
  if (hardened) {
    const RealDate = g.Date;
    const nowOf = () => (current === null ? 0 : current.now);
    const SandboxDate: any = function (this: unknown, ...args: unknown[]) {
      if (!new.target) return new RealDate(nowOf()).toString();
      return Reflect.construct(RealDate, args.length === 0 ? [nowOf()] : args, new.target);
    };
    SandboxDate.prototype = RealDate.prototype;
    SandboxDate.now = nowOf;
    SandboxDate.parse = RealDate.parse;
    SandboxDate.UTC = RealDate.UTC;
    Object.defineProperty(RealDate.prototype, 'constructor', {
      value: SandboxDate,
      writable: true,
      configurable: true,
    });
    g.Date = SandboxDate;
    g.Math.random = () => (current === null ? 0.5 : nextRandom(current));
    // Nothing that reaches outside, waits, or observes garbage collection.
    for (const name of [
      'console',
      'SharedArrayBuffer',
      'Atomics',
      'WebAssembly',
      'WeakRef',
      'FinalizationRegistry',
    ]) {
      delete g[name];
    }
    const quiet = () => undefined;
    g.console = { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet, trace: quiet };
    // Environments copy records with JSON.parse(JSON.stringify(x)). A shared base is never written, so
    // the text of one of its untouched nodes never changes: print it once per base and node (see
    // `printed`). Same text as the native call, which is what every other value gets.
    g.JSON.stringify = function stringify(value: unknown, replacer?: unknown, space?: unknown) {
      if (typeof value === 'object' && value !== null && replacer == null && space === undefined) {
        const node = overlayNodes!.get(value);
        const text = node === undefined ? undefined : node.printed();
        if (text !== undefined) return text;
      }
      return nativeStringify(value, replacer as never, space as never);
    };
  }

  /** Writes a data property even where the prototype chain has an accessor or a frozen property. */
  function assign(obj: any, key: string | symbol, value: unknown): void {
    if (key in obj && !hasOwn.call(obj, key)) {
      Reflect.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    } else obj[key] = value;
  }

  const objectProto = Object.prototype;
  const arraySlice = Array.prototype.slice;
  const viaText = (v: unknown): unknown => {
    const text = nativeStringify(v);
    return text === undefined ? undefined : JSON.parse(text);
  };
  /**
   * A private copy of JSON data equal to `JSON.parse(JSON.stringify(v))` (undefined, functions and
   * symbols dropped from objects and null in arrays, non-finite numbers null, -0 as 0) without printing
   * and parsing the text in between. Anything else (a toJSON method, as on overlay proxies and Dates, a
   * prototype other than Object's, nesting deeper than 512) takes the text way, errors included.
   */
  function jsonClone(root: unknown): unknown {
    const clone = (v: any, depth: number): any => {
      if (typeof v !== 'object' || v === null) {
        if (typeof v === 'number') return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
        if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
        return viaText(v); // bigint: throws as JSON.stringify does
      }
      if (depth > 512 || typeof v.toJSON === 'function') return viaText(v);
      if (isArray(v)) {
        const n = v.length;
        // An array of strings, booleans and finite numbers other than -0 (a PRNG state, a price list) is
        // copied whole. `e - e !== 0` is true for NaN and ±Infinity only; this loop runs over every word of
        // a PRNG state at each publicState, and this form of the test takes half the time of isFinite.
        let flat = true;
        for (let i = 0; i < n; i++) {
          const e = v[i];
          if (typeof e === 'number') {
            if (e - e !== 0 || (e === 0 && 1 / e < 0)) {
              flat = false;
              break;
            }
          } else if (typeof e !== 'string' && typeof e !== 'boolean') {
            flat = false;
            break;
          }
        }
        if (flat) return arraySlice.call(v);
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) {
          const c = clone(v[i], depth + 1);
          out.push(c === undefined ? null : c);
        }
        return out;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== objectProto && proto !== null) return viaText(v);
      const out: any = {};
      for (const key of Object.keys(v)) {
        const c = clone(v[key], depth + 1);
        if (c === undefined) continue;
        // JSON.parse defines keys such as 'constructor' or '__proto__' as own data properties too
        if (key in objectProto)
          Reflect.defineProperty(out, key, {
            value: c,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        else out[key] = c;
      }
      return out;
    };
    return clone(root, 0);
  }

  function freezeReachable(roots: unknown[]): void {
    const seen = new Set<object>();
    const stack = roots.slice();
    while (stack.length > 0) {
      const o = stack.pop();
      if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
      seen.add(o);
      for (const key of Reflect.ownKeys(o)) {
        const d = Reflect.getOwnPropertyDescriptor(o, key);
        if (d === undefined) continue;
        if ('value' in d) stack.push(d.value);
        else stack.push(d.get, d.set);
      }
      stack.push(Object.getPrototypeOf(o));
    }
    // Object.freeze, not a property-by-property equivalent: redefining Array.prototype.constructor or
    // [Symbol.iterator] one by one would switch off V8's fast paths for slice, map, spread and Array.from
    // (50-100× slower), which freezing keeps. (Either way a store to a new array index is slower in a
    // frozen realm, hence push rather than a[i] = x where it matters.)
    for (const o of seen) Object.freeze(o);
  }

  /** sfc32: a small, fast PRNG whose whole state lives in the session, so replays repeat it. */
  function nextRandom(s: any): number {
    const r = s.rng as number[];
    let a = r[0]! | 0,
      b = r[1]! | 0,
      c = r[2]! | 0,
      d = r[3]! | 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    r[0] = a;
    r[1] = b;
    r[2] = c;
    r[3] = d;
    return (t >>> 0) / 4294967296;
  }

  // ---------------------------------------------------------------- copy-on-write overlay
  /**
   * One overlay per session. `wrap(base)` returns a proxy that reads through to `base` (shared, never
   * written) and, on the first write to a node, shallow-copies just that node into the session. Children
   * read from an uncopied node, or from keys of a copy the session never wrote, are base objects and are
   * wrapped in turn; keys the session wrote hold its own values (plain objects or its proxies).
   */
  function createOverlay(entry: BaseEntry) {
    const proxyOf = new WeakMap<object, any>(); // base node -> proxy
    const nodeOf = new WeakMap<object, Node>(); // proxy -> node

    class Node {
      base: any;
      copy: any = null;
      owned: Set<string | symbol> | null = null;
      kids: (string | symbol)[] | null = null;
      arr: boolean;
      json: (() => unknown) | null = null;
      constructor(base: any) {
        this.base = base;
        this.arr = isArray(base);
      }
      child(key: string | symbol, v: any): any {
        let p = proxyOf.get(v);
        if (p === undefined) {
          p = wrap(v);
          if (this.copy === null) (this.kids ??= []).push(key);
        }
        return p;
      }
      get(_t: unknown, key: string | symbol): any {
        const src = this.copy ?? this.base;
        const v = src[key];
        if (typeof v !== 'object' || v === null) {
          // JSON.stringify(proxy) asks for toJSON first: hand it the materialised value so the native
          // serialiser runs instead of three proxy traps per key. Base objects in it are frozen first.
          if (v === undefined && key === 'toJSON') return (this.json ??= () => materializeNode(this, true));
          return v;
        }
        if (this.owned !== null && this.owned.has(key)) return v;
        if (!hasOwn.call(src, key)) return v;
        return this.child(key, v);
      }
      /**
       * The node's JSON text while it is still the base's own value (nothing under it written), which
       * cannot change: printed once, then kept while the base entry's `room` lasts. Otherwise undefined, and
       * JSON.stringify prints the node as before.
       */
      printed(): string | undefined {
        if (this.copy !== null || materializeNode(this) !== this.base) return undefined;
        let text = entry.texts.get(this.base);
        if (text === undefined) {
          text = nativeStringify(this.base) as string;
          if (text.length <= entry.room) {
            entry.room -= text.length;
            entry.texts.set(this.base, text);
          }
        }
        return text;
      }
      own(): any {
        if (this.copy === null) this.copy = this.arr ? this.base.slice() : { ...this.base };
        return this.copy;
      }
      set(_t: unknown, key: string | symbol, value: any): boolean {
        const copy = this.own();
        if (typeof value === 'object' && value !== null) (this.owned ??= new Set()).add(key);
        assign(copy, key, value);
        return true;
      }
      deleteProperty(_t: unknown, key: string | symbol): boolean {
        const copy = this.own();
        this.owned?.delete(key);
        return delete copy[key];
      }
      has(_t: unknown, key: string | symbol): boolean {
        return key in (this.copy ?? this.base);
      }
      ownKeys(): (string | symbol)[] {
        return Reflect.ownKeys(this.copy ?? this.base);
      }
      getOwnPropertyDescriptor(_t: unknown, key: string | symbol): PropertyDescriptor | undefined {
        const src = this.copy ?? this.base;
        const d = Reflect.getOwnPropertyDescriptor(src, key);
        if (d === undefined) return undefined;
        if (this.arr && key === 'length')
          return { value: src.length, writable: true, enumerable: false, configurable: false };
        return { value: this.get(null, key), writable: true, enumerable: d.enumerable, configurable: true };
      }
      defineProperty(_t: unknown, key: string | symbol, desc: PropertyDescriptor): boolean {
        const copy = this.own();
        if (typeof desc.value === 'object' && desc.value !== null) (this.owned ??= new Set()).add(key);
        if (this.arr && key === 'length') return Reflect.defineProperty(copy, key, { value: desc.value });
        return Reflect.defineProperty(copy, key, { ...desc, configurable: true });
      }
      preventExtensions(): boolean {
        return false; // freezing the world is not supported: the overlay must stay writable
      }
      setPrototypeOf(): boolean {
        return false;
      }
    }

    function wrap(base: object): any {
      const node = new Node(base);
      const proxy = new Proxy(node.arr ? [] : {}, node as ProxyHandler<object>);
      proxyOf.set(base, proxy);
      nodeOf.set(proxy, node);
      overlayNodes?.set(proxy, node);
      return proxy;
    }

    const active = new Set<object>();

    /** Freezes a shared base subtree before it is handed to environment code (stops at frozen nodes). */
    function freezeBase(v: any): any {
      if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
      Object.freeze(v);
      for (const key of Object.keys(v)) freezeBase(v[key]);
      return v;
    }

    /**
     * The node's current value as plain data; untouched subtrees are the base objects themselves
     * (frozen first when `freeze`, i.e. when the value goes back to environment code).
     */
    function materializeNode(node: Node, freeze = false): any {
      if (node.copy === null) {
        const kids = node.kids;
        if (kids === null) return freeze ? freezeBase(node.base) : node.base;
        let out: any = null;
        for (let i = 0; i < kids.length; i++) {
          const key = kids[i]!;
          const before = node.base[key];
          const after = materializeNode(nodeOf.get(proxyOf.get(before))!, freeze);
          if (after !== before) {
            out ??= node.arr ? node.base.slice() : { ...node.base };
            assign(out, key, after);
          }
        }
        if (out === null) return freeze ? freezeBase(node.base) : node.base;
        if (freeze) for (const key of Object.keys(out)) if (!kids.includes(key)) freezeBase(out[key]);
        return out;
      }
      const copy = node.copy;
      const out: any = node.arr ? new Array(copy.length) : {};
      for (const key of Object.keys(copy)) {
        const v = copy[key];
        if (typeof v !== 'object' || v === null) assign(out, key, v);
        else if (node.owned !== null && node.owned.has(key)) assign(out, key, materialize(v, freeze));
        else {
          const p = proxyOf.get(v);
          assign(
            out,
            key,
            p === undefined ? (freeze ? freezeBase(v) : v) : materializeNode(nodeOf.get(p)!, freeze),
          );
        }
      }
      return out;
    }

    /** Any value the environment holds, as plain JSON-ready data (shares untouched base objects). */
    function materialize(v: any, freeze = false): any {
      if (typeof v !== 'object' || v === null) return v;
      const node = nodeOf.get(v);
      if (active.has(v)) throw new TypeError('Converting circular structure to JSON');
      active.add(v);
      try {
        if (node !== undefined) return materializeNode(node, freeze);
        if (isArray(v)) {
          let out: any[] | null = null;
          for (let i = 0; i < v.length; i++) {
            const m = materialize(v[i], freeze);
            if (m !== v[i]) {
              out ??= v.slice();
              out[i] = m;
            }
          }
          return out ?? v;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return v; // Date, Map…: JSON.stringify decides
        let out: any = null;
        for (const key of Object.keys(v)) {
          const m = materialize(v[key], freeze);
          if (m !== v[key]) {
            out ??= { ...v };
            assign(out, key, m);
          }
        }
        return out ?? v;
      } finally {
        active.delete(v);
      }
    }

    return { wrap, materialize };
  }

  // ---------------------------------------------------------------- modules and sessions
  function requireModule(name: string): unknown {
    if (hasOwn.call(modules, name)) return modules[name];
    throw new Error(`Cannot import '${name}' in an environment: only '@envscaler/core' is available`);
  }

  function evaluate(factorySource: string): any {
    // Indirect eval: global scope, so the module sees the (hardened) globals and none of this closure.
    const factory = (0, eval)(factorySource) as ModuleFactory;
    const module = { exports: {} as any };
    factory(module.exports, requireModule, module);
    return module.exports;
  }

  function isEnvironmentClass(v: unknown): boolean {
    return (
      typeof v === 'function' && v !== EnvironmentBase && (v as any).prototype instanceof EnvironmentBase
    );
  }

  function session(sid: number): any {
    const s = sessions.get(sid);
    if (s === undefined) throw new Error(`No session ${sid} in the sandbox`);
    return s;
  }

  function runTool(s: any, name: string, args: unknown): any {
    const method = methodSet.has(name) ? s.inst[name] : undefined;
    if (typeof method !== 'function') {
      return { ok: false, error: { code: 'UNKNOWN_TOOL', message: `Unknown tool '${name}'` } };
    }
    const r = method.call(s.inst, args);
    if (r !== null && typeof r === 'object' && typeof r.then === 'function') {
      return {
        ok: false,
        error: {
          code: 'INVALID_RESULT',
          message: `Tool '${name}' returned a Promise; tools must be synchronous`,
        },
      };
    }
    if (r !== null && typeof r === 'object' && r.ok === true)
      return { ok: true, data: r.data === undefined ? null : r.data };
    if (
      r !== null &&
      typeof r === 'object' &&
      r.ok === false &&
      r.error !== null &&
      typeof r.error === 'object'
    ) {
      return { ok: false, error: { code: String(r.error.code), message: String(r.error.message) } };
    }
    return { ok: true, data: r === undefined ? null : r };
  }

  function messageOf(e: unknown): string {
    try {
      if (e !== null && typeof e === 'object' && typeof (e as any).message === 'string')
        return (e as any).message;
      return String(e);
    } catch {
      return 'a value that cannot be printed was thrown';
    }
  }

  function isStackOverflow(e: unknown): boolean {
    try {
      return e instanceof RangeError && /call stack size/i.test(e.message);
    } catch {
      return false;
    }
  }

  function isAllocationFailure(e: unknown): boolean {
    try {
      return e instanceof RangeError && /allocation failed/i.test(e.message);
    } catch {
      return false;
    }
  }

  const INVALID_STATE_JSON = 'the initial state is not valid JSON';
  /**
   * Only a shared base needs the copy-on-write overlay. A state parsed from text or built by
   * `fromConfig` belongs to this session alone, so its tools work on plain objects (`s.overlay` null).
   */
  function instantiate(s: any, kind: string, payload: string): void {
    let state: unknown;
    if (kind === 'base') {
      const base = bases.get(payload);
      if (base === undefined) throw new Error(`Unknown base state ${payload}`);
      s.overlay = createOverlay(base);
      state = s.overlay.wrap(base.state);
    } else if (kind === 'state') {
      try {
        state = JSON.parse(payload);
      } catch (e) {
        throw new SyntaxError(`${INVALID_STATE_JSON}: ${messageOf(e)}`);
      }
    } else {
      // The JSON copy detaches the state from anything fromConfig shared (module constants, its
      // argument) and leaves plain data only.
      const made = Cls.fromConfig(JSON.parse(payload));
      state = made !== null && typeof made === 'object' ? jsonClone(made) : made;
    }
    s.inst = new Cls(state);
  }

  /** The session's state as JSON text. */
  function stateText(s: any): string {
    const state = s.inst.state;
    return nativeStringify(s.overlay === null ? state : s.overlay.materialize(state)) ?? 'null';
  }

  function withSession<T>(s: any, now: number, fn: () => T): T {
    const previous = current;
    current = s;
    s.now = now;
    try {
      return fn();
    } finally {
      current = previous;
    }
  }

  function callTool(sid: number, name: string, argsJson: string, now: number): string {
    // The hot path: no closure, no walk over the result. JSON.stringify serialises overlay proxies
    // inside the result through their toJSON (the native serialiser over the materialised node).
    const s = session(sid);
    const previous = current;
    current = s;
    s.now = now;
    try {
      let result: unknown;
      try {
        result = runTool(s, name, JSON.parse(argsJson));
      } catch (e) {
        if (isAllocationFailure(e)) {
          return (
            'L' +
            nativeStringify({
              ok: false,
              error: {
                code: 'MEMORY_LIMIT',
                message: `Tool '${name}' exceeded the sandbox memory limit (an allocation was refused); the call was rolled back`,
              },
            })
          );
        }
        if (isStackOverflow(e)) {
          return (
            'L' +
            nativeStringify({
              ok: false,
              error: {
                code: 'STACK_OVERFLOW',
                message: `Tool '${name}' exceeded the maximum call stack size (runaway recursion); the call was rolled back`,
              },
            })
          );
        }
        result = { ok: false, error: { code: 'TOOL_THREW', message: messageOf(e) } };
      }
      try {
        return nativeStringify(result);
      } catch (e) {
        return nativeStringify({
          ok: false,
          error: {
            code: 'INVALID_RESULT',
            message: `Tool '${name}' returned a value that is not JSON: ${messageOf(e)}`,
          },
        });
      }
    } finally {
      current = previous;
    }
  }

  return {
    defineCore(factorySource) {
      const exports = evaluate(factorySource);
      EnvironmentBase = exports.Environment;
      modules['@envscaler/core'] = exports;
    },

    lockdown() {
      const proto = Object.getPrototypeOf;
      freezeReachable([
        g,
        modules,
        proto(function* () {}),
        proto(async function () {}),
        proto(async function* () {}),
        proto([][Symbol.iterator]()),
        proto(new Map()[Symbol.iterator]()),
        proto(new Set()[Symbol.iterator]()),
        proto(''[Symbol.iterator]()),
        proto(/x/[Symbol.matchAll]('x')),
        proto(Int8Array),
      ]);
    },

    load(factorySource, className) {
      const exports = evaluate(factorySource);
      let found: string[] = [];
      if (className !== null) {
        if (!isEnvironmentClass(exports[className])) {
          throw new Error(`The module does not export a class '${className}' extending Environment`);
        }
        found = [className];
      } else {
        found = Object.keys(exports).filter((k) => isEnvironmentClass(exports[k]));
        if (found.length !== 1) {
          throw new Error(
            found.length === 0
              ? 'The module exports no class extending Environment'
              : `The module exports ${found.length} classes extending Environment (${found.join(', ')}); name one`,
          );
        }
      }
      Cls = exports[found[0]!];
      const names = new Set<string>();
      for (
        let proto = Cls.prototype;
        proto !== null && proto !== EnvironmentBase.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        for (const key of Object.getOwnPropertyNames(proto)) {
          if (
            key !== 'constructor' &&
            typeof Object.getOwnPropertyDescriptor(proto, key)?.value === 'function'
          )
            names.add(key);
        }
      }
      methods = [...names];
      methodSet = new Set(methods);
      const info: LoadedClassInfo = {
        className: found[0]!,
        methods,
        hasFromConfig: typeof Cls.fromConfig === 'function',
        hasPublicState: typeof Cls.publicState === 'function',
      };
      return nativeStringify(info);
    },

    addBase(id, state) {
      // Texts kept for JSON.stringify may take up to twice the base's own text (none for an object).
      const text = typeof state === 'string';
      bases.set(id, {
        state: text ? JSON.parse(state) : state,
        texts: new WeakMap(),
        room: text ? 2 * state.length : 0,
      });
    },

    dropBase(id) {
      bases.delete(id);
    },

    open(sid, kind, payload, seed, now) {
      const s: any = {
        inst: null,
        overlay: null,
        rng: [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed | 0],
        now,
      };
      for (let i = 0; i < 12; i++) nextRandom(s);
      withSession(s, now, () => instantiate(s, kind, payload));
      sessions.set(sid, s);
    },

    call: callTool,

    callPacked(packed) {
      // `sid \n name \n now \n argsJson`: one string crosses instead of four values
      const a = packed.indexOf('\n');
      const b = packed.indexOf('\n', a + 1);
      const c = packed.indexOf('\n', b + 1);
      return callTool(
        +packed.slice(0, a),
        packed.slice(a + 1, b),
        packed.slice(c + 1),
        +packed.slice(b + 1, c),
      );
    },

    replay(sid, entriesJson) {
      const s = session(sid);
      const entries = JSON.parse(entriesJson) as [string, string, number][];
      for (const [name, argsJson, now] of entries) {
        withSession(s, now, () => {
          try {
            runTool(s, name, JSON.parse(argsJson));
          } catch {
            // the original call threw too; its partial effects are reproduced, its error was already reported
          }
        });
      }
    },

    snapshot(sid) {
      return stateText(session(sid));
    },

    publicState(sid) {
      const s = session(sid);
      return withSession(s, s.now, () => {
        if (typeof Cls.publicState !== 'function') return stateText(s);
        // publicState gets a private copy, plain data it may even modify: nothing it does reaches the
        // session's live objects or a shared base.
        const copy = s.overlay === null ? jsonClone(s.inst.state) : JSON.parse(stateText(s));
        return nativeStringify(Cls.publicState(copy)) ?? 'null';
      });
    },

    close(sid) {
      sessions.delete(sid);
    },
  };
}
