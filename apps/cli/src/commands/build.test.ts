import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEnvironmentPackage } from '@envscaler/core';
import type { StageUsage } from '@envscaler/core';
import { type BuildReport } from '@envscaler/skelbuilder';
import { createScriptedChatModel, exampleScriptedEnvs, scriptedAnswer } from '@envscaler/skelbuilder/testing';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { runCli } from '../index.js';
import { createProgressReporter } from '../progress.js';
import { runBuild } from './build.js';

let server: MockOpenAIServer;
let root: string;
const saved = { ...process.env };
const envs = exampleScriptedEnvs();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cli-build-'));
  await writeFile(join(root, 'tasks.jsonl'), envs.map((e) => JSON.stringify(e.task)).join('\n'));
  server = await createMockOpenAIServer({
    script: (request) =>
      scriptedAnswer({ envs }, { stage: request.stage ?? 'unknown', messages: request.messages }),
  });
  process.env.OPENAI_BASE_URL = server.url;
  process.env.OPENAI_API_KEY = 'test-key';
  process.env.ENVSCALER_MODEL = 'mock-model';
  delete process.env.ENVSCALER_EMBEDDING_MODEL;
});

afterAll(async () => {
  process.env = saved;
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('envscaler build', () => {
  it('builds environments from a corpus over an OpenAI-compatible endpoint, then resumes from the cache', async () => {
    const out = join(root, 'out');
    const argv = [
      'build',
      '--tasks',
      join(root, 'tasks.jsonl'),
      '--out',
      out,
      '--tester-steps',
      '8',
      '--quiet',
    ];
    expect(await runCli({ argv })).toBe(0);
    const pkg = parseEnvironmentPackage(
      JSON.parse(await readFile(join(out, 'envs/public-library-loans/env.json'), 'utf8')),
    );
    expect(pkg.className).toBe('LibraryLoans');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.funnel[0]).toMatchObject({ stage: 'topic-judge', in: 3, out: 2 });
    expect(report.model).toBe('mock-model');
    const requests = server.requestCount;
    expect(requests).toBeGreaterThan(10);
    expect(await runCli({ argv })).toBe(0);
    expect(server.requestCount).toBe(requests);
  }, 120_000);

  it("prices each stage at its own model's price from the config, across a resume", async () => {
    const out = join(root, 'out-prices');
    const config = join(root, 'prices.config.json');
    const prices = {
      'mock-model': { promptPerMillion: 1, completionPerMillion: 2 },
      'strong-model': { promptPerMillion: 10, completionPerMillion: 40 },
    };
    await writeFile(
      config,
      JSON.stringify({ models: { stages: { 'logic-method': 'strong-model' } }, prices }),
    );
    const argv = ['build', '--tasks', join(root, 'tasks.jsonl'), '--out', out, '--config', config];
    expect(await runCli({ argv: [...argv, '--tester-steps', '8', '--quiet'] })).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BuildReport;
    const at = (model: keyof typeof prices, t: StageUsage) =>
      (t.promptTokens * prices[model].promptPerMillion +
        t.completionTokens * prices[model].completionPerMillion) /
      1e6;
    expect(report.tokens['logic-method']!.costUsd).toBeCloseTo(
      at('strong-model', report.tokens['logic-method']!),
      9,
    );
    expect(report.tokens['topic-judge']!.costUsd).toBeCloseTo(
      at('mock-model', report.tokens['topic-judge']!),
      9,
    );
    expect(Object.keys(report.tokensByModel)).toEqual(['mock-model', 'strong-model']);
    expect(report.corpus.filters).toMatchObject({ format: 'jsonl', records: 3, filtered: false, tasks: 3 });

    // the re-run answers everything from the stage cache and still reports the whole build's cost
    expect(await runCli({ argv: [...argv, '--tester-steps', '8', '--quiet'] })).toBe(0);
    const again = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(again.totalTokens).toEqual({
      ...report.totalTokens,
      calls: 0,
      cachedCalls: report.totalTokens.calls,
    });
  }, 120_000);

  it('counts gate drops as dropped, not failed, on the progress lines', async () => {
    const lines: string[] = [];
    await runBuild({
      tasks: join(root, 'tasks.jsonl'),
      out: join(root, 'out-progress'),
      model: createScriptedChatModel({ envs }),
      concurrency: 2,
      minScore: 7,
      qualityThreshold: 0.85,
      testerSteps: 8,
      repairRounds: 3,
      progress: createProgressReporter({ mode: 'plain', write: (t) => lines.push(t), plainIntervalMs: 0 }),
    });
    expect(lines.filter((l) => l.startsWith('topic-judge')).at(-1)).toMatch(/ 3\/3 {2}1 dropped /);
    expect(lines.join('')).not.toContain('failed');
  }, 120_000);

  it('exits 2 on a missing corpus or a bad flag', async () => {
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (stderr.push(String(c)), true));
    try {
      expect(
        await runCli({ argv: ['build', '--tasks', join(root, 'nope.jsonl'), '--out', root, '--quiet'] }),
      ).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr.join('')).toMatch(/^envscaler: corpus file not found: .*nope\.jsonl \(expected JSON Lines/);
    expect(stderr.join('')).not.toContain('ENOENT');
    expect(await runCli({ argv: ['build', '--tasks', 'x', '--out', root, '--quality-threshold', '3'] })).toBe(
      2,
    );
  });
});
