/**
 * Rollout throughput benchmark (`pnpm --filter @envscaler/validate bench`).
 *
 * 1. A mock agent that answers every request after 50 ms (one tool call, then a final answer: two model
 *    turns per episode) runs 128 episodes of the library fixture in the isolated-vm runtime at
 *    concurrency 1 and at concurrency 32, alternating, five times each; the ratio of the wall times
 *    (paired per round, target ≤ 0.05×; latency-bound ideal 0.031×).
 * 2. The same episodes with an instant agent at concurrency 1: time per agent step is the runtime's own
 *    overhead (sandboxed tool calls, snapshots, checklist in an isolate, JSONL append + fsync).
 * 3. One checklist evaluation on the τ²-bench retail database (2.8 MB state, initial state cached).
 * Every run's episodes are checked: all of them must reach reward 1.
 *
 * Set ENVSCALER_BENCH_EPISODES to change the episode count.  pnpm --filter @envscaler/validate bench
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tau2DataDir } from '@envscaler/env-tau2-retail';
import type { ChatModel, ChatRequest, ChatResponse } from '@envscaler/core';
import { loadEnvironment } from '@envscaler/runtime';
import { BenchSuite, alternate, cpuMicros, per } from '@envscaler/testing/bench';
import { libraryPackage, libraryScenario } from '../test-fixtures/library/index.js';
import { disposeDefaultCheckRunner, getDefaultCheckRunner, runRollouts } from '../src/index.js';

const EPISODES = Number(process.env.ENVSCALER_BENCH_EPISODES ?? 128);
const ROUNDS = 5;
const suite = new BenchSuite('@envscaler/validate');
const LATENCY_MS = 50;

function mockAgent(latencyMs: number): ChatModel & { calls: number } {
  const model = {
    calls: 0,
    async complete(request: ChatRequest): Promise<ChatResponse> {
      model.calls++;
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      const usage = { promptTokens: 100, completionTokens: 10 };
      if (!request.messages.some((m) => m.role === 'tool')) {
        return {
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'a', type: 'function', function: { name: 'lendBook', arguments: '{"memberId":"m2","bookId":"b1"}' } },
              { id: 'b', type: 'function', function: { name: 'returnBook', arguments: '{"loanId":"L1"}' } },
            ],
          },
          usage,
          model: 'mock',
          finishReason: 'tool_calls',
        };
      }
      return { message: { role: 'assistant', content: 'Done.' }, usage, model: 'mock', finishReason: 'stop' };
    },
  };
  return model;
}

const env = await loadEnvironment({ package: libraryPackage });
// Every scenario is its own id so each (scenario, trial) pair is a distinct episode.
const scenarios = Array.from({ length: EPISODES }, (_, i) => libraryScenario({ id: `bench-${i}` }));

const rewards: number[] = [];
async function run(concurrency: number, latencyMs: number): Promise<{ ms: number; cpuMs: number; steps: number; meanReward: number }> {
  const out = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-'));
  try {
    const agent = mockAgent(latencyMs);
    const start = performance.now();
    const cpu0 = cpuMicros();
    const result = await runRollouts({ envs: [env], scenarios, agent, trials: 1, concurrency, out, mode: 'non_conversational' });
    const ms = performance.now() - start;
    rewards.push(result.summary.meanReward);
    return { ms, cpuMs: (cpuMicros() - cpu0) / 1000, steps: agent.calls, meanReward: result.summary.meanReward };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

await run(4, 0); // warm-up: isolates, compiled checks, JIT
const wall = { serial: [] as number[], parallel: [] as number[] };
const overheadPerStep: number[] = [];
await alternate(
  { rounds: ROUNDS, warmup: 0 },
  {
    serial: async () => void wall.serial.push((await run(1, LATENCY_MS)).ms),
    parallel: async () => void wall.parallel.push((await run(32, LATENCY_MS)).ms),
    overhead: async () => {
      const r = await run(1, 0);
      overheadPerStep.push(r.cpuMs / r.steps);
    },
  },
);
const ideal = (Math.ceil(EPISODES / 32) * 2 * LATENCY_MS) / (EPISODES * 2 * LATENCY_MS);
suite.compare({
  id: 'rollout-concurrency',
  name: `rollouts: ${EPISODES} episodes, mock agent answering after ${LATENCY_MS} ms (2 turns each), concurrency 32, wall-clock`,
  unit: 's',
  samples: per(wall.parallel, 1000),
  baseline: { name: 'the same at concurrency 1', samples: per(wall.serial, 1000) },
  target: { op: '<=', limit: 0.05 },
  note: `latency-bound ideal ${ideal.toFixed(3)}×`,
});
suite.value({
  id: 'rollout-overhead',
  name: 'rollouts: runtime overhead per agent step (instant agent, concurrency 1: sandboxed calls, snapshots, checklist, JSONL append + fsync)',
  unit: 'ms',
  samples: overheadPerStep,
});

// Checklist cost on a large world: the τ²-bench retail database (2.8 MB of JSON).
const tau2Db = path.join(tau2DataDir, 'db.json');
{
  const db = JSON.parse(readFileSync(tau2Db, 'utf8')) as { orders: Record<string, { status: string }> };
  const checks = [{ id: 'status', source: "(final: any, initial: any) => final.orders['#W2378156'].status !== initial.orders['#W2378156'].status" }];
  const runner = getDefaultCheckRunner();
  await runner.run({ checks, initial: db, final: db });
  const times: number[] = [];
  const passed: boolean[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const final = structuredClone(db);
    final.orders['#W2378156']!.status = `changed-${i}`;
    const start = cpuMicros();
    const [result] = await runner.run({ checks, initial: db, final });
    times.push((cpuMicros() - start) / 1000);
    passed.push(result?.passed === true);
  }
  suite.value({
    id: 'checklist-retail',
    name: 'checklist evaluation on the τ²-bench retail database (2.8 MB state, initial state cached)',
    unit: 'ms',
    samples: times,
  });
  suite.check({
    id: 'rollout-results',
    name: 'rollout and checklist results checked',
    ok: rewards.every((r) => r === 1) && passed.every(Boolean),
    detail: rewards.every((r) => r === 1) && passed.every(Boolean)
      ? `every episode of all ${rewards.length} runs reached reward 1; every checklist evaluation passed`
      : `mean rewards ${rewards.map((r) => r.toFixed(3)).join(', ')}; checklist passes ${passed.join(', ')}`,
  });
}
env.dispose();
disposeDefaultCheckRunner();
suite.finish();
