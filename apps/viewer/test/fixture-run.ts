// A small but complete out dir built from core's types, laid out as skelbuilder, scengen and rollouts write
// it: a kept environment (envs/), a dropped one (dropped/: env.ts + quality.json), one known only from
// report.json, one with an invalid env.json; scenarios with an invalid line and a scengen report; one rollout
// run with three trajectories (one invalid); a skelbuilder report.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  parseBuildReport,
  parseEnvironmentPackage,
  parseQualityReport,
  parseRunSummary,
  parseScenario,
  parseScenarioReport,
  parseTrajectory,
  type BuildReport,
  type EnvironmentPackage,
  type QualityReport,
  type RunSummary,
  type Scenario,
  type ScenarioReport,
  type Trajectory,
} from '@envscaler/core';

const createdAt = '2026-11-26T10:00:00.000Z';

export const librarySource = `export interface Book { id: string; title: string; onLoan: boolean }
export interface State { books: Record<string, Book>; loans: Record<string, { bookId: string; memberId: string }> }

/** A small lending library: members borrow and return books. */
export class LibraryLoans extends Environment<State> {
  /** Find a book by id. */
  getBook(args: { bookId: string }): ToolResult<Book> {
    const book = this.state.books[args.bookId];
    if (!book) return { ok: false, error: { code: 'NOT_FOUND', message: 'no such book' } };
    return { ok: true, data: book };
  }

  /** Lend a book to a member. Fails if the book is already on loan. */
  lendBook(args: { memberId: string; bookId: string }): ToolResult<{ loanId: string }> {
    const book = this.state.books[args.bookId];
    if (!book || book.onLoan) return { ok: false, error: { code: 'UNAVAILABLE', message: 'book is on loan' } };
    const loanId = \`L-\${Object.keys(this.state.loans).length + 1}\`;
    book.onLoan = true;
    this.state.loans[loanId] = { bookId: args.bookId, memberId: args.memberId };
    return { ok: true, data: { loanId } };
  }
}
`;

export const libraryQuality: QualityReport = {
  schemaVersion: 1,
  envId: 'library-loans',
  score: 0.75,
  threshold: 0.6,
  kept: true,
  counts: { pass: 2, warning: 1, fail: 1 },
  steps: [
    { index: 0, tool: 'getBook', arguments: { bookId: 'B1' }, result: { ok: true, data: { id: 'B1', title: 'Dune', onLoan: false } }, verdict: 'pass', reason: 'Returned the seeded book.' },
    { index: 1, tool: 'lendBook', arguments: { memberId: 'M1', bookId: 'B1' }, result: { ok: true, data: { loanId: 'L-1' } }, verdict: 'pass', reason: 'Loan created and book marked on loan.' },
    { index: 2, tool: 'lendBook', arguments: { memberId: 'M2', bookId: 'B1' }, result: { ok: false, error: { code: 'UNAVAILABLE', message: 'book is on loan' } }, verdict: 'warning', reason: 'Correct refusal, message could name the borrower.' },
    { index: 3, tool: 'getBook', arguments: { bookId: 'B9' }, result: { ok: false, error: { code: 'NOT_FOUND', message: 'no such book' } }, verdict: 'fail', reason: 'Tester expected an empty result instead of an error.' },
  ],
};

export const libraryEnv: EnvironmentPackage = {
  schemaVersion: 1,
  id: 'library-loans',
  className: 'LibraryLoans',
  topic: 'Library book lending',
  summary: 'Members borrow and return books; a book can be on loan to one member at a time.',
  introduction: 'You are a library assistant. Only lend books that are available.',
  rules: ['A book can be on loan to at most one member.', 'Loans are identified as L-<n>.'],
  stateSchema: {
    type: 'object',
    required: ['books', 'loans'],
    properties: {
      books: { type: 'object', additionalProperties: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, onLoan: { type: 'boolean' } } } },
      loans: { type: 'object' },
    },
  },
  tools: [
    { name: 'getBook', description: 'Find a book by id.', kind: 'query', parameters: { type: 'object', required: ['bookId'], properties: { bookId: { type: 'string', description: 'the book id' } } } },
    { name: 'lendBook', description: 'Lend a book to a member.', kind: 'mutation', parameters: { type: 'object', required: ['memberId', 'bookId'], properties: { memberId: { type: 'string' }, bookId: { type: 'string' } } } },
  ],
  source: librarySource,
  initialization: 'state',
  provenance: { seedTask: 'Borrow "Dune" for member M1.', model: 'mock-model', createdAt },
};

