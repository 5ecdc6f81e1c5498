// Checklist checks: normalising and transpiling their source, and running them in either runner
// (isolated-vm, or node:vm for trusted code). Long because both runners share the wrapping, result
// interpretation and caches defined here, and each is one closure over its own isolate or context.
import { createHash } from 'node:crypto';
import vm from 'node:vm';
import ivm from 'isolated-vm';
import { ts } from 'ts-morph';
import { EnvscalerError } from '@envscaler/core';
import type { CheckResult } from '@envscaler/core';

/**
 * Check functions are TypeScript source of `(final: Readonly<State>, initial: Readonly<State>) => boolean`.
 *
 * Accepted forms (whitespace, comments and type annotations are free):
 *
 * 1. **Function expression** — the whole source is one expression: an arrow function
 *    `(final, initial) => final.orders['#W1'].status === 'cancelled'` (a block body is fine) or
 *    `function (final, initial) { ... }`. Parentheses around it and a trailing `;` are allowed.
 * 2. **Function declaration** — the source declares `function check(final, initial) { ... }`; other
 *    top-level helper declarations (functions, `const`s) may come before or after it. The function
 *    must be called `check`, unless it is the only function declared.
 *
 * Either form may take fewer parameters (e.g. only `final`). The function must return a boolean
 * synchronously; anything else (a Promise, `undefined`, a truthy object) fails the check.
 */
export type CheckSourceForm = 'expression' | 'declaration';

export interface NormalizedCheck {
  form: CheckSourceForm;
  /**
   * A TypeScript expression evaluating to the check function: the source itself (parenthesised) for
   * the expression form, an immediately-invoked block that declares and returns it otherwise. Used
   * both for running and for type-checking (`const c: (...) => boolean = <expression>;`).
   */
  expression: string;
}

/** Classifies a check's source and returns it as one expression; throws INVALID_ARTIFACT if neither form. */
export function normalizeCheckSource(source: string): NormalizedCheck {
  const file = parse(source);
  if (file.errors.length === 0) {
    const functions = file.statements.filter(ts.isFunctionDeclaration).filter((f) => f.name !== undefined);
    const named =
      functions.find((f) => f.name!.text === 'check') ?? (functions.length === 1 ? functions[0] : undefined);
    if (named) {
      return { form: 'declaration', expression: `(() => {\n${source}\nreturn ${named.name!.text};\n})()` };
    }
  }
  const text = source.trim().replace(/;\s*$/, '');
  // An anonymous `function (...) {}` only parses as an expression, so parse the parenthesised text.
  const asExpression = parse(`(${text}\n)`);
  if (asExpression.errors.length === 0 && asExpression.statements.length === 1) {
    const statement = asExpression.statements[0]!;
    if (ts.isExpressionStatement(statement)) {
      let expr: ts.Expression = statement.expression;
      while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
      if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
        return { form: 'expression', expression: `(${text}\n)` };
      }
    }
  }
  if (file.errors.length > 0) {
    throw invalid(`does not parse: ${ts.flattenDiagnosticMessageText(file.errors[0]!.messageText, ' ')}`);
  }
  throw invalid(
    'must be a function expression such as `(final, initial) => ...` or declare `function check(final, initial) { ... }`',
  );
}

function parse(text: string): { statements: readonly ts.Statement[]; errors: readonly ts.Diagnostic[] } {
  const file = ts.createSourceFile('check.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const errors = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return { statements: file.statements, errors };
}

function invalid(message: string): EnvscalerError {
  return new EnvscalerError('INVALID_ARTIFACT', `check source ${message}`);
}

const transpileCache = new Map<string, string>();

/**
 * Transpiles a check's source to a JavaScript expression (cached by source). Throws INVALID_ARTIFACT
 * when the source has neither accepted form.
 */
export function transpileCheck(source: string): string {
  const cached = transpileCache.get(source);
  if (cached !== undefined) return cached;
  const { expression } = normalizeCheckSource(source);
  const out = ts.transpileModule(`const __check = ${expression};`, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      removeComments: true,
      sourceMap: false,
    },
    reportDiagnostics: false,
  });
  const js = out.outputText.replace(/^export \{\};?\s*$/m, '').trim();
  if (transpileCache.size > 10_000) transpileCache.clear();
  transpileCache.set(source, js);
  return js;
}

export interface CheckSpec {
  id: string;
  source: string;
}

export interface CheckRunnerOptions {
  /**
   * 'isolated-vm' (default): checks run in a V8 isolate with no `process`, `require`, timers or I/O.
   * 'none': a `node:vm` context in this process — faster to start, NOT a security boundary; use only for
   * checks you trust (e.g. ones you wrote).
   */
  sandbox?: 'isolated-vm' | 'none';
  /** Per-check time limit (default 1000 ms). */
  timeoutMs?: number;
  /** Isolate heap limit (default 256 MB; isolated-vm only). Both states of a run must fit in it. */
  memoryMb?: number;
}

export interface CheckRunInput {
  checks: readonly CheckSpec[];
  initial: unknown;
  final: unknown;
}

