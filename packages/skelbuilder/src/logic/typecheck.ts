import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as morphModule from 'ts-morph';
import { ts, type Project } from 'ts-morph';

/**
 * Declarations of `@envscaler/core` that generated environments use, placed in the in-memory file
 * system so `import { Environment, type ToolResult } from '@envscaler/core'` resolves. They mirror
 * core's environment.ts and types/tool.ts; a test compiles emitted modules against the real package.
 */
export const coreDeclarations = `export interface ToolError { code: string; message: string }
export type ToolResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ToolError };
export declare abstract class Environment<S> {
  state: S;
  constructor(state: S);
  protected ok<T>(data: T): ToolResult<T>;
  protected fail(code: string, message: string): ToolResult<never>;
}
`;

/** One compiler message, located in the generated file and, when inside one, in a method. */
export interface TypeDiagnostic {
  code: number;
  message: string;
  line: number;
  column: number;
  /** The class method the error is in, when it is in one. */
  method?: string;
  /** The text of the offending line, trimmed. */
  lineText?: string;
}

export interface EnvTypeCheckerOptions {
  /** Extra compiler options on top of the strict defaults. */
  compilerOptions?: ts.CompilerOptions;
  /**
   * Keep the project in a worker thread (still one long-lived project), so type-checking does not block
   * the event loop and runs beside derivation and the sandbox on another core. Use `checkAsync`.
   */
  thread?: boolean;
}

type CheckFn = (source: string, fileName: string, keep: boolean) => TypeDiagnostic[];

/**
 * Builds the long-lived project and its check function. It uses nothing but its parameters, because the
 * worker-thread mode runs this very function's source text in the worker.
 */
function createCheckSession(
  morph: typeof morphModule,
  compilerOptions: ts.CompilerOptions,
  coreDts: string,
): { project: Project; check: CheckFn } {
  const { Node, Project, SyntaxKind, ts } = morph;
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions });
  const fs = project.getFileSystem();
  fs.writeFileSync(
    '/node_modules/@envscaler/core/package.json',
    JSON.stringify({ name: '@envscaler/core', version: '0.0.0', types: 'index.d.ts' }),
  );
  fs.writeFileSync('/node_modules/@envscaler/core/index.d.ts', coreDts);
  const check: CheckFn = (source, fileName, keep) => {
    const file = project.createSourceFile(fileName, source, { overwrite: true });
    try {
      const lines = file.getFullText().split('\n');
      return file.getPreEmitDiagnostics().map((d) => {
        const diagnostic = d.compilerObject;
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        const start = diagnostic.start ?? 0;
        const { line, column } = file.getLineAndColumnAtPos(start);
        const result: TypeDiagnostic = { code: diagnostic.code, message, line, column };
        const lineText = lines[line - 1]?.trim();
        if (lineText) result.lineText = lineText;
        if (diagnostic.file && diagnostic.file.fileName === file.getFilePath()) {
          const node = file.getDescendantAtPos(start);
          const method =
            node &&
            (Node.isMethodDeclaration(node)
              ? node
              : node.getFirstAncestorByKind(SyntaxKind.MethodDeclaration));
          if (method) result.method = method.getName();
        }
        return result;
      });
    } finally {
      if (!keep) project.removeSourceFile(file);
    }
  };
  return { project, check };
}

const workerSource = (fn: string) => `
const { parentPort, workerData } = require('node:worker_threads');
const __name = (f) => f;
const morph = require(workerData.tsMorphPath);
const session = (${fn})(morph, workerData.compilerOptions, workerData.coreDeclarations);
parentPort.on('message', (m) => {
  try {
    parentPort.postMessage({ id: m.id, diagnostics: session.check(m.source, m.fileName, false) });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: String((error && error.stack) || error) });
  }
});
`;

/**
 * One long-lived in-memory ts-morph project used to type-check every generated environment. Lib files
 * and the core declarations are parsed once; each check replaces a single source file, so a warm check
 * costs a fraction of a cold `tsc` run. In-process checks are synchronous, so concurrent builds never
 * interleave; with `thread: true` the project lives in one worker thread and checks queue there.
 */
export class EnvTypeChecker {
  private session: { project: Project; check: CheckFn } | undefined;
  private worker: Worker | undefined;
  private readonly pending = new Map<
    number,
    { resolve: (d: TypeDiagnostic[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private checks = 0;
  private readonly compilerOptions: ts.CompilerOptions;

  constructor(options: EnvTypeCheckerOptions = {}) {
    this.compilerOptions = {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
      types: [],
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      ...options.compilerOptions,
    };
    if (options.thread) {
      try {
        this.startWorker();
      } catch {
        this.worker = undefined; // fall back to checking in-process
      }
    }
  }

  private startWorker(): void {
    const worker = new Worker(workerSource(createCheckSession.toString()), {
      eval: true,
      workerData: {
        tsMorphPath: createRequire(import.meta.url).resolve('ts-morph'),
        compilerOptions: this.compilerOptions,
        coreDeclarations,
      },
    });
    worker.unref();
    worker.on('message', (m: { id: number; diagnostics?: TypeDiagnostic[]; error?: string }) => {
      const entry = this.pending.get(m.id);
      if (!entry) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) entry.reject(new Error(`type-check worker failed: ${m.error}`));
      else entry.resolve(m.diagnostics ?? []);
    });
    worker.on('error', (error) => {
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
      this.worker = undefined;
    });
    this.worker = worker;
  }

  /** The in-process project (created on first use). */
  get project(): Project {
    this.session ??= createCheckSession(morphModule, this.compilerOptions, coreDeclarations);
    return this.session.project;
  }

  /** Number of checks run so far (for tests and benchmarks). */
  get checkCount(): number {
    return this.checks;
  }

  /** True when checks run in the worker thread. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Type-checks one module under `fileName` (a path in the in-memory project) in this thread and returns
   * its syntactic and semantic diagnostics. The file is removed afterwards unless `keep` is set.
   */
  check(options: { source: string; fileName?: string; keep?: boolean }): TypeDiagnostic[] {
    this.checks++;
    this.session ??= createCheckSession(morphModule, this.compilerOptions, coreDeclarations);
    return this.session.check(
      options.source,
      options.fileName ?? '/envs/check/env.ts',
      options.keep === true,
    );
  }

  /** Like `check`, in the worker thread when there is one. */
  async checkAsync(options: { source: string; fileName?: string }): Promise<TypeDiagnostic[]> {
    const worker = this.worker;
    if (!worker) return this.check(options);
    this.checks++;
    const id = this.nextId++;
    return new Promise<TypeDiagnostic[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, source: options.source, fileName: options.fileName ?? '/envs/check/env.ts' });
    });
  }

  /** Stops the worker thread, if any. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

/**
 * Syntax check of one method body on its own, before assembly: a body with unbalanced braces would
 * otherwise swallow the methods after it and the compiler's messages would point at the wrong place.
 */
export function checkBodySyntax(body: string): string[] {
  const wrapped = `function __body(this: any, args: any) {\n${body}\n}\n`;
  const out = ts.transpileModule(wrapped, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return (out.diagnostics ?? []).map((d) => {
    const { line, character } =
      d.file && d.start !== undefined
        ? d.file.getLineAndCharacterOfPosition(d.start)
        : { line: 0, character: 0 };
    return `line ${line} col ${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Formats diagnostics as compiler-style lines for a prompt or a drop reason. */
export function formatDiagnostics(diagnostics: readonly TypeDiagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `(${d.line},${d.column}) TS${d.code}: ${d.message}${d.lineText ? `\n    at: ${d.lineText}` : ''}`,
    )
    .join('\n');
}
