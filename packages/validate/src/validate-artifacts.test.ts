import { afterAll, describe, expect, it } from 'vitest';
import { createCheckRunner } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { runEpisode } from './episode.js';
import { validateEnvironmentPackage, validateScenario, validateTrajectory } from './validate-artifacts.js';
import { libraryEnvironment, libraryPackage, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
afterAll(() => runner.dispose());

describe('validateEnvironmentPackage', () => {
  it('accepts the fixture package', () => {
    expect(validateEnvironmentPackage({ pkg: libraryPackage })).toEqual({ valid: true, issues: [] });
  });

  it('reports schema violations, missing methods, duplicate tools and a missing class', () => {
    expect(validateEnvironmentPackage({ pkg: { ...libraryPackage, tools: 'x' } }).issues[0]).toMatchObject({ path: '$.tools' });
    const tools = [...libraryPackage.tools, { ...libraryPackage.tools[0]!, name: 'burnBook' }, libraryPackage.tools[1]!];
    const report = validateEnvironmentPackage({ pkg: { ...libraryPackage, id: 'lib-bad', tools } });
    expect(report.valid).toBe(false);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { path: '$.tools[4].name', message: "'burnBook' is not a public method of LibraryLoans" },
        { path: '$.tools[5].name', message: "duplicate tool name 'getMember'" },
      ]),
    );
    const noClass = validateEnvironmentPackage({ pkg: { ...libraryPackage, id: 'lib-nc', className: 'Nope' } });
    expect(noClass.issues).toContainEqual({ path: '$.className', message: "class 'Nope' is not declared in the source" });
  });
});

describe('validateScenario', () => {
  it('accepts a well-formed scenario whose checks type-check against State', () => {
    expect(validateScenario({ scenario: libraryScenario(), env: libraryPackage })).toEqual({ valid: true, issues: [] });
  });

  it('finds type errors in checks, unknown tools, bad arguments and an initial state off the schema', () => {
    const scenario = libraryScenario({
      initialState: { books: {}, members: {}, loans: {}, nextLoan: 'two' },
      checklist: [
        { id: 'ok', description: '', source: '(final) => final.nextLoan > 1' },
        { id: 'typo', description: '', source: '(final) => final.loans.L1.retuned === true' },
        { id: 'not-bool', description: '', source: 'function check(final: Readonly<State>) { return final.nextLoan; }' },
        { id: 'ok', description: '', source: 'final.nextLoan' },
      ],
      referenceSolution: [
        { name: 'lendBook', arguments: { memberId: 'm2' } },
        { name: 'sellBook', arguments: {} },
      ],
    });
    const { valid, issues } = validateScenario({ scenario, env: libraryPackage });
    expect(valid).toBe(false);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.initialState.nextLoan',
        '$.referenceSolution[0].arguments.bookId',
        '$.referenceSolution[1].name',
        '$.checklist[1].source',
        '$.checklist[2].source',
        '$.checklist[3].id',
        '$.checklist[3].source',
      ]),
    );
    expect(paths).not.toContain('$.checklist[0].source');
    expect(issues.find((i) => i.path === '$.checklist[1].source')!.message).toMatch(/retuned/);
    expect(issues.find((i) => i.path === '$.checklist[3].source')!.message).toMatch(/function expression/);
  });

  it('rejects an empty checklist and a wrong envId', () => {
    const empty = validateScenario({ scenario: libraryScenario({ checklist: [] }), env: libraryPackage });
    expect(empty.issues).toContainEqual({ path: '$.checklist', message: 'must NOT have fewer than 1 items' });
    const wrongEnv = validateScenario({ scenario: libraryScenario({ envId: 'other' }), env: libraryPackage });
    expect(wrongEnv.issues[0]!.path).toBe('$.envId');
  });

  it('reuses one project across many scenarios quickly', () => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) {
      const report = validateScenario({
        scenario: libraryScenario({ checklist: [{ id: 'c', description: '', source: `(final) => final.nextLoan > ${i}` }] }),
        env: libraryPackage,
      });
      expect(report.valid).toBe(true);
    }
    expect(performance.now() - start).toBeLessThan(15_000);
  });
});

describe('validateTrajectory', () => {
  it('accepts an episode trajectory and finds unanswered calls, unknown tools and inconsistent rewards', async () => {
    const agent = new MockChatModel({
      script: { agent: [{ toolCalls: [{ name: 'returnBook', arguments: { loanId: 'L1' } }] }, 'ok'] },
    });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner });
    const env = libraryPackage;
    expect(validateTrajectory({ trajectory: t, scenario: libraryScenario(), env })).toEqual({ valid: true, issues: [] });

    const bad = structuredClone(t);
    bad.messages = bad.messages.filter((m) => m.role !== 'tool');
    bad.reward = { ...bad.reward!, score: 1 };
    const assistant = bad.messages.find((m) => m.role === 'assistant')!;
    if (assistant.role === 'assistant') assistant.tool_calls![0]!.function.name = 'shredBook';
    const { issues } = validateTrajectory({ trajectory: bad, scenario: libraryScenario(), env });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['$.messages[2].tool_calls[0].function.name', '$.messages[2]', '$.reward.score']),
    );
    expect(validateTrajectory({ trajectory: { ...t, termination: 'bored' } }).issues[0]!.path).toBe('$.termination');
  });
});
