import { describe, expect, it } from 'vitest';
import { libraryScriptedEnvs } from '../scripted-example.js';
import { assembleEnvironment, normalizeBody, renderSignature } from './codegen.js';
import { checkEntityModel, checkOperations, type EntityModel, type OperationSpec } from './spec.js';
import { checkBodySyntax, EnvTypeChecker } from './typecheck.js';

const library = libraryScriptedEnvs()[0]!;
const entities = library.entities as EntityModel;
const operations = library.operations as OperationSpec[];

describe('code generation', () => {
  it('cleans bodies written as fenced code or as the whole method', () => {
    expect(normalizeBody('```ts\nreturn this.ok(1);\n```')).toBe('return this.ok(1);');
    expect(
      normalizeBody(
        'getBook(args: { bookId: string }): ToolResult<Book> {\n  return this.ok(1);\n}',
        'getBook',
      ),
    ).toBe('return this.ok(1);');
    expect(normalizeBody('  return this.ok(1);  ', 'getBook')).toBe('return this.ok(1);');
  });

  it('catches unbalanced bodies before assembly', () => {
    expect(checkBodySyntax('if (x) { return 1;')).not.toEqual([]);
    expect(checkBodySyntax('return 1; }\nfoo() {')).not.toEqual([]);
    expect(checkBodySyntax('const a = `x\n${1}`;\nreturn a;')).toEqual([]);
  });

  it('writes a signature with documented arguments and a module that type-checks', () => {
    expect(renderSignature(operations[0]!, entities)).toBe(
      'getBook(args: {\n    /** Catalogue id of the book. */\n    bookId: string;\n  }): ToolResult<Book>',
    );
    const source = assembleEnvironment({
      model: entities,
      operations: [{ ...operations[0]!, args: [] }],
      bodies: {},
    });
    expect(source).toContain('getBook(): ToolResult<Book> {');
    expect(source).toContain("return this.fail('NOT_IMPLEMENTED', 'getBook is not implemented');");
    expect(new EnvTypeChecker().check({ source })).toEqual([]);
  });

  it('reports entity and operation problems the model can fix', () => {
    const bad: EntityModel = {
      ...entities,
      className: 'library',
      entities: [
        { ...entities.entities[0]!, fields: entities.entities[0]!.fields.filter((f) => f.name !== 'id') },
      ],
    };
    expect(checkEntityModel(bad)).toEqual([
      "className 'library' must be a PascalCase identifier (and not a built-in name)",
      "entities[0]: entity 'Book' needs a required field 'id' of type string (its key in 'books')",
    ]);
    const ops: OperationSpec[] = [
      { ...operations[0]!, name: 'state', result: { type: 'Widget', description: '' } },
    ];
    const problems = checkOperations(ops, entities);
    expect(problems[0]).toBe('at least one operation must be a mutation (change state)');
    expect(problems.join('\n')).toMatch(/name 'state' must be a camelCase identifier/);
    expect(problems.join('\n')).toMatch(/result\.type 'Widget' must be/);
  });
});

describe('type aliases', () => {
  it('normalises common type spellings before checking', async () => {
    const { normalizeFieldType } = await import('./spec.js');
    const cases: [string, string, string[]?][] = [
      ['integer', 'number'],
      ['Date', 'string'],
      ['array<string>', 'string[]'],
      ['list[int]', 'number[]'],
      ['float[]', 'number[]'],
      ['string', 'enum', ['a', 'b']],
      ['widget', 'widget'],
    ];
    for (const [type, expected, values] of cases) {
      const field = {
        name: 'x',
        type,
        description: '',
        ...(values ? { values } : {}),
      } as never as Parameters<typeof normalizeFieldType>[0];
      normalizeFieldType(field);
      expect(field.type).toBe(expected);
    }
  });
});
