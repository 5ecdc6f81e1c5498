import type { JsonSchema } from '../types/json.js';

// JSON Schemas (draft-07) of everything envscaler writes to disk. They mirror types/artifacts.ts;
// core's tests check that typed examples pass and that malformed ones fail with precise paths.

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const isoDate = { type: 'string', format: 'date-time' } as const;
const jsonObject = { type: 'object' } as const;

export const toolSpecSchema: JsonSchema = {
  $id: 'envscaler:ToolSpec',
  type: 'object',
  required: ['name', 'description', 'parameters', 'kind'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    description: { type: 'string' },
    parameters: { type: 'object', required: ['type'], properties: { type: { const: 'object' } } },
    kind: { enum: ['query', 'mutation'] },
  },
};

export const toolResultSchema: JsonSchema = {
  $id: 'envscaler:ToolResult',
  oneOf: [
    {
      type: 'object',
      required: ['ok', 'data'],
      additionalProperties: false,
      properties: { ok: { const: true }, data: {} },
    },
    {
      type: 'object',
      required: ['ok', 'error'],
      additionalProperties: false,
      properties: {
        ok: { const: false },
        error: {
          type: 'object',
          required: ['code', 'message'],
          additionalProperties: false,
          properties: { code: nonEmptyString, message: { type: 'string' } },
        },
      },
    },
  ],
};

const toolCallRequestSchema = {
  type: 'object',
  required: ['name', 'arguments'],
  additionalProperties: false,
  properties: { name: nonEmptyString, arguments: jsonObject },
} as const;

export const qualityReportSchema: JsonSchema = {
  $id: 'envscaler:QualityReport',
  type: 'object',
  required: ['schemaVersion', 'envId', 'score', 'threshold', 'kept', 'counts', 'steps'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    envId: nonEmptyString,
    score: { type: 'number', minimum: 0, maximum: 1 },
    threshold: { type: 'number', minimum: 0, maximum: 1 },
    kept: { type: 'boolean' },
    counts: {
      type: 'object',
      required: ['pass', 'warning', 'fail'],
      additionalProperties: false,
      properties: {
        pass: { type: 'integer', minimum: 0 },
        warning: { type: 'integer', minimum: 0 },
        fail: { type: 'integer', minimum: 0 },
      },
    },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'tool', 'arguments', 'result', 'verdict', 'reason'],
        additionalProperties: false,
        properties: {
          index: { type: 'integer', minimum: 0 },
          tool: { type: 'string' },
          arguments: jsonObject,
          result: { $ref: 'envscaler:ToolResult' },
          verdict: { enum: ['pass', 'warning', 'fail'] },
          reason: { type: 'string' },
        },
      },
    },
    dropReason: { type: 'string' },
  },
};

export const environmentPackageSchema: JsonSchema = {
  $id: 'envscaler:EnvironmentPackage',
  type: 'object',
  required: [
    'schemaVersion',
    'id',
    'className',
    'topic',
    'summary',
    'introduction',
    'rules',
    'stateSchema',
    'tools',
    'source',
    'initialization',
    'provenance',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
    className: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' },
    topic: nonEmptyString,
    summary: { type: 'string' },
    introduction: { type: 'string' },
    rules: { type: 'array', items: { type: 'string' } },
    stateSchema: jsonObject,
    tools: { type: 'array', minItems: 1, items: { $ref: 'envscaler:ToolSpec' } },
    source: nonEmptyString,
    initialization: { enum: ['state', 'config'] },
    provenance: {
      type: 'object',
      required: ['createdAt'],
      additionalProperties: false,
      properties: {
        seedTask: { type: 'string' },
        seedTaskIds: { type: 'array', items: { type: 'string' } },
        model: { type: 'string' },
        quality: { $ref: 'envscaler:QualityReport' },
        createdAt: isoDate,
        digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
    },
  },
};

const gateResultSchema = {
  type: 'object',
  required: ['passed'],
  additionalProperties: false,
  properties: { passed: { type: 'boolean' }, detail: { type: 'string' } },
} as const;

export const scenarioSchema: JsonSchema = {
  $id: 'envscaler:Scenario',
  type: 'object',
  required: ['schemaVersion', 'id', 'envId', 'task', 'checklist', 'provenance'],
  additionalProperties: false,
  oneOf: [{ required: ['initialState'] }, { required: ['initialConfig'] }],
  properties: {
    schemaVersion: { const: 1 },
    id: nonEmptyString,
    envId: nonEmptyString,
    initialState: {},
    initialConfig: {},
    task: nonEmptyString,
    user: {
      type: 'object',
      required: ['persona', 'knownInfo'],
      additionalProperties: false,
      properties: {
        persona: { type: 'string' },
        knownInfo: { type: 'string' },
        unknownInfo: { type: 'string' },
      },
    },
    checklist: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'description', 'source'],
        additionalProperties: false,
        properties: { id: nonEmptyString, description: { type: 'string' }, source: nonEmptyString },
      },
    },
    referenceSolution: { type: 'array', items: toolCallRequestSchema },
    gates: {
      type: 'object',
      additionalProperties: false,
      properties: {
        doNothing: gateResultSchema,
        solvability: gateResultSchema,
        typecheck: gateResultSchema,
        dedup: gateResultSchema,
      },
    },
    difficulty: {
      type: 'object',
      required: ['label', 'passRate', 'samples'],
      additionalProperties: false,
      properties: {
        label: { enum: ['too_easy', 'trainable', 'too_hard'] },
        passRate: { type: 'number', minimum: 0, maximum: 1 },
        samples: { type: 'integer', minimum: 1 },
      },
    },
    provenance: {
      type: 'object',
      required: ['createdAt'],
      additionalProperties: false,
      properties: { model: { type: 'string' }, createdAt: isoDate, source: { type: 'string' } },
    },
  },
};

