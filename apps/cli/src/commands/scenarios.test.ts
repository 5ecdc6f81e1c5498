import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnvscalerError, parseJsonLines, parseScenario, type ScriptedReply } from '@envscaler/core';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { runCli } from '../index.js';
import { runScenarios } from './scenarios.js';

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

  it('with --keep-going skips a broken environment, finishes the others and exits 1', async () => {
    const envs = join(root, 'two-envs');
    const broken = join(envs, 'a-broken');
    await mkdir(broken, { recursive: true });
    await mkdir(join(envs, 'library-loans'), { recursive: true });
    await writeFile(join(envs, 'library-loans', 'env.ts'), ENV_SOURCE);
    await writeFile(
      join(envs, 'library-loans', 'meta.json'),
      await readFile(join(root, 'envs', 'library-loans', 'meta.json'), 'utf8'),
    );
    await writeFile(join(broken, 'env.ts'), 'export class Broken {\n  oops( {\n');
    await writeFile(
      join(broken, 'meta.json'),
      JSON.stringify({ id: 'a-broken', topic: 'x', summary: 'Does not compile.', rules: [] }),
    );
    const cassette = join(root, 'cassette-keep-going');
    await mkdir(join(cassette, 'scripted'), { recursive: true });
    for (const [stage, replies] of Object.entries(SCRIPT)) {
      await writeFile(
        join(cassette, 'scripted', `${stage}.jsonl`),
        replies.map((r) => JSON.stringify(r)).join('\n') + '\n',
      );
    }
    const run = async (out: string, ...flags: string[]) => {
      const stdout: string[] = [];
      const stderr: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((c) => (stdout.push(String(c)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((c) => (stderr.push(String(c)), true));
      try {
        const argv = ['scenarios', '--envs', envs, '--out', out, '--count', '1', '--quiet'];
        const code = await runCli({ argv: [...argv, '--scripted', cassette, ...flags] });
        return { code, stdout: stdout.join(''), stderr: stderr.join('') };
      } finally {
        vi.restoreAllMocks();
        process.exitCode = undefined; // runCli returns it; later runs in this process must not inherit it
      }
    };

    const stopped = await run(join(root, 'out-stop'));
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain(broken);
    expect(stopped.stdout).toBe('');

    const kept = await run(join(root, 'out-keep-going'), '--keep-going');
    expect(kept.code).toBe(1);
    expect(kept.stdout).toMatch(/^library-loans: 1\/1 scenarios/);
    const skipped = kept.stderr.trim().split('\n');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.startsWith(`skipped ${broken}: ${join(broken, 'env.ts')} does not compile`)).toBe(
      true,
    );
    const text = await readFile(join(root, 'out-keep-going', 'scenarios', 'library-loans.jsonl'), 'utf8');
    expect(parseJsonLines({ text, parse: parseScenario })).toHaveLength(1);
  });

  it('names the environment directory when its generation fails', async () => {
    const model = {
      complete: () => Promise.reject(new EnvscalerError('LLM_CALL_FAILED', 'endpoint down')),
    };
    const options = { envs: join(root, 'envs'), out: join(root, 'out-down'), count: 1, model };
    const error = await runScenarios(options).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'LLM_CALL_FAILED',
      message: `environment ${join(root, 'envs', 'library-loans')}: endpoint down`,
    });
    const { results, skipped } = await runScenarios({ ...options, keepGoing: true });
    expect(results).toEqual([]);
    expect(skipped).toEqual([{ dir: join(root, 'envs', 'library-loans'), reason: 'endpoint down' }]);
  });

  it('resumes a scripted run without handing one slot the replies written for another', async () => {
    // Two slots' replies, in order and without `match`: the case a restart used to shift.
    const state2 = structuredClone(STATE) as typeof STATE & { books: Record<string, unknown> };
    state2.books.b3 = { id: 'b3', title: 'Kindred', available: true };
    const task2 = "This is Bruno Lind (bruno@example.org): I'd like to take out Kindred until 2027-01-15.";
    const slot2: Record<string, ScriptedReply[]> = {
      'scenario-state': [{ json: { state: state2 } }],
      'scenario-task': [
        { json: { task: task2, user: { persona: 'Bruno.', knownInfo: 'His email.', unknownInfo: 'Ids.' } } },
      ],
      'scenario-checklist': [{ json: { checklist: [{ description: 'Bruno has a loan of Kindred.' }] } }],
      'scenario-checks': [
        {
          json: {
            checks: [
              {
                id: 'c1',
                source:
                  "(final) => Object.values(final.loans).some((l) => l.memberId === 'm2' && l.bookId === 'b3' && l.dueDate === '2027-01-15')",
              },
            ],
          },
        },
      ],
      'scenario-solver': [
        { toolCalls: [{ name: 'getMember', arguments: { email: 'bruno@example.org' } }] },
        {
          toolCalls: [
            { name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b3', dueDate: '2027-01-15' } },
          ],
        },
        'Kindred is yours until 2027-01-15.',
      ],
    };
    const cassette = join(root, 'cassette-resume');
    await mkdir(join(cassette, 'scripted'), { recursive: true });
    for (const [stage, replies] of Object.entries(SCRIPT)) {
      const all = [...replies, ...(slot2[stage] ?? [])];
      await writeFile(
        join(cassette, 'scripted', `${stage}.jsonl`),
        all.map((r) => JSON.stringify(r)).join('\n'),
      );
    }
    const run = (out: string, count: string) =>
      runCli({
        argv: [
          'scenarios',
          '--envs',
          join(root, 'envs'),
          '--out',
          out,
          '--count',
          count,
          '--solver-attempts',
          '1',
        ].concat(['--scripted', cassette, '--quiet']),
      });
    const scenariosOf = async (out: string) =>
      parseJsonLines({
        text: await readFile(join(out, 'scenarios', 'library-loans.jsonl'), 'utf8'),
        parse: parseScenario,
      }).map((s) => ({ ...s, provenance: { ...s.provenance, createdAt: '' } }));

    expect(await run(join(root, 'out-whole'), '2')).toBe(0);
    // The same run stopped after the first slot (a new process starts the scripts again), then resumed.
    expect(await run(join(root, 'out-resumed'), '1')).toBe(0);
    expect(await run(join(root, 'out-resumed'), '2')).toBe(0);

    const whole = await scenariosOf(join(root, 'out-whole'));
    expect(whole.map((s) => s.task)).toEqual([
      (SCRIPT['scenario-task']![0] as { json: { task: string } }).json.task,
      task2,
    ]);
    expect(await scenariosOf(join(root, 'out-resumed'))).toEqual(whole);
  });
});
