// `envscaler serve` throughput: tool calls over HTTP with keep-alive on loopback, 64 clients (one
// session each, in a worker thread so client and server each get a core), against back-to-back
// in-process sandboxed calls on one session, alternating run by run in the same process. Each HTTP run's
// answers are checked: every call must come back 200 with an ok result, and every session's final
// balance must equal its start plus the deposits its client counted.
//   pnpm --filter @envscaler/cli bench [-- --no-check]
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment } from '@envscaler/runtime';
import { BenchSuite, alternate } from '@envscaler/testing/bench';
import { bankInitialState, writeBankEnvironment } from '../src/serve/bank-fixture.js';
import { startEnvServer } from '../src/serve/env-server.js';

const args = { account: 'a', amount: 1 };
const CLIENTS = 64;
const RUNS = 5;
const HTTP_MS = 3000;
const IN_PROCESS_MS = 1000;

const dir = await mkdtemp(join(tmpdir(), 'envscaler-serve-bench-'));
await writeBankEnvironment({ dir });
const env = await loadEnvironment({ dir });
const server = await startEnvServer({ envs: [env] });
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const { port } = new URL(server.url);
const suite = new BenchSuite('@envscaler/cli');

function request(method: string, path: string, body?: unknown): Promise<unknown> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
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
let inProcessRate = 0;
async function inProcess(): Promise<void> {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < IN_PROCESS_MS) {
    await session.call('deposit', args);
    calls++;
  }
  inProcessRate = calls / ((performance.now() - start) / 1000);
}

const ids = await Promise.all(
  Array.from(
    { length: CLIENTS },
    async () =>
      ((await request('POST', '/sessions', { initialState: bankInitialState })) as { sessionId: string })
        .sessionId,
  ),
);
const worker = new Worker(new URL('./load-generator.mjs', import.meta.url), {
  workerData: { port, ids, args },
  execArgv: [],
});
interface HttpRun {
  steps: number;
  seconds: number;
  perSession: Record<string, number>;
  failures: number;
  error?: string;
}
function httpRun(durationMs: number): Promise<HttpRun> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: HttpRun) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
    worker.postMessage({ durationMs });
  });
}

const deposited = Object.fromEntries(ids.map((id) => [id, 0]));
let failures = 0;
let httpRate = 0;
async function overHttp(): Promise<void> {
  const r = await httpRun(HTTP_MS);
  for (const [id, n] of Object.entries(r.perSession)) deposited[id] = (deposited[id] ?? 0) + n;
  failures += r.failures;
  httpRate = r.steps / r.seconds;
}
await overHttp(); // warm-up (counted in the balances, not in the figures)
const rates = { http: [] as number[], inProcess: [] as number[] };
await alternate(
  { rounds: RUNS, warmup: 0 },
  {
    inProcess: async () => {
      await inProcess();
      rates.inProcess.push(inProcessRate);
    },
    http: async () => {
      await overHttp();
      rates.http.push(httpRate);
    },
  },
);
worker.postMessage('close');

// Check: every session holds exactly its client's deposits.
const wrong: string[] = [];
for (const id of ids) {
  const { state } = (await request('GET', `/sessions/${id}/state`)) as { state: typeof bankInitialState };
  const want = bankInitialState.accounts.a.balance + deposited[id]!;
  if (state.accounts.a.balance !== want)
    wrong.push(`${id}: balance ${state.accounts.a.balance}, expected ${want}`);
}

suite.value({
  id: 'serve-steps',
  name: `envscaler serve: tool calls over HTTP keep-alive, ${CLIENTS} concurrent clients (one session each), wall-clock, ${HTTP_MS / 1000} s per run`,
  unit: 'steps/s',
  samples: rates.http,
  target: { op: '>=', limit: 10_000 },
  baseline: {
    name: 'in-process sandboxed calls on one session, back to back',
    unit: 'calls/s',
    samples: rates.inProcess,
  },
  note: `clients and server share this machine's ${cpus().length} cores`,
});
suite.check({
  id: 'serve-results',
  name: 'serve answers checked',
  ok: failures === 0 && wrong.length === 0,
  detail:
    failures === 0 && wrong.length === 0
      ? `every call answered 200 with ok: true; all ${CLIENTS} sessions' balances equal their start plus their client's deposits`
      : `${failures} failed call(s); ${wrong.length} wrong balance(s) ${wrong.slice(0, 2).join('; ')}`,
});

session.dispose();
agent.destroy();
await server.close();
env.dispose();
await rm(dir, { recursive: true, force: true });
suite.finish();
