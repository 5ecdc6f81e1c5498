import { describe, expect, it } from 'vitest';
import { InvalidArtifactError } from './errors.js';
import type {
  EnvironmentPackage,
  QualityReport,
  RunSummary,
  Scenario,
  Trajectory,
} from './types/artifacts.js';
import {
  compileSchema,
  jsonPath,
  parseEnvironmentPackage,
  parseQualityReport,
  parseReward,
  parseRunSummary,
  parseScenario,
  parseToolResult,
  parseToolSpec,
  parseTrajectory,
} from './validation.js';
import { parseJsonLines } from './json-text.js';

const createdAt = '2026-11-26T10:00:00.000Z';

const quality: QualityReport = {
  schemaVersion: 1,
  envId: 'library-loans',
  score: 0.9,
  threshold: 0.85,
  kept: true,
  counts: { pass: 9, warning: 0, fail: 1 },
  steps: [
    {
      index: 0,
      tool: 'lendBook',
      arguments: { memberId: 'm1', bookId: 'b1' },
      result: { ok: true, data: { loanId: 'l1' } },
      verdict: 'pass',
      reason: 'loan created',
    },
  ],
};

const envPackage: EnvironmentPackage = {
  schemaVersion: 1,
  id: 'library-loans',
  className: 'LibraryLoans',
  topic: 'Library lending',
  summary: 'Members borrow and return books.',
  introduction: 'You are a librarian assistant.',
  rules: ['A book on loan cannot be lent again.'],
  stateSchema: { type: 'object' },
  tools: [
    {
      name: 'lendBook',
      description: 'Lend a book.',
      parameters: { type: 'object', properties: { bookId: { type: 'string' } }, required: ['bookId'] },
      kind: 'mutation',
    },
  ],
  source: 'export class LibraryLoans {}',
  initialization: 'state',
  provenance: { createdAt, quality },
};

const scenario: Scenario = {
  schemaVersion: 1,
  id: 's1',
  envId: 'library-loans',
  initialState: { books: {} },
  task: 'Lend book b1 to member m1.',
  user: { persona: 'A student', knownInfo: 'member id m1' },
  checklist: [{ id: 'c1', description: 'b1 is on loan', source: '(final) => final.books.b1.onLoan' }],
  referenceSolution: [{ name: 'lendBook', arguments: { bookId: 'b1' } }],
  gates: { doNothing: { passed: true }, solvability: { passed: true, detail: 'attempt 1' } },
  provenance: { createdAt, model: 'gpt-x' },
};

const trajectory: Trajectory = {
  schemaVersion: 1,
  id: 't1',
  scenarioId: 's1',
  envId: 'library-loans',
  trial: 0,
  mode: 'non_conversational',
  messages: [
    { role: 'system', content: 'intro' },
    { role: 'user', content: 'Lend b1' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'lendBook', arguments: '{"bookId":"b1"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '{"ok":true,"data":{}}' },
    { role: 'assistant', content: 'Done.' },
  ],
  finalState: { books: {} },
  termination: 'agent_done',
  reward: { score: 1, success: true, checks: [{ id: 'c1', passed: true }] },
  usage: { promptTokens: 100, completionTokens: 20 },
  durationMs: 12,
  startedAt: createdAt,
};

const summary: RunSummary = {
  schemaVersion: 1,
  runId: 'run-1',
  createdAt,
  episodes: 2,
  scenarios: 1,
  trialsPerScenario: 2,
  meanReward: 0.5,
  successRate: 0.5,
  passHatK: [{ k: 1, value: 0.5, ci: [0.1, 0.9] }],
  passAtK: [{ k: 1, value: 0.5, ci: [0.1, 0.9] }],
  perEnvironment: { 'library-loans': { episodes: 2, meanReward: 0.5, successRate: 0.5 } },
  terminations: { agent_done: 2 },
  usage: { promptTokens: 1, completionTokens: 1 },
};

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArtifactError);
    expect((error as InvalidArtifactError).code).toBe('INVALID_ARTIFACT');
    return (error as InvalidArtifactError).issues;
  }
  throw new Error('expected the value to be rejected');
}

