// Profiling aid for the call path of bench (a): runs one kind of τ²-retail get_order_details session call
// in a loop, for `node --cpu-prof` (host side; with sandbox 'none' the environment's code and the session
// machinery show up too, as the same code runs in the host's realm).
//   node --no-node-snapshot --import tsx --conditions=@envscaler/source --cpu-prof \
//     bench/profile-call.ts [isolated-vm|none] [shared|own] [json|object] [calls]
import { readTau2Data, type Tau2RetailState } from '@envscaler/env-tau2-retail';
import { loadRetail } from '../test/tau2-retail.js';

const [sandbox = 'isolated-vm', world = 'shared', answer = 'json', count = '200000'] = process.argv.slice(2);
if (sandbox !== 'isolated-vm' && sandbox !== 'none')
  throw new Error(`sandbox: isolated-vm or none, not ${sandbox}`);
const data = await readTau2Data();
const db = JSON.parse(data.dbText) as Tau2RetailState;
const env = await loadRetail({ sandbox });
const session = await env.createSession(
  world === 'own' ? { initialStateJson: data.dbText } : { initialState: db },
);
const ids = Object.keys(db.orders).slice(0, 200);
const n = Number(count);
const call = answer === 'object' ? session.call.bind(session) : session.callJson.bind(session);
const c0 = process.cpuUsage();
for (let i = 0; i < n; i++) await call('get_order_details', { order_id: ids[i % ids.length]! });
const c = process.cpuUsage(c0);
console.log(
  `${sandbox}, ${world} world, ${answer}: ${((c.user + c.system) / n).toFixed(2)} µs of process CPU a call`,
);
session.dispose();
env.dispose();
