/**
 * Rollout throughput benchmark (`pnpm --filter @envscaler/validate bench`).
 *
 * 1. A mock agent that answers every request after 50 ms (one tool call, then a final answer: two model
 *    turns per episode) runs 200 episodes of the library fixture in the isolated-vm runtime at
 *    concurrency 1 and at concurrency 32; prints both wall times and their ratio (target ≤ 0.05×).
 * 2. The same episodes with an instant agent at concurrency 1: wall time per agent step is the runtime's
 *    own overhead (sandboxed tool calls, snapshots, checklist in an isolate, JSONL append + fsync).
 *
 * Set ENVSCALER_BENCH_EPISODES to change the episode count.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tau2DataDir } from '@envscaler/env-tau2-retail';
import type { ChatModel, ChatRequest, ChatResponse } from '@envscaler/core';
import { loadEnvironment } from '@envscaler/runtime';
import { libraryPackage, libraryScenario } from '../test-fixtures/library/index.js';
import { disposeDefaultCheckRunner, getDefaultCheckRunner, runRollouts } from '../src/index.js';

const EPISODES = Number(process.env.ENVSCALER_BENCH_EPISODES ?? 200);
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

async function run(concurrency: number, latencyMs: number): Promise<{ ms: number; steps: number; meanReward: number }> {
  const out = await mkdtemp(path.join(tmpdir(), 'envscaler-bench-'));
  try {
    const agent = mockAgent(latencyMs);
    const start = performance.now();
    const result = await runRollouts({ envs: [env], scenarios, agent, trials: 1, concurrency, out, mode: 'non_conversational' });
    const ms = performance.now() - start;
    return { ms, steps: agent.calls, meanReward: result.summary.meanReward };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

await run(4, 0); // warm-up: isolates, compiled checks, JIT
const serial = await run(1, LATENCY_MS);
const parallel = await run(32, LATENCY_MS);
const overhead = await run(1, 0);
const ratio = parallel.ms / serial.ms;
const ideal = (Math.ceil(EPISODES / 32) * 2 * LATENCY_MS) / (EPISODES * 2 * LATENCY_MS);

console.log(`rollout benchmark: ${EPISODES} episodes, mock agent ${LATENCY_MS} ms per answer, 2 model turns per episode`);
console.log(`  concurrency  1: ${(serial.ms / 1000).toFixed(2)} s   (mean reward ${serial.meanReward.toFixed(3)})`);
console.log(`  concurrency 32: ${(parallel.ms / 1000).toFixed(2)} s   (mean reward ${parallel.meanReward.toFixed(3)})`);
console.log(`  ratio: ${ratio.toFixed(4)}×   (target ≤ 0.05×; latency-bound ideal ${ideal.toFixed(4)}×) ${ratio <= 0.05 ? 'OK' : 'MISSED'}`);
console.log(
  `  runtime overhead excluding the model: ${(overhead.ms / overhead.steps).toFixed(2)} ms per agent step, ` +
    `${(overhead.ms / EPISODES).toFixed(2)} ms per episode (instant agent, concurrency 1)`,
);

// Checklist cost on a large world: the τ²-bench retail database (2.8 MB of JSON).
const tau2Db = path.join(tau2DataDir, 'db.json');
{
  const db = JSON.parse(readFileSync(tau2Db, 'utf8')) as { orders: Record<string, { status: string }> };
  const checks = [{ id: 'status', source: "(final: any, initial: any) => final.orders['#W2378156'].status !== initial.orders['#W2378156'].status" }];
  const runner = getDefaultCheckRunner();
  await runner.run({ checks, initial: db, final: db });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const final = structuredClone(db);
    final.orders['#W2378156']!.status = `changed-${i}`;
    const start = performance.now();
    await runner.run({ checks, initial: db, final });
    times.push(performance.now() - start);
  }
  console.log(`  checklist on the τ² retail database (2.8 MB state, initial cached): ${(times.reduce((a, b) => a + b) / times.length).toFixed(0)} ms per evaluation`);
}
env.dispose();
disposeDefaultCheckRunner();
if (ratio > 0.05) process.exitCode = 1;