export const parkingEnv: EnvironmentPackage = {
  schemaVersion: 1,
  id: 'parking-permits',
  className: 'ParkingPermits',
  topic: 'Residential parking permits',
  summary: 'Residents apply for and renew parking permits.',
  introduction: 'You help residents with parking permits.',
  rules: ['One permit per vehicle.'],
  stateSchema: { type: 'object', properties: { permits: { type: 'object' } } },
  tools: [{ name: 'applyPermit', description: 'Apply for a permit.', kind: 'mutation', parameters: { type: 'object', properties: { plate: { type: 'string' } } } }],
  source: 'export class ParkingPermits {}\n',
  initialization: 'state',
  provenance: { createdAt },
};

export const parkingQuality: QualityReport = {
  schemaVersion: 1,
  envId: 'parking-permits',
  score: 0.25,
  threshold: 0.6,
  kept: false,
  counts: { pass: 1, warning: 0, fail: 3 },
  steps: [],
  dropReason: 'quality 0.25 below threshold 0.6',
};

export const initialState = {
  books: { B1: { id: 'B1', title: 'Dune', onLoan: false }, B2: { id: 'B2', title: 'Emma', onLoan: false } },
  loans: {},
};

export const scenario: Scenario = {
  schemaVersion: 1,
  id: 'library-loans-s1',
  envId: 'library-loans',
  initialState,
  task: 'Member M1 wants to borrow Dune (B1).',
  user: { persona: 'A regular library member in a hurry.', knownInfo: 'Member id M1, wants Dune.', unknownInfo: 'The book id.' },
  checklist: [
    { id: 'c1', description: 'Dune is on loan', source: '(final) => final.books.B1.onLoan === true' },
    { id: 'c2', description: 'The loan belongs to M1', source: "(final) => Object.values(final.loans).some((l) => l.memberId === 'M1')" },
  ],
  referenceSolution: [{ name: 'lendBook', arguments: { memberId: 'M1', bookId: 'B1' } }],
  gates: { doNothing: { passed: true }, solvability: { passed: true, detail: 'reference reached 2/2 checks' }, typecheck: { passed: true } },
  provenance: { model: 'mock-model', createdAt },
};

export const scenario2: Scenario = {
  ...scenario,
  id: 'library-loans-s2',
  task: 'Lend Emma (B2) to member M2.',
  checklist: [{ id: 'c1', description: 'Emma is on loan', source: '(final) => final.books.B2.onLoan' }],
  referenceSolution: [{ name: 'lendBook', arguments: { memberId: 'M2', bookId: 'B2' } }],
};

export const finalState = {
  books: { B1: { id: 'B1', title: 'Dune', onLoan: true }, B2: { id: 'B2', title: 'Emma', onLoan: false } },
  loans: { 'L-1': { bookId: 'B1', memberId: 'M1' } },
};

