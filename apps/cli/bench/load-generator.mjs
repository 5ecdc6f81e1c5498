// Load generator for serve.bench.ts, run in a worker thread so client and server each get a core.
// Plain JavaScript because worker threads on Node 20 do not inherit the tsx loader.
// Each client is one keep-alive HTTP/1.1 connection (a plain socket: node's http client would spend more
// of the shared two cores than the server it measures) calling its own session back to back, one request
// at a time. Messages: { durationMs } → { steps, seconds, perSession, failures }; 'close' ends.
/* global Buffer, performance -- Node globals; this file is plain JavaScript */
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { port, ids, args } = workerData;
const body = JSON.stringify({ name: 'deposit', arguments: args });

/** A keep-alive connection that sends one request at a time and resolves with the parsed response. */
function connect(id) {
  const request = Buffer.from(
    `POST /sessions/${id}/call HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
  let buffer = Buffer.alloc(0);
  let pending = null;
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0 || pending === null) return;
    const head = buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (buffer.length < end + 4 + length) return;
    const status = Number(head.slice(9, 12));
    const text = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    buffer = buffer.subarray(end + 4 + length);
    const done = pending;
    pending = null;
    let ok = false;
    try {
      ok = status === 200 && JSON.parse(text).ok === true;
    } catch {
      ok = false;
    }
    done.resolve(ok);
  });
  socket.on('error', (error) => pending?.reject(error));
  const ready = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return {
    ready,
    call: () =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(request);
      }),
    close: () => socket.destroy(),
  };
}

const clients = ids.map((id) => ({ id, connection: connect(id) }));
await Promise.all(clients.map((c) => c.connection.ready));

async function run(durationMs) {
  const perSession = Object.fromEntries(ids.map((id) => [id, 0]));
  let steps = 0;
  let failures = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async ({ id, connection }) => {
      while (performance.now() - start < durationMs) {
        if (await connection.call()) perSession[id]++;
        else failures++;
        steps++;
      }
    }),
  );
  return { steps, seconds: (performance.now() - start) / 1000, perSession, failures };
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    for (const c of clients) c.connection.close();
    parentPort.close();
    return;
  }
  run(message.durationMs).then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ error: String(error) }),
  );
});
