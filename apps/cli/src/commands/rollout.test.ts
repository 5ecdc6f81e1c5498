import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrajectory, type ChatRequest, type Scenario } from '@envscaler/core';
import { exportSft, toJsonl } from '@envscaler/validate';
import { MockChatModel, createMockOpenAIServer } from '@envscaler/testing';
import { runRolloutCommand } from './rollout.js';
import { runEvalCommand } from './eval.js';
import { runExportRlCommand, runExportSftCommand } from './export.js';
import { createProgram, runCli } from '../index.js';
import { loadEnvironmentsFrom } from '../inputs.js';

const ENV_SOURCE = `import { Environment, type ToolResult } from '@envscaler/core';

export interface State {
  counters: Record<string, number>;
}

/** Named counters. */
export class Counters extends Environment<State> {
  /** Add to a counter (created at 0 when missing). */
  add(args: { name: string; by: number }): ToolResult<number> {
    const next = (this.state.counters[args.name] ?? 0) + args.by;
    this.state.counters[args.name] = next;
    return this.ok(next);
  }

  /** Read a counter. */
  read(args: { name: string }): ToolResult<number> {
    const value = this.state.counters[args.name];
    return value === undefined ? this.fail('NOT_FOUND', 'no counter ' + args.name) : this.ok(value);
  }
}
`;

function scenario(id: string, target: number): Scenario {
  return {
    schemaVersion: 1,
    id,
    envId: 'counters',
    initialState: { counters: { a: 1 } },
    task: `Make counter a equal ${target}.`,
    user: { persona: 'A tester.', knownInfo: `The target is ${target}.` },
    checklist: [
      {
        id: 'target',
        description: 'a reached the target',
        source: `(final: Readonly<State>) => final.counters.a === ${target}`,
      },
      {
        id: 'changed',
        description: 'a changed',
        source:
          '(final: Readonly<State>, initial: Readonly<State>) => final.counters.a !== initial.counters.a',
      },
    ],
    provenance: { createdAt: '2026-01-01T00:00:00.000Z' },
  };
}

/** Adds the difference to reach the target named in the task, then answers. */
function agent() {
  return new MockChatModel({
    script: {
      agent: (request: ChatRequest) => {
        if (request.messages.some((m) => m.role === 'tool')) return 'Done.';
        const text = request.messages
          .filter((m) => m.role === 'user')
          .map((m) => m.content)
          .join(' ');
        const target = Number(/(\d+)/.exec(text)?.[1] ?? 1);
        return { toolCalls: [{ name: 'add', arguments: { name: 'a', by: target - 1 } }] };
      },
      'user-simulator': (request: ChatRequest) =>
        request.messages.length > 3
          ? 'Thanks ###STOP###'
          : `Please set counter a to ${/target is (\d+)/.exec(request.messages[0]!.content as string)![1]}.`,
    },
  });
}

