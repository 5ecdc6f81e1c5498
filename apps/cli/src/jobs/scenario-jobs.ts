import { resolve } from 'node:path';
import type { ChatModel } from '@envscaler/core';
import {
  createFsArtifactStore,
  jobKey,
  type JobBackend,
  type JobHandler,
  type JobSpec,
} from '@envscaler/jobs';
import { loadEnvironment } from '@envscaler/runtime';
import { generateScenarios } from '@envscaler/scengen';
import type { ProgressReporter } from '../progress.js';
import { envDirsById } from './env-dirs.js';
import { runStageJobs } from './stage-jobs.js';

/** What a `scenarios` job carries: one environment's generation settings. */
export interface ScenariosPayload {
  envId: string;
  envDir: string;
  /** Output root shared by the workers (`scenarios/<envId>.jsonl`, `.cache/scengen/`). */
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
}

/** What a finished `scenarios` job leaves: a marker written after scengen wrote its files. */
export interface ScenariosOutcome {
  envId: string;
  kept: number;
  candidates: number;
  scenarios: string;
}

/** One `scenarios` job per environment under `envs`; done when its marker exists under `<out>/.jobs/`. */
export async function scenarioJobs(options: {
  envs: string;
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
}): Promise<JobSpec<ScenariosPayload>[]> {
  const out = resolve(options.out);
  const jobs: JobSpec<ScenariosPayload>[] = [];
  for (const [envId, env] of await envDirsById(options.envs)) {
    const payload: ScenariosPayload = {
      envId,
      envDir: env.dir,
      out,
      count: options.count,
      concurrency: options.concurrency,
      solverAttempts: options.solverAttempts,
      maxSteps: options.maxSteps,
    };
    const key = jobKey('scenarios', { ...payload, envSource: env.sourceHash });
    jobs.push({ kind: 'scenarios', key, payload, artifact: `.jobs/scenarios/${envId}.${key}.json` });
  }
  return jobs;
}

/**
 * Runs `scenarios` jobs with scengen's `generateScenarios` (which writes `scenarios/<envId>.jsonl` and
 * `.report.json` atomically and resumes from its own `.cache/scengen/`), then writes the job's marker.
 * A fatal generation error fails the job (no marker), so a re-run tries that environment again.
 */
export function createScenariosHandler(options: { model: ChatModel }): JobHandler<ScenariosPayload> {
  return async (job, context) => {
    const p = job.payload;
    const store = createFsArtifactStore({ root: p.out });
    const marker = job.artifact ?? `.jobs/scenarios/${p.envId}.${job.key}.json`;
    if (await store.exists(marker)) return { marker, skipped: true };
    const env = await loadEnvironment({ dir: p.envDir });
    try {
      const result = await generateScenarios({
        env,
        count: p.count,
        model: options.model,
        out: p.out,
        concurrency: p.concurrency,
        solverAttempts: p.solverAttempts,
        maxSteps: p.maxSteps,
        signal: context.signal,
      });
      const outcome: ScenariosOutcome = {
        envId: p.envId,
        kept: result.report.kept,
        candidates: result.report.candidates,
        scenarios: result.paths.scenarios,
      };
      await store.put(marker, `${JSON.stringify(outcome)}\n`);
      return { marker };
    } finally {
      env.dispose();
    }
  };
}

/**
 * `envscaler scenarios` over a job backend: one job per environment. Returns each environment's outcome;
 * throws BACKEND_ERROR listing the environments whose job failed (the others' files are kept).
 */
export async function runScenarioJobs(options: {
  backend: JobBackend;
  envs: string;
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
  handler?: JobHandler<ScenariosPayload>;
  progress?: ProgressReporter;
  signal?: AbortSignal;
}): Promise<ScenariosOutcome[]> {
  try {
    const jobs = await scenarioJobs(options);
    const store = createFsArtifactStore({ root: resolve(options.out) });
    const { stage } = await runStageJobs({
      backend: options.backend,
      jobs,
      handler: options.handler,
      store,
      signal: options.signal,
      progress: options.progress,
      stage: 'scenarios',
      running: (n) => `environments running ${n}`,
      what: 'scenario',
      describe: (p: ScenariosPayload) => p.envId,
      hint: 're-run to retry them',
    });
    const outcomes: ScenariosOutcome[] = [];
    for (const job of jobs) outcomes.push(JSON.parse((await store.get(job.artifact!))!) as ScenariosOutcome);
    stage?.finish(
      `${outcomes.reduce((n, o) => n + o.kept, 0)} scenarios for ${outcomes.length} environments`,
    );
    return outcomes;
  } finally {
    await options.backend.close();
  }
}
