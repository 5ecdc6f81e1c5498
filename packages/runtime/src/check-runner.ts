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
  /** Isolate heap limit (default 64 MB; isolated-vm only). */
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

const freezeSource = `(function () {
  const freeze = (v) => {
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const key of Object.keys(v)) freeze(v[key]);
    }
    return v;
  };
  freeze(globalThis.__final); freeze(globalThis.__initial);
})()`;

function interpret(id: string, raw: unknown): CheckResult {
  if (raw === 'true') return { id, passed: true };
  if (raw === 'false') return { id, passed: false };
  const text = String(raw);
  if (text.startsWith('nonfunction:')) return { id, passed: false, error: `check source is not a function (${text.slice(12)})` };
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
  return createIsolateRunner(timeout, options.memoryMb ?? 64);
}

function compileAll(checks: readonly CheckSpec[]): (string | { error: string })[] {
  return checks.map((check) => {
    try {
      return wrapCheck(transpileCheck(check.source));
    } catch (error) {
      return { error: errorMessage(error) };
    }
  });
}

function createIsolateRunner(timeout: number, memoryMb: number): CheckRunner {
  let isolate: ivm.Isolate | undefined;
  let scripts = new Map<string, ivm.Script>();
  let disposed = false;

  function ensureIsolate(): ivm.Isolate {
    if (disposed) throw new EnvscalerError('SANDBOX_ERROR', 'check runner is disposed');
    if (!isolate || isolate.isDisposed) {
      isolate = new ivm.Isolate({ memoryLimit: Math.max(8, memoryMb) });
      scripts = new Map();
    }
    return isolate;
  }

  async function script(iso: ivm.Isolate, code: string): Promise<ivm.Script> {
    let compiled = scripts.get(code);
    if (!compiled) {
      compiled = await iso.compileScript(code);
      if (scripts.size > 5_000) scripts.clear();
      scripts.set(code, compiled);
    }
    return compiled;
  }

  return {
    async run({ checks, initial, final }) {
      const codes = compileAll(checks);
      const iso = ensureIsolate();
      const context = await iso.createContext();
      try {
        const global = context.global;
        // The states cross into the isolate once per run; every check reads the same frozen copies.
        await global.set('__final', new ivm.ExternalCopy(final ?? null).copyInto({ release: true }));
        await global.set('__initial', new ivm.ExternalCopy(initial ?? null).copyInto({ release: true }));
        await context.eval(freezeSource, { timeout: Math.max(timeout, 1000) });
        const results: CheckResult[] = [];
        for (let i = 0; i < checks.length; i++) {
          const id = checks[i]!.id;
          const code = codes[i]!;
          if (typeof code !== 'string') {
            results.push({ id, passed: false, error: code.error });
            continue;
          }
          if (iso.isDisposed) {
            results.push({ id, passed: false, error: 'sandbox was disposed (out of memory?)' });
            continue;
          }
          try {
            const compiled = await script(iso, code);
            const raw: unknown = await compiled.run(context, { timeout });
            results.push(interpret(id, raw));
          } catch (error) {
            results.push({ id, passed: false, error: errorMessage(error) });
          }
        }
        return results;
      } finally {
        if (!iso.isDisposed) context.release();
      }
    },
    dispose() {
      disposed = true;
      if (isolate && !isolate.isDisposed) isolate.dispose();
      isolate = undefined;
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
      const codes = compileAll(checks);
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
