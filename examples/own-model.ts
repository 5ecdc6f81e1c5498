// Point envscaler at your own OpenAI-compatible endpoint, with a model per pipeline stage.
//
//   OPENAI_BASE_URL=http://localhost:8000/v1 ENVSCALER_MODEL=qwen3-8b \
//   ENVSCALER_MODEL_LOGIC_METHOD=qwen3-32b pnpm --filter @envscaler/examples own-model
import { completeJson } from '@envscaler/core';
import { createOpenAIChatModel, createUsageTracker, resolveModelConfig } from '@envscaler/llm';

// Environment variables win over the file's values; the file is what `envscaler init` writes.
const config = resolveModelConfig({
  config: { models: { default: 'gpt-4.1-mini', stages: { 'quality-checker': 'gpt-4.1-mini' } } },
  env: process.env,
});
const usage = createUsageTracker({ prices: { 'gpt-4.1-mini': { promptPerMillion: 0.4, completionPerMillion: 1.6 } } });
const model = createOpenAIChatModel({ ...config, usage });

console.log(`endpoint ${model.baseURL}; 'logic-method' uses ${model.modelFor('logic-method')}`);
const verdict = await completeJson<{ stateful: boolean; reason: string }>({
  model,
  schema: {
    type: 'object',
    required: ['stateful', 'reason'],
    properties: { stateful: { type: 'boolean' }, reason: { type: 'string' } },
  },
  request: {
    stage: 'topic-judge',
    messages: [
      {
        role: 'user',
        content:
          'Does this task need a persistent, stateful environment? "Book two seats on flight UA 12 for tomorrow." ' +
          'Answer with JSON: {"stateful": boolean, "reason": string}.',
      },
    ],
  },
});
console.log(verdict);
console.log(JSON.stringify(usage.report().total));
