import { scenarioFunnelGates } from '../types/reports.js';
import type { JsonSchema } from '../types/json.js';

// JSON Schemas (draft-07) of the stage reports; they mirror types/reports.ts. Reports are read by people
// and the viewer, not resumed from, so the schemas check every field the readers use and its type.

const count = { type: 'integer', minimum: 0 } as const;
const isoDate = { type: 'string', format: 'date-time' } as const;
const stringList = { type: 'array', items: { type: 'string' } } as const;

/** `StageUsage`: calls, tokens and (when priced) cost of one slice of a run. */
export const stageUsageSchema: JsonSchema = {
  $id: 'envscaler:StageUsage',
  type: 'object',
  required: ['calls', 'cachedCalls', 'promptTokens', 'completionTokens'],
  additionalProperties: false,
  properties: {
    calls: count,
    cachedCalls: count,
    promptTokens: count,
    completionTokens: count,
    costUsd: { type: 'number', minimum: 0 },
  },
};

const usageMap = { type: 'object', additionalProperties: { $ref: 'envscaler:StageUsage' } } as const;

const funnelDropSchema = {
  type: 'object',
  required: ['stage', 'id', 'reason'],
  additionalProperties: false,
  properties: { stage: { type: 'string' }, id: { type: 'string' }, reason: { type: 'string' } },
} as const;

const repairReportSchema = {
  type: 'object',
  required: ['round', 'diagnostics'],
  additionalProperties: false,
  properties: {
    round: { type: 'integer', minimum: 1 },
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'line', 'code', 'message'],
        additionalProperties: false,
        properties: {
          file: { type: 'string' },
          line: count,
          code: { type: 'string' },
          message: { type: 'string' },
          method: { type: 'string' },
        },
      },
    },
    omitted: count,
  },
} as const;

const envOutcomeSchema = {
  type: 'object',
  required: ['envId', 'topicId', 'topic', 'taskIds', 'status'],
  additionalProperties: false,
  properties: {
    envId: { type: 'string', minLength: 1 },
    topicId: { type: 'string' },
    topic: { type: 'string' },
    taskIds: stringList,
    status: { enum: ['kept', 'dropped'] },
    stage: { type: 'string' },
    reason: { type: 'string' },
    className: { type: 'string' },
    qualityScore: { type: 'number' },
    repairRounds: count,
    repairs: { type: 'array', items: repairReportSchema },
    path: { type: 'string' },
  },
} as const;

export const buildReportSchema: JsonSchema = {
  $id: 'envscaler:BuildReport',
  type: 'object',
  required: [
    'schemaVersion',
    'createdAt',
    'wallTimeMs',
    'aborted',
    'corpus',
    'dedup',
    'thresholds',
    'funnel',
    'tokens',
    'tokensByModel',
    'totalTokens',
    'unpricedModels',
    'cache',
    'envs',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    createdAt: isoDate,
    wallTimeMs: { type: 'number', minimum: 0 },
    aborted: { type: 'boolean' },
    model: { type: 'string' },
    corpus: {
      type: 'object',
      required: ['tasks'],
      additionalProperties: false,
      properties: {
        tasks: count,
        filters: {
          type: 'object',
          required: ['source', 'format', 'records', 'filtered', 'dropped', 'tasks'],
          additionalProperties: false,
          properties: {
            source: { type: 'string' },
            format: { type: 'string' },
            records: count,
            filtered: { type: 'boolean' },
            dropped: { type: 'object', additionalProperties: count },
            tasks: count,
          },
        },
      },
    },
    dedup: {
      type: 'object',
      required: ['method', 'threshold', 'merged'],
      additionalProperties: false,
      properties: {
        method: { enum: ['embeddings', 'tfidf'] },
        threshold: { type: 'number' },
        merged: {
          type: 'array',
          items: {
            type: 'object',
            required: ['representative', 'members'],
            additionalProperties: false,
            properties: { representative: { type: 'string' }, members: stringList },
          },
        },
      },
    },
    thresholds: {
      type: 'object',
      required: ['minScore', 'quality', 'dedupSimilarity'],
      additionalProperties: false,
      properties: {
        minScore: { type: 'number' },
        quality: { type: 'number' },
        dedupSimilarity: { type: 'number' },
      },
    },
    funnel: {
      type: 'array',
      items: {
        type: 'object',
        required: ['stage', 'in', 'out', 'dropped'],
        additionalProperties: false,
        properties: {
          stage: { type: 'string' },
          in: count,
          out: count,
          dropped: { type: 'array', items: funnelDropSchema },
        },
      },
    },
    tokens: usageMap,
    tokensByModel: usageMap,
    totalTokens: { $ref: 'envscaler:StageUsage' },
    unpricedModels: stringList,
    cache: {
      type: 'object',
      required: ['hits', 'misses'],
      additionalProperties: false,
      properties: { hits: count, misses: count },
    },
    envs: { type: 'array', items: envOutcomeSchema },
  },
};

const gate = { enum: [...scenarioFunnelGates] } as const;

export const scenarioReportSchema: JsonSchema = {
  $id: 'envscaler:ScenarioReport',
  type: 'object',
  required: [
    'schemaVersion',
    'envId',
    'createdAt',
    'requested',
    'candidates',
    'kept',
    'funnel',
    'dropped',
    'checks',
    'checkErrors',
    'tokens',
    'totals',
    'tokensByModel',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    envId: { type: 'string', minLength: 1 },
    createdAt: isoDate,
    requested: count,
    candidates: count,
    kept: count,
    funnel: {
      type: 'array',
      items: {
        type: 'object',
        required: ['gate', 'entered', 'passed', 'dropped', 'reasons'],
        additionalProperties: false,
        properties: {
          gate,
          entered: count,
          passed: count,
          dropped: count,
          reasons: { type: 'object', additionalProperties: count },
        },
      },
    },
    dropped: {
      type: 'array',
      items: {
        type: 'object',
        required: ['slot', 'gate', 'reason'],
        additionalProperties: false,
        properties: { slot: count, scenarioId: { type: 'string' }, gate, reason: { type: 'string' } },
      },
    },
    checks: {
      type: 'object',
      required: ['generated', 'repaired', 'droppedTypecheck', 'rewritten', 'droppedDoNothing'],
      additionalProperties: false,
      properties: {
        generated: count,
        repaired: count,
        droppedTypecheck: count,
        rewritten: count,
        droppedDoNothing: count,
      },
    },
    checkErrors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['scenarioId', 'checkId', 'gate', 'error'],
        additionalProperties: false,
        properties: {
          scenarioId: { type: 'string' },
          checkId: { type: 'string' },
          gate: { enum: ['doNothing', 'solvability'] },
          error: { type: 'string' },
        },
      },
    },
    difficulty: {
      type: 'object',
      required: ['too_easy', 'trainable', 'too_hard'],
      additionalProperties: false,
      properties: { too_easy: count, trainable: count, too_hard: count },
    },
    tokens: usageMap,
    totals: { $ref: 'envscaler:StageUsage' },
    tokensByModel: usageMap,
    costUsd: { type: 'number', minimum: 0 },
    unpricedModels: stringList,
    error: { type: 'string' },
  },
};
