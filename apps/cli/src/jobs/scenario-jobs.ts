import { join, resolve } from 'node:path';
import { EnvscalerError, parseScenarioReport, type ChatModel } from '@envscaler/core';
import { readArtifact } from '@envscaler/core/node';
import { createFsArtifactStore, jobKey, type JobHandler, type JobSpec } from '@envscaler/jobs';
import { loadEnvironment } from '@envscaler/runtime';
import {
  generateScenarios,
  type ScenarioSet,
  type ScenarioSetExecutor,
  type ScenarioSetSettings,
} from '@envscaler/scengen';
import type { StageProgress } from '../progress.js';
import { runMarkerJobs, type StageJobsOptions } from './stage-jobs.js';
import { runScenarioStage } from '../scenario-stage.js';
import { envDirsById } from './env-dirs.js';

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

/**
 * One `scenarios` job per environment, keyed by the payload and the hash of its env.ts; done when its
 * marker exists under `<out>/.jobs/scenarios/`.
 */
export async function scenarioJobs(options: {
  sets: readonly ScenarioSet[];
  out: string;
  settings: ScenarioSetSettings;
}): Promise<JobSpec<ScenariosPayload>[]> {
  const out = resolve(options.out);
  const jobs: JobSpec<ScenariosPayload>[] = [];
  for (const { envId, dir } of options.sets) {
    const env = [...(await envDirsById(dir)).values()][0]!;
    const payload: ScenariosPayload = {
      envId,
      envDir: env.dir,
      out,
      count: options.settings.count,
      concurrency: options.settings.concurrency,
      solverAttempts: options.settings.solverAttempts,
      maxSteps: options.settings.maxSteps,
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

export type JobScenarioSetsOptions = StageJobsOptions<ScenariosPayload>;

/**
 * `generateScenarioSets`' environments as `scenarios` jobs on a backend: each job's worker runs
 * `generateScenarios` for one environment and leaves a marker; this side then reads the environment's
 * `scenarios/<envId>.report.json` back and hands it to `generateScenarioSets` (which owns the order, the
 * keep-going and stop rules and the results), so a Redis run prints what an in-process one prints. A
 * marker written before this run counts as an environment an earlier run generated, and its job is not
 * queued again. A failed job is a failed environment (BACKEND_ERROR with the worker's message).
 */
export function createJobScenarioSets(options: JobScenarioSetsOptions): ScenarioSetExecutor {
  return {
    name: options.backend.name,
    async run(run) {
      if (run.settings.difficultySamples)
        throw new EnvscalerError(
          'INVALID_INPUT',
          `difficulty labelling (--difficulty-samples) runs in process only, not on the ${options.backend.name} backend`,
        );
      const store = createFsArtifactStore({ root: resolve(run.out) });
      const jobs = await scenarioJobs({ sets: run.sets, out: run.out, settings: run.settings });
      const sets = new Map(jobs.map((job, i) => [job.key, run.sets[i]!]));
      let kept = 0;
      let reported = 0;
      let stage: StageProgress | undefined;
      const failed = (job: JobSpec, error: string) =>
        run.onFailed({ set: sets.get(job.key)!, error: new EnvscalerError('BACKEND_ERROR', error) });
      let failedCount = 0;
      // Stopped (interrupt, or a failure without keep-going): what finished is still collected.
      const marked = await runMarkerJobs({
        backend: options.backend,
        jobs,
        handler: options.handler,
        store,
        signal: run.signal,
        beforeRun: () => {
          stage = options.progress?.stage('scenarios', jobs.length);
        },
        onProgress: (p) => {
          stage?.update({ done: p.done, failed: p.failed, detail: `environments running ${p.running}` });
          if (p.last?.event === 'failed') failed(p.last.job, p.last.error ?? 'failed');
        },
        report: async (job, earlier) => {
          const set = sets.get(job.key)!;
          // the same paths generateScenarios returns for `run.out`
          const paths = {
            scenarios: join(run.out, 'scenarios', `${set.envId}.jsonl`),
            report: join(run.out, 'scenarios', `${set.envId}.report.json`),
          };
          const written = await readArtifact({
            file: paths.report,
            parse: parseScenarioReport,
            artifact: 'scenario report',
          });
          reported++;
          kept += written.kept;
          await run.onFinished({ set, report: written, paths, ...(earlier ? { earlier } : {}) });
        },
        onFailed: (list) => {
          failedCount = list.length;
          for (const f of list) failed(f.job, f.error);
        },
      });
      if (!marked) return;
      const { before } = marked;
      stage?.finish(
        `${kept} scenarios for ${reported} environments (${before} already done)` +
          (failedCount > 0 ? `, ${failedCount} failed` : ''),
      );
    },
  };
}

export interface ScenarioJobsOptions extends JobScenarioSetsOptions {
  envs: string;
  out: string;
  count: number;
  concurrency?: number;
  solverAttempts?: number;
  maxSteps?: number;
  /** Skip an environment whose job failed (and report it) instead of stopping. */
  keepGoing?: boolean;
  signal?: AbortSignal;
}

/**
 * `envscaler scenarios` over a job backend: scengen's `generateScenarioSets` with one `scenarios` job per
 * environment (`createJobScenarioSets`), so order, resume and failures follow the in-process rules.
 * Returns each environment's outcome; closes the backend when done.
 */
export async function runScenarioJobs(options: ScenarioJobsOptions): Promise<ScenariosOutcome[]> {
  const { backend, handler, progress, ...stage } = options;
  try {
    const { results } = await runScenarioStage({
      ...stage,
      executor: createJobScenarioSets({ backend, handler, progress }),
      progress,
    });
    return results.map(({ report, paths }) => ({
      envId: report.envId,
      kept: report.kept,
      candidates: report.candidates,
      scenarios: paths.scenarios,
    }));
  } finally {
    await backend.close();
  }
}
