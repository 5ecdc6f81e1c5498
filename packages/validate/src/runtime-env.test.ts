import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { runEpisode } from './episode.js';
import { regrade } from './regrade.js';
import { USER_STOP_MARKER } from './prompts.js';
import { validateScenario } from './validate-artifacts.js';
import { libraryPackage, libraryScenario } from '../test-fixtures/library/index.js';

// The library fixture as a generated environment package, loaded by the real runtime (isolated-vm).
const env: LoadedEnvironment = await loadEnvironment({ package: libraryPackage });
afterAll(() => env.dispose());

const solve = [
  { toolCalls: [{ name: 'findBooks', arguments: { title: 'dune' } }] },
  { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }] },
  { toolCalls: [{ name: 'returnBook', arguments: { loanId: 'L1' } }] },
  'Done.',
];

describe('episodes on a runtime-loaded environment', () => {
  it('non-conversational: solving agent gets 1, do-nothing agent 0; regrade agrees', async () => {
    const solved = await runEpisode({ env, scenario: libraryScenario(), agent: new MockChatModel({ script: { agent: [...solve] } }) });
    expect(solved.reward).toMatchObject({ score: 1, success: true });
    const idle = await runEpisode({ env, scenario: libraryScenario(), agent: new MockChatModel({ script: { agent: ['Sorry.'] } }) });
    expect(idle.reward).toMatchObject({ score: 0, success: false });
    const report = await regrade({ trajectories: [solved, idle], scenarios: [libraryScenario()], envs: [env] });
    expect(report.mismatches).toEqual([]);
  });

  it('conversational, with schema-invalid arguments returned to the agent by the runtime', async () => {
    const agent = new MockChatModel({
      script: { agent: [{ toolCalls: [{ name: 'lendBook', arguments: { memberId: 7 } }] }, ...solve] },
    });
    const user = new MockChatModel({ script: { 'user-simulator': ['Lend me Dune please, I am m2; also return L1.', `Great ${USER_STOP_MARKER}`] } });
    const t = await runEpisode({ env, scenario: libraryScenario(), agent, user });
    expect(t.termination).toBe('user_stop');
    const first = JSON.parse(t.messages.find((m) => m.role === 'tool')!.content as string);
    expect(first).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(t.reward?.score).toBe(1);
  });

  it('validateScenario accepts the package produced by the runtime', () => {
    expect(validateScenario({ scenario: libraryScenario(), env: env.toPackage() }).issues).toEqual([]);
  });
});
