// Load generator for serve.bench.ts, run in a worker thread so client and server each get a core.
// Plain JavaScript because worker threads on Node 20 do not inherit the tsx loader.
/* global Buffer, performance -- Node globals; this file is plain JavaScript */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { port, ids, args, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const body = JSON.stringify({ name: 'deposit', arguments: args });

function call(id) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/sessions/${id}/call`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

for (const id of ids) for (let i = 0; i < 50; i++) await call(id);
let done = 0;
const start = performance.now();
await Promise.all(
  ids.map(async (id) => {
    while (performance.now() - start < durationMs) {
      await call(id);
      done++;
    }
  }),
);
agent.destroy();
parentPort.postMessage(done / ((performance.now() - start) / 1000));
