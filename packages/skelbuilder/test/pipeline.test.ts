import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArtifact, parseBuildReport, parseEnvironmentPackage, parseQualityReport } from '@envscaler/core';
import { environmentDigest, loadEnvironment } from '@envscaler/runtime';
import { buildEnvironments, EnvTypeChecker, type BuildReport, type ProgressEvent } from '../src/index.js';
import { createScriptedChatModel } from '../src/testing.js';
import { pipelineEnvs } from './fixtures.js';

const packageDir = new URL('..', import.meta.url).pathname;
let out: string;
let report: BuildReport;
let firstCalls: number;
const progress: ProgressEvent[] = [];
const checker = new EnvTypeChecker({ thread: true });

beforeAll(async () => {
  out = await mkdtemp(join(packageDir, '.tmp-pipeline-'));
  const envs = pipelineEnvs();
  const model = createScriptedChatModel({ envs, malformedFirst: ['logic-entities'] });
  report = await buildEnvironments({
    tasks: envs.map((e) => e.task),
    model,
    out,
    concurrency: 3,
    testerSteps: 8,
    checker,
    onProgress: (event) => progress.push(event),
  });
  firstCalls = model.calls.length;
  expect(checker.threaded).toBe(true);
}, 180_000);

afterAll(async () => {
  await checker.dispose();
  await rm(out, { recursive: true, force: true });
});

const dropsOf = (stage: string) => report.funnel.find((f) => f.stage === stage)?.dropped ?? [];

