import type { ToolResult, ToolSpec } from '@envscaler/core';
import type { ToolSession } from '@envscaler/core';
import type { ScenarioEnvironment } from '../types.js';

/** The module source the type checker sees (what skelbuilder would have written). */
export const LIBRARY_SOURCE = `import { Environment, type ToolResult } from '@envscaler/core';

export interface Book { id: string; title: string; author: string; available: boolean }
export interface Member { id: string; name: string; email: string; loanIds: string[] }
export interface Loan { id: string; bookId: string; memberId: string; dueDate: string; returned: boolean }
export interface State { books: Record<string, Book>; members: Record<string, Member>; loans: Record<string, Loan> }

/** A small lending library. */
export class LibraryLoans extends Environment<State> {
  /** Lend a book to a member. */
  lendBook(args: { memberId: string; bookId: string; dueDate: string }): ToolResult<Loan> {
    throw new Error('not used in tests: the fixture session implements the tools');
  }
}
`;

export interface LibraryState {
  books: Record<string, { id: string; title: string; author: string; available: boolean }>;
  members: Record<string, { id: string; name: string; email: string; loanIds: string[] }>;
  loans: Record<string, { id: string; bookId: string; memberId: string; dueDate: string; returned: boolean }>;
}

const str = { type: 'string' } as const;
export const LIBRARY_STATE_SCHEMA = {
  type: 'object',
  required: ['books', 'members', 'loans'],
  additionalProperties: false,
  properties: {
    books: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['id', 'title', 'author', 'available'],
        additionalProperties: false,
        properties: { id: str, title: str, author: str, available: { type: 'boolean' } },
      },
    },
    members: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['id', 'name', 'email', 'loanIds'],
        additionalProperties: false,
        properties: { id: str, name: str, email: str, loanIds: { type: 'array', items: str } },
      },
    },
    loans: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['id', 'bookId', 'memberId', 'dueDate', 'returned'],
        additionalProperties: false,
        properties: { id: str, bookId: str, memberId: str, dueDate: str, returned: { type: 'boolean' } },
      },
    },
  },
};

const TOOLS: ToolSpec[] = [
  {
    name: 'find_books',
    description: 'Find books whose title contains the query.',
    kind: 'query',
    parameters: { type: 'object', required: ['query'], properties: { query: str } },
  },
  {
    name: 'get_member',
    description: 'Get a member by email.',
    kind: 'query',
    parameters: { type: 'object', required: ['email'], properties: { email: str } },
  },
  {
    name: 'lend_book',
    description: 'Lend an available book to a member until dueDate (YYYY-MM-DD).',
    kind: 'mutation',
    parameters: {
      type: 'object',
      required: ['memberId', 'bookId', 'dueDate'],
      properties: { memberId: str, bookId: str, dueDate: str },
    },
  },
  {
    name: 'return_book',
    description: 'Mark a loan as returned.',
    kind: 'mutation',
    parameters: { type: 'object', required: ['loanId'], properties: { loanId: str } },
  },
];

function ok<T>(data: T): ToolResult<T> {
  return { ok: true, data };
}
function fail(code: string, message: string): ToolResult<never> {
  return { ok: false, error: { code, message } };
}

/** An in-process session with the same tools, standing in for the runtime's sandboxed one. */
function librarySession(initial: LibraryState): ToolSession {
  const state = structuredClone(initial);
  const tools: Record<string, (args: Record<string, unknown>) => ToolResult> = {
    find_books: ({ query }) =>
      ok(
        Object.values(state.books).filter((b) => b.title.toLowerCase().includes(String(query).toLowerCase())),
      ),
    get_member: ({ email }) => {
      const m = Object.values(state.members).find((x) => x.email === email);
      return m ? ok(m) : fail('NOT_FOUND', `no member with email ${String(email)}`);
    },
    lend_book: ({ memberId, bookId, dueDate }) => {
      const member = state.members[String(memberId)];
      const book = state.books[String(bookId)];
      if (!member) return fail('NOT_FOUND', 'no such member');
      if (!book) return fail('NOT_FOUND', 'no such book');
      if (!book.available) return fail('UNAVAILABLE', 'book is on loan');
      const id = `L${Object.keys(state.loans).length + 1}`;
      const loan = { id, bookId: book.id, memberId: member.id, dueDate: String(dueDate), returned: false };
      state.loans[id] = loan;
      member.loanIds.push(id);
      book.available = false;
      return ok(loan);
    },
    return_book: ({ loanId }) => {
      const loan = state.loans[String(loanId)];
      if (!loan) return fail('NOT_FOUND', 'no such loan');
      if (loan.returned) return fail('ALREADY_RETURNED', 'already returned');
      loan.returned = true;
      state.books[loan.bookId]!.available = true;
      return ok(loan);
    },
  };
  return {
    async call(name, args) {
      const tool = tools[name];
      return tool ? tool(args as Record<string, unknown>) : fail('UNKNOWN_TOOL', `no tool ${name}`);
    },
    snapshot: () => structuredClone(state),
    dispose: () => undefined,
  };
}

export function libraryEnv(): ScenarioEnvironment {
  return {
    id: 'library-loans',
    tools: TOOLS,
    stateSchema: LIBRARY_STATE_SCHEMA,
    introduction: 'You are the assistant of a small lending library. Help members borrow and return books.',
    rules: ['A book can be on loan to one member at a time.', 'Identify the member by email before lending.'],
    source: LIBRARY_SOURCE,
    createSession: ({ initialState }) => librarySession(initialState as LibraryState),
  };
}

/** A consistent world: two members, three books, one open loan. */
export const LIBRARY_STATE: LibraryState = {
  books: {
    b1: { id: 'b1', title: 'Dune', author: 'Frank Herbert', available: false },
    b2: { id: 'b2', title: 'The Left Hand of Darkness', author: 'Ursula K. Le Guin', available: true },
    b3: { id: 'b3', title: 'Neuromancer', author: 'William Gibson', available: true },
  },
  members: {
    m1: { id: 'm1', name: 'Ada Osei', email: 'ada@example.org', loanIds: ['L1'] },
    m2: { id: 'm2', name: 'Bruno Lind', email: 'bruno@example.org', loanIds: [] },
  },
  loans: { L1: { id: 'L1', bookId: 'b1', memberId: 'm1', dueDate: '2026-12-01', returned: false } },
};
