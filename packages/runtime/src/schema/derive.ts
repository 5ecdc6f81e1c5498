// Tool and state JSON Schemas from an environment's TypeScript source. Long because it is one walk over
// the TypeScript types: one Deriver class whose type-to-schema cases recurse into each other and share
// its file name (for errors) and its stack of types being derived (for cycles).
import { createHash } from 'node:crypto';
import { EnvscalerError, type JsonSchema, type ToolSpec } from '@envscaler/core';
import type * as TsMorphModule from 'ts-morph';
import type {
  ClassDeclaration,
  MethodDeclaration,
  Node,
  Project,
  Symbol as MorphSymbol,
  Type,
} from 'ts-morph';
import { formatDiagnostic, loadTs } from '../compile.js';
import { CORE_SOURCES } from '../core-source.generated.js';

type TsMorph = typeof TsMorphModule;

/** What `deriveEnvironmentSchema` reads off an environment module's types and JSDoc. */
export interface DerivedEnvironmentSchema {
  className: string;
  /** The class's JSDoc description ('' when it has none). */
  description: string;
  tools: ToolSpec[];
  /** JSON Schema of the state type (`Environment<S>`'s `S`, else the exported `State`). */
  stateSchema: JsonSchema;
  /** 'config' when the class has a static `fromConfig`. */
  initialization: 'state' | 'config';
  hasPublicState: boolean;
}

export interface DeriveEnvironmentSchemaOptions {
  /** TypeScript source of the environment module. */
  source: string;
  /** The environment class; by default the module's single exported class extending `Environment`. */
  className?: string;
  /** Name used in diagnostics. */
  fileName?: string;
  /** Also report type errors (ENVIRONMENT_LOAD_FAILED listing each diagnostic with its line). */
  typecheck?: boolean;
}

const CORE_DIR = '/__envscaler_core__';
const MUTATING_METHODS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'delete',
  'clear',
  'add',
]);

let projectPromise: Promise<{ morph: TsMorph; project: Project }> | undefined;
const cache = new Map<string, DerivedEnvironmentSchema>();
let fileCounter = 0;

/** One long-lived in-memory ts-morph project with `@envscaler/core` resolvable, reused by every call. */
function sharedProject(): Promise<{ morph: TsMorph; project: Project }> {
  projectPromise ??= (async () => {
    const morph = await import('ts-morph');
    const ts = await loadTs();
    const project = new morph.Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        paths: { '@envscaler/core': [`${CORE_DIR}/index.ts`] },
      },
    });
    for (const [path, text] of Object.entries(CORE_SOURCES))
      project.createSourceFile(`${CORE_DIR}/${path}`, text);
    project.createSourceFile(
      `${CORE_DIR}/index.ts`,
      "export * from './environment.js';\nexport type * from './types/tool.js';\nexport type * from './types/json.js';\n",
    );
    return { morph, project };
  })();
  return projectPromise;
}

/**
 * Derives tool specs and the state schema from an environment module's TypeScript types and JSDoc.
 * Results are cached by the hash of the source and options.
 */
export async function deriveEnvironmentSchema(
  options: DeriveEnvironmentSchemaOptions,
): Promise<DerivedEnvironmentSchema> {
  const key = createHash('sha256')
    .update(`${options.className ?? ''}\u0000${options.typecheck ? 1 : 0}\u0000${options.source}`)
    .digest('hex');
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const { morph, project } = await sharedProject();
  const fileName = options.fileName ?? 'env.ts';
  const file = project.createSourceFile(`/env/${++fileCounter}-${key.slice(0, 12)}.ts`, options.source, {
    overwrite: true,
  });
  try {
    if (options.typecheck) {
      const ts = await loadTs();
      const errors = file
        .getPreEmitDiagnostics()
        .filter((d) => d.getCategory() === morph.DiagnosticCategory.Error)
        .map((d) => formatDiagnostic(ts, d.compilerObject, fileName));
      if (errors.length > 0) {
        throw new EnvscalerError(
          'ENVIRONMENT_LOAD_FAILED',
          `${fileName} does not type-check:\n${errors.join('\n')}`,
          {
            details: { fileName, diagnostics: errors },
          },
        );
      }
    }
    const derived = new Deriver(morph, fileName).derive(file.getClasses(), options.className);
    cache.set(key, derived);
    return structuredClone(derived);
  } finally {
    project.removeSourceFile(file);
  }
}

