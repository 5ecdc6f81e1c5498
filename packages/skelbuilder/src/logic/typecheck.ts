import { Node, Project, SyntaxKind, ts, type SourceFile } from 'ts-morph';

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
}

/**
 * One long-lived in-memory ts-morph project used to type-check every generated environment. Lib files
 * and the core declarations are parsed once; each check replaces a single source file, so a warm check
 * costs a fraction of a cold `tsc` run. Checks are synchronous, so concurrent builds never interleave.
 */
export class EnvTypeChecker {
  readonly project: Project;
  private checks = 0;

  constructor(options: EnvTypeCheckerOptions = {}) {
    this.project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
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
      },
    });
    const fs = this.project.getFileSystem();
    fs.writeFileSync(
      '/node_modules/@envscaler/core/package.json',
      JSON.stringify({ name: '@envscaler/core', version: '0.0.0', types: 'index.d.ts' }),
    );
    fs.writeFileSync('/node_modules/@envscaler/core/index.d.ts', coreDeclarations);
  }

  /** Number of checks run so far (for tests and benchmarks). */
  get checkCount(): number {
    return this.checks;
  }

  /**
   * Type-checks one module under `fileName` (a path in the in-memory project) and returns its syntactic
   * and semantic diagnostics. The file is removed afterwards unless `keep` is set.
   */
  check(options: { source: string; fileName?: string; keep?: boolean }): TypeDiagnostic[] {
    this.checks++;
    const fileName = options.fileName ?? '/envs/check/env.ts';
    const file = this.project.createSourceFile(fileName, options.source, { overwrite: true });
    try {
      return file.getPreEmitDiagnostics().map((d) => toDiagnostic(file, d.compilerObject));
    } finally {
      if (!options.keep) this.project.removeSourceFile(file);
    }
  }
}

function toDiagnostic(file: SourceFile, diagnostic: ts.Diagnostic): TypeDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const start = diagnostic.start ?? 0;
  const { line, column } = file.getLineAndColumnAtPos(start);
  const result: TypeDiagnostic = { code: diagnostic.code, message, line, column };
  const lineText = file.getFullText().split('\n')[line - 1]?.trim();
  if (lineText) result.lineText = lineText;
  if (diagnostic.file && diagnostic.file.fileName === file.getFilePath()) {
    const node = file.getDescendantAtPos(start);
    const method =
      node &&
      (Node.isMethodDeclaration(node) ? node : node.getFirstAncestorByKind(SyntaxKind.MethodDeclaration));
    if (method) result.method = method.getName();
  }
  return result;
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
