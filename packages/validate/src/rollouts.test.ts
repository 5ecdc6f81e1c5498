import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunSummary, type ChatRequest } from '@envscaler/core';
import { createCheckRunner } from '@envscaler/runtime';
import { MockChatModel } from '@envscaler/testing';
import { runRollouts, type RolloutProgress } from './rollouts.js';
import { JsonlAppender, readJsonlTolerant, scanJsonlTolerant } from './jsonl.js';
import { parseTrajectory } from '@envscaler/core';
import { libraryEnvironment, libraryScenario } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
const dirs: string[] = [];
afterAll(async () => {
  runner.dispose();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'envscaler-rollouts-'));
  dirs.push(dir);
  return dir;
}

/** Solves the library task when the scenario id ends in 'a' (and on even trials), else gives up. */
function scriptedAgent() {
  return new MockChatModel({
    script: {
      agent: (request: ChatRequest) => {
        const toolMessages = request.messages.filter((m) => m.role === 'tool').length;
        const task = request.messages[1]!.content as string;
        if (task.includes('GIVE UP') || toolMessages > 0) return 'Done.';
        return {
          toolCalls: [
            { name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } },
            { name: 'returnBook', arguments: { loanId: 'L1' } },
          ],
        };
      },
    },
  });
}

const scenarios = [
  libraryScenario({ id: 's-a' }),
  libraryScenario({ id: 's-b', task: 'GIVE UP please' }),
  libraryScenario({ id: 's-c' }),
];

