import { Project, ts } from 'ts-morph';
import { normalizeCheckSource } from '@envscaler/runtime';

/**
 * Declarations of the `@envscaler/core` names environment modules import, so an environment's source
 * type-checks in the in-memory project without the real package on disk.
 */
const CORE_DECLARATIONS = `
export type JsonSchema = { [keyword: string]: unknown };
export interface ToolError { code: string; message: string }
export type ToolResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ToolError };
export declare abstract class Environment<S> {
  state: S;
  constructor(state: S);
  protected ok<T>(data: T): ToolResult<T>;
  protected fail(code: string, message: string): ToolResult<never>;
}
export interface EnvironmentClass<S = unknown> {
  new (state: S): Environment<S>;
  fromConfig?(config: unknown): S;
  publicState?(state: S): unknown;
}
`;

/** Environments kept in the project at once (more than any stage works on concurrently). */
const ENVIRONMENTS_KEPT = 8;

export interface CheckTypeIssue {
  /** Index of the check in the list given. */
  index: number;
  message: string;
}

/**
 * One long-lived ts-morph project on an in-memory file system: per environment it holds `env.ts` and a
 * `checks.ts` that assigns every check to `(final: Readonly<State>, initial: Readonly<State>) => boolean`.
 * Reusing the project keeps lib files and the env's program structure warm between scenarios.
 */
export class CheckTypeChecker {
  private readonly project: Project;
  private readonly envSources = new Map<string, string>();

  constructor() {
    this.project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts'],
        noEmit: true,
        skipLibCheck: true,
        allowImportingTsExtensions: true,
      },
    });
    const fs = this.project.getFileSystem();
    fs.writeFileSync('/node_modules/@envscaler/core/package.json', '{"name":"@envscaler/core","types":"index.d.ts"}');
    fs.writeFileSync('/node_modules/@envscaler/core/index.d.ts', CORE_DECLARATIONS);
    this.project.addSourceFileAtPath('/node_modules/@envscaler/core/index.d.ts');
  }

  private dir(envId: string): string {
    return `/envs/${envId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  }

  /**
   * Adds or replaces an environment's source. Only the most recently set environments stay in the
   * project (see ENVIRONMENTS_KEPT): every check rebuilds the program's type checker, whose cost grows
   * with the files in it, so keeping every environment of a 200-environment run made checking quadratic.
   * Callers set the environment before each use, so an evicted one is simply added again.
   */
  setEnvironment(envId: string, source: string): void {
    const known = this.envSources.get(envId);
    this.envSources.delete(envId);
    this.envSources.set(envId, source);
    if (known === source) return;
    this.project.createSourceFile(`${this.dir(envId)}/env.ts`, source, { overwrite: true });
    for (const [oldest] of this.envSources) {
      if (this.envSources.size <= ENVIRONMENTS_KEPT) break;
      this.envSources.delete(oldest);
      const file = this.project.getSourceFile(`${this.dir(oldest)}/env.ts`);
      if (file) this.project.removeSourceFile(file);
    }
  }

  /** Paths of the environment modules the project holds now (for tests and diagnostics). */
  environmentFiles(): string[] {
    return this.project
      .getSourceFiles()
      .map((file) => file.getFilePath() as string)
      .filter((path) => path.startsWith('/envs/'));
  }

  /** Whether the environment module exports a `State` type. */
  hasStateType(envId: string): boolean {
    const file = this.project.getSourceFile(`${this.dir(envId)}/env.ts`);
    if (!file) return false;
    return file.getExportedDeclarations().has('State');
  }

  /** Syntax errors of the environment source (semantic errors are the builder's concern). */
  environmentSyntaxErrors(envId: string): string[] {
    const file = this.project.getSourceFile(`${this.dir(envId)}/env.ts`);
    if (!file) return [];
    return this.project
      .getProgram()
      .compilerObject.getSyntacticDiagnostics(file.compilerNode)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  /** Names of the public methods of the class `className` in the environment source. */
  methodNames(envId: string, className: string): string[] | undefined {
    const file = this.project.getSourceFile(`${this.dir(envId)}/env.ts`);
    const cls = file?.getClass(className);
    if (!cls) return undefined;
    return cls
      .getMethods()
      .filter((m) => !m.isStatic() && !m.hasModifier(ts.SyntaxKind.PrivateKeyword) && !m.hasModifier(ts.SyntaxKind.ProtectedKeyword))
      .map((m) => m.getName());
  }

  /**
   * Type-checks check sources against the environment's `State`. Returns one issue per failing check
   * (the first diagnostic inside it, with its line relative to the check's source).
   */
  checkSources(envId: string, sources: readonly string[]): CheckTypeIssue[] {
    const issues: CheckTypeIssue[] = [];
    const lines = ["import type { State } from './env';", 'type __Check = (final: Readonly<State>, initial: Readonly<State>) => boolean;'];
    const ranges: { index: number; start: number; end: number }[] = [];
    let lineNo = lines.length;
    sources.forEach((source, index) => {
      let expression: string;
      try {
        expression = normalizeCheckSource(source).expression;
      } catch (error) {
        issues.push({ index, message: (error as Error).message });
        return;
      }
      const text = `const __c${index}: __Check = ${expression};`;
      const start = lineNo + 1;
      lineNo += text.split('\n').length;
      lines.push(text);
      ranges.push({ index, start, end: lineNo });
    });
    const file = this.project.createSourceFile(`${this.dir(envId)}/checks.ts`, lines.join('\n'), { overwrite: true });
    try {
      const reported = new Set<number>();
      for (const diagnostic of file.getPreEmitDiagnostics()) {
        if (diagnostic.getSourceFile()?.getFilePath() !== file.getFilePath()) continue;
        const line = diagnostic.getLineNumber() ?? 0;
        const range = ranges.find((r) => line >= r.start && line <= r.end);
        const message = ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, ' ');
        if (!range) {
          if (line <= 2) issues.push({ index: -1, message: `environment has no usable exported State type: ${message}` });
          continue;
        }
        if (reported.has(range.index)) continue;
        reported.add(range.index);
        issues.push({ index: range.index, message: `type error: ${message}` });
      }
    } finally {
      this.project.removeSourceFile(file);
    }
    return issues.sort((a, b) => a.index - b.index);
  }
}

let shared: CheckTypeChecker | undefined;

/** The process-wide type checker (one ts-morph project, created on first use). */
export function getCheckTypeChecker(): CheckTypeChecker {
  shared ??= new CheckTypeChecker();
  return shared;
}
