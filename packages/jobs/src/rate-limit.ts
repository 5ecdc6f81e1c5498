import { Redis } from 'ioredis';
import { EnvscalerError, type ChatModel } from '@envscaler/core';

/** Waits for permission to make one call; shared limiters coordinate through Redis. */
export interface CallLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

// Fixed window: INCR the window's counter, set its expiry on the first call; over the limit → the
// caller waits for the rest of the window (PTTL) and tries again.
const ACQUIRE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if n <= tonumber(ARGV[2]) then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return ttl
`;

export interface RedisRateLimiterOptions {
  url: string;
  /** Calls allowed per window across every process using the same `key`. */
  max: number;
  durationMs: number;
  /** Redis key of the shared counter (default `envscaler:ratelimit:model`): one per endpoint/quota. */
  key?: string;
}

/**
 * A rate limit for model calls shared by every worker: at most `max` calls start in any fixed window
 * of `durationMs` (a burst across a window boundary can reach 2 × max within `durationMs`; set `max`
 * to half the quota when the endpoint enforces a sliding window).
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): CallLimiter {
  if (!(options.max >= 1) || !(options.durationMs >= 1)) {
    throw new EnvscalerError('INVALID_INPUT', 'rate limit needs max ≥ 1 and durationMs ≥ 1');
  }
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  });
  redis.on('error', () => undefined); // reconnects; calls wait meanwhile
  const key = options.key ?? 'envscaler:ratelimit:model';
  return {
    async acquire(signal) {
      for (;;) {
        if (signal?.aborted)
          throw new EnvscalerError('ABORTED', 'aborted while waiting for the shared rate limit');
        const wait = Number(
          await redis.eval(ACQUIRE, 1, key, String(options.durationMs), String(options.max)),
        );
        if (wait <= 0) return;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(wait, options.durationMs) + Math.floor(Math.random() * 10)),
        );
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** A ChatModel that takes a slot from `limiter` before every request. */
export function withRateLimit(options: { model: ChatModel; limiter: CallLimiter }): ChatModel {
  return {
    async complete(request) {
      await options.limiter.acquire(request.signal);
      return options.model.complete(request);
    },
  };
}
