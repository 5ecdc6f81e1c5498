import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLines, parseScenario, type ScriptedReply } from '@envscaler/core';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { runCli } from '../index.js';

const ENV_SOURCE = `import { Environment, type ToolResult } from '@envscaler/core';

export interface Book { id: string; title: string; available: boolean }
export interface Member { id: string; name: string; email: string; loanIds: string[] }
export interface Loan { id: string; bookId: string; memberId: string; dueDate: string; returned: boolean }
export interface State { books: Record<string, Book>; members: Record<string, Member>; loans: Record<string, Loan> }

/** A small lending library: members borrow and return books. */
export class LibraryLoans extends Environment<State> {
  /** Find a member by email. @query */
  getMember(args: { email: string }): ToolResult<Member> {
    const m = Object.values(this.state.members).find((x) => x.email === args.email);
    return m ? this.ok(m) : this.fail('NOT_FOUND', 'no member with that email');
  }

  /** Lend an available book to a member until dueDate (YYYY-MM-DD). @mutation */
  lendBook(args: { memberId: string; bookId: string; dueDate: string }): ToolResult<Loan> {
    const member = this.state.members[args.memberId];
    const book = this.state.books[args.bookId];
    if (!member || !book) return this.fail('NOT_FOUND', 'no such member or book');
    if (!book.available) return this.fail('UNAVAILABLE', 'book is on loan');
    const id = 'L' + (Object.keys(this.state.loans).length + 1);
    const loan = { id, bookId: book.id, memberId: member.id, dueDate: args.dueDate, returned: false };
    this.state.loans[id] = loan;
    member.loanIds.push(id);
    book.available = false;
    return this.ok(loan);
  }
}
`;

const STATE = {
  books: {
    b1: { id: 'b1', title: 'Dune', available: true },
    b2: { id: 'b2', title: 'Emma', available: false },
  },
  members: {
    m1: { id: 'm1', name: 'Ada Osei', email: 'ada@example.org', loanIds: [] },
    m2: { id: 'm2', name: 'Bruno Lind', email: 'bruno@example.org', loanIds: ['L1'] },
  },
  loans: { L1: { id: 'L1', bookId: 'b2', memberId: 'm2', dueDate: '2026-12-01', returned: false } },
};

const SCRIPT: Record<string, ScriptedReply[]> = {
  'scenario-state': [
    { content: `Here is the state:\n\`\`\`json\n${JSON.stringify({ state: STATE })}\n\`\`\`` },
  ],
  'scenario-task': [
    {
      json: {
        task: "I'm Ada Osei (ada@example.org) and I'd like to borrow Dune until 2026-12-20.",
        user: {
          persona: 'Ada, brisk.',
          knownInfo: 'Her email; wants Dune until 2026-12-20.',
          unknownInfo: 'Book ids.',
        },
      },
    },
  ],
  'scenario-checklist': [
    {
      json: {
        checklist: [
          { description: 'Ada has a loan of Dune due 2026-12-20.' },
          { description: 'Dune is no longer available.' },
        ],
      },
    },
  ],
  'scenario-checks': [
    {
      json: {
        checks: [
          {
            id: 'c1',
            source:
              "(final) => Object.values(final.loans).some((l) => l.memberId === 'm1' && l.bookId === 'b1' && l.dueDate === '2026-12-20')",
          },
          { id: 'c2', source: "(final) => final.books['b1']?.available === false" },
        ],
      },
    },
  ],
  'scenario-solver': [
    { toolCalls: [{ name: 'getMember', arguments: { email: 'ada@example.org' } }] },
    {
      toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm1', bookId: 'b1', dueDate: '2026-12-20' } }],
    },
    'Dune is yours until 2026-12-20.',
  ],
};

let server: MockOpenAIServer;
let root: string;
const saved = { ...process.env };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cli-scenarios-'));
  const envDir = join(root, 'envs', 'library-loans');
  await mkdir(envDir, { recursive: true });
  await writeFile(join(envDir, 'env.ts'), ENV_SOURCE);
  await writeFile(
    join(envDir, 'meta.json'),
    JSON.stringify({
      id: 'library-loans',
      topic: 'library',
      summary: 'Lending library',
      introduction: 'You help library members borrow books.',
      rules: ['Identify the member by email before lending.'],
    }),
  );
  server = await createMockOpenAIServer({
    script: SCRIPT,
  });
  process.env.OPENAI_BASE_URL = server.url;
  process.env.OPENAI_API_KEY = 'test-key';
  process.env.ENVSCALER_MODEL = 'mock-model';
});

afterAll(async () => {
  process.env = saved;
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('envscaler scenarios', () => {
  it('loads every environment under --envs and writes valid scenarios and a report', async () => {
    const out = join(root, 'out');
    const code = await runCli({
      argv: [
        'scenarios',
        '--envs',
        join(root, 'envs'),
        '--out',
        out,
        '--count',
        '1',
        '--concurrency',
        '1',
        '--quiet',
      ],
    });
    expect(code).toBe(0);
    const scenarios = parseJsonLines({
      text: await readFile(join(out, 'scenarios', 'library-loans.jsonl'), 'utf8'),
      parse: parseScenario,
    });
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]!.referenceSolution?.map((c) => c.name)).toEqual(['getMember', 'lendBook']);
    const report = JSON.parse(await readFile(join(out, 'scenarios', 'library-loans.report.json'), 'utf8'));
    expect(report.kept).toBe(1);
    expect(server.requestsFor('scenario-solver')).toHaveLength(3);
  });

  it('exits 2 on a missing environments directory and on a bad --count', async () => {
    expect(
      await runCli({
        argv: ['scenarios', '--envs', join(root, 'nope'), '--out', root, '--count', '1', '--quiet'],
      }),
    ).toBe(2);
    expect(await runCli({ argv: ['scenarios', '--envs', root, '--out', root, '--count', 'zero'] })).toBe(2);
  });

  it('runs fully offline from a scripted cassette (--scripted)', async () => {
    const scripted = join(root, 'cassette');
    await mkdir(join(scripted, 'scripted'), { recursive: true });
    for (const [stage, replies] of Object.entries(SCRIPT)) {
      await writeFile(
        join(scripted, 'scripted', `${stage}.jsonl`),
        replies.map((r) => JSON.stringify(r)).join('\n') + '\n',
      );
    }
    const env = { ...process.env };
    delete process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_API_KEY;
    delete process.env.ENVSCALER_MODEL;
    const before = server.requestCount;
    const out = join(root, 'out-scripted');
    try {
      const code = await runCli({
        argv: [
          'scenarios',
          '--envs',
          join(root, 'envs'),
          '--out',
          out,
          '--count',
          '1',
          '--scripted',
          scripted,
          '--quiet',
        ],
      });
      expect(code).toBe(0);
    } finally {
      process.env = env;
    }
    expect(server.requestCount).toBe(before);
    const text = await readFile(join(out, 'scenarios', 'library-loans.jsonl'), 'utf8');
    expect(parseJsonLines({ text, parse: parseScenario })[0]!.gates?.solvability?.passed).toBe(true);
  });
});
