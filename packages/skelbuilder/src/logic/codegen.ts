import { IndentationText, Project, QuoteKind, StructureKind, type OptionalKind, type PropertySignatureStructure, type SourceFile } from 'ts-morph';
import type { EntityModel, FieldSpec, OperationSpec } from './spec.js';
import { tsTypeOfField, tsTypeOfResult } from './spec.js';

// Code generation with ts-morph: the State interface and entity interfaces come from the entity JSON (never
// from model-written TypeScript); the class is assembled from the operation list and the method bodies.

let scratch: Project | undefined;
/** A scratch in-memory project used only to build and print source files (no type-checking here). */
function scratchProject(): Project {
  scratch ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  return scratch;
}

let counter = 0;
function withScratchFile<T>(fn: (file: SourceFile) => T): T {
  const project = scratchProject();
  const file = project.createSourceFile(`/scratch-${counter++}.ts`, '', { overwrite: true });
  try {
    return fn(file);
  } finally {
    project.removeSourceFile(file);
  }
}

/** Escapes text for a JSDoc comment (no comment terminators). */
function doc(text: string): string {
  return text.replace(/\*\//g, '* /').trim();
}

function fieldProperty(field: FieldSpec): OptionalKind<PropertySignatureStructure> {
  return {
    name: field.name,
    type: tsTypeOfField(field),
    hasQuestionToken: field.optional === true,
    docs: field.description ? [doc(field.description)] : [],
  };
}

function addTypes(file: SourceFile, model: EntityModel): void {
  for (const entity of model.entities) {
    file.addInterface({
      kind: StructureKind.Interface,
      name: entity.name,
      isExported: true,
      docs: [doc(entity.description)],
      properties: entity.fields.map(fieldProperty),
    });
  }
  file.addInterface({
    name: 'State',
    isExported: true,
    docs: ['The whole world of this environment: one record map per entity, keyed by id.'],
    properties: model.entities.map((entity) => ({
      name: entity.collection,
      type: `Record<string, ${entity.name}>`,
      docs: [doc(`${entity.description} Keyed by ${entity.name} id.`)],
    })),
  });
}

/** The entity interfaces and the `State` interface as TypeScript source. */
export function renderStateTypes(model: EntityModel): string {
  return withScratchFile((file) => {
    addTypes(file, model);
    return file.getFullText();
  });
}

/** TypeScript of an operation's arguments: a type literal with JSDoc on every property. */
export function renderArgsType(op: OperationSpec): string {
  if (op.args.length === 0) return 'Record<string, never>';
  const lines = op.args.map((arg) => {
    const comment = `    /** ${doc(arg.description || arg.name)} */\n`;
    return `${comment}    ${arg.name}${arg.optional ? '?' : ''}: ${tsTypeOfField(arg)};`;
  });
  return `{\n${lines.join('\n')}\n  }`;
}

/** The method signature line (without body), as shown to the model. */
export function renderSignature(op: OperationSpec, model: EntityModel): string {
  const result = tsTypeOfResult(op.result.type, new Set(model.entities.map((e) => e.name))) ?? 'unknown';
  const params = op.args.length === 0 ? '' : `args: ${renderArgsType(op)}`;
  return `${op.name}(${params}): ToolResult<${result}>`;
}

function methodDocs(op: OperationSpec): string {
  const parts = [doc(op.description)];
  if (op.rules.length > 0) parts.push(`Rules: ${op.rules.map(doc).join(' ')}`);
  if (op.result.description) parts.push(`Returns ${doc(op.result.description)}`);
  parts.push(`@${op.kind}`);
  return parts.join('\n');
}

export interface AssembleOptions {
  model: EntityModel;
  operations: OperationSpec[];
  /** Method body (statements only) per operation name. */
  bodies: Record<string, string>;
}

/**
 * Assembles the environment module: the core import, entity and State interfaces, and
 * `export class <className> extends Environment<State>` with one documented method per operation.
 */
export function assembleEnvironment(options: AssembleOptions): string {
  const { model, operations, bodies } = options;
  const entityNames = new Set(model.entities.map((e) => e.name));
  return withScratchFile((file) => {
    file.addImportDeclaration({
      moduleSpecifier: '@envscaler/core',
      namedImports: [{ name: 'Environment' }, { name: 'ToolResult', isTypeOnly: true }],
    });
    addTypes(file, model);
    const rules = model.rules.length > 0 ? `\n\nRules:\n${model.rules.map((r) => `- ${doc(r)}`).join('\n')}` : '';
    const cls = file.addClass({
      name: model.className,
      isExported: true,
      extends: 'Environment<State>',
      docs: [`${doc(model.summary)}${rules}`],
    });
    for (const op of operations) {
      const result = tsTypeOfResult(op.result.type, entityNames) ?? 'unknown';
      cls.addMethod({
        name: op.name,
        docs: [methodDocs(op)],
        parameters: op.args.length === 0 ? [] : [{ name: 'args', type: renderArgsType(op) }],
        returnType: `ToolResult<${result}>`,
        statements: normalizeBody(bodies[op.name] ?? `return this.fail('NOT_IMPLEMENTED', '${op.name} is not implemented');`),
      });
    }
    file.formatText({ indentSize: 2, convertTabsToSpaces: true });
    return file.getFullText();
  });
}

/**
 * Cleans a model-written method body: strips Markdown fences and, when the model wrote the whole method
 * (`name(args...) { ... }`), keeps only what is inside the outer braces.
 */
export function normalizeBody(body: string, methodName?: string): string {
  let text = body.trim();
  const fence = /^```[A-Za-z]*\s*\n([\s\S]*?)\n?```$/.exec(text);
  if (fence) text = fence[1]!.trim();
  if (methodName) {
    const header = new RegExp(`^(?:public\\s+)?${methodName}\\s*\\([\\s\\S]*?\\)\\s*(?::[^{]*)?\\{`);
    const match = header.exec(text);
    if (match && text.endsWith('}')) text = text.slice(match[0].length, -1).trim();
  }
  return text;
}