export const trajectory: Trajectory = {
  schemaVersion: 1,
  id: 'run1-library-loans-s1-t0',
  scenarioId: 'library-loans-s1',
  envId: 'library-loans',
  trial: 0,
  mode: 'conversational',
  messages: [
    { role: 'system', content: 'You are a library assistant.' },
    { role: 'user', content: 'Hi, I would like to borrow Dune please. I am M1.' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lendBook', arguments: '{"memberId":"M1","bookId":"B1"}' } }] },
    { role: 'tool', tool_call_id: 'call_1', name: 'lendBook', content: '{"ok":true,"data":{"loanId":"L-1"}}' },
    { role: 'assistant', content: 'Done: Dune is lent to you as loan L-1.' },
  ],
  finalState,
  termination: 'agent_done',
  reward: { score: 1, success: true, checks: [{ id: 'c1', passed: true }, { id: 'c2', passed: true }] },
  usage: { promptTokens: 820, completionTokens: 64 },
  durationMs: 1530,
  startedAt: createdAt,
};

export const trajectoryFailed: Trajectory = {
  ...trajectory,
  id: 'run1-library-loans-s1-t1',
  trial: 1,
  messages: [
    { role: 'user', content: 'Borrow Dune for M1.' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'getBook', arguments: '{"bookId":"B9"}' } }] },
    { role: 'tool', tool_call_id: 'call_9', name: 'getBook', content: '{"ok":false,"error":{"code":"NOT_FOUND","message":"no such book"}}' },
    { role: 'assistant', content: 'Sorry, I could not find that book.' },
  ],
  finalState: initialState,
  reward: { score: 0, success: false, checks: [{ id: 'c1', passed: false }, { id: 'c2', passed: false }] },
};

export const runSummary: RunSummary = {
  schemaVersion: 1,
  runId: 'run1',
  createdAt,
  episodes: 2,
  scenarios: 1,
  trialsPerScenario: 2,
  meanReward: 0.5,
  successRate: 0.5,
  passHatK: [
    { k: 1, value: 0.5, ci: [0.1, 0.9] },
    { k: 2, value: 0, ci: [0, 0.6] },
  ],
  passAtK: [
    { k: 1, value: 0.5, ci: [0.1, 0.9] },
    { k: 2, value: 1, ci: [0.4, 1] },
  ],
  perEnvironment: { 'library-loans': { episodes: 2, meanReward: 0.5, successRate: 0.5 } },
  terminations: { agent_done: 2 },
  usage: { promptTokens: 1640, completionTokens: 128, costUsd: 0.0042 },
};

/** Shaped like skelbuilder's BuildReport (report.json): funnel stages in → out, tokens per stage, env outcomes. */
export const skelbuilderReport: BuildReport = {
  schemaVersion: 1,
  createdAt,
  wallTimeMs: 93_000,
  aborted: false,
  model: 'mock-model',
  corpus: { tasks: 40 },
  dedup: { method: 'tfidf', threshold: 0.8, merged: [] },
  thresholds: { minScore: 7, quality: 0.6, dedupSimilarity: 0.8 },
  funnel: [
    { stage: 'topic-judge', in: 40, out: 30, dropped: [] },
    { stage: 'topic-infer', in: 30, out: 28, dropped: [] },
    { stage: 'topic-score', in: 28, out: 15, dropped: [] },
    { stage: 'topic-dedup', in: 15, out: 12, dropped: [] },
    { stage: 'logic', in: 12, out: 2, dropped: [] },
    { stage: 'quality', in: 2, out: 1, dropped: [] },
  ],
  tokens: {
    'topic-judge': { calls: 40, cachedCalls: 0, promptTokens: 12000, completionTokens: 800, costUsd: 0.01 },
    'logic-method': { calls: 30, cachedCalls: 0, promptTokens: 30000, completionTokens: 9000, costUsd: 0.05 },
    'quality-checker': { calls: 8, cachedCalls: 0, promptTokens: 8000, completionTokens: 1200, costUsd: 0.012 },
  },
  tokensByModel: {
    'mock-model': { calls: 78, cachedCalls: 0, promptTokens: 50000, completionTokens: 11000, costUsd: 0.072 },
  },
  totalTokens: { calls: 78, cachedCalls: 0, promptTokens: 50000, completionTokens: 11000, costUsd: 0.072 },
  unpricedModels: [],
  cache: { hits: 0, misses: 78 },
  envs: [
    { envId: 'library-loans', topicId: 't1', topic: libraryEnv.topic, taskIds: ['task-1'], status: 'kept', className: 'LibraryLoans', qualityScore: 0.75, repairRounds: 1, path: 'envs/library-loans' },
    { envId: 'parking-permits', topicId: 't2', topic: parkingEnv.topic, taskIds: ['task-2'], status: 'dropped', stage: 'quality', reason: 'quality 0.25 below threshold 0.6', className: 'ParkingPermits', qualityScore: 0.25, path: 'dropped/parking-permits' },
    { envId: 'ghost-town', topicId: 't3', topic: 'Ghost town registry', taskIds: ['task-3', 'task-4'], status: 'dropped', stage: 'logic-typecheck', reason: 'TS2322 after 3 repair rounds', repairRounds: 3 },
  ],
};