class Deriver {
  private readonly stack = new Set<unknown>();

  constructor(
    private readonly morph: TsMorph,
    private readonly fileName: string,
  ) {}

  private fail(message: string): never {
    throw new EnvscalerError('ENVIRONMENT_LOAD_FAILED', `${this.fileName}: ${message}`);
  }

  private isCoreEnvironment(cls: ClassDeclaration | undefined): boolean {
    return (
      cls !== undefined &&
      cls.getName() === 'Environment' &&
      cls.getSourceFile().getFilePath().startsWith(CORE_DIR)
    );
  }

  /** The chain from `cls` up to (excluding) core's Environment, or undefined if it does not extend it. */
  private chain(cls: ClassDeclaration): ClassDeclaration[] | undefined {
    const out: ClassDeclaration[] = [];
    for (let c: ClassDeclaration | undefined = cls; c !== undefined; c = c.getBaseClass()) {
      if (this.isCoreEnvironment(c)) return out;
      out.push(c);
    }
    return undefined;
  }

  derive(classes: ClassDeclaration[], className: string | undefined): DerivedEnvironmentSchema {
    const candidates = classes.filter((c) => c.isExported() && this.chain(c) !== undefined);
    let cls: ClassDeclaration | undefined;
    if (className !== undefined) {
      cls = candidates.find((c) => c.getName() === className);
      if (!cls) this.fail(`no exported class '${className}' extending Environment`);
    } else {
      if (candidates.length !== 1) {
        this.fail(
          candidates.length === 0
            ? 'no exported class extends Environment'
            : `${candidates.length} exported classes extend Environment (${candidates.map((c) => c.getName()).join(', ')}); name one`,
        );
      }
      cls = candidates[0]!;
    }
    const chain = this.chain(cls)!;
    const { SyntaxKind } = this.morph;

    const allMethods = chain.flatMap((c) => c.getInstanceMethods());
    // Inference walks every body with the type checker; skip it when every method says its kind
    // (generated environments always do), which is most of the cost of deriving a large class.
    const tagged = (m: MethodDeclaration) =>
      m.getJsDocs().some((d) => d.getTags().some((t) => ['mutation', 'query'].includes(t.getTagName())));
    const mutation = allMethods.every(tagged)
      ? new Map<MethodDeclaration, boolean>()
      : this.inferMutations(allMethods);
    const seen = new Set<string>();
    const tools: ToolSpec[] = [];
    for (const method of allMethods) {
      const name = method.getName();
      if (seen.has(name)) continue;
      seen.add(name);
      if (method.getNameNode().getKind() === SyntaxKind.PrivateIdentifier) continue;
      if (method.hasModifier(SyntaxKind.PrivateKeyword) || method.hasModifier(SyntaxKind.ProtectedKeyword))
        continue;
      if (name.startsWith('_')) continue;
      tools.push(this.tool(method, mutation.get(method) ?? false));
    }

    let stateType: Type | undefined;
    for (const c of chain) {
      const ext = c.getExtends();
      const base = c.getBaseClass();
      if (ext && this.isCoreEnvironment(base)) stateType = ext.getTypeArguments()[0]?.getType();
    }
    const stateDecl = cls.getSourceFile().getInterface('State') ?? cls.getSourceFile().getTypeAlias('State');
    stateType ??= stateDecl?.getType();
    const stateSchema = stateType ? this.schema(stateType, cls) : {};

    return {
      className: cls.getName() ?? 'Environment',
      description: docText(cls),
      tools,
      stateSchema,
      initialization: cls.getStaticMethod('fromConfig') ? 'config' : 'state',
      hasPublicState: cls.getStaticMethod('publicState') !== undefined,
    };
  }

  private tool(method: MethodDeclaration, inferred: boolean): ToolSpec {
    const name = method.getName();
    const params = method.getParameters();
    if (params.length > 1)
      this.fail(`tool '${name}' must take one arguments object, not ${params.length} parameters`);
    const tags = method.getJsDocs().flatMap((d) => d.getTags().map((t) => t.getTagName()));
    const kind = tags.includes('mutation')
      ? 'mutation'
      : tags.includes('query')
        ? 'query'
        : inferred
          ? 'mutation'
          : 'query';
    let parameters: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
    if (params.length === 1) {
      const param = params[0]!;
      parameters = this.schema(param.getType(), param);
      if (parameters.type !== 'object') this.fail(`tool '${name}' must take an object parameter`);
      const paramDocs = paramDescriptions(method);
      const props = parameters.properties as Record<string, JsonSchema> | undefined;
      for (const [prop, text] of Object.entries(paramDocs)) {
        const target = props?.[prop];
        if (target && target.description === undefined) target.description = text;
      }
    }
    return { name, description: docText(method), parameters, kind };
  }