describe('artifact validators', () => {
  it('accept well-formed artifacts and return them typed', () => {
    expect(parseEnvironmentPackage(envPackage).id).toBe('library-loans');
    expect(parseScenario(scenario).checklist).toHaveLength(1);
    expect(parseTrajectory(trajectory).termination).toBe('agent_done');
    expect(parseRunSummary(summary).runId).toBe('run-1');
    expect(parseQualityReport(quality).kept).toBe(true);
    expect(parseToolResult({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } }).ok).toBe(false);
  });

  it('reject a ToolSpec with a bad name and kind, naming both fields', () => {
    const issues = issuesOf(() =>
      parseToolSpec({ name: 'lend book', description: '', parameters: { type: 'object' }, kind: 'write' }),
    );
    expect(issues).toContainEqual({
      path: '$.name',
      message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"',
    });
    expect(issues).toContainEqual({ path: '$.kind', message: 'must be one of "query", "mutation"' });
  });

  it('reject a ToolResult that is neither success nor failure', () => {
    const issues = issuesOf(() => parseToolResult({ ok: false, error: { message: 'no code' } }));
    expect(issues.some((i) => i.path === '$.error.code' && i.message === 'is required but missing')).toBe(
      true,
    );
  });

  it('reject an EnvironmentPackage with a tool missing parameters and a wrong schemaVersion', () => {
    const broken = {
      ...envPackage,
      schemaVersion: 2,
      tools: [{ ...envPackage.tools[0], parameters: undefined }],
    };
    const issues = issuesOf(() => parseEnvironmentPackage(JSON.parse(JSON.stringify(broken))));
    expect(issues).toContainEqual({ path: '$.schemaVersion', message: 'must be 1' });
    expect(issues).toContainEqual({ path: '$.tools[0].parameters', message: 'is required but missing' });
  });

  it('reject a QualityReport with an unknown verdict deep in its steps', () => {
    const broken = { ...quality, steps: [{ ...quality.steps[0], verdict: 'ok' }] };
    const issues = issuesOf(() => parseQualityReport(broken));
    expect(issues).toContainEqual({
      path: '$.steps[0].verdict',
      message: 'must be one of "pass", "warning", "fail"',
    });
  });

  it('reject a Scenario with an empty checklist, an empty check source and an unknown field', () => {
    expect(issuesOf(() => parseScenario({ ...scenario, checklist: [] }))).toContainEqual({
      path: '$.checklist',
      message: 'must NOT have fewer than 1 items',
    });
    const typo = { ...scenario, checklst: [], checklist: [{ id: 'c1', description: 'd', source: '' }] };
    const issues = issuesOf(() => parseScenario(typo));
    expect(issues).toContainEqual({
      path: '$.checklist[0].source',
      message: 'must NOT have fewer than 1 characters',
    });
    expect(issues).toContainEqual({ path: '$.checklst', message: 'is not an allowed property' });
  });

  it('reject a Scenario with neither initial state nor config', () => {
    const { initialState: _drop, ...rest } = scenario;
    expect(issuesOf(() => parseScenario(rest))).toEqual([
      { path: '$', message: 'must have exactly one of initialState, initialConfig' },
    ]);
  });

  it('reject a Trajectory whose tool message lacks its call id and whose date is not a date', () => {
    const broken = {
      ...trajectory,
      startedAt: 'yesterday',
      messages: [...trajectory.messages.slice(0, 3), { role: 'tool', content: '{}' }],
    };
    const issues = issuesOf(() => parseTrajectory(broken));
    expect(issues).toContainEqual({ path: '$.messages[3].tool_call_id', message: 'is required but missing' });
    expect(issues).toContainEqual({ path: '$.startedAt', message: 'must match format "date-time"' });
  });

  it('reject a Reward with a score above 1 and a RunSummary with a negative episode count', () => {
    expect(issuesOf(() => parseReward({ score: 1.5, success: true, checks: [] }))).toContainEqual({
      path: '$.score',
      message: 'must be <= 1',
    });
    expect(issuesOf(() => parseRunSummary({ ...summary, episodes: -1 }))).toContainEqual({
      path: '$.episodes',
      message: 'must be >= 0',
    });
  });

  it('name the artifact and source in the error message', () => {
    expect(() => parseScenario({}, 'scenarios/a.jsonl:3')).toThrow(
      /^Invalid Scenario \(scenarios\/a\.jsonl:3\):\n {2}- \$: must have exactly one of/,
    );
  });
});

describe('parseJsonLines', () => {
  it('parses each line and names the line of a broken one', () => {
    const text = `${JSON.stringify(scenario)}\n\n${JSON.stringify({ ...scenario, id: 's2' })}\n`;
    expect(parseJsonLines({ text, parse: parseScenario }).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(() =>
      parseJsonLines({ text: `${JSON.stringify(scenario)}\n{oops`, parse: parseScenario, source: 'a.jsonl' }),
    ).toThrow(/a\.jsonl:2:2/);
  });
});

describe('helpers', () => {
  it('jsonPath escapes odd keys', () => {
    expect(jsonPath('/orders/#W1/items/0')).toBe('$.orders["#W1"].items[0]');
  });
  it('compileSchema validates arbitrary schemas', () => {
    const validate = compileSchema({
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'integer' } },
    });
    expect(validate({ a: 1 })).toEqual([]);
    expect(validate({ a: 'x' })).toEqual([{ path: '$.a', message: 'must be integer' }]);
  });
  it('compileSchema reuses the validator of an equal schema built afresh, and $ids never collide', () => {
    const schema = () => ({ $id: 'https://example.test/t', type: 'object', required: ['a'] });
    const first = compileSchema(schema());
    expect(compileSchema(schema())).toBe(first);
    // a different schema under the same $id compiles on its own instead of throwing "already exists"
    const other = compileSchema({ $id: 'https://example.test/t', type: 'object', required: ['b'] });
    expect(other).not.toBe(first);
    expect(other({ a: 1 })).toEqual([{ path: '$.b', message: 'is required but missing' }]);
    expect(first({ a: 1 })).toEqual([]);
    // a schema that does not compile throws every time, and leaves nothing behind
    const broken = { $id: 'https://example.test/broken', type: 'no-such-type' };
    expect(() => compileSchema(broken)).toThrow(/type/);
    expect(() => compileSchema(broken)).toThrow(/type/);
  });
});
