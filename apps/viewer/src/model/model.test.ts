import { describe, expect, it } from 'vitest';
import { jsonDiff } from './json-diff.js';
import { href, parseRoute, type Route } from './route.js';
import { parameterRows, schemaType } from './schema.js';
import type { BuildReport, ScenarioReport } from '@envscaler/core';
import { aggregateScengenReports, buildFunnel, buildReportCounts, rewardHistogram, stageUsageRows } from './summary.js';
import { runStatsAccumulator } from './run-stats.js';
import { tokenize } from './tokenize.js';
import { virtualWindow } from './virtual.js';

describe('routes', () => {
  it('round-trips every page through the hash', () => {
    const routes: Route[] = [
      { page: 'summary' },
      { page: 'envs' },
      { page: 'envs', filter: 'lib rary' },
      { page: 'env', envId: 'library-loans' },
      { page: 'env', envId: 'library-loans', tab: 'source' },
      { page: 'scenarios', envId: 'a.b' },
      { page: 'scenarios', envId: 'a', scenarioId: 's/1 x' },
      { page: 'runs' },
      { page: 'run', runId: 'r1' },
      { page: 'run', runId: 'r1', envId: 'e', scenarioId: 's' },
      { page: 'run', runId: 'r1', status: 'failed' },
      { page: 'trajectory', runId: 'r1', index: 42 },
    ];
    for (const route of routes) expect(parseRoute(href(route))).toEqual(route);
  });

  it('treats an empty hash as the summary and unknown paths as not found', () => {
    expect(parseRoute('')).toEqual({ page: 'summary' });
    expect(parseRoute('#/')).toEqual({ page: 'summary' });
    expect(parseRoute('#/what/is/this')).toEqual({ page: 'not-found', hash: '#/what/is/this' });
    expect(parseRoute('#/runs/r1/abc')).toMatchObject({ page: 'not-found' });
  });
});

describe('tokenize', () => {
  it('classifies keywords, types, strings, numbers and comments and loses no text', () => {
    const source = "/** doc */\nexport class A extends B<State> { x = 'it\\'s'; n = 1_000; m = `t${1}`; // end\n}";
    const tokens = tokenize(source);
    expect(tokens.map((t) => t.text).join('')).toBe(source);
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds('keyword')).toEqual(['export', 'class', 'extends']);
    expect(kinds('type')).toEqual(['A', 'B', 'State']);
    expect(kinds('string')).toEqual(["'it\\'s'", '`t${1}`']);
    expect(kinds('number')).toEqual(['1_000']);
    expect(kinds('comment')).toEqual(['/** doc */', '// end']);
  });

  it('survives unterminated strings and comments and odd characters', () => {
    for (const source of ["'open", '/* open', '`open', 'a → b', '']) {
      expect(tokenize(source).map((t) => t.text).join('')).toBe(source);
    }
  });
});

