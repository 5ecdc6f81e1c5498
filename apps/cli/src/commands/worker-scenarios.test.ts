import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest } from '@envscaler/core';
import {
  createInProcessBackend,
  createRedisBackend,
  startRedisServer,
  startWorker,
  type JobHandler,
  type RedisServer,
} from '@envscaler/jobs';
import { MockChatModel } from '@envscaler/testing';
import { runCli } from '../index.js';
import { createScenariosHandler, runScenarioJobs } from '../jobs/scenario-jobs.js';

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
function model(): MockChatModel {
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

let root: string;
let envs: string;
let redis: RedisServer;
const ENV_IDS = ['shelf-a', 'shelf-b', 'shelf-c'];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-scenario-jobs-'));
  envs = path.join(root, 'envs');
  for (const id of ENV_IDS) {
    await mkdir(path.join(envs, id), { recursive: true });
    await writeFile(path.join(envs, id, 'env.ts'), ENV_SOURCE);
    await writeFile(
      path.join(envs, id, 'meta.json'),
      JSON.stringify({ id, topic: 'books', summary: 'A shelf.', introduction: 'You lend books.', rules: [] }),
    );
  }
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
  await rm(root, { recursive: true, force: true });
});

/** scenarios/<envId>.jsonl without timestamps. */
async function scenarioFiles(out: string): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {};
  for (const name of (await readdir(path.join(out, 'scenarios')))
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    files[name] = (await readFile(path.join(out, 'scenarios', name), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => {
        const s = JSON.parse(l);
        delete s.provenance.createdAt;
        return s;
      });
  }
  return files;
}

describe('scenario generation as jobs (one per environment)', () => {
  it('in-process and on two Redis workers give the same scenario files; a re-run queues nothing', async () => {
    const common = { envs, count: 1, concurrency: 1, solverAttempts: 1 };
    const local = path.join(root, 'local');
    const a = await runScenarioJobs({
      ...common,
      out: local,
      backend: createInProcessBackend({ concurrency: 2 }),
      handler: createScenariosHandler({ model: model() }),
    });
    expect(a.map((o) => [o.envId, o.kept])).toEqual(ENV_IDS.map((id) => [id, 1]));

    const models = [model(), model()];
    const workers = models.map((m) =>
      startWorker({
        url: redis.url,
        queueName: 'scen',
        concurrency: 1,
        handlers: { scenarios: createScenariosHandler({ model: m }) as JobHandler<never> },
      }),
    );
    try {
      const distributed = path.join(root, 'distributed');
      const b = await runScenarioJobs({
        ...common,
        out: distributed,
        backend: createRedisBackend({
          url: redis.url,
          queueName: 'scen',
          concurrency: 0,
          pollIntervalMs: 50,
        }),
      });
      expect(b).toEqual(a.map((o) => ({ ...o, scenarios: o.scenarios.replace(local, distributed) })));
      expect(await scenarioFiles(distributed)).toEqual(await scenarioFiles(local));
      const calls = models.map((m) => m.calls.length);
      expect(calls.every((n) => n > 0)).toBe(true);
      await runScenarioJobs({
        ...common,
        out: distributed,
        backend: createRedisBackend({
          url: redis.url,
          queueName: 'scen',
          concurrency: 0,
          pollIntervalMs: 50,
        }),
      });
      expect(models.map((m) => m.calls.length)).toEqual(calls);

      // The same coordinator through the CLI flag: a third run over the finished directory queues nothing.
      const printed: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => (
        printed.push(String(chunk)),
        true
      )) as typeof process.stdout.write;
      try {
        const code = await runCli({
          argv: [
            'scenarios',
            '--envs',
            envs,
            '--out',
            distributed,
            '--count',
            '1',
            '--solver-attempts',
            '1',
            '--concurrency',
            '1',
            '--backend',
            'redis',
            '--redis',
            redis.url,
            '--queue',
            'scen',
            '--quiet',
          ],
        });
        expect(code).toBe(0);
      } finally {
        process.stdout.write = write;
      }
      expect(printed.join('')).toContain(`${ENV_IDS[0]}: 1 scenarios`);
      expect(models.map((m) => m.calls.length)).toEqual(calls);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 120_000);
});