let root: string;
let envs: string;
let scenarios: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-rollout-'));
  envs = path.join(root, 'envs');
  await mkdir(path.join(envs, 'counters'), { recursive: true });
  await writeFile(path.join(envs, 'counters', 'env.ts'), ENV_SOURCE);
  await writeFile(
    path.join(envs, 'counters', 'meta.json'),
    JSON.stringify({
      id: 'counters',
      topic: 'counters',
      summary: 'Named counters.',
      introduction: 'You manage counters.',
      rules: ['Be exact.'],
    }),
  );
  scenarios = path.join(root, 'scenarios.jsonl');
  await writeFile(
    scenarios,
    [scenario('s5', 5), scenario('s9', 9)].map((s) => JSON.stringify(s)).join('\n') + '\n',
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('rollout / eval / export commands', () => {
  it('rollout runs both modes in the sandboxed env; eval regrades; export writes SFT and RL data', async () => {
    const out = path.join(root, 'run-nc');
    const model = agent();
    const result = await runRolloutCommand({
      envs,
      scenarios,
      trials: 2,
      concurrency: 3,
      out,
      mode: 'non_conversational',
      agent: model,
    });
    expect(result.summary).toMatchObject({ episodes: 4, meanReward: 1, successRate: 1 });
    expect(result.summary.passHatK.map((r) => r.value)).toEqual([1, 1]);

    const conv = await runRolloutCommand({
      envs,
      scenarios,
      trials: 1,
      concurrency: 2,
      out: path.join(root, 'run-c'),
      mode: 'conversational',
      agent: agent(),
    });
    expect(conv.summary.terminations).toEqual({ user_stop: 2 });
    expect(conv.summary.meanReward).toBe(1);

    const evaluation = await runEvalCommand({ run: out, scenarios, envs });
    expect(evaluation.report.mismatches).toEqual([]);
    expect(evaluation.text).toContain('pass^k');
    expect(JSON.parse(await readFile(path.join(out, 'eval.json'), 'utf8')).summary.episodes).toBe(4);

    // Tamper with one stored final state: eval reports it.
    const file = path.join(out, 'trajectories.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const t = JSON.parse(lines[0]!);
    t.finalState.counters.a = 42;
    lines[0] = JSON.stringify(t);
    await writeFile(file, lines.join('\n') + '\n');
    const tampered = await runEvalCommand({ run: out, scenarios, envs });
    expect(tampered.report.mismatches).toHaveLength(1);
    expect(tampered.text).toContain('disagree');

    const sft = await runExportSftCommand({
      run: out,
      format: 'openai',
      minReward: 1,
      out: path.join(root, 'sft.jsonl'),
      envs,
    });
    expect(sft).toEqual({ written: 4, read: 4 });
    // streamed line by line, the file is exactly what the in-memory export gives
    const saved = (await readFile(path.join(out, 'trajectories.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => parseTrajectory(JSON.parse(line)));
    const loaded = await loadEnvironmentsFrom({ dir: envs });
    try {
      const expected = exportSft({ trajectories: saved, format: 'openai', minReward: 1, envs: loaded });
      expect(await readFile(path.join(root, 'sft.jsonl'), 'utf8')).toBe(toJsonl(expected));
    } finally {
      for (const env of loaded) env.dispose();
    }
    await expect(
      runExportSftCommand({ run: root, format: 'openai', minReward: 1, out: path.join(root, 'none.jsonl') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('trajectories.jsonl') });
    const record = JSON.parse((await readFile(path.join(root, 'sft.jsonl'), 'utf8')).split('\n')[0]!);
    expect(record.tools.map((tool: { function: { name: string } }) => tool.function.name).sort()).toEqual([
      'add',
      'read',
    ]);
    const rl = await runExportRlCommand({
      scenarios,
      envs,
      out: path.join(root, 'rl.jsonl'),
      mode: 'non_conversational',
    });
    expect(rl.written).toBe(2);
  });

  it('has --help with examples for each command', () => {
    const program = createProgram();
    const help = (name: string[]) => {
      let text = '';
      let cmd = program;
      for (const n of name) cmd = cmd.commands.find((c) => c.name() === n)!;
      cmd.configureOutput({ writeOut: (s) => (text += s) });
      cmd.outputHelp();
      return text + cmd.helpInformation();
    };
    expect(help(['rollout'])).toContain('--trials');
    expect(help(['eval'])).toContain('--run');
    expect(help(['export', 'sft'])).toContain('--min-reward');
    expect(help(['export', 'rl'])).toContain('--scenarios');
  });

  it('runs end to end through runCli over an OpenAI-compatible endpoint, with exit codes', async () => {
    const saved = { ...process.env };
    const server = await createMockOpenAIServer({
      script: {
        agent: (request) => {
          if (request.messages.some((m) => m.role === 'tool')) return 'Done.';
          const target = Number(/equal (\d+)/.exec(request.messages[1]!.content as string)?.[1] ?? 1);
          return { toolCalls: [{ name: 'add', arguments: { name: 'a', by: target - 1 } }] };
        },
      },
    });
    try {
      process.env.OPENAI_BASE_URL = server.url;
      process.env.OPENAI_API_KEY = 'test-key';
      process.env.ENVSCALER_MODEL = 'mock-model';
      const out = path.join(root, 'run-cli');
      const argv = [
        'rollout',
        '--envs',
        envs,
        '--scenarios',
        scenarios,
        '--trials',
        '2',
        '--concurrency',
        '2',
        '--out',
        out,
        '--quiet',
      ];
      expect(await runCli({ argv })).toBe(0);
      expect(server.requestsFor('agent')).toHaveLength(8);
      expect(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')).meanReward).toBe(1);
      // Resume: nothing left to do, no model calls.
      expect(await runCli({ argv })).toBe(0);
      expect(server.requestsFor('agent')).toHaveLength(8);
      expect(
        await runCli({ argv: ['eval', '--run', out, '--scenarios', scenarios, '--envs', envs, '--strict'] }),
      ).toBe(0);
      expect(
        await runCli({
          argv: ['export', 'sft', '--run', out, '--format', 'sharegpt', '--out', path.join(root, 'sg.jsonl')],
        }),
      ).toBe(0);
      expect((await readFile(path.join(root, 'sg.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(4);
      expect(
        await runCli({
          argv: [
            'rollout',
            '--envs',
            envs,
            '--scenarios',
            path.join(root, 'nope.jsonl'),
            '--out',
            out,
            '--quiet',
          ],
        }),
      ).toBe(2);
      expect(await runCli({ argv: ['export', 'sft', '--run', out, '--format', 'rl', '--out', 'x'] })).toBe(2);
    } finally {
      process.env = saved;
      await server.close();
    }
  });
});