  /** JSON Schema of a TypeScript type (inlined; recursive references become `{}`). */
  schema(type: Type, at: Node): JsonSchema {
    if (type.isAny() || type.isUnknown()) return {};
    if (type.isBoolean()) return { type: 'boolean' };
    if (type.isString() || type.isTemplateLiteral()) return { type: 'string' };
    if (type.isNumber()) return { type: 'number' };
    if (type.isNull()) return { type: 'null' };
    if (type.isStringLiteral() || type.isNumberLiteral()) {
      const value = type.getLiteralValue();
      return { type: typeof value === 'number' ? 'number' : 'string', enum: [value] };
    }
    if (type.isBooleanLiteral()) return { type: 'boolean', enum: [type.getText() === 'true'] };
    if (type.isUnion()) return this.union(type.getUnionTypes(), at);
    const key = type.compilerType;
    if (this.stack.has(key)) return {};
    this.stack.add(key);
    try {
      if (type.isArray() || type.isReadonlyArray()) {
        const element = type.getArrayElementType() ?? type.getTypeArguments()[0];
        return { type: 'array', items: element ? this.schema(element, at) : {} };
      }
      if (type.isTuple()) {
        const items = type.getTupleElements().map((t) => this.schema(t, at));
        return { type: 'array', items, minItems: items.length, maxItems: items.length };
      }
      if (type.isObject() || type.isIntersection()) {
        if (type.getCallSignatures().length > 0) return {};
        const symbolName = type.getSymbol()?.getName();
        if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
        const properties: Record<string, JsonSchema> = {};
        const required: string[] = [];
        for (const prop of type.getProperties()) {
          const name = prop.getName();
          const propType = prop.getTypeAtLocation(at);
          const schema = this.schema(propType, at);
          const doc = symbolDoc(this.morph, prop, at);
          if (doc) schema.description = doc;
          properties[name] = schema;
          if (!prop.isOptional()) required.push(name);
        }
        const index = type.getStringIndexType() ?? type.getNumberIndexType();
        const out: JsonSchema = { type: 'object', properties };
        if (required.length > 0) out.required = required;
        out.additionalProperties = index ? this.schema(index, at) : false;
        if (index && Object.keys(properties).length === 0) delete out.properties;
        return out;
      }
      return {};
    } finally {
      this.stack.delete(key);
    }
  }

  private union(members: Type[], at: Node): JsonSchema {
    const nonUndefined = members.filter((m) => !m.isUndefined() && !m.isVoid());
    const hasNull = nonUndefined.some((m) => m.isNull());
    const rest = nonUndefined.filter((m) => !m.isNull());
    const trueFalse = rest.filter((m) => m.isBooleanLiteral());
    const collapsedBoolean = trueFalse.length === 2;
    const others = collapsedBoolean ? rest.filter((m) => !m.isBooleanLiteral()) : rest;
    const literal = (m: Type) => m.isStringLiteral() || m.isNumberLiteral() || m.isBooleanLiteral();
    let out: JsonSchema;
    if (!collapsedBoolean && others.length > 0 && others.every(literal)) {
      const values = others.map((m) =>
        m.isBooleanLiteral() ? m.getText() === 'true' : (m.getLiteralValue() as string | number),
      );
      const types = [...new Set(values.map((v) => typeof v))];
      if (hasNull) {
        values.push(null as never);
        types.push('null' as never);
      }
      return { type: types.length === 1 ? types[0] : types, enum: values };
    }
    const schemas = others.map((m) => this.schema(m, at));
    if (collapsedBoolean) schemas.push({ type: 'boolean' });
    if (hasNull) schemas.push({ type: 'null' });
    if (schemas.length === 1) out = schemas[0]!;
    else if (schemas.every((s) => Object.keys(s).length === 1 && typeof s.type === 'string')) {
      out = { type: schemas.map((s) => s.type) };
    } else out = { anyOf: schemas };
    return out;
  }

