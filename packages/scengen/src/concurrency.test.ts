import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { ChatRequest, ScriptedReply } from '@envscaler/core';
import { MockChatModel } from '@envscaler/testing';
import { generateScenarios } from './generate.js';
import { LIBRARY_STATE, libraryEnv } from './test/library-env.js';

interface Variant {
  task: string;
  check: string;
  calls: { name: string; arguments: Record<string, unknown> }[];
}

/** Three different tasks over the same world; handlers answer by what the request is about. */
const VARIANTS: Variant[] = [
  {
    task: 'I am Bruno Lind (bruno@example.org); please lend me The Left Hand of Darkness until 2027-01-10.',
    check: "(final) => Object.values(final.loans).some((l) => l.memberId === 'm2' && l.bookId === 'b2')",
    calls: [
      { name: 'get_member', arguments: { email: 'bruno@example.org' } },
      { name: 'lend_book', arguments: { memberId: 'm2', bookId: 'b2', dueDate: '2027-01-10' } },
    ],
  },
  {
    task: 'Ada Osei here, ada@example.org. I finished Dune, mark my loan L1 as returned please.',
    check: "(final) => final.loans['L1']?.returned === true",
    calls: [
      { name: 'get_member', arguments: { email: 'ada@example.org' } },
      { name: 'return_book', arguments: { loanId: 'L1' } },
    ],
  },
  {
    task: 'Hello, this is Ada Osei (ada@example.org): could I borrow Neuromancer until 2026-12-24?',
    check: "(final) => Object.values(final.loans).some((l) => l.memberId === 'm1' && l.bookId === 'b3')",
    calls: [
      { name: 'find_books', arguments: { query: 'Neuromancer' } },
      { name: 'lend_book', arguments: { memberId: 'm1', bookId: 'b3', dueDate: '2026-12-24' } },
    ],
  },
];

const prompt = (request: ChatRequest) => request.messages.map((m) => m.content ?? '').join('\n');
const variantOf = (request: ChatRequest) => VARIANTS.find((v) => prompt(request).includes(v.task))!;

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('runs candidates concurrently and keeps distinct scenarios in slot order', async () => {
  dir = await mkdtemp(join(tmpdir(), 'scengen-conc-'));
  let tasks = 0;
  const model = new MockChatModel({
    script: {
      'scenario-state': () => ({ json: { state: LIBRARY_STATE } }),
      'scenario-task': () => ({
        json: {
          task: VARIANTS[tasks++ % VARIANTS.length]!.task,
          user: { persona: 'A member.', knownInfo: 'Their email.' },
        },
      }),
      'scenario-checklist': (r) => ({ json: { checklist: [{ description: `Done: ${variantOf(r).task}` }] } }),
      'scenario-checks': (r) => ({ json: { checks: [{ id: 'c1', source: variantOf(r).check }] } }),
      'scenario-solver': (r): ScriptedReply => {
        const step = r.messages.filter((m) => m.role === 'assistant').length;
        const call = variantOf(r).calls[step];
        return call ? { toolCalls: [call] } : 'All done.';
      },
    },
  });
  const result = await generateScenarios({ env: libraryEnv(), count: 3, model, out: dir, concurrency: 3 });
  expect(result.report.kept).toBe(3);
  expect(new Set(result.scenarios.map((s) => s.task)).size).toBe(3);
  expect(new Set(result.scenarios.map((s) => s.id)).size).toBe(3);
  expect(result.report.dropped).toEqual([]);
  for (const s of result.scenarios) expect(s.referenceSolution).toHaveLength(2);
});