export interface CheckRunner {
  /** Runs every check over deep-frozen copies of both states; never throws for a failing check. */
  run(input: CheckRunInput): Promise<CheckResult[]>;
  dispose(): void;
}

// Inside the sandbox: wrap one check so that the result crosses the boundary as a string.
function wrapCheck(js: string): string {
  return `(function () { 'use strict';
${js}
if (typeof __check !== 'function') return 'nonfunction:' + typeof __check;
const r = __check(globalThis.__final, globalThis.__initial);
return r === true ? 'true' : r === false ? 'false' : 'nonboolean:' + (r === null ? 'null' : typeof r);
})()`;
}

function interpret(id: string, raw: unknown): CheckResult {
  if (raw === 'true') return { id, passed: true };
  if (raw === 'false') return { id, passed: false };
  const text = String(raw);
  if (text.startsWith('nonfunction:'))
    return { id, passed: false, error: `check source is not a function (${text.slice(12)})` };
  return { id, passed: false, error: `check returned ${text.slice('nonboolean:'.length)}, not a boolean` };
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/timed out/i.test(message)) return `check timed out: ${message}`;
  return message;
}

/** Creates a reusable runner; one isolate serves every run until `dispose()`. */
export function createCheckRunner(options: CheckRunnerOptions = {}): CheckRunner {
  const timeout = options.timeoutMs ?? 1000;
  if (options.sandbox === 'none') return createVmRunner(timeout);
  return createIsolateRunner(timeout, options.memoryMb ?? 256);
}

function compileAll(
  checks: readonly CheckSpec[],
  wrap: (js: string) => string = (js) => js,
): (string | { error: string })[] {
  return checks.map((check) => {
    try {
      return wrap(transpileCheck(check.source));
    } catch (error) {
      return { error: errorMessage(error) };
    }
  });
}

/**
 * Installed once per context. Check functions are defined once per context (keyed by their code) and
 * called with a run's states by key, so a run costs one copy of each state and one call per check —
 * no new context (creating one costs ~0.6 ms). The global object and the intrinsics are frozen, and
 * checks run in strict mode, so one check cannot leave anything behind for another.
 */
const STATE_CACHE = 4;

const contextSetup = `(function () {
  'use strict';
  const fns = new Map();
  const runs = new Map();
  const states = new Map();
  const freeze = (v) => {
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const key of Object.keys(v)) freeze(v[key]);
    }
    return v;
  };
  const api = {
    define(key, fn) { fns.set(key, fn); },
    // States arrive as JSON text keyed by a content hash; the text is omitted when the isolate already
    // holds that state (the same initial state across trials, or final === initial).
    setRun(key, finalHash, finalJson, initialHash, initialJson) {
      const load = (hash, json) => {
        if (json !== null) states.set(hash, freeze(JSON.parse(json)));
        const value = states.get(hash);
        if (value === undefined) throw new Error('state ' + hash + ' is not cached in the sandbox');
        states.delete(hash);
        states.set(hash, value);
        return value;
      };
      const final = load(finalHash, finalJson);
      const initial = load(initialHash, initialJson);
      while (states.size > ${STATE_CACHE}) states.delete(states.keys().next().value);
      runs.set(key, { final, initial });
    },
    endRun(key) { runs.delete(key); },
    invoke(fnKey, runKey) {
      const fn = fns.get(fnKey);
      const run = runs.get(runKey);
      if (typeof fn !== 'function') return 'nonfunction:' + typeof fn;
      const r = fn(run.final, run.initial);
      return r === true ? 'true' : r === false ? 'false' : 'nonboolean:' + (r === null ? 'null' : typeof r);
    },
  };
  Object.defineProperty(globalThis, '__checks', { value: Object.freeze(api) });
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const value = globalThis[name];
    if ((typeof value === 'function' || (typeof value === 'object' && value !== null)) && name !== 'globalThis') {
      Object.freeze(value);
      if (value.prototype) Object.freeze(value.prototype);
    }
  }
  Object.freeze(Object.getPrototypeOf(function* () {}));
  Object.freeze(globalThis);
})()`;

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function defineScript(fnKey: number, js: string): string {
  return `__checks.define(${fnKey}, (function () { 'use strict';\n${js}\nreturn __check;\n})());`;
}

