// skelbuilder benchmarks (figures in docs/benchmarks-results.md, written by the root `pnpm bench`):
//  (a) warm type-check of one generated ~300-line environment in the long-lived in-memory project versus a
//      cold `tsc --noEmit` of the same file, alternating, five rounds (per round: the median of three
//      warm checks, each after a real edit, and one cold tsc); target ≤ 0.1×. Wall-clock: tsc is a child
//      process.
//  (b) 20 environments built with a scripted model that answers every call after 200 ms, at concurrency 8
//      versus 1, alternating, five rounds; target ≤ 0.2×. Every build must keep all 20 environments.
// Run: pnpm --filter @envscaler/skelbuilder bench   (or `bench -- a` / `bench -- b` for one part)
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { BenchSuite, alternate } from '@envscaler/testing/bench';
import { join } from 'node:path';
import { assembleEnvironment, buildEnvironments, EnvTypeChecker } from '../src/index.js';
import { createScriptedChatModel, type ScriptedEnvSpec } from '../src/testing.js';
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

const ROUNDS = 5;
const suite = new BenchSuite('@envscaler/skelbuilder');

async function benchTypecheck(): Promise<void> {
  const source = bigEnvironment();
  const lines = source.split('\n').length;
  const checker = new EnvTypeChecker();
  const t0 = performance.now();
  const first = checker.check({ source, fileName: '/envs/bench/env.ts' });
  const firstMs = performance.now() - t0;
  if (first.length > 0)
    throw new Error(`bench env does not compile: ${first.map((d) => d.message).join('; ')}`);
  let edits = 0;
  let editErrors = 0;
  const dir = await mkdtemp(join(packageDir, '.tmp-bench-'));
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
    const warm: number[] = [];
    const cold: number[] = [];
    await alternate(
      { rounds: ROUNDS, warmup: 0 },
      {
        warm: () => {
          const times: number[] = [];
          for (let i = 0; i < 3; i++) {
            const edited = source.replace('No book with id', `No book (${edits++}) with id`); // a real edit each time
            const t = performance.now();
            if (checker.check({ source: edited, fileName: '/envs/bench/env.ts' }).length > 0) editErrors++;
            times.push(performance.now() - t);
          }
          warm.push(median(times));
        },
        cold: () => {
          const t = performance.now();
          execFileSync(process.execPath, [tsc, '--noEmit', '-p', dir], { stdio: 'pipe' });
          cold.push(performance.now() - t);
        },
      },
    );
    suite.compare({
      id: 'typecheck-warm',
      name: `(a) warm type-check of a generated ${lines}-line environment in the long-lived in-memory project (median of 3 edits per round), wall-clock`,
      unit: 'ms',
      samples: warm,
      baseline: { name: 'cold `tsc --noEmit` of the same file', samples: cold },
      target: { op: '<=', limit: 0.1 },
      note: `first check in a fresh project ${firstMs.toFixed(0)} ms`,
    });
    suite.check({
      id: 'typecheck-results',
      name: '(a) type-check results checked',
      ok: editErrors === 0,
      detail:
        editErrors === 0
          ? `all ${edits} edited versions type-check clean, as the original does`
          : `${editErrors} edited version(s) reported errors`,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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

async function benchConcurrency(): Promise<void> {
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
  const times = { c8: [] as number[], c1: [] as number[] };
  let calls = 0;
  await alternate(
    { rounds: ROUNDS, warmup: 0 },
    {
      c8: async () => void times.c8.push((await run(8)).ms / 1000),
      c1: async () => {
        const r = await run(1);
        calls = r.calls;
        times.c1.push(r.ms / 1000);
      },
    },
  );
  suite.compare({
    id: 'build-concurrency',
    name: `(b) ${envs.length} environments built with a scripted model answering every call after 200 ms (${calls} calls), concurrency 8, wall-clock`,
    unit: 's',
    samples: times.c8,
    baseline: { name: 'the same at concurrency 1', samples: times.c1 },
    target: { op: '<=', limit: 0.2 },
  });
  suite.check({
    id: 'build-results',
    name: '(b) build results checked',
    ok: true,
    detail: `every one of the ${2 * ROUNDS} builds kept all ${envs.length} environments (a build that does not throws)`,
  });
}

if (want('a')) await benchTypecheck();
if (want('b')) await benchConcurrency();
suite.finish();
