import { describe, expect, it } from 'vitest';
import { ChecklistTypeChecker, unwrapCheckSource } from './typecheck.js';
import { schemaToTs } from './schema-to-ts.js';
import { LIBRARY_STATE_SCHEMA, libraryEnv } from './test/library-env.js';

describe('ChecklistTypeChecker', () => {
  const checker = new ChecklistTypeChecker();

  it('accepts a well-typed check and reports a wrong property', () => {
    const env = libraryEnv();
    expect(checker.check({ env, source: "(final) => final.loans['L1']?.returned === true" })).toEqual({
      ok: true,
      errors: [],
    });
    const bad = checker.check({ env, source: "(final) => final.loans['L1']?.returnedAt === true" });
    expect(bad.ok).toBe(false);
    expect(bad.errors.join('\n')).toContain('returnedAt');
  });

  it('judges a checklist in one program exactly as it judges each check alone', () => {
    const env = libraryEnv();
    const sources = [
      "(final) => final.loans['L1']?.returned === true",
      "(final) => final.loans['L1']?.returnedAt === true",
      '(final) => { return final.loans[',
      "(final, initial) => Object.keys(final.loans).length > Object.keys(initial.loans).length",
      "(final) => final.books['b1']?.availability === false",
    ];
    const together = checker.checkAll({ env, sources });
    expect(together).toEqual(sources.map((source) => checker.check({ env, source })));
    expect(together.map((d) => d.ok)).toEqual([true, false, false, true, false]);
    expect(together[2]!.errors.join('\n')).toContain('does not parse');
  });

  it('types checks from the State JSON Schema when the environment has no source', () => {
    const env = { ...libraryEnv(), id: 'schema-only', source: undefined };
    expect(checker.check({ env, source: "(final) => final.books['b1']?.available === false" }).ok).toBe(true);
    expect(checker.check({ env, source: "(final) => final.books['b1']?.availability === false" }).ok).toBe(
      false,
    );
    expect(checker.stateType(env)).toContain('export type State');
  });

  it('shows check authors the type declarations of the module, not the class', () => {
    const text = checker.stateType(libraryEnv());
    expect(text).toContain('export interface State');
    expect(text).toContain('export interface Loan');
    expect(text).not.toContain('class LibraryLoans');
  });
});

describe('unwrapCheckSource', () => {
  it('strips fences, const declarations and trailing semicolons', () => {
    expect(unwrapCheckSource('```ts\nconst check = (final: Readonly<State>) => true;\n```')).toBe(
      '(final: Readonly<State>) => true',
    );
    expect(unwrapCheckSource('export default (f) => false;')).toBe('(f) => false');
  });
});

describe('schemaToTs', () => {
  it('renders records, arrays, enums and optional fields', () => {
    expect(schemaToTs(LIBRARY_STATE_SCHEMA)).toContain('"books": { [key: string]: {');
    expect(
      schemaToTs({
        type: 'object',
        required: ['a'],
        properties: { a: { enum: ['x', 'y'] }, b: { type: 'array', items: { type: 'integer' } } },
        additionalProperties: false,
      }),
    ).toBe('{ "a": "x" | "y"; "b"?: Array<number>; }');
  });
});