function createIsolateRunner(timeout: number, memoryMb: number): CheckRunner {
  interface Box {
    isolate: ivm.Isolate;
    context: Promise<ivm.Context>;
    defined: Map<number, Promise<string | undefined>>;
    /** Content hashes of the states the isolate holds, least recently used first (mirrors its cache). */
    cached: string[];
  }
  let box: Box | undefined;
  let disposed = false;
  let runCounter = 0;
  const fnKeys = new Map<string, number>();

  function ensureBox(): Box {
    if (disposed) throw new EnvscalerError('SANDBOX_ERROR', 'check runner is disposed');
    if (!box || box.isolate.isDisposed) {
      const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, memoryMb) });
      const context = isolate.createContext().then(async (ctx) => {
        await ctx.eval(contextSetup, { timeout: 5000 });
        return ctx;
      });
      box = { isolate, context, defined: new Map(), cached: [] };
    }
    return box;
  }

  /** Defines a check function in the context once; resolves to an error message when that fails. */
  function define(
    b: Box,
    ctx: ivm.Context,
    code: string,
  ): { key: number; ready: Promise<string | undefined> } {
    let key = fnKeys.get(code);
    if (key === undefined) {
      key = fnKeys.size + 1;
      fnKeys.set(code, key);
    }
    let ready = b.defined.get(key);
    if (!ready) {
      ready = ctx.eval(defineScript(key, code), { timeout }).then(
        () => undefined,
        (error: unknown) => errorMessage(error),
      );
      b.defined.set(key, ready);
    }
    return { key, ready };
  }

  async function runOnce({ checks, initial, final }: CheckRunInput): Promise<CheckResult[]> {
    const codes = compileAll(checks);
    const b = ensureBox();
    const failAll = (message: string): CheckResult[] =>
      checks.map((check, i) => {
        const code = codes[i]!;
        return { id: check.id, passed: false, error: typeof code === 'string' ? message : code.error };
      });
    let ctx: ivm.Context;
    const runKey = ++runCounter;
    try {
      ctx = await b.context;
      // The states cross into the isolate once per run (as JSON text, skipped when the isolate already
      // holds the same content); every check reads the same frozen copies.
      const finalJson = JSON.stringify(final ?? null);
      const initialJson = initial === final ? finalJson : JSON.stringify(initial ?? null);
      const finalHash = hashText(finalJson);
      const initialHash = initialJson === finalJson ? finalHash : hashText(initialJson);
      const setRun = (context: ivm.Context) => {
        const send = (hash: string, json: string, already: boolean) =>
          already || b.cached.includes(hash) ? null : json;
        const args = [
          runKey,
          finalHash,
          send(finalHash, finalJson, false),
          initialHash,
          send(initialHash, initialJson, initialHash === finalHash),
        ];
        return context.evalClosure('__checks.setRun($0, $1, $2, $3, $4)', args, {
          arguments: { copy: true },
          timeout: Math.max(timeout, 5000),
        });
      };
      try {
        await setRun(ctx);
      } catch (error) {
        if (!/is not cached/.test(errorMessage(error))) throw error;
        b.cached = []; // the mirror drifted: send both states in full
        await setRun(ctx);
      }
      for (const hash of [finalHash, initialHash]) {
        b.cached = b.cached.filter((h) => h !== hash);
        b.cached.push(hash);
      }
      while (b.cached.length > STATE_CACHE) b.cached.shift();
    } catch (error) {
      return failAll(`sandbox could not take the states: ${errorMessage(error)}`);
    }
    try {
      const results: CheckResult[] = [];
      for (let i = 0; i < checks.length; i++) {
        const id = checks[i]!.id;
        const code = codes[i]!;
        if (typeof code !== 'string') {
          results.push({ id, passed: false, error: code.error });
          continue;
        }
        if (b.isolate.isDisposed) {
          results.push({ id, passed: false, error: 'sandbox was disposed (out of memory?)' });
          continue;
        }
        try {
          const { key, ready } = define(b, ctx, code);
          const defineError = await ready;
          if (defineError !== undefined) {
            results.push({ id, passed: false, error: defineError });
            continue;
          }
          const raw: unknown = await ctx.evalClosure('return __checks.invoke($0, $1)', [key, runKey], {
            timeout,
          });
          results.push(interpret(id, raw));
        } catch (error) {
          results.push({ id, passed: false, error: errorMessage(error) });
        }
      }
      return results;
    } finally {
      if (!b.isolate.isDisposed)
        await ctx.evalClosure('__checks.endRun($0)', [runKey]).catch(() => undefined);
    }
  }

  // Runs are queued: the isolate executes one thing at a time anyway, and this way only one run's
  // states are ever in its heap (concurrent episodes with large worlds would otherwise exhaust it).
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(input) {
      const next = queue.then(() => runOnce(input));
      queue = next.catch(() => undefined);
      return next;
    },
    dispose() {
      disposed = true;
      if (box && !box.isolate.isDisposed) box.isolate.dispose();
      box = undefined;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function createVmRunner(timeout: number): CheckRunner {
  const scripts = new Map<string, vm.Script>();
  let disposed = false;
  return {
    async run({ checks, initial, final }) {
      if (disposed) throw new EnvscalerError('SANDBOX_ERROR', 'check runner is disposed');
      const codes = compileAll(checks, wrapCheck);
      const context = vm.createContext({
        __final: deepFreeze(structuredClone(final ?? null)),
        __initial: deepFreeze(structuredClone(initial ?? null)),
      });
      return checks.map((check, i) => {
        const code = codes[i]!;
        if (typeof code !== 'string') return { id: check.id, passed: false, error: code.error };
        try {
          let compiled = scripts.get(code);
          if (!compiled) {
            compiled = new vm.Script(code);
            scripts.set(code, compiled);
          }
          return interpret(check.id, compiled.runInContext(context, { timeout }));
        } catch (error) {
          return { id: check.id, passed: false, error: errorMessage(error) };
        }
      });
    },
    dispose() {
      disposed = true;
      scripts.clear();
    },
  };
}
