import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBackend, startRedisServer, type RedisServer } from '@envscaler/jobs';
import { buildEnvironments, type BuildReport } from '@envscaler/skelbuilder';
import { scriptedAnswer } from '@envscaler/skelbuilder/testing';
import { createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { resolveChatModel } from '../model.js';
import { runBuildJobs } from '../jobs/build-jobs.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.fixtures.js';
import { envFiles, envs, settings, tasks } from './worker-build.fixtures.js';

const QUEUE = 'build-kill';

let root: string;
let redis: RedisServer;
let mock: MockOpenAIServer;
let modelEnv: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

/** A worker taking one job at a time, with a short lock so a killed worker's job is retried quickly. */
function startWorker(): WorkerProcess {
  const worker = startWorkerProcess({
    args: ['--redis', redis.url, '--queue', QUEUE, '--concurrency', '1', '--lock-duration', '1500'],
    env: { ...process.env, ...modelEnv },
  });
  children.push(worker.child);
  return worker;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-cli-build-kill-'));
  [redis, mock] = await Promise.all([
    startRedisServer(),
    // Content-routed answers for every stage (order does not matter), slow enough that a job is in flight.
    createMockOpenAIServer({
      latencyMs: 40,
      script: (request) =>
        scriptedAnswer({ envs }, { stage: request.stage ?? 'unknown', messages: request.messages }),
    }),
  ]);
  modelEnv = { OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'test-key', ENVSCALER_MODEL: 'mock-model' };
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all([redis?.stop(), mock?.close()]);
  await rm(root, { recursive: true, force: true });
});

describe('distributed build (real redis-server, worker processes)', () => {
  it('3 build workers, one killed -9 mid-job: the environments and funnel of an in-process build, no duplicates', async () => {
    const model = await resolveChatModel({ env: modelEnv, cwd: root });
    // Reference: the classic in-process build against the same mock server.
    const local = path.join(root, 'local');
    const reference: BuildReport = await buildEnvironments({
      ...settings,
      tasks,
      model,
      out: local,
      typecheckThread: false,
    });
    expect(reference.envs.map((e) => [e.envId, e.status, e.stage])).toEqual([
      ['bike-sharing-docks', 'dropped', 'quality'],
      ['gym-class-timetable', 'dropped', 'logic-repair'],
      ['public-library-loans', 'kept', undefined],
      ['volunteer-shift-rota', 'kept', undefined],
    ]);
    const expected = await envFiles(local);

    const workers = [startWorker(), startWorker(), startWorker()];
    await Promise.all(workers.map((w) => w.waitFor(/ready/)));

    const out = path.join(root, 'distributed');
    const run = runBuildJobs({
      ...settings,
      tasks,
      out,
      model,
      backend: createRedisBackend({ url: redis.url, queueName: QUEUE, concurrency: 0, pollIntervalMs: 100 }),
    });
    // kill -9 whichever worker starts a build-env job first, while that job is in flight.
    const started = /^\S+ started build-env /;
    const { victim, line } = await Promise.race(
      workers.map((w) => w.waitFor(started).then((l) => ({ victim: w, line: l }))),
    );
    victim.child.kill('SIGKILL');
    const killedEnv = line.split(' started build-env ')[1]!;
    const report = await run;

    // The killed worker's job was finished by a survivor; the victim completed nothing.
    expect(victim.lines.some((l) => / completed /.test(l))).toBe(false);
    const survivors = workers.filter((w) => w !== victim);
    const survivorsDone = survivors.flatMap((w) => w.lines.filter((l) => / completed build-env /.test(l)));
    expect(survivorsDone.some((l) => l.endsWith(` completed build-env ${killedEnv}`))).toBe(true);
    expect(survivors.flatMap((w) => w.lines).some((l) => / failed /.test(l))).toBe(false);

    // Same files, same content (volatile createdAt aside), same funnel and outcomes.
    expect(await envFiles(out)).toEqual(expected);
    expect(report.funnel).toEqual(reference.funnel);
    expect(report.envs).toEqual(reference.envs);
    expect(report.dedup).toEqual(reference.dedup);
    const saved = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(saved.funnel).toEqual(reference.funnel);

    // No duplicates: each environment exactly once (kept or dropped), one marker per job.
    const ids = report.envs.map((e) => e.envId);
    expect(new Set(ids).size).toBe(ids.length);
    const [kept, dropped] = await Promise.all(
      ['envs', 'dropped'].map((d) => readdir(path.join(out, d)).catch(() => [] as string[])),
    );
    expect([...kept!, ...dropped!].sort()).toEqual([...ids].sort());
    expect(kept!.sort()).toEqual(reference.envs.filter((e) => e.status === 'kept').map((e) => e.envId));
    const markers = await readdir(path.join(out, '.jobs', 'build-env'));
    expect(markers.filter((m) => m.endsWith('.json'))).toHaveLength(ids.length);
    expect(new Set(markers.map((m) => m.split('.')[0])).size).toBe(ids.length);
  }, 120_000);
});
