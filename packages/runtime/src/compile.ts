import { EnvscalerError } from '@envscaler/core';
import type * as TsMorph from 'ts-morph';
import { CORE_SOURCES } from './core-source.generated.js';

type Ts = typeof TsMorph.ts;
let tsPromise: Promise<Ts> | undefined;

/** TypeScript (as bundled by ts-morph), loaded on first use so importing the runtime stays cheap. */
export function loadTs(): Promise<Ts> {
  tsPromise ??= import('ts-morph').then((m) => m.ts);
  return tsPromise;
}

/**
 * Transpiles one TypeScript module to the body of a CommonJS factory
 * `function (exports, require, module) { … }`. Syntax errors become ENVIRONMENT_LOAD_FAILED with
 * file, line and column; types are not checked here (see `deriveEnvironmentSchema`).
 */
export async function transpileModuleBody(options: { source: string; fileName: string }): Promise<string> {
  const ts = await loadTs();
  const out = ts.transpileModule(options.source, {
    fileName: options.fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      useDefineForClassFields: true,
      removeComments: false,
      sourceMap: false,
      inlineSourceMap: false,
    },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const text = errors.map((d) => formatDiagnostic(ts, d, options.fileName)).join('\n');
    throw new EnvscalerError('ENVIRONMENT_LOAD_FAILED', `${options.fileName} does not compile:\n${text}`, {
      details: { fileName: options.fileName, diagnostics: text },
    });
  }
  return out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, '');
}

export function formatDiagnostic(ts: Ts, d: TsMorph.ts.Diagnostic, fileName: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${fileName}:${line + 1}:${character + 1} - error TS${d.code}: ${message}`;
  }
  return `${fileName} - error TS${d.code}: ${message}`;
}

/** Wraps a CommonJS module body as a factory expression. */
export function factoryExpression(body: string): string {
  return `(function (exports, require, module) {\n${body}\n})`;
}

let coreBody: Promise<string> | undefined;

/** The transpiled `@envscaler/core` Environment base class (self-contained at run time). */
export function coreEnvironmentBody(): Promise<string> {
  coreBody ??= transpileModuleBody({
    source: CORE_SOURCES['environment.ts']!,
    fileName: '@envscaler/core/environment.ts',
  });
  return coreBody;
}