/** Shaped like scengen's per-environment report (scenarios/<envId>.report.json). */
export const scengenReport: ScenarioReport = {
  schemaVersion: 1,
  envId: 'library-loans',
  createdAt,
  requested: 4,
  candidates: 4,
  kept: 2,
  funnel: [
    { gate: 'state', entered: 4, passed: 4, dropped: 0, reasons: {} },
    { gate: 'doNothing', entered: 4, passed: 3, dropped: 1, reasons: { 'check c1 true on the initial state': 1 } },
    { gate: 'solvability', entered: 3, passed: 2, dropped: 1, reasons: { 'reference missed c2': 1 } },
  ],
  dropped: [
    { slot: 2, scenarioId: 'library-loans-s3', gate: 'doNothing', reason: 'check c1 true on the initial state' },
    { slot: 3, scenarioId: 'library-loans-s4', gate: 'solvability', reason: 'reference missed c2' },
  ],
  checks: { generated: 12, repaired: 1, droppedTypecheck: 0, rewritten: 1, droppedDoNothing: 1 },
  checkErrors: [],
  tokens: {
    'scenario-task': { promptTokens: 4000, completionTokens: 600, calls: 4, cachedCalls: 0 },
    'scenario-checks': { promptTokens: 6000, completionTokens: 1500, calls: 4, cachedCalls: 0 },
  },
  totals: { promptTokens: 10000, completionTokens: 2100, calls: 8, cachedCalls: 0 },
  tokensByModel: { 'mock-model': { promptTokens: 10000, completionTokens: 2100, calls: 8, cachedCalls: 0 } },
};

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes the fixture run under `outDir`; every artifact is validated with core's parsers first. */
export async function writeFixtureRun(outDir: string): Promise<void> {
  for (const env of [libraryEnv, parkingEnv]) parseEnvironmentPackage(env);
  for (const q of [libraryQuality, parkingQuality]) parseQualityReport(q);
  parseBuildReport(skelbuilderReport);
  parseScenarioReport(scengenReport);
  for (const s of [scenario, scenario2]) parseScenario(s);
  for (const t of [trajectory, trajectoryFailed]) parseTrajectory(t);
  parseRunSummary(runSummary);

  await write(path.join(outDir, 'envs/library-loans/env.json'), json(libraryEnv));
  await write(path.join(outDir, 'envs/library-loans/env.ts'), librarySource);
  await write(path.join(outDir, 'envs/library-loans/quality.json'), json(libraryQuality));
  // skelbuilder keeps only env.ts and quality.json of a dropped environment, under dropped/.
  await write(path.join(outDir, 'dropped/parking-permits/env.ts'), parkingEnv.source);
  await write(path.join(outDir, 'dropped/parking-permits/quality.json'), json(parkingQuality));
  // An env whose env.json is invalid: the viewer must show the problem, not crash.
  await write(path.join(outDir, 'envs/broken-env/env.json'), json({ schemaVersion: 1, id: 'broken-env', topic: '' }));
  await write(
    path.join(outDir, 'scenarios/library-loans.jsonl'),
    [JSON.stringify(scenario), JSON.stringify(scenario2), '{"schemaVersion":1,"id":"bad"}', ''].join('\n'),
  );
  await write(
    path.join(outDir, 'rollouts/run1/trajectories.jsonl'),
    [JSON.stringify(trajectory), JSON.stringify(trajectoryFailed), 'not json', ''].join('\n'),
  );
  await write(path.join(outDir, 'rollouts/run1/summary.json'), json(runSummary));
  await write(path.join(outDir, 'scenarios/library-loans.report.json'), json(scengenReport));
  await write(path.join(outDir, 'report.json'), json(skelbuilderReport));
}
