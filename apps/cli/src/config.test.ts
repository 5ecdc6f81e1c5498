import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvscalerError, type JsonSchema } from '@envscaler/core';
import { exitCodeFor } from './errors.js';
import {
  checkConfig,
  closestKey,
  ConfigValidationError,
  configSchema,
  configSchemaPath,
  configTemplate,
  loadConfig,
  type EnvscalerConfig,
} from './config.js';

/** Every key of the config type made mandatory, so this file stops compiling when a key is added. */
type Complete<T> = T extends object ? { [K in keyof T]-?: Complete<T[K]> } : T;

/** A config that sets every key the loader and the commands read: it must match the schema exactly. */
const everyKey: Complete<EnvscalerConfig> = {
  endpoint: { baseURL: 'http://localhost:8000/v1', apiKeyEnv: 'MY_API_KEY' },
  embeddings: { model: 'text-embedding-3-small', baseURL: 'https://api.openai.com/v1' },
  models: { default: 'gpt-4.1-mini', stages: { 'logic-method': 'gpt-4.1', agent: 'gpt-4.1-mini' } },
  concurrency: { llm: 8, environments: 4, scenarios: 2, rollouts: 16 },
  thresholds: { topicScore: 7, quality: 0.85 },
  prices: { 'gpt-4.1': { promptPerMillion: 2, completionPerMillion: 8, cachedPromptPerMillion: 0.5 } },
};

/** Object keys the schema declares (with `properties`), as dotted paths; map values are not walked. */
function schemaKeys(schema: JsonSchema, prefix = ''): string[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  if (schema.additionalProperties !== false) return [];
  return Object.entries(properties).flatMap(([key, sub]) => [
    `${prefix}${key}`,
    ...schemaKeys(sub, `${prefix}${key}.`),
  ]);
}

