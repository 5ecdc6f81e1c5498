import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acebenchDataDir, acebenchEnvironmentDir, readAcebenchGoldTrain } from '@envscaler/bench';
import { runCli } from '../index.js';
import { oneCallPerTurnAgent, useCapturedOutput, withMockOpenAIServer } from '../test-fixtures/bench-cli.js';

const { capture, stdout } = useCapturedOutput();

describe('envscaler bench acebench', () => {
  it('is listed under bench', async () => {
    capture();
    expect(await runCli({ argv: ['bench', '--help'] })).toBe(0);
    expect(stdout()).toContain('acebench');
  });

  it('--gold needs no model: every train task of both subsets scores 1 on both accuracies', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-acebench-gold-'));
    capture();
    expect(await runCli({ argv: ['bench', 'acebench', '--gold', '--out', out, '--quiet'] })).toBe(0);
    const text = stdout();
    expect(text).toContain('ACEBench agent (all, split train): 25 tasks × 1 trial');
    expect(text).toMatch(/multi_step\s+end-to-end 100\.0% \(10\/10\)/);
    expect(text).toMatch(/multi_turn\s+end-to-end 100\.0% \(15\/15\).*process 1\.000/);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      benchmark: 'acebench',
      agentModel: 'gold',
      split: 'train',
      overall: { episodes: 25, endToEnd: 1, process: 1 },
    });
  }, 120_000);

  it('rejects --gold on test tasks and unknown subsets', async () => {
    capture();
    const out = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-acebench-bad-'));
    expect(
      await runCli({ argv: ['bench', 'acebench', '--gold', '--split', 'test', '--out', out, '--quiet'] }),
    ).toBe(2);
    expect(
      await runCli({ argv: ['bench', 'acebench', '--gold', '--subset', 'multi', '--out', out, '--quiet'] }),
    ).toBe(2);
  });

  it('uses --model for the agent and --user-model for the simulated user (multi_turn over the loopback server)', async () => {
    const gold = await readAcebenchGoldTrain();
    const calls = gold.tasks['agent_multi_turn_20']!;
    await withMockOpenAIServer(
      {
        script: {
          agent: oneCallPerTurnAgent({ calls: calls, finalText: 'Booked: reservation res_5.' }),
          'user-simulator': (request) =>
            request.messages.filter((m) => m.role === 'assistant').length === 0
              ? 'I am Frank, user2, password456. Book the CA1234 flight, economy, bank, one bag.'
              : 'Thanks. finish conversation',
        },
      },
      async (server) => {
        const out = path.join(await mkdtemp(path.join(tmpdir(), 'cli-bench-acebench-')), 'run');
        capture();
        const argv = [
          'bench',
          'acebench',
          '--model',
          'agent-m',
          '--user-model',
          'user-m',
          '--subset',
          'multi_turn',
          '--tasks',
          '20',
          '--trials',
          '2',
          '--out',
          out,
          '--data',
          acebenchDataDir,
          '--env',
          acebenchEnvironmentDir,
          '--quiet',
        ];
        expect(await runCli({ argv })).toBe(0);
        expect(stdout()).toMatch(/multi_turn\s+end-to-end 100\.0% \(2\/2\)/);
        expect(server.requestsFor('agent').every((r) => r.model === 'agent-m')).toBe(true);
        expect(server.requestsFor('user-simulator').every((r) => r.model === 'user-m')).toBe(true);
        expect(server.requestsFor('user-simulator')).toHaveLength(4);
        const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
        expect(summary).toMatchObject({
          subset: 'multi_turn',
          trials: 2,
          agentModel: 'agent-m',
          userModel: 'user-m',
          subsets: { multi_turn: { tasks: 1, episodes: 2, endToEnd: 1, process: 1 } },
        });
        const lines = (await readFile(path.join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
        expect(lines).toHaveLength(2);
        expect(JSON.parse(lines[0]!).calls).toEqual([
          "[get_flight_details(origin='Beijing', destination='Shanghai')]",
          "[reserve_flight(user_id='user2', password='password456', flight_no='CA1234', cabin='Economy Class', payment_method='bank', baggage_count=1)]",
        ]);
      },
    );
  }, 120_000);
});
