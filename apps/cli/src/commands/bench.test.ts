import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bfclDataDir,
  bfclEnvHelpers,
  bfclEnvironmentDir,
  tau2DataDir,
  tau2EnvironmentDir,
  turnPosition,
  readBfclData,
  readTau2Data,
  type BfclData,
  type BfclEnvHelpers,
} from '@envscaler/bench';
import { runCli } from '../index.js';
import { oneCallPerTurnAgent, useCapturedOutput, withMockOpenAIServer } from '../test-fixtures/bench-cli.js';

const bfclData = bfclDataDir;
const bfclEnv = bfclEnvironmentDir;
const tau2Data = tau2DataDir;
const tau2Env = tau2EnvironmentDir;

const { capture, stdout } = useCapturedOutput();

describe('envscaler bench', () => {
  it('lists both benchmarks in its help', async () => {
    capture();
    expect(await runCli({ argv: ['bench', '--help'] })).toBe(0);
    const text = stdout();
    expect(text).toContain('bfcl');
    expect(text).toContain('tau2-retail');
  });

  describe('bfcl over the loopback OpenAI-compatible server', () => {
    let data: BfclData;
    let helpers: BfclEnvHelpers;
    beforeAll(async () => {
      data = await readBfclData();
      helpers = bfclEnvHelpers;
    });

    it('runs 2 entries, prints accuracy, writes results and summary, resumes, and rejects a bad selection', async () => {
      const parameterOrder = helpers.parameterOrderFromDocs([...data.docsByClass.values()].flat());
      const ids = ['multi_turn_base_0', 'multi_turn_base_1'];
      const byFirst = new Map(
        ids.map((id) => [data.entries.find((e) => e.id === id)!.question[0]![0]!.content, id]),
      );
      await withMockOpenAIServer(
        {
          script: {
            agent: (request) => {
              const id = byFirst.get(request.messages.find((m) => m.role === 'user')!.content as string)!;
              const { turn, stepsInTurn: steps } = turnPosition(request.messages);
              // Entry 0: the gold calls; entry 1: nothing at all.
              const calls = id === 'multi_turn_base_0' ? (data.groundTruth.get(id)![turn] ?? []) : [];
              if (steps > 0 || calls.length === 0) return 'Done.';
              return {
                toolCalls: calls.map((source) => {
                  const { name, args } = helpers.parsePythonCall(source, { parameterOrder });
                  return { name, arguments: args };
                }),
              };
            },
          },
        },
        async (server) => {
          const out = path.join(await mkdtemp(path.join(tmpdir(), 'cli-bench-')), 'run');
          const argv = [
            'bench',
            'bfcl',
            '--model',
            'mock-agent',
            '--entries',
            '0,1',
            '--concurrency',
            '2',
            '--out',
            out,
            '--data',
            bfclData,
            '--env',
            bfclEnv,
            '--quiet',
          ];
          capture();
          expect(await runCli({ argv })).toBe(0);
          const report = stdout();
          expect(report).toContain('1/2 passed, accuracy 50.0%');
          expect(report).toMatch(/GorillaFileSystem\s+1\/2/);
          expect(report).toMatch(/TwitterAPI\s+1\/1/);
          const agentRequests = server.requestsFor('agent');
          expect(agentRequests.length).toBeGreaterThan(4);
          expect(agentRequests.every((r) => r.model === 'mock-agent')).toBe(true);
          // The official docs, converted to OpenAI tools, are what the agent sees.
          const tools = agentRequests[0]!.body.tools as { function: { name: string; description: string } }[];
          expect(tools.map((t) => t.function.name)).toContain('mv');
          expect(tools[0]!.function.description).toContain(
            'Note that the provided function is in Python 3 syntax.',
          );
          const lines = (await readFile(path.join(out, 'results.jsonl'), 'utf8'))
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l));
          expect(lines.map((l) => [l.id, l.passed]).sort()).toEqual([
            ['multi_turn_base_0', true],
            ['multi_turn_base_1', false],
          ]);
          const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
          expect(summary).toMatchObject({ entries: 2, passed: 1, accuracy: 0.5, model: 'mock-agent' });
          expect(summary.interval95[0]).toBeLessThan(0.5);
          expect(summary.interval95[1]).toBeGreaterThan(0.5);

          // Resume: nothing left, no model calls.
          const before = server.requestsFor('agent').length;
          expect(await runCli({ argv })).toBe(0);
          expect(server.requestsFor('agent').length).toBe(before);

          expect(
            await runCli({
              argv: [
                'bench',
                'bfcl',
                '--model',
                'm',
                '--entries',
                'nope',
                '--out',
                out,
                '--data',
                bfclData,
                '--env',
                bfclEnv,
                '--quiet',
              ],
            }),
          ).toBe(2);
          expect(
            await runCli({
              argv: [
                'bench',
                'bfcl',
                '--model',
                'm',
                '--out',
                out,
                '--data',
                path.join(out, 'missing'),
                '--quiet',
              ],
            }),
          ).toBe(2);
        },
      );
    }, 120_000);
  });

  it('bench bfcl --gold needs no model and passes every entry it runs, with the shipped data by default', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-gold-'));
    capture();
    expect(
      await runCli({ argv: ['bench', 'bfcl', '--gold', '--entries', '0-5', '--out', out, '--quiet'] }),
    ).toBe(0);
    expect(stdout()).toContain('6/6 passed, accuracy 100.0%');
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ entries: 6, passed: 6, model: 'gold' });
  }, 120_000);

  it('bench bfcl --category: one category, or all four with their mean; an unknown one is a usage error', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-gold-category-'));
    capture();
    const argv = (category: string, dir: string) => {
      const flags = ['--gold', '--category', category, '--entries', '0-2'];
      return ['bench', 'bfcl', ...flags, '--out', dir, '--quiet'];
    };
    expect(await runCli({ argv: argv('miss_func', path.join(out, 'one')) })).toBe(0);
    expect(stdout()).toContain('BFCL multi-turn miss_func: 3/3 passed');
    expect(JSON.parse(await readFile(path.join(out, 'one', 'summary.json'), 'utf8'))).toMatchObject({
      category: 'miss_func',
      entries: 3,
      passed: 3,
    });
    expect(await runCli({ argv: argv('all', path.join(out, 'all')) })).toBe(0);
    expect(stdout()).toContain('BFCL multi-turn score (unweighted mean of 4 categories): 100.0% (12/12');
    const suite = JSON.parse(await readFile(path.join(out, 'all', 'summary.json'), 'utf8'));
    expect(Object.keys(suite.categories)).toEqual(['base', 'miss_func', 'miss_param', 'long_context']);
    expect(suite.overall).toEqual({ accuracy: 1, entries: 12, passed: 12 });
    const longContext = JSON.parse(
      await readFile(path.join(out, 'all', 'long_context', 'summary.json'), 'utf8'),
    );
    expect(longContext).toMatchObject({ category: 'long_context', entries: 3, passed: 3 });
    expect(await runCli({ argv: argv('composite', path.join(out, 'bad')) })).toBe(2);
  }, 120_000);

  describe('tau2-retail over the loopback server', () => {
    it('uses --model for the agent and --user-model for the simulated user; gold actions earn 1', async () => {
      const data = await readTau2Data();
      const task = data.tasks.find((t) => t.id === '0')!;
      const actions = task.evaluation_criteria!.actions!;
      await withMockOpenAIServer(
        {
          script: {
            agent: oneCallPerTurnAgent({ calls: actions, finalText: 'Your exchange has been requested.' }),
            'user-simulator': (request) =>
              request.messages.filter((m) => m.role === 'user').length === 1
                ? 'I want to exchange two items.'
                : 'Thank you. ###STOP###',
          },
        },
        async (server) => {
          const out = path.join(await mkdtemp(path.join(tmpdir(), 'cli-bench-tau2-')), 'run');
          capture();
          const argv = [
            'bench',
            'tau2-retail',
            '--model',
            'agent-m',
            '--user-model',
            'user-m',
            '--tasks',
            '0',
            '--trials',
            '2',
            '--out',
            out,
            '--data',
            tau2Data,
            '--env',
            tau2Env,
            '--quiet',
          ];
          expect(await runCli({ argv })).toBe(0);
          expect(stdout()).toContain('pass^2 1.000');
          expect(server.requestsFor('agent').every((r) => r.model === 'agent-m')).toBe(true);
          expect(server.requestsFor('user-simulator').every((r) => r.model === 'user-m')).toBe(true);
          expect(server.requestsFor('user-simulator')).toHaveLength(4);
          const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
          expect(summary).toMatchObject({
            tasks: 1,
            trials: 2,
            episodes: 2,
            meanReward: 1,
            agentModel: 'agent-m',
            userModel: 'user-m',
          });
        },
      );
    }, 120_000);
  });
});
