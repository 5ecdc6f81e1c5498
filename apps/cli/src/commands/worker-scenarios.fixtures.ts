// Shared by the scenario-job tests: a one-tool shelf environment and a model that answers every scengen
// stage for it, deterministically.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatRequest } from '@envscaler/core';
import { MockChatModel } from '@envscaler/testing';

const ENV_SOURCE = `import { Environment, type ToolResult } from '@envscaler/core';

export interface Book { id: string; title: string; available: boolean }
export interface State { books: Record<string, Book> }

/** A shelf of books that can be lent. */
export class Shelf extends Environment<State> {
  /** Lend an available book. @mutation */
  lendBook(args: { bookId: string }): ToolResult<Book> {
    const book = this.state.books[args.bookId];
    if (!book) return this.fail('NOT_FOUND', 'no such book');
    if (!book.available) return this.fail('UNAVAILABLE', 'book is on loan');
    book.available = false;
    return this.ok(book);
  }
}
`;

const STATE = {
  books: {
    b1: { id: 'b1', title: 'Dune', available: true },
    b2: { id: 'b2', title: 'Emma', available: true },
  },
};

/** Answers every scengen stage for any environment, deterministically. */
export function model(): MockChatModel {
  return new MockChatModel({
    script: {
      'scenario-state': () => ({ content: `\`\`\`json\n${JSON.stringify({ state: STATE })}\n\`\`\`` }),
      'scenario-task': () => ({
        json: { task: 'Please lend me Dune (b1).', user: { persona: 'Brisk.', knownInfo: 'Wants b1.' } },
      }),
      'scenario-checklist': () => ({ json: { checklist: [{ description: 'Dune is on loan.' }] } }),
      'scenario-checks': () => ({
        json: { checks: [{ id: 'c1', source: "(final) => final.books['b1']?.available === false" }] },
      }),
      'scenario-solver': (request: ChatRequest) =>
        request.messages.some((m) => m.role === 'tool')
          ? 'Dune is yours.'
          : { toolCalls: [{ id: 'call_1', name: 'lendBook', arguments: { bookId: 'b1' } }] },
    },
  });
}

/** One shelf environment per id under `envs` (`<envs>/<id>/env.ts` and meta.json). */
export async function writeShelves(envs: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await mkdir(path.join(envs, id), { recursive: true });
    await writeFile(path.join(envs, id, 'env.ts'), ENV_SOURCE);
    await writeFile(
      path.join(envs, id, 'meta.json'),
      JSON.stringify({ id, topic: 'books', summary: 'A shelf.', introduction: 'You lend books.', rules: [] }),
    );
  }
}
