/** The units of work a backend distributes: one topic's environment, one env's scenarios, one episode. */
export type JobKind = 'build-env' | 'scenarios' | 'episode';

export const JOB_KINDS: readonly JobKind[] = ['build-env', 'scenarios', 'episode'];

/**
 * One unit of work. `key` is the content hash of the job's inputs (see `jobKey`), so the same work always
 * has the same key: the Redis backend uses it as the BullMQ job id (a duplicate add is a no-op) and a
 * retried job writes the same artifact.
 */
export interface JobSpec<P = unknown> {
  kind: JobKind;
  key: string;
  /** JSON-serialisable inputs the handler needs (references to shared artifacts, not the artifacts). */
  payload: P;
  /**
   * Name of the artifact the job writes in the coordinator's `ArtifactStore`. When given, the job counts
   * as done as soon as that artifact exists, whatever the queue says (a Redis restart that lost the
   * queue, a job completed by an earlier run).
   */
  artifact?: string;
}

export interface JobContext {
  /** Aborted when the worker shuts down or the coordinator's run is cancelled. */
  signal: AbortSignal;
  /** 1 for the first attempt; higher when the job is retried after a failure or a crashed worker. */
  attempt: number;
}

/** Runs one job. The result must be JSON-serialisable; keep it small (the artifact holds the output). */
export type JobHandler<P = unknown, R = unknown> = (job: JobSpec<P>, context: JobContext) => Promise<R>;

/** Handlers by job kind (a worker serves the kinds it has a handler for). */
export type JobHandlers = Partial<Record<JobKind, JobHandler<never>>>;

export interface JobFailure {
  job: JobSpec;
  /** The handler's error message (as stored by the backend). */
  error: string;
}

export interface JobsProgress {
  total: number;
  /** Jobs done (including ones skipped because their artifact already existed). */
  done: number;
  failed: number;
  /** Jobs found done before the run started. */
  skipped: number;
  /** In-process: jobs running now; Redis: jobs in the active state across all workers. */
  running: number;
  /** The job that just finished or failed, if any. */
  last?: { job: JobSpec; event: 'done' | 'failed'; error?: string };
}

export interface RunJobsResult {
  /** Keys of the jobs that completed in this run or earlier (their artifacts exist). */
  done: string[];
  failed: JobFailure[];
  skipped: number;
}

export interface BackendRunOptions {
  /** Jobs not yet done (deduplicated by key). */
  jobs: readonly JobSpec[];
  /** In-process: required. Redis: optional; when given, the coordinator also works on its own jobs. */
  handler?: JobHandler;
  /** True when the job's artifact exists (checked by the Redis backend when the queue lost a job). */
  isDone: (job: JobSpec) => Promise<boolean>;
  /** Called for every job that completes or fails (in any order). */
  onSettled: (job: JobSpec, outcome: { ok: true } | { ok: false; error: string }) => void;
  onRunning?: (running: number) => void;
  signal?: AbortSignal;
}

/** Where jobs run. Both implementations behave the same from `runJobs`'s point of view. */
export interface JobBackend {
  readonly name: 'inprocess' | 'redis';
  run(options: BackendRunOptions): Promise<void>;
  /** Releases connections; safe to call twice. */
  close(): Promise<void>;
}
