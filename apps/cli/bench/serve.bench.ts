// Tool-call throughput over HTTP (keep-alive, loopback) against in-process calls, measured in one run.
// Run: pnpm --filter @envscaler/cli bench
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment } from '@envscaler/runtime';
import { bankInitialState, writeBankEnvironment } from '../src/serve/bank-fixture.js';
import { startEnvServer } from '../src/serve/env-server.js';

const args = { account: 'a', amount: 1 };
const durationMs = 3000;

const dir = await mkdtemp(join(tmpdir(), 'envscaler-serve-bench-'));
await writeBankEnvironment({ dir });
const env = await loadEnvironment({ dir });
const server = await startEnvServer({ envs: [env] });
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const { port } = new URL(server.url);

function post(path: string, body: unknown): Promise<unknown> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

// Baseline: in-process sandboxed calls on one session, back to back.
const session = await env.createSession({ initialState: bankInitialState });
for (let i = 0; i < 2000; i++) await session.call('deposit', args);
let inProcess = 0;
const start = performance.now();
while (performance.now() - start < durationMs) {
  await session.call('deposit', args);
  inProcess++;
}
const inProcessRate = inProcess / ((performance.now() - start) / 1000);
session.dispose();

// HTTP: 32 clients, each on its own session, calling as fast as answers come back.
const clients = 32;
const ids = await Promise.all(
  Array.from(
    { length: clients },
    async () =>
      ((await post('/sessions', { initialState: bankInitialState })) as { sessionId: string }).sessionId,
  ),
);
const worker = new Worker(new URL('./load-generator.mjs', import.meta.url), {
  workerData: { port, ids, args, durationMs },
  execArgv: [],
});
const httpRate = await new Promise<number>((resolve, reject) => {
  worker.once('message', resolve);
  worker.once('error', reject);
});

console.log('serve benchmark (same run)');
console.log(`  in-process sandboxed calls : ${inProcessRate.toFixed(0)} calls/s (baseline)`);
console.log(
  `  HTTP keep-alive, ${clients} clients: ${httpRate.toFixed(0)} steps/s = ${(httpRate / inProcessRate).toFixed(2)}x the in-process rate (target >= 5000 steps/s)`,
);

agent.destroy();
await server.close();
env.dispose();
await rm(dir, { recursive: true, force: true });