const toolCallSchema = {
  type: 'object',
  required: ['id', 'type', 'function'],
  properties: {
    id: { type: 'string' },
    type: { const: 'function' },
    function: {
      type: 'object',
      required: ['name', 'arguments'],
      properties: { name: { type: 'string' }, arguments: { type: 'string' } },
    },
  },
} as const;

export const chatMessageSchema: JsonSchema = {
  $id: 'envscaler:ChatMessage',
  type: 'object',
  required: ['role'],
  properties: { role: { enum: ['system', 'user', 'assistant', 'tool'] } },
  allOf: [
    {
      if: { properties: { role: { const: 'assistant' } } },
      then: {
        required: ['content'],
        properties: {
          content: { type: ['string', 'null'] },
          tool_calls: { type: 'array', items: toolCallSchema },
        },
      },
    },
    {
      if: { properties: { role: { const: 'tool' } } },
      then: {
        required: ['tool_call_id', 'content'],
        properties: { tool_call_id: { type: 'string' }, content: { type: 'string' } },
      },
    },
    {
      if: { properties: { role: { enum: ['system', 'user'] } } },
      then: { required: ['content'], properties: { content: { type: 'string' } } },
    },
  ],
};

const usageSchema = {
  type: 'object',
  required: ['promptTokens', 'completionTokens'],
  properties: {
    promptTokens: { type: 'integer', minimum: 0 },
    completionTokens: { type: 'integer', minimum: 0 },
    costUsd: { type: 'number', minimum: 0 },
  },
} as const;

export const rewardSchema: JsonSchema = {
  $id: 'envscaler:Reward',
  type: 'object',
  required: ['score', 'success', 'checks'],
  additionalProperties: false,
  properties: {
    score: { type: 'number', minimum: 0, maximum: 1 },
    success: { type: 'boolean' },
    checks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'passed'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, passed: { type: 'boolean' }, error: { type: 'string' } },
      },
    },
  },
};

export const trajectorySchema: JsonSchema = {
  $id: 'envscaler:Trajectory',
  type: 'object',
  required: [
    'schemaVersion',
    'id',
    'scenarioId',
    'envId',
    'trial',
    'mode',
    'messages',
    'finalState',
    'termination',
    'usage',
    'durationMs',
    'startedAt',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    id: nonEmptyString,
    scenarioId: nonEmptyString,
    envId: nonEmptyString,
    trial: { type: 'integer', minimum: 0 },
    mode: { enum: ['conversational', 'non_conversational'] },
    messages: { type: 'array', items: { $ref: 'envscaler:ChatMessage' } },
    finalState: {},
    termination: { enum: ['agent_done', 'user_stop', 'max_steps', 'max_tokens', 'error'] },
    reward: { $ref: 'envscaler:Reward' },
    usage: usageSchema,
    calls: {
      type: 'array',
      items: {
        type: 'object',
        required: ['stage', 'model', 'promptTokens', 'completionTokens'],
        additionalProperties: false,
        properties: {
          stage: { type: 'string' },
          model: { type: 'string' },
          promptTokens: { type: 'integer', minimum: 0 },
          completionTokens: { type: 'integer', minimum: 0 },
          cachedPromptTokens: { type: 'integer', minimum: 0 },
        },
      },
    },
    durationMs: { type: 'number', minimum: 0 },
    error: { type: 'string' },
    startedAt: isoDate,
  },
};

const rateSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['k', 'value', 'ci'],
    additionalProperties: false,
    properties: {
      k: { type: 'integer', minimum: 1 },
      value: { type: 'number', minimum: 0, maximum: 1 },
      ci: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } },
    },
  },
} as const;

export const runSummarySchema: JsonSchema = {
  $id: 'envscaler:RunSummary',
  type: 'object',
  required: [
    'schemaVersion',
    'runId',
    'createdAt',
    'episodes',
    'scenarios',
    'trialsPerScenario',
    'meanReward',
    'successRate',
    'passHatK',
    'passAtK',
    'perEnvironment',
    'terminations',
    'usage',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    runId: nonEmptyString,
    createdAt: isoDate,
    episodes: { type: 'integer', minimum: 0 },
    scenarios: { type: 'integer', minimum: 0 },
    trialsPerScenario: { type: 'integer', minimum: 0 },
    meanReward: { type: 'number', minimum: 0, maximum: 1 },
    successRate: { type: 'number', minimum: 0, maximum: 1 },
    passHatK: rateSchema,
    passAtK: rateSchema,
    perEnvironment: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['episodes', 'meanReward', 'successRate'],
        additionalProperties: false,
        properties: {
          episodes: { type: 'integer', minimum: 0 },
          meanReward: { type: 'number' },
          successRate: { type: 'number' },
        },
      },
    },
    terminations: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    usage: usageSchema,
  },
};
