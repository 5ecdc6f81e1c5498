import {
  IndentationText,
  Project,
  QuoteKind,
  StructureKind,
  type MethodDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
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
/** Prints a whole file from one structure (a single pass of ts-morph's printer, no re-parsing per insert). */
function printStructure(statements: StatementStructures[]): string {
  const project = scratchProject();
  const file = project.createSourceFile(`/scratch-${counter++}.ts`, { statements }, { overwrite: true });
  try {
    return file.getFullText();
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

function typeStructures(model: EntityModel): StatementStructures[] {
  const out: StatementStructures[] = model.entities.map((entity) => ({
    kind: StructureKind.Interface,
    name: entity.name,
    isExported: true,
    docs: [doc(entity.description)],
    properties: entity.fields.map(fieldProperty),
  }));
  out.push({
    kind: StructureKind.Interface,
    name: 'State',
    isExported: true,
    docs: ['The whole world of this environment: one record map per entity, keyed by id.'],
    properties: model.entities.map((entity) => ({
      name: entity.collection,
      type: `Record<string, ${entity.name}>`,
      docs: [doc(`${entity.description} Keyed by ${entity.name} id.`)],
    })),
  });
  return out;
}

const stateTypesMemo = new Map<string, string>();

/** The entity interfaces and the `State` interface as TypeScript source. */
export function renderStateTypes(model: EntityModel): string {
  const key = JSON.stringify([model.entities]);
  let text = stateTypesMemo.get(key);
  if (text === undefined) {
    text = printStructure(typeStructures(model));
    if (stateTypesMemo.size > 500) stateTypesMemo.clear();
    stateTypesMemo.set(key, text);
  }
  return text;
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

/** Writes an operation's arguments type literal, one documented property per line, at the writer's indentation. */
function argsTypeWriter(op: OperationSpec): WriterFunction {
  return (writer) => {
    writer.write('{').newLine();
    for (const arg of op.args) {
      writer.writeLine(`/** ${doc(arg.description || arg.name)} */`);
      writer.writeLine(`${arg.name}${arg.optional ? '?' : ''}: ${tsTypeOfField(arg)};`);
    }
    writer.write('}');
  };
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
  const rules =
    model.rules.length > 0 ? `\n\nRules:\n${model.rules.map((r) => `- ${doc(r)}`).join('\n')}` : '';
  const methods: OptionalKind<MethodDeclarationStructure>[] = operations.map((op) => ({
    name: op.name,
    docs: [methodDocs(op)],
    parameters: op.args.length === 0 ? [] : [{ name: 'args', type: argsTypeWriter(op) }],
    returnType: `ToolResult<${tsTypeOfResult(op.result.type, entityNames) ?? 'unknown'}>`,
    statements: normalizeBody(
      bodies[op.name] ?? `return this.fail('NOT_IMPLEMENTED', '${op.name} is not implemented');`,
    ),
  }));
  const text = printStructure([
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@envscaler/core',
      namedImports: [{ name: 'Environment' }, { name: 'ToolResult', isTypeOnly: true }],
    },
    ...typeStructures(model),
    {
      kind: StructureKind.Class,
      name: model.className,
      isExported: true,
      extends: 'Environment<State>',
      docs: [`${doc(model.summary)}${rules}`],
      methods,
    },
  ]);
  // The printer indents the closing brace of a multi-line parameter type one level too deep.
  return text.replace(/^ {4}\}\): ToolResult</gm, '  }): ToolResult<');
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
