import { afterAll, describe, expect, it } from 'vitest';
import { createCheckRunner } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { runEpisode } from './episode.js';
import { exportRl, exportSft, toJsonl, type AlpacaRecord, type OpenAiSftRecord, type ShareGptRecord } from './exports.js';
import { USER_STOP_MARKER } from './prompts.js';
import { libraryEnvironment, libraryPackage, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
afterAll(() => runner.dispose());

async function trajectories() {
  const agent = new MockChatModel({
    script: {
      agent: [
        'Which member id?',
        { content: 'Looking it up.', toolCalls: [{ name: 'findBooks', arguments: { title: 'dune' } }] },
        { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }, { name: 'returnBook', arguments: { loanId: 'L1' } }] },
        'All done.',
        'I will not do that.',
      ],
    },
  });
  const user = new MockChatModel({ script: { 'user-simulator': ['Lend me Dune, return L1.', 'm2', `Bye ${USER_STOP_MARKER}`] } });
  const solved = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, user, runner });
  const failed = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner, trial: 1 });
  expect(solved.reward?.score).toBe(1);
  expect(failed.reward?.score).toBe(0);
  return [solved, failed];
}

describe('exportSft', () => {
  it('openai: messages up to the last assistant turn, with tools; filters by reward', async () => {
    const records = exportSft({ trajectories: await trajectories(), format: 'openai', minReward: 1, envs: [libraryPackage] }) as OpenAiSftRecord[];
    expect(records).toHaveLength(1);
    const { messages, tools } = records[0]!;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'tool', 'assistant', 'tool', 'tool', 'assistant']);
    expect(messages.at(-1)).toEqual({ role: 'assistant', content: 'All done.' });
    expect(messages[5]).not.toHaveProperty('name');
    expect(tools![0]).toEqual({ type: 'function', function: { name: 'findBooks', description: libraryPackage.tools[0]!.description, parameters: libraryPackage.tools[0]!.parameters } });
    expect(exportSft({ trajectories: await trajectories(), format: 'openai', minReward: 0 })).toHaveLength(2);
    expect(toJsonl(records).split('\n')).toHaveLength(2);
  });

  it('sharegpt: alternating human/gpt/function_call/observation turns, system and tools as LlamaFactory reads them', async () => {
    const [record] = exportSft({ trajectories: await trajectories(), format: 'sharegpt', envs: [libraryPackage] }) as ShareGptRecord[];
    expect(record!.system).toContain('lending library');
    expect(record!.conversations.map((c) => c.from)).toEqual(['human', 'gpt', 'human', 'function_call', 'observation', 'function_call', 'observation', 'gpt']);
    expect(JSON.parse(record!.conversations[3]!.value)).toEqual({ name: 'findBooks', arguments: { title: 'dune' } });
    expect(JSON.parse(record!.conversations[5]!.value)).toHaveLength(2);
    expect(JSON.parse(record!.conversations[6]!.value)).toHaveLength(2);
    expect(JSON.parse(record!.tools!)[0].name).toBe('findBooks');
  });

  it('alpaca: last turn as instruction/output, earlier turns as history, tool use rendered as text', async () => {
    const [record] = exportSft({ trajectories: await trajectories(), format: 'alpaca' }) as AlpacaRecord[];
    expect(record!.instruction).toBe('m2');
    expect(record!.input).toBe('');
    expect(record!.output).toContain('Action: lendBook');
    expect(record!.output).toContain('Observation: {"ok":true');
    expect(record!.output.endsWith('All done.')).toBe(true);
    expect(record!.history).toEqual([['Lend me Dune, return L1.', 'Which member id?']]);
  });
});

describe('exportRl', () => {
  it('gives each scenario with its env reference, tools and opening prompt', () => {
    const [record] = exportRl({ scenarios: [libraryScenario()], envs: [libraryPackage] });
    expect(record!.env).toMatchObject({ id: 'library-loans', className: 'LibraryLoans' });
    expect(record!.env.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.prompt.map((m) => m.role)).toEqual(['system', 'user']);
    expect(record!.tools).toHaveLength(4);
    expect(record!.scenario.id).toBe('lib-1');
    expect(() => exportRl({ scenarios: [libraryScenario({ envId: 'x' })], envs: [libraryPackage] })).toThrow(/environment 'x'/);
  });
});