describe('jsonDiff', () => {
  it('reports added, removed and changed leaves with JSON paths', () => {
    const before = { books: { B1: { onLoan: false } }, loans: {}, tags: ['a', 'b'], gone: 1 };
    const after = { books: { B1: { onLoan: true } }, loans: { 'L-1': { bookId: 'B1' } }, tags: ['a'], extra: null };
    expect(jsonDiff(before, after)).toEqual([
      { path: '$.books.B1.onLoan', op: 'changed', before: false, after: true },
      { path: '$.extra', op: 'added', after: null },
      { path: '$.gone', op: 'removed', before: 1 },
      { path: '$.loans["L-1"]', op: 'added', after: { bookId: 'B1' } },
      { path: '$.tags[1]', op: 'removed', before: 'b' },
    ]);
  });

  it('is empty for equal values and compares type changes as a change', () => {
    expect(jsonDiff({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(jsonDiff({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: '$.a', op: 'changed', before: [1], after: { 0: 1 } }]);
  });
});

describe('schema helpers', () => {
  it('labels types and lists parameters with required flags', () => {
    expect(schemaType({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    expect(schemaType({ enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(schemaType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(schemaType({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
    expect(schemaType({ $ref: '#/definitions/Book' })).toBe('Book');
    expect(
      parameterRows({ type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'the id' }, n: { type: 'integer' } } }),
    ).toEqual([
      { name: 'id', type: 'string', required: true, description: 'the id' },
      { name: 'n', type: 'integer', required: false },
    ]);
    expect(parameterRows({ type: 'object' })).toEqual([]);
  });
});

describe('summary model', () => {
  const usage = (calls: number, costUsd?: number) => ({
    calls,
    cachedCalls: 1,
    promptTokens: 10 * calls,
    completionTokens: calls,
    ...(costUsd === undefined ? {} : { costUsd }),
  });
  const build = {
    corpus: { tasks: 10 },
    funnel: [
      { stage: 'topic-judge', in: 10, out: 8, dropped: [] },
      { stage: 'topic-dedup', in: 8, out: 4, dropped: [] },
    ],
    tokens: { judge: usage(3, 0.1) },
  } as unknown as BuildReport;
  const scengen = (kept: number) =>
    ({
      candidates: 5,
      kept,
      funnel: [{ gate: 'state', entered: 5, passed: kept, dropped: 5 - kept, reasons: {} }],
      tokens: { 'scenario-task': usage(2), 'scenario-state': usage(1, 0.5) },
    }) as unknown as ScenarioReport;

  it("reads skelbuilder's funnel counts by stage name, leaving out stages the run did not reach", () => {
    expect(buildReportCounts(build)).toEqual({ tasks: 10, topics: 4, envs: undefined, kept: undefined });
  });

  it('prefers report numbers and falls back to disk counts', () => {
    const totals = aggregateScengenReports([scengen(3), scengen(4)]);
    const steps = buildFunnel({
      skelbuilder: build,
      scengen: totals.counts,
      disk: { envs: 3, keptEnvs: 2, scenarios: 6 },
    });
    expect(steps.map((s) => `${s.key}=${s.count}/${s.from}`)).toEqual([
      'tasks=10/report',
      'topics=4/report',
      'envs=3/disk',
      'kept=2/disk',
      'scenarios=10/report',
      'scenariosKept=7/report',
    ]);
    expect(totals.details).toEqual([{ source: 'scengen', stage: 'state', in: 10, out: 7 }]);
    expect(totals.usage.find((u) => u.stage === 'scenario-task')).toEqual({
      stage: 'scenario-task',
      promptTokens: 40,
      completionTokens: 4,
      calls: 4,
      cachedCalls: 2,
      from: 'scengen reports',
    });
    expect(totals.usage.find((u) => u.stage === 'scenario-state')?.costUsd).toBe(1);
  });

  it("lists a report's per-stage usage (core's StageUsage) as rows", () => {
    expect(stageUsageRows(build.tokens, 'r')).toEqual([
      { stage: 'judge', promptTokens: 30, completionTokens: 3, calls: 3, cachedCalls: 1, costUsd: 0.1, from: 'r' },
    ]);
  });

  it('bins rewards over [0, 1], a perfect score in the last bin', () => {
    expect(rewardHistogram([0, 0.05, 0.5, 0.99, 1, 1.2, Number.NaN])).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 3]);
  });
});

describe('virtualWindow', () => {
  it('renders only the visible rows plus overscan', () => {
    expect(virtualWindow({ count: 10_000, rowHeight: 30, scrollTop: 3000, viewportHeight: 600, overscan: 5 })).toEqual({
      start: 95,
      end: 126,
      offsetTop: 2850,
      totalHeight: 300_000,
    });
    expect(virtualWindow({ count: 3, rowHeight: 30, scrollTop: 0, viewportHeight: 600 })).toMatchObject({ start: 0, end: 3 });
  });
});

describe('run stats', () => {
  it('counts outcomes, bins scores and averages per environment over scored episodes only', () => {
    const acc = runStatsAccumulator(10);
    acc.add({ index: 0, line: 1, envId: 'b', score: 1, success: true });
    acc.add({ index: 1, line: 2, envId: 'b', score: 0.25, success: false });
    acc.add({ index: 2, line: 3, envId: 'a' });
    acc.add({ index: 3, line: 4, envId: 'a', score: 0.5, success: false, problem: { source: 'f:4', message: 'bad' } });
    acc.add({ index: 4, line: 5, score: 0.05, success: false });
    const stats = acc.result();
    expect(stats.outcomes).toEqual({ passed: 1, failed: 2, unscored: 1, invalid: 1 });
    expect(stats.rewardHistogram).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(stats.unscored).toBe(2);
    expect(stats.perEnvironment).toEqual([
      { envId: 'a', episodes: 1, unscored: 1 },
      { envId: 'b', episodes: 2, unscored: 0, meanReward: 0.625, successRate: 0.5 },
    ]);
  });
});
