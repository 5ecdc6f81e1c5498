// skelbuilder benchmarks (see README.md, "Benchmarks"):
//  (a) warm type-check of one generated ~300-line environment in the long-lived in-memory project versus a
//      cold `tsc --noEmit` of the same file, in the same run; target ≤ 0.1×.
//  (b) 20 environments built with a scripted model that answers every call after 200 ms, at concurrency 8
//      versus 1; target ≤ 0.2×.
// Run: pnpm --filter @envscaler/skelbuilder bench   (or `bench -- a` / `bench -- b` for one part)
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  assembleEnvironment,
  buildEnvironments,
  createScriptedChatModel,
  EnvTypeChecker,
  type ScriptedEnvSpec,
} from '../src/index.js';
import type { EntityModel, OperationSpec } from '../src/logic/spec.js';
import { libraryScriptedEnvs } from '../src/scripted-example.js';

const packageDir = new URL('..', import.meta.url).pathname;
const parts = process.argv.slice(2).filter((a) => a !== '--');
const want = (part: string) => parts.length === 0 || parts.includes(part);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The library environment with its operations repeated under new names: about 300 lines. */
function bigEnvironment(): string {
  const spec = libraryScriptedEnvs()[0]!;
  const entities = spec.entities as EntityModel;
  const operations: OperationSpec[] = [];
  const bodies: Record<string, string> = {};
  for (const suffix of ['', 'AtBranch', 'ForDesk']) {
    for (const op of spec.operations!) {
      const name = `${op.name}${suffix}`;
      operations.push({ ...op, name });
      const versions = spec.methods![op.name]!;
      bodies[name] = Array.isArray(versions) ? versions[versions.length - 1]! : versions;
    }
  }
  return assembleEnvironment({ model: entities, operations, bodies });
}

async function benchTypecheck(): Promise<Record<string, number>> {
  const source = bigEnvironment();
  const lines = source.split('\n').length;
  const checker = new EnvTypeChecker();
  const t0 = performance.now();
  const first = checker.check({ source, fileName: '/envs/bench/env.ts' });
  const firstMs = performance.now() - t0;
  if (first.length > 0)
    throw new Error(`bench env does not compile: ${first.map((d) => d.message).join('; ')}`);
  const warm: number[] = [];
  for (let i = 0; i < 15; i++) {
    const edited = source.replace('No book with id', `No book (${i}) with id`); // a real edit each time
    const t = performance.now();
    checker.check({ source: edited, fileName: '/envs/bench/env.ts' });
    warm.push(performance.now() - t);
  }
  const dir = await mkdtemp(join(packageDir, '.tmp-bench-'));
  const cold: number[] = [];
  try {
    await writeFile(join(dir, 'env.ts'), source);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          customConditions: ['@envscaler/source'],
          skipLibCheck: true,
          types: [],
        },
        files: ['env.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', dir], { stdio: 'pipe' });
      cold.push(performance.now() - t);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const result = { lines, firstCheckMs: firstMs, warmMedianMs: median(warm), coldTscMedianMs: median(cold) };
  return { ...result, ratio: result.warmMedianMs / result.coldTscMedianMs };
}

/** Twenty distinct copies of the scripted library environment (distinct names, so dedup keeps all). */
function twentyEnvs(): ScriptedEnvSpec[] {
  const [base] = libraryScriptedEnvs();
  const places = [
    'Aberdeen',
    'Bergen',
    'Cork',
    'Delft',
    'Essen',
    'Faro',
    'Graz',
    'Haarlem',
    'Izmir',
    'Jena',
    'Kiel',
    'Lille',
    'Malmo',
    'Nantes',
    'Oulu',
    'Porto',
    'Quimper',
    'Riga',
    'Split',
    'Turku',
  ];
  return places.map((place, i) => ({
    ...base!,
    task: { id: `lib-${i}`, task: `Lend a book to a member of the ${place} library.` },
    topic: {
      topic: `${place} library loans`,
      description: `The lending system of the ${place} public library.`,
    },
    entities: { ...(base!.entities as EntityModel), className: `${place}Library` },
  }));
}

async function benchConcurrency(): Promise<Record<string, number>> {
  const envs = twentyEnvs();
  const run = async (concurrency: number) => {
    const out = await mkdtemp(join(packageDir, '.tmp-bench-'));
    try {
      const model = createScriptedChatModel({ envs, latencyMs: 200 });
      const t = performance.now();
      const report = await buildEnvironments({
        tasks: envs.map((e) => e.task),
        model,
        out,
        concurrency,
        testerSteps: 8,
        thresholds: { dedupSimilarity: 2 },
      });
      const ms = performance.now() - t;
      const kept = report.envs.filter((e) => e.status === 'kept').length;
      if (kept !== envs.length) throw new Error(`expected ${envs.length} environments, got ${kept}`);
      return { ms, calls: model.calls.length };
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  };
  const c8 = await run(8);
  const c1 = await run(1);
  return {
    envs: envs.length,
    modelCalls: c1.calls,
    concurrency1Ms: c1.ms,
    concurrency8Ms: c8.ms,
    ratio: c8.ms / c1.ms,
  };
}

const results: Record<string, Record<string, number>> = {};
const machine = () =>
  `${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
console.log(`machine: ${machine()}`);
if (want('a')) {
  results.typecheck = await benchTypecheck();
  const r = results.typecheck;
  console.log(
    `(a) type-check of a ${r.lines}-line env: warm ${r.warmMedianMs!.toFixed(1)} ms (median of 15) vs cold tsc ${r.coldTscMedianMs!.toFixed(0)} ms (median of 3) → ${r.ratio!.toFixed(3)}× (target ≤ 0.1×); first check in a fresh project ${r.firstCheckMs!.toFixed(0)} ms`,
  );
}
if (want('b')) {
  results.concurrency = await benchConcurrency();
  const r = results.concurrency;
  console.log(
    `(b) ${r.envs} envs, ${r.modelCalls} model calls at 200 ms each: concurrency 1 ${(r.concurrency1Ms! / 1000).toFixed(1)} s vs concurrency 8 ${(r.concurrency8Ms! / 1000).toFixed(1)} s → ${r.ratio!.toFixed(3)}× (target ≤ 0.2×)`,
  );
}
console.log(`machine after: ${machine()}`);
console.log(JSON.stringify(results));
