import { Project, ts, type SourceFile } from 'ts-morph';
import type { ScenarioEnvironment } from './types.js';
import { sha256 } from './hash.js';
import { schemaToTs } from './schema-to-ts.js';

/** Declarations of `@envscaler/core` that environment modules import, enough to type their State. */
const CORE_DECLARATIONS = `declare module '@envscaler/core' {
  export interface ToolError { code: string; message: string }
  export type ToolResult<T = unknown> = { ok: true; data: T } | { ok: false; error: ToolError };
  export abstract class Environment<S> {
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
  export type JsonSchema = { [keyword: string]: unknown };
}
`;

const HEADER_LINES = 3;

/** Result of type-checking one check function. */
export interface CheckDiagnostics {
  ok: boolean;
  /** Compiler messages with lines relative to the check's own source. */
  errors: string[];
}

/**
 * Turns what a model wrote into a bare function expression: drops fences, `export default`,
 * `const name =` and a trailing semicolon, so `(final, initial) => ...`, `function (final) {...}` and
 * `const check = (...) => ...;` all end up as the same kind of source.
 */
export function normalizeCheckSource(source: string): string {
  let s = source.trim();
  const fenced = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/.exec(s);
  if (fenced) s = fenced[1]!.trim();
  s = s.replace(/^export\s+default\s+/, '');
  s = s.replace(/^(?:export\s+)?(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*/, '');
  s = s.replace(/;\s*$/, '');
  return s.trim();
}

/**
 * One long-lived in-memory ts-morph project for the whole process. Each environment's module (or a
 * State type derived from its schema) is added once; each check is type-checked as
 * `const check: (final: Readonly<State>, initial: Readonly<State>) => boolean = (<source>)` in a
 * scratch file that is removed afterwards, so the program is rebuilt incrementally, not from scratch.
 */
export class CheckTypeChecker {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      skipLibCheck: true,
    },
  });
  private readonly envDirs = new Map<string, string>();
  private counter = 0;

  constructor() {
    this.project.createSourceFile('/core.d.ts', CORE_DECLARATIONS);
  }

  /** Directory holding `env.ts` for this environment (added on first use). */
  private envDir(env: Pick<ScenarioEnvironment, 'source' | 'stateSchema'>): string {
    const text =
      env.source && /\b(?:interface|type)\s+State\b/.test(env.source)
        ? env.source
        : `export type State = ${schemaToTs(env.stateSchema)};\n`;
    const key = sha256(text).slice(0, 16);
    let dir = this.envDirs.get(key);
    if (!dir) {
      dir = `/envs/${key}`;
      // Env modules may not export State; make sure the check file can import it.
      const exported = /export\s+(?:interface|type)\s+State\b/.test(text)
        ? text
        : text.replace(/\b(interface|type)\s+State\b/, 'export $1 State');
      this.project.createSourceFile(`${dir}/env.ts`, exported, { overwrite: true });
      this.envDirs.set(key, dir);
    }
    return dir;
  }

  /**
   * The type declarations of the environment module (interfaces, type aliases, enums; no classes), the
   * part of the source a check author needs to see.
   */
  stateType(env: Pick<ScenarioEnvironment, 'source' | 'stateSchema'>): string {
    const file = this.project.getSourceFileOrThrow(`${this.envDir(env)}/env.ts`);
    const parts = [...file.getInterfaces(), ...file.getTypeAliases(), ...file.getEnums()]
      .sort((a, b) => a.getStart() - b.getStart())
      .map((node) => node.getText(true));
    return parts.join('\n\n');
  }

  /** Type-checks one check function source against the environment's State. */
  check(options: {
    env: Pick<ScenarioEnvironment, 'source' | 'stateSchema'>;
    source: string;
  }): CheckDiagnostics {
    const dir = this.envDir(options.env);
    const path = `${dir}/check-${++this.counter}.ts`;
    const text =
      `import type { State } from './env.js';\n` +
      `type CheckFn = (final: Readonly<State>, initial: Readonly<State>) => boolean;\n` +
      `export const check: CheckFn = (\n${options.source}\n);\n`;
    let file: SourceFile | undefined;
    try {
      file = this.project.createSourceFile(path, text, { overwrite: true });
      const program = this.project.getProgram().compilerObject;
      const sf = program.getSourceFile(path)!;
      const diagnostics = [
        ...program.getSyntacticDiagnostics(sf),
        ...program.getSemanticDiagnostics(sf),
      ];
      const lines = options.source.split('\n');
      const errors = diagnostics.map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        if (d.start === undefined) return message;
        const line = sf.getLineAndCharacterOfPosition(d.start).line - HEADER_LINES + 1;
        if (line < 1 || line > lines.length) return `TS${d.code}: ${message}`;
        return `line ${line} (\`${lines[line - 1]!.trim().slice(0, 120)}\`): TS${d.code}: ${message}`;
      });
      return { ok: errors.length === 0, errors };
    } finally {
      if (file) this.project.removeSourceFile(file);
    }
  }
}

let shared: CheckTypeChecker | undefined;

/** The process-wide checker (created on first use). */
export function sharedCheckTypeChecker(): CheckTypeChecker {
  return (shared ??= new CheckTypeChecker());
}