  /**
   * Which methods change the state. A method is a mutation when its JSDoc says `@mutation`, or (without
   * `@query`) when its body assigns to, deletes, increments, or calls a mutating method
   * (push, splice, sort, set, delete, …, Object.assign) on a place rooted at `this.state` — a chain of
   * property/element accesses starting at `this.state` or at a local variable (or callback parameter)
   * holding an object taken from it or from a helper method of the class that returns one (e.g.
   * `const order = this.getOrder(id)`) — or when it calls another method of the class that is a mutation.
   * Mutations made by module-level helper functions are not seen: tag such methods `@mutation`.
   */
  private inferMutations(methods: MethodDeclaration[]): Map<MethodDeclaration, boolean> {
    const { SyntaxKind, Node } = this.morph;
    const direct = new Map<MethodDeclaration, boolean>();
    const calls = new Map<MethodDeclaration, Set<string>>();
    // Methods (helpers such as getOrder) that return objects taken from the state.
    const stateReturning = new Set<string>();
    const isStateCall = (d: Node): boolean => {
      if (!Node.isCallExpression(d)) return false;
      const callee = d.getExpression();
      return (
        Node.isPropertyAccessExpression(callee) &&
        callee.getExpression().getKind() === SyntaxKind.ThisKeyword &&
        stateReturning.has(callee.getName())
      );
    };
    const analyze = (method: MethodDeclaration): { mutates: boolean; returnsState: boolean } => {
      const body = method.getBody();
      const called = new Set<string>();
      calls.set(method, called);
      if (!body) return { mutates: false, returnsState: false };
      const aliases = new Set<string>();
      const refsState = (n: Node): boolean => {
        const hit = (d: Node) =>
          (Node.isPropertyAccessExpression(d) && d.getText() === 'this.state') ||
          (Node.isIdentifier(d) && aliases.has(d.getText())) ||
          isStateCall(d);
        return hit(n) || n.getDescendants().some(hit);
      };
      const isObjectish = (n: Node) => {
        const t = n.getType();
        return !(
          t.isString() ||
          t.isNumber() ||
          t.isBoolean() ||
          t.isStringLiteral() ||
          t.isNumberLiteral() ||
          t.isBooleanLiteral() ||
          t.isUndefined() ||
          t.isNull()
        );
      };
      const addNames = (nameNode: Node) => {
        let added = false;
        const ids = Node.isIdentifier(nameNode)
          ? [nameNode]
          : nameNode.getDescendantsOfKind(SyntaxKind.Identifier);
        for (const id of ids) {
          if (!aliases.has(id.getText()) && isObjectish(id)) {
            aliases.add(id.getText());
            added = true;
          }
        }
        return added;
      };
      // Fixed point: variables (and callback parameters) that hold objects reached from this.state.
      for (let changed = true; changed;) {
        changed = false;
        for (const decl of body.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
          const init = decl.getInitializer();
          const parent = decl.getParent()?.getParent();
          const iterated =
            parent && (Node.isForOfStatement(parent) || Node.isForInStatement(parent))
              ? parent.getExpression()
              : undefined;
          const source = init ?? iterated;
          if (source && refsState(source) && addNames(decl.getNameNode())) changed = true;
        }
        for (const fn of [
          ...body.getDescendantsOfKind(SyntaxKind.ArrowFunction),
          ...body.getDescendantsOfKind(SyntaxKind.FunctionExpression),
        ]) {
          const call = fn.getParent();
          if (!call || !Node.isCallExpression(call)) continue;
          const callee = call.getExpression();
          if (Node.isPropertyAccessExpression(callee) && refsState(callee.getExpression())) {
            for (const p of fn.getParameters()) if (addNames(p.getNameNode())) changed = true;
          }
        }
      }
      // A "place" rooted in the state: this.state, or a chain of property/element accesses ending there
      // or at an alias. Calls (Object.keys(this.state.x), arr.filter(…)) produce new values, not places.
      const rootedInState = (n: Node): boolean => {
        let e: Node = n;
        for (;;) {
          while (Node.isParenthesizedExpression(e) || Node.isNonNullExpression(e) || Node.isAsExpression(e))
            e = e.getExpression();
          if (e.getText() === 'this.state') return true;
          if (Node.isPropertyAccessExpression(e) || Node.isElementAccessExpression(e)) e = e.getExpression();
          else return (Node.isIdentifier(e) && aliases.has(e.getText())) || isStateCall(e);
        }
      };
      const target = (n: Node): boolean => {
        let e: Node = n;
        while (Node.isParenthesizedExpression(e) || Node.isNonNullExpression(e)) e = e.getExpression();
        if (e.getText() === 'this.state') return true;
        return (
          (Node.isPropertyAccessExpression(e) || Node.isElementAccessExpression(e)) &&
          rootedInState(e.getExpression())
        );
      };
      let mutates = false;
      body.forEachDescendant((d, traversal) => {
        if (Node.isBinaryExpression(d)) {
          const op = d.getOperatorToken().getKind();
          if (op >= SyntaxKind.FirstAssignment && op <= SyntaxKind.LastAssignment && target(d.getLeft()))
            mutates = true;
        } else if (Node.isPrefixUnaryExpression(d) || Node.isPostfixUnaryExpression(d)) {
          const op = d.getOperatorToken();
          if (
            (op === SyntaxKind.PlusPlusToken || op === SyntaxKind.MinusMinusToken) &&
            target(d.getOperand())
          )
            mutates = true;
        } else if (Node.isDeleteExpression(d)) {
          if (target(d.getExpression())) mutates = true;
        } else if (Node.isCallExpression(d)) {
          const callee = d.getExpression();
          if (Node.isPropertyAccessExpression(callee)) {
            const member = callee.getName();
            const receiver = callee.getExpression();
            if (receiver.getKind() === SyntaxKind.ThisKeyword) called.add(member);
            else if (MUTATING_METHODS.has(member) && rootedInState(receiver)) mutates = true;
            else if (
              receiver.getText() === 'Object' &&
              ['assign', 'defineProperty', 'defineProperties'].includes(member)
            ) {
              const first = d.getArguments()[0];
              if (first && rootedInState(first)) mutates = true;
            }
          }
        }
        if (mutates) traversal.stop();
      });
      const returnsState = body.getDescendantsOfKind(SyntaxKind.ReturnStatement).some((r) => {
        const value = r.getExpression();
        const owner = r.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a) || Node.isArrowFunction(a));
        return owner === method && value !== undefined && rootedInState(value) && isObjectish(value);
      });
      return { mutates, returnsState };
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const method of methods) {
        if (!stateReturning.has(method.getName()) && analyze(method).returnsState) {
          stateReturning.add(method.getName());
          changed = true;
        }
      }
    }
    for (const method of methods) direct.set(method, analyze(method).mutates);
    const byName = new Map(methods.map((m) => [m.getName(), m]));
    const result = new Map(direct);
    for (let changed = true; changed;) {
      changed = false;
      for (const method of methods) {
        if (result.get(method)) continue;
        for (const name of calls.get(method) ?? []) {
          const other = byName.get(name);
          if (other && result.get(other)) {
            result.set(method, true);
            changed = true;
            break;
          }
        }
      }
    }
    return result;
  }
}

