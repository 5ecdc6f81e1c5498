import { ts } from 'ts-morph';
import { sha256Hex } from '@envscaler/core/node';
import { getCheckTypeChecker, type CheckTypeChecker as ValidateCheckTypeChecker } from '@envscaler/validate';
import type { ScenarioEnvironment } from './types.js';
import { schemaToTs } from './schema-to-ts.js';

type EnvTypes = Pick<ScenarioEnvironment, 'id' | 'source' | 'stateSchema'>;

/** Result of type-checking one check function. */
export interface CheckDiagnostics {
  ok: boolean;
  errors: string[];
}

/**
 * Turns what a model wrote into check source the runtime accepts: drops Markdown fences,
 * `export default`, a leading `const name =` and a trailing semicolon, so `(final, initial) => ...`,
 * `const check = (...) => ...;` and a fenced block all end up as the same function expression.
 * (`function check(final, initial) { ... }` declarations are left as they are; the runtime accepts them.)
 */
export function unwrapCheckSource(source: string): string {
  let s = source.trim();
  const fenced = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/.exec(s);
  if (fenced) s = fenced[1]!.trim();
  s = s.replace(/^export\s+default\s+/, '');
  s = s.replace(/^(?:export\s+)?(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*=\s*/, '');
  s = s.replace(/;\s*$/, '');
  return s.trim();
}

/** The environment module as the checker sees it: its source, or a State type derived from its schema. */
function envModule(env: EnvTypes): string {
  const text =
    env.source && /\b(?:interface|type)\s+State\b/.test(env.source)
      ? env.source
      : `export type State = ${schemaToTs(env.stateSchema)};\n`;
  return /export\s+(?:interface|type)\s+State\b/.test(text)
    ? text
    : text.replace(/\b(interface|type)\s+State\b/, 'export $1 State');
}

/**
 * Type-checks check functions against an environment's `State` in validate's long-lived ts-morph
 * project (one per process), so scengen and validate agree on what a well-typed check is. Environments
 * without source get a State type derived from their JSON Schema.
 */
export class ChecklistTypeChecker {
  private readonly stateTypes = new Map<string, string>();

  constructor(private readonly project: ValidateCheckTypeChecker = getCheckTypeChecker()) {}

  private key(env: EnvTypes): { key: string; text: string } {
    const text = envModule(env);
    const key = `scengen-${env.id}-${sha256Hex(text).slice(0, 12)}`;
    this.project.setEnvironment(key, text);
    return { key, text };
  }

  /** The env module's type declarations (interfaces, type aliases, enums), as shown to check authors. */
  stateType(env: EnvTypes): string {
    const { key, text } = this.key(env);
    let types = this.stateTypes.get(key);
    if (types === undefined) {
      const file = ts.createSourceFile('env.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      types = file.statements
        .filter(
          (s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s),
        )
        .map((s) => s.getFullText(file).trim())
        .join('\n\n');
      this.stateTypes.set(key, types);
    }
    return types;
  }

  /** Type-checks one check function source against the environment's State. */
  check(options: { env: EnvTypes; source: string }): CheckDiagnostics {
    return this.checkAll({ env: options.env, sources: [options.source] })[0]!;
  }

  /**
   * Type-checks several check sources in one program (one result per source, in order). Each check
   * costs a type-checker rebuild, so a checklist's checks are judged together; every source is parsed
   * on its own first (as one complete function expression), so one check's errors cannot spill into
   * another's.
   */
  checkAll(options: { env: EnvTypes; sources: readonly string[] }): CheckDiagnostics[] {
    const { key } = this.key(options.env);
    const errors: string[][] = options.sources.map(() => []);
    for (const issue of this.project.checkSources(key, options.sources)) {
      // index -1: the environment itself has no usable State type, which fails every check
      for (const list of issue.index < 0 ? errors : [errors[issue.index]!]) list.push(issue.message);
    }
    return errors.map((list) => ({ ok: list.length === 0, errors: list }));
  }
}

let shared: ChecklistTypeChecker | undefined;

/** The process-wide checker (over validate's process-wide ts-morph project). */
export function sharedChecklistTypeChecker(): ChecklistTypeChecker {
  return (shared ??= new ChecklistTypeChecker());
}
