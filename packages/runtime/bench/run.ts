// Runtime benchmarks (issue 4, item 8). Every figure is a ratio against a baseline measured in the same
// run, so machine load shifts both sides alike. Run: pnpm --filter @envscaler/runtime bench
import { Tau2Retail } from '@envscaler/env-tau2-retail';
import type { LoadedEnvironment } from '../src/index.js';
import {
  loadRetail,
  readRetailDbText,
  readRetailTasks,
} from '../test/tau2-retail.js';

/** Median of `rounds` timings of `fn` run `iterations` times; returns microseconds per iteration. */
async function measure(fn: () => unknown, iterations: number, rounds = 5): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    times.push(((performance.now() - t0) * 1000) / iterations);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const fmt = (n: number, unit = 'µs') => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ${unit}`;
const rows: string[][] = [];
function report(name: string, value: string, baseline: string, ratio: string, target: string) {
  rows.push([name, value, baseline, ratio, target]);
  console.log(`${name}: ${value} vs ${baseline} → ${ratio} (target ${target})`);
}

const text = readRetailDbText();
const db = JSON.parse(text) as { orders: Record<string, unknown> };
const tasks = readRetailTasks();
const sandboxed = await loadRetail();
const inProcess = await loadRetail({ sandbox: 'none' });

// (a) one get_order_details call
{
  const orderIds = Object.keys(db.orders).slice(0, 200);
  let k = 0;
  const args = () => ({ order_id: orderIds[k++ % orderIds.length]! });
  const s1 = await sandboxed.createSession({ initialState: db });
  const s2 = await inProcess.createSession({ initialState: db });
  const raw = new Tau2Retail(JSON.parse(text)) as unknown as Record<string, (a: unknown) => unknown>;
  for (let i = 0; i < 2000; i++) {
    await s1.call('get_order_details', args());
    await s2.call('get_order_details', args());
    raw.get_order_details!(args());
  }
  const tBox = await measure(() => s1.call('get_order_details', args()), 5000);
  const tNone = await measure(() => s2.call('get_order_details', args()), 5000);
  const tRaw = await measure(() => raw.get_order_details!(args()), 5000);
  const tRawCopy = await measure(() => JSON.parse(JSON.stringify(raw.get_order_details!(args()))), 5000);
  report('(a) sandboxed get_order_details call', fmt(tBox), `in-process session call ${fmt(tNone)}`, `${(tBox / tNone).toFixed(2)}×`, '≤ 2.0×');
  report('(a) sandboxed get_order_details call', fmt(tBox), `raw method call + JSON copy of the result ${fmt(tRawCopy)}`, `${(tBox / tRawCopy).toFixed(2)}×`, 'info');
  report('(a) sandboxed get_order_details call', fmt(tBox), `raw method call, no copy ${fmt(tRaw)}`, `${(tBox / tRaw).toFixed(1)}×`, 'info');
  s1.dispose();
  s2.dispose();
}

// (b) a new session from the 2.8 MB retail state
{
  const tParse = await measure(() => JSON.parse(text), 5, 5);
  for (const [label, env] of [['sandboxed', sandboxed], ['in-process', inProcess]] as const) {
    const warm = await measure(async () => (await env.createSession({ initialState: db })).dispose(), 500);
    let n = 0;
    // a state object never seen before, with new content: stringify + hash + parse into the sandbox
    const states = Array.from({ length: 6 }, () => ({ ...db, marker: n++ }));
    let j = 0;
    const cold = await measure(async () => (await env.createSession({ initialState: states[j++]! })).dispose(), 1, 5);
    // a new object with already-known content: stringify + hash, then the cached base
    const copies = Array.from({ length: 5 }, () => JSON.parse(text));
    let c = 0;
    const sameContent = await measure(async () => (await env.createSession({ initialState: copies[c++]! })).dispose(), 1, 5);
    report(`(b) new ${label} session, state cached (same object)`, fmt(warm), `JSON.parse ${fmt(tParse / 1000, 'ms')}`, `${(warm / tParse).toFixed(4)}×`, '≤ 3×');
    report(`(b) new ${label} session, new object with known content`, fmt(sameContent / 1000, 'ms'), `JSON.parse ${fmt(tParse / 1000, 'ms')}`, `${(sameContent / tParse).toFixed(2)}×`, '≤ 3×');
    report(`(b) new ${label} session, never-seen state (cold)`, fmt(cold / 1000, 'ms'), `JSON.parse ${fmt(tParse / 1000, 'ms')}`, `${(cold / tParse).toFixed(2)}×`, '≤ 3×');
  }
}

// (c) gold replay of all 114 tasks, a fresh world each
async function replayAll(env: LoadedEnvironment, withSnapshot: boolean): Promise<number> {
  const t0 = performance.now();
  for (const task of tasks) {
    const session = await env.createSession({ initialState: db });
    for (const call of task.calls) await session.call(call.name, call.arguments);
    if (withSnapshot) await session.snapshot();
    session.dispose();
  }
  return tasks.length / ((performance.now() - t0) / 1000);
}
{
  await replayAll(sandboxed, false);
  await replayAll(inProcess, false);
  const rates = { sandboxed: [] as number[], none: [] as number[] };
  for (let r = 0; r < 3; r++) {
    rates.sandboxed.push(await replayAll(sandboxed, false));
    rates.none.push(await replayAll(inProcess, false));
  }
  const best = (xs: number[]) => xs.sort((a, b) => b - a)[Math.floor(xs.length / 2)]!;
  const snap = await replayAll(sandboxed, true);
  const reference = 14.8;
  report('(c) gold replay, 114 tasks, sandboxed', `${best(rates.sandboxed).toFixed(0)} tasks/s`, `reference Python ${reference} tasks/s`, `${(best(rates.sandboxed) / reference).toFixed(1)}×`, '≥ 150 tasks/s');
  report('(c) gold replay, 114 tasks, in-process', `${best(rates.none).toFixed(0)} tasks/s`, `reference Python ${reference} tasks/s`, `${(best(rates.none) / reference).toFixed(1)}×`, 'info');
  report('(c) … plus a full 2.8 MB snapshot per task, sandboxed', `${snap.toFixed(0)} tasks/s`, `reference Python ${reference} tasks/s`, `${(snap / reference).toFixed(1)}×`, 'info');
}

sandboxed.dispose();
inProcess.dispose();
console.log('\n| benchmark | measured | baseline (same run) | ratio | target |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
