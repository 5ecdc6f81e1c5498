import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunSummary, type ChatRequest, type Trajectory } from '@envscaler/core';
import { createCheckRunner } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { createInProcessEpisodes, type EpisodeExecutor, type FinishedEpisode } from './episode-executor.js';
import { runRollouts } from './rollouts.js';
import { libraryEnvironment, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
const dirs: string[] = [];
afterAll(async () => {
  runner.dispose();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function agent() {
  return new MockChatModel({
    script: {
      agent: (request: ChatRequest) =>
        request.messages.some((m) => m.role === 'tool')
          ? 'Done.'
          : { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }] },
    },
  });
}

describe('runRollouts with an executor', () => {
  it('writes what the executor reports once per pair, in scenario-then-trial order, earlier ones as cached', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'envscaler-executor-'));
    dirs.push(out);
    const inner = createInProcessEpisodes({
      envs: [libraryEnvironment()],
      agent: agent(),
      concurrency: 2,
      runner,
    });
    const seen: string[] = [];
    // Reports every episode twice (at-least-once delivery) and the first as found finished before the run.
    const executor: EpisodeExecutor = {
      name: 'test',
      run: (options) =>
        inner.run({
          ...options,
          onFinished: async (episode: FinishedEpisode) => {
            const earlier = seen.length === 0;
            seen.push(`${episode.pair.scenario.id}#${episode.pair.trial}`);
            await options.onFinished({ ...episode, earlier });
            await options.onFinished(episode);
          },
        }),
    };
    const scenarios = [libraryScenario({ id: 's-b' }), libraryScenario({ id: 's-a' })];
    const result = await runRollouts({ executor, scenarios, trials: 2, out, mode: 'non_conversational' });

    expect(seen).toHaveLength(4);
    expect(result).toMatchObject({ ran: 3, skipped: 1 });
    const lines = (await readFile(result.file, 'utf8')).trim().split('\n');
    const saved = lines.map((l) => JSON.parse(l) as Trajectory);
    expect(saved.map((t) => `${t.scenarioId}#${t.trial}`)).toEqual(['s-a#0', 's-a#1', 's-b#0', 's-b#1']);
    const summary = parseRunSummary(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')));
    expect(summary.episodes).toBe(4);
    const first = saved.find((t) => `${t.scenarioId}#${t.trial}` === seen[0])!;
    expect(first.calls!.length).toBeGreaterThan(0);
    expect(summary.usage.cachedCalls).toBe(first.calls!.length);
  });
});
