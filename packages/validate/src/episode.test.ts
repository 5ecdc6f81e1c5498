import { afterAll, describe, expect, it } from 'vitest';
import { LlmCallError, type ChatRequest } from '@envscaler/core';
import { createCheckRunner } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { createEpisode, runEpisode } from './episode.js';
import { USER_STOP_MARKER } from './prompts.js';
import { libraryEnvironment, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
afterAll(() => runner.dispose());

const solve = [
  { toolCalls: [{ name: 'findBooks', arguments: { title: 'dune' } }] },
  { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }, { name: 'returnBook', arguments: { loanId: 'L1' } }] },
  'Done: Dune is lent to you and loan L1 is returned.',
];

describe('runEpisode (non-conversational)', () => {
  it('runs the agent to its final answer and scores the checklist', async () => {
    const env = libraryEnvironment();
    const agent = new MockChatModel({ script: { agent: [...solve] } });
    const t = await runEpisode({ env, scenario: libraryScenario(), agent, mode: 'non_conversational', runner });
    expect(t.termination).toBe('agent_done');
    expect(t.reward).toMatchObject({ score: 1, success: true });
    expect(t.messages[0]!.role).toBe('system');
    expect(t.messages[0]!.content).toContain('lending library');
    expect(t.messages[0]!.content).toContain('- A book on loan cannot be lent again.');
    expect(t.messages[1]).toEqual({ role: 'user', content: libraryScenario().task });
    expect(t.messages.filter((m) => m.role === 'tool')).toHaveLength(3);
    expect(JSON.parse(t.messages[3]!.content as string)).toMatchObject({ ok: true });
    const first = agent.callsFor('agent')[0]!;
    expect(first.tools!.map((tool) => tool.function.name)).toEqual(['findBooks', 'getMember', 'lendBook', 'returnBook']);
    expect(agent.callsFor('agent')).toHaveLength(3);
    expect((t.finalState as { loans: Record<string, unknown> }).loans.L2).toBeDefined();
    expect(t.usage.completionTokens).toBeGreaterThan(0);
  });

  it('gives a do-nothing agent reward 0', async () => {
    const agent = new MockChatModel({ script: { agent: ['I cannot help with that.'] } });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner });
    expect(t.termination).toBe('agent_done');
    expect(t.reward).toMatchObject({ score: 0, success: false });
  });

  it('turns unknown tools and unparsable arguments into error observations the agent recovers from', async () => {
    const agent = new MockChatModel({
      script: {
        agent: [
          { toolCalls: [{ name: 'teleportBook', arguments: {} }] },
          { toolCalls: [{ name: 'lendBook', arguments: '{"memberId": "m2", "bookId": ' }] },
          { toolCalls: [{ name: 'returnBook', arguments: '[1,2]' }] },
          ...solve,
        ],
      },
    });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner });
    const tools = t.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content as string));
    expect(tools[0]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TOOL' } });
    expect(tools[0].error.message).toContain('lendBook');
    expect(tools[1]).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(tools[2]).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(t.reward).toMatchObject({ score: 1, success: true });
  });

  it('truncates at maxSteps and maxTokens', async () => {
    const looping = new MockChatModel({ script: { agent: () => ({ toolCalls: [{ name: 'getMember', arguments: { memberId: 'm1' } }], usage: { promptTokens: 100, completionTokens: 10 } }) } });
    const steps = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent: looping, maxSteps: 4, runner });
    expect(steps.termination).toBe('max_steps');
    expect(steps.messages.filter((m) => m.role === 'assistant')).toHaveLength(4);
    const tokens = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent: looping, maxTokens: 250, runner });
    expect(tokens.termination).toBe('max_tokens');
    expect(tokens.usage.promptTokens + tokens.usage.completionTokens).toBeGreaterThanOrEqual(250);
    expect(tokens.messages.filter((m) => m.role === 'assistant')).toHaveLength(3);
  });

  it('ends with termination error when the model fails, still returning the trajectory', async () => {
    const agent = new MockChatModel({
      script: {
        agent: [solve[0]!, new LlmCallError({ message: 'HTTP 500 after 3 attempts', stage: 'agent', isRetryable: true })],
      },
    });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, runner });
    expect(t.termination).toBe('error');
    expect(t.error).toContain('HTTP 500');
    expect(t.reward?.score).toBe(0);
    expect(t.messages.some((m) => m.role === 'tool')).toBe(true);
  });
});

