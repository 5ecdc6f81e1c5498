import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Scenario } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import { bankInitialState as initialState, writeBankEnvironment } from './bank-fixture.js';
import { startEnvServer, type RunningEnvServer } from './env-server.js';

const scenario: Scenario = {
  schemaVersion: 1,
  id: 'move-5',
  envId: 'bank',
  initialState,
  task: 'Move 5 from a to b.',
  checklist: [
    {
      id: 'b-has-5',
      description: 'b received 5',
      source: '(final, initial) => final.accounts.b.balance === initial.accounts.b.balance + 5',
    },
    {
      id: 'a-lost-5',
      description: 'a paid 5',
      source: '(final, initial) => final.accounts.a.balance === initial.accounts.a.balance - 5',
    },
  ],
  provenance: { createdAt: '2026-11-26T00:00:00.000Z' },
};

let dir: string;
let env: LoadedEnvironment;
let server: RunningEnvServer;

async function http(
  path: string,
  init: { method?: string; body?: unknown; token?: string; raw?: string } = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per route
  const body = (text ? JSON.parse(text) : {}) as Record<string, any>;
  return { status: res.status, body };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-serve-'));
  await writeBankEnvironment({ dir });
  env = await loadEnvironment({ dir, limits: { callTimeoutMs: 200 } });
  server = await startEnvServer({
    envs: [env],
    scenarios: [scenario],
    idleTimeoutMs: 60_000,
    bodyLimitBytes: 10_000,
  });
});