function docText(node: { getJsDocs(): { getDescription(): string }[] }): string {
  return node
    .getJsDocs()
    .map((d) => d.getDescription().trim())
    .filter((t) => t.length > 0)
    .join('\n\n');
}

function symbolDoc(morph: TsMorph, symbol: MorphSymbol, at: Node): string {
  const checker = at.getProject().getTypeChecker().compilerObject;
  return morph.ts.displayPartsToString(symbol.compilerSymbol.getDocumentationComment(checker)).trim();
}

/** `@param args.orderId The order` (or `@param orderId …`) lines of a method's JSDoc, by property name. */
function paramDescriptions(method: MethodDeclaration): Record<string, string> {
  const out: Record<string, string> = {};
  for (const doc of method.getJsDocs()) {
    for (const tag of doc.getTags()) {
      if (tag.getTagName() !== 'param') continue;
      const match = /^@param\s+(?:\{[^}]*\}\s+)?\[?([\w$.]+)\]?\s*(?:-\s*)?([\s\S]*)$/.exec(
        tag.getText().trim(),
      );
      if (!match) continue;
      const name = match[1]!.split('.').pop()!;
      const text = match[2]!.replace(/\s*\*\s*/g, ' ').trim();
      if (match[1]!.includes('.') && text) out[name] = text;
    }
  }
  return out;
}