describe('runRollouts', () => {
  it('runs scenarios × trials concurrently, writes trajectories.jsonl and summary.json, reports progress', async () => {
    const out = await tempDir();
    const events: RolloutProgress[] = [];
    const result = await runRollouts({
      envs: [libraryEnvironment()],
      scenarios,
      agent: scriptedAgent(),
      trials: 3,
      concurrency: 4,
      out,
      mode: 'non_conversational',
      runner,
      onProgress: (p) => events.push(p),
    });
    expect(result.ran).toBe(9);
    const lines = (await readFile(path.join(out, 'trajectories.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(9);
    const summary = parseRunSummary(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')));
    expect(summary.episodes).toBe(9);
    expect(summary.successRate).toBeCloseTo(6 / 9, 12);
    expect(summary.passHatK.map((r) => r.value)).toEqual([2 / 3, 2 / 3, 2 / 3]);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ total: 9, done: 9, running: 0, failed: 0 });
    expect(last.meanReward).toBeCloseTo(6 / 9, 12);
    expect(Math.max(...events.map((e) => e.running))).toBeGreaterThan(1);
    expect(last.usage.completionTokens).toBeGreaterThan(0);
  });

  it('leaves trajectories.jsonl in scenario id, then trial order, keeping lines of other scenarios', async () => {
    const out = await tempDir();
    const only = (ids: string[]) => ids.map((id) => scenarios.find((s) => s.id === id)!);
    const run = (ids: string[], trials: number) =>
      runRollouts({
        envs: [libraryEnvironment()],
        scenarios: only(ids),
        agent: scriptedAgent(),
        trials,
        concurrency: 1,
        out,
        mode: 'non_conversational',
        runner,
      });
    await run(['s-b'], 1);
    // One at a time in the given order, so the episodes finish as s-c, s-a; s-b trial 0 is an earlier run's.
    const result = await run(['s-c', 's-a'], 2);
    const pairs = (await readFile(path.join(out, 'trajectories.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => {
        const t = JSON.parse(l);
        return `${t.scenarioId}:${t.trial}`;
      });
    expect(pairs).toEqual(['s-a:0', 's-a:1', 's-b:0', 's-c:0', 's-c:1']);
    // the summary covers this run's scenarios only; the file keeps the earlier run's s-b line too
    expect(result.file).toBe(path.join(out, 'trajectories.jsonl'));
    expect(result.summary).toMatchObject({ episodes: 4, scenarios: 2, trialsPerScenario: 2 });
  });

  it('resumes after a killed run: drops the torn line and does not redo finished episodes', async () => {
    const out = await tempDir();
    const first = scriptedAgent();
    await runRollouts({
      envs: [libraryEnvironment()],
      scenarios,
      agent: first,
      trials: 2,
      concurrency: 2,
      out,
      mode: 'non_conversational',
      runner,
    });
    const file = path.join(out, 'trajectories.jsonl');
    const text = await readFile(file, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(6);
    // Simulate a kill mid-write: keep 4 whole lines and half of the 5th.
    const keep = lines.slice(0, 4).join('\n').length + 1 + Math.floor(lines[4]!.length / 2);
    await truncate(file, keep);
    await rm(path.join(out, 'summary.json'));
    const done = new Set(
      lines.slice(0, 4).map((l) => {
        const t = JSON.parse(l);
        return `${t.scenarioId}:${t.trial}`;
      }),
    );

    const second = scriptedAgent();
    const result = await runRollouts({
      envs: [libraryEnvironment()],
      scenarios,
      agent: second,
      trials: 2,
      concurrency: 2,
      out,
      mode: 'non_conversational',
      runner,
    });
    expect(result.skipped).toBe(4);
    expect(result.ran).toBe(2);
    // Only the 2 unfinished episodes talked to the model (2 agent calls to solve, 1 to give up).
    const missing = lines.slice(4).map((l) => JSON.parse(l).scenarioId as string);
    const expectedCalls = missing.reduce((n, id) => n + (id === 's-b' ? 1 : 2), 0);
    expect(second.callsFor('agent')).toHaveLength(expectedCalls);
    expect(first.callsFor('agent').length).toBe(2 + 2 + 1 + 2 + 2 + 1);
    const { records, droppedBytes } = await readJsonlTolerant({ path: file, parse: parseTrajectory });
    expect(droppedBytes).toBe(0);
    expect(records).toHaveLength(6);
    expect(new Set(records.map((t) => `${t.scenarioId}:${t.trial}`)).size).toBe(6);
    for (const t of records.slice(0, 4)) expect(done.has(`${t.scenarioId}:${t.trial}`)).toBe(true);
    expect((await stat(path.join(out, 'summary.json'))).size).toBeGreaterThan(0);
    expect(result.summary.episodes).toBe(6);

    // A third run finds everything done and makes no model calls.
    const third = scriptedAgent();
    const again = await runRollouts({
      envs: [libraryEnvironment()],
      scenarios,
      agent: third,
      trials: 2,
      concurrency: 2,
      out,
      mode: 'non_conversational',
      runner,
    });
    expect(again.ran).toBe(0);
    expect(third.calls).toHaveLength(0);
  });

  it('stops on abort without writing cut-short episodes', async () => {
    const out = await tempDir();
    const controller = new AbortController();
    let calls = 0;
    const agent = new MockChatModel({
      script: {
        agent: async (request: ChatRequest) => {
          calls++;
          if (calls === 3) controller.abort();
          await new Promise((r) => setTimeout(r, 5));
          if (request.signal?.aborted) throw new Error('aborted');
          return 'Done.';
        },
      },
    });
    await expect(
      runRollouts({
        envs: [libraryEnvironment()],
        scenarios,
        agent,
        trials: 4,
        concurrency: 2,
        out,
        mode: 'non_conversational',
        runner,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const { records } = await readJsonlTolerant({
      path: path.join(out, 'trajectories.jsonl'),
      parse: parseTrajectory,
    });
    expect(records.every((t) => t.termination !== 'error')).toBe(true);
    expect(records.length).toBeLessThan(12);
  });

  it('re-runs pairs whose saved trajectory ended in a model error; the newest line wins', async () => {
    const out = await tempDir();
    let failing = true;
    const flaky = new MockChatModel({
      script: {
        agent: (request: ChatRequest) => {
          if (failing) throw new Error('endpoint down');
          return scriptedAgent()
            .complete(request)
            .then((r) => ({
              content: r.message.content,
              toolCalls: r.message.tool_calls?.map((c) => ({
                id: c.id,
                name: c.function.name,
                arguments: c.function.arguments,
              })),
            }));
        },
      },
    });
    const first = await runRollouts({
      envs: [libraryEnvironment()],
      scenarios: scenarios.slice(0, 1),
      agent: flaky,
      trials: 2,
      concurrency: 2,
      out,
      mode: 'non_conversational',
      runner,
    });
    expect(first.summary.terminations).toEqual({ error: 2 });
    failing = false;
    const second = await runRollouts({
      envs: [libraryEnvironment()],
      scenarios: scenarios.slice(0, 1),
      agent: flaky,
      trials: 2,
      concurrency: 2,
      out,
      mode: 'non_conversational',
      runner,
    });
    expect(second.ran).toBe(2);
    expect(second.summary.terminations).toEqual({ agent_done: 2 });
    expect(second.summary.successRate).toBe(1);
  });

  it('refuses a second concurrent run on the same directory, and takes over a stale lock', async () => {
    const out = await tempDir();
    const slow = new MockChatModel({
      script: {
        agent: async () => {
          await new Promise((r) => setTimeout(r, 50));
          return 'Done.';
        },
      },
    });
    const base = {
      envs: [libraryEnvironment()],
      scenarios,
      trials: 1,
      concurrency: 1,
      out,
      mode: 'non_conversational' as const,
      runner,
    };
    const first = runRollouts({ ...base, agent: slow });
    await new Promise((r) => setTimeout(r, 10));
    await expect(runRollouts({ ...base, agent: slow })).rejects.toThrow(/already writing/);
    await first;
    await writeFile(path.join(out, '.rollout.lock'), '999999999');
    const again = await runRollouts({ ...base, agent: slow, trials: 2 });
    expect(again.ran).toBe(3);
  });

  it('resumes after a real SIGKILL: the stale lock is taken over and finished episodes are not redone', async () => {
    const out = await tempDir();
    const child = spawn(
      process.execPath,
      [
        '--no-node-snapshot',
        '--import',
        'tsx',
        '--conditions=@envscaler/source',
        fileURLToPath(new URL('../test-fixtures/rollout-child.ts', import.meta.url)),
        out,
      ],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      child.stdout!.on('data', (chunk: Buffer) => {
        finished += chunk.toString().split('episode').length - 1;
        if (finished >= 5 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    await new Promise((r) => child.once('close', r));
    expect(child.signalCode).toBe('SIGKILL');
    const file = path.join(out, 'trajectories.jsonl');
    const before = (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(20);
    // A write cut short by the kill leaves a torn line; add one in case the kill fell between writes.
    await appendFile(file, '{"schemaVersion":1,"id":"torn');
    const done = new Set(before.map((l) => `${JSON.parse(l).scenarioId}:${JSON.parse(l).trial}`));

    const agent = new MockChatModel({
      script: {
        agent: (request: ChatRequest) =>
          request.messages.some((m) => m.role === 'tool')
            ? 'Done.'
            : { toolCalls: [{ name: 'lendBook', arguments: { memberId: 'm2', bookId: 'b1' } }] },
      },
    });
    const result = await runRollouts({
      envs: [libraryEnvironment()],
      scenarios: Array.from({ length: 10 }, (_, i) => libraryScenario({ id: `k${i}` })),
      agent,
      trials: 2,
      concurrency: 4,
      out,
      mode: 'non_conversational',
      runner,
    });
    expect(result.skipped).toBe(done.size);
    expect(result.ran).toBe(20 - done.size);
    expect(agent.callsFor('agent')).toHaveLength(2 * (20 - done.size));
    const { records } = await readJsonlTolerant({ path: file, parse: parseTrajectory });
    expect(records).toHaveLength(20);
    expect(new Set(records.map((t) => `${t.scenarioId}:${t.trial}`)).size).toBe(20);
    expect(result.summary.episodes).toBe(20);
  }, 60_000);

  it('rejects a scenario whose environment is missing', async () => {
    const out = await tempDir();
    await expect(
      runRollouts({
        envs: [],
        scenarios,
        agent: scriptedAgent(),
        trials: 1,
        concurrency: 1,
        out,
        mode: 'non_conversational',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('JsonlAppender', () => {
  it('writes every concurrent append as one whole line (group commit)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.jsonl');
    const appender = await JsonlAppender.open(file);
    await Promise.all(Array.from({ length: 200 }, (_, i) => appender.append({ i, pad: 'x'.repeat(i) })));
    await appender.close();
    const { records, droppedBytes } = await readJsonlTolerant({
      path: file,
      parse: (v) => v as { i: number },
    });
    expect(droppedBytes).toBe(0);
    expect(records.map((r) => r.i).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('resolves each append with the span its line has in the file, after what was there before', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 's.jsonl');
    await writeFile(file, '{"old":true}\n');
    const appender = await JsonlAppender.open(file);
    const records = Array.from({ length: 50 }, (_, i) => ({ i, text: 'é'.repeat(i % 7) }));
    const spans = await Promise.all(records.map((r) => appender.append(r)));
    await appender.close();
    const bytes = await readFile(file);
    for (const [i, span] of spans.entries()) {
      expect(JSON.parse(bytes.subarray(span.offset, span.offset + span.bytes).toString('utf8'))).toEqual(records[i]);
    }
    expect(Math.min(...spans.map((s) => s.offset))).toBe('{"old":true}\n'.length);
  });
});

describe('scanJsonlTolerant', () => {
  it('reads lines across chunk boundaries with their spans, and drops a torn tail like readJsonlTolerant', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.jsonl');
    const lines = ['{"a":"ünïcödé"}', '', '{"b":[1,2,3]}', '{"c":"' + 'x'.repeat(40) + '"}'];
    const text = `${lines.join('\n')}\n{"torn":`;
    await writeFile(file, text);
    for (const chunkBytes of [1, 3, 7, 64, 1 << 20]) {
      const seen: { value: unknown; at: string }[] = [];
      const { droppedBytes } = await scanJsonlTolerant({
        path: file,
        parse: (v) => v,
        chunkBytes,
        onRecord: (value, span) =>
          seen.push({ value, at: Buffer.from(text).subarray(span.offset, span.offset + span.bytes).toString() }),
      });
      expect(droppedBytes).toBe('{"torn":'.length);
      expect(seen.map((r) => r.value)).toEqual([{ a: 'ünïcödé' }, { b: [1, 2, 3] }, { c: 'x'.repeat(40) }]);
      expect(seen.map((r) => r.at)).toEqual([`${lines[0]}\n`, `${lines[2]}\n`, `${lines[3]}\n`]);
      const whole = await readJsonlTolerant({ path: file, parse: (v) => v });
      expect(whole).toEqual({ records: seen.map((r) => r.value), droppedBytes });
    }
    // a last whole line that does not parse is torn too; repair cuts it off
    await writeFile(file, '{"a":1}\n{"a":\n');
    expect((await scanJsonlTolerant({ path: file, parse: (v) => v, chunkBytes: 2, repair: true, onRecord: () => {} })).droppedBytes).toBe(6);
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n');
  });
});

describe('readJsonlTolerant', () => {
  it('throws on corruption before the last line', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'x.jsonl');
    await writeFile(file, '{"a":1}\nnot json\n{"a":2}\n');
    await expect(readJsonlTolerant({ path: file, parse: (v) => v })).rejects.toThrow(/x.jsonl:2/);
  });
});
