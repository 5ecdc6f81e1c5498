import { EnvscalerError, LlmCallError } from '@envscaler/core';
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, sleep, withRetry } from './retry.js';

const headers = (values: Record<string, string>) => new Headers(values);

describe('backoffDelay', () => {
  it('uses full jitter under an exponentially growing, capped ceiling', () => {
    expect(backoffDelay({ retry: 0, baseDelayMs: 100, random: () => 0.999 })).toBe(99);
    expect(backoffDelay({ retry: 3, baseDelayMs: 100, random: () => 0.5 })).toBe(400);
    expect(backoffDelay({ retry: 20, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5 })).toBe(500);
    expect(backoffDelay({ retry: 5, baseDelayMs: 100, random: () => 0 })).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter({ headers: headers({ 'retry-after-ms': '250' }) })).toBe(250);
    expect(parseRetryAfter({ headers: headers({ 'retry-after': '2' }) })).toBe(2_000);
    expect(parseRetryAfter({ headers: headers({ 'retry-after': '0.5' }) })).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      parseRetryAfter({ headers: headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now }),
    ).toBe(3_000);
    expect(
      parseRetryAfter({ headers: headers({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }), now }),
    ).toBe(0);
    expect(parseRetryAfter({ headers: headers({ 'retry-after-ms': '20', 'retry-after': '9' }) })).toBe(20);
  });

  it('ignores absent or unusable headers', () => {
    expect(parseRetryAfter({ headers: undefined })).toBeUndefined();
    expect(parseRetryAfter({ headers: headers({}) })).toBeUndefined();
    expect(parseRetryAfter({ headers: headers({ 'retry-after': 'soon' }) })).toBeUndefined();
  });
});

describe('withRetry', () => {
  const retryable = new LlmCallError({ message: 'flaky', stage: 's', status: 500, isRetryable: true });
  const fatal = new LlmCallError({ message: 'bad key', stage: 's', status: 401, isRetryable: false });

  it('retries retryable failures and returns the first success', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry({
      stage: 's',
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      attempt: async () => {
        if (++calls < 3) throw retryable;
        return 'done';
      },
      classify: (e) => ({ error: e as LlmCallError, retryAfterMs: calls === 1 ? 7 : undefined }),
      onRetry: ({ delayMs }) => delays.push(delayMs),
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(delays[0]).toBe(7);
    expect(delays[1]).toBeLessThanOrEqual(2);
  });

  it('does not retry non-retryable failures or other envscaler errors', async () => {
    let calls = 0;
    await expect(
      withRetry({
        stage: 's',
        attempt: async () => (calls++, Promise.reject(fatal)),
        classify: (e) => ({ error: e as LlmCallError }),
      }),
    ).rejects.toBe(fatal);
    expect(calls).toBe(1);
    const aborted = new EnvscalerError('ABORTED', 'stop');
    await expect(
      withRetry({ stage: 's', attempt: () => Promise.reject(aborted), classify: () => aborted }),
    ).rejects.toBe(aborted);
  });

  it('stops after maxRetries and says how many attempts were made', async () => {
    let calls = 0;
    const error = await withRetry({
      stage: 's',
      retry: { maxRetries: 2, baseDelayMs: 1 },
      attempt: async () => (calls++, Promise.reject(retryable)),
      classify: (e) => ({ error: e as LlmCallError }),
    }).catch((e: unknown) => e as LlmCallError);
    expect(calls).toBe(3);
    expect(error.message).toBe('flaky (gave up after 3 attempts)');
    expect(error.isRetryable).toBe(true);
    expect(error.status).toBe(500);
  });
});

describe('sleep', () => {
  it('rejects with ABORTED when the signal fires', async () => {
    const controller = new AbortController();
    const pending = sleep({ ms: 10_000, signal: controller.signal, stage: 'agent' });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(sleep({ ms: 1, signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
