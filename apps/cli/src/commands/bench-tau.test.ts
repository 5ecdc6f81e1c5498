import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tau2Domain } from '@envscaler/bench';
import { runCli } from '../index.js';
import { oneCallPerTurnAgent, useCapturedOutput, withMockOpenAIServer } from '../test-fixtures/bench-cli.js';

const { capture, stdout } = useCapturedOutput();

describe('envscaler bench tau2 --domain', () => {
  it('lists the tau2 command and its domains; an unknown domain is a usage error', async () => {
    capture();
    expect(await runCli({ argv: ['bench', '--help'] })).toBe(0);
    expect(stdout()).toMatch(/tau2 \[options\]/);
    capture();
    expect(await runCli({ argv: ['bench', 'tau2', '--help'] })).toBe(0);
    expect(stdout()).toMatch(
      /--domain <domain>\s+'retail' \(τ²-bench, 114 tasks\) or 'airline' \(τ-bench,\s+50 tasks\)/,
    );
    expect(await runCli({ argv: ['bench', 'tau2', '--domain', 'telecom', '--quiet'] })).toBe(2);
  });

  it('airline over the loopback server: gold actions and outputs earn 1 on every trial (pass^2 = 1)', async () => {
    const data = await tau2Domain('airline').readData();
    const task = data.tasks.find((t) => t.id === '2')!; // five flight changes, output '23553'
    const actions = task.evaluation_criteria!.actions!;
    await withMockOpenAIServer(
      {
        script: {
          agent: oneCallPerTurnAgent({
            calls: actions,
            finalText: 'All five flights are now in economy; you save 23,553 dollars in total.',
          }),
          'user-simulator': (request) =>
            request.messages.filter((m) => m.role === 'user').length === 1
              ? 'I want to downgrade my business flights.'
              : '###STOP###',
        },
      },
      async (server) => {
        const out = path.join(await mkdtemp(path.join(tmpdir(), 'cli-bench-tau-airline-')), 'run');
        capture();
        const argv = [
          'bench',
          'tau2',
          '--domain',
          'airline',
          '--model',
          'agent-m',
          '--user-model',
          'user-m',
          '--tasks',
          '2',
          '--trials',
          '2',
          '--out',
          out,
          '--quiet',
        ];
        expect(await runCli({ argv })).toBe(0);
        const text = stdout();
        expect(text).toContain('τ-bench airline: 1 tasks × 2 trials, mean reward 1.000');
        expect(text).toContain('pass^2 1.000');
        expect(server.requestsFor('agent').every((r) => r.model === 'agent-m')).toBe(true);
        expect(server.requestsFor('user-simulator').every((r) => r.model === 'user-m')).toBe(true);
        const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
        expect(summary).toMatchObject({
          benchmark: 'tau-airline',
          tasks: 1,
          trials: 2,
          episodes: 2,
          meanReward: 1,
        });
        const lines = (await readFile(path.join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
        expect(lines.map((line) => JSON.parse(line).communicate)).toEqual([
          [{ info: '23553', met: true }],
          [{ info: '23553', met: true }],
        ]);
      },
    );
  }, 120_000);
});

describe('envscaler bench tau2 --scripted', () => {
  it('runs offline on a hand-written cassette: the gold actions of retail task 2 earn reward 1', async () => {
    const data = await tau2Domain('retail').readData();
    const actions = data.tasks.find((t) => t.id === '2')!.evaluation_criteria!.actions!;
    const dir = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-scripted-'));
    const cassette = path.join(dir, 'cassette', 'scripted');
    await mkdir(cassette, { recursive: true });
    const lines = (replies: unknown[]) => replies.map((r) => JSON.stringify(r)).join('\n') + '\n';
    await writeFile(
      path.join(cassette, 'agent.jsonl'),
      lines([
        ...actions.map((a) => ({ toolCalls: [{ name: a.name, arguments: a.arguments }] })),
        'There are 10 t-shirt options. The three items are returned to your credit card.',
      ]),
    );
    await writeFile(
      path.join(cassette, 'user-simulator.jsonl'),
      lines(['Hi, I am Yusuf Rossi, zip 19122. I want to return some items.', '###STOP###']),
    );
    const out = path.join(dir, 'out');
    const argv = [
      'bench',
      'tau2',
      '--domain',
      'retail',
      '--tasks',
      '2',
      '--scripted',
      path.join(dir, 'cassette'),
      '--out',
      out,
      '--quiet',
    ];
    capture();
    expect(await runCli({ argv })).toBe(0);
    const results = (await readFile(path.join(out, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results.map((r) => r.reward)).toEqual([1]);
    // A re-run resumes: the finished trial is not run again, so no scripted answer is consumed twice.
    capture();
    expect(await runCli({ argv })).toBe(0);
    const again = (await readFile(path.join(out, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(again).toHaveLength(1);
  }, 120_000);
});