describe('buildEnvironments on a scripted run', () => {
  it('drops a stateless task at the judge and a low-scoring topic', () => {
    expect(dropsOf('topic-judge')).toEqual([
      { stage: 'topic-judge', id: 'calc-001', reason: expect.stringMatching(/^stateless: .*arithmetic/) },
    ]);
    expect(dropsOf('topic-score')).toEqual([
      {
        stage: 'topic-score',
        id: 'astro-001',
        reason: expect.stringMatching(/score below 7 \(usefulness 3, modelability 6\)/),
      },
    ]);
  });

  it('merges the duplicate library topic and records both tasks on the kept one', () => {
    expect(report.dedup.method).toBe('tfidf');
    expect(report.dedup.merged).toEqual([{ representative: 'lib-001', members: ['lib-001', 'lib-002'] }]);
    expect(dropsOf('topic-dedup')).toEqual([
      expect.objectContaining({ id: 'lib-002', reason: expect.stringContaining('duplicate of') }),
    ]);
    const library = report.envs.find((e) => e.topicId === 'lib-001')!;
    expect(library).toMatchObject({
      envId: 'public-library-loans',
      status: 'kept',
      taskIds: ['lib-001', 'lib-002'],
      repairRounds: 1,
    });
  });

  it('drops the environment that never compiles, with the compiler message', () => {
    expect(dropsOf('logic')).toEqual([
      {
        stage: 'logic-repair',
        id: 'multi-storey-car-park',
        reason: expect.stringMatching(
          /after 3 repair round\(s\): parkCar: TS2339: Property 'plate' does not exist/,
        ),
      },
    ]);
  });

  it('keeps the diagnostics behind each repair round in report.json and report.md', async () => {
    // report.json is core's BuildReport, as its JSON Schema checks it (the viewer reads it so)
    const written: BuildReport = parseArtifact({
      text: await readFile(join(out, 'report.json'), 'utf8'),
      source: 'report.json',
      parse: parseBuildReport,
    });
    const library = written.envs.find((e) => e.envId === 'public-library-loans')!;
    expect(library.repairs).toEqual([
      {
        round: 1,
        diagnostics: [
          {
            file: 'env.ts',
            line: expect.any(Number),
            code: 'TS2322',
            message: expect.any(String),
            method: 'lendBook',
          },
        ],
      },
    ]);
    const carPark = written.envs.find((e) => e.envId === 'multi-storey-car-park')!;
    expect(carPark.repairs!.map((r) => r.round)).toEqual([1, 2, 3, 4]);
    expect(carPark.repairs![0]!.diagnostics[0]).toMatchObject({
      code: 'TS2339',
      method: 'parkCar',
      message: expect.stringContaining("Property 'plate' does not exist"),
    });
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('- `public-library-loans` round 1:');
    expect(markdown).toMatch(/- `env\.ts:\d+` TS2339 in `parkCar`: Property 'plate' does not exist/);
  });

  it('drops the environment below the quality threshold and keeps its quality report', async () => {
    expect(dropsOf('quality')).toEqual([
      {
        stage: 'quality',
        id: 'warehouse-stock-levels',
        reason: expect.stringMatching(/quality 0\.33 below threshold 0\.85 \(2 of 3/),
      },
    ]);
    const quality = parseQualityReport(
      JSON.parse(await readFile(join(out, 'dropped/warehouse-stock-levels/quality.json'), 'utf8')),
    );
    expect(quality).toMatchObject({ kept: false, counts: { pass: 1, warning: 0, fail: 2 } });
    expect(quality.steps[1]).toMatchObject({
      tool: 'adjustStock',
      result: { ok: true, data: { stock: -55 } },
      verdict: 'fail',
    });
  });

  it('writes a valid package, quality report and run report for the kept environment', async () => {
    const dir = join(out, 'envs/public-library-loans');
    const pkg = parseEnvironmentPackage(JSON.parse(await readFile(join(dir, 'env.json'), 'utf8')));
    expect(await readFile(join(dir, 'env.ts'), 'utf8')).toBe(pkg.source);
    expect(pkg).toMatchObject({
      id: 'public-library-loans',
      className: 'LibraryLoans',
      initialization: 'state',
    });
    expect(pkg.provenance.seedTaskIds).toEqual(['lib-001', 'lib-002']);
    // the runtime loads it without deriving again: the digest matches what was written
    expect(pkg.provenance.digest).toBe(environmentDigest(pkg));
    expect(pkg.tools.map((t) => [t.name, t.kind])).toEqual([
      ['getBook', 'query'],
      ['searchBooks', 'query'],
      ['lendBook', 'mutation'],
      ['returnBook', 'mutation'],
      ['listMemberLoans', 'query'],
    ]);
    const lend = pkg.tools.find((t) => t.name === 'lendBook')!;
    expect(lend.parameters).toMatchObject({
      required: ['memberId', 'bookId', 'dueDate'],
      properties: { memberId: { type: 'string', description: 'The borrowing member.' } },
    });
    const quality = parseQualityReport(JSON.parse(await readFile(join(dir, 'quality.json'), 'utf8')));
    expect(quality).toMatchObject({ kept: true, score: 1, counts: { pass: 8, warning: 0, fail: 0 } });
    // the tester's calls really ran: the second lend succeeded after the return freed a slot
    expect(quality.steps[3]).toMatchObject({
      tool: 'lendBook',
      result: { ok: true, data: { id: 'loan-3', bookId: 'b-3' } },
    });
    expect(quality.steps[4]).toMatchObject({ result: { ok: false, error: { code: 'MEMBER_SUSPENDED' } } });

    // report.json is core's BuildReport, as its JSON Schema checks it (the viewer reads it so)
    const written: BuildReport = parseArtifact({
      text: await readFile(join(out, 'report.json'), 'utf8'),
      source: 'report.json',
      parse: parseBuildReport,
    });
    expect(written.funnel.map((f) => [f.stage, f.in, f.out])).toEqual([
      ['topic-judge', 6, 5],
      ['topic-infer', 5, 5],
      ['topic-score', 5, 4],
      ['topic-dedup', 4, 3],
      ['logic', 3, 2],
      ['quality', 2, 1],
    ]);
    expect(written.tokens['logic-repair']!.calls).toBe(4); // 1 for lendBook + 3 for parkCar
    expect(written.tokens['logic-entities']!.calls).toBe(6); // malformed + re-ask, three topics
    expect(written.totalTokens.promptTokens).toBeGreaterThan(0);
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('TF-IDF cosine (no embeddings model given)');
    expect(markdown).toContain('`calc-001`');
    expect(progress.filter((p) => p.stage === 'quality').at(-1)).toEqual({
      stage: 'quality',
      done: 2,
      total: 2,
      dropped: 1,
    });
  });

  it('emits env.ts that compiles with tsc --noEmit --strict on its own and loads in the runtime', async () => {
    const dir = join(out, 'envs/public-library-loans');
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          customConditions: ['@envscaler/source'],
          skipLibCheck: true,
          types: [],
        },
        files: ['env.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [
      tsc,
      '--noEmit',
      '--strict',
      '-p',
      dir,
    ]).catch((e: { stdout: string }) => e);
    expect(result.stdout).toBe('');

    const pkg = parseEnvironmentPackage(JSON.parse(await readFile(join(dir, 'env.json'), 'utf8')));
    const loaded = await loadEnvironment({ package: pkg });
    try {
      const session = await loaded.createSession({
        initialState: {
          books: { b: { id: 'b', title: 'T', author: 'A', copiesTotal: 1, copiesAvailable: 1 } },
          members: { m: { id: 'm', name: 'M', status: 'active', maxLoans: 1 } },
          loans: {},
        },
      });
      expect(
        await session.call('lendBook', { memberId: 'm', bookId: 'b', dueDate: '2026-01-01' }),
      ).toMatchObject({ ok: true, data: { id: 'loan-1' } });
      expect(
        await session.call('lendBook', { memberId: 'm', bookId: 'b', dueDate: '2026-01-01' }),
      ).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
      session.dispose();
    } finally {
      loaded.dispose();
    }
  }, 60_000);

  it('resumes from the stage cache without calling the model again', async () => {
    expect(firstCalls).toBeGreaterThan(40);
    const envs = pipelineEnvs();
    const model = createScriptedChatModel({ envs, malformedFirst: ['logic-entities'] });
    const again = await buildEnvironments({
      tasks: envs.map((e) => e.task),
      model,
      out,
      concurrency: 2,
      testerSteps: 8,
      checker,
    });
    expect(model.calls).toHaveLength(0);
    expect(again.funnel.map((f) => [f.stage, f.out])).toEqual(report.funnel.map((f) => [f.stage, f.out]));
    expect(again.cache.misses).toBe(0);
    expect(again.totalTokens.calls).toBe(0);
  }, 120_000);
});
