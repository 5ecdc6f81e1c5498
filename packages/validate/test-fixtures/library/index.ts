import { readFileSync } from 'node:fs';
import type { EnvironmentPackage, Scenario, ToolSpec } from '@envscaler/core';
import { LibraryLoans, type State } from './env.js';
import { inProcessEnvironment } from '../in-process.js';

export const librarySource = readFileSync(new URL('./env.ts', import.meta.url), 'utf8');

const str = { type: 'string' } as const;
export const libraryTools: ToolSpec[] = [
  {
    name: 'findBooks',
    description: 'Find books whose title contains the text (case-insensitive).',
    parameters: { type: 'object', properties: { title: str }, required: ['title'], additionalProperties: false },
    kind: 'query',
  },
  {
    name: 'getMember',
    description: 'Look up a member by id.',
    parameters: { type: 'object', properties: { memberId: str }, required: ['memberId'], additionalProperties: false },
    kind: 'query',
  },
  {
    name: 'lendBook',
    description: 'Lend a book to a member. Fails if the book is already on loan.',
    parameters: {
      type: 'object',
      properties: { memberId: str, bookId: str },
      required: ['memberId', 'bookId'],
      additionalProperties: false,
    },
    kind: 'mutation',
  },
  {
    name: 'returnBook',
    description: 'Return a borrowed book.',
    parameters: { type: 'object', properties: { loanId: str }, required: ['loanId'], additionalProperties: false },
    kind: 'mutation',
  },
];

const record = (item: object) => ({ type: 'object', additionalProperties: item });
export const libraryStateSchema = {
  type: 'object',
  required: ['books', 'members', 'loans', 'nextLoan'],
  additionalProperties: false,
  properties: {
    books: record({
      type: 'object',
      required: ['id', 'title', 'available'],
      properties: { id: str, title: str, available: { type: 'boolean' } },
    }),
    members: record({
      type: 'object',
      required: ['id', 'name', 'loanIds'],
      properties: { id: str, name: str, loanIds: { type: 'array', items: str } },
    }),
    loans: record({
      type: 'object',
      required: ['id', 'bookId', 'memberId', 'returned'],
      properties: { id: str, bookId: str, memberId: str, returned: { type: 'boolean' } },
    }),
    nextLoan: { type: 'integer' },
  },
};

export const libraryPackage: EnvironmentPackage = {
  schemaVersion: 1,
  id: 'library-loans',
  className: 'LibraryLoans',
  topic: 'library',
  summary: 'A small lending library.',
  introduction: 'You are the assistant of a small lending library. Help members borrow and return books.',
  rules: ['Confirm the member id before lending a book.', 'A book on loan cannot be lent again.'],
  stateSchema: libraryStateSchema,
  tools: libraryTools,
  source: librarySource,
  initialization: 'state',
  provenance: { createdAt: '2026-01-01T00:00:00.000Z' },
};

export function libraryState(): State {
  return {
    books: {
      b1: { id: 'b1', title: 'Dune', available: true },
      b2: { id: 'b2', title: 'Emma', available: false },
    },
    members: {
      m1: { id: 'm1', name: 'Ada', loanIds: ['L1'] },
      m2: { id: 'm2', name: 'Bob', loanIds: [] },
    },
    loans: { L1: { id: 'L1', bookId: 'b2', memberId: 'm1', returned: false } },
    nextLoan: 2,
  };
}

/** Bob borrows Dune; Ada returns Emma. */
export function libraryScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: 1,
    id: 'lib-1',
    envId: 'library-loans',
    initialState: libraryState(),
    task: 'I am member m2 (Bob). Please lend me the book "Dune", and return loan L1 for my friend Ada.',
    user: {
      persona: 'Bob, a friendly library member.',
      knownInfo: 'Your member id is m2. Ada\'s loan id is L1.',
      unknownInfo: 'You do not know the book id of Dune.',
    },
    checklist: [
      {
        id: 'dune-lent-to-bob',
        description: 'Dune is on loan to Bob',
        source:
          "(final: Readonly<State>, initial: Readonly<State>) => initial.books.b1.available && Object.values(final.loans).some((l) => l.bookId === 'b1' && l.memberId === 'm2' && !l.returned)",
      },
      {
        id: 'emma-returned',
        description: 'Loan L1 is returned',
        source: 'function check(final: Readonly<State>) { return final.loans.L1.returned === true && final.books.b2.available; }',
      },
    ],
    referenceSolution: [
      { name: 'findBooks', arguments: { title: 'dune' } },
      { name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } },
      { name: 'returnBook', arguments: { loanId: 'L1' } },
    ],
    provenance: { createdAt: '2026-01-01T00:00:00.000Z' },
    ...overrides,
  };
}

export function libraryEnvironment() {
  return inProcessEnvironment<State>({ pkg: libraryPackage, Class: LibraryLoans });
}