function valueKeys(value: unknown, schema: JsonSchema, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || schema.additionalProperties !== false) return [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(value as Record<string, unknown>).flatMap(([key, sub]) => [
    `${prefix}${key}`,
    ...valueKeys(sub, properties[key] ?? {}, `${prefix}${key}.`),
  ]);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function loadFrom(name: string, text: string): Promise<{ path: string; error: unknown }> {
  const path = join(dir, name);
  await writeFile(path, text);
  const error = await loadConfig({ path }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { path, error };
}

describe('the config schema', () => {
  it('is a draft-07 JSON file shipped in the package (files and exports of package.json)', async () => {
    expect(configSchemaPath()).toBe(
      new URL('../schema/envscaler.config.schema.json', import.meta.url).pathname,
    );
    expect(configSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      files: string[];
      exports: Record<string, unknown>;
    };
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema/envscaler.config.schema.json']).toBe(
      './schema/envscaler.config.schema.json',
    );
  });

  it('closes every object (additionalProperties: false) and describes every key', () => {
    const walk = (node: JsonSchema, where: string): void => {
      if (node.properties) {
        // maps (models.stages, prices) take any key, with a schema for the values
        expect(node.additionalProperties, where).not.toBe(true);
        expect(node.additionalProperties, where).toBeDefined();
        for (const [key, sub] of Object.entries(node.properties as Record<string, JsonSchema>)) {
          if (key !== '//') expect(sub.description, `${where}/${key}`).toEqual(expect.any(String));
          walk(sub, `${where}/${key}`);
        }
      }
      if (node.additionalProperties && typeof node.additionalProperties === 'object')
        walk(node.additionalProperties as JsonSchema, `${where}/*`);
    };
    walk(configSchema(), '');
  });

  it('accepts a config with every key the loader reads, and declares no key the type lacks', () => {
    expect(checkConfig(everyKey)).toEqual([]);
    // the reverse direction: each schema key is one the TypeScript type has (besides comments, $schema)
    const declared = schemaKeys(configSchema()).filter((k) => !k.endsWith('//') && k !== '$schema');
    expect(declared.sort()).toEqual(valueKeys(everyKey, configSchema()).sort());
  });

  it('accepts the template `envscaler init` writes, an empty file and the documented shorthands', () => {
    expect(checkConfig(configTemplate())).toEqual([]);
    expect(checkConfig({})).toEqual([]);
    expect(checkConfig({ concurrency: 4, '//': ['a comment', 'over two lines'] })).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('returns a valid file without comments and $schema, and expands concurrency: n', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(
      path,
      JSON.stringify({ $schema: './x.json', '//': 'c', ...everyKey, concurrency: 3 }, null, 2),
    );
    expect(await loadConfig({ path })).toEqual({ ...everyKey, concurrency: { llm: 3 } });
    await writeFile(path, JSON.stringify(configTemplate()));
    const fromTemplate = await loadConfig({ path });
    expect(fromTemplate.thresholds).toEqual({ topicScore: 7, quality: 0.85 });
    expect(JSON.stringify(fromTemplate)).not.toContain('"//"');
    expect(fromTemplate).not.toHaveProperty('$schema');
  });

  it('rejects an unknown key, naming the file and the key and suggesting the closest one', async () => {
    const { path, error } = await loadFrom('typo.json', JSON.stringify({ modles: { default: 'm' } }));
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(exitCodeFor(error)).toBe(2);
    const message = (error as Error).message;
    expect(message).toContain(`config file ${path} is invalid`);
    expect(message).toContain('/modles: unknown key "modles" (did you mean "models"?)');
    expect(message).toMatch(/allowed keys: .*"endpoint".*"models".*"thresholds"/);
    expect((error as ConfigValidationError).issues).toEqual([
      { pointer: '/modles', message: expect.stringContaining('did you mean "models"?') },
    ]);
  });

  it('rejects thresholds.quality: "high", naming /thresholds/quality and the expected range', async () => {
    const { path, error } = await loadFrom(
      'quality.json',
      JSON.stringify({ thresholds: { quality: 'high' } }),
    );
    expect(exitCodeFor(error)).toBe(2);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain(
      '/thresholds/quality: must be a number from 0 to 1, got "high"',
    );
  });

  it('reports every violation at once, nested keys included', async () => {
    const { error } = await loadFrom(
      'many.json',
      JSON.stringify({
        models: { default: 'm', stage: { agent: 'x' } },
        thresholds: { topicScore: 11, quality: 2 },
        concurrency: { llm: 0, rollout: 4 },
        endpoint: { baseURL: 'localhost:8000', apiKeyEnv: 'sk-secret-key-123' },
        prices: { m: { promptPerMillion: 1 } },
      }),
    );
    const issues = (error as ConfigValidationError).issues;
    expect(issues.map((issue) => issue.pointer)).toEqual([
      '/endpoint/baseURL',
      '/endpoint/apiKeyEnv',
      '/models/stage',
      '/concurrency/rollout',
      '/concurrency/llm',
      '/thresholds/topicScore',
      '/thresholds/quality',
      '/prices/m/completionPerMillion',
    ]);
    const message = (error as Error).message;
    expect(message).toContain('(8 problems;');
    expect(message).toContain('/models/stage: unknown key "stage" (did you mean "stages"?)');
    expect(message).toContain('/concurrency/rollout: unknown key "rollout" (did you mean "rollouts"?)');
    expect(message).toContain('/concurrency/llm: must be an integer >= 1, got 0');
    expect(message).toContain('/thresholds/topicScore: must be a number from 0 to 10, got 11');
    expect(message).toContain('/endpoint/baseURL: must be an http:// or https:// URL, got "localhost:8000"');
    expect(message).toContain('/prices/m/completionPerMillion: is missing; must be a number >= 0');
    // a key pasted where the variable name belongs is not echoed
    expect(message).toContain('/endpoint/apiKeyEnv: must be an environment variable name');
    expect(message).not.toContain('sk-secret');
  });

  it('names the allowed types when a value has the wrong one', async () => {
    const { error } = await loadFrom(
      'types.json',
      JSON.stringify({ concurrency: '8', models: { stages: { agent: 4 } }, '//': 3 }),
    );
    const message = (error as Error).message;
    expect(message).toContain(
      '/concurrency: must be an integer >= 1 or an object with keys llm, environments, scenarios, rollouts, got "8"',
    );
    expect(message).toContain('/models/stages/agent: must be a string, got 4');
    // JSON pointer escaping: the comment key "//" is /~1~1
    expect(message).toContain('/~1~1: must be a string or a list, got 3');
  });

  it('rejects malformed JSON with the file, line and column, and a file that is not an object', async () => {
    const broken = await loadFrom('broken.json', '{\n  "models": {\n    "default": "m",\n  }\n}\n');
    expect(broken.error).toBeInstanceOf(EnvscalerError);
    expect(exitCodeFor(broken.error)).toBe(2);
    expect((broken.error as Error).message).toMatch(
      new RegExp(`^config file ${broken.path} is not valid JSON at line 4, column 3: `),
    );
    expect((broken.error as EnvscalerError).details).toMatchObject({ line: 4, column: 3 });
    const cut = await loadFrom('cut.json', '{ "models": { ');
    expect((cut.error as Error).message).toMatch(/is not valid JSON at line 1, column 1[45]: /);
    const list = await loadFrom('list.json', '[1]');
    expect(exitCodeFor(list.error)).toBe(2);
    expect((list.error as Error).message).toContain(`config file ${list.path} must hold a JSON object`);
  });

  it('is {} without a file, and NOT_FOUND for an explicit path that does not exist', async () => {
    expect(await loadConfig({ cwd: dir })).toEqual({});
    await expect(loadConfig({ path: join(dir, 'nope.json') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('closestKey', () => {
  it('suggests a likely typo and nothing for an unrelated word', () => {
    const keys = ['endpoint', 'embeddings', 'models', 'concurrency', 'thresholds', 'prices'];
    expect(closestKey('modles', keys)).toBe('models');
    expect(closestKey('model', keys)).toBe('models');
    expect(closestKey('Thresholds', keys)).toBe('thresholds');
    expect(closestKey('concurency', keys)).toBe('concurrency');
    expect(closestKey('verbose', keys)).toBeUndefined();
  });
});