describe('runEpisode (conversational)', () => {
  it('plays the user profile, reveals information through the simulator and ends at the stop marker', async () => {
    const agent = new MockChatModel({
      script: {
        agent: [
          'Sure! What is your member id?',
          ...solve.slice(0, 2),
          'All done — anything else?',
        ],
      },
    });
    const user = new MockChatModel({
      script: {
        'user-simulator': [
          'Hi, I would like to borrow Dune and return my friend\'s loan L1.',
          'My member id is m2.',
          `Thanks, that is all. ${USER_STOP_MARKER}`,
        ],
      },
    });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, user, runner });
    expect(t.mode).toBe('conversational');
    expect(t.termination).toBe('user_stop');
    expect(t.reward).toMatchObject({ score: 1, success: true });
    expect(t.messages[1]).toEqual({ role: 'user', content: "Hi, I would like to borrow Dune and return my friend's loan L1." });
    expect(t.messages.at(-1)).toEqual({ role: 'user', content: 'Thanks, that is all.' });
    // The simulator sees the profile in its system prompt and the agent's text turns as 'user' messages, no tools.
    const simCalls: ChatRequest[] = user.callsFor('user-simulator');
    expect(simCalls).toHaveLength(3);
    const system = simCalls[0]!.messages[0]!.content as string;
    expect(system).toContain('Bob, a friendly library member.');
    expect(system).toContain('Your member id is m2.');
    expect(system).toContain('You do not know the book id of Dune.');
    expect(system).toContain(USER_STOP_MARKER);
    const last = simCalls[2]!.messages;
    expect(last.at(-1)).toEqual({ role: 'user', content: 'All done — anything else?' });
    expect(last.some((m) => m.role === 'tool')).toBe(false);
    expect(simCalls[0]!.tools).toBeUndefined();
  });

  it('needs a user model', () => {
    expect(() => createEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), mode: 'conversational' })).toThrow(/user simulator/);
  });

  it('ends with error when the user simulator fails', async () => {
    const agent = new MockChatModel({ script: { agent: ['What is your id?'] } });
    const user = new MockChatModel({ script: { 'user-simulator': ['Hello', new Error('simulator down')] } });
    const t = await runEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), agent, user, runner });
    expect(t.termination).toBe('error');
    expect(t.error).toContain('simulator down');
  });
});

describe('createEpisode (Gym-style)', () => {
  it('reset → observation and tools; step → reward 0 until the end, then the checklist score', async () => {
    const episode = createEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), runner });
    const { observation, info } = await episode.reset({ seed: 1 });
    expect(observation.map((m) => m.role)).toEqual(['system', 'user']);
    expect(info.tools).toHaveLength(4);
    expect(info.introduction).toContain('lending library');
    const s1 = await episode.step({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'a', type: 'function', function: { name: 'lendBook', arguments: '{"memberId":"m2","bookId":"b1"}' } }],
    });
    expect(s1).toMatchObject({ reward: 0, terminated: false, truncated: false });
    expect(s1.info.toolResults[0]).toMatchObject({ ok: true });
    await episode.step({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'b', type: 'function', function: { name: 'returnBook', arguments: '{"loanId":"L1"}' } }],
    });
    const end = await episode.step({ role: 'assistant', content: 'Done.' });
    expect(end).toMatchObject({ reward: 1, terminated: true, truncated: false });
    expect(end.info.termination).toBe('agent_done');
    await expect(episode.step({ role: 'assistant', content: 'again' })).rejects.toThrow(/ended/);
    expect(episode.trajectory().reward?.score).toBe(1);
    // reset starts a fresh world
    const again = await episode.reset();
    expect(again.observation).toHaveLength(2);
    const noop = await episode.step({ role: 'assistant', content: 'Nothing to do.' });
    expect(noop.reward).toBe(0);
    await episode.close();
  });

  it("puts a JSON-answering session's text into the tool messages verbatim; toolResults are its parse", async () => {
    const library = libraryEnvironment();
    const texts: string[] = [];
    // a session whose callJson answers with its own spacing (as no JSON.stringify of a parse would)
    const env = {
      ...library,
      createSession: async (init: Parameters<typeof library.createSession>[0]) => {
        const inner = await library.createSession(init);
        return {
          snapshot: () => inner.snapshot(),
          dispose: () => inner.dispose(),
          call: async () => {
            throw new Error('call must not be used when callJson exists');
          },
          callJson: async (name: string, args: unknown) => {
            const text = JSON.stringify(await inner.call(name, args), null, 1);
            texts.push(text);
            return text;
          },
        };
      },
    };
    const lend = { id: 'a', type: 'function' as const, function: { name: 'lendBook', arguments: '{"memberId":"m2","bookId":"b1"}' } };
    const find = { id: 'b', type: 'function' as const, function: { name: 'findBooks', arguments: '{"title":"dune"}' } };
    for (const maxSteps of [5, 1]) {
      texts.length = 0;
      const episode = createEpisode({ env, scenario: libraryScenario(), maxSteps, runner });
      await episode.reset();
      const step = await episode.step({ role: 'assistant', content: null, tool_calls: [lend, find] });
      expect(step.truncated).toBe(maxSteps === 1);
      const tool = step.observation.filter((m) => m.role === 'tool');
      expect(tool.map((m) => m.content)).toEqual(texts);
      expect(step.info.toolResults).toEqual(texts.map((t) => JSON.parse(t)));
      expect(step.info.toolResults[0]).toMatchObject({ ok: true });
      await episode.close();
    }
  });

  it('refuses a step while the previous one is still running', async () => {
    const episode = createEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), runner });
    await episode.reset();
    const call = { role: 'assistant' as const, content: null, tool_calls: [{ id: 'x', type: 'function' as const, function: { name: 'getMember', arguments: '{"memberId":"m1"}' } }] };
    const first = episode.step(call);
    await expect(episode.step(call)).rejects.toThrow(/still running/);
    await expect(first).resolves.toMatchObject({ terminated: false });
    await episode.close();
  });

  it('marks step/token caps as truncated', async () => {
    const episode = createEpisode({ env: libraryEnvironment(), scenario: libraryScenario(), maxSteps: 1, runner });
    await episode.reset();
    const r = await episode.step({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'x', type: 'function', function: { name: 'getMember', arguments: '{"memberId":"m1"}' } }],
    });
    expect(r).toMatchObject({ terminated: false, truncated: true, reward: 0 });
    expect(r.info.termination).toBe('max_steps');
    await episode.close();
  });
});
