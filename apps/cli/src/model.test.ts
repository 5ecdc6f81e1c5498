import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockOpenAIServer } from '@envscaler/testing';
import { assertScriptedInProcess, resolveModelSetup } from './model.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-model-'));
  await writeFile(
    join(dir, 'envscaler.config.json'),
    JSON.stringify({ '//': 'comment', models: { default: 'file-model', stages: { agent: 'file-agent' } } }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('resolveModelSetup', () => {
  it('lets environment variables override the config file, stage by stage, and sends the chosen model', async () => {
    const server = await createMockOpenAIServer({ script: { default: ['hello', 'again'] } });
    try {
      const setup = await resolveModelSetup({
        cwd: dir,
        env: {
          OPENAI_BASE_URL: server.url,
          ENVSCALER_MODEL: 'env-model',
          ENVSCALER_MODEL_AGENT: 'env-agent',
        },
      });
      await setup.model.complete({ stage: 'agent', messages: [{ role: 'user', content: 'hi' }] });
      await setup.model.complete({ stage: 'topic-judge', messages: [{ role: 'user', content: 'hi' }] });
      expect(server.requests.map((r) => (r.body as { model: string }).model)).toEqual([
        'env-agent',
        'env-model',
      ]);
      expect(setup.usage.report().total.promptTokens).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('uses the config file when the environment says nothing, and --model beats both', async () => {
    const server = await createMockOpenAIServer({ script: { default: ['a', 'b'] } });
    try {
      const fromFile = await resolveModelSetup({ cwd: dir, env: { OPENAI_BASE_URL: server.url } });
      await fromFile.model.complete({ stage: 'quality-checker', messages: [{ role: 'user', content: 'x' }] });
      const fromFlag = await resolveModelSetup({
        cwd: dir,
        env: { OPENAI_BASE_URL: server.url },
        modelFlag: 'flag-model',
      });
      await fromFlag.model.complete({ stage: 'quality-checker', messages: [{ role: 'user', content: 'x' }] });
      expect(server.requests.map((r) => (r.body as { model: string }).model)).toEqual([
        'file-model',
        'flag-model',
      ]);
    } finally {
      await server.close();
    }
  });

  it('is a configuration error to have no model, or no key for the default OpenAI endpoint', async () => {
    await expect(resolveModelSetup({ cwd: tmpdir(), env: { OPENAI_API_KEY: 'k' } })).rejects.toMatchObject({
      code: 'CONFIG_ERROR',
      message: expect.stringMatching(/no model configured/),
    });
    await expect(resolveModelSetup({ cwd: tmpdir(), env: { ENVSCALER_MODEL: 'm' } })).rejects.toMatchObject({
      code: 'CONFIG_ERROR',
      message: expect.stringMatching(/no API key: set OPENAI_API_KEY/),
    });
  });

  it('rejects a broken config file with its path', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ "models": ');
    await expect(resolveModelSetup({ configPath: bad, env: {} })).rejects.toMatchObject({
      code: 'CONFIG_ERROR',
      message: expect.stringContaining('bad.json is not valid JSON'),
    });
    await expect(resolveModelSetup({ configPath: join(dir, 'missing.json'), env: {} })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('checks --scripted up front: the directory must exist and the work must run in this process', async () => {
    const scriptedDir = join(dir, 'no-such-cassette');
    await expect(resolveModelSetup({ cwd: dir, env: {}, scriptedDir })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(scriptedDir),
    });
    expect(() => assertScriptedInProcess({ scripted: dir, backend: 'redis' })).toThrow(/--backend redis/);
    expect(() => assertScriptedInProcess({ backend: 'redis' })).not.toThrow();
  });
});