afterAll(async () => {
  await server.close();
  env.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('HTTP session API', () => {
  it('serves its OpenAPI description and the loaded environments', async () => {
    const doc = await http('/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/sessions/{id}/step');
    const envs = await http('/envs');
    expect(envs.body.envs[0].tools.map((t: { name: string }) => t.name).sort()).toEqual([
      'balance',
      'deposit',
      'spin',
      'withdraw',
    ]);
  });

  it('keeps 200 concurrent sessions x 50 interleaved steps isolated, each matching a sequential replay', async () => {
    const sessions = 200;
    const steps = 50;
    const plan = (i: number, s: number) =>
      (i + s) % 3 === 0
        ? { name: 'withdraw', arguments: { account: 'a', amount: (i % 4) + 1 } }
        : { name: 'deposit', arguments: { account: s % 2 ? 'a' : 'b', amount: (i % 7) + s } };
    const ids: string[] = await Promise.all(
      Array.from(
        { length: sessions },
        async () =>
          (await http('/sessions', { body: { envId: 'bank', initialState } })).body.sessionId as string,
      ),
    );
    for (let s = 0; s < steps; s++) {
      const results = await Promise.all(
        ids.map((id, i) => http(`/sessions/${id}/call`, { body: plan(i, s) })),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
    }
    const states = await Promise.all(ids.map(async (id) => (await http(`/sessions/${id}/state`)).body.state));
    for (let i = 0; i < sessions; i++) {
      const reference = await env.createSession({ initialState });
      for (let s = 0; s < steps; s++) await reference.call(plan(i, s).name, plan(i, s).arguments);
      expect(states[i]).toEqual(await reference.snapshot());
      reference.dispose();
    }
    await Promise.all(ids.map((id) => http(`/sessions/${id}`, { method: 'DELETE' })));
    expect(server.sessionCount).toBe(0);
  }, 120_000);

  it('returns tool failures as results and bad requests as 4xx, and keeps serving', async () => {
    const { body } = await http('/sessions', { body: { envId: 'bank', initialState } });
    const id = body.sessionId as string;
    expect(
      (
        await http(`/sessions/${id}/call`, {
          body: { name: 'withdraw', arguments: { account: 'b', amount: 1 } },
        })
      ).body,
    ).toEqual({
      ok: false,
      error: { code: 'INSUFFICIENT_FUNDS', message: 'balance too low' },
    });
    const badArgs = await http(`/sessions/${id}/call`, {
      body: { name: 'deposit', arguments: { account: 'a', amount: 'lots' } },
    });
    expect(badArgs.body.ok).toBe(false);
    expect(badArgs.body.error.message).toMatch(/amount/);
    expect((await http(`/sessions/${id}/call`, { raw: '{"name": "deposit", ' })).status).toBe(400);
    expect(
      (await http(`/sessions/${id}/call`, { raw: JSON.stringify({ name: 'x', pad: 'y'.repeat(20_000) }) }))
        .status,
    ).toBe(413);
    expect((await http(`/sessions/${id}/call`, { body: { arguments: {} } })).status).toBe(400);
    expect((await http('/sessions/nope/state')).status).toBe(404);
    expect((await http('/sessions', { body: { envId: 'missing', initialState } })).status).toBe(404);
    expect(
      (
        await http(`/sessions/${id}/call`, {
          body: { name: 'deposit', arguments: { account: 'a', amount: 1 } },
        })
      ).body,
    ).toEqual({ ok: true, data: 11 });
  });

  it('ends a runaway call with a timeout while other sessions keep answering', async () => {
    const a = (await http('/sessions', { body: { envId: 'bank', initialState } })).body.sessionId as string;
    const b = (await http('/sessions', { body: { envId: 'bank', initialState } })).body.sessionId as string;
    const runaway = http(`/sessions/${a}/call`, { body: { name: 'spin', arguments: {} } });
    const other = await http(`/sessions/${b}/call`, {
      body: { name: 'balance', arguments: { account: 'a' } },
    });
    expect(other.body).toEqual({ ok: true, data: 10 });
    const timedOut = await runaway;
    expect(timedOut.status).toBe(200);
    expect(timedOut.body.ok).toBe(false);
    expect(timedOut.body.error.code).toBe('TIMEOUT');
    expect(
      (await http(`/sessions/${a}/call`, { body: { name: 'balance', arguments: { account: 'a' } } })).body,
    ).toEqual({ ok: true, data: 10 });
  });

  it('runs a Gym episode for a scenario and gives the checklist reward', async () => {
    const id = (await http('/sessions', { body: { scenarioId: 'move-5' } })).body.sessionId as string;
    const reset = await http(`/sessions/${id}/reset`, { body: { seed: 1 } });
    expect(reset.body.info.tools.map((t: { function: { name: string } }) => t.function.name)).toContain(
      'withdraw',
    );
    const call = (cid: string, name: string, args: unknown) => ({
      id: cid,
      type: 'function',
      function: { name, arguments: JSON.stringify(args) },
    });
    const step1 = await http(`/sessions/${id}/step`, {
      body: {
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [
            call('c1', 'withdraw', { account: 'a', amount: 5 }),
            call('c2', 'deposit', { account: 'b', amount: 5 }),
          ],
        },
      },
    });
    expect(step1.body).toMatchObject({ reward: 0, terminated: false, truncated: false });
    expect((await http(`/sessions/${id}/reward`)).body).toMatchObject({ score: 1, success: true });
    const step2 = await http(`/sessions/${id}/step`, {
      body: { message: { role: 'assistant', content: 'Done.' } },
    });
    expect(step2.body).toMatchObject({ reward: 1, terminated: true });
    expect(
      (await http(`/sessions/${id}/step`, { body: { message: { role: 'assistant', content: 'again' } } }))
        .status,
    ).toBe(409);
  });

  it('expires idle sessions', async () => {
    const short = await startEnvServer({ envs: [env], idleTimeoutMs: 100 });
    try {
      const res = await fetch(`${short.url}/sessions`, {
        method: 'POST',
        body: JSON.stringify({ initialState }),
      });
      const { sessionId } = (await res.json()) as { sessionId: string };
      expect(short.sessionCount).toBe(1);
      await new Promise((r) => setTimeout(r, 400));
      expect(short.sessionCount).toBe(0);
      expect((await fetch(`${short.url}/sessions/${sessionId}/state`)).status).toBe(404);
    } finally {
      await short.close();
    }
  });
});

describe('the Python client example', () => {
  it('drives reset/step over HTTP with the standard library only', async () => {
    const before = server.sessionCount;
    const script = new URL('../../../../examples/python_gym_client.py', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)('python3', [
      script,
      '--url',
      server.url,
      '--scenario',
      'move-5',
      '--episodes',
      '2',
    ]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { episode: 0, scenario: 'move-5', steps: 2, reward: 0, termination: 'agent_done' },
      { episode: 1, scenario: 'move-5', steps: 2, reward: 0, termination: 'agent_done' },
    ]);
    expect(server.sessionCount).toBe(before);
  });
});

describe('auth', () => {
  it('refuses to bind a non-loopback address without a token', async () => {
    await expect(startEnvServer({ envs: [env], host: '0.0.0.0' })).rejects.toThrow(/without a bearer token/);
  });

  it('requires the bearer token when one is set', async () => {
    const guarded = await startEnvServer({ envs: [env], token: 's3cret' });
    try {
      expect((await fetch(`${guarded.url}/envs`)).status).toBe(401);
      expect(
        (await fetch(`${guarded.url}/envs`, { headers: { authorization: 'Bearer wrong!' } })).status,
      ).toBe(401);
      expect(
        (await fetch(`${guarded.url}/envs`, { headers: { authorization: 'Bearer s3cret' } })).status,
      ).toBe(200);
      expect((await fetch(`${guarded.url}/health`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('MCP over streamable HTTP', () => {
  it('lists derived tool schemas, calls tools, reports tool errors, and isolates sessions', async () => {
    const connect = async () => {
      const client = new Client({ name: 'test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
      return client;
    };
    const one = await connect();
    const two = await connect();
    try {
      const { tools } = await one.listTools();
      const deposit = tools.find((t) => t.name === 'deposit')!;
      expect(deposit.inputSchema).toMatchObject({ type: 'object', required: ['account', 'amount'] });
      const ok = await one.callTool({ name: 'deposit', arguments: { account: 'a', amount: 5 } });
      expect(ok.isError).toBeFalsy();
      expect((ok.content as { text: string }[])[0]!.text).toBe('15');
      const failed = await one.callTool({ name: 'withdraw', arguments: { account: 'b', amount: 100 } });
      expect(failed.isError).toBe(true);
      expect((failed.content as { text: string }[])[0]!.text).toContain('INSUFFICIENT_FUNDS');
      const other = await two.callTool({ name: 'balance', arguments: { account: 'a' } });
      expect((other.content as { text: string }[])[0]!.text).toBe('10');
    } finally {
      await one.close();
      await two.close();
    }
  });
});
