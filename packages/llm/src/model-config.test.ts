import { createMockOpenAIServer } from '@envscaler/testing';
import { describe, expect, it } from 'vitest';
import { createOpenAIChatModel } from './openai-chat-model.js';
import { modelForStage, resolveModelConfig, stageModelEnvName } from './model-config.js';

describe('model configuration', () => {
  it('names stage variables in upper snake case', () => {
    expect(stageModelEnvName('logic-method')).toBe('ENVSCALER_MODEL_LOGIC_METHOD');
    expect(stageModelEnvName('user-simulator')).toBe('ENVSCALER_MODEL_USER_SIMULATOR');
  });

  it('merges the config file with environment variables, env winning', () => {
    const config = {
      endpoint: { baseURL: 'http://file:8000/v1', apiKeyEnv: 'MY_KEY' },
      models: {
        default: 'file-default',
        stages: { 'logic-method': 'file-big', 'quality-checker': 'file-small' },
      },
      embeddings: { model: 'file-embed' },
      concurrency: { llm: 6 },
      prices: { 'file-big': { promptPerMillion: 1, completionPerMillion: 2 } },
    };
    expect(resolveModelConfig({ config, env: {} })).toEqual({
      baseURL: 'http://file:8000/v1',
      apiKey: undefined,
      apiKeyEnv: 'MY_KEY',
      model: 'file-default',
      stageModels: { 'logic-method': 'file-big', 'quality-checker': 'file-small' },
      embeddingModel: 'file-embed',
      embeddingBaseURL: undefined,
      concurrency: 6,
      prices: { 'file-big': { promptPerMillion: 1, completionPerMillion: 2 } },
    });
    const resolved = resolveModelConfig({
      config,
      env: {
        OPENAI_BASE_URL: 'http://env:9000/v1',
        MY_KEY: 'secret',
        OPENAI_API_KEY: 'ignored because apiKeyEnv names MY_KEY',
        ENVSCALER_MODEL: 'env-default',
        ENVSCALER_MODEL_LOGIC_METHOD: 'env-big',
        ENVSCALER_MODEL_SCENARIO_TASK: 'env-task',
        ENVSCALER_EMBEDDING_MODEL: 'env-embed',
        ENVSCALER_CONCURRENCY: '3',
      },
    });
    expect(resolved).toMatchObject({
      baseURL: 'http://env:9000/v1',
      apiKey: 'secret',
      model: 'env-default',
      stageModels: {
        'logic-method': 'env-big',
        'quality-checker': 'file-small',
        'scenario-task': 'env-task',
      },
      embeddingModel: 'env-embed',
      concurrency: 3,
    });
    expect(() => resolveModelConfig({ env: { ENVSCALER_CONCURRENCY: 'many' } })).toThrow(
      /ENVSCALER_CONCURRENCY/,
    );
    expect(resolveModelConfig({ config: { concurrency: 2 }, env: {} }).concurrency).toBe(2);
    expect(resolveModelConfig({ env: { OPENAI_API_KEY: 'k' } })).toMatchObject({
      apiKey: 'k',
      apiKeyEnv: 'OPENAI_API_KEY',
    });
  });

  it('picks the most specific model for a stage, an option before a variable', () => {
    const env = { ENVSCALER_MODEL: 'env-default', ENVSCALER_MODEL_AGENT: 'env-agent' };
    expect(modelForStage({ stage: 'agent', env })).toBe('env-agent');
    expect(modelForStage({ stage: 'agent', stageModels: { agent: 'opt-agent' }, env })).toBe('opt-agent');
    expect(modelForStage({ stage: 'topic-judge', model: 'opt-default', env })).toBe('opt-default');
    expect(modelForStage({ stage: 'topic-judge', env })).toBe('env-default');
    expect(modelForStage({ stage: 'topic-judge', env: {} })).toBeUndefined();
  });

  it('feeds a resolved config straight into createOpenAIChatModel', async () => {
    const server = await createMockOpenAIServer();
    try {
      const env = { OPENAI_BASE_URL: server.url, ENVSCALER_MODEL_AGENT: 'env-agent' };
      const resolved = resolveModelConfig({
        config: { models: { default: 'file-default' }, concurrency: 2 },
        env,
      });
      const model = createOpenAIChatModel({ ...resolved, env });
      expect(model.limiter?.concurrency).toBe(2);
      await model.complete({ stage: 'agent', messages: [{ role: 'user', content: 'hi' }] });
      await model.complete({ stage: 'topic-judge', messages: [{ role: 'user', content: 'hi' }] });
      expect(server.requests.map((r) => r.model)).toEqual(['env-agent', 'file-default']);
    } finally {
      await server.close();
    }
  });
});
