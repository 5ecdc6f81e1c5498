import { describe, expect, it } from 'vitest';
import { deriveEnvironmentSchema } from '../index.js';
import { librarySource } from '../fixtures/load-fixture.js';

describe('deriveEnvironmentSchema', () => {
  it('derives tools from method signatures and JSDoc', async () => {
    const d = await deriveEnvironmentSchema({ source: librarySource });
    expect(d.className).toBe('Library');
    expect(d.description).toBe('A small lending library: members borrow and return books.');
    expect(d.initialization).toBe('state');
    const tool = (name: string) => d.tools.find((t) => t.name === name)!;
    // private helper methods are not tools
    expect(d.tools.map((t) => t.name)).not.toContain('note');
    expect(tool('getBook')).toEqual({
      name: 'getBook',
      description: 'Look up one book by id.',
      kind: 'query',
      parameters: {
        type: 'object',
        properties: { bookId: { type: 'string' } },
        required: ['bookId'],
        additionalProperties: false,
      },
    });
    // interface parameter, optional field, property JSDoc, @param args.x fallback
    expect(tool('lendBook').parameters).toEqual({
      type: 'object',
      properties: {
        memberId: { type: 'string', description: 'The member who borrows.' },
        bookId: { type: 'string', description: 'The book to lend.' },
        dueDate: { type: 'string', description: 'ISO date the book is due back.' },
      },
      required: ['memberId', 'bookId'],
      additionalProperties: false,
    });
    expect(tool('lendBook').description).toBe(
      'Lend a book to a member. Fails if the book is already on loan.',
    );
    // string-literal union alias -> enum, arrays, optional number
    expect(tool('listBooks').parameters).toEqual({
      type: 'object',
      properties: {
        condition: { type: 'string', enum: ['new', 'good', 'worn'] },
        tags: { type: 'array', items: { type: 'string' } },
        limit: { type: 'number' },
      },
      additionalProperties: false,
    });
    // nested object, Record<string, T>, boolean
    expect(tool('updateMember').parameters).toEqual({
      type: 'object',
      properties: {
        memberId: { type: 'string' },
        address: {
          type: 'object',
          properties: { street: { type: 'string' }, city: { type: 'string' }, zip: { type: 'string' } },
          required: ['street', 'city', 'zip'],
          additionalProperties: false,
        },
        notes: { type: 'object', additionalProperties: { type: 'string' } },
        vip: { type: 'boolean' },
      },
      required: ['memberId'],
      additionalProperties: false,
    });
    // literal union with null, and a non-literal union -> type list
    expect(tool('stats').parameters).toEqual({
      type: 'object',
      properties: {
        by: { type: ['string', 'null'], enum: ['condition', 'author', null] },
        extra: { type: ['string', 'number'] },
      },
      required: ['by'],
      additionalProperties: false,
    });
  });

  it('classifies queries and mutations (tags win over inference)', async () => {
    const d = await deriveEnvironmentSchema({ source: librarySource });
    const kinds = Object.fromEntries(d.tools.map((t) => [t.name, t.kind]));
    expect(kinds).toEqual({
      getBook: 'query',
      listBooks: 'query', // sorts a fresh array from Object.keys, not the state
      lendBook: 'mutation', // through local aliases and a private helper
      returnBook: 'mutation', // delete and reassignment through aliases
      updateMember: 'mutation', // Object.assign on an alias
      addBook: 'mutation',
      stats: 'query', // writes the counter, but tagged @query
      roll: 'mutation',
      misbehave: 'mutation',
    });
  });

  it('derives the State schema with nested interfaces, records, enums and optional fields', async () => {
    const d = await deriveEnvironmentSchema({ source: librarySource });
    const s = d.stateSchema as { properties: Record<string, unknown>; required: string[] };
    expect(s.required).toEqual(['books', 'members', 'log', 'counter']);
    expect(s.properties.books).toEqual({
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          title: { type: 'string', description: "The book's title." },
          author: { type: 'string' },
          year: { type: 'number' },
          condition: { type: 'string', enum: ['new', 'good', 'worn'] },
          tags: { type: 'array', items: { type: 'string' } },
          loanedTo: { type: 'string', description: 'Who holds it, if anyone.' },
        },
        required: ['title', 'author', 'year', 'condition', 'tags'],
        additionalProperties: false,
      },
    });
    expect(s.properties.log).toEqual({ type: 'array', items: { type: 'string' } });
  });

  it('handles tuples, anyOf unions, recursive types and no-argument tools', async () => {
    const source = `
      import { Environment, type ToolResult } from '@envscaler/core';
      interface Tree { label: string; children: Tree[] }
      type Shape = { kind: 'circle'; r: number } | { kind: 'square'; side: number };
      export class Shapes extends Environment<{ tree: Tree }> {
        /** @mutation */
        add(args: { shape: Shape; at: [number, number]; flag?: boolean | null }): ToolResult<null> { return this.ok(null); }
        count(): ToolResult<number> { return this.ok(0); }
        protected hidden(args: { x: string }): ToolResult<string> { return this.ok(args.x); }
        _internal(): void {}
      }`;
    const d = await deriveEnvironmentSchema({ source });
    expect(d.tools.map((t) => [t.name, t.kind])).toEqual([
      ['add', 'mutation'],
      ['count', 'query'],
    ]);
    const add = d.tools[0]!.parameters as { properties: Record<string, unknown> };
    expect(add.properties.shape).toEqual({
      anyOf: [
        {
          type: 'object',
          properties: { kind: { type: 'string', enum: ['circle'] }, r: { type: 'number' } },
          required: ['kind', 'r'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { kind: { type: 'string', enum: ['square'] }, side: { type: 'number' } },
          required: ['kind', 'side'],
          additionalProperties: false,
        },
      ],
    });
    expect(add.properties.at).toEqual({
      type: 'array',
      items: [{ type: 'number' }, { type: 'number' }],
      minItems: 2,
      maxItems: 2,
    });
    expect(add.properties.flag).toEqual({ type: ['boolean', 'null'] });
    expect(d.tools[1]!.parameters).toEqual({ type: 'object', properties: {}, additionalProperties: false });
    const tree = (d.stateSchema as { properties: { tree: { properties: { children: unknown } } } }).properties
      .tree;
    expect(tree.properties.children).toEqual({ type: 'array', items: {} });
  });

  it('rejects tools with several parameters and modules without an Environment class', async () => {
    const two = `import { Environment } from '@envscaler/core';
      export class Two extends Environment<{}> { f(a: { x: string }, b: number) { return this.ok(1); } }`;
    await expect(deriveEnvironmentSchema({ source: two })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
      message: expect.stringMatching(/tool 'f' must take one arguments object/),
    });
    await expect(deriveEnvironmentSchema({ source: 'export class A {}' })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
      message: expect.stringMatching(/no exported class extends Environment/),
    });
  });

  it('reports type errors with their line when asked to type-check', async () => {
    const source = `import { Environment, type ToolResult } from '@envscaler/core';
export class Bad extends Environment<{ n: number }> {
  f(args: { x: string }): ToolResult<number> {
    const y: number = args.x;
    return this.ok(y);
  }
}`;
    await expect(deriveEnvironmentSchema({ source, typecheck: true })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
      message: expect.stringMatching(/env\.ts:4:11 - error TS2322/),
    });
  });

  it('caches by source hash', async () => {
    const t0 = performance.now();
    await deriveEnvironmentSchema({ source: librarySource });
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
