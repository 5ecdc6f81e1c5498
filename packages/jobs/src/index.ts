export {
  JOB_KINDS,
  type BackendRunOptions,
  type JobBackend,
  type JobContext,
  type JobFailure,
  type JobHandler,
  type JobHandlers,
  type JobKind,
  type JobSpec,
  type JobsProgress,
  type RunJobsResult,
} from './types.js';
export { createFsArtifactStore, type ArtifactStore } from './artifact-store.js';
export { bullJobId, jobKey, stableJson } from './keys.js';
export { createInProcessBackend } from './in-process.js';
export { runJobs, type RunJobsOptions } from './run-jobs.js';
export {
  DEFAULT_QUEUE_NAME,
  createRedisBackend,
  getQueueStatus,
  queueNameFor,
  redisConnection,
  startWorker,
  type JobWorker,
  type QueueStatus,
  type RateLimit,
  type RedisBackendOptions,
  type StartWorkerOptions,
  type WorkerEvent,
  type WorkerTuning,
} from './redis.js';
export {
  createRedisRateLimiter,
  withRateLimit,
  type CallLimiter,
  type RedisRateLimiterOptions,
} from './rate-limit.js';
export { startRedisServer, type RedisServer } from './redis-server.js';
