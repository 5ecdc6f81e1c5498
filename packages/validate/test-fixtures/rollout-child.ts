/**
 * Child process for the kill-and-resume test: runs library rollouts into argv[2] with a slow scripted
 * agent, printing "episode" after each finished one, until it is killed.
 */
import type { ChatRequest } from '@envscaler/core';
import { MockChatModel } from '@envscaler/testing';
import { runRollouts } from '../src/rollouts.js';
import { libraryEnvironment, libraryScenario } from './library/index.js';

const out = process.argv[2]!;
const agent = new MockChatModel({
  script: {
    agent: async (request: ChatRequest) => {
      await new Promise((r) => setTimeout(r, 40));
      if (request.messages.some((m) => m.role === 'tool')) return 'Done.';
      return { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }] };
    },
  },
});
const scenarios = Array.from({ length: 10 }, (_, i) => libraryScenario({ id: `k${i}` }));
await runRollouts({
  envs: [libraryEnvironment()],
  scenarios,
  agent,
  trials: 2,
  concurrency: 2,
  out,
  mode: 'non_conversational',
  onProgress: (p) => {
    if (p.last?.event === 'finished') process.stdout.write('episode\n');
  },
});
process.stdout.write('finished\n');
